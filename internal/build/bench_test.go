package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan"
	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/chartsvg"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// benchDir is where benchmark sites are written: tmpfs when make bench
// sets BENCH_DIR=/dev/shm, so the disk does not dominate the numbers.
func benchDir(b *testing.B) string {
	root := os.Getenv("BENCH_DIR")
	if root == "" {
		return b.TempDir()
	}
	dir, err := os.MkdirTemp(root, "jinzhan-bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// generatedSite is baseSite plus n stories of a few paragraphs each, with
// figure references, a list, a link and (every tenth story) a chart block.
func generatedSite(b *testing.B, n int) string {
	dir := benchDir(b)
	if err := os.CopyFS(dir, os.DirFS(sitetest.Write(b, baseSite))); err != nil {
		b.Fatal(err)
	}
	para := strings.Repeat("林草局结对帮扶，为贫困户送去鸡雏和鹅雏，助力贫困户稳定增收。", 4)
	for i := range n {
		var s strings.Builder
		fmt.Fprintf(&s, "---\ntitle: 故事%d\ndate: 2020-%02d-%02d\nactivity: help\ntownships: [mayouying]\nsummary: 第%d个故事。\n---\n", i, 1+i%12, 1+i%28, i)
		fmt.Fprintf(&s, "## 小标题\n\n%s送去{{help.forestry.chicks}}。\n\n- 参与干部{{help.people}}\n- 协调资金{{help.funds}}\n\n%s[林草局](/activities/help/)\n\n", para, para)
		if i%10 == 0 {
			s.WriteString("```chart\ntype: bar\ntitle: 送雏\nmetrics: [help.forestry.chicks, help.tax.chicks]\n```\n")
		}
		p := filepath.Join(dir, "content/stories", fmt.Sprintf("story-%05d.md", i))
		if err := os.WriteFile(p, []byte(s.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

func benchmarkBuild(b *testing.B, stories int) {
	dir := generatedSite(b, stories)
	public := filepath.Join(dir, "public")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := build.Run(sitetest.Options(dir, public)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(stories), "µs/story")
}

// BenchmarkBuildExample is the Beipiao example site.
func BenchmarkBuildExample(b *testing.B) {
	public := filepath.Join(benchDir(b), "public")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := runExample(public); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBuild1000Stories(b *testing.B)  { benchmarkBuild(b, 1000) }
func BenchmarkBuild10000Stories(b *testing.B) { benchmarkBuild(b, 10000) }

// BenchmarkSessionEditStory5000 is one story edited on a 5,000-story site,
// rebuilt by a preview session (no file watching).
func BenchmarkSessionEditStory5000(b *testing.B) {
	dir := generatedSite(b, 5000)
	s := build.NewSession(sitetest.Options(dir, ""))
	if _, err := s.Rebuild(); err != nil {
		b.Fatal(err)
	}
	story := filepath.Join(dir, "content/stories/story-00042.md")
	src, _ := os.ReadFile(story)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		os.WriteFile(story, append(src, fmt.Sprintf("修改%d\n", i)...), 0o644)
		if up, err := s.RebuildChanged([]string{"content/stories/story-00042.md"}); err != nil || len(up.Rendered) != 1 {
			b.Fatalf("%v %v", up.Rendered, err)
		}
	}
}

// BenchmarkSessionEditYAML5000 is one figure's label edited on a
// 5,000-story site, rebuilt by a preview session.
func BenchmarkSessionEditYAML5000(b *testing.B) {
	dir := generatedSite(b, 5000)
	s := build.NewSession(sitetest.Options(dir, ""))
	if _, err := s.Rebuild(); err != nil {
		b.Fatal(err)
	}
	data := filepath.Join(dir, "data/activities/help.yaml")
	src, _ := os.ReadFile(data)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		edited := strings.Replace(string(src), "label: 入户走访", fmt.Sprintf("label: 入户走访%d", i), 1)
		os.WriteFile(data, []byte(edited), 0o644)
		up, err := s.RebuildChanged([]string{"data/activities/help.yaml"})
		if err != nil {
			b.Fatal(err)
		}
		if i == 0 {
			b.Logf("rendered %d pages: %v", len(up.Rendered), up.Rendered[:min(8, len(up.Rendered))])
		}
	}
}

// BenchmarkChartsExampleCold builds the example as a first `jinzhan build`
// on a machine does: ECharts compiled and every chart drawn anew (each run
// has a renderer of its own, and no cache folder). ms/chart is the build's
// time over its charts; BenchmarkBuildExample, whose renderer keeps its
// drawings, is the same build with every chart cached.
func BenchmarkChartsExampleCold(b *testing.B) {
	benchmarkCharts(b, func() string { return "" })
}

// BenchmarkChartsExampleWarmDisk builds the example as the next `jinzhan
// build` does: a new process (a new renderer) that reads every drawing
// from the cache folder and so never compiles ECharts.
func BenchmarkChartsExampleWarmDisk(b *testing.B) {
	cache := b.TempDir()
	benchmarkCharts(b, func() string { return cache })
}

func benchmarkCharts(b *testing.B, cacheDir func() string) {
	public := filepath.Join(benchDir(b), "public")
	run := func() *build.Result {
		opts := sitetest.Options(exampleRoot, public)
		opts.ChartSVG = chartsvg.New(jinzhan.EChartsSSR(), cacheDir())
		defer opts.ChartSVG.Close()
		res, err := build.Run(opts)
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	charts := run().Charts // fills the cache folder, if any
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		run()
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(charts), "ms/chart")
}
