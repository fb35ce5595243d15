package site

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
)

// docPart is what one Markdown file makes of the model. An update of a
// kept model (kept.go) keeps the part while the file's parse is the same,
// and makes it again into the same objects otherwise.
type docPart struct {
	doc      *load.Doc
	resolved *markdown.Resolved
	cited    []*Figure      // the figures the text cites, in order of first citation
	charts   []*chart.Chart // its chart blocks', in order
	specs    []*chart.Spec  // what each chart was drawn from (the chart memo's keys)
	story    *Story         // a story's
	page     *Page          // a story's or a page's own page
}

// texts makes every Markdown file's part, in the input's order: anew,
// into the objects of the part it had in the kept model, or — when its
// parse is the one that part was made from — the kept part itself.
func (b *builder) texts() ([]*docPart, error) {
	parts := make([]*docPart, len(b.in.Docs))
	found := 0
	for i, d := range b.in.Docs {
		old := b.prev.docs[d.Path]
		if old != nil {
			found++
			if old.doc == d && !b.again {
				parts[i] = old
				continue
			}
		}
		part, err := b.derive(d, old)
		if err != nil {
			return nil, err
		}
		b.keepDoc(d.Path, part)
		parts[i] = part
	}
	if found < len(b.prev.docs) {
		b.forgetRemoved()
	}
	return parts, nil
}

// forgetRemoved drops the parts of files that are gone.
func (b *builder) forgetRemoved() {
	present := make(map[string]bool, len(b.in.Docs))
	for _, d := range b.in.Docs {
		present[d.Path] = true
	}
	for path, old := range b.next.docs {
		if !present[path] {
			b.dropDoc(path, old)
		}
	}
}

// derive makes d's part; old is the part the kept model has for d's
// path (nil: none), whose story and page are updated in place.
func (b *builder) derive(d *load.Doc, old *docPart) (*docPart, error) {
	part := &docPart{doc: d}
	if err := b.resolve(d, part); err != nil {
		return nil, err
	}
	fm := d.Front
	switch d.Kind {
	case load.KindStory:
		s := Story{Slug: d.Slug, URL: docURL(d), Title: fm.Title, Date: fm.Date, Summary: fm.Summary, Activity: b.acts[fm.Activity], Figures: part.cited}
		for _, slug := range fm.Townships {
			if t := b.towns[slug]; t != nil && !slices.Contains(s.Townships, t) {
				s.Townships = append(s.Townships, t)
			}
		}
		for _, slug := range fm.Villages {
			if vp, ok := b.cat.Villages[slug]; ok {
				s.Villages = append(s.Villages, vp)
				if t := b.towns[vp.Township.Slug]; t != nil && !slices.Contains(s.Townships, t) {
					s.Townships = append(s.Townships, t)
				}
			}
		}
		s.Photos = b.storyPhotos(fm.Photos)
		p := Page{URL: s.URL, Kind: "story", Title: s.Title, Summary: s.Summary, Doc: d, Resolved: part.resolved, Charts: len(part.charts) > 0}
		if old != nil && old.story != nil {
			part.story, part.page = old.story, old.page
			was := old.story
			b.relink = b.relink || was.Date != s.Date || was.Activity != s.Activity || !slices.Equal(was.Townships, s.Townships)
		} else {
			part.story, part.page = &Story{}, &Page{}
			b.relink, b.repage = true, true
		}
		s.Page, p.Story = part.page, part.story
		fill(b, part.story, s, old)
		fill(b, part.page, p, old)
	case load.KindPage:
		p := Page{URL: docURL(d), Kind: "page", Title: fm.Title, Summary: fm.Summary, Doc: d, Resolved: part.resolved, Charts: len(part.charts) > 0}
		if old != nil && old.page != nil {
			part.page = old.page
		} else {
			part.page = &Page{}
			b.repage = true
		}
		fill(b, part.page, p, old)
	}
	b.recharts = b.recharts || len(part.charts) > 0 || (old != nil && len(old.charts) > 0)
	return part, nil
}

// fill gives the object o of a part its value v: noting what changes
// when o is kept from an earlier build (old is that build's part).
func fill[T any](b *builder, o *T, v T, old *docPart) {
	if old == nil {
		*o = v
		return
	}
	assign(b.changes, o, v)
}

// storyPhotos pairs each photo with its resized versions.
func (b *builder) storyPhotos(photos []load.Photo) []*Photo {
	var out []*Photo
	for _, p := range photos {
		name, _ := load.PhotoPath(p.File)
		if set := b.photos[name]; set != nil { // validation refused the others
			out = append(out, &Photo{File: name, Alt: p.Alt, Caption: p.Caption, Credit: p.Credit, Image: set})
		}
	}
	return out
}

// resolve resolves the figure references and chart blocks of a document
// (its parse tree is left as parsed) into part: the cited figures (first
// citation order), the resolutions and the charts.
func (b *builder) resolve(d *load.Doc, part *docPart) error {
	part.resolved = &markdown.Resolved{}
	for _, n := range d.Marks {
		switch n := n.(type) {
		case *markdown.FigureRef:
			f, ok := b.cat.Cite(n.Ref, "")
			if !ok {
				continue
			}
			part.resolved.SetFigure(n, b.resolved(f))
			if !slices.Contains(part.cited, f) {
				part.cited = append(part.cited, f)
			}
		case *markdown.ChartBlock:
			spec := b.cat.Blocks[n]
			if spec == nil {
				continue
			}
			pageKey := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(d.Path, load.ContentDir+"/"), ".md"), "/", "-")
			c, resolved, err := b.buildChart(spec, chartID("md-"+pageKey, n.Index, spec), docURL(d), "")
			if err != nil {
				return fmt.Errorf("%s: chart block %d: %w", d.Path, n.Index+1, err)
			}
			if c != nil {
				part.resolved.SetChart(n, c)
				part.charts = append(part.charts, c)
				part.specs = append(part.specs, resolved)
			}
		}
	}
	return nil
}

// docURL is the URL of the page a Markdown file is the text of.
func docURL(d *load.Doc) string {
	switch d.Kind {
	case load.KindHome:
		return "/"
	case load.KindActivity:
		return "/activities/" + d.Slug + "/"
	case load.KindStory:
		return "/stories/" + d.Slug + "/"
	}
	return "/" + d.Slug + "/"
}

// home makes the home page: its text's, or the site's title alone.
func (b *builder) home(parts []*docPart) *Page {
	v := Page{URL: "/", Kind: "home", Title: b.site.Title}
	for _, part := range parts {
		if d := part.doc; d.Kind == load.KindHome {
			v = Page{URL: "/", Kind: "home", Title: d.Front.Title, Summary: d.Front.Summary, Doc: d, Resolved: part.resolved, Charts: len(part.charts) > 0}
			break
		}
	}
	v.Charts = v.Charts || len(b.site.Campaign.Charts) > 0
	if b.next.home == nil {
		b.next.home = &Page{}
		*b.next.home = v
	} else {
		assign(b.changes, b.next.home, v)
	}
	return b.next.home
}

// narratives gives each activity's page its text, and the activity the
// text's summary when its data has none.
func (b *builder) narratives(parts []*docPart) {
	texts := map[string]*docPart{}
	for _, part := range parts {
		if part.doc.Kind == load.KindActivity {
			texts[part.doc.Slug] = part
		}
	}
	summaries := map[string]string{}
	for _, a := range b.in.Activities {
		summaries[a.Slug] = a.Summary
	}
	for _, a := range b.site.Activities {
		doc, resolved, charts, summary := (*load.Doc)(nil), (*markdown.Resolved)(nil), len(a.Charts) > 0, summaries[a.Slug]
		if part := texts[a.Slug]; part != nil {
			doc, resolved, charts = part.doc, part.resolved, charts || len(part.charts) > 0
			if summary == "" {
				summary = part.doc.Front.Summary
			}
		}
		put(b.changes, &a.Page.Doc, doc)
		put(b.changes, &a.Page.Resolved, resolved)
		put(b.changes, &a.Page.Charts, charts)
		put(b.changes, &a.Summary, summary)
	}
}
