// Package validate is the second stage of a build: it checks every input
// against the others (references, units, values, dates) and builds the
// Catalog of figures, places and sources the later stages draw from.
package validate

import (
	"slices"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/num"
)

// CampaignScope is the first part of references to campaign-level figures.
const CampaignScope = "campaign"

// Figure is a metric with everything needed to show it: its quantity (the
// exact value with the unit and qualifier it was written with; shown in
// the site's language by internal/locale), its date and its source.
type Figure struct {
	num.Quantity
	Ref       string // volunteer.forestry.households
	Activity  string // activity slug, or CampaignScope
	Breakdown *load.Breakdown
	Label     string
	AsOf      load.Date
	Source    *load.Source
	Note      string
	Pos       diag.Pos
	// Point is the date of a series' point; zero for other figures.
	Point load.Date
}

// AsWritten is the figure as the data file writes it (6000余只), for
// messages to the editor who wrote it.
func (f *Figure) AsWritten() string { return locale.Written(f.Quantity) }

// Target is a goal, resolved like a figure; Actual is nil when unknown.
type Target struct {
	Ref      string
	Spec     *load.Target
	Goal     *Figure
	Actual   *Figure
	Deadline load.Date
	// Down is set for a number brought down to the goal (direction: down).
	Down bool
	// From is where the number started (from:), nil when not given; a
	// target reached up to starts from 0.
	From *Figure
}

// Reached reports whether the actual has met the goal: at or above it, or
// at or below it for a number brought down.
func (t *Target) Reached() bool {
	if t.Actual == nil {
		return false
	}
	c := t.Actual.Value.Cmp(t.Goal.Value)
	return c == 0 || (c < 0) == t.Down
}

// Measured reports whether the progress can be shown as a share of the
// way: the actual is known and so is where the way starts (from:, or 0
// for a number reached up to). A number brought down with no from: is
// measured only once reached.
func (t *Target) Measured() bool {
	return t.Actual != nil && (!t.Down || t.From != nil || t.Reached())
}

// Progress is the share of the way from the start to the goal that the
// actual has covered, 0–100 (100 only when reached; 0 when not measured).
func (t *Target) Progress() int {
	switch {
	case !t.Measured():
		return 0
	case t.Reached():
		return 100
	}
	var start num.Dec
	if t.From != nil {
		start = t.From.Value
	}
	return num.ProgressOf(start, t.Goal.Value, t.Actual.Value)
}

// Series is a run of dated values, each point resolved like a figure.
type Series struct {
	Ref    string
	Label  string
	Base   string
	Points []SeriesPoint
}

// SeriesPoint is one dated value of a series.
type SeriesPoint struct {
	Date load.Date
	Fig  *Figure
}

// VillagePlace is a village and the township it belongs to.
type VillagePlace struct {
	Village  *load.Village
	Township *load.Township
}

// Catalog indexes the checked input for the later stages.
type Catalog struct {
	Sources    map[string]*load.Source
	Townships  map[string]*load.Township
	Villages   map[string]VillagePlace
	Activities map[string]*load.Activity
	Figures    map[string]*Figure
	Targets    map[string]*Target
	Series     map[string]*Series
	// Charts holds every drawable chart spec, from data files and from
	// chart blocks (whose specs are decoded here).
	Charts map[*load.ChartSpec]*chart.Spec
	// Blocks maps each chart block of the Markdown to its spec.
	Blocks map[*markdown.ChartBlock]*load.ChartSpec
}

// Figure resolves ref, full (volunteer.projects) or relative to the
// activity scope (projects, forestry.households) when scope is not "".
func (c *Catalog) Figure(ref, scope string) (*Figure, bool) {
	if scope != "" {
		if f, ok := c.Figures[scope+"."+ref]; ok {
			return f, true
		}
	}
	f, ok := c.Figures[ref]
	return f, ok
}

// The marks of the references that cite a figure kept inside a target or
// a series: poverty.poor-population.actual is what the target reached,
// poverty.population@2012 the series' point of 2012 and
// poverty.population@latest its newest point.
const (
	ActualSuffix = ".actual"
	PointMark    = "@"
	LatestPoint  = "latest"
)

// Cite resolves a reference as prose, headlines, key_metrics and chart
// metrics write it: a figure (see Figure), a target's actual or a point of
// a series, full or relative to scope when scope is not "".
func (c *Catalog) Cite(ref, scope string) (*Figure, bool) {
	if f, ok := c.Figure(ref, scope); ok {
		return f, true
	}
	if scope != "" {
		if f := c.inner(scope + "." + ref); f != nil {
			return f, true
		}
	}
	f := c.inner(ref)
	return f, f != nil
}

// inner finds the figure a full reference names inside a target or a
// series, or nil.
func (c *Catalog) inner(ref string) *Figure {
	if name, point, ok := strings.Cut(ref, PointMark); ok {
		if s, ok := c.Series[name]; ok {
			return s.Point(point)
		}
		return nil
	}
	if name, ok := strings.CutSuffix(ref, ActualSuffix); ok {
		if t, ok := c.Targets[name]; ok {
			return t.Actual
		}
	}
	return nil
}

// Point is the series' point of a date as written in the data (2012,
// 2020-06) or its newest point (latest); nil when there is none.
func (s *Series) Point(date string) *Figure {
	if len(s.Points) == 0 {
		return nil
	}
	if date == LatestPoint {
		return s.Points[len(s.Points)-1].Fig
	}
	for _, p := range s.Points {
		if p.Date.ISO() == date {
			return p.Fig
		}
	}
	return nil
}

// Dates lists the dates of the series' points as references write them,
// then latest, for suggestions.
func (s *Series) Dates() []string {
	out := make([]string, 0, len(s.Points)+1)
	for _, p := range s.Points {
		out = append(out, p.Date.ISO())
	}
	return append(out, LatestPoint)
}

// FigureRefs lists every figure reference, sorted, for suggestions.
func (c *Catalog) FigureRefs() []string { return sortedKeys(c.Figures) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// maxListed is how many names a hint lists in full; past it, a hint names
// the nearest few.
const maxListed = 12

// suggest builds a hint from the names known where word was expected: the
// nearest when it is close enough to be a typo, else every name when they
// are few, else the nearest three however far (fallback when none is known).
func suggest(word string, known []string, fallback diag.Text) diag.Text {
	if near := diag.Nearest(word, known); near != "" {
		return diag.T("did you mean %s?", near)
	}
	switch {
	case len(known) == 0:
		return fallback
	case len(known) <= maxListed:
		return diag.T("known: %s", strings.Join(known, ", "))
	}
	return diag.T("the nearest: %s", strings.Join(diag.Closest(word, known, 3), ", "))
}
