package site

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/opendata"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

// The part of the model the data makes: townships, activities with their
// breakdowns, the campaign, the open data and the pages of these. Each
// object is made into the kept model's object of the same key (a slug, a
// URL) when there is one, so that an update changes only the fields whose
// values differ; the fields a later step sets (the stories, the texts'
// summaries and sources, the open data) are carried over from the kept
// object until that step.

// kept returns the object at key in the kept model's objects of its kind,
// or a new one (isNew).
func kept[T any](prev map[string]*T, key string) (obj *T, isNew bool) {
	if obj = prev[key]; obj != nil {
		return obj, false
	}
	return new(T), true
}

// place gives the object o the value v: field by field, noting what
// changes, when o is kept.
func place[T any](b *builder, o *T, v T, isNew bool) {
	if isNew {
		*o = v
		return
	}
	assign(b.changes, o, v)
}

// townships makes a township for each place of data/townships.yaml that
// validation kept, in file order.
func (b *builder) townships() {
	for i := range b.in.Townships.Townships {
		t := &b.in.Townships.Townships[i]
		if _, ok := b.cat.Townships[t.Slug]; !ok || b.towns[t.Slug] != nil {
			continue
		}
		tw, isNew := kept(b.prev.towns, t.Slug)
		v := Township{Slug: t.Slug, URL: validate.TownshipsURL + t.Slug + "/", Name: t.Name}
		v.StoriesURL = v.URL + "stories/"
		for j := range t.Villages {
			v.Villages = append(v.Villages, &t.Villages[j])
		}
		v.Stories, v.Breakdowns, v.Figures = tw.Stories, tw.Breakdowns, tw.Figures // linked and counted later
		place(b, tw, v, isNew)
		b.towns[t.Slug] = tw
		b.site.Townships = append(b.site.Townships, tw)
	}
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

// activities makes each activity with its page and breakdowns, sorted by
// weight, then slug; and gives each township the breakdowns concerning it.
func (b *builder) activities() error {
	concern := map[*Township][]*Breakdown{}
	for _, a := range b.in.Activities {
		act, isNew := kept(b.prev.acts, a.Slug)
		v := Activity{
			Slug: a.Slug, URL: "/activities/" + a.Slug + "/", Title: a.Title,
			ShortTitle: cmp.Or(a.ShortTitle, a.Title), Participants: a.Participants,
			Period: b.period(a.Period), Source: b.cat.Sources[a.Source], AsOf: b.loc.Date(a.AsOf),
		}
		v.StoriesURL = v.URL + "stories/"
		for _, m := range a.Metrics {
			if f, ok := b.cat.Figures[a.Slug+"."+m.ID]; ok {
				v.Metrics = append(v.Metrics, f)
			}
		}
		v.KeyMetrics = b.figures(a.KeyMetrics, a.Slug)
		if len(a.KeyMetrics) == 0 {
			v.KeyMetrics = v.Metrics[:min(3, len(v.Metrics))]
		}
		for _, t := range a.Targets {
			if tg, ok := b.cat.Targets[a.Slug+"."+t.ID]; ok {
				v.Targets = append(v.Targets, tg)
			}
		}
		for i := range a.Breakdowns {
			bd := b.breakdown(act, a.Slug, &a.Breakdowns[i])
			v.Breakdowns = append(v.Breakdowns, bd)
			for _, t := range b.concerned(bd) {
				concern[t] = append(concern[t], bd)
			}
		}
		for i := range a.Charts {
			c, _, err := b.buildChart(&a.Charts[i], chartID("activity-"+a.Slug, i, &a.Charts[i]), v.URL, a.Slug)
			if err != nil {
				return fmt.Errorf("%s: chart %d: %w", a.Pos.File, i+1, err)
			}
			if c != nil {
				v.Charts = append(v.Charts, c)
				b.dataCharts = append(b.dataCharts, c)
			}
		}
		page, pageIsNew := act.Page, isNew
		if page == nil {
			page, pageIsNew = &Page{}, true
		}
		pv := Page{URL: v.URL, Kind: "activity", Title: v.Title, Summary: a.Summary, Activity: act}
		pv.Doc, pv.Resolved, pv.Charts = page.Doc, page.Resolved, page.Charts // the text's, placed later
		place(b, page, pv, pageIsNew)
		v.Page = page
		v.Summary, v.Stories, v.Data, v.Cited = act.Summary, act.Stories, act.Data, act.Cited // placed later
		place(b, act, v, isNew)
		b.acts[a.Slug] = act
		b.site.Activities = append(b.site.Activities, act)
		b.site.Pages = append(b.site.Pages, page)
	}
	weights := map[string]int{}
	for _, a := range b.in.Activities {
		weights[a.Slug] = a.Weight
	}
	slices.SortStableFunc(b.site.Activities, func(x, y *Activity) int {
		return cmp.Or(cmp.Compare(weights[x.Slug], weights[y.Slug]), cmp.Compare(x.Slug, y.Slug))
	})
	for _, t := range b.site.Townships { // in the order of the activities as read
		n := 0
		for _, bd := range concern[t] {
			n += len(bd.Figures)
		}
		put(b.changes, &t.Breakdowns, concern[t])
		put(b.changes, &t.Figures, n)
	}
	return nil
}

// breakdown makes one breakdown of the activity act (slug: act is
// placed once its breakdowns are made).
func (b *builder) breakdown(act *Activity, slug string, bd *load.Breakdown) *Breakdown {
	key := slug + "." + bd.ID
	out, isNew := kept(b.prev.breakdowns, key)
	v := Breakdown{ID: bd.ID, Name: bd.Name, Kind: bd.Kind, Note: bd.Note, Activity: act}
	for _, m := range bd.Metrics {
		if f, ok := b.cat.Figures[key+"."+m.ID]; ok {
			v.Figures = append(v.Figures, f)
		}
	}
	for _, slug := range bd.Townships {
		if t := b.towns[slug]; t != nil {
			v.Townships = append(v.Townships, t)
		}
	}
	for _, slug := range bd.Villages {
		if vp, ok := b.cat.Villages[slug]; ok {
			v.Villages = append(v.Villages, vp)
		}
	}
	place(b, out, v, isNew)
	b.next.breakdowns[key] = out
	return out
}

// concerned lists, in file order, the townships a breakdown concerns: its
// own and its villages'.
func (b *builder) concerned(bd *Breakdown) []*Township {
	var out []*Township
	for _, t := range b.site.Townships {
		if slices.Contains(bd.Townships, t) || slices.ContainsFunc(bd.Villages, func(vp validate.VillagePlace) bool { return b.towns[vp.Township.Slug] == t }) {
			out = append(out, t)
		}
	}
	return out
}

func (b *builder) campaign() error {
	c := &b.in.Campaign
	camp, isNew := &Campaign{}, true
	if b.prev.site != nil {
		camp, isNew = b.prev.site.Campaign, false
	}
	v := Campaign{
		Name: c.Name, Place: c.Place, Summary: c.Summary, Period: b.period(c.Period), AsOf: b.loc.Date(c.AsOf),
		Source: b.cat.Sources[c.Source], Organisers: c.Organisers, Headline: b.figures(c.Headline, ""),
	}
	for i := range c.Sources {
		v.Sources = append(v.Sources, &c.Sources[i])
	}
	if c.Carriers.Count != "" {
		v.Carriers, _ = b.cat.Figure(c.Carriers.Count, validate.CampaignScope)
	}
	for _, slug := range c.Carriers.Named {
		if a := b.acts[slug]; a != nil {
			v.Named = append(v.Named, a)
		}
	}
	if v.Carriers != nil {
		if n, ok := v.Carriers.Value.Int64(); ok {
			v.Unnamed = int(n) - len(v.Named)
		}
	}
	for i := range c.Charts {
		ch, _, err := b.buildChart(&c.Charts[i], chartID("home", i, &c.Charts[i]), "/", "")
		if err != nil {
			return fmt.Errorf("%s: chart %d: %w", load.CampaignFile, i+1, err)
		}
		if ch != nil {
			v.Charts = append(v.Charts, ch)
			b.dataCharts = append(b.dataCharts, ch)
		}
	}
	v.Data, v.Cited = camp.Data, camp.Cited // placed later
	place(b, camp, v, isNew)
	b.site.Campaign = camp
	return nil
}

// dataPages adds the pages the data alone makes besides the activities':
// each township's, the list of townships, search and open data.
func (b *builder) dataPages() {
	add := func(v Page) {
		p, isNew := kept(b.prev.pages, v.URL)
		place(b, p, v, isNew)
		b.next.pages[v.URL] = p
		b.site.Pages = append(b.site.Pages, p)
	}
	for _, t := range b.site.Townships {
		add(Page{URL: t.URL, Kind: "township", Title: t.Name, Township: t})
	}
	if len(b.site.Townships) > 0 {
		add(Page{URL: validate.TownshipsURL, Kind: "townships"})
	}
	add(Page{URL: "/search/", Kind: "search"})
	add(Page{URL: "/" + opendata.Dir + "/", Kind: "data"})
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
	campaign := b.publishData(opendata.Campaign(b.in, b.cat, b.loc))
	activities := make([]*opendata.Dataset, len(b.site.Activities))
	for i, a := range b.site.Activities {
		activities[i] = b.publishData(opendata.Activity(inputs[a.Slug], b.cat, b.loc))
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
	// Placed once encoded, so that a kept dataset is compared whole.
	put(b.changes, &b.site.Campaign.Data, campaign)
	for i, a := range b.site.Activities {
		put(b.changes, &a.Data, activities[i])
	}
	figures, err := opendata.Figures(b.cat, b.loc).Marshal()
	b.site.FiguresJSONSize = len(figures)
	return err
}
