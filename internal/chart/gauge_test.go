package chart

import (
	"encoding/json"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/locale"
)

// gaugeSeries builds a gauge and returns its series as ECharts reads it.
func gaugeSeries(t *testing.T, g *Gauge, base string, loc *locale.Locale) map[string]any {
	t.Helper()
	c, err := Build(&Spec{Type: "gauge", Title: "t", Base: base, Gauge: g}, zhWords, loc)
	if err != nil {
		t.Fatal(err)
	}
	var opt map[string]any
	if err := json.Unmarshal([]byte(c.Option), &opt); err != nil {
		t.Fatal(err)
	}
	return opt["series"].([]any)[0].(map[string]any)
}

// A dial of counts has whole ticks that fit a phone: min + i*(max-min)/splitNumber
// is a whole number for every i, and round steps are preferred.
func TestGaugeTicksAreWholeNumbers(t *testing.T) {
	for _, c := range []struct {
		from, goal, actual, unit string
		min, max, splits         float64
	}{
		{"", "832", "832", "个", 0, 832, 8},       // 104 a tick, not 83.2
		{"", "252", "252", "个", 0, 252, 7},       // 36 a tick, not 25.2
		{"", "100", "80", "个", 0, 100, 5},        // 20 a tick
		{"", "1000", "800", "个", 0, 1000, 5},     // 200, not 125
		{"", "97", "50", "个", 0, 97, 1},          // a prime: its ends only
		{"", "12.8", "12.8", "万个", 0, 128000, 4}, // 12.8 ticks are not whole: the base unit
		{"9899", "0", "0", "万人", 9899, 0, 1},     // brought down, at the 万 of the axis
		{"832", "0", "551", "个", 832, 0, 8},      // brought down from 832
		{"6079", "12588", "12588", "元", 6079, 12588, 1},
	} {
		g := &Gauge{Label: "g", Goal: Item{Quantity: written(t, c.goal, c.unit, "")}, Actual: Item{Quantity: written(t, c.actual, c.unit, "")}}
		if c.from != "" {
			g.Start = &Item{Quantity: written(t, c.from, c.unit, "")}
			g.Down = dec(t, c.from).Cmp(dec(t, c.goal)) > 0
		}
		s := gaugeSeries(t, g, g.Goal.Base(), zh)
		if s["min"] != c.min || s["max"] != c.max || s["splitNumber"] != c.splits {
			t.Errorf("%s→%s %s: min %v max %v splitNumber %v, want %v %v %v", c.from, c.goal, c.unit, s["min"], s["max"], s["splitNumber"], c.min, c.max, c.splits)
		}
		if _, percent := s["axisLabel"]; percent {
			t.Errorf("%s→%s: a dial in figures is labelled in percent", c.from, c.goal)
		}
	}
}

// A dial whose ends have no short whole ticks (98.99 million, 2.5%) counts
// percent of the way, full when the target is reached.
func TestGaugeInPercentOfTheWay(t *testing.T) {
	g := &Gauge{Label: "g", Start: &Item{Quantity: written(t, "9899", "万人", "")}, Goal: Item{Quantity: written(t, "0", "万人", "")},
		Actual: Item{Quantity: written(t, "0", "万人", "")}, Down: true, Progress: 100, Reached: true}
	s := gaugeSeries(t, g, "人", locale.New("en"))
	if s["min"] != 0.0 || s["max"] != 100.0 || s["data"].([]any)[0].(map[string]any)["value"] != 100.0 || s["axisLabel"].(map[string]any)["formatter"] != "{value}%" {
		t.Errorf("series = %v", s)
	}
	if d := s["detail"].(map[string]any)["formatter"]; d != "0 people" {
		t.Errorf("detail = %v, want the reached figure", d)
	}
}

func TestGaugeSummarySaysReached(t *testing.T) {
	g := &Gauge{Label: "贫困县", Start: &Item{Quantity: written(t, "832", "个", "")}, Goal: Item{Quantity: written(t, "0", "个", "")},
		Actual: Item{Quantity: written(t, "0", "个", "")}, Down: true, Progress: 100, Reached: true}
	c, err := Build(&Spec{Type: "gauge", Title: "t", Base: "个", Gauge: g}, zhWords, zh)
	if err != nil {
		t.Fatal(err)
	}
	if want := "贫困县：目标降至0个，实际0个。目标已实现。"; c.Summary != want {
		t.Errorf("summary = %q, want %q", c.Summary, want)
	}
	if got := c.Table.Head[1]; got != "起点" || c.Table.Rows[0].Cells[0] != "832个" || c.Table.NumCols != 3 {
		t.Errorf("table = %+v", c.Table)
	}
}
