package build_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// storyBudget is the most a story page may weigh, gzipped, with its CSS.
const storyBudget = 40 << 10

func gzipSize(t testing.TB, data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return buf.Len()
}

var stylesheet = regexp.MustCompile(`<link rel="stylesheet" href="/([^"]+)">`)
var script = regexp.MustCompile(`<script src="/([^"]+)"`)

// storyWeights builds the example and weighs each story page: its HTML,
// CSS and scripts, each gzipped as a server would send them.
func storyWeights(t testing.TB) map[string]int {
	public := filepath.Join(t.TempDir(), "public")
	if _, err := runExample(public); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(public, "stories", "*", "index.html"))
	out := map[string]int{}
	for _, p := range pages {
		html, _ := os.ReadFile(p)
		total := gzipSize(t, html)
		for _, re := range []*regexp.Regexp{stylesheet, script} {
			for _, m := range re.FindAllSubmatch(html, -1) {
				if bytes.Contains(m[1], []byte("echarts.")) {
					continue // deferred, and cached once for every chart page
				}
				asset, err := os.ReadFile(filepath.Join(public, string(m[1])))
				if err != nil {
					t.Fatal(err)
				}
				total += gzipSize(t, asset)
			}
		}
		rel, _ := filepath.Rel(public, p)
		out[rel] = total
	}
	if len(out) < 12 {
		t.Fatalf("only %d story pages", len(out))
	}
	return out
}

// TestStoryPagesWeighLittle keeps story pages light for slow phone
// connections: at most 40 KB gzip with their CSS (and scripts, when a story
// draws a chart, ECharts excepted: it is deferred and cached across pages).
func TestStoryPagesWeighLittle(t *testing.T) {
	for page, size := range storyWeights(t) {
		if size > storyBudget {
			t.Errorf("%s weighs %d bytes gzip, over %d", page, size, storyBudget)
		}
	}
}

// BenchmarkStoryPageWeight reports the heaviest story page of the example.
func BenchmarkStoryPageWeight(b *testing.B) {
	heaviest := 0
	for b.Loop() {
		for _, size := range storyWeights(b) {
			heaviest = max(heaviest, size)
		}
	}
	b.ReportMetric(float64(heaviest), "gzip-bytes/story-page")
}
