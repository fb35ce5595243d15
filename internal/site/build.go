package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/images"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/opendata"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

// DefaultMenu is used when site.yaml has no menu: its items are named by
// their page kind, in the site's language (kind_home …).
var DefaultMenu = []Link{{URL: "/", Kind: "home"}, {URL: validate.TownshipsURL, Kind: "townships"}, {URL: "/stories/", Kind: "stories"}, {URL: "/search/", Kind: "search"}}

type builder struct {
	notes      map[*Figure]*markdown.ResolvedFigure // each figure's printed form, made once
	memo, used map[*chart.Spec]*chart.Chart         // charts of the last build, and of this one
	in         *load.Input
	cat        *validate.Catalog
	photos     Photos
	words      chart.Words
	loc        *locale.Locale // shows figures, dates and sources in the site's language
	site       *Site
	acts       map[string]*Activity
	towns      map[string]*Township
	// dataCharts are the charts of the data (each activity's, then the
	// campaign's): the first of Site.Charts, before the texts' own.
	dataCharts []*chart.Chart
	// prev is the model a build updates in place (kept.go), empty for a
	// new model; next is the one it makes. changes notes what an update
	// changes; nil for a new model, whose objects are all new.
	prev, next *keptModel
	changes    *Changes
	// Set by an update when the stories must be listed again (one
	// added, removed or moved), the pages (one added or removed) or the
	// charts (a text's changed); again when every text is made again.
	relink, repage, recharts, again bool
	// mu guards notes while a Stream's stories are made on several
	// goroutines (nil otherwise).
	mu *sync.Mutex
}

// Photos are the resized versions of the images stories show, by file
// name under images/ (load.PhotoPath).
type Photos map[string]*images.Set

// Build makes the site model from checked input. words are the chart
// table and summary strings of the site's language; photos the resized
// versions of the stories' photos.
func Build(in *load.Input, cat *validate.Catalog, words chart.Words, photos Photos) (*Site, error) {
	return BuildWith(in, cat, words, photos, nil)
}

// BuildWith is Build for a preview session, which keeps the model between
// builds in kept (nil: none): see Kept.
func BuildWith(in *load.Input, cat *validate.Catalog, words chart.Words, photos Photos, kept *Kept) (*Site, error) {
	if kept != nil {
		return kept.build(in, cat, words, photos)
	}
	return newBuilder(in, cat, words, photos).model()
}

func newBuilder(in *load.Input, cat *validate.Catalog, words chart.Words, photos Photos) *builder {
	b := &builder{in: in, cat: cat, words: words, photos: photos, loc: locale.New(language(in)), acts: map[string]*Activity{}, towns: map[string]*Township{}, prev: emptyModel(), next: emptyModel()}
	b.used = b.next.charts
	return b
}

// language is the site's language.
func language(in *load.Input) string { return cmp.Or(in.Site.Language, "zh-CN") }

// model makes the whole model — the data's part, then the texts' — new,
// or into the objects of the kept model b.prev (an update after an edit of
// the data).
func (b *builder) model() (*Site, error) {
	if err := b.dataModel(); err != nil {
		return nil, err
	}
	texts, err := b.texts()
	if err != nil {
		return nil, err
	}
	b.link(texts, true)
	b.next.site = b.site
	return b.site, nil
}

// dataModel makes the data's part of the model: everything but what the
// texts make.
func (b *builder) dataModel() error {
	cfg := b.in.Site
	b.site = &Site{
		Title:       cfg.Title,
		Description: cfg.Description,
		BaseURL:     strings.TrimRight(cfg.BaseURL, "/"),
		Language:    language(b.in),
		Copyright:   cfg.Copyright,
		Figures:     len(b.cat.Figures),
		PlaceNames:  cfg.PlaceNames,
	}
	b.townships()
	for _, m := range cfg.Menu {
		b.site.Menu = append(b.site.Menu, Link{Label: m.Label, URL: m.URL})
	}
	if len(b.site.Menu) == 0 {
		b.site.Menu = b.defaultMenu()
	}
	if err := b.activities(); err != nil {
		return err
	}
	if err := b.campaign(); err != nil {
		return err
	}
	if err := b.openData(); err != nil {
		return err
	}
	b.site.Cited = b.citedAnywhere()
	b.dataPages()
	b.keepModel()
	return nil
}

// defaultMenu is DefaultMenu for this site: the list of places (named by
// kind_townships, which takes site.yaml's place_names) is left out on a
// site that lists no places.
func (b *builder) defaultMenu() []Link {
	var out []Link
	for _, l := range DefaultMenu {
		if l.URL != validate.TownshipsURL || len(b.site.Townships) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// buildChart draws a checked spec with a stable id, for the page at page;
// scope is the activity its references are relative to ("" for full
// references). It returns the chart and the resolved spec it was drawn
// from (nil, nil for a spec validation refused: the build stops before
// rendering).
func (b *builder) buildChart(spec *load.ChartSpec, id, page, scope string) (*chart.Chart, *chart.Spec, error) {
	resolved, ok := b.cat.Charts[spec]
	if !ok {
		return nil, nil, nil
	}
	dataURL := opendata.CSVURL(b.dataset(spec, scope))
	if c, ok := b.memo[resolved]; ok && c.ID == id && c.DataURL == dataURL && c.Page == page {
		b.used[resolved] = c
		return c, resolved, nil
	}
	s := *resolved
	s.ID = id
	c, err := chart.Build(&s, b.words, b.loc)
	if err != nil {
		return nil, nil, err
	}
	c.DataURL, c.Page, c.ImageURL = dataURL, page, chart.ImageFor(id)
	if b.used != nil {
		b.used[resolved] = c
	}
	return c, resolved, nil
}

// dataset is the id of the dataset holding every figure a chart draws: its
// activity's, the campaign's, or — for a chart across activities — the
// combined one.
func (b *builder) dataset(spec *load.ChartSpec, scope string) string {
	var ids []string
	add := func(id string) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	refs := slices.Clone(spec.Metrics)
	for _, row := range spec.Rows {
		refs = append(refs, row.Metrics...)
	}
	for _, ref := range refs {
		if f, ok := b.cat.Cite(ref, scope); ok {
			add(f.Activity)
		}
	}
	scoped := func(ref string) []string {
		if scope == "" {
			return []string{ref}
		}
		return []string{ref, scope + "." + ref}
	}
	for _, ref := range spec.Series {
		for _, r := range scoped(ref) {
			if s, ok := b.cat.Series[r]; ok {
				activity, _, _ := strings.Cut(s.Ref, ".")
				add(activity)
				break
			}
		}
	}
	if spec.Target != "" {
		for _, r := range scoped(spec.Target) {
			if t, ok := b.cat.Targets[r]; ok {
				add(t.Goal.Activity)
				break
			}
		}
	}
	if len(ids) == 1 {
		return ids[0]
	}
	return opendata.AllID
}

// chartID is the element id of the i-th chart of a section of a page
// (activity-<slug>, home, md-<file>: their first words differ). A chart
// with an id (a slug) is chart-<section>-<id>, one without is
// chart-<i>-<section>: a number never follows chart- in the first form, so
// no id an editor writes can take a position's. None contains "--", which
// the chart partial puts before the ids of the chart's parts (--title).
func chartID(section string, i int, spec *load.ChartSpec) string {
	if spec.ID != "" {
		return "chart-" + section + "-" + spec.ID
	}
	return fmt.Sprintf("chart-%d-%s", i+1, section)
}

// resolved is what a reference to f prints, shared by every reference.
func (b *builder) resolved(f *Figure) *markdown.ResolvedFigure {
	if b.mu != nil {
		b.mu.Lock()
		defer b.mu.Unlock()
	}
	if r, ok := b.notes[f]; ok {
		return r
	}
	if b.notes == nil {
		b.notes = map[*Figure]*markdown.ResolvedFigure{}
	}
	r := &markdown.ResolvedFigure{Display: b.loc.Figure(f.Quantity), Value: f.Value.String() + " " + f.Base(), Title: FigureNote(f, b.words, b.loc)}
	b.notes[f] = r
	return r
}

// FigureNote is the label, date and source of a figure in one line.
func FigureNote(f *Figure, w chart.Words, loc *locale.Locale) string {
	parts := []string{f.Label}
	if !f.AsOf.IsZero() {
		parts = append(parts, w.AsOf+" "+loc.Date(f.AsOf))
	}
	if src := loc.Citation(f.Source); src != "" {
		parts = append(parts, w.Source+" "+src)
	}
	return strings.Join(parts, " · ")
}
