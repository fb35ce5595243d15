package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// addStories adds n generated stories to a site folder.
func addStories(t testing.TB, dir string, n int) {
	para := strings.Repeat("林草局结对帮扶，为贫困户送去鸡雏和鹅雏，助力贫困户稳定增收。", 4)
	for i := range n {
		body := fmt.Sprintf("---\ntitle: 生成的故事%d\ndate: 2020-%02d-%02d\nactivity: volunteer\ntownships: [mayouying]\nsummary: 第%d个故事。\n---\n%s送去{{volunteer.forestry.chicks}}。\n\n%s\n", i, 1+i%12, 1+i%28, i, para, para)
		if err := os.WriteFile(filepath.Join(dir, "content/stories", fmt.Sprintf("gen-%05d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// benchmarkEdit measures the time from saving a file to the preview server
// serving the page rebuilt from it (file watching and debounce included).
func benchmarkEdit(b *testing.B, stories int, file, page, old string) {
	dir := copyExample(b)
	addStories(b, dir, stories)
	base := start(b, dir)
	path := filepath.Join(dir, file)
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var total time.Duration
	n := 0
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		marker := fmt.Sprintf("（第%d次修改）", i)
		edited := strings.Replace(string(src), old, old+marker, 1)
		start := time.Now()
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		waitFor(b, base+page, marker)
		total += time.Since(start)
		n++
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(n), "ms/edit")
}

func BenchmarkEditStoryExample(b *testing.B) {
	benchmarkEdit(b, 0, "content/stories/forestry-chicks-goslings.md", "/stories/forestry-chicks-goslings/", "北票市林草局在结对帮扶中")
}

func BenchmarkEditYAMLExample(b *testing.B) {
	benchmarkEdit(b, 0, "data/activities/volunteer.yaml", "/activities/volunteer/", "label: 帮助发展到户扶贫项目")
}

func BenchmarkEditStory5000(b *testing.B) {
	benchmarkEdit(b, 5000, "content/stories/forestry-chicks-goslings.md", "/stories/forestry-chicks-goslings/", "北票市林草局在结对帮扶中")
}

func BenchmarkEditYAML5000(b *testing.B) {
	benchmarkEdit(b, 5000, "data/activities/volunteer.yaml", "/activities/volunteer/", "label: 帮助发展到户扶贫项目")
}
