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
