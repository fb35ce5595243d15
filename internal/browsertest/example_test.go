package browsertest

import (
	"fmt"
	"github.com/chromedp/chromedp/kb"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestExampleChartsDrawnAtBuild opens the overview and every activity
// page with scripts off, on a 390 px phone and a 1280 px screen: each chart
// shows ECharts' drawing made at build, its labels legible and inside it,
// its summary, and a table that opens without a script and carries the
// YAML's numbers.
func TestExampleChartsDrawnAtBuild(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(sitetest.Options(exampleRoot, public)); err != nil {
		t.Fatal(err)
	}
	b := Open(t, public)
	b.Visit("/")
	b.DisableScripts()
	for _, width := range []int64{390, 1280} {
		b.Viewport(width, 900)
		for url, charts := range expectedCharts(t) {
			where := fmt.Sprintf("%s at %d px", url, width)
			b.Visit(url)
			if n := Eval[int](b, `document.querySelectorAll("figure.chart").length`); n != len(charts) {
				t.Errorf("%s: %d charts, want %d", where, n, len(charts))
			}
			if Eval[int](b, `document.querySelectorAll(".chart-plot[tabindex]").length`) > 0 {
				t.Fatalf("%s: charts.js ran", where)
			}
			assertDrawings(t, b, where)
			if hidden := Eval[int](b, `[...document.querySelectorAll(".chart-summary, .tile-value")].filter(e => e.getBoundingClientRect().height === 0).length`); hidden > 0 {
				t.Errorf("%s: %d summaries or figures hidden", where, hidden)
			}
			// The table is a tap away: <details> opens without a script.
			Eval[int](b, `document.querySelectorAll("details.chart-data").forEach(d => d.open = true) || 0`)
			tables := Eval[[]string](b, `[...document.querySelectorAll("figure.chart table")].filter(t => t.getBoundingClientRect().height > 0).map(t => t.textContent)`)
			if len(tables) != len(charts) {
				t.Errorf("%s: %d of %d chart tables shown", where, len(tables), len(charts))
				continue
			}
			assertTablesCarry(t, where, tables, charts)
		}
	}
}

// TestEChartsOnlyOnTouch opens a page of four charts: nothing fetches
// ECharts until a reader touches a chart; the pointer over one, or a key
// on another, draws the interactive chart in the drawing's place, and
// nothing on the page moves.
func TestEChartsOnlyOnTouch(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(sitetest.Options(exampleRoot, public)); err != nil {
		t.Fatal(err)
	}
	b := Open(t, public)
	for _, width := range []int64{390, 1280} {
		b.Viewport(width, 900)
		problems, dialogs := b.Visit("/activities/volunteer/")
		if len(problems) > 0 || len(dialogs) > 0 {
			t.Errorf("problems %v, dialogs %v", problems, dialogs)
		}
		const fetched = `performance.getEntriesByType("resource").filter(e => e.name.includes("echarts")).length`
		time.Sleep(time.Second) // what a page loads by itself, it has asked for by now
		if n := Eval[int](b, fetched); n != 0 || Eval[bool](b, `typeof echarts !== "undefined"`) {
			t.Fatalf("at %d px ECharts was fetched (%d requests) before any chart was touched", width, n)
		}
		const layout = `[...document.querySelectorAll("figure.chart, .chart-plot")].map(e => { const r = e.getBoundingClientRect(); return [r.top + scrollY, r.left, r.width, r.height].map(Math.round).join(","); }).join(" ")`
		b.Hover("#chart-activity-volunteer-aid-value .chart-plot")
		if !b.WaitFor(`document.querySelectorAll("figure.chart[data-chart-ready]").length === 1`) {
			t.Fatalf("at %d px the pointer over a chart drew no interactive chart", width)
		}
		before := Eval[string](b, layout)
		b.Press("#chart-activity-volunteer-households-reached .chart-plot", kb.ArrowRight)
		if !b.WaitFor(`document.querySelectorAll("figure.chart[data-chart-ready]").length === 2`) {
			t.Fatalf("at %d px a key on a chart drew no interactive chart", width)
		}
		drawn := Eval[int](b, `[...document.querySelectorAll(".chart-live")].filter(l => { const c = l.querySelector("canvas"), p = l.parentElement.getBoundingClientRect(), r = l.getBoundingClientRect();
			return c && c.width > 0 && Math.abs(r.width - p.width) < 1 && Math.abs(r.height - p.height) < 1; }).length`)
		if drawn != 2 {
			t.Errorf("at %d px %d interactive charts cover their drawing's box, want 2", width, drawn)
		}
		if after := Eval[string](b, layout); after != before {
			t.Errorf("at %d px the page moved when a chart was drawn:\n%s\n%s", width, before, after)
		}
		if n := Eval[int](b, fetched); n != 1 {
			t.Errorf("at %d px ECharts was fetched %d times, want once", width, n)
		}
		if problems, _ := b.Visit("/activities/volunteer/"); len(problems) > 0 {
			t.Errorf("at %d px: %v", width, problems)
		}
	}
}

// TestActivityPagesPrintAsBriefs prints every activity page as a reader
// would: a brief of its figures, targets and charts, each chart's drawing
// printed two to a row, on one page (two with three charts or more).
func TestActivityPagesPrintAsBriefs(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(sitetest.Options(exampleRoot, public)); err != nil {
		t.Fatal(err)
	}
	b := Open(t, public)
	entries, _ := os.ReadDir(filepath.Join(public, "activities"))
	for _, e := range entries {
		url := "/activities/" + e.Name() + "/"
		b.Visit(url)
		charts := Eval[int](b, `document.querySelectorAll(".charts figure.chart").length`)
		want := 1
		if charts >= 3 {
			want = 2
		}
		if n := b.PrintPages(); n > want {
			t.Errorf("%s (%d charts) prints on %d pages, want %d", url, charts, n, want)
		}
		b.Media("print")
		if shown := Eval[int](b, `[...document.querySelectorAll(".charts figure.chart .chart-plot svg")].filter(s => s.getBoundingClientRect().width > 0).length`); shown != charts {
			t.Errorf("%s prints %d of %d chart drawings", url, shown, charts)
		}
		b.Media("")
	}
	if len(entries) < 5 {
		t.Fatalf("only %d activity pages", len(entries))
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
