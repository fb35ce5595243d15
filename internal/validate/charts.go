package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
)

// chartFields says which list fields each chart type reads.
var chartFields = map[string][]string{
	"bar": {"metrics", "series"}, "hbar": {"metrics", "series"}, "pie": {"metrics"}, "donut": {"metrics"},
	"stacked": {"rows", "segments"}, "line": {"series"}, "gauge": {"target"},
}

// chart checks a chart spec (references relative to scope when not "")
// and returns it resolved, or nil when it cannot be drawn.
func (v *validator) chart(c *load.ChartSpec, scope, path string) *chart.Spec {
	if c.Type == "" {
		return nil
	}
	used, ok := chartFields[c.Type]
	if !ok {
		v.list.Errorf(c.At("type"), path+".type", suggest(c.Type, chart.Types, diag.T("use one of: %s", strings.Join(chart.Types, ", "))), "unknown chart type %q", c.Type)
		return nil
	}
	present := map[string]bool{"metrics": len(c.Metrics) > 0, "rows": len(c.Rows) > 0, "segments": len(c.Segments) > 0, "series": len(c.Series) > 0, "target": c.Target != ""}
	for _, field := range []string{"metrics", "rows", "segments", "series", "target"} {
		if present[field] && !slices.Contains(used, field) {
			v.list.Errorf(c.At(field), path+"."+field, diag.T("a %s chart reads: %s", c.Type, strings.Join(used, ", ")), "%s is not used by a %s chart", field, c.Type)
		}
	}
	if !present[used[0]] && (len(used) == 1 || !present[used[1]]) {
		v.list.Errorf(c.Pos, path+"."+used[0], diag.T("see the chart section of docs/data-format.md"), "a %s chart needs %s", c.Type, used[0])
		return nil
	}
	spec := &chart.Spec{ID: c.ID, Type: c.Type, Title: c.Title, Summary: c.Summary}
	units := &unitCheck{v: v, path: path}
	switch c.Type {
	case "bar", "hbar", "pie", "donut":
		if present["series"] && slices.Contains(used, "series") {
			return v.seriesBars(c, scope, path, spec, units)
		}
		figs := v.chartFigures(c.Metrics, scope, c.At("metrics"), path+".metrics", units)
		if figs == nil {
			return nil
		}
		if (c.Type == "pie" || c.Type == "donut") && len(figs) < 2 {
			v.list.Errorf(c.At("metrics"), path+".metrics", diag.T("a share needs at least two parts; use a bar chart for one figure"), "a %s chart needs at least 2 metrics", c.Type)
			return nil
		}
		spec.Items = items(figs, byBreakdown(figs))
	case "stacked":
		for i, row := range c.Rows {
			rpath := fmt.Sprintf("%s.rows[%d]", path, i)
			if len(row.Metrics) != len(c.Segments) {
				v.list.Errorf(row.At("metrics"), rpath+".metrics", diag.T("give one metric per segment, in the order of segments"), "%d metrics for %d segments", len(row.Metrics), len(c.Segments))
				return nil
			}
			figs := v.chartFigures(row.Metrics, scope, row.At("metrics"), rpath+".metrics", units)
			if figs == nil {
				return nil
			}
			spec.Rows = append(spec.Rows, chart.Row{Label: row.Label, Items: items(figs, false)})
		}
		spec.Segments = c.Segments
		for i := range spec.Rows {
			for j := range spec.Rows[i].Items {
				spec.Rows[i].Items[j].Label = c.Segments[j]
			}
		}
	case "line":
		if spec.Lines = v.seriesLines(c, scope, path, units); spec.Lines == nil {
			return nil
		}
	case "gauge":
		t, ok := v.cat.Targets[c.Target]
		if !ok && scope != "" {
			t, ok = v.cat.Targets[scope+"."+c.Target]
		}
		switch {
		case !ok:
			v.list.Errorf(c.At("target"), path+".target", suggest(c.Target, sortedKeys(v.cat.Targets), diag.T("define it under targets:")), "unknown target %q", c.Target)
			return nil
		case t.Actual == nil:
			v.list.Errorf(c.At("target"), path+".target", diag.T("add actual: to the target, or show it without a gauge"), "target %q has no actual value to draw", c.Target)
			return nil
		case t.Down && t.From == nil:
			v.list.Errorf(c.At("target"), path+".target", diag.T("add from: to the target, with the number it started from, or show it without a gauge"),
				"target %q brings a number down but does not say where it started", c.Target)
			return nil
		}
		units.check(t.Goal, c.At("target"), path+".target")
		spec.Gauge = &chart.Gauge{Label: t.Goal.Label, Goal: itemOf(t.Goal, ""), Actual: itemOf(t.Actual, ""), Down: t.Down, Progress: t.Progress(), Reached: t.Reached()}
		if t.From != nil {
			start := itemOf(t.From, "")
			spec.Gauge.Start = &start
		}
	}
	return v.drawable(c, spec, units)
}

// drawable records a resolved spec whose values share one unit.
func (v *validator) drawable(c *load.ChartSpec, spec *chart.Spec, units *unitCheck) *chart.Spec {
	if units.failed {
		return nil
	}
	spec.Base = units.base
	v.cat.Charts[c] = spec
	return spec
}

// seriesBars resolves a bar chart drawn from a series: one bar per point,
// labelled by its date.
func (v *validator) seriesBars(c *load.ChartSpec, scope, path string, spec *chart.Spec, units *unitCheck) *chart.Spec {
	switch {
	case len(c.Metrics) > 0:
		v.list.Errorf(c.At("series"), path+".series", diag.T("draw the series in a chart of its own"), "a %s chart draws metrics or a series, not both", c.Type)
		return nil
	case len(c.Series) > 1:
		v.list.Errorf(c.At("series"), path+".series", diag.T("use a line chart to compare several series"), "a %s chart draws one series, not %d", c.Type, len(c.Series))
		return nil
	}
	if spec.Lines = v.seriesLines(c, scope, path, units); spec.Lines == nil {
		return nil
	}
	return v.drawable(c, spec, units)
}

// seriesLines resolves the series a chart draws, each point an item dated
// by its point; nil when one is unknown.
func (v *validator) seriesLines(c *load.ChartSpec, scope, path string, units *unitCheck) []chart.Line {
	var lines []chart.Line
	for i, ref := range c.Series {
		s, ok := v.cat.Series[ref]
		if !ok && scope != "" {
			s, ok = v.cat.Series[scope+"."+ref]
		}
		if !ok {
			v.list.Errorf(c.At("series"), fmt.Sprintf("%s.series[%d]", path, i), suggest(ref, sortedKeys(v.cat.Series), diag.T("define it under series:")), "unknown series %q", ref)
			return nil
		}
		line := chart.Line{Label: s.Label}
		for _, p := range s.Points {
			units.check(p.Fig, c.At("series"), fmt.Sprintf("%s.series[%d]", path, i))
			line.Items = append(line.Items, itemOf(p.Fig, ""))
		}
		lines = append(lines, line)
	}
	return lines
}

// unitCheck makes sure every value of a chart shares one base unit.
type unitCheck struct {
	v      *validator
	path   string
	base   string
	first  string
	failed bool
}

func (u *unitCheck) check(f *Figure, pos diag.Pos, field string) {
	if u.base == "" {
		u.base, u.first = f.Base(), f.Ref
		return
	}
	if f.Base() != u.base && !u.failed {
		u.v.list.Errorf(pos, field, diag.T("draw figures of different units in separate charts"), "%s is in %s but %s is in %s", f.Ref, f.Base(), u.first, u.base)
		u.failed = true
	}
}

func (v *validator) chartFigures(refs []string, scope string, pos diag.Pos, path string, units *unitCheck) []*Figure {
	var out []*Figure
	ok := true
	for i, ref := range refs {
		f, found := v.figureRef(ref, scope, pos, fmt.Sprintf("%s[%d]", path, i))
		if !found {
			ok = false
			continue
		}
		if scope != "" && f.Activity != scope {
			// An activity page draws its own figures; comparisons across
			// activities belong on the overview or in a chart block.
			v.list.Errorf(pos, fmt.Sprintf("%s[%d]", path, i), diag.T("draw it in data/campaign.yaml charts or in a chart block in Markdown"), "%s is not a figure of this activity", ref)
			ok = false
			continue
		}
		units.check(f, pos, fmt.Sprintf("%s[%d]", path, i))
		out = append(out, f)
	}
	if !ok {
		return nil
	}
	return out
}

// byBreakdown reports whether every figure comes from a different
// breakdown, in which case bars are named after the breakdowns.
func byBreakdown(figs []*Figure) bool {
	seen := map[*load.Breakdown]bool{}
	for _, f := range figs {
		if f.Breakdown == nil || seen[f.Breakdown] {
			return false
		}
		seen[f.Breakdown] = true
	}
	return len(figs) > 1
}

func items(figs []*Figure, breakdownNames bool) []chart.Item {
	out := make([]chart.Item, len(figs))
	for i, f := range figs {
		label := f.Label
		if breakdownNames {
			label = f.Breakdown.Name
		}
		out[i] = itemOf(f, label)
	}
	return out
}

func itemOf(f *Figure, label string) chart.Item {
	return chart.Item{Label: label, Quantity: f.Quantity, When: f.Point, AsOf: f.AsOf, Source: f.Source}
}
