package build_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// nationalSite is the second site beside the example: a national campaign
// of another shape (no townships, series, percentages, targets brought
// down to zero) written with the Chinese sources' units.
func nationalSite(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata/sites", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// pageKinds are the kinds of page every site has (the national site has
// no townships, so no townships page); each must be seen.
var pageKinds = []string{"home", "activity", "story", "stories", "search", "data"}

// nationalInChinese is the national site with a Chinese interface.
func nationalInChinese(t *testing.T) string {
	return strings.Replace(nationalSite(t, "national-en"), "language: en\n", "language: zh-CN\n", 1)
}

func TestNationalCampaignInEnglish(t *testing.T) {
	r := sitetest.Build(t, nationalSite(t, "national-en"))
	r.AssertFile("index.html", "832 counties", "128,000", "more than 9.6 million people", "all <data",
		`aria-current="page">Overview</a>`, `<a href="/stories/">Stories</a>`, `<h2 id="carriers-title">Activities</h2>`,
		"Source: State Council Information Office, “Poverty Alleviation: China&#39;s Experience and Contribution” (April 2021); figures as of April 2021")
	r.AssertFile("activities/poverty/index.html", "6,079 yuan", "12,588 yuan", `"value":10.2}`, `"value":1.7}`, `"value":0.6}`, "! 10.200000000000001", "! 1.7000000000000002", "! 0.6000000000000001",
		"Rural poor under the current line went from 98.99 million people (2012) to 0 people (2020).",
		"Poverty headcount ratio went from 10.2% (2012) to 0.6% (2019).",
		"2 items; highest Per capita disposable income of rural residents in poor areas, 2020 (12,588 yuan), lowest",
		`Target: <data value="0 人">from 98.99 million people down to 0 people</data>, by 31 December 2020`, `"name":"million people"`, `"numbers":"en"`)
	r.AssertFile("activities/assistance/index.html", "255,000", "more than 3 million people")
	r.AssertFile("stories/relocation/index.html", "Figures in this story", "6 April 2021")
	r.AssertFile("search/index.html", `placeholder="Words to look for"`)
	r.AssertFile("data/index.html", "e.g. campaign.villages", "128,000 is 128000")
	r.AssertFile("data/poverty.csv", "more than 9.6 million people")

	kinds := map[string]bool{}
	siteFiles(t, r.Public, func(rel string, data []byte) {
		var texts []string
		switch {
		case strings.HasPrefix(rel, "schema/"), rel == ".jinzhan-output":
			return // the data format's schemas for editors' tools (in Chinese), the output folder's mark
		case strings.HasSuffix(rel, ".html"):
			shown, options := pageTexts(t, string(data))
			texts = append(shown, options...)
			if m := regexp.MustCompile(`<body class="kind-(\w+)"`).FindSubmatch(data); m != nil {
				kinds[string(m[1])] = true
			}
		case strings.HasSuffix(rel, "feed.xml"):
			texts = feedTexts(t, data)
		case strings.HasSuffix(rel, ".json"):
			// unit and qualifier hold the data's own words (人, 多), as written.
			texts = jsonStrings(t, data, []string{"unit", "qualifier"})
		case strings.HasSuffix(rel, ".csv"):
			texts = csvStrings(t, data, []string{"unit", "qualifier"})
		default:
			texts = []string{string(data)}
		}
		for _, s := range texts {
			if c := chineseIn(s); c != "" {
				t.Errorf("%s shows Chinese: %q", rel, c)
			}
		}
	})
	for _, k := range pageKinds {
		if !kinds[k] {
			t.Errorf("no page of kind %s checked", k)
		}
	}
}

// exampleWords are words of the example site (Beipiao) that the theme
// and jinzhan once wrote on every site: examples, headings, hints.
var exampleWords = []string{"北票", "马友营", "mayouying", "养鸭", "第一书记", "volunteer", "forestry", "quanjuyong", "载体", "报道涉及", "辽宁日报"}

func TestNationalCampaignInChinese(t *testing.T) {
	bundle := nationalSite(t, "national-zh")
	r := sitetest.Build(t, bundle)
	r.AssertFile("index.html", "832个", "12.8万个", "960多万人", `aria-current="page">总览</a>`, `<h2 id="carriers-title">各项活动</h2>`,
		"来源：国务院新闻办公室《人类减贫的中国实践》（2021年4月）；数据截至 2021年4月")
	r.AssertFile("activities/poverty/index.html", "6079元", "12588元", "! 1.2588万元", "9899万人", "2012年",
		"现行标准下的农村贫困人口从2012年的9899万人变为2020年的0人。", "贫困发生率从2012年的10.2%变为2019年的0.6%。",
		"目标：<data", "，截止 2020年12月31日", `"name":"万人"`, `"numbers":"zh"`)
	r.AssertFile("activities/assistance/index.html", "25.5万个", "300多万名")
	r.AssertFile("stories/relocation/index.html", "本文数据", "2021年4月6日")
	r.AssertFile("data/index.html", "如 campaign.villages", "来源写作12.8万个的，这里是128000", "本站的写法，如12.8万个")
	r.AssertFile("search/index.html", `placeholder="输入要找的词"`)

	siteFiles(t, r.Public, func(rel string, data []byte) {
		for _, w := range exampleWords {
			// The site may name what the example names (第一书记 are sent
			// nationwide); the schemas describe the data's carriers (载体).
			if strings.Contains(bundle, w) || (w == "载体" && strings.HasPrefix(rel, "schema/")) {
				continue
			}
			if i := strings.Index(string(data), w); i >= 0 {
				t.Errorf("%s shows the example site's %q: …%s…", rel, w, data[max(0, i-60):min(len(data), i+60)])
			}
		}
	})
}

// Every place that cites a source names it in full, and a page names
// every source its figures use: the poverty page's series come from the
// statistics bureau, its other figures from the white paper.
func TestNationalSourcesNamedInFull(t *testing.T) {
	const (
		paperEn = "State Council Information Office, “Poverty Alleviation: China&#39;s Experience and Contribution” (April 2021)"
		nbsEn   = "National Bureau of Statistics, “Statistical Communiqué on the 2019 National Economic and Social Development” (28 February 2020)"
		paperZh = "国务院新闻办公室《人类减贫的中国实践》（2021年4月）"
		nbsZh   = "国家统计局《中华人民共和国2019年国民经济和社会发展统计公报》（2020年2月28日）"
	)
	for _, c := range []struct{ site, paper, nbs, sep, colon string }{
		{"national-en", paperEn, nbsEn, "; ", ": "},
		{"national-zh-activities", paperZh, nbsZh, "；", "："},
	} {
		r := sitetest.Build(t, nationalSite(t, c.site))
		both := c.paper + c.sep + c.nbs
		r.AssertFile("activities/poverty/index.html",
			`class="source-line">`, both+"</p>", // the page's source line
			`class="chart-source">`, c.colon+c.nbs+"</p>", // the headcount chart's
			"! 《》", "! “”")
		r.AssertFile("activities/assistance/index.html", c.colon+c.paper+"</p>", "! "+c.nbs+"</p>\n</div>")
		// The footer names every source some figure cites; a story's table
		// names each figure's.
		r.AssertFile("stories/relocation/index.html", `class="footer-source">`, both+"</p>", `">`+c.paper+"</td>")
		r.AssertFile("data/index.html", both)
	}
}

// A campaign without figures of its own publishes no empty dataset: no
// files, no row on /data/, no link.
func TestNationalNoEmptyDataset(t *testing.T) {
	r := sitetest.Build(t, nationalSite(t, "national-zh-activities"))
	r.AssertNoFile("data/campaign.csv")
	r.AssertNoFile("data/campaign.json")
	r.AssertFile("data/index.html", `id="data-poverty"`, `id="data-figures"`, "! data-campaign", "! （总体）")
	err := filepath.WalkDir(r.Public, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			data, _ := os.ReadFile(p)
			if strings.Contains(string(data), "/data/campaign.") {
				t.Errorf("%s links to the campaign's dataset, which is not published", p)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The English site's campaign has figures: its dataset is published.
	en := sitetest.Build(t, nationalSite(t, "national-en"))
	en.AssertFile("data/campaign.csv", "counties")
	en.AssertFile("data/index.html", `id="data-campaign"`)
}

// A target brings a number down (direction: down, from: where it started):
// its goal, progress bar, gauge, table and summary say so, and once
// reached it reads as reached, never as an empty bar or a gauge at 0.
func TestTargetsBroughtDownToZero(t *testing.T) {
	r := sitetest.Build(t, nationalSite(t, "national-en"))
	page := "activities/poverty/index.html"
	r.AssertFile(page,
		">from 98.99 million people down to 0 people</data>", ">from 832 counties down to 0 counties</data>",
		`<strong class="target-reached">Target reached</strong>`,
		`aria-valuenow="100" aria-label="Rural poor under the current line"><span style="width: 100%">`,
		`aria-valuenow="100" aria-label="Poverty-stricken counties"><span style="width: 100%">`,
		"! aria-valuenow=\"0\"",
		// The counties' dial runs from 832 down to 0 in whole ticks (832, 728 … 0),
		// and fills as the number falls: the pointer at 0 is the full dial.
		`"data":[{"value":0}],"detail":{"fontSize":20,"formatter":"0 counties","offsetCenter":["0","75%"]},"max":0,"min":832,`, `"splitNumber":8,"type":"gauge"`,
		// 98.99 million has no short whole ticks: the dial counts percent of the way.
		`"axisLabel":{"formatter":"{value}%"},"data":[{"value":100}]`,
		"Poverty-stricken counties: target down to 0 counties, now 0 counties. Target reached.",
		`<th scope="col" class="num">From</th><th scope="col" class="num">Target</th><th scope="col" class="num">Reached</th>`,
		`<td class="num">832 counties</td><td class="num">0 counties</td><td class="num">0 counties</td>`,
	)
	r.AssertFile("data/poverty.csv", "poverty.poor-counties,poverty,,start,Poverty-stricken counties,832,个,,832 counties,")

	zh := sitetest.Build(t, nationalInChinese(t))
	zh.AssertFile(page, ">从832个降至0个</data>", `<strong class="target-reached">目标已实现</strong>`,
		"Poverty-stricken counties：目标降至0个，实际0个。目标已实现。", `<th scope="col" class="num">起点</th>`)
	zh.AssertFile("data/poverty.csv", "起点")
}

// Prose and headlines cite a series' point by its date or as the latest,
// and what a target reached, so no number is copied into a second metric;
// each figure's hover note carries its own date.
func TestSeriesPointsAndActualsAreCited(t *testing.T) {
	r := sitetest.Build(t, nationalSite(t, "national-en"))
	r.AssertFile("activities/poverty/index.html",
		`<data class="fig" value="98990000 人" title="Rural poor under the current line · As of 2012 ·`,
		`<data class="fig" value="10.2 %" title="Poverty headcount ratio · As of 2012 ·`,
		`title="Poverty headcount ratio · As of 2019 · Source National Bureau of Statistics`, ">0.6%</data> by 2019",
		`title="Rural poor under the current line · As of 2020 ·`,
		`title="Poverty-stricken counties · As of April 2021 ·`, ">0 counties</data> remained.",
		"! {{")
	r.AssertFile("index.html", `<data class="tile-value" value="98990000 人">98.99 million people</data>`,
		`<span class="tile-label">Rural poor under the current line <time class="tile-date" datetime="2012">2012</time></span>`)
}

// A bar chart draws a series: one bar per point, labelled by its date in
// the site's language, with the series' table and summary.
func TestBarChartFromASeries(t *testing.T) {
	r := sitetest.Build(t, nationalSite(t, "national-en"))
	option := `"xAxis":[{"type":"category","data":["2012","2018","2019"]`
	r.AssertFile("activities/poverty/index.html", option, `{"name":"2018","value":1.7,"label":{"show":true,"position":"top","formatter":"1.7%"}}`,
		`id="chart-activity-poverty-headcount-bars--summary">Poverty headcount ratio went from 10.2% (2012) to 0.6% (2019).`)
	zh := sitetest.Build(t, nationalInChinese(t))
	zh.AssertFile("activities/poverty/index.html", `"xAxis":[{"type":"category","data":["2012年","2018年","2019年"]`)
}

// A national site has no townships: no list of places is built or linked
// from anywhere.
func TestSiteWithoutPlaces(t *testing.T) {
	for _, site := range []string{nationalSite(t, "national-en"), nationalInChinese(t)} {
		r := sitetest.Build(t, site)
		r.AssertNoFile("townships/index.html")
		for _, file := range []string{"index.html", "search/index.html", "stories/index.html", "stories/relocation/index.html", "activities/poverty/index.html", "sitemap.xml", "feed.xml"} {
			r.AssertFile(file, "! /townships/")
		}
		r.AssertFile("search/index.html", "! townships", "! 乡镇", `<a href="/stories/">`)
	}
	r := sitetest.Build(t, nationalSite(t, "national-en"))
	r.AssertFile("search/index.html", "Search stories and activities", "Browse the story list instead.")

	named := sitetest.Build(t, strings.Replace(nationalSite(t, "national-en"), "language: en\n", "language: en\nplace_names:\n  township: province\n", 1))
	if len(named.Build.Warnings) != 1 || !strings.Contains(named.Build.Warnings[0].Error(), "place_names names the levels of data/townships.yaml, which this site does not have") {
		t.Errorf("warnings = %v, want one on place_names", named.Build.Warnings)
	}

	bad := sitetest.BuildFails(t, strings.Replace(nationalSite(t, "national-en"), "language: en\n", "language: en\nmenu:\n  - {label: Overview, url: /}\n  - {label: Townships, url: /townships/}\n", 1))
	bad.AssertProblems("site.yaml:7:29: menu[1].url: /townships/ is not built: the site has no data/townships.yaml")
}

// The four references of issue 8, mistyped in the national site's text,
// were published as braces: each now stops the build at its place, with
// the reference meant.
func TestNationalCampaignMistypedReferences(t *testing.T) {
	site := replace(nationalSite(t, "national-en"), "content/activities/poverty.md", `---
title: Lifting the rural poor out of poverty
---
Income rose to {{income-2020}}, {{Income.income-2020}},
{{income}} and {{income.income-2020}.
`)
	r := sitetest.BuildFails(t, site)
	if got := len(r.Problems()); got != 4 {
		t.Errorf("%d problems, want 4:\n%s", got, strings.Join(r.Problems(), "\n"))
	}
	r.AssertProblems(
		"content/activities/poverty.md:4:16: {{income-2020}}: only one name: a reference is activity.id, the activity, a dot and the figure\n\thint: did you mean {{poverty.income-2020}}?",
		"content/activities/poverty.md:4:33: {{Income.income-2020}}: capital letters in the reference: references are written in lowercase\n\thint: did you mean {{poverty.income-2020}}?",
		"content/activities/poverty.md:5:1: {{income}}: only one name: a reference is activity.id, the activity, a dot and the figure\n\thint: did you mean one of {{poverty.income-2013}}, {{poverty.income-2020}}?",
		"content/activities/poverty.md:5:16: {{income.income-2020}: the reference is not closed: a figure reference ends with }}\n\thint: did you mean {{poverty.income-2020}}?",
	)
	r.AssertNoFile("index.html")
}
