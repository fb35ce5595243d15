package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

const exampleRoot = "../.."

// displays lists every number a chart's table must show, as the example's
// Chinese pages show it.
func displays(s *chart.Spec) []string {
	zh := locale.New("zh-CN")
	var out []string
	for _, it := range s.Items {
		out = append(out, zh.Figure(it.Quantity))
	}
	for _, r := range s.Rows {
		for _, it := range r.Items {
			out = append(out, zh.Figure(it.Quantity))
		}
	}
	for _, l := range s.Lines {
		for _, it := range l.Items {
			out = append(out, zh.Figure(it.Quantity))
		}
	}
	if s.Gauge != nil {
		out = append(out, zh.Figure(s.Gauge.Goal.Quantity), zh.Figure(s.Gauge.Actual.Quantity))
	}
	return out
}

// expectedCharts maps each page of the example to the numbers of its charts, from the YAML.
func expectedCharts(t *testing.T) map[string][][]string {
	var problems diag.List
	in := load.Load(os.DirFS(exampleRoot), &problems)
	cat := validate.Check(in, &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	pages := map[string][][]string{}
	for i := range in.Campaign.Charts {
		pages["/"] = append(pages["/"], displays(cat.Charts[&in.Campaign.Charts[i]]))
	}
	for _, a := range in.Activities {
		url := "/activities/" + a.Slug + "/"
		pages[url] = [][]string{}
		// The narrative, with its chart blocks, comes before the data charts.
		for _, d := range in.Docs {
			if d.Kind == load.KindActivity && d.Slug == a.Slug {
				for _, n := range d.Marks {
					if b, ok := n.(*markdown.ChartBlock); ok {
						pages[url] = append(pages[url], displays(cat.Charts[cat.Blocks[b]]))
					}
				}
			}
		}
		for i := range a.Charts {
			pages[url] = append(pages[url], displays(cat.Charts[&a.Charts[i]]))
		}
	}
	return pages
}

// TestExampleChartsDrawInChromium opens the overview and every activity
// page: each chart must become an ECharts instance with a drawn canvas, no
// console error may occur, and each chart's table must carry the YAML's numbers.
func TestExampleChartsDrawInChromium(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(sitetest.Options(exampleRoot, public)); err != nil {
		t.Fatal(err)
	}
	b := Open(t, public)
	for url, charts := range expectedCharts(t) {
		problems, dialogs := b.Visit(url)
		if len(problems) > 0 || len(dialogs) > 0 {
			t.Errorf("%s: problems %v, dialogs %v", url, problems, dialogs)
		}
		if !b.WaitFor(`document.querySelectorAll("figure.chart[data-chart-ready]").length === document.querySelectorAll("figure.chart").length`) {
			t.Errorf("%s: not every chart was drawn", url)
		}
		drawn := Eval[int](b, `[...document.querySelectorAll(".chart-canvas")].filter(c => echarts.getInstanceByDom(c) && c.querySelector("canvas") && c.querySelector("canvas").width > 0).length`)
		if drawn != len(charts) {
			t.Errorf("%s: %d charts drawn, want %d", url, drawn, len(charts))
		}
		tables := Eval[[]string](b, `[...document.querySelectorAll("figure.chart table")].map(t => t.textContent)`)
		if len(tables) != len(charts) {
			t.Errorf("%s: %d chart tables, want %d", url, len(tables), len(charts))
			continue
		}
		assertTablesCarry(t, url, tables, charts)
		// Charts fit a 360 px phone: nothing wider than the viewport.
		if w := Eval[int](b, `document.documentElement.scrollWidth`); w > 360 {
			t.Errorf("%s: page is %d px wide on a 360 px screen", url, w)
		}
	}
}

// TestActivityPagesPrintOnOnePage prints every activity page as a reader
// would: each must fit one page, a brief of its figures, targets and charts.
func TestActivityPagesPrintOnOnePage(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(sitetest.Options(exampleRoot, public)); err != nil {
		t.Fatal(err)
	}
	b := Open(t, public)
	entries, _ := os.ReadDir(filepath.Join(public, "activities"))
	for _, e := range entries {
		url := "/activities/" + e.Name() + "/"
		b.Visit(url)
		b.WaitFor(`document.querySelectorAll("figure.chart[data-chart-ready]").length === document.querySelectorAll("figure.chart").length`)
		if n := b.PrintPages(); n != 1 {
			t.Errorf("%s prints on %d pages, want 1", url, n)
		}
	}
	if len(entries) < 5 {
		t.Fatalf("only %d activity pages", len(entries))
	}
}

// TestPagesReadWithoutJavaScript opens the chart pages with scripts off:
// every chart's table, summary and the figures must still be on screen.
func TestPagesReadWithoutJavaScript(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(sitetest.Options(exampleRoot, public)); err != nil {
		t.Fatal(err)
	}
	b := Open(t, public)
	b.Visit("/") // the browser is up before scripts are switched off
	b.DisableScripts()
	for url, charts := range expectedCharts(t) {
		b.Visit(url)
		if Eval[bool](b, `document.querySelector("figure.chart[data-chart-ready]") !== null`) {
			t.Fatalf("%s: scripts ran", url)
		}
		visible := Eval[[]string](b, `[...document.querySelectorAll("figure.chart table")].filter(t => t.getBoundingClientRect().height > 0).map(t => t.textContent)`)
		if len(visible) != len(charts) {
			t.Errorf("%s: %d of %d chart tables visible without JavaScript", url, len(visible), len(charts))
			continue
		}
		assertTablesCarry(t, url+" (no JavaScript)", visible, charts)
		if hidden := Eval[int](b, `[...document.querySelectorAll(".chart-summary, .tile-value")].filter(e => e.getBoundingClientRect().height === 0).length`); hidden > 0 {
			t.Errorf("%s: %d summaries or figures hidden without JavaScript", url, hidden)
		}
	}
}

// assertTablesCarry checks each chart table shows every number of its chart.
func assertTablesCarry(t *testing.T, url string, tables []string, charts [][]string) {
	t.Helper()
	for i, want := range charts {
		for _, d := range want {
			if !strings.Contains(tables[i], d) {
				t.Errorf("%s: chart %d table lacks %s", url, i+1, d)
			}
		}
	}
}
