package build

import (
	"hash/maphash"
	"slices"
	"strconv"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/yuin/goldmark/ast"
)

// A page's signature hashes everything its layout and text read, so the
// preview server re-renders a page only when one of them changed. The
// global part (site settings, menu, campaign source, theme) is in every
// signature; the rest depends on the kind of page.
type digest struct{ maphash.Hash }

func (d *digest) str(ss ...string) {
	for _, s := range ss {
		d.WriteString(s)
		d.WriteByte(0)
	}
}

func (d *digest) num(n int) { d.str(strconv.Itoa(n)) }

func (d *digest) figure(f *site.Figure) {
	d.str(f.Ref, f.Label, f.Quantity.Written.String(), f.Unit.Written, f.Qualifier, f.UnitEn, f.Shown.Written, f.Value.String(), f.Note, f.AsOf.ISO())
	d.sources(f.Source)
}

// sources hashes sources as a page cites them.
func (d *digest) sources(ss ...*load.Source) {
	for _, s := range ss {
		if s != nil {
			d.str(s.ID, s.Publisher, s.Title, s.Date.ISO(), s.Author, s.URL)
		}
	}
}

func (d *digest) charts(cs []*chart.Chart) {
	for _, c := range cs {
		d.str(c.ID, c.Type, c.Title, c.Summary, string(c.Option), c.Sources, c.AsOf, c.DataURL)
		d.sources(c.Cited...)
		d.num(c.Height)
		for _, r := range c.Table.Rows {
			d.str(r.Header)
			d.str(r.Cells...)
		}
	}
}

// doc hashes a Markdown page: its text and what its references and chart
// blocks resolved to.
func (d *digest) doc(doc *load.Doc) {
	if doc == nil {
		return
	}
	fm := doc.Front
	d.str(doc.Path, fm.Title, fm.Summary, fm.Date.ISO(), fm.Activity)
	d.str(fm.Townships...)
	d.str(fm.Villages...)
	d.Write(doc.Body)
	_ = ast.Walk(doc.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *markdown.FigureRef:
			if entering && n.Figure != nil {
				d.str(n.Figure.Display, n.Figure.Value, n.Figure.Title)
			}
		case *markdown.ChartBlock:
			if c, ok := n.Chart.(*chart.Chart); entering && ok {
				d.charts([]*chart.Chart{c})
			}
		}
		return ast.WalkContinue, nil
	})
}

func (d *digest) date(t load.Date) {
	d.num(t.Year*10000 + t.Month*100 + t.Day)
}

func (d *digest) storyEntry(s *site.Story) {
	d.str(s.URL, s.Title, s.Summary)
	d.date(s.Date)
	for _, t := range s.Townships {
		d.str(t.URL, t.Name)
	}
}

// storyPreview covers the few stories an activity or township page shows.
func (d *digest) storyPreview(stories []*site.Story) {
	d.num(len(stories))
	for _, st := range stories[:min(site.Preview, len(stories))] {
		d.storyEntry(st)
	}
}

func (d *digest) activity(a *site.Activity) {
	d.str(a.URL, a.Title, a.ShortTitle, a.Summary, a.Participants, a.Period, a.AsOf)
	for _, f := range a.Metrics {
		d.figure(f)
	}
	for _, f := range a.KeyMetrics {
		d.figure(f)
	}
	for _, t := range a.Targets {
		d.figure(t.Goal)
		d.str(t.Deadline.ISO(), t.Spec.Note, t.Spec.Direction)
		if t.Actual != nil {
			d.str("actual")
			d.figure(t.Actual)
		}
		if t.From != nil {
			d.str("from")
			d.figure(t.From)
		}
	}
	for _, b := range a.Breakdowns {
		d.breakdown(b)
	}
	d.charts(a.Charts)
	d.sources(a.Cited...)
}

func (d *digest) breakdown(b *site.Breakdown) {
	d.str(b.ID, b.Name, b.Kind, b.Note, b.Activity.URL, b.Activity.ShortTitle)
	for _, t := range b.Townships {
		d.str(t.URL, t.Name)
	}
	for _, v := range b.Villages {
		d.str(v.Village.Name, v.Township.Slug, v.Township.Name)
	}
	for _, f := range b.Figures {
		d.figure(f)
	}
}

// globalSignature covers what every page shows: header, footer, theme.
func globalSignature(seed maphash.Seed, s *site.Site, themeKey string) uint64 {
	var d digest
	d.SetSeed(seed)
	d.str(themeKey, s.Title, s.Description, s.BaseURL, s.Language, s.Copyright)
	for _, m := range s.Menu {
		d.str(m.Label, m.URL, m.Kind)
	}
	n := s.PlaceNames
	d.str(n.Township, n.Townships, n.Village, n.Villages, strconv.FormatBool(len(s.Townships) > 0))
	d.sources(s.Cited...)
	return d.Sum64()
}

// pageSignature hashes what page p shows beyond the global part.
func pageSignature(seed maphash.Seed, global uint64, s *site.Site, p *site.Page) uint64 {
	var d digest
	d.SetSeed(seed)
	d.str(strconv.FormatUint(global, 16), p.URL, p.Kind, p.Title, p.Summary)
	d.doc(p.Doc)
	switch p.Kind {
	case "home":
		c := s.Campaign
		d.str(c.Name, c.Place, c.Summary, c.Period, c.AsOf)
		d.sources(c.Cited...)
		for _, f := range c.Headline {
			d.figure(f)
		}
		if c.Carriers != nil {
			d.figure(c.Carriers)
		}
		d.num(c.Unnamed)
		d.charts(c.Charts)
		for _, o := range c.Organisers {
			d.str(o.Name, o.Duty)
			for _, g := range o.Groups {
				d.str(g.Name, g.Duty)
			}
		}
		for _, a := range s.Activities {
			d.activity(a)
		}
		for _, st := range s.Stories[:min(6, len(s.Stories))] {
			d.storyEntry(st)
		}
	case "activity":
		d.activity(p.Activity)
		d.storyPreview(p.Activity.Stories)
	case "township":
		t := p.Township
		for _, v := range t.Villages {
			d.str(v.Name)
		}
		for _, b := range t.Breakdowns {
			d.breakdown(b)
		}
		d.storyPreview(t.Stories)
	case "townships":
		for _, t := range s.Townships {
			d.str(t.URL, t.Name)
			for _, v := range t.Villages {
				d.str(v.Name)
			}
			d.num(len(t.Stories))
			d.num(t.Figures)
		}
	case "stories":
		l := p.List
		d.num(l.Total)
		d.num(l.Number)
		d.num(l.Pages)
		d.str(l.Prev, l.Next)
		if l.Activity != nil {
			d.str(l.Activity.URL, l.Activity.ShortTitle)
		}
		if l.Township != nil {
			d.str(l.Township.URL, l.Township.Name)
		}
		for _, st := range l.Stories {
			d.storyEntry(st)
		}
	case "data":
		// The page shows each dataset's title, rows, date, sources and file sizes.
		for _, ds := range append(slices.Clone(s.Data), s.AllData) {
			if ds == nil {
				continue // a site without figures has no combined file
			}
			d.str(ds.ID, ds.Title, ds.Page, ds.AsOf.ISO())
			d.num(len(ds.Rows))
			d.Write(ds.CSV)
			d.num(len(ds.JSON))
			d.sources(ds.Sources...)
		}
		d.num(s.FiguresJSONSize)
	case "story":
		st := p.Story
		d.storyEntry(st)
		if st.Activity != nil {
			d.str(st.Activity.URL, st.Activity.ShortTitle)
		}
		for _, f := range st.Figures {
			d.figure(f)
		}
		for _, ph := range st.Photos {
			d.str(ph.File, ph.Alt, ph.Caption, ph.Credit)
			for _, v := range ph.Image.Variants {
				d.str(v.Path)
				d.num(v.Width)
				d.num(v.Height)
			}
		}
	}
	return d.Sum64()
}
