// Package jinzhan carries the files the binary needs at run time: the
// default theme and the ECharts script that npm installed (pinned by
// package-lock.json), so a built binary works from any folder.
package jinzhan

import (
	"embed"
	"io/fs"
)

//go:embed themes/default
var themes embed.FS

//go:embed node_modules/echarts/dist/echarts.min.js
var echartsScript []byte

//go:embed node_modules/echarts/LICENSE
var echartsLicense []byte

// DefaultTheme is the built-in theme, rooted at its folder.
func DefaultTheme() fs.FS {
	sub, err := fs.Sub(themes, "themes/default")
	if err != nil {
		panic(err) // the folder is embedded above
	}
	return sub
}

// ECharts returns the pinned Apache ECharts script and its licence.
func ECharts() (script, license []byte) { return echartsScript, echartsLicense }
