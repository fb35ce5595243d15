package site

import (
	"maps"
	"reflect"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

// Kept is the model a preview session keeps between builds, which the
// next build updates in place (Build makes a new one; so does a session's
// first build, or one in another language or with other chart words).
// When only Markdown files changed, a file whose parse is the same keeps
// its part of the model untouched, a changed file is made again into the
// same objects, and the stories are ordered and listed again only when one
// moved (a new date, activity or township; one added or removed). After
// any other edit (the data, site.yaml, a photo) everything is made again,
// into the same objects. Either way a field is set only when its value
// differs, and Changes list the fields set, for the preview's signatures
// (render.Signatures: a page is signed again only when it read one of
// them). The objects other stages make anew every build — figures,
// sources, places, charts, datasets — are compared by what they hold, so
// an edit of one figure changes what shows that figure only. The Site
// itself is a new object every build (a build is known by it), so its
// fields are compared with the last build's.
//
// A build is committed once its pages are served (Commit), or undone when a
// later stage fails (Rollback): the kept model is then the last good one
// again. Kept is not safe for concurrent use, nor is the model while a
// build runs.
type Kept struct {
	state   *keptModel // the last committed build's; nil before the first
	next    *keptModel // the build not yet committed
	changes Changes
}

// keptModel is one build's model with what an update needs to find in it.
type keptModel struct {
	site       *Site
	from       modelKey
	photos     Photos
	unreadable map[string]bool
	acts       map[string]*Activity
	towns      map[string]*Township
	dataCharts []*chart.Chart
	dataPages  []*Page               // the pages of the data alone: activities', townships', search, data
	breakdowns map[string]*Breakdown // by reference: activity.id
	pages      map[string]*Page      // the data's pages but the activities', by URL
	docs       map[string]*docPart
	home       *Page
	lists      map[string]*Page // list pages by URL
	listPages  []*Page          // in the order lists makes them
	// charts are the model's charts by the spec each was drawn from: a
	// new model reuses those its specs still name (the validate memo hands
	// back a file's specs while it and the data it names are the same).
	charts map[*chart.Spec]*chart.Chart
}

// modelKey is what a model's data part is made from, besides the photos
// and the input files that could not be read.
type modelKey struct {
	data    uint64 // load.Input.DataKey: every YAML file, site.yaml too
	baseURL string // site.yaml's, or the one given on the command line
	lang    string
	words   chart.Words
}

func emptyModel() *keptModel {
	return &keptModel{breakdowns: map[string]*Breakdown{}, pages: map[string]*Page{}, docs: map[string]*docPart{}, lists: map[string]*Page{}, charts: map[*chart.Spec]*chart.Chart{}}
}

// build makes the model of in: an update of the kept one, or a new one
// when there is none or the language or chart words changed (every page
// then reads something new). An update after an edit of Markdown files
// alone makes again only the texts that changed (updateTexts); after any
// other (the data, site.yaml, a photo) it makes everything again, into
// the kept objects (update).
func (k *Kept) build(in *load.Input, cat *validate.Catalog, words chart.Words, photos Photos) (*Site, error) {
	k.next, k.changes = nil, Changes{}
	b := newBuilder(in, cat, words, photos)
	from := modelKey{data: in.DataKey, baseURL: in.Site.BaseURL, lang: language(in), words: words}
	prev := k.state
	var s *Site
	var err error
	switch {
	case prev == nil || prev.from.lang != from.lang || prev.from.words != words:
		b.next.from, b.next.photos, b.next.unreadable = from, photos, maps.Clone(in.Unreadable)
		if prev != nil {
			b.memo = prev.charts // the same specs, the same charts, whatever the words
		}
		s, err = b.model()
		k.changes.All = true
	case prev.from == from && maps.Equal(prev.photos, photos) && maps.Equal(prev.unreadable, in.Unreadable):
		s, err = b.updateTexts(prev, &k.changes)
	default:
		s, err = b.update(prev, &k.changes, from, in)
	}
	if err != nil {
		k.changes.rollback()
		k.changes = Changes{}
		return nil, err
	}
	k.next = b.next
	return s, nil
}

// updateTexts makes the model of a build in which only Markdown files
// changed, from the kept model prev: in place, noting every change in c.
func (b *builder) updateTexts(prev *keptModel, c *Changes) (*Site, error) {
	next := *prev
	s := *prev.site
	b.prev, b.next, b.changes, b.site = prev, &next, c, &s
	b.acts, b.towns = prev.acts, prev.towns
	b.memo, b.used = prev.charts, map[*chart.Spec]*chart.Chart{}
	parts, err := b.texts()
	if err != nil {
		return nil, err
	}
	b.link(parts, false)
	c.Fields = append(c.Fields, c.siteChanges(prev.site, b.site)...)
	next.site = b.site
	return b.site, nil
}

// update makes the whole model again into the objects of the kept model
// prev, every text too, noting every change in c.
func (b *builder) update(prev *keptModel, c *Changes, from modelKey, in *load.Input) (*Site, error) {
	next := *prev
	next.from, next.photos, next.unreadable = from, b.photos, maps.Clone(in.Unreadable)
	next.breakdowns, next.pages, next.charts = map[string]*Breakdown{}, map[string]*Page{}, map[*chart.Spec]*chart.Chart{}
	b.prev, b.next, b.changes, b.again = prev, &next, c, true
	b.memo, b.used = prev.charts, next.charts
	s, err := b.model()
	if err != nil {
		return nil, err
	}
	c.Fields = append(c.Fields, c.siteChanges(prev.site, s)...)
	return s, nil
}

// keepModel records, once a new model's data part is made, what an
// update will find in it.
func (b *builder) keepModel() {
	m := b.next
	m.acts, m.towns, m.dataCharts = b.acts, b.towns, b.dataCharts
	m.dataPages = b.site.Pages
}

// keepDoc makes part the kept part of the file at path.
func (b *builder) keepDoc(path string, part *docPart) {
	m := b.next
	old, had := m.docs[path]
	m.docs[path] = part
	if b.changes == nil || b.again {
		return // the model's charts are all in b.used
	}
	b.changes.keep(func() {
		if had {
			m.docs[path] = old
		} else {
			delete(m.docs, path)
		}
	})
	if had {
		b.forgetCharts(old)
	}
	for i, spec := range part.specs {
		b.keepChart(spec, part.charts[i])
	}
}

// dropDoc forgets the part of a file that is gone.
func (b *builder) dropDoc(path string, old *docPart) {
	m := b.next
	delete(m.docs, path)
	b.changes.keep(func() { m.docs[path] = old })
	b.forgetCharts(old)
	b.relink = b.relink || old.story != nil
	b.repage = b.repage || old.page != nil
	b.recharts = b.recharts || len(old.charts) > 0
}

func (b *builder) keepChart(spec *chart.Spec, c *chart.Chart) {
	charts := b.next.charts
	old, had := charts[spec]
	charts[spec] = c
	b.changes.keep(func() {
		if had {
			charts[spec] = old
		} else {
			delete(charts, spec)
		}
	})
}

func (b *builder) forgetCharts(part *docPart) {
	charts := b.next.charts
	for _, spec := range part.specs {
		if old, had := charts[spec]; had {
			delete(charts, spec)
			b.changes.keep(func() { charts[spec] = old })
		}
	}
}

// Changes are what the last build changed.
func (k *Kept) Changes() *Changes { return &k.changes }

// Commit keeps the last build's model for the next build.
func (k *Kept) Commit() {
	if k.next != nil {
		k.state, k.next = k.next, nil
	}
	k.changes.undo = nil
}

// Rollback undoes the last build: the kept model is the last committed
// one again, as it was.
func (k *Kept) Rollback() {
	k.changes.rollback()
	k.next = nil
}

// put gives the field dst of a kept object the value v, noting it in c
// when it changes (nil c: a new object, nothing to note).
func put[T any](c *Changes, dst *T, v T) {
	if c == nil {
		*dst = v
		return
	}
	c.set(reflect.ValueOf(dst).Elem(), reflect.ValueOf(&v).Elem())
}
