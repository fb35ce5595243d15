package browsertest

import (
	"fmt"
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

// chartTexts is every text of the chart drawings the page shows (each
// figure's SVG, drawn at build, that the width of the screen selects), with
// its box in px: [chart index, text, left, top, right, bottom, font size
// in px as seen, the drawing's box: left, top, right, bottom, and where the
// text is placed: the lines of one label share it].
const chartTexts = `[...document.querySelectorAll("figure.chart")].flatMap((f, i) => {
	const svg = [...f.querySelectorAll(".chart-plot svg")].find(s => s.getBoundingClientRect().width > 0);
	if (!svg) return [];
	const box = svg.getBoundingClientRect(), scale = box.width / svg.viewBox.baseVal.width;
	// A scrolling legend clips the items past its first page (assertDrawings
	// fails on its page counter); those are not checked for fitting.
	return [...svg.querySelectorAll("text")].filter(e => e.textContent !== "" && !e.closest("[clip-path]")).map(e => { const r = e.getBoundingClientRect();
		return [i, e.textContent, r.left, r.top, r.right, r.bottom, parseFloat(getComputedStyle(e).fontSize) * scale, box.left, box.top, box.right, box.bottom, e.getAttribute("transform") || ""]; });
})`

type drawnText struct {
	chart                    int
	text                     string
	left, top, right, bottom float64
	size                     float64    // the font size as seen, px
	drawing                  [4]float64 // the box of the drawing it is in
	placed                   string     // its transform: the lines of one label share it
}

func drawnTexts(b *Browser) []drawnText {
	var out []drawnText
	for _, row := range Eval[[][]any](b, chartTexts) {
		n := func(i int) float64 { return row[i].(float64) }
		out = append(out, drawnText{int(n(0)), row[1].(string), n(2), n(3), n(4), n(5), n(6), [4]float64{n(7), n(8), n(9), n(10)}, row[11].(string)})
	}
	return out
}

// fits reports whether the text lies inside its drawing (a pixel of
// slack for anti-aliasing): a label cut at the edge does not.
func (a drawnText) fits() bool {
	return a.left >= a.drawing[0]-1 && a.top >= a.drawing[1]-1 && a.right <= a.drawing[2]+1 && a.bottom <= a.drawing[3]+1
}

// overlaps reports whether two texts of one chart cover each other by more
// than a pixel; the lines of one label do not count (their glyph boxes are
// taller than the lines' spacing).
func (a drawnText) overlaps(b drawnText) bool {
	return a.chart == b.chart && (a.placed == "" || a.placed != b.placed) && min(a.right, b.right)-max(a.left, b.left) > 1 && min(a.bottom, b.bottom)-max(a.top, b.top) > 1
}

// Numbers of 10,000 or more as an axis writes them, grouped or plainly
// (years, the category labels, have four digits).
var (
	groupedNumber = regexp.MustCompile(`^\d{2,3}(,\d{3})+$`)
	plainNumber   = regexp.MustCompile(`^\d{5,}$`)
)

// TestChartsReadInTheSiteLanguage opens the national campaign's pages in
// English and in Chinese, with scripts off, on a 390 px phone and a 1280 px
// screen: every chart shows the drawing made at build, with its labels, all
// inside the drawing and none under 10 px as seen; its axes write numbers
// in the site's style (15,000 in English, 15000 in Chinese, where ECharts
// alone writes 15,000 for both), an English chart draws no Chinese, and no
// two texts of a chart overlap.
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
		b.Visit("/") // the browser is up before scripts are switched off
		b.DisableScripts()
		var texts []drawnText
		for _, width := range []int64{390, 1280} {
			b.Viewport(width, 900)
			for _, url := range c.pages {
				where := fmt.Sprintf("%s %s at %d px", c.site, url, width)
				b.Visit(url)
				page := assertDrawings(t, b, where)
				for i, a := range page {
					for _, o := range page[i+1:] {
						if a.overlaps(o) {
							t.Errorf("%s: chart %d draws %q over %q", where, a.chart+1, a.text, o.text)
						}
					}
				}
				texts = append(texts, page...)
			}
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

// legendPage is the page counter of a scrolling legend (1/2).
var legendPage = regexp.MustCompile(`^\d+/\d+$`)

// assertDrawings checks that every chart figure of the page shows one
// drawing, no wider than the screen, with text, every text inside it and
// at least 10 px as seen; it returns the texts.
func assertDrawings(t *testing.T, b *Browser, where string) []drawnText {
	t.Helper()
	figures := Eval[int](b, `document.querySelectorAll("figure.chart").length`)
	shown := Eval[int](b, `[...document.querySelectorAll("figure.chart")].filter(f => [...f.querySelectorAll(".chart-plot svg")].filter(s => s.getBoundingClientRect().width > 0).length === 1).length`)
	if shown != figures {
		t.Errorf("%s: %d of %d charts show one drawing", where, shown, figures)
	}
	if w := Eval[float64](b, `document.documentElement.scrollWidth`); w > Eval[float64](b, `window.innerWidth`) {
		t.Errorf("%s: the page is %.0f px wide, wider than the screen", where, w)
	}
	texts := drawnTexts(b)
	labelled := map[int]bool{}
	for _, d := range texts {
		labelled[d.chart] = true
		if !d.fits() {
			t.Errorf("%s: chart %d: %q is cut at the drawing's edge", where, d.chart+1, d.text)
		}
		if legendPage.MatchString(d.text) {
			t.Errorf("%s: chart %d pages its legend (%s): the items past the first page are not drawn", where, d.chart+1, d.text)
		}
		if d.size < 10 {
			t.Errorf("%s: chart %d: %q is %.1f px, under 10 px", where, d.chart+1, d.text, d.size)
		}
	}
	if len(labelled) != figures {
		t.Errorf("%s: %d of %d drawings show text", where, len(labelled), figures)
	}
	return texts
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
