package build_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// baseSite is a small complete site; tests append or replace files.
const baseSite = `
-- site.yaml --
title: 测试站点
base_url: https://example.org/
language: zh-CN
-- data/campaign.yaml --
name: 测试活动
place: 测试市
as_of: 2020-08-05
source: paper
sources:
  - id: paper
    title: 测试报道
    publisher: 测试日报
    date: 2020-08-05
carriers:
  count: carriers
  named: [help]
metrics:
  - id: carriers
    label: 活动载体
    value: 3
    unit: 项
headline: [campaign.carriers, help.people]
charts:
  - type: bar
    title: 总览图
    metrics: [help.people, help.visits]
-- data/townships.yaml --
townships:
  - slug: mayouying
    name: 马友营乡
    villages:
      - slug: pingfang
        name: 平房村
  - slug: longtan
    name: 龙潭镇
-- data/activities/help.yaml --
title: 帮扶活动
short_title: 帮扶
source: paper
metrics:
  - id: people
    label: 参与干部
    value: 1.2
    unit: 万名
  - id: visits
    label: 入户走访
    value: 2000
    unit: 名
    qualifier: 余
  - id: funds
    label: 协调资金
    value: 1
    unit: 亿元
    qualifier: 近
targets:
  - id: coverage
    label: 覆盖行政村
    value: 252
    unit: 个
    actual: 252
    deadline: 2020-12-31
  - id: income
    label: 集体收入达标的村
    value: 100
    unit: "%"
    deadline: 2020-12-31
breakdowns:
  - id: forestry
    name: 林草局
    kind: organisation
    townships: [mayouying]
    villages: [pingfang]
    metrics:
      - id: chicks
        label: 送鸡雏
        value: 6000
        unit: 只
        qualifier: 余
  - id: tax
    name: 税务局
    kind: organisation
    townships: [longtan]
    metrics:
      - id: chicks
        label: 送鹅雏
        value: 300
        unit: 只
charts:
  - type: hbar
    title: 各单位送雏
    metrics: [forestry.chicks, tax.chicks]
  - type: gauge
    title: 覆盖进度
    target: coverage
-- content/_index.md --
---
title: 总览
---
全市{{help.people}}参与。
-- content/activities/help.md --
---
title: 帮扶活动
---
协调资金{{help.funds}}。
-- content/stories/forestry.md --
---
title: 林草局送雏
date: 2020-08-05
activity: help
townships: [mayouying]
villages: [pingfang]
summary: 送去鸡雏。
---
林草局送去{{help.forestry.chicks}}鸡雏。

` + "```chart" + `
type: pie
title: 送雏构成
metrics: [help.forestry.chicks, help.tax.chicks]
` + "```" + `
`

func TestSitePagesAndFigures(t *testing.T) {
	r := sitetest.Build(t, baseSite)
	r.AssertFile("index.html", `<html lang="zh-CN">`, "1.2万名", "3项", "总览图", `<link rel="canonical" href="https://example.org/">`, "! _jinzhan")
	r.AssertFile("activities/help/index.html", "近亿元", "2000余名", "6000余只", "252个", `href="/townships/mayouying/"`, "资料未载", "截止 2020年12月31日", `aria-valuenow="100"`)
	r.AssertFile("stories/forestry/index.html", `<data class="fig" value="6000 只"`, ">6000余只</data>", `href="/activities/help/"`, "本文数据")
	r.AssertFile("townships/mayouying/index.html", "林草局送雏", "6000余只", "平房村")
	r.AssertFile("townships/longtan/index.html", "300只", "! 林草局送雏")
	r.AssertFile("townships/index.html", `href="/townships/mayouying/"`)
	r.AssertFile("stories/index.html", "林草局送雏")
	if r.Build.Charts != 4 {
		t.Errorf("charts = %d, want 4", r.Build.Charts)
	}
}

func TestChartsCarryTableAndSafeJSON(t *testing.T) {
	r := sitetest.Build(t, baseSite)
	page := r.Read("activities/help/index.html")
	for _, want := range []string{
		`<script type="application/json" id="chart-1-activity-help--option">`,
		`<script type="application/json" id="chart-2-activity-help--option">`,
		`<details class="chart-data">`,
		`<div class="chart-narrow" aria-hidden="true"><svg viewBox="0 0 340 `,
		`<div class="chart-wide" aria-hidden="true"><svg viewBox="0 0 600 `,
		`<th scope="row">林草局</th><td class="num">6000余只</td>`,
		`aria-describedby="chart-1-activity-help--summary"`,
		"最高为林草局（6000余只）",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("activity page lacks %q", want)
		}
	}
	// Pages with charts load charts.js, deferred, which names ECharts to
	// fetch when a reader touches a chart; pages without load neither.
	if n := strings.Count(page, "<script src="); n != 1 || !regexp.MustCompile(`<script src="/assets/js/charts\.[0-9a-f]+\.js" data-echarts="/assets/js/echarts\.[0-9a-f]+\.min\.js" defer>`).MatchString(page) {
		t.Errorf("%d scripts, or charts.js does not name ECharts", n)
	}
	r.AssertFile("townships/index.html", "! echarts")
	r.AssertFile("stories/forestry/index.html", "chart-1-md-stories-forestry", "echarts")
}

func TestChineseQualifierPlacement(t *testing.T) {
	r := sitetest.Build(t, baseSite+`
-- content/about.md --
---
title: 关于
---
{{help.funds}} {{help.visits}} {{campaign.carriers}}
`)
	r.AssertFile("about/index.html", ">近亿元</data>", ">2000余名</data>", ">3项</data>")
}

func TestLineAndStackedCharts(t *testing.T) {
	r := sitetest.Build(t, baseSite+`
-- data/activities/series.yaml --
title: 数据序列
source: paper
metrics:
  - id: a
    label: 甲
    value: 10
    unit: 万元
  - id: b
    label: 乙
    value: 5
    unit: 万元
series:
  - id: income
    label: 集体收入
    unit: 万元
    points:
      - date: 2020-03
        value: 3
      - date: 2020-06
        value: 4.5
charts:
  - type: line
    title: 收入变化
    series: [income]
  - type: stacked
    title: 资金构成
    segments: [直接, 协调]
    rows:
      - label: 合计
        metrics: [a, b]
`)
	r.AssertFile("activities/series/index.html", "收入变化", `<th scope="row">2020年3月</th><td class="num">3万元</td>`, `<th scope="row">合计</th><td class="num">10万元</td><td class="num">5万元</td>`, `"stack":"total"`)
}

func TestStoryListsArePaginatedWithoutJavaScript(t *testing.T) {
	var b strings.Builder
	b.WriteString(baseSite)
	for i := range 44 {
		fmt.Fprintf(&b, "-- content/stories/s%02d.md --\n---\ntitle: 第%02d篇\ndate: 2020-07-%02d\nactivity: help\ntownships: [longtan]\n---\n正文。\n", i, i, 1+i%28)
	}
	r := sitetest.Build(t, b.String())
	r.AssertFile("stories/index.html", "共45篇", "第1页，共3页", `<a rel="next" href="/stories/page/2/">`, "! rel=\"prev\"", "林草局送雏")
	r.AssertFile("stories/page/2/index.html", "<title>故事 第2页，共3页 · 测试站点</title>", `<a rel="prev" href="/stories/">`, `<a rel="next" href="/stories/page/3/">`)
	r.AssertFile("stories/page/3/index.html", `<a rel="prev" href="/stories/page/2/">`, "! rel=\"next\"")
	if n := strings.Count(r.Read("stories/page/3/index.html"), `class="story-item"`); n != 5 {
		t.Errorf("last page lists %d stories, want 5", n)
	}
	r.AssertFile("townships/longtan/index.html", `href="/townships/longtan/stories/"`, "全部44篇故事")
	r.AssertFile("townships/longtan/stories/page/3/index.html", "龙潭镇的故事")
	r.AssertFile("activities/help/stories/index.html", "帮扶的故事", "共45篇")
	r.AssertNoFile("townships/mayouying/stories/page/2/index.html")
	r.AssertFile("townships/mayouying/stories/index.html", "共1篇")
}

func TestFeedsSitemapAndSharingMeta(t *testing.T) {
	r := sitetest.Build(t, baseSite)
	r.AssertFile("feed.xml", `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/" xml:lang="zh-CN">`,
		"<title>林草局送雏</title>", "<id>https://example.org/stories/forestry/</id>", "<updated>2020-08-05T00:00:00Z</updated>",
		`<content type="html">&lt;p&gt;林草局送去`, "6000余只", `<category term="马友营乡"></category>`)
	r.AssertFile("activities/help/feed.xml", "<title>帮扶活动</title>", "<title>林草局送雏</title>")
	r.AssertFile("sitemap.xml", "<loc>https://example.org/</loc>", "<loc>https://example.org/stories/forestry/</loc>", "<lastmod>2020-08-05</lastmod>")
	r.AssertFile("robots.txt", "Sitemap: https://example.org/sitemap.xml")
	r.AssertFile("stories/forestry/index.html", `<meta property="og:type" content="article">`, `<meta property="og:description" content="送去鸡雏。">`,
		`<meta property="og:url" content="https://example.org/stories/forestry/">`, `<link rel="alternate" type="application/atom+xml"`)
	r.AssertFile("activities/help/index.html", `href="/activities/help/feed.xml"`)
}
