package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// payload tries every way a string could become markup or script: closing
// the JSON script block, an event handler, a javascript: URL and
// go-echarts' __f__ function marker.
const payload = `</script><script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2;alert(2)">__f__function(){window.__pwned=3}__f__'"`

// evilSite puts the payload into every kind of string a site has.
var evilSite = strings.ReplaceAll(`
-- site.yaml --
title: PAYLOAD
description: PAYLOAD
base_url: https://example.org/
copyright: PAYLOAD
menu:
  - label: PAYLOAD
    url: /stories/
-- data/campaign.yaml --
name: PAYLOAD
place: PAYLOAD
summary: PAYLOAD
source: src
sources:
  - id: src
    title: PAYLOAD
    publisher: PAYLOAD
    date: 2020-08-05
    author: PAYLOAD
organisers:
  - name: PAYLOAD
    duty: PAYLOAD
    groups:
      - name: PAYLOAD
metrics:
  - id: n
    label: PAYLOAD
    value: 9
    unit: 项
headline: [campaign.n]
charts:
  - type: pie
    title: PAYLOAD
    summary: PAYLOAD
    metrics: [act.a, act.b]
-- data/townships.yaml --
townships:
  - slug: town
    name: PAYLOAD
    villages:
      - slug: vil
        name: PAYLOAD
-- data/activities/act.yaml --
title: PAYLOAD
short_title: PAYLOAD
summary: PAYLOAD
participants: PAYLOAD
period:
  label: PAYLOAD
source: src
metrics:
  - id: a
    label: PAYLOAD
    value: 1
    unit: 个
    note: PAYLOAD
  - id: b
    label: PAYLOAD
    value: 2
    unit: 个
targets:
  - id: t
    label: PAYLOAD
    value: 3
    unit: 个
    actual: 2
    note: PAYLOAD
breakdowns:
  - id: bd
    name: PAYLOAD
    kind: organisation
    note: PAYLOAD
    townships: [town]
    villages: [vil]
    metrics:
      - id: c
        label: PAYLOAD
        value: 4
        unit: 个
charts:
  - type: hbar
    title: PAYLOAD
    metrics: [a, b]
  - type: stacked
    title: PAYLOAD
    segments: [PAYLOAD, PAYLOAD]
    rows:
      - label: PAYLOAD
        metrics: [a, b]
  - type: gauge
    title: PAYLOAD
    target: t
-- content/_index.md --
---
title: PAYLOAD
summary: PAYLOAD
---
PAYLOAD
-- content/activities/act.md --
---
title: PAYLOAD
---
<script>window.__pwned=4</script>

[link](javascript:window.__pwned=5) <javascript:window.__pwned=6> ![img](javascript:window.__pwned=7)

<a href="javascript:window.__pwned=8">raw</a>
-- content/stories/evil.md --
---
title: PAYLOAD
summary: PAYLOAD
date: 2020-08-05
activity: act
townships: [town]
villages: [vil]
---
PAYLOAD {{act.a}}

`+"```chart"+`
type: bar
title: PAYLOAD
metrics: [act.a, act.bd.c]
`+"```"+`
`, "PAYLOAD", `"`+strings.ReplaceAll(payload, `"`, `\"`)+`"`)

// TestNothingFromTheDataExecutes builds a site whose every string is
// hostile, checks the HTML holds none of it as markup, then opens every
// page in Chromium and checks that no injected script ran.
func TestNothingFromTheDataExecutes(t *testing.T) {
	// Markdown is not YAML: there the payload stands as it is.
	bundle := strings.ReplaceAll(evilSite, "\n"+`"`+strings.ReplaceAll(payload, `"`, `\"`)+`"`+"\n", "\n"+payload+"\n")
	bundle = strings.ReplaceAll(bundle, `"`+strings.ReplaceAll(payload, `"`, `\"`)+`"`+" {{act.a}}", payload+" {{act.a}}")
	r := sitetest.Build(t, bundle)
	var pages []string
	_ = filepath.Walk(r.Public, func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".svg") {
			svg, _ := os.ReadFile(p)
			for _, bad := range []string{"<script", "<img", `onerror="`, "<foreignObject", "<a ", "href="} {
				if strings.Contains(string(svg), bad) {
					t.Errorf("%s contains %q", p, bad)
				}
			}
		}
		if err == nil && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(r.Public, p)
			pages = append(pages, "/"+strings.TrimSuffix(filepath.ToSlash(rel), "index.html"))
			html, _ := os.ReadFile(p)
			// Escaped, the payload is harmless text; these are its live forms.
			for _, bad := range []string{"<script>window.__pwned", "<img src=x", `onerror="window`, `href="javascript:`, `src="javascript:`, `"__f__function`} {
				if strings.Contains(string(html), bad) {
					t.Errorf("%s contains %q", rel, bad)
				}
			}
		}
		return nil
	})
	if len(pages) < 6 {
		t.Fatalf("only %d pages built", len(pages))
	}
	b := Open(t, r.Public)
	for _, p := range pages {
		_, dialogs := b.Visit(p)
		if len(dialogs) > 0 {
			t.Errorf("%s: a script ran and opened %v", p, dialogs)
		}
		if pwned := Eval[bool](b, `window.__pwned !== undefined`); pwned {
			t.Errorf("%s: injected script ran", p)
		}
		// The payload is shown as text where it was written.
		if p == "/stories/evil/" && !Eval[bool](b, `document.querySelector("h1").textContent.includes("</script><script>")`) {
			t.Errorf("%s: the title is not shown as plain text", p)
		}
	}
	// Hostile labels are text in the drawings made at build, and the
	// interactive chart draws them too.
	b.Visit("/activities/act/")
	if n := Eval[int](b, `[...document.querySelectorAll(".chart-plot svg text")].filter(e => e.textContent.includes("</script><script>")).length`); n == 0 {
		t.Error("the drawings do not show the hostile labels as text")
	}
	if n := Eval[int](b, `document.querySelectorAll(".chart-plot foreignObject, .chart-plot script, .chart-plot a, .chart-plot image").length`); n > 0 {
		t.Errorf("the drawings hold %d elements other than shapes and text", n)
	}
	b.Hover(".chart-plot")
	if !b.WaitFor(`document.querySelectorAll("figure.chart[data-chart-ready]").length === 1`) {
		t.Error("a chart with hostile labels did not draw when touched")
	}
	if Eval[bool](b, `window.__pwned !== undefined`) {
		t.Error("injected script ran in the interactive chart")
	}
}

func TestUnsafeLinksInDataAreRefused(t *testing.T) {
	bundle := strings.Replace(evilSite, "    url: /stories/", "    url: javascript:alert(1)", 1)
	r := sitetest.BuildFails(t, bundle)
	r.AssertProblems(`site.yaml:7:10: menu[0].url: unsafe or invalid link "javascript:alert(1)"`)
}
