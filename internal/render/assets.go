package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/theme"
)

// File is one output file that is not a page.
type File struct {
	Path string // relative to the output root, e.g. assets/css/site.1a2b3c4d.css
	Data []byte
	// Static is the theme file it is copied from (static/…, as the theme
	// layers name it); "" for a file the build makes.
	Static string
}

// EChartsAsset is the logical name of the ECharts script.
const EChartsAsset = "js/echarts.min.js"

// assets fingerprints everything under static/assets/ (so browsers may
// cache it for ever) and copies the other static files as they are.
func collectAssets(layers theme.Layers, echarts []byte) (map[string]string, []File, error) {
	urls := map[string]string{}
	var files []File
	add := func(logical string, data []byte, static string) {
		sum := sha256.Sum256(data)
		ext := path.Ext(logical)
		base := strings.TrimSuffix(logical, ext)
		if strings.HasSuffix(base, ".min") {
			base, ext = strings.TrimSuffix(base, ".min"), ".min"+ext
		}
		out := "assets/" + base + "." + hex.EncodeToString(sum[:4]) + ext
		urls[logical] = "/" + out
		files = append(files, File{Path: out, Data: data, Static: static})
	}
	for _, p := range layers.Files("static") {
		data, err := fs.ReadFile(layers, p)
		if err != nil {
			return nil, nil, err
		}
		rel := strings.TrimPrefix(p, "static/")
		if logical, ok := strings.CutPrefix(rel, "assets/"); ok {
			add(logical, data, p)
		} else {
			files = append(files, File{Path: rel, Data: data, Static: p})
		}
	}
	if echarts != nil {
		add(EChartsAsset, echarts, "")
	}
	return urls, files, nil
}
