package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

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
	// charts (a text's changed).
	relink, repage, recharts bool
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

// model makes a new model: the data's part, then the texts'.
func (b *builder) model() (*Site, error) {
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
		return nil, err
	}
	if err := b.campaign(); err != nil {
		return nil, err
	}
	if err := b.openData(); err != nil {
		return nil, err
	}
	b.site.Cited = b.citedAnywhere()
	b.dataPages()
	b.keepModel()
	texts, err := b.texts()
	if err != nil {
		return nil, err
	}
	b.link(texts, true)
	b.next.site = b.site
	return b.site, nil
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

func (b *builder) townships() {
	for i := range b.in.Townships.Townships {
		t := &b.in.Townships.Townships[i]
		if _, ok := b.cat.Townships[t.Slug]; !ok || b.towns[t.Slug] != nil {
			continue
		}
		tw := &Township{Slug: t.Slug, URL: validate.TownshipsURL + t.Slug + "/", Name: t.Name}
		for j := range t.Villages {
			tw.Villages = append(tw.Villages, &t.Villages[j])
		}
		b.towns[t.Slug] = tw
		b.site.Townships = append(b.site.Townships, tw)
	}
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

func (b *builder) figures(refs []string, scope string) []*Figure {
	var out []*Figure
	for _, ref := range refs {
		if f, ok := b.cat.Cite(ref, scope); ok {
			out = append(out, f)
		}
	}
	return out
}

func (b *builder) period(p load.Period) string {
	if p.Label != "" {
		return p.Label
	}
	return b.loc.Period(p.Start, p.End)
}

func (b *builder) activities() error {
	for _, a := range b.in.Activities {
		act := &Activity{
			Slug: a.Slug, URL: "/activities/" + a.Slug + "/", Title: a.Title,
			ShortTitle: cmp.Or(a.ShortTitle, a.Title), Summary: a.Summary, Participants: a.Participants,
			Period: b.period(a.Period), Source: b.cat.Sources[a.Source], AsOf: b.loc.Date(a.AsOf),
		}
		for _, m := range a.Metrics {
			if f, ok := b.cat.Figures[a.Slug+"."+m.ID]; ok {
				act.Metrics = append(act.Metrics, f)
			}
		}
		act.KeyMetrics = b.figures(a.KeyMetrics, a.Slug)
		if len(a.KeyMetrics) == 0 {
			act.KeyMetrics = act.Metrics[:min(3, len(act.Metrics))]
		}
		for _, t := range a.Targets {
			if tg, ok := b.cat.Targets[a.Slug+"."+t.ID]; ok {
				act.Targets = append(act.Targets, tg)
			}
		}
		for i := range a.Breakdowns {
			act.Breakdowns = append(act.Breakdowns, b.breakdown(act, &a.Breakdowns[i]))
		}
		for i := range a.Charts {
			c, _, err := b.buildChart(&a.Charts[i], chartID("activity-"+a.Slug, i, &a.Charts[i]), "/activities/"+a.Slug+"/", a.Slug)
			if err != nil {
				return fmt.Errorf("%s: chart %d: %w", a.Pos.File, i+1, err)
			}
			if c != nil {
				act.Charts = append(act.Charts, c)
				b.dataCharts = append(b.dataCharts, c)
			}
		}
		act.Page = &Page{URL: act.URL, Kind: "activity", Title: act.Title, Summary: act.Summary, Activity: act, Charts: len(act.Charts) > 0}
		b.acts[a.Slug] = act
		b.site.Activities = append(b.site.Activities, act)
		b.site.Pages = append(b.site.Pages, act.Page)
	}
	weights := map[string]int{}
	for _, a := range b.in.Activities {
		weights[a.Slug] = a.Weight
	}
	slices.SortStableFunc(b.site.Activities, func(x, y *Activity) int {
		return cmp.Or(cmp.Compare(weights[x.Slug], weights[y.Slug]), cmp.Compare(x.Slug, y.Slug))
	})
	return nil
}

func (b *builder) breakdown(act *Activity, bd *load.Breakdown) *Breakdown {
	out := &Breakdown{ID: bd.ID, Name: bd.Name, Kind: bd.Kind, Note: bd.Note, Activity: act}
	for _, m := range bd.Metrics {
		if f, ok := b.cat.Figures[act.Slug+"."+bd.ID+"."+m.ID]; ok {
			out.Figures = append(out.Figures, f)
		}
	}
	concerned := map[*Township]bool{}
	for _, slug := range bd.Townships {
		if t := b.towns[slug]; t != nil {
			out.Townships = append(out.Townships, t)
			concerned[t] = true
		}
	}
	for _, slug := range bd.Villages {
		if vp, ok := b.cat.Villages[slug]; ok {
			out.Villages = append(out.Villages, vp)
			concerned[b.towns[vp.Township.Slug]] = true
		}
	}
	for _, t := range b.site.Townships { // file order, so output is stable
		if concerned[t] {
			t.Breakdowns = append(t.Breakdowns, out)
			t.Figures += len(out.Figures)
		}
	}
	return out
}

func (b *builder) campaign() error {
	c := &b.in.Campaign
	camp := &Campaign{
		Name: c.Name, Place: c.Place, Summary: c.Summary, Period: b.period(c.Period), AsOf: b.loc.Date(c.AsOf),
		Source: b.cat.Sources[c.Source], Organisers: c.Organisers, Headline: b.figures(c.Headline, ""),
	}
	for i := range c.Sources {
		camp.Sources = append(camp.Sources, &c.Sources[i])
	}
	if c.Carriers.Count != "" {
		camp.Carriers, _ = b.cat.Figure(c.Carriers.Count, validate.CampaignScope)
	}
	for _, slug := range c.Carriers.Named {
		if a := b.acts[slug]; a != nil {
			camp.Named = append(camp.Named, a)
		}
	}
	if camp.Carriers != nil {
		if n, ok := camp.Carriers.Value.Int64(); ok {
			camp.Unnamed = int(n) - len(camp.Named)
		}
	}
	for i := range c.Charts {
		ch, _, err := b.buildChart(&c.Charts[i], chartID("home", i, &c.Charts[i]), "/", "")
		if err != nil {
			return fmt.Errorf("%s: chart %d: %w", load.CampaignFile, i+1, err)
		}
		if ch != nil {
			camp.Charts = append(camp.Charts, ch)
			b.dataCharts = append(b.dataCharts, ch)
		}
	}
	b.site.Campaign = camp
	return nil
}

// resolved is what a reference to f prints, shared by every reference.
func (b *builder) resolved(f *Figure) *markdown.ResolvedFigure {
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

// dataPages adds the pages the data alone makes: each township's, the
// list of townships, search and open data (each activity's is added with
// it), which an update of the model keeps as they are.
func (b *builder) dataPages() {
	for _, t := range b.site.Townships {
		t.StoriesURL = t.URL + "stories/"
		b.site.Pages = append(b.site.Pages, &Page{URL: t.URL, Kind: "township", Title: t.Name, Township: t})
	}
	for _, a := range b.site.Activities {
		a.StoriesURL = a.URL + "stories/"
	}
	if len(b.site.Townships) > 0 {
		b.site.Pages = append(b.site.Pages, &Page{URL: validate.TownshipsURL, Kind: "townships"})
	}
	b.site.Pages = append(b.site.Pages, &Page{URL: "/search/", Kind: "search"})
	b.site.Pages = append(b.site.Pages, &Page{URL: "/" + opendata.Dir + "/", Kind: "data"})
}

// publishData lists d on /data/ and returns it, unless it has no rows: an
// empty dataset is not published (no files, no row, no link), and nil is
// returned.
func (b *builder) publishData(d *opendata.Dataset) *opendata.Dataset {
	if len(d.Rows) == 0 {
		return nil
	}
	b.site.Data = append(b.site.Data, d)
	return d
}

// openData makes the open-data files: one dataset for the campaign's own
// figures, one per activity, and all their rows in one CSV.
func (b *builder) openData() error {
	meta := opendata.Site{Title: b.site.Title, BaseURL: b.site.BaseURL, Language: b.site.Language, Copyright: b.site.Copyright}
	inputs := map[string]*load.Activity{}
	for _, a := range b.in.Activities {
		inputs[a.Slug] = a
	}
	b.site.Campaign.Data = b.publishData(opendata.Campaign(b.in, b.cat, b.loc))
	for _, a := range b.site.Activities {
		a.Data = b.publishData(opendata.Activity(inputs[a.Slug], b.cat, b.loc))
	}
	datasets := b.site.Data
	if len(b.site.Data) > 0 {
		b.site.AllData = opendata.All(b.site.Data)
		datasets = append(datasets, b.site.AllData)
	}
	meta.Example = opendata.ExampleOf(b.site.Data)
	b.site.DataColumns = opendata.Columns(b.site.Language, meta.Example)
	for _, d := range datasets {
		if err := d.Encode(meta); err != nil {
			return err
		}
	}
	figures, err := opendata.Figures(b.cat, b.loc).Marshal()
	b.site.FiguresJSONSize = len(figures)
	return err
}
