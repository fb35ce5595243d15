package validate

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/deploy"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/num"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
)

type validator struct {
	in     *load.Input
	list   *diag.List
	cat    *Catalog
	broken map[string]bool    // figures already reported as invalid
	parts  []part             // figures with part_of, checked after all are known
	memo   *Memo              // per-file checks of earlier builds, or nil
	prints map[*Figure]uint64 // figurePrint's results for this check
	// refused holds place slugs reported as malformed (lowercased), so
	// references to them, right or wrong in case, are not reported again.
	refused map[string]bool
	names   *refNames // the references, indexed for hints once one is needed
}

// Check validates the whole input, adding every problem to list, and
// returns the catalog of what is valid.
func Check(in *load.Input, list *diag.List) *Catalog { return check(in, list, nil) }

func check(in *load.Input, list *diag.List, memo *Memo) *Catalog {
	return checker(in, list, memo).cat
}

// checker checks the whole input and returns the validator that did.
func checker(in *load.Input, list *diag.List, memo *Memo) *validator {
	v := &validator{in: in, list: list, memo: memo, broken: map[string]bool{}, refused: map[string]bool{}, cat: &Catalog{
		Sources:    map[string]*load.Source{},
		Townships:  map[string]*load.Township{},
		Villages:   map[string]VillagePlace{},
		Activities: map[string]*load.Activity{},
		Figures:    map[string]*Figure{},
		Targets:    map[string]*Target{},
		Series:     map[string]*Series{},
		Charts:     map[*load.ChartSpec]*chart.Spec{},
		Blocks:     map[*markdown.ChartBlock]*load.ChartSpec{},
	}}
	v.site()
	v.sources()
	v.townships()
	v.placeSettings()
	for _, a := range in.Activities {
		v.cat.Activities[a.Slug] = a
	}
	v.campaignFigures()
	for _, a := range in.Activities {
		v.activity(a)
	}
	v.checkParts()
	v.campaign()
	v.dataTextBraces()
	v.docs()
	v.pageChartIDs()
	v.reservedNames()
	if memo != nil {
		memo.forgetOthers(in.Docs)
	}
	return v
}

// sourcesKnown and placesKnown say whether the files defining sources and
// places could be read; when not, references to them are not reported (the
// broken file is, once).
func (v *validator) sourcesKnown() bool { return !v.in.Unreadable[load.CampaignFile] }
func (v *validator) placesKnown() bool  { return !v.in.Unreadable[load.TownshipsPath] }

// activityUnreadable reports whether slug's data file exists but could not
// be read: references to it are then not reported again.
func (v *validator) activityUnreadable(slug string) bool {
	return v.in.Unreadable[load.ActivitiesDir+"/"+slug+".yaml"]
}

// Languages are the interface languages a site may choose.
var Languages = []string{"zh-CN", "en"}

func (v *validator) site() {
	s := &v.in.Site
	if s.BaseURL != "" && !ValidBaseURL(s.BaseURL) {
		v.list.Errorf(s.At("base_url"), "base_url", BaseURLHint, "want an http(s) address, got %q", s.BaseURL)
	}
	if s.Language != "" && s.Language != "zh-CN" && s.Language != "en" {
		v.list.Errorf(s.At("language"), "language", diag.T("use zh-CN or en"), "unknown language %q", s.Language)
	}
	if s.Theme != "" && !load.ValidSlug(s.Theme) {
		v.list.Errorf(s.At("theme"), "theme", diag.T("name a folder under themes/, e.g. default"), "%q cannot name a theme folder", s.Theme)
	}
	for i, m := range s.Menu {
		if !SafeLink(m.URL) {
			v.list.Errorf(m.At("url"), fmt.Sprintf("menu[%d].url", i), diag.T("use a path such as /townships/ or an http(s) address"), "unsafe or invalid link %q", m.URL)
		}
	}
	deploy.Check(&s.Deploy, v.list)
}

// ValidBaseURL reports whether s can be a site's public address: an
// absolute http(s) URL with a host.
func ValidBaseURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// BaseURLHint says how to write a site's public address.
var BaseURLHint = diag.T("write the full address, e.g. https://jinzhan.example.org/")

// SafeLink accepts root-relative paths and http(s) addresses only, so that
// javascript: and data: links never reach a page.
func SafeLink(link string) bool {
	if strings.HasPrefix(link, "/") && !strings.HasPrefix(link, "//") {
		return !strings.ContainsAny(link, "\\\x00\n\r\t ")
	}
	u, err := url.Parse(link)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func (v *validator) sources() {
	c := &v.in.Campaign
	for i, s := range c.Sources {
		path := fmt.Sprintf("sources[%d]", i)
		if s.ID == "" {
			continue
		}
		if first, dup := v.cat.Sources[s.ID]; dup {
			v.list.Errorf(s.At("id"), path+".id", diag.T("give each source its own id"), "source %q is already defined at %s", s.ID, first.Pos)
			continue
		}
		if s.URL != "" && !SafeLink(s.URL) {
			v.list.Errorf(s.At("url"), path+".url", diag.T("use an http(s) address"), "unsafe or invalid link %q", s.URL)
			c.Sources[i].URL = ""
		}
		v.cat.Sources[s.ID] = &c.Sources[i]
	}
	if c.Source != "" {
		if _, ok := v.cat.Sources[c.Source]; !ok {
			v.list.Errorf(c.At("source"), "source", suggest(c.Source, sortedKeys(v.cat.Sources), diag.T("define it under sources:")), "unknown source %q", c.Source)
		}
	}
}

func (v *validator) townships() {
	seenVillage := map[string]diag.Pos{}
	ts := v.in.Townships.Townships
	for i := range ts {
		t := &ts[i]
		path := fmt.Sprintf("townships[%d]", i)
		if t.Slug == "" {
			continue
		}
		if !load.ValidSlug(t.Slug) {
			v.list.Errorf(t.At("slug"), path+".slug", diag.T("use lowercase pinyin without tones, e.g. chengguan"), "%q cannot be a URL", t.Slug)
			v.refused[strings.ToLower(t.Slug)] = true
			continue
		}
		if !publish.NameOK(t.Slug) { // it names the township page's folder
			v.list.Errorf(t.At("slug"), path+".slug", diag.T("use the township's name in pinyin, e.g. chengguan"), "the slug is %d bytes long, more than the %d a folder name can have", len(t.Slug), publish.MaxNameBytes)
			v.refused[t.Slug] = true
			continue
		}
		if first, dup := v.cat.Townships[t.Slug]; dup {
			v.list.Errorf(t.At("slug"), path+".slug", diag.T("give each township its own slug"), "township %q is already defined at %s", t.Slug, first.At("slug"))
			continue
		}
		v.cat.Townships[t.Slug] = t
		for j := range t.Villages {
			vil := &t.Villages[j]
			vpath := fmt.Sprintf("%s.villages[%d].slug", path, j)
			if vil.Slug == "" {
				continue
			}
			if !load.ValidSlug(vil.Slug) {
				v.list.Errorf(vil.At("slug"), vpath, diag.T("use lowercase pinyin without tones, e.g. xincun"), "%q cannot be a URL", vil.Slug)
				v.refused[strings.ToLower(vil.Slug)] = true
				continue
			}
			if first, dup := seenVillage[vil.Slug]; dup {
				v.list.Errorf(vil.At("slug"), vpath, diag.T("village slugs are unique across the file; add the township, e.g. %s-%s", t.Slug, vil.Slug), "village %q is already defined at %s", vil.Slug, first)
				continue
			}
			seenVillage[vil.Slug] = vil.At("slug")
			v.cat.Villages[vil.Slug] = VillagePlace{Village: vil, Township: t}
		}
	}
}

// places checks township and village references.
func (v *validator) places(meta interface{ At(string) diag.Pos }, path string, townships, villages []string) {
	if !v.placesKnown() {
		return
	}
	for i, t := range townships {
		if _, ok := v.cat.Townships[t]; !ok && !v.refused[strings.ToLower(t)] {
			v.list.Errorf(meta.At("townships"), fmt.Sprintf("%stownships[%d]", prefix(path), i), suggest(t, sortedKeys(v.cat.Townships), diag.T("add it to data/townships.yaml")), "unknown township %q", t)
		}
	}
	for i, vil := range villages {
		if _, ok := v.cat.Villages[vil]; !ok && !v.refused[strings.ToLower(vil)] {
			v.list.Errorf(meta.At("villages"), fmt.Sprintf("%svillages[%d]", prefix(path), i), suggest(vil, sortedKeys(v.cat.Villages), diag.T("add it under its township in data/townships.yaml")), "unknown village %q", vil)
		}
	}
}

func (v *validator) campaignFigures() {
	c := &v.in.Campaign
	def := figureDefaults{scope: CampaignScope, source: c.Source, asOf: c.AsOf}
	seen := map[string]diag.Pos{}
	for i := range c.Metrics {
		v.addFigure(&c.Metrics[i], fmt.Sprintf("metrics[%d]", i), CampaignScope, nil, def, seen)
	}
}

func (v *validator) campaign() {
	c := &v.in.Campaign
	v.period(&c.Period, "period")
	if c.Carriers.Count != "" {
		f, ok := v.cat.Figures[CampaignScope+"."+c.Carriers.Count]
		switch {
		case !ok:
			v.list.Errorf(c.Carriers.At("count"), "carriers.count", suggest(c.Carriers.Count, v.scopeIDs(CampaignScope), diag.T("name a metric of this file")), "unknown campaign metric %q", c.Carriers.Count)
		case f.Value.Cmp(num.Dec{Coef: int64(len(c.Carriers.Named))}) < 0:
			v.list.Errorf(c.Carriers.At("named"), "carriers.named", diag.T("check the count or the list"), "%d carriers named but the count says %s", len(c.Carriers.Named), f.AsWritten())
		}
	}
	for i, slug := range c.Carriers.Named {
		if _, ok := v.cat.Activities[slug]; !ok && !v.activityUnreadable(slug) {
			v.list.Errorf(c.Carriers.At("named"), fmt.Sprintf("carriers.named[%d]", i), suggest(slug, sortedKeys(v.cat.Activities), diag.T("add data/activities/%s.yaml", slug)), "unknown activity %q", slug)
		}
	}
	for i, ref := range c.Headline {
		v.figureRef(ref, "", c.At("headline"), fmt.Sprintf("headline[%d]", i))
	}
	v.chartIDs(listCharts(load.CampaignFile, c.Charts))
	for i := range c.Charts {
		v.chart(&c.Charts[i], "", fmt.Sprintf("charts[%d]", i))
	}
}

// scopeIDs lists the references of one scope without the scope, for hints.
func (v *validator) scopeIDs(scope string) []string {
	var out []string
	for _, ref := range v.cat.FigureRefs() {
		if rest, ok := strings.CutPrefix(ref, scope+"."); ok {
			out = append(out, rest)
		}
	}
	return out
}

// figureRef checks a reference (relative to scope when scope is not "")
// to a figure, a target's actual or a series' point (see Catalog.Cite).
func (v *validator) figureRef(ref, scope string, pos diag.Pos, field string) (*Figure, bool) {
	f, ok := v.cat.Cite(ref, scope)
	first, _, _ := strings.Cut(ref, ".")
	name, _, _ := strings.Cut(ref, PointMark)
	if !ok && (v.broken[name] || v.broken[scope+"."+name] || v.activityUnreadable(first)) {
		return nil, false
	}
	if !ok {
		v.unresolved(ref, scope, pos, field)
	}
	return f, ok
}

// howToWriteRef says how a reference is written, with the site's own first
// figure as the example.
func (v *validator) howToWriteRef() diag.Text {
	if refs := v.cat.FigureRefs(); len(refs) > 0 {
		return diag.T("write activity.id, e.g. %s; see docs/data-format.md", refs[0])
	}
	return diag.T("write the activity file name, a dot and the figure id (activity.id)")
}

func (v *validator) period(p *load.Period, path string) {
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		v.list.Errorf(p.At("end"), path+".end", diag.T("swap start and end, or correct the year"), "the period ends (%s) before it starts (%s)", p.End.ISO(), p.Start.ISO())
	}
}

func (v *validator) activity(a *load.Activity) {
	file := load.ActivitiesDir + "/" + a.Slug + ".yaml"
	v.period(&a.Period, "period")
	def := figureDefaults{scope: a.Slug, source: a.Source, asOf: a.AsOf}
	if a.Source != "" && v.sourcesKnown() {
		if _, ok := v.cat.Sources[a.Source]; !ok {
			v.list.Errorf(a.At("source"), "source", suggest(a.Source, sortedKeys(v.cat.Sources), diag.T("define it under sources: in %s", load.CampaignFile)), "unknown source %q", a.Source)
		}
	}
	seen := map[string]diag.Pos{}
	for i := range a.Metrics {
		v.addFigure(&a.Metrics[i], fmt.Sprintf("metrics[%d]", i), a.Slug, nil, def, seen)
	}
	for i := range a.Breakdowns {
		bd := &a.Breakdowns[i]
		path := fmt.Sprintf("breakdowns[%d]", i)
		if bd.ID == "" {
			continue
		}
		if first, dup := seen[bd.ID]; dup {
			v.list.Errorf(bd.At("id"), path+".id", diag.T("breakdown ids and metric ids of one activity must differ"), "id %q is already used at %s", bd.ID, first)
			continue
		}
		seen[bd.ID] = bd.At("id")
		if slices.Contains(markdown.PageIDs, bd.ID) || strings.HasPrefix(bd.ID, "chart-") {
			// The id is the breakdown's anchor on the activity page.
			v.list.Errorf(bd.At("id"), path+".id", diag.T("choose another id, e.g. the unit's name in pinyin"), "the activity page uses the id %q itself", bd.ID)
		}
		if !validKinds[bd.Kind] && bd.Kind != "" {
			v.list.Errorf(bd.At("kind"), path+".kind", suggest(bd.Kind, sortedKeys(validKinds), diag.Text{}), "unknown kind %q", bd.Kind)
		}
		v.places(bd, path, bd.Townships, bd.Villages)
		inner := map[string]diag.Pos{}
		for j := range bd.Metrics {
			v.addFigure(&bd.Metrics[j], fmt.Sprintf("%s.metrics[%d]", path, j), a.Slug+"."+bd.ID, bd, def, inner)
		}
	}
	for i := range a.Targets {
		v.target(a, &a.Targets[i], fmt.Sprintf("targets[%d]", i), def, seen)
	}
	for i := range a.Series {
		v.series(a, &a.Series[i], fmt.Sprintf("series[%d]", i), def)
	}
	for i, ref := range a.KeyMetrics {
		v.figureRef(ref, a.Slug, a.At("key_metrics"), fmt.Sprintf("key_metrics[%d]", i))
	}
	v.chartIDs(listCharts(file, a.Charts))
	for i := range a.Charts {
		v.chart(&a.Charts[i], a.Slug, fmt.Sprintf("charts[%d]", i))
	}
}

var validKinds = map[string]bool{"organisation": true, "township": true, "village": true, "person": true, "group": true}

func (v *validator) series(a *load.Activity, s *load.Series, path string, def figureDefaults) {
	if s.ID == "" {
		return
	}
	ref := a.Slug + "." + s.ID
	if _, dup := v.cat.Series[ref]; dup {
		v.list.Errorf(s.At("id"), path+".id", diag.T("give each series its own id"), "series %q is defined twice", s.ID)
		return
	}
	out := &Series{Ref: ref, Label: s.Label}
	for i, p := range s.Points {
		ppath := fmt.Sprintf("%s.points[%d]", path, i)
		if i > 0 && !p.Date.IsZero() && !s.Points[i-1].Date.Before(p.Date) { // a date written wrong is reported where it is
			v.list.Errorf(p.At("date"), ppath+".date", diag.T("list the points from oldest to newest, each date once"), "date %s does not come after %s", p.Date.ISO(), s.Points[i-1].Date.ISO())
		}
		src := s.Source
		fig := v.figureOf(p.Value, s.Unit, p.Qualifier, p.Date, src, &p.Meta, ppath, def)
		switch {
		case i == 0:
			v.presentation(fig, s.UnitEn, s.DisplayUnit, s, path) // once, for the series
		case fig != nil && len(out.Points) > 0:
			fig.UnitEn, fig.Shown = out.Points[0].Fig.UnitEn, out.Points[0].Fig.Shown
		}
		if fig == nil {
			if s.Unit == "" || i > 0 {
				continue
			}
			v.broken[ref] = true // reported; references to it stay quiet
			return
		}
		fig.Ref, fig.Activity, fig.Label, fig.Pos, fig.Point = ref, a.Slug, s.Label, p.Pos, p.Date
		out.Base = fig.Base()
		out.Points = append(out.Points, SeriesPoint{Date: p.Date, Fig: fig})
	}
	v.cat.Series[ref] = out
}

// prefix is path followed by a dot, or "" at the top of a file.
func prefix(path string) string {
	if path == "" {
		return ""
	}
	return path + "."
}
