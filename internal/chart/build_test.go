package chart

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/num"
)

func dec(t *testing.T, s string) num.Dec {
	t.Helper()
	d, err := num.ParseDec(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// written is the quantity value in unit, as a data file writes it.
func written(t *testing.T, value, unit, qualifier string) num.Quantity {
	t.Helper()
	u, ok := num.ParseUnit(unit)
	if !ok {
		t.Fatalf("unit %q", unit)
	}
	return num.NewQuantity(dec(t, value), u, qualifier)
}

var zh = locale.New("zh-CN")

// zhWords and enWords are the theme's chart strings (themes/default/i18n).
var zhWords = Words{
	Item: "项目", Value: "数值", AsOf: "截至", Source: "来源", Date: "日期", Goal: "目标", Actual: "实际",
	SummaryBar:   "共{count}项，最高为{maxLabel}（{max}），最低为{minLabel}（{min}）。",
	SummaryParts: "包括{parts}。", SummaryItem: "{label} {value}", SummaryRow: "{label}：{parts}",
	SummaryLine:  "{label}从{firstDate}的{first}变为{lastDate}的{last}。",
	SummaryGauge: "{label}：目标{goal}，实际{actual}。", SummaryGaugeDown: "{label}：目标降至{goal}，实际{actual}。",
	SummaryReached: "目标已实现。", Start: "起点",
	ListSep: "、", Semicolon: "；",
}

var enWords = Words{
	Item: "Item", Value: "Value", AsOf: "As of", Source: "Source", Date: "Date", Goal: "Target", Actual: "Reached",
	SummaryBar:   "{count} items; highest {maxLabel} ({max}), lowest {minLabel} ({min}).",
	SummaryParts: "Includes {parts}.", SummaryItem: "{label} ({value})", SummaryRow: "{label}: {parts}",
	SummaryLine:  "{label} went from {first} ({firstDate}) to {last} ({lastDate}).",
	SummaryGauge: "{label}: target {goal}, reached {actual}.", SummaryGaugeDown: "{label}: target down to {goal}, now {actual}.",
	SummaryReached: "Target reached.", Start: "From",
	ListSep: ", ", Semicolon: "; ", SentenceSep: " ",
}

func TestBarOptionScalesAndLabels(t *testing.T) {
	s := &Spec{ID: "c1", Type: "hbar", Title: "投入", Base: "元", Items: []Item{
		{Label: "水务局", Quantity: written(t, "100", "万元", "余")},
		{Label: "规划局", Quantity: written(t, "12.8", "万元", "")},
	}}
	c, err := Build(s, zhWords, zh)
	if err != nil {
		t.Fatal(err)
	}
	var opt map[string]any
	if err := json.Unmarshal([]byte(c.Option), &opt); err != nil {
		t.Fatal(err)
	}
	series := opt["series"].([]any)[0].(map[string]any)
	data := series["data"].([]any)
	// Horizontal bars are reversed so the first item is drawn on top.
	first := data[1].(map[string]any)
	if first["value"].(float64) != 100 || first["label"].(map[string]any)["formatter"] != "100余万元" {
		t.Errorf("first bar = %v", first)
	}
	if got := opt["xAxis"].([]any)[0].(map[string]any)["name"]; got != "万元" {
		t.Errorf("axis name = %v", got)
	}
	if len(c.Table.Rows) != 2 || c.Table.Rows[0].Cells[0] != "100余万元" {
		t.Errorf("table = %+v", c.Table)
	}
	if !strings.Contains(c.Summary, "最高为水务局（100余万元）") {
		t.Errorf("summary = %q", c.Summary)
	}
}

func TestOptionIsScriptSafe(t *testing.T) {
	evil := `</script><script>alert(1)</script>__f__function(){alert(2)}__f__`
	s := &Spec{Type: "pie", Title: evil, Base: "元", Items: []Item{
		{Label: evil, Quantity: written(t, "1", "元", "")},
		{Label: "b", Quantity: written(t, "2", "元", "")},
	}}
	c, err := Build(s, zhWords, zh)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(c.Option), "<") || strings.Contains(string(c.Option), "</script") {
		t.Errorf("option carries raw markup: %s", c.Option)
	}
	var opt map[string]any
	if err := json.Unmarshal([]byte(c.Option), &opt); err != nil {
		t.Fatal(err)
	}
	name := opt["series"].([]any)[0].(map[string]any)["data"].([]any)[0].(map[string]any)["name"]
	if name != evil {
		t.Errorf("label not kept as plain text: %v", name)
	}
}

func TestGaugeUsesGoalAsMaximum(t *testing.T) {
	s := &Spec{Type: "gauge", Title: "覆盖", Base: "个", Gauge: &Gauge{Label: "覆盖行政村",
		Goal: Item{Quantity: written(t, "252", "个", "")}, Actual: Item{Quantity: written(t, "252", "个", "")}}}
	c, err := Build(s, zhWords, zh)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(c.Option), `"max":252`) || c.Table.Rows[0].Cells[1] != "252个" {
		t.Errorf("option %s table %+v", c.Option, c.Table)
	}
}

// Each language orders a summary's arguments itself, and a label that
// looks like an argument stays as written.
func TestSummaryNamedArguments(t *testing.T) {
	point := func(year int, value, unit string) Item {
		return Item{Quantity: written(t, value, unit, ""), When: load.Date{Year: year}}
	}
	s := &Spec{Type: "line", Title: "贫困人口", Base: "人", Lines: []Line{
		{Label: "农村贫困人口", Items: []Item{point(2012, "9899", "万人"), point(2020, "0", "万人")}},
		{Label: "{first}", Items: []Item{point(2012, "1", "万人"), point(2020, "2", "万人")}},
	}}
	for _, c := range []struct {
		words Words
		loc   *locale.Locale
		want  string
	}{
		{zhWords, zh, "农村贫困人口从2012年的9899万人变为2020年的0人。{first}从2012年的1万人变为2020年的2万人。"},
		{enWords, locale.New("en"), "农村贫困人口 went from 98.99 million people (2012) to 0 people (2020). {first} went from 10,000 people (2012) to 20,000 people (2020)."},
	} {
		c2, err := Build(s, c.words, c.loc)
		if err != nil {
			t.Fatal(err)
		}
		if c2.Summary != c.want {
			t.Errorf("summary = %q\nwant      %q", c2.Summary, c.want)
		}
	}
}
