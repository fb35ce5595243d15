package build_test

import (
	"fmt"
	"github.com/jinzhan-dev/jinzhan/internal/gcpolicy"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan"
	"github.com/jinzhan-dev/jinzhan/internal/benchsite"
	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/chartsvg"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// benchDir is where benchmark sites are written: tmpfs when make bench
// sets BENCH_DIR=/dev/shm, so the disk does not dominate the numbers. Every
// benchmark asks for one first, so it also collects as jinzhan does.
func benchDir(b *testing.B) string {
	gcpolicy.Apply()
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

// generatedSite is the example site with n realistic stories added (see
// internal/benchsite: the stories make bench-hugo builds).
func generatedSite(b *testing.B, n int) string {
	sites, err := benchsite.Write(benchDir(b), exampleRoot, n)
	if err != nil {
		b.Fatal(err)
	}
	return sites.Jinzhan
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

// BenchmarkSessionEditStory10000 is one story edited on a 10,000-story site,
// rebuilt by a preview session (no file watching).
func BenchmarkSessionEditStory10000(b *testing.B) {
	dir := generatedSite(b, 10000)
	s := build.NewSession(sitetest.Options(dir, ""))
	if _, err := s.Rebuild(); err != nil {
		b.Fatal(err)
	}
	story := filepath.Join(dir, "content/stories/gen-000042.md")
	src, _ := os.ReadFile(story)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		os.WriteFile(story, append(src, fmt.Sprintf("修改%d\n", i)...), 0o644)
		if up, err := s.RebuildChanged([]string{"content/stories/gen-000042.md"}); err != nil || len(up.Rendered) != 1 {
			b.Fatalf("%v %v", up.Rendered, err)
		}
	}
}

// BenchmarkSessionEditYAML10000 is one figure's label edited on a
// 10,000-story site, rebuilt by a preview session.
func BenchmarkSessionEditYAML10000(b *testing.B) {
	dir := generatedSite(b, 10000)
	s := build.NewSession(sitetest.Options(dir, ""))
	if _, err := s.Rebuild(); err != nil {
		b.Fatal(err)
	}
	data := filepath.Join(dir, "data/activities/volunteer.yaml")
	src, _ := os.ReadFile(data)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		edited := strings.Replace(string(src), "label: 帮助发展到户扶贫项目", fmt.Sprintf("label: 帮助发展到户扶贫项目%d", i), 1)
		os.WriteFile(data, []byte(edited), 0o644)
		up, err := s.RebuildChanged([]string{"data/activities/volunteer.yaml"})
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
