package build_test

import (
	"os"
	"path/filepath"
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

// nationalInChinese is the national site with a Chinese interface.
func nationalInChinese(t *testing.T) string {
	return strings.Replace(nationalSite(t, "national-en"), "language: en\n", "language: zh-CN\n", 1)
}

func TestNationalCampaignInEnglish(t *testing.T) {
	r := sitetest.Build(t, nationalSite(t, "national-en"))
	r.AssertFile("index.html", "832 counties", "128,000", "more than 9.6 million people", "all <data")
	r.AssertFile("activities/poverty/index.html", "6,079 yuan", "12,588 yuan", `"value":10.2}`, `"value":1.7}`, `"value":0.6}`, "! 10.200000000000001", "! 1.7000000000000002", "! 0.6000000000000001")
	r.AssertFile("activities/assistance/index.html", "255,000", "more than 3 million people")
	r.AssertFile("data/poverty.csv", "more than 9.6 million people")
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
		`title="Poverty headcount ratio · As of 2019 · Source National Bureau of Statistics`, ">0.6%</data>\nin 2019",
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
		`id="chart-activity-poverty-headcount-bars--summary">Poverty headcount ratio went from 2012 on 10.2% to 2019 on 0.6%.`)
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
