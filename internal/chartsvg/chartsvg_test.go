package chartsvg

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/jinzhan-dev/jinzhan"
)

// shared is the renderer of the tests that need no cache folder: ECharts
// is compiled once for the package's tests.
var shared = sync.OnceValue(func() *Renderer { return New(jinzhan.EChartsSSR(), "") })

// barOption is a bar chart as the chart package writes one, with labels.
func barOption(t *testing.T, labels ...string) []byte {
	t.Helper()
	values := make([]int, len(labels))
	for i := range values {
		values[i] = 10 * (i + 1)
	}
	option, err := json.Marshal(map[string]any{
		"aria":   map[string]any{"enabled": true, "decal": map[string]any{"show": true}},
		"xAxis":  map[string]any{"type": "category", "data": labels},
		"yAxis":  map[string]any{"type": "value"},
		"series": []any{map[string]any{"type": "bar", "data": values, "label": map[string]any{"show": true}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return option
}

func TestSameOptionSameBytes(t *testing.T) {
	option := barOption(t, "甲", "乙", "丙")
	a, err := New(jinzhan.EChartsSSR(), "").Draw(option, 340, 240)
	if err != nil {
		t.Fatal(err)
	}
	b, err := shared().Draw(option, 340, 240)
	if err != nil {
		t.Fatal(err)
	}
	if a.Inline("x") != b.Inline("x") || string(a.File("t")) != string(b.File("t")) {
		t.Error("two runtimes drew one option differently")
	}
	if !strings.Contains(a.Inline("x"), ">乙</text>") {
		t.Errorf("the drawing lacks its labels: %.300s", a.Inline("x"))
	}
}

var idAttr = regexp.MustCompile(`\bid="([^"]*)"`)

// The ids ECharts counts up per runtime become the placement's own: two
// placements on a page share none, and every reference stays inside.
func TestIdsArePlacements(t *testing.T) {
	svg, err := shared().Draw(barOption(t, "甲", "乙"), 600, 240)
	if err != nil {
		t.Fatal(err)
	}
	page := svg.Inline("chart-a--w") + svg.Inline("chart-b--w")
	ids := idAttr.FindAllStringSubmatch(page, -1)
	if len(ids) == 0 {
		t.Fatal("the decal patterns have no ids: nothing is tested")
	}
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("id %q twice on a page", m[1])
		}
		seen[m[1]] = true
		if !strings.HasPrefix(m[1], "chart-a--w-") && !strings.HasPrefix(m[1], "chart-b--w-") {
			t.Errorf("id %q is not its placement's", m[1])
		}
	}
	for _, m := range regexp.MustCompile(`url\(#([^)]*)\)`).FindAllStringSubmatch(page, -1) {
		if !seen[m[1]] {
			t.Errorf("url(#%s) names no element", m[1])
		}
	}
	if strings.Contains(page, "zr") {
		t.Error("ECharts' runtime ids are left in the drawing")
	}
}

// A series type the bundle does not hold draws an empty SVG without an
// error in ECharts; the renderer reports it.
func TestUnknownSeriesTypeFails(t *testing.T) {
	for _, option := range []string{
		`{"series":[{"type":"scatter","data":[1]}]}`,
		`{"xAxis":{"type":"category","data":["a"]},"yAxis":{"type":"value"},"series":[{"type":"bar","data":[1]},{"type":"scatter","data":[1]}]}`,
	} {
		if _, err := shared().Draw([]byte(option), 340, 240); err == nil || !strings.Contains(err.Error(), "scatter") {
			t.Errorf("%s: a chart drawn without its series was taken (%v)", option, err)
		}
	}
	// What ECharts writes then: an SVG with nothing on it.
	empty := `<svg width="300" height="200" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200"><rect width="300" height="200" x="0" y="0" fill="none"></rect></svg>`
	if _, _, err := clean(empty, 300, 200); err != errEmpty {
		t.Errorf("an empty drawing was taken (%v)", err)
	}
}

// Labels reach the drawing as text nodes only, whatever they hold.
func TestLabelsAreTextOnly(t *testing.T) {
	hostile := []string{`<script>alert(1)</script>`, `"><img src=x onerror=alert(2)>`, `javascript:alert(3)`, `]]><svg onload=alert(4)>`}
	svg, err := shared().Draw(barOption(t, hostile...), 600, 300)
	if err != nil {
		t.Fatal(err)
	}
	out := svg.Inline("c") + string(svg.File(hostile[0]))
	for _, bad := range []string{"<script", "<img", "<svg onload", "foreignObject", "<a ", "href"} {
		if strings.Contains(out, bad) {
			t.Errorf("the drawing holds %q", bad)
		}
	}
	if regexp.MustCompile(`\son[a-z]+=`).MatchString(strings.ReplaceAll(out, "&#34;", "")) {
		t.Error("the drawing holds an event attribute")
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("a label is not its escaped text: %.600s", out)
	}
}

// clean keeps shapes and text, and leaves out, reporting what it did not
// expect, what could run or style the page.
func TestCleanLeavesOutActiveContent(t *testing.T) {
	raw := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">` +
		`<style>body{display:none}</style><script>alert(1)</script>` +
		`<foreignObject><div>x</div></foreignObject><a href="javascript:alert(2)"><text>link</text></a>` +
		`<rect width="10" height="10" fill="url(javascript:alert(3))" onclick="alert(4)"/>` +
		`<path d="M0 0L5 5" stroke="red" style="stroke:red;behavior:url(x)"/>` +
		`<text x="1" y="2">ok &amp; &lt;b&gt;</text></svg>`
	svg, dropped, err := clean(raw, 10, 10)
	if err != nil {
		t.Fatal(err)
	}
	out := svg.Inline("p")
	want := `<svg viewBox="0 0 10 10" width="10" height="10"><rect width="10" height="10"/><path d="M0 0L5 5" stroke="red"/><text x="1" y="2">ok &amp; &lt;b&gt;</text></svg>`
	if out != want {
		t.Errorf("cleaned\n%s\nwant\n%s", out, want)
	}
	for _, d := range []string{"script", "foreignObject", "a", "onclick", "style stroke", "style behavior"} {
		if !strings.Contains(strings.Join(dropped, "\n"), d) {
			t.Errorf("leaving out %s is not reported: %q", d, dropped)
		}
	}
}

// Drawings are kept on disk by bundle, size and option; a damaged entry
// is drawn again.
func TestDiskCache(t *testing.T) {
	dir := t.TempDir()
	option := barOption(t, "甲", "乙")
	first := New(jinzhan.EChartsSSR(), dir)
	a, err := first.Draw(option, 340, 200)
	if err != nil {
		t.Fatal(err)
	}
	first.Close()
	entries, _ := filepath.Glob(filepath.Join(dir, "*.svg"))
	if len(entries) != 1 {
		t.Fatalf("%d cache entries, want 1", len(entries))
	}

	second := New(jinzhan.EChartsSSR(), dir)
	defer second.Close()
	b, err := second.Draw(option, 340, 200)
	if err != nil {
		t.Fatal(err)
	}
	if s := second.Stats(); s.FromDisk != 1 || s.Drawn != 0 {
		t.Errorf("a second process drew %+v, want it read from disk", s)
	}
	if a.Inline("x") != b.Inline("x") {
		t.Error("the drawing read back differs")
	}
	if _, err := second.Draw(option, 340, 201); err != nil || second.Stats().Drawn != 1 {
		t.Errorf("another size was not drawn anew: %v %+v", err, second.Stats())
	}

	data, _ := os.ReadFile(entries[0])
	if err := os.WriteFile(entries[0], []byte(strings.Replace(string(data), "甲", "丁", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	third := New(jinzhan.EChartsSSR(), dir)
	defer third.Close()
	c, err := third.Draw(option, 340, 200)
	if err != nil {
		t.Fatal(err)
	}
	if s := third.Stats(); s.Drawn != 1 || c.Inline("x") != a.Inline("x") {
		t.Errorf("a damaged entry was taken: %+v", s)
	}
}

// BenchmarkDraw draws one bar chart anew each time (each at a height of
// its own, so that no drawing is handed back): ECharts' time per chart,
// the bundle compiled before.
func BenchmarkDraw(b *testing.B) {
	r := New(jinzhan.EChartsSSR(), "")
	option := []byte(`{"xAxis":{"type":"category","data":["甲","乙","丙","丁"]},"yAxis":{"type":"value"},"series":[{"type":"bar","data":[4,3,2,1],"label":{"show":true}}]}`)
	if _, err := r.Draw(option, 600, 299); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := r.Draw(option, 600, 300+i); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/chart")
}
