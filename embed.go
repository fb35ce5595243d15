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

// The bundle of the ECharts parts jinzhan draws (make deps: npm run build:echarts).
//
//go:embed node_modules/jinzhan-web/echarts.min.js
var echartsScript []byte

//go:embed node_modules/echarts/LICENSE
var echartsLicense []byte

//go:embed node_modules/zrender/LICENSE
var zrenderLicense []byte

// DefaultTheme is the built-in theme, rooted at its folder.
func DefaultTheme() fs.FS {
	sub, err := fs.Sub(themes, "themes/default")
	if err != nil {
		panic(err) // the folder is embedded above
	}
	return sub
}

// ECharts returns the pinned Apache ECharts script and its licences
// (ECharts', and that of ZRender, which the bundle includes).
func ECharts() (script, license []byte) {
	license = append(append([]byte("Apache ECharts\n\n"), echartsLicense...), "\n\nZRender (bundled in the ECharts script)\n\n"...)
	return echartsScript, append(license, zrenderLicense...)
}
