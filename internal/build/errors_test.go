package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// replace swaps one file of a txtar bundle for new content.
func replace(bundle, name, content string) string {
	start := strings.Index(bundle, "-- "+name+" --\n")
	if start < 0 {
		return bundle + "-- " + name + " --\n" + content
	}
	bodyStart := start + len("-- "+name+" --\n")
	end := strings.Index(bundle[bodyStart:], "\n-- ")
	if end < 0 {
		return bundle[:bodyStart] + content
	}
	return bundle[:bodyStart] + content + bundle[bodyStart+end+1:]
}

const brokenActivity = `title: 坏数据
source: paper
metrics:
  - id: ok
    label: 正常
    value: 1
    unit: 个
  - id: typo
    label: 拼错
    vaule: 2
    unit: 个
  - id: text
    label: 文字
    value: "89x3"
    unit: 个
  - id: unit
    label: 单位
    value: 3
    unit: 公顷
  - id: ok
    label: 重复
    value: 4
    unit: 个
  - id: pct
    label: 比例
    value: 120
    unit: "%"
  - id: neg
    label: 负数
    value: -5
    unit: 个
breakdowns:
  - id: somewhere
    name: 某处
    kind: organisation
    townships: [mayouyin]
    metrics:
      - id: x
        label: 某数
        value: 1
        unit: 个
        as_of: 2020-02-30
charts:
  - type: bar
    title: 混合单位
    metrics: [ok, unit]
  - type: pie
    title: 缺数
    metrics: [missing]
`

func TestInputErrorsAreAllReportedWithPositions(t *testing.T) {
	bundle := replace(baseSite, "data/activities/help.yaml", brokenActivity)
	bundle = replace(bundle, "content/stories/forestry.md", "---\ntitle: 坏故事\ndate: 2020-08-05\nactivity: hepl\n---\n引用{{help.nothing}}。\n")
	r := sitetest.BuildFails(t, bundle)
	r.AssertProblems(
		`data/activities/help.yaml:10:5: metrics[1].vaule: unknown key "vaule"`,
		"did you mean value?",
		`data/activities/help.yaml:8:5: metrics[1].value: required field is missing`,
		`data/activities/help.yaml:14:12: metrics[2].value: want a number, got "89x3"`,
		`data/activities/help.yaml:19:11: metrics[3].unit: unknown unit "公顷"`,
		`data/activities/help.yaml:20:9: metrics[4].id: id "ok" is already used at data/activities/help.yaml:4:9`,
		`metrics[5].value: 120% is more than 100%`,
		`metrics[6].value: a figure cannot be negative, got -5`,
		`breakdowns[0].townships[0]: unknown township "mayouyin"`, "did you mean mayouying?",
		`breakdowns[0].metrics[0].as_of: 2020-02-30 does not exist: 2020/2 has only 29 days`,
		`content/stories/forestry.md:4:11: activity: unknown activity "hepl"`, "did you mean help?",
		`content/stories/forestry.md:6:3: {{help.nothing}}: unknown figure "help.nothing"`,
	)
	r.AssertProblems("! required field is empty", `! unknown figure "unit"`)
	if n := len(r.Problems()); n < 12 {
		t.Errorf("got %d problems, want every one of them:\n%s", n, strings.Join(r.Problems(), "\n"))
	}
}

func TestChartRefusesMixedUnits(t *testing.T) {
	bundle := strings.Replace(baseSite, "metrics: [forestry.chicks, tax.chicks]", "metrics: [forestry.chicks, people]", 1)
	r := sitetest.BuildFails(t, bundle)
	r.AssertProblems(`charts[0].metrics[1]: help.people is in 名 but help.forestry.chicks is in 只`, "draw figures of different units in separate charts")
}

func TestFailedBuildLeavesPublishedSiteUntouched(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	good := sitetest.Run(t, dir)
	if good.Err != nil {
		t.Fatal(good.Err)
	}
	before := snapshot(t, good.Public)
	if err := os.WriteFile(filepath.Join(dir, "data/activities/help.yaml"), []byte(brokenActivity), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := sitetest.Run(t, dir)
	if bad.Err == nil {
		t.Fatal("broken build succeeded")
	}
	if after := snapshot(t, good.Public); !equalTrees(before, after) {
		t.Error("a failed build changed public/")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.[bo]*"))
	if len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

func TestRemovedSourcesDisappearFromOutput(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	if r := sitetest.Run(t, dir); r.Err != nil {
		t.Fatal(r.Err)
	}
	if err := os.Remove(filepath.Join(dir, "content/stories/forestry.md")); err != nil {
		t.Fatal(err)
	}
	r := sitetest.Run(t, dir)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	r.AssertNoFile("stories/forestry/index.html")
}

func TestOutputIsDeterministic(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	a := filepath.Join(t.TempDir(), "a")
	b := filepath.Join(t.TempDir(), "b")
	for _, dest := range []string{a, b} {
		if _, err := build.Run(sitetest.Options(dir, dest)); err != nil {
			t.Fatal(err)
		}
	}
	if !equalTrees(snapshot(t, a), snapshot(t, b)) {
		t.Error("two builds of the same input differ")
	}
}

func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func equalTrees(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestConsistencyAcrossFiles(t *testing.T) {
	bundle := strings.Replace(baseSite, `        value: 300
        unit: 只`, `        value: 300
        unit: 只
        part_of: forestry.chicks`, 1)
	// A part with an exact total: 300 ≤ 6000余, fine. Now make it exceed.
	bundle = strings.Replace(bundle, "        value: 300\n", "        value: 7000\n", 1)
	bundle = strings.Replace(bundle, "    metrics: [forestry.chicks, tax.chicks]", "    metrics: [forestry.chicks, tax.chicks, series.a]", 1)
	bundle = replace(bundle, "content/stories/forestry.md", "---\ntitle: 龙潭镇\ndate: 2020-08-05\nactivity: help\ntownships: [longtan]\n---\n林草局{{help.forestry.chicks}}。\n")
	r := sitetest.BuildFails(t, bundle)
	r.AssertProblems(
		"data/activities/help.yaml:52:18: warning: breakdowns[1].metrics[0].part_of: the parts of help.forestry.chicks add up to more than its 6000余只",
		`charts[0].metrics[2]: unknown figure "series.a"`,
		"content/stories/forestry.md:7:4: warning: {{help.forestry.chicks}}: the story is about longtan but cites a figure of mayouying",
	)
}

func TestTabsBOMAndSeveralDocuments(t *testing.T) {
	bundle := replace(baseSite, "data/townships.yaml", "townships:\n\t- slug: x\n")
	bundle = replace(bundle, "site.yaml", "\uFEFFtitle: t\nbase_url: https://example.org/\n")
	bundle = replace(bundle, "data/campaign.yaml", "name: a\n---\nname: b\n")
	r := sitetest.BuildFails(t, bundle)
	r.AssertProblems(
		"data/townships.yaml:2:1: a tab is used for indentation",
		"site.yaml:1:1: the file starts with a byte-order mark (BOM)",
		"data/campaign.yaml:2: the file holds more than one YAML document",
		`! unknown source "paper"`, `! unknown township`,
	)
}

func TestBuildReportsWhatChanged(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	first := sitetest.Run(t, dir)
	if first.Err != nil || !first.Build.Changes.First {
		t.Fatalf("first build: %v %+v", first.Err, first.Build.Changes)
	}
	first.AssertFile("data/figures.json", `"ref": "help.visits"`, `"display": "2000余名"`, `"value": 2000`)
	edit := strings.Replace(baseSite, "    value: 2000\n", "    value: 2500\n", 1)
	edit = replace(edit, "content/stories/forestry.md", "")
	for name, content := range map[string]string{"data/activities/help.yaml": between(edit, "-- data/activities/help.yaml --\n", "\n-- ")} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Remove(filepath.Join(dir, "content/stories/forestry.md"))
	second := sitetest.Run(t, dir)
	if second.Err != nil {
		t.Fatal(second.Err)
	}
	got := strings.Join(second.Build.Changes.Lines("zh-CN"), "\n")
	for _, want := range []string{"与上次生成相比：", "  - 删除页面 /stories/forestry/", "  入户走访 2000余名 → 2500余名"} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
}

func between(s, start, end string) string {
	i := strings.Index(s, start) + len(start)
	j := strings.Index(s[i:], end)
	return s[i : i+j+1]
}

func TestCheckFindsBrokenLinksAndStaleData(t *testing.T) {
	bundle := replace(baseSite, "content/about.md", "---\ntitle: 关于\n---\n见[乡镇](/townships/)、[林草局](/activities/help/#forestry)、[旧页](/stories/gone/)。\n\n![图](/images/none.png) [锚点](/activities/help/#nowhere)\n")
	dir := sitetest.Write(t, bundle)
	opts := sitetest.Options(dir, "")
	opts.Today = time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	res, err := build.Run(opts)
	r := &sitetest.Result{T: t, Err: err, Build: res}
	r.AssertProblems(
		`content/about.md:4:55: broken link "/stories/gone/"`,
		`content/about.md:6:3: broken link "/images/none.png"`,
		`content/about.md:6:25: broken link "/activities/help/#nowhere"`,
		`! "/townships/"`, `! "/activities/help/#forestry"`,
	)
	var warnings []string
	for _, w := range res.Warnings {
		warnings = append(warnings, w.Error())
	}
	if got := strings.Join(warnings, "\n"); !strings.Contains(got, "data/campaign.yaml:3:8: warning: as_of: the newest figure in this file is as of 2020-08-05, 514 days ago (more than 365)") {
		t.Errorf("no stale warning:\n%s", got)
	}
}

func TestNamesTheSiteUsesAreRefused(t *testing.T) {
	bundle := baseSite + "-- content/search.md --\n---\ntitle: 搜索\n---\n自己的搜索页。\n-- data/activities/figures.yaml --\ntitle: 数据\nsource: paper\n"
	r := sitetest.BuildFails(t, bundle)
	r.AssertProblems(`content/search.md: the name "search" is used by the site itself`, `data/activities/figures.yaml: the name "figures" is used by the site itself`)
}

// The change report prints labels read back from the previous site's
// figures.json (for the figures gone since): a label there that would
// retitle the terminal is escaped.
func TestChangeReportEscapesLabels(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	if first := sitetest.Run(t, dir); first.Err != nil {
		t.Fatal(first.Err)
	}
	figures := filepath.Join(dir, "public", "data", "figures.json")
	data, err := os.ReadFile(figures)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`"ref": "help.visits"`), []byte(`"ref": "help.gone"`), 1)
	data = bytes.Replace(data, []byte(`"label": "入户走访"`), []byte(`"label": "\u001b]0;pwned\u0007\u001b[2K入户走访"`), 1)
	if err := os.WriteFile(figures, data, 0o644); err != nil {
		t.Fatal(err)
	}
	second := sitetest.Run(t, dir)
	if second.Err != nil {
		t.Fatal(second.Err)
	}
	got := strings.Join(second.Build.Changes.Lines("zh-CN"), "\n")
	if !strings.Contains(got, `  - 删除数据 \x1b]0;pwned\a\x1b[2K入户走访 2000余名`) || strings.ContainsAny(got, "\x1b\x07") {
		t.Errorf("report:\n%q", got)
	}
}
