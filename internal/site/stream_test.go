package site_test

import (
	"slices"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

// chartBlock is a chart block drawing help.people.
const chartBlock = "\n```chart\ntype: bar\ntitle: 干部\nmetrics: [help.people]\n```\n"

// A model made story by story (a Stream, letting texts go) lists the
// pages, stories and charts as Build does: texts before and after the
// stories' folder, chart blocks in each.
func TestStreamMakesBuildsModel(t *testing.T) {
	dir := sitetest.Write(t, keptSite+`
-- content/_index.md --
---
title: 首页
---
首页。`+chartBlock+`
-- content/about.md --
---
title: 关于
---
关于。`+chartBlock+`
-- content/zz-last.md --
---
title: 最后
---
最后。`+chartBlock+`
-- content/stories/c.md --
---
title: 丙
date: 2020-08-05
activity: help
---
丙。`+chartBlock+`
-- content/stories/d.md --
---
title: 丁
date: 2020-08-06
activity: help
draft: true
---
丁。
`)
	src, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var problems diag.List
	in := load.Load(src, &problems)
	want, err := site.Build(in, validate.Check(in, &problems), chart.Words{}, site.Photos{})
	if err != nil || problems.HasErrors() {
		t.Fatal(err, problems.Err())
	}

	in, stories := load.LoadAllButStories(src, &problems)
	cat, texts := validate.CheckAllButTexts(in, &problems)
	stream, got, err := site.Begin(in, cat, chart.Words{}, stories.Len())
	if err != nil {
		t.Fatal(err)
	}
	for i := range stories.Len() {
		d := stories.Load(i, &problems)
		if d == nil {
			continue
		}
		if _, _, err := stream.Story(i, d, texts.Check(d, &problems), nil); err != nil {
			t.Fatal(err)
		}
		stream.Forget(i)
	}
	if problems.HasErrors() {
		t.Fatal(problems.Err())
	}
	if stream.Finish() != got {
		t.Fatal("Finish gave another Site than Begin")
	}
	urls := func(pages []*site.Page) (out []string) {
		for _, p := range pages {
			out = append(out, p.URL)
		}
		return out
	}
	charts := func(s *site.Site) (out []string) {
		for _, c := range s.Charts {
			out = append(out, c.ID)
		}
		return out
	}
	slugs := func(stories []*site.Story) (out []string) {
		for _, s := range stories {
			out = append(out, s.Slug)
		}
		return out
	}
	if g, w := urls(got.Pages), urls(want.Pages); !slices.Equal(g, w) {
		t.Errorf("pages %q, want %q", g, w)
	}
	if g, w := charts(got), charts(want); !slices.Equal(g, w) || len(w) != 4 {
		t.Errorf("charts %q, want %q (4)", g, w)
	}
	if g, w := slugs(got.Stories), slugs(want.Stories); !slices.Equal(g, w) || len(w) != 3 {
		t.Errorf("stories %q, want %q (3)", g, w)
	}
	if g, w := slugs(got.Activities[0].Stories), slugs(want.Activities[0].Stories); !slices.Equal(g, w) {
		t.Errorf("the activity's stories %q, want %q", g, w)
	}
	for _, p := range got.Pages {
		if p.Kind == "story" && (p.Doc != nil || p.Resolved != nil) {
			t.Errorf("%s keeps its text", p.URL)
		}
	}
}
