package build_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan"
	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/chartsvg"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// Three builds, each by a renderer of its own (ECharts compiled anew, no
// drawing kept from another), give the same chart images and pages byte
// for byte.
func TestChartDrawingsAreDeterministic(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	var first map[string]string
	for i := range 3 {
		public := filepath.Join(t.TempDir(), "public")
		opts := sitetest.Options(dir, public)
		opts.ChartSVG = chartsvg.New(jinzhan.EChartsSSR(), "")
		if _, err := build.Run(opts); err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for _, pattern := range []string{"charts/*.svg", "activities/help/index.html", "stories/forestry/index.html"} {
			matches, _ := filepath.Glob(filepath.Join(public, pattern))
			for _, m := range matches {
				data, _ := os.ReadFile(m)
				files[strings.TrimPrefix(m, public)] = string(data)
			}
		}
		if len(files) < 6 {
			t.Fatalf("build %d made %d chart images and pages", i+1, len(files))
		}
		if first == nil {
			first = files
			continue
		}
		for name, data := range first {
			if files[name] != data {
				t.Errorf("build %d: %s differs from the first build's", i+1, name)
			}
		}
	}
}

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// A page with several charts, each drawn twice (narrow and wide), holds
// every id once, and every reference in a drawing names an element of it.
func TestChartIdsAreUniqueOnAPage(t *testing.T) {
	r := sitetest.Build(t, baseSite)
	page := r.Read("activities/help/index.html")
	if n := strings.Count(page, "<svg viewBox="); n < 4 {
		t.Fatalf("%d drawings on the page, want 2 per chart", n)
	}
	seen := map[string]bool{}
	for _, m := range idAttr.FindAllStringSubmatch(page, -1) {
		if seen[m[1]] {
			t.Errorf("id %q twice on the page", m[1])
		}
		seen[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`url\(#([^)]*)\)`).FindAllStringSubmatch(page, -1) {
		if !seen[m[1]] {
			t.Errorf("url(#%s) names no element of the page", m[1])
		}
	}
}

// Each chart is published as an SVG file: feeds show it, linked
// absolutely, and the open-data page lists it.
func TestChartImagesInFeedsAndData(t *testing.T) {
	r := sitetest.Build(t, baseSite)
	image := r.Read("charts/1-md-stories-forestry.svg")
	for _, want := range []string{`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 `, "<title>送雏构成</title>", "</text>"} {
		if !strings.Contains(image, want) {
			t.Errorf("the chart image lacks %q", want)
		}
	}
	r.AssertFile("feed.xml", `&lt;img src=&#34;https://example.org/charts/1-md-stories-forestry.svg&#34; alt=&#34;送雏构成&#34;`, "! chart-plot", "! &lt;svg")
	r.AssertFile("data/index.html", `<a href="/stories/forestry/#chart-1-md-stories-forestry">送雏构成</a>`, `<a href="/charts/1-md-stories-forestry.svg" download>SVG</a>`,
		`<a href="/charts/1-activity-help.svg" download>SVG</a>`)
}
