package site

import (
	"slices"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
)

// sources is a list of sources in the order first cited, each once. A
// source is known by its id: in a preview session, figures kept from an
// earlier build hold an earlier copy of the same source.
type sources []*load.Source

func (s *sources) add(src *load.Source) {
	if src != nil && !slices.ContainsFunc(*s, func(x *load.Source) bool { return x.ID == src.ID }) {
		*s = append(*s, src)
	}
}

func (s *sources) figures(fs []*Figure) {
	for _, f := range fs {
		s.add(f.Source)
	}
}

func (s *sources) charts(cs []*chart.Chart) {
	for _, c := range cs {
		for _, src := range c.Cited {
			s.add(src)
		}
	}
}

// text adds the sources of what a page's Markdown text shows: the figures
// it cites and its chart blocks.
func (s *sources) text(b *builder, p *Page) {
	if p.Doc == nil {
		return
	}
	for _, n := range p.Doc.Marks {
		switch n := n.(type) {
		case *markdown.FigureRef:
			if f, ok := b.cat.Figure(n.Ref, ""); ok && p.Resolved.Figure(n) != nil {
				s.add(f.Source)
			}
		case *markdown.ChartBlock:
			if c, ok := p.Resolved.Chart(n).(*chart.Chart); ok {
				s.charts([]*chart.Chart{c})
			}
		}
	}
}

// or is the list, or fallback alone when nothing was cited.
func (s sources) or(fallback *load.Source) []*load.Source {
	if len(s) == 0 && fallback != nil {
		return []*load.Source{fallback}
	}
	return s
}

// cite names, for each page that has a source line, every source the
// figures shown there use: a page whose figures come from two sources
// names both. It runs once the texts are resolved.
func (b *builder) cite(home *Page) {
	for _, a := range b.site.Activities {
		var s sources
		s.figures(a.Metrics)
		for _, t := range a.Targets {
			s.add(t.Goal.Source)
			if t.Actual != nil {
				s.add(t.Actual.Source)
			}
		}
		for _, bd := range a.Breakdowns {
			s.figures(bd.Figures)
		}
		s.charts(a.Charts)
		s.text(b, a.Page)
		put(b.changes, &a.Cited, s.or(a.Source))
	}
	c := b.site.Campaign
	var s sources
	s.figures(c.Headline)
	if c.Carriers != nil {
		s.add(c.Carriers.Source)
	}
	for _, a := range b.site.Activities {
		s.figures(a.KeyMetrics) // each activity's card
	}
	s.charts(c.Charts)
	s.text(b, home)
	put(b.changes, &c.Cited, s.or(c.Source))
}

// citedAnywhere lists the sources that some figure of the site cites, in
// the order data/campaign.yaml lists them (the footer names them all).
func (b *builder) citedAnywhere() []*load.Source {
	used := map[string]bool{}
	cite := func(f *Figure) {
		if f != nil && f.Source != nil {
			used[f.Source.ID] = true
		}
	}
	for _, f := range b.cat.Figures {
		cite(f)
	}
	for _, t := range b.cat.Targets {
		cite(t.Goal)
		cite(t.Actual)
	}
	for _, s := range b.cat.Series {
		for _, p := range s.Points {
			cite(p.Fig)
		}
	}
	var out []*load.Source
	for _, src := range b.site.Campaign.Sources {
		if used[src.ID] {
			out = append(out, src)
		}
	}
	return sources(out).or(b.site.Campaign.Source)
}
