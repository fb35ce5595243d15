//go:build unix

package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/benchsite"
	"github.com/jinzhan-dev/jinzhan/internal/gcpolicy"
)

// benchmarkEdit measures the time from saving a file to the preview server
// serving the page rebuilt from it, as an HTTP client sees it (file
// watching and the settling of saves included): the median of the edits.
// It also reports the server's startup (first build included) and the
// process's peak RSS.
func benchmarkEdit(b *testing.B, stories int, file, page, old string) {
	gcpolicy.Apply() // as jinzhan serve collects
	dir := copyExample(b)
	if err := benchsite.AddStories(dir, stories); err != nil {
		b.Fatal(err)
	}
	started := time.Now()
	base := start(b, dir)
	waitFor(b, base+page, "</html>")
	startup := time.Since(started)
	path := filepath.Join(dir, file)
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var edits []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		marker := fmt.Sprintf("（第%d次修改）", i)
		edited := strings.Replace(string(src), old, old+marker, 1)
		start := time.Now()
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		waitFor(b, base+page, marker)
		edits = append(edits, time.Since(start))
	}
	slices.Sort(edits)
	b.ReportMetric(float64(edits[len(edits)/2].Microseconds())/1000, "ms/edit")
	b.ReportMetric(float64(startup.Milliseconds()), "ms-startup")
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err == nil {
		kb := float64(usage.Maxrss)
		if runtime.GOOS == "darwin" {
			kb /= 1024 // bytes there, kilobytes on Linux and the BSDs
		}
		b.ReportMetric(kb/1024, "MB-peak-RSS")
	}
}

func BenchmarkEditStoryExample(b *testing.B) {
	benchmarkEdit(b, 0, "content/stories/forestry-chicks-goslings.md", "/stories/forestry-chicks-goslings/", "北票市林草局在结对帮扶中")
}

func BenchmarkEditYAMLExample(b *testing.B) {
	benchmarkEdit(b, 0, "data/activities/volunteer.yaml", "/activities/volunteer/", "label: 帮助发展到户扶贫项目")
}

func BenchmarkEditStory10000(b *testing.B) {
	benchmarkEdit(b, 10000, "content/stories/forestry-chicks-goslings.md", "/stories/forestry-chicks-goslings/", "北票市林草局在结对帮扶中")
}

func BenchmarkEditYAML10000(b *testing.B) {
	benchmarkEdit(b, 10000, "data/activities/volunteer.yaml", "/activities/volunteer/", "label: 帮助发展到户扶贫项目")
}
