package validate

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
)

// pageChart is one chart as its page names it: by the id written, or by its
// number in its section when it has none. A page shows at most two
// sections: a data file's charts: list and a text's chart blocks.
type pageChart struct {
	section string   // the charts numbered together
	number  int      // its place in the section, from 1
	id      string   // as written; "" when none
	at      diag.Pos // the id, or the chart when it has none
	field   string   // the id's field path
}

func (c pageChart) name() string {
	if c.id != "" {
		return c.id
	}
	return strconv.Itoa(c.number)
}

// listCharts names the charts of a data file's charts: list.
func listCharts(section string, charts []load.ChartSpec) []pageChart {
	out := make([]pageChart, len(charts))
	for i := range charts {
		c := &charts[i]
		out[i] = pageChart{section: section, number: i + 1, id: c.ID, at: c.At("id"), field: fmt.Sprintf("charts[%d].id", i)}
	}
	return out
}

// textCharts names the chart blocks of a Markdown file that decoded.
func (v *validator) textCharts(d *load.Doc) []pageChart {
	var out []pageChart
	for _, n := range d.Marks {
		if b, ok := n.(*markdown.ChartBlock); ok {
			if spec := v.cat.Blocks[b]; spec != nil {
				out = append(out, pageChart{section: d.Path, number: b.Index + 1, id: spec.ID, at: spec.At("id"), field: "chart.id"})
			}
		}
	}
	return out
}

// chartIDs checks the ids of one section's charts: each can name an
// element of the page, and no two charts share a name.
func (v *validator) chartIDs(charts []pageChart) {
	for _, c := range charts {
		if c.id != "" && !load.ValidSlug(c.id) {
			v.list.Errorf(c.at, c.field, diag.T("use lowercase letters, digits and -, e.g. funds-split"), "%q cannot name a chart", c.id)
		}
	}
	v.sameChartNames(charts, false)
}

// sameChartNames reports charts of one page that share a name, once per
// chart whose id is written (numbers alone never clash within a section,
// and two sections numbering their charts 1, 2 … is no one's mistake).
// across skips pairs within one section, checked with the section.
func (v *validator) sameChartNames(charts []pageChart, across bool) {
	if len(charts) < 2 {
		return
	}
	seen := map[string][]pageChart{} // by name: the first with an id, the first without, per section
	for _, c := range charts {
		if c.id != "" && !load.ValidSlug(c.id) {
			continue // reported as such
		}
		name := c.name()
		for _, prev := range seen[name] {
			if (across && prev.section == c.section) || (prev.id == "" && c.id == "") {
				continue
			}
			v.sameChartName(prev, c)
			break
		}
		if !slices.ContainsFunc(seen[name], func(p pageChart) bool { return p.section == c.section && (p.id == "") == (c.id == "") }) {
			seen[name] = append(seen[name], c)
		}
	}
}

// sameChartName reports two charts of a page named alike, at the id written.
func (v *validator) sameChartName(first, second pageChart) {
	switch {
	case first.id != "" && second.id != "":
		v.list.Errorf(second.at, second.field, diag.T("give each chart on a page its own id"), "chart id %q is already used at %s", second.id, first.at)
	case second.id != "":
		v.list.Errorf(second.at, second.field, numberedHint, "chart id %q is also the number of the chart at %s, which has no id", second.id, first.at)
	default:
		v.list.Errorf(first.at, first.field, numberedHint, "chart id %q is also the number of the chart at %s, which has no id", first.id, second.at)
	}
}

var numberedHint = diag.T("a chart without an id is named by its place in the list (1, 2 …); give this chart a name, e.g. funds-2020")

// pageChartIDs checks the charts a page gathers from two files: an
// activity's (or the campaign's) charts: list and its text's chart blocks.
func (v *validator) pageChartIDs() {
	texts := map[string]*load.Doc{}
	for _, d := range v.in.Docs {
		switch d.Kind {
		case load.KindActivity:
			texts[d.Slug] = d
		case load.KindHome:
			texts[""] = d
		}
	}
	check := func(list []pageChart, text *load.Doc) {
		if text != nil {
			v.sameChartNames(append(list, v.textCharts(text)...), true)
		}
	}
	check(listCharts(load.CampaignFile, v.in.Campaign.Charts), texts[""])
	for _, a := range v.in.Activities {
		check(listCharts(load.ActivitiesDir+"/"+a.Slug+".yaml", a.Charts), texts[a.Slug])
	}
}
