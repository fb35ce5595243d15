package build_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// hostileSite puts BAD into every string a story page shows: the site's
// settings, an activity, townships and villages, a story with a figure, a
// chart and a photo, and the interface strings the site may override.
const hostileSite = `
-- site.yaml --
title: BAD
description: BAD
base_url: https://example.org/
copyright: BAD
menu:
  - label: BAD
    url: /stories/
-- i18n/zh-CN.yaml --
breadcrumb: BAD
kind_home: BAD
kind_stories: BAD
skip_to_content: BAD
figures_in_story: BAD
chart_item: BAD
source: BAD
-- data/campaign.yaml --
name: BAD
place: BAD
summary: BAD
source: src
sources:
  - id: src
    title: BAD
    publisher: BAD
    date: 2020-08-05
-- data/townships.yaml --
townships:
  - slug: town
    name: BAD
    villages:
      - slug: vil
        name: BAD
-- data/activities/act.yaml --
title: BAD
short_title: BAD
summary: BAD
source: src
metrics:
  - id: a
    label: BAD
    value: 1
    unit: 个
    note: BAD
  - id: b
    label: BAD
    value: 2
    unit: 个
-- content/stories/bad.md --
---
title: BAD
summary: BAD
date: 2020-08-05
activity: act
townships: [town]
villages: [vil]
photos:
  - file: bad.jpg
    alt: BAD
    caption: BAD
    credit: BAD
---
BAD {{act.a}}

` + "```chart" + `
type: bar
title: BAD
metrics: [act.a, act.b]
` + "```" + `
-- content/stories/plain.md --
---
title: BAD
date: 2020-08-06
activity: act
---
BAD
-- content/activities/act.md --
---
title: BAD
---
BAD
`

// hostile are the strings hostileSite is built with (control characters,
// which validation refuses, are in render's FuzzOwnStoryPage).
var hostile = []string{
	`</script><script>alert(1)</script><img src=x onerror="alert(2)">__f__function(){}__f__'"`,
	`"><a href="javascript:alert(1)">&amp;&lt;+'%zz%20`,
	`北票 & 朝阳 + 'a' "b" <c> 100% {.} ${x}`,
}

// TestOwnPagesAreTheTemplates renders every page of the example, the
// national sites and hostile sites as a build does (story pages and story
// lists in Go) and through the templates: the bytes must be the same.
func TestOwnPagesAreTheTemplates(t *testing.T) {
	sites := map[string]string{"example": "../.."}
	for _, name := range []string{"national-en", "national-zh", "national-zh-activities"} {
		data, err := os.ReadFile(filepath.Join("testdata/sites", name+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		sites[name] = sitetest.Write(t, string(data))
	}
	for i, bad := range hostile {
		dir := sitetest.Write(t, strings.ReplaceAll(hostileSite, "BAD", strconv.Quote(bad)))
		writeFile(t, dir, "images/bad.jpg", encodeJPEG(t, 640, 400))
		sites[fmt.Sprint("hostile-", i)] = dir
	}
	for name, dir := range sites {
		t.Run(name, func(t *testing.T) {
			model, th, err := build.Built(sitetest.Options(dir, ""))
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[string]int{}
			for _, p := range model.Pages {
				kinds[p.Kind]++
				var own, tmpl bytes.Buffer
				if err := th.Page(&own, model, p); err != nil {
					t.Fatal(err)
				}
				if err := th.TemplatePage(&tmpl, model, p); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(own.Bytes(), tmpl.Bytes()) {
					i := 0
					for i < own.Len() && i < tmpl.Len() && own.Bytes()[i] == tmpl.Bytes()[i] {
						i++
					}
					t.Fatalf("%s: the Go page parts from the templates' at byte %d:\nGo:        %q\ntemplates: %q", p.URL, i,
						own.Bytes()[max(0, i-100):min(own.Len(), i+100)], tmpl.Bytes()[max(0, i-100):min(tmpl.Len(), i+100)])
				}
			}
			if kinds["story"] == 0 || kinds["stories"] == 0 {
				t.Fatalf("pages of the kinds written in Go missing: %v", kinds)
			}
		})
	}
}
