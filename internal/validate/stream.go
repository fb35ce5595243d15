package validate

import (
	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
)

// Texts checks the Markdown files Check did not see — the stories a build
// streams (load.Stories) — one at a time, against Check's catalog, as
// Check would have checked them. Checking a text only reads what Check
// made (the references to figures Check refused stay quiet, as in Check),
// so several goroutines may check texts at once.
type Texts struct {
	in      *load.Input
	cat     *Catalog
	broken  map[string]bool
	refused map[string]bool
}

// CheckAllButTexts is Check of an Input whose stories are left out; the
// returned Texts checks them.
func CheckAllButTexts(in *load.Input, list *diag.List) (*Catalog, *Texts) {
	v := checker(in, list, nil)
	return v.cat, &Texts{in: in, cat: v.cat, broken: v.broken, refused: v.refused}
}

// Check checks d, adding its problems to list, and returns the catalog
// seen from d: Check's, with the specs of d's chart blocks (Blocks,
// Charts) in maps of its own.
func (t *Texts) Check(d *load.Doc, list *diag.List) *Catalog {
	cat := *t.cat
	cat.Blocks, cat.Charts = nil, nil // read only for chart blocks
	for _, n := range d.Marks {
		if _, ok := n.(*markdown.ChartBlock); ok {
			cat.Blocks, cat.Charts = map[*markdown.ChartBlock]*load.ChartSpec{}, map[*load.ChartSpec]*chart.Spec{}
			break
		}
	}
	v := &validator{in: t.in, list: list, cat: &cat, broken: t.broken, refused: t.refused}
	v.doc(d)
	return &cat
}
