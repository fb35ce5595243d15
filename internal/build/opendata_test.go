package build_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/opendata"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// openDataSite adds to baseSite a figure written as 50余万元, a series, a
// second activity with a chart block across both activities, a campaign
// chart of campaign figures only, and hostile text in the data.
const openDataSite = baseSite + `
-- data/activities/funds.yaml --
title: 资金帮扶
source: paper
as_of: 2020-07
metrics:
  - id: raised
    label: 筹集资金
    value: 50
    unit: 万元
    qualifier: 余
    note: 含物资折价
  - id: cadres
    label: 参与干部
    value: 60
    unit: 名
    note: "\n=1+1"
  - id: formula
    label: =HYPERLINK("http://evil.example/","点我")
    value: 1
    unit: 项
    note: "+cmd|' /C calc'!A0"
  - id: tabbed
    label: "\t=1+1"
    value: 2
    unit: 项
breakdowns:
  - id: at
    name: "@SUM(A1:A9)"
    kind: group
    metrics:
      - id: people
        label: -人数
        value: 3
        unit: 人
series:
  - id: income
    label: 集体收入
    unit: 万元
    points:
      - date: 2020-03
        value: 3
      - date: 2020-06
        value: 4.5
        qualifier: 近
-- content/about.md --
---
title: 关于
---
` + "```chart" + `
type: bar
title: 两项活动的干部
metrics: [help.people, funds.cadres]
` + "```" + `

` + "```chart" + `
type: bar
title: 资金帮扶的干部
metrics: [funds.cadres]
` + "```" + `
`

// withCampaignChart gives the campaign a chart of its own figures only.
func withCampaignChart(site string) string {
	return strings.Replace(site, "charts:\n  - type: bar\n    title: 总览图\n    metrics: [help.people, help.visits]\n",
		"charts:\n  - type: bar\n    title: 总览图\n    metrics: [help.people, help.visits]\n  - type: bar\n    title: 载体\n    metrics: [campaign.carriers]\n", 1)
}

// readCSV checks the file is UTF-8 with a BOM and CRLF line ends, and
// returns its records.
func readCSV(t *testing.T, r *sitetest.Result, rel string) [][]string {
	t.Helper()
	data := r.Read(rel)
	body, ok := strings.CutPrefix(data, "\ufeff")
	if !ok {
		t.Fatalf("%s does not start with the UTF-8 BOM", rel)
	}
	if strings.Count(body, "\n") != strings.Count(body, "\r\n") || !strings.HasSuffix(body, "\r\n") {
		t.Errorf("%s: line ends are not all CRLF", rel)
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return recs
}

// rowsByKey indexes CSV records (after the header) by ref and kind.
func rowsByKey(recs [][]string) map[string][]string {
	out := map[string][]string{}
	for _, rec := range recs[1:] {
		key := rec[0] + " " + rec[3]
		if rec[3] == "序列" || rec[3] == "series" {
			key += " " + rec[9]
		}
		out[key] = rec
	}
	return out
}

func TestOpenDataCSV(t *testing.T) {
	r := sitetest.Build(t, openDataSite)
	recs := readCSV(t, r, "data/funds.csv")
	want := []string{"引用", "活动", "分项", "类型", "项目", "数值", "单位", "限定词", "显示", "截至", "期限", "来源", "备注"}
	if strings.Join(recs[0], ",") != strings.Join(want, ",") {
		t.Fatalf("header = %q, want %q", recs[0], want)
	}
	rows := rowsByKey(recs)
	for key, want := range map[string]string{
		"funds.raised 指标":         "funds.raised|funds||指标|筹集资金|500000|元|余|50余万元|2020-07||测试日报《测试报道》（2020年8月5日）|含物资折价",
		"funds.cadres 指标":         "funds.cadres|funds||指标|参与干部|60|名||60名|2020-07||测试日报《测试报道》（2020年8月5日）|'\n=1+1",
		"funds.income 序列 2020-06": "funds.income|funds||序列|集体收入|45000|元|近|近4.5万元|2020-06||测试日报《测试报道》（2020年8月5日）|",
		"funds.income 序列 2020-03": "funds.income|funds||序列|集体收入|30000|元||3万元|2020-03||测试日报《测试报道》（2020年8月5日）|",
		"funds.at.people 指标":      "funds.at.people|funds|'@SUM(A1:A9)|指标|'-人数|3|人||3人|2020-07||测试日报《测试报道》（2020年8月5日）|",
		"funds.formula 指标":        `funds.formula|funds||指标|'=HYPERLINK("http://evil.example/","点我")|1|项||1项|2020-07||测试日报《测试报道》（2020年8月5日）|'+cmd|' /C calc'!A0`,
		"funds.tabbed 指标":         "funds.tabbed|funds||指标|'\t=1+1|2|项||2项|2020-07||测试日报《测试报道》（2020年8月5日）|",
	} {
		if got := strings.Join(rows[key], "|"); got != want {
			t.Errorf("row %s:\n got %s\nwant %s", key, got, want)
		}
	}
	if len(recs) != 1+7 {
		t.Errorf("funds.csv has %d rows, want 7", len(recs)-1)
	}
	// Targets: the goal and what was reached, with the deadline; a goal
	// without an actual has no second row.
	help := rowsByKey(readCSV(t, r, "data/help.csv"))
	if got := strings.Join(help["help.coverage 目标"], "|"); got != "help.coverage|help||目标|覆盖行政村|252|个||252个|2020-08-05|2020-12-31|测试日报《测试报道》（2020年8月5日）|" {
		t.Errorf("target row: %s", got)
	}
	if got := strings.Join(help["help.coverage 实际"], "|"); got != "help.coverage|help||实际|覆盖行政村|252|个||252个|2020-08-05|2020-12-31|测试日报《测试报道》（2020年8月5日）|" {
		t.Errorf("actual row: %s", got)
	}
	if _, ok := help["help.income 实际"]; ok {
		t.Error("a target without actual has an actual row")
	}
	if got := strings.Join(help["help.forestry.chicks 指标"], "|"); !strings.HasPrefix(got, "help.forestry.chicks|help|林草局|指标|送鸡雏|6000|只|余|6000余只|") {
		t.Errorf("breakdown row: %s", got)
	}
	camp := readCSV(t, r, "data/campaign.csv")
	if len(camp) != 2 || strings.Join(camp[1][:9], "|") != "campaign.carriers|campaign||指标|活动载体|3|项||3项" {
		t.Errorf("campaign.csv: %q", camp)
	}
	// The combined CSV holds every row of every dataset once.
	all := readCSV(t, r, "data/figures.csv")
	if n := len(all) - 1; n != len(camp)-1+len(help)+7 {
		t.Errorf("figures.csv has %d rows, want %d", n, len(camp)-1+len(help)+7)
	}
}

func TestOpenDataCSVInEnglish(t *testing.T) {
	r := sitetest.Build(t, strings.Replace(openDataSite, "language: zh-CN", "language: en", 1))
	recs := readCSV(t, r, "data/funds.csv")
	if got := strings.Join(recs[0], ","); got != "ref,activity,breakdown,kind,label,value,unit,qualifier,display,as_of,deadline,source,note" {
		t.Errorf("English header = %s", got)
	}
	if got := strings.Join(rowsByKey(recs)["funds.raised metric"], "|"); !strings.HasPrefix(got, "funds.raised|funds||metric|筹集资金|500000|元|余|more than 500,000 yuan|2020-07|") {
		t.Errorf("English row: %s", got)
	}
	r.AssertFile("data/index.html", "<h1>Open data</h1>", "CSV column", "(overall)")
	r.AssertFile("activities/help/index.html", "Download data (CSV)")
	var file struct {
		Dataset struct {
			Language string
			Columns  []struct{ Key, Header string }
		}
	}
	if err := json.Unmarshal([]byte(r.Read("data/funds.json")), &file); err != nil {
		t.Fatal(err)
	}
	if file.Dataset.Language != "en" || file.Dataset.Columns[3].Header != "kind" {
		t.Errorf("English JSON header: %+v", file.Dataset)
	}
}

// jsonFile is a dataset's JSON, its rows read as generic maps so that the
// test sees every key as published.
type jsonFile struct {
	Dataset map[string]any   `json:"dataset"`
	Figures []map[string]any `json:"figures"`
}

func TestOpenDataJSONMatchesCSV(t *testing.T) {
	r := sitetest.Build(t, openDataSite)
	for _, name := range []string{"funds", "help", "campaign"} {
		data := r.Read("data/" + name + ".json")
		dec := json.NewDecoder(strings.NewReader(data))
		dec.UseNumber()
		var file jsonFile
		if err := dec.Decode(&file); err != nil {
			t.Fatalf("%s.json: %v", name, err)
		}
		recs := readCSV(t, r, "data/"+name+".csv")
		if len(file.Figures) != len(recs)-1 {
			t.Fatalf("%s: %d JSON rows, %d CSV rows", name, len(file.Figures), len(recs)-1)
		}
		keys := []string{"ref", "activity", "breakdown", "kind", "label", "value", "unit", "qualifier", "display", "as_of", "deadline", "source", "note"}
		kinds := map[string]string{"metric": "指标", "target": "目标", "actual": "实际", "series": "序列"}
		for i, row := range file.Figures {
			if len(row) != len(keys) {
				t.Errorf("%s row %d has keys %v", name, i, row)
			}
			for j, key := range keys {
				got := row[key]
				if n, ok := got.(json.Number); ok {
					got = n.String()
				}
				cell := recs[i+1][j]
				if key == "kind" {
					got = kinds[got.(string)]
				}
				// The CSV guards text that a spreadsheet would run; the JSON keeps it.
				want, _ := got.(string)
				want = opendata.NeutralizeFormula(want)
				if cell != want {
					t.Errorf("%s row %d %s: JSON %q, CSV %q", name, i, key, got, cell)
				}
			}
		}
		if _, isNumber := file.Figures[0]["value"].(json.Number); !isNumber {
			t.Errorf("%s: value is not a JSON number", name)
		}
		h := file.Dataset
		if h["id"] != name || h["figures"] != json.Number(itoa(len(file.Figures))) || h["site"] != "测试站点" {
			t.Errorf("%s header: %v", name, h)
		}
	}
	data := r.Read("data/funds.json")
	for _, want := range []string{
		`"title": "资金帮扶"`, `"page": "https://example.org/activities/funds/"`, `"csv": "https://example.org/data/funds.csv"`,
		`"as_of": "2020-07"`, `"citation": "测试日报《测试报道》（2020年8月5日）"`, `"notes": "“数值”是来源所写的数字`,
		`"value": 500000,`, `"label": "=HYPERLINK(\"http://evil.example/\",\"点我\")"`, `"header": "限定词"`,
		`"sources": [` + "\n" + `      {` + "\n" + `        "id": "paper",`,
	} {
		if !strings.Contains(data, want) {
			t.Errorf("funds.json lacks %s", want)
		}
	}
	// The JSON is deterministic: a second build writes the same bytes.
	again := sitetest.Build(t, openDataSite)
	if again.Read("data/funds.json") != data || again.Read("data/funds.csv") != r.Read("data/funds.csv") {
		t.Error("a second build writes different data files")
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestDataPageListsEveryDataset(t *testing.T) {
	r := sitetest.Build(t, openDataSite)
	page := r.Read("data/index.html")
	for _, name := range []string{"campaign", "help", "funds", "figures"} {
		for _, ext := range []string{".csv", ".json"} {
			href := `href="/data/` + name + ext + `" download>`
			if !strings.Contains(page, href) {
				t.Errorf("/data/ lacks %s", href)
			}
			info, err := os.Stat(filepath.Join(r.Public, "data", name+ext))
			if err != nil {
				t.Errorf("/data/ links %s%s, which is not published", name, ext)
				continue
			}
			// Each link shows its file's size.
			size := regexp.MustCompile(regexp.QuoteMeta(href) + `(CSV|JSON)</a> <small>([^<]+)</small>`).FindStringSubmatch(page)
			if size == nil || (info.Size() < 1024 && size[2] != itoa(int(info.Size()))+" B") || (info.Size() >= 1024 && !strings.HasSuffix(size[2], " KB")) {
				t.Errorf("/data/ size of %s%s: %v (file has %d bytes)", name, ext, size, info.Size())
			}
		}
	}
	r.AssertFile("data/index.html", "<h1>开放数据</h1>", "测试活动（总体）", `<a href="/activities/funds/">资金帮扶</a>`, "全部数据",
		`<td class="num">7</td><td>2020年7月</td><td>测试日报《测试报道》（2020年8月5日）</td>`, "<th scope=\"row\">限定词</th><td><code>qualifier</code></td>", "公式")
	// Linked from every page's footer; the menu stays as it was.
	r.AssertFile("index.html", `<p class="footer-data"><a href="/data/">开放数据</a></p>`, `! <li><a href="/data/"`)
}

// chartLink finds each chart's download link: chart id → URL.
var chartLink = regexp.MustCompile(`(?s)<figure class="chart[^"]*" id="([^"]+)".*?<p class="chart-download"><a href="([^"]+)" download>下载数据（CSV）</a></p>\s*</figure>`)

func TestEveryChartLinksToItsData(t *testing.T) {
	r := sitetest.Build(t, withCampaignChart(openDataSite))
	links := map[string]string{}
	charts := 0
	err := filepath.WalkDir(r.Public, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		charts += bytes.Count(data, []byte(`<figure class="chart `))
		for _, m := range chartLink.FindAllSubmatch(data, -1) {
			links[string(m[1])] = string(m[2])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if charts == 0 || len(links) != charts {
		t.Fatalf("%d charts, %d with a data link: %v", charts, len(links), links)
	}
	for id, url := range links {
		if _, err := os.Stat(filepath.Join(r.Public, filepath.FromSlash(url))); err != nil {
			t.Errorf("chart %s links to %s, which is not published", id, url)
		}
	}
	for id, want := range map[string]string{
		"chart-1-activity-help":       "/data/help.csv",     // an activity's chart: its activity
		"chart-1-home":                "/data/help.csv",     // a campaign chart of one activity's figures
		"chart-2-home":                "/data/campaign.csv", // of the campaign's own figures
		"chart-1-md-stories-forestry": "/data/help.csv",     // a chart block on a story of that activity
		"chart-1-md-about":            "/data/figures.csv",  // across activities: every figure
		"chart-2-md-about":            "/data/funds.csv",    // a chart block of one activity, on a page without one
	} {
		if links[id] != want {
			t.Errorf("chart %s links to %q, want %q", id, links[id], want)
		}
	}
	// jinzhan check finds every link of the built site, data files included.
	dir := sitetest.Write(t, withCampaignChart(openDataSite))
	if _, err := build.Run(sitetest.Options(dir, "")); err != nil {
		t.Errorf("check: %v", err)
	}
}

// TestExampleOpenData checks the example site as `jinzhan check` does and
// that each activity's dataset holds every figure of the activity.
func TestExampleOpenData(t *testing.T) {
	if _, err := build.Run(sitetest.Options(exampleRoot, "")); err != nil {
		t.Fatalf("check: %v", err)
	}
	public := filepath.Join(t.TempDir(), "public")
	if _, err := runExample(public); err != nil {
		t.Fatal(err)
	}
	r := &sitetest.Result{T: t, Public: public}
	var figures struct {
		Figures []struct{ Ref, Activity, Display string }
	}
	if err := json.Unmarshal([]byte(r.Read("data/figures.json")), &figures); err != nil {
		t.Fatal(err)
	}
	csvs := map[string]string{}
	for _, f := range figures.Figures {
		if _, ok := csvs[f.Activity]; !ok {
			csvs[f.Activity] = r.Read("data/" + f.Activity + ".csv")
			r.AssertFile("data/index.html", `href="/data/`+f.Activity+`.csv"`, `href="/data/`+f.Activity+`.json"`)
		}
		if !strings.Contains(csvs[f.Activity], "\r\n"+f.Ref+","+f.Activity+",") || !strings.Contains(csvs[f.Activity], ","+f.Display+",") {
			t.Errorf("data/%s.csv lacks %s (%s)", f.Activity, f.Ref, f.Display)
		}
	}
}
