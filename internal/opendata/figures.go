// Package opendata publishes the site's figures as data files, for
// readers who reuse them and for the build's own report of what changed.
package opendata

import (
	"encoding/json"
	"slices"

	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

// FiguresPath is where every figure of the site is published.
const FiguresPath = "data/figures.json"

// Figure is one figure as published.
type Figure struct {
	Ref       string      `json:"ref"`
	Activity  string      `json:"activity"`
	Label     string      `json:"label"`
	Value     json.Number `json:"value"` // exact, in Unit
	Unit      string      `json:"unit"`
	Qualifier string      `json:"qualifier,omitempty"`
	Display   string      `json:"display"`
	AsOf      string      `json:"as_of,omitempty"`
	Source    string      `json:"source,omitempty"`
}

// File is the published figures file.
type File struct {
	Figures []Figure `json:"figures"`
}

// Figures lists every figure of the catalog, sorted by reference, each
// shown (display, source) in loc's language.
func Figures(cat *validate.Catalog, loc *locale.Locale) File {
	out := File{Figures: []Figure{}}
	for _, ref := range cat.FigureRefs() {
		f := cat.Figures[ref]
		out.Figures = append(out.Figures, Figure{
			Ref: ref, Activity: f.Activity, Label: f.Label, Value: json.Number(f.Value.String()), Unit: f.Base(),
			Qualifier: f.Qualifier, Display: loc.Figure(f.Quantity), AsOf: f.AsOf.ISO(), Source: loc.Citation(f.Source),
		})
	}
	slices.SortFunc(out.Figures, func(a, b Figure) int {
		switch {
		case a.Ref < b.Ref:
			return -1
		case a.Ref > b.Ref:
			return 1
		}
		return 0
	})
	return out
}

// Marshal encodes the file, indented, HTML-safe.
func (f File) Marshal() ([]byte, error) {
	data, err := json.MarshalIndent(f, "", "  ")
	return append(data, '\n'), err
}
