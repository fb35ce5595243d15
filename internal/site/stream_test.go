package site_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
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

// streamStories makes the model of the site in src as a streamed build
// does, up to Finish: every story made, and let go when forget is set.
func streamStories(t *testing.T, src *sitefs.FS, forget bool) (*site.Stream, *site.Site) {
	t.Helper()
	var problems diag.List
	in, stories := load.LoadAllButStories(src, &problems)
	cat, texts := validate.CheckAllButTexts(in, &problems)
	stream, model, err := site.Begin(in, cat, chart.Words{}, stories.Len())
	if err != nil {
		t.Fatal(err)
	}
	for i := range stories.Len() {
		d := stories.Load(i, &problems)
		if d == nil {
			continue // a draft
		}
		if _, _, err := stream.Story(i, d, texts.Check(d, &problems), nil); err != nil {
			t.Fatal(err)
		}
		if forget {
			stream.Forget(i)
		}
	}
	if problems.HasErrors() {
		t.Fatal(problems.Err())
	}
	return stream, model
}

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

	stream, got := streamStories(t, src, true)
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

// dumpModel writes every value reachable from v but the fields Finish
// sets (site.FinishedFields), following pointers once each.
func dumpModel(b *strings.Builder, v reflect.Value, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if seen[v.Pointer()] {
			fmt.Fprintf(b, "@%s", v.Type())
			return
		}
		seen[v.Pointer()] = true
		dumpModel(b, v.Elem(), seen)
	case reflect.Struct:
		b.WriteString(v.Type().String() + "{")
		finished := site.FinishedFields[v.Type()]
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() && !slices.Contains(finished, f.Name) {
				b.WriteString(f.Name + ":")
				dumpModel(b, v.Field(i), seen)
				b.WriteString(" ")
			}
		}
		b.WriteString("}")
	case reflect.Slice, reflect.Array:
		b.WriteString("[")
		for i := range v.Len() {
			dumpModel(b, v.Index(i), seen)
			b.WriteString(",")
		}
		b.WriteString("]")
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(x, y reflect.Value) int { return strings.Compare(fmt.Sprint(x), fmt.Sprint(y)) })
		b.WriteString("map[")
		for _, k := range keys {
			fmt.Fprintf(b, "%v:", k)
			dumpModel(b, v.MapIndex(k), seen)
			b.WriteString(",")
		}
		b.WriteString("]")
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		dumpModel(b, v.Elem(), seen)
	default:
		if v.CanInterface() {
			fmt.Fprintf(b, "%v", v.Interface())
		}
	}
}

// Finish sets no field of the model but site.FinishedFields: what a story
// page streamed before it reads is final. The site has what Finish adds
// to: stories, an activity whose summary comes from its text, a home
// text, a page, chart blocks.
func TestFinishSetsOnlyFinishedFields(t *testing.T) {
	dir := sitetest.Write(t, keptSite+`
-- content/activities/help.md --
---
title: 帮扶
summary: 帮扶的概要。
---
帮扶。`+chartBlock+`
-- content/_index.md --
---
title: 首页
---
首页。`+chartBlock+`
-- content/about.md --
---
title: 关于
---
关于。
`)
	src, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	stream, model := streamStories(t, src, false)
	var before, after strings.Builder
	dumpModel(&before, reflect.ValueOf(model), map[uintptr]bool{})
	stream.Finish()
	dumpModel(&after, reflect.ValueOf(model), map[uintptr]bool{})
	if before.String() != after.String() {
		b, a := before.String(), after.String()
		i := 0
		for i < len(b) && i < len(a) && b[i] == a[i] {
			i++
		}
		t.Fatalf("Finish set a field not in site.FinishedFields, at byte %d:\nbefore %q\nafter  %q", i, b[max(0, i-200):min(len(b), i+100)], a[max(0, i-200):min(len(a), i+100)])
	}
	if model.Activities[0].Summary != "帮扶的概要。" || len(model.Stories) != 2 || len(model.Pages) < 8 {
		t.Errorf("Finish did not do its part: summary %q, %d stories, %d pages", model.Activities[0].Summary, len(model.Stories), len(model.Pages))
	}
}
