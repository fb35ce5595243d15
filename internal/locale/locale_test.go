package locale

import (
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/num"
)

func quantity(t *testing.T, value, unit, qualifier string) num.Quantity {
	t.Helper()
	d, err := num.ParseDec(value)
	if err != nil {
		t.Fatal(err)
	}
	u, ok := num.ParseUnit(unit)
	if !ok {
		t.Fatalf("unit %q unknown", unit)
	}
	return num.NewQuantity(d, u, qualifier)
}

// Each case: the figure as written (value, unit, qualifier), then how a
// Chinese and an English page show it.
var figureCases = []struct{ value, unit, qualifier, zh, en string }{
	{"1.2", "万名", "", "1.2万名", "12,000 people"},
	{"12000", "名", "", "12000名", "12,000 people"},
	{"12588", "元", "", "12588元", "12,588 yuan"},
	{"1.2588", "万元", "", "1.2588万元", "12,588 yuan"},
	{"46", "万元", "", "46万元", "460,000 yuan"},
	{"1.2", "亿元", "", "1.2亿元", "120 million yuan"},
	{"7300", "万元", "", "7300万元", "73 million yuan"},
	{"2000", "人次", "余", "2000余人次", "more than 2,000 person-times"},
	{"1", "亿元", "近", "近亿元", "nearly 100 million yuan"},
	{"1", "万元", "余", "1万余元", "more than 10,000 yuan"},
	{"50", "万元", "余", "50余万元", "more than 500,000 yuan"},
	{"100", "万元", "余", "100余万元", "more than 1 million yuan"},
	{"15", "万元", "以上", "15万元以上", "150,000 yuan or more"},
	{"2500", "公斤", "多", "2500多公斤", "more than 2,500 kg"},
	{"50", "%", "", "50%", "50%"},
	{"10.2", "%", "", "10.2%", "10.2%"},
	{"1.9", "公里", "", "1.9公里", "1.9 km"},
	{"3.9", "万人次", "", "3.9万人次", "39,000 person-times"},
	{"0.5", "万元", "", "0.5万元", "5,000 yuan"},
	{"9899", "万人", "", "9899万人", "98.99 million people"},
	{"960", "万人", "多", "960多万人", "more than 9.6 million people"},
	{"12.8", "万个", "", "12.8万个", "128,000"},
	{"832", "个", "", "832个", "832"},
	{"1", "个", "至少", "至少1个", "at least 1"},
	{"1", "人", "", "1人", "1 person"},
	{"0", "万人", "", "0人", "0 people"},
	{"1234567", "人", "", "1234567人", "1,234,567 people"},
	{"98.99", "million people", "", "9899万人", "98.99 million people"},
	{"12588", "yuan", "", "1.2588万元", "12,588 yuan"},
	{"300", "people", "", "300人", "300 people"},
	{"1.5", "billion yuan", "", "15亿元", "1.5 billion yuan"},
}

func TestFigureInEachLanguage(t *testing.T) {
	zh, en := New("zh-CN"), New("en")
	for _, c := range figureCases {
		q := quantity(t, c.value, c.unit, c.qualifier)
		if got := zh.Figure(q); got != c.zh {
			t.Errorf("zh %s %s %s = %q, want %q", c.value, c.unit, c.qualifier, got, c.zh)
		}
		if got := en.Figure(q); got != c.en {
			t.Errorf("en %s %s %s = %q, want %q", c.value, c.unit, c.qualifier, got, c.en)
		}
	}
}

func TestFigureOwnNounAndShownUnit(t *testing.T) {
	q := quantity(t, "832", "个", "")
	q.UnitEn = "counties"
	if got := New("en").Figure(q); got != "832 counties" {
		t.Errorf("unit_en: %q", got)
	}
	q = quantity(t, "12588", "元", "")
	q.Shown, _ = num.ParseUnit("万元")
	if got := New("zh-CN").Figure(q); got != "1.2588万元" {
		t.Errorf("display_unit 万元: %q", got)
	}
	q = quantity(t, "9899", "万人", "")
	q.Shown, _ = num.ParseUnit("thousand people")
	if got := New("en").Figure(q); got != "98,990 thousand people" {
		t.Errorf("display_unit thousand people: %q", got)
	}
}

func TestAxisScale(t *testing.T) {
	mk := func(s ...string) []num.Dec {
		var out []num.Dec
		for _, v := range s {
			d, _ := num.ParseDec(v)
			out = append(out, d)
		}
		return out
	}
	zh, en := New("zh-CN"), New("en")
	for _, c := range []struct {
		values []num.Dec
		base   string
		zhExp  int
		zhName string
		enExp  int
		enName string
	}{
		{mk("73000000", "120000000"), "元", 4, "万元", 6, "million yuan"},
		{mk("120000000", "2000000000"), "人", 8, "亿人", 6, "million people"},
		{mk("9999", "120000"), "个", 0, "个", 0, ""},
		{mk("0", "98990000", "5510000"), "人", 4, "万人", 6, "million people"},
		{mk("10.2", "0"), "%", 0, "%", 0, "%"},
	} {
		if exp, name := zh.AxisScale(c.values, c.base); exp != c.zhExp || name != c.zhName {
			t.Errorf("zh AxisScale(%v) = %d %q", c.values, exp, name)
		}
		if exp, name := en.AxisScale(c.values, c.base); exp != c.enExp || name != c.enName {
			t.Errorf("en AxisScale(%v) = %d %q", c.values, exp, name)
		}
	}
}

func TestNumberAndDate(t *testing.T) {
	d, _ := num.ParseDec("1234567.25")
	if got := New("en").Number(d); got != "1,234,567.25" {
		t.Errorf("en number %q", got)
	}
	if got := New("zh-CN").Number(d); got != "1234567.25" {
		t.Errorf("zh number %q", got)
	}
	date := load.Date{Year: 2020, Month: 11, Day: 23}
	if got := New("en").Date(date); got != "23 November 2020" {
		t.Errorf("en date %q", got)
	}
	if got := New("zh-CN").Date(load.Date{Year: 2021, Month: 4}); got != "2021年4月" {
		t.Errorf("zh date %q", got)
	}
}

func TestFillNamedArguments(t *testing.T) {
	for _, c := range []struct {
		pattern string
		args    []string
		want    string
	}{
		{"{label}从{firstDate}的{first}变为{lastDate}的{last}。", []string{"first", "9899万人", "firstDate", "2012年", "label", "贫困人口", "last", "0人", "lastDate", "2020年"}, "贫困人口从2012年的9899万人变为2020年的0人。"},
		{"{label} went from {first} ({firstDate}) to {last} ({lastDate}).", []string{"first", "98.99 million people", "firstDate", "2012", "label", "Rural poor", "last", "0 people", "lastDate", "2020"}, "Rural poor went from 98.99 million people (2012) to 0 people (2020)."},
		// A value is not read for names; an unknown name stays visible.
		{"{a} and {b}, {c}", []string{"a", "{b}", "b", "B"}, "{b} and B, {c}"},
	} {
		if got := Fill(c.pattern, c.args...); got != c.want {
			t.Errorf("Fill(%q) = %q, want %q", c.pattern, got, c.want)
		}
	}
}
