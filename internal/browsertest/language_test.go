package browsertest

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// nationalSite reads a second site of the whole-site tests
// (internal/build/testdata/sites): the national campaign in one language.
func nationalSite(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("../build/testdata/sites/" + name + ".txtar")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// denseSeries is a layout fixture, not a campaign: a line whose first
// point is its highest, with many points, so that on a phone the first
// point's label sits close to the value axis and its name (万人).
const denseSeries = `-- site.yaml --
title: 版式测试
base_url: https://example.org/
-- data/campaign.yaml --
name: 版式测试
place: 测试
source: s
sources:
  - id: s
    title: 版式测试数据
    publisher: 测试
    date: 2021-01
-- data/activities/line.yaml --
title: 折线
source: s
series:
  - id: people
    label: 人数
    unit: 万人
    points:
      - {date: 2012, value: 9899}
      - {date: 2013, value: 8800}
      - {date: 2014, value: 7700}
      - {date: 2015, value: 6600}
      - {date: 2016, value: 5500}
      - {date: 2017, value: 4400}
      - {date: 2018, value: 3300}
      - {date: 2019, value: 2200}
      - {date: 2020, value: 0}
charts:
  - type: line
    title: 人数
    series: [people]
`

// chartTexts is every text ECharts drew on the page's charts, with its box
// on the canvas: [chart index, text, left, top, right, bottom].
const chartTexts = `[...document.querySelectorAll(".chart-canvas")].flatMap((c, i) =>
	echarts.getInstanceByDom(c).getZr().storage.getDisplayList()
		.filter(e => e.style && e.style.text != null && String(e.style.text) !== "")
		.map(e => { const r = e.getBoundingRect().clone(); if (e.transform) r.applyTransform(e.transform);
			return [i, String(e.style.text), r.x, r.y, r.x + r.width, r.y + r.height]; }))`

type drawnText struct {
	chart                    int
	text                     string
	left, top, right, bottom float64
}

func drawnTexts(b *Browser) []drawnText {
	var out []drawnText
	for _, row := range Eval[[][]any](b, chartTexts) {
		out = append(out, drawnText{int(row[0].(float64)), row[1].(string), row[2].(float64), row[3].(float64), row[4].(float64), row[5].(float64)})
	}
	return out
}

// overlaps reports whether two texts of one chart cover each other by more
// than a pixel.
func (a drawnText) overlaps(b drawnText) bool {
	return a.chart == b.chart && min(a.right, b.right)-max(a.left, b.left) > 1 && min(a.bottom, b.bottom)-max(a.top, b.top) > 1
}

// Numbers of 10,000 or more as an axis writes them, grouped or plainly
// (years, the category labels, have four digits).
var (
	groupedNumber = regexp.MustCompile(`^\d{2,3}(,\d{3})+$`)
	plainNumber   = regexp.MustCompile(`^\d{5,}$`)
)

// TestChartsReadInTheSiteLanguage opens the national campaign's pages in
// English and in Chinese on a 390 px phone: every chart draws without a
// console error, its axes write numbers in the site's style (15,000 in
// English, 15000 in Chinese, where ECharts alone writes 15,000 for both),
// an English chart draws no Chinese, and no two texts of a chart overlap.
func TestChartsReadInTheSiteLanguage(t *testing.T) {
	for _, c := range []struct {
		site, bundle string
		english      bool
		pages        []string
	}{
		{"national-en", nationalSite(t, "national-en"), true, []string{"/", "/activities/poverty/"}},
		{"national-zh", nationalSite(t, "national-zh"), false, []string{"/", "/activities/poverty/"}},
		{"dense series", denseSeries, false, []string{"/activities/line/"}},
	} {
		b := Open(t, sitetest.Build(t, c.bundle).Public)
		b.Viewport(390, 844)
		var texts []drawnText
		for _, url := range c.pages {
			problems, dialogs := b.Visit(url)
			if len(problems) > 0 || len(dialogs) > 0 {
				t.Errorf("%s %s: problems %v, dialogs %v", c.site, url, problems, dialogs)
			}
			if !b.WaitFor(`document.querySelectorAll("figure.chart[data-chart-ready]").length === document.querySelectorAll("figure.chart").length`) {
				t.Errorf("%s %s: not every chart was drawn", c.site, url)
			}
			page := drawnTexts(b)
			for i, a := range page {
				for _, o := range page[i+1:] {
					if a.overlaps(o) {
						t.Errorf("%s %s: chart %d draws %q over %q at 390 px", c.site, url, a.chart+1, a.text, o.text)
					}
				}
			}
			texts = append(texts, page...)
		}
		var grouped, plain []string
		for _, d := range texts {
			switch {
			case groupedNumber.MatchString(d.text):
				grouped = append(grouped, d.text)
			case plainNumber.MatchString(d.text):
				plain = append(plain, d.text)
			}
			if c.english && strings.ContainsFunc(d.text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("%s: a chart draws Chinese: %q", c.site, d.text)
			}
		}
		if c.english && (len(plain) > 0 || len(grouped) == 0) {
			t.Errorf("%s: axes write %v plainly and %v grouped; want every number of 1,000 or more grouped", c.site, plain, grouped)
		}
		if !c.english && (len(grouped) > 0 || len(plain) == 0) {
			t.Errorf("%s: axes write %v grouped and %v plainly; want 10000, as Chinese writes numbers", c.site, grouped, plain)
		}
	}
}

// TestFigureTablesStackOnPhones opens a story at 390 px: its figures table
// lays each figure out as a stack (label, value, date, source), so that
// nothing scrolls out of view, and names each cell by its column.
func TestFigureTablesStackOnPhones(t *testing.T) {
	for _, name := range []string{"national-zh", "national-en"} {
		b := Open(t, sitetest.Build(t, nationalSite(t, name)).Public)
		b.Viewport(390, 844)
		b.Visit("/stories/relocation/")
		if w := Eval[int](b, `(() => { const s = document.querySelector(".story-figures .table-scroll"); return s.scrollWidth - s.clientWidth; })()`); w > 0 {
			t.Errorf("%s: the story's figures table scrolls %d px sideways at 390 px", name, w)
		}
		right := Eval[float64](b, `Math.max(...[...document.querySelectorAll(".figure-table td")].map(td => td.getBoundingClientRect().right))`)
		if right > 390 {
			t.Errorf("%s: a figure cell ends at %.0f px, past the 390 px screen", name, right)
		}
		labels := Eval[[]string](b, `[...document.querySelectorAll(".figure-table td")].map(td => getComputedStyle(td, "::before").content)`)
		want := map[string][]string{"national-zh": {`"数值"`, `"截至"`, `"来源"`}, "national-en": {`"Value"`, `"As of"`, `"Source"`}}[name]
		if strings.Join(labels, " ") != strings.Join(want, " ") {
			t.Errorf("%s: cells named %v, want %v", name, labels, want)
		}
		b.Viewport(1280, 900)
		b.Visit("/stories/relocation/")
		if display := Eval[string](b, `getComputedStyle(document.querySelector(".figure-table tr")).display`); display != "table-row" {
			t.Errorf("%s: at 1280 px a figure row is displayed as %s, want a table row", name, display)
		}
	}
}
