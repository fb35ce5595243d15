package chart

import (
	"slices"

	"github.com/jinzhan-dev/jinzhan/internal/locale"
)

// shown returns a copy of s whose items carry what the page shows, in the
// locale's language: each figure, its date and source, and a series
// point's date as its label; the gauge's items are named by the words.
func shown(s *Spec, w Words, loc *locale.Locale) *Spec {
	out := *s
	out.loc = loc
	show := func(it Item) Item {
		it.display = loc.Figure(it.Quantity)
		it.asOf = loc.Date(it.AsOf)
		it.source = loc.Citation(it.Source)
		if !it.When.IsZero() {
			it.Label = loc.Date(it.When)
		}
		return it
	}
	showAll := func(items []Item) []Item {
		items = slices.Clone(items)
		for i := range items {
			items[i] = show(items[i])
		}
		return items
	}
	out.Items = showAll(s.Items)
	out.Rows = slices.Clone(s.Rows)
	for i := range out.Rows {
		out.Rows[i].Items = showAll(out.Rows[i].Items)
	}
	out.Lines = slices.Clone(s.Lines)
	for i := range out.Lines {
		out.Lines[i].Items = showAll(out.Lines[i].Items)
	}
	if s.Gauge != nil {
		g := *s.Gauge
		g.Goal, g.Actual = show(g.Goal), show(g.Actual)
		g.Goal.Label, g.Actual.Label = w.Goal, w.Actual
		if g.Start != nil {
			start := show(*g.Start)
			start.Label = w.Start
			g.Start = &start
		}
		out.Gauge = &g
	}
	return &out
}
