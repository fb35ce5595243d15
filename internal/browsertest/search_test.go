package browsertest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// TestSearchFindsChineseQueries builds the example with its Pagefind index
// and searches it in Chromium the way a reader does, from a linkable URL.
func TestSearchFindsChineseQueries(t *testing.T) {
	pagefind := build.PagefindIn(exampleRoot)
	if pagefind == "" {
		missingFromNpm(t, "Pagefind", errors.New("no node_modules/@pagefind or node_modules/.bin/pagefind"))
	}
	public := filepath.Join(t.TempDir(), "public")
	opts := sitetest.Options(exampleRoot, public)
	opts.Pagefind = pagefind
	if _, err := build.Run(opts); err != nil {
		t.Fatal(err)
	}
	b := Open(t, public)
	cases := []struct {
		query string
		want  string // a result link that must be there
		first bool   // …and be the first result
	}{
		{"养鸭", "/stories/quanjuyong-duck-farming/", true},
		{"第一书记", "/stories/kongdehui-tubaoying/", false},
		{"泉巨永 养鸭", "/stories/quanjuyong-duck-farming/", true},
		{"泉巨永养鸭", "/stories/quanjuyong-duck-farming/", true},
		{"马友营乡", "/townships/mayouying/", false},
	}
	for _, c := range cases {
		problems, _ := b.Visit("/search/?q=" + c.query)
		if len(problems) > 0 {
			t.Errorf("%s: %v", c.query, problems)
		}
		if !b.WaitFor(`document.querySelectorAll("#search-results li").length > 0`) {
			t.Errorf("%q: no results (%s)", c.query, Eval[string](b, `document.getElementById("search-status").textContent`))
			continue
		}
		links := Eval[[]string](b, `[...document.querySelectorAll("#search-results li > a")].map(a => new URL(a.href).pathname)`)
		if !contains(links, c.want) || (c.first && links[0] != c.want) {
			t.Errorf("%q: results %v, want %s%s", c.query, links, c.want, map[bool]string{true: " first"}[c.first])
		}
		if v := Eval[string](b, `document.getElementById("search-q").value`); v != c.query {
			t.Errorf("the box shows %q, want %q", v, c.query)
		}
		if c.query == "养鸭" {
			bytes := Eval[int](b, `performance.getEntriesByType("resource").filter(e => e.name.includes("/pagefind/")).reduce((n, e) => n + e.encodedBodySize, 0)`)
			t.Logf("search %q loaded %d bytes of index and code", c.query, bytes)
			if !Eval[bool](b, `[...document.querySelectorAll(".search-excerpt mark")].some(m => m.textContent.includes("养") || m.textContent.includes("鸭"))`) {
				t.Log(Eval[string](b, `document.getElementById("search-results").innerHTML`))
				t.Error("the excerpt does not mark the query")
			}
		}
	}
	// Search pages have no chart script; other pages are not indexed twice.
	page, _ := os.ReadFile(filepath.Join(public, "search/index.html"))
	if strings.Contains(string(page), "echarts") {
		t.Error("the search page loads ECharts")
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
