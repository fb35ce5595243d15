package chart

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/num"
)

// dial is the scale a gauge is drawn on.
type dial struct {
	min, max float64 // min is above max for a number brought down
	splits   int     // ticks: min, then one every (max-min)/splits
	value    float64
	percent  bool // the dial counts percent of the way, not figures
}

// gaugeOption draws a target's progress on a dial from where the number
// started (0, or the target's from:) to the goal; a number brought down
// runs from its start down to the goal, so the bar fills as it falls. The
// dial is in figures when its ends are whole numbers whose way splits into
// whole ticks short enough for a phone, otherwise in percent of the way.
// The series is written by hand: go-echarts' gauge has no splitNumber and
// drops a max of 0.
func gaugeOption(s *Spec) map[string]any {
	g := s.Gauge
	d, ok := figureDial(s.loc, s.Base, g)
	if !ok {
		d = dial{min: 0, max: 100, splits: 5, value: float64(g.Progress), percent: true}
	}
	gauge := charts.NewGauge()
	gauge.SetGlobalOptions(charts.WithTitleOpts(titled(s)), charts.WithColorsOpts(palette))
	gauge.Validate()
	option := gauge.JSON()
	series := map[string]any{
		"type": "gauge", "name": g.Label,
		"min": d.min, "max": d.max, "splitNumber": d.splits,
		"progress": map[string]any{"show": true, "width": 14},
		// The dial shows the reached figure only; its label is in the title,
		// summary and table, and a second text in the dial overlaps on phones.
		// It stands in the dial's opening, clear of the labels at its ends.
		"detail": map[string]any{"formatter": g.Actual.display, "fontSize": 20, "offsetCenter": []string{"0", "75%"}},
		"data":   []any{map[string]any{"value": d.value}},
	}
	if d.percent || s.Base == "%" {
		series["axisLabel"] = map[string]any{"formatter": "{value}%"}
	}
	option["series"] = []any{series}
	return option
}

// figureDial is the dial in figures (at the axis scale, or failing that in
// the base unit), when the start and the goal are whole numbers of at most
// six digits; ok is false otherwise.
func figureDial(loc *locale.Locale, base string, g *Gauge) (dial, bool) {
	var start num.Dec
	if g.Start != nil {
		start = g.Start.Value
	}
	axisScale, _ := loc.AxisScale([]num.Dec{start, g.Goal.Value, g.Actual.Value}, base)
	for _, scale := range []int{axisScale, 0} {
		lo, hi := start.Shift(-scale), g.Goal.Value.Shift(-scale)
		from, okFrom := lo.Int64()
		to, okTo := hi.Int64()
		digits := max(len(lo.String()), len(hi.String()))
		if !okFrom || !okTo || from == to || digits > 6 {
			continue
		}
		return dial{min: lo.Float(), max: hi.Float(), splits: splitsOf(max(from, to)-min(from, to), digits), value: g.Actual.Value.Shift(-scale).Float()}, true
	}
	return dial{}, false
}

// splitsOf divides a dial's span into whole ticks: as many as labels of
// that many digits leave room for around a dial 360 px wide, the most
// that give a round step (1, 2, 2.5 or 5 times a power of ten: 200, 20,
// 25) or, when none does, the most that divide the span; at least one.
func splitsOf(span int64, digits int) int {
	most := map[int]int{1: 8, 2: 8, 3: 8, 4: 6, 5: 5}[digits]
	if most == 0 {
		most = 4
	}
	whole := 1
	for n := most; n >= 2; n-- {
		if span%int64(n) != 0 {
			continue
		}
		if roundStep(span / int64(n)) {
			return n
		}
		whole = max(whole, n)
	}
	return whole
}

// roundStep reports whether a step is 1, 2, 2.5 or 5 times a power of ten.
func roundStep(step int64) bool {
	for step >= 10 && step%10 == 0 {
		step /= 10
	}
	return step == 1 || step == 2 || step == 5 || step == 25
}

func gaugeTable(g *Gauge, w Words) Table {
	head := []string{w.Item, w.Goal, w.Actual, w.AsOf, w.Source}
	cells := []string{g.Goal.display, g.Actual.display, g.Actual.asOf, g.Actual.source}
	if g.Start != nil {
		head = append([]string{w.Item, w.Start}, head[1:]...)
		cells = append([]string{g.Start.display}, cells...)
	}
	return Table{Head: head, NumCols: len(head) - 3, Rows: []TableRow{{Header: g.Label, Cells: cells}}}
}

// gaugeSummary says where the target stands, and that it is reached once
// it is.
func gaugeSummary(g *Gauge, w Words) string {
	pattern := w.SummaryGauge
	if g.Down {
		pattern = w.SummaryGaugeDown
	}
	out := locale.Fill(pattern, "label", g.Label, "goal", g.Goal.display, "actual", g.Actual.display)
	if g.Reached {
		out += w.SentenceSep + w.SummaryReached
	}
	return out
}
