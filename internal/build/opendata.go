package build

import (
	"github.com/jinzhan-dev/jinzhan/internal/render"
	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// dataFiles are the open-data files of the model: each dataset's CSV and
// JSON, and the combined CSV (data/figures.json, its JSON, is published
// from the catalog by outputFiles).
func dataFiles(model *site.Site) []render.File {
	var files []render.File
	for _, d := range model.Data {
		files = append(files, render.File{Path: d.CSVPath(), Data: d.CSV}, render.File{Path: d.JSONPath(), Data: d.JSON})
	}
	if d := model.AllData; d != nil {
		files = append(files, render.File{Path: d.CSVPath(), Data: d.CSV})
	}
	return files
}
