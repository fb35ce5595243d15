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

// ChartMemo keeps built charts between builds of a preview session, by
// resolved spec (the validate memo hands back the same spec while a chart's
// file and the data are unchanged) and by the words and language they were
// drawn in.
type ChartMemo struct {
	words  chart.Words
	lang   string
	charts map[*chart.Spec]*chart.Chart
}

// BuildWith is Build reusing the charts in memo (nil: none), which it
// refills with this build's charts only.
func BuildWith(in *load.Input, cat *validate.Catalog, words chart.Words, photos Photos, memo *ChartMemo) (*Site, error) {
	b := &builder{in: in, cat: cat, words: words, photos: photos, acts: map[string]*Activity{}, towns: map[string]*Township{}}
	lang := cmp.Or(in.Site.Language, "zh-CN")
	if memo != nil {
		if memo.words == words && memo.lang == lang {
			b.memo = memo.charts
		}
		b.used = map[*chart.Spec]*chart.Chart{}
		defer func() { *memo = ChartMemo{words: words, lang: lang, charts: b.used} }()
	}
	cfg := in.Site
	b.loc = locale.New(lang)
	b.site = &Site{
		Title:       cfg.Title,
		Description: cfg.Description,
		BaseURL:     strings.TrimRight(cfg.BaseURL, "/"),
		Language:    lang,
		Copyright:   cfg.Copyright,
		Figures:     len(cat.Figures),
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
	if err := b.docs(); err != nil {
		return nil, err
	}
	if err := b.openData(); err != nil {
		return nil, err
	}
	b.listPages()
	slices.SortFunc(b.site.Pages, func(x, y *Page) int { return cmp.Compare(x.URL, y.URL) })
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
// references).
func (b *builder) buildChart(spec *load.ChartSpec, id, page, scope string) (*chart.Chart, error) {
	resolved, ok := b.cat.Charts[spec]
	if !ok {
		return nil, nil // refused by validation; the build stops before rendering
	}
	dataURL := opendata.CSVURL(b.dataset(spec, scope))
	if c, ok := b.memo[resolved]; ok && c.ID == id && c.DataURL == dataURL && c.Page == page {
		b.used[resolved] = c
		b.site.Charts = append(b.site.Charts, c)
		return c, nil
	}
	s := *resolved
	s.ID = id
	c, err := chart.Build(&s, b.words, b.loc)
	if err == nil {
		c.DataURL, c.Page, c.ImageURL = dataURL, page, chart.ImageFor(id)
		b.site.Charts = append(b.site.Charts, c)
		if b.used != nil {
			b.used[resolved] = c
		}
	}
	return c, err
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
			c, err := b.buildChart(&a.Charts[i], chartID("activity-"+a.Slug, i, &a.Charts[i]), "/activities/"+a.Slug+"/", a.Slug)
			if err != nil {
				return fmt.Errorf("%s: chart %d: %w", a.Pos.File, i+1, err)
			}
			if c != nil {
				act.Charts = append(act.Charts, c)
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
		ch, err := b.buildChart(&c.Charts[i], chartID("home", i, &c.Charts[i]), "/", "")
		if err != nil {
			return fmt.Errorf("%s: chart %d: %w", load.CampaignFile, i+1, err)
		}
		if ch != nil {
			camp.Charts = append(camp.Charts, ch)
		}
	}
	b.site.Campaign = camp
	return nil
}

// docs attaches every Markdown file to its page, resolving its figure
// references and chart blocks.
func (b *builder) docs() error {
	var home *Page
	for _, d := range b.in.Docs {
		cited, resolved, blocks, err := b.resolve(d)
		if err != nil {
			return err
		}
		fm := d.Front
		switch d.Kind {
		case load.KindHome:
			home = &Page{URL: "/", Kind: "home", Title: fm.Title, Summary: fm.Summary, Doc: d, Resolved: resolved}
		case load.KindActivity:
			if a := b.acts[d.Slug]; a != nil {
				a.Page.Doc, a.Page.Resolved = d, resolved
				a.Page.Charts = a.Page.Charts || blocks > 0
				if fm.Summary != "" && a.Summary == "" {
					a.Summary = fm.Summary
				}
			}
		case load.KindStory:
			s := &Story{Slug: d.Slug, URL: docURL(d), Title: fm.Title, Date: fm.Date, Summary: fm.Summary, Activity: b.acts[fm.Activity], Figures: cited}
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
			s.Page = &Page{URL: s.URL, Kind: "story", Title: s.Title, Summary: s.Summary, Doc: d, Resolved: resolved, Story: s, Charts: blocks > 0}
			b.site.Stories = append(b.site.Stories, s)
			b.site.Pages = append(b.site.Pages, s.Page)
		case load.KindPage:
			b.site.Pages = append(b.site.Pages, &Page{URL: docURL(d), Kind: "page", Title: fm.Title, Summary: fm.Summary, Doc: d, Resolved: resolved, Charts: blocks > 0})
		}
	}
	if home == nil {
		home = &Page{URL: "/", Kind: "home", Title: b.site.Title}
	}
	home.Charts = home.Charts || len(b.site.Campaign.Charts) > 0
	b.site.Pages = append(b.site.Pages, home)
	b.cite(home)
	slices.SortStableFunc(b.site.Stories, func(x, y *Story) int {
		return cmp.Or(-x.Date.Compare(y.Date), cmp.Compare(x.Slug, y.Slug))
	})
	for _, s := range b.site.Stories {
		if s.Activity != nil {
			s.Activity.Stories = append(s.Activity.Stories, s)
		}
		for _, t := range s.Townships {
			t.Stories = append(t.Stories, s)
		}
	}
	return nil
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
// (its parse tree is left as parsed) and returns the cited figures (first
// citation order), the resolutions and the number of charts.
func (b *builder) resolve(d *load.Doc) ([]*Figure, *markdown.Resolved, int, error) {
	var cited []*Figure
	page := docURL(d)
	resolved := &markdown.Resolved{}
	charts := 0
	pageKey := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(d.Path, load.ContentDir+"/"), ".md"), "/", "-")
	for _, n := range d.Marks {
		switch n := n.(type) {
		case *markdown.FigureRef:
			f, ok := b.cat.Cite(n.Ref, "")
			if !ok {
				continue
			}
			resolved.SetFigure(n, b.resolved(f))
			if !slices.Contains(cited, f) {
				cited = append(cited, f)
			}
		case *markdown.ChartBlock:
			spec := b.cat.Blocks[n]
			if spec == nil {
				continue
			}
			c, err := b.buildChart(spec, chartID("md-"+pageKey, n.Index, spec), page, "")
			if err != nil {
				return nil, nil, 0, fmt.Errorf("%s: chart block %d: %w", d.Path, n.Index+1, err)
			}
			if c != nil {
				resolved.SetChart(n, c)
				charts++
			}
		}
	}
	return cited, resolved, charts, nil
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

// listPages adds the generated list pages.
func (b *builder) listPages() {
	for _, t := range b.site.Townships {
		t.StoriesURL = t.URL + "stories/"
		b.site.Pages = append(b.site.Pages, &Page{URL: t.URL, Kind: "township", Title: t.Name, Township: t})
		b.site.Pages = append(b.site.Pages, paginate(t.StoriesURL, t.Name, t.Stories, func(l *StoryList) { l.Township = t })...)
	}
	for _, a := range b.site.Activities {
		a.StoriesURL = a.URL + "stories/"
		b.site.Pages = append(b.site.Pages, paginate(a.StoriesURL, a.ShortTitle, a.Stories, func(l *StoryList) { l.Activity = a })...)
	}
	if len(b.site.Townships) > 0 {
		b.site.Pages = append(b.site.Pages, &Page{URL: validate.TownshipsURL, Kind: "townships"})
	}
	b.site.Pages = append(b.site.Pages, &Page{URL: "/search/", Kind: "search"})
	b.site.Pages = append(b.site.Pages, &Page{URL: "/" + opendata.Dir + "/", Kind: "data"})
	b.site.Pages = append(b.site.Pages, paginate("/stories/", "", b.site.Stories, func(*StoryList) {})...)
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
