package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
	"golang.org/x/net/html"
)

// chartIDSite gives the activity page charts from two sections, numbered
// and named, with ids that clashed when element ids were made by joining
// them (split and split-title: the first chart's title was
// chart-activity-help-split-title, the second chart's figure too), and
// headings whose words are ids the page uses (#main, #key-figures, a chart's,
// a breakdown's anchor).
func chartIDSite() string {
	bundle := strings.Replace(baseSite, `charts:
  - type: hbar
    title: 各单位送雏
    metrics: [forestry.chicks, tax.chicks]`, `charts:
  - id: split
    type: hbar
    title: 各单位送雏
    metrics: [forestry.chicks, tax.chicks]
  - id: split-title
    type: pie
    title: 送雏构成
    metrics: [forestry.chicks, tax.chicks]`, 1)
	block := func(id, title string) string {
		if id != "" {
			id = "id: " + id + "\n"
		}
		return "\n```chart\n" + id + "type: bar\ntitle: " + title + "\nmetrics: [help.people, help.visits]\n```\n"
	}
	bundle = replace(bundle, "content/activities/help.md", "---\ntitle: 帮扶活动\n---\n协调资金{{help.funds}}。\n\n## Main\n\n## Key figures\n\n## Forestry\n\n## Chart 1 activity help\n"+
		block("", "一")+block("chart-2-activity-help", "二")+block("", "三"))
	bundle = replace(bundle, "content/_index.md", "---\ntitle: 总览\n---\n全市{{help.people}}参与。\n"+block("", "首页一")+block("home-1", "首页二"))
	return bundle
}

func TestElementIDsNeverCollide(t *testing.T) {
	r := sitetest.Build(t, chartIDSite())
	charts := 0
	err := filepath.WalkDir(r.Public, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(r.Public, p)
		charts += strings.Count(string(data), `<figure class="chart`)
		checkIDs(t, rel, string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if charts < 8 {
		t.Errorf("%d charts drawn, want every chart of the site", charts)
	}
	r.AssertFile("activities/help/index.html", `id="chart-activity-help-split"`, `id="chart-activity-help-split-title"`, `id="chart-activity-help-split--title"`,
		`id="chart-3-activity-help"`, `id="chart-1-md-activities-help"`, `id="chart-md-activities-help-chart-2-activity-help"`,
		`<h2 id="main-1">Main</h2>`, `<h2 id="forestry-1">Forestry</h2>`, `<article class="breakdown" id="forestry">`, `<h2 id="section-chart-1-activity-help">`)
}

// checkIDs fails when a page gives two elements one id, or names (in
// aria-labelledby, aria-describedby, data-chart-option) an id it lacks.
func checkIDs(t *testing.T, page, doc string) {
	t.Helper()
	ids := map[string]int{}
	var refs []string
	z := html.NewTokenizer(strings.NewReader(doc))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		for {
			k, v, more := z.TagAttr()
			switch string(k) {
			case "id":
				ids[string(v)]++
			case "aria-labelledby", "aria-describedby":
				refs = append(refs, strings.Fields(string(v))...)
			case "data-chart-option":
				refs = append(refs, string(v))
			}
			if !more {
				break
			}
		}
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("%s: %d elements have the id %q", page, n, id)
		}
	}
	for _, id := range refs {
		if ids[id] == 0 {
			t.Errorf("%s: names the id %q, which no element has", page, id)
		}
	}
}
