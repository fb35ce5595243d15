package site_test

import (
	"os"
	"path/filepath"
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

const keptSite = `
-- site.yaml --
title: 测试站点
base_url: https://example.org/
-- data/campaign.yaml --
name: 测试活动
place: 测试市
source: paper
sources:
  - id: paper
    title: 测试报道
    publisher: 测试日报
    date: 2020-08-05
-- data/townships.yaml --
townships:
  - slug: longtan
    name: 龙潭镇
-- data/activities/help.yaml --
title: 帮扶活动
source: paper
metrics:
  - id: people
    label: 参与干部
    value: 12
    unit: 名
-- content/stories/a.md --
---
title: 甲
date: 2020-08-05
activity: help
townships: [longtan]
---
甲说到{{help.people}}。
-- content/stories/b.md --
---
title: 乙
date: 2020-08-04
activity: help
---
乙的话。
`

// keptBuilds builds the site in dir as a session does: parses kept by the
// load cache, checks by the memo, the model kept.
type keptBuilds struct {
	t     *testing.T
	dir   string
	docs  *load.DocCache
	memo  *validate.Memo
	kept  site.Kept
	words chart.Words
}

func (k *keptBuilds) build(changed ...string) *site.Site {
	k.t.Helper()
	src, err := sitefs.Open(k.dir)
	if err != nil {
		k.t.Fatal(err)
	}
	defer src.Close()
	if changed != nil {
		k.docs.Changed(changed)
	}
	var problems diag.List
	in := load.LoadCached(src, k.docs, &problems)
	cat := validate.CheckWith(in, &problems, k.memo)
	if err := problems.Err(); err != nil {
		k.t.Fatal(err)
	}
	s, err := site.BuildWith(in, cat, k.words, site.Photos{}, &k.kept)
	if err != nil {
		k.t.Fatal(err)
	}
	return s
}

func (k *keptBuilds) write(rel, text string) {
	if err := os.WriteFile(filepath.Join(k.dir, rel), []byte(text), 0o644); err != nil {
		k.t.Fatal(err)
	}
}

func newKeptBuilds(t *testing.T) *keptBuilds {
	return &keptBuilds{t: t, dir: sitetest.Write(t, keptSite), docs: load.NewDocCache(), memo: validate.NewMemo()}
}

func storyOf(s *site.Site, slug string) *site.Story {
	for _, st := range s.Stories {
		if st.Slug == slug {
			return st
		}
	}
	return nil
}

// fieldOf is the Field of the field name of the object *obj.
func fieldOf(obj any, name string) site.Field {
	return site.FieldAt(reflect.ValueOf(obj).Elem().FieldByName(name).UnsafeAddr())
}

// A story's text edited: the objects stay, and only the fields its text
// makes are noted as changed.
func TestAnEditedTextChangesItsOwnFieldsOnly(t *testing.T) {
	k := newKeptBuilds(t)
	first := k.build()
	k.kept.Commit()
	a, b := storyOf(first, "a"), storyOf(first, "b")
	k.write("content/stories/a.md", strings.Replace(readFile(t, k.dir, "content/stories/a.md"), "甲说到", "甲又说到", 1))
	second := k.build("content/stories/a.md")
	k.kept.Commit()
	if second == first {
		t.Fatal("the Site is the last build's object: a build is known by it")
	}
	if storyOf(second, "a") != a || storyOf(second, "b") != b || !slices.Equal(second.Pages, first.Pages) {
		t.Fatal("the update made new objects")
	}
	c := k.kept.Changes()
	if c.All {
		t.Fatal("an update noted as a new model")
	}
	if !slices.Contains(c.Fields, fieldOf(a.Page, "Doc")) || !slices.Contains(c.Fields, fieldOf(a.Page, "Resolved")) {
		t.Errorf("the text's page fields are not among the changes %v", c.Fields)
	}
	for _, name := range []string{"Title", "Date", "Summary", "Activity", "Townships"} {
		if slices.Contains(c.Fields, fieldOf(a, name)) {
			t.Errorf("%s of the story noted as changed", name)
		}
	}
	for _, name := range []string{"Doc", "Title", "Summary"} {
		if slices.Contains(c.Fields, fieldOf(b.Page, name)) {
			t.Errorf("%s of the other story's page noted as changed", name)
		}
	}
	for i := range reflect.TypeFor[site.Site]().NumField() {
		if slices.Contains(c.Fields, site.SiteField(i)) {
			t.Errorf("the Site's %s noted as changed", reflect.TypeFor[site.Site]().Field(i).Name)
		}
	}
}

// A story dated anew is listed anew: the lists and their fields change.
func TestADateEditedMovesTheStoryInTheLists(t *testing.T) {
	k := newKeptBuilds(t)
	first := k.build()
	k.kept.Commit()
	if first.Stories[0].Slug != "a" {
		t.Fatalf("stories %v", first.Stories)
	}
	k.write("content/stories/a.md", strings.Replace(readFile(t, k.dir, "content/stories/a.md"), "2020-08-05", "2020-08-01", 1))
	second := k.build("content/stories/a.md")
	if second.Stories[0].Slug != "b" {
		t.Fatalf("stories after the edit %v", second.Stories)
	}
	help := second.Activities[0]
	c := k.kept.Changes()
	for _, f := range []site.Field{fieldOf(help, "Stories"), fieldOf(storyOf(second, "a"), "Date"), site.SiteField(fieldIndex("Stories"))} {
		if !slices.Contains(c.Fields, f) {
			t.Errorf("%v not among the changes %v", f, c.Fields)
		}
	}
}

// A build undone puts every field back: the next update starts from the
// last committed model.
func TestRollbackPutsTheKeptModelBack(t *testing.T) {
	k := newKeptBuilds(t)
	first := k.build()
	k.kept.Commit()
	a := storyOf(first, "a")
	k.write("content/stories/a.md", strings.NewReplacer("title: 甲", "title: 甲二", "2020-08-05", "2020-08-01").Replace(readFile(t, k.dir, "content/stories/a.md")))
	k.build("content/stories/a.md")
	if a.Title != "甲二" || a.Page.Title != "甲二" {
		t.Fatalf("not updated: %q", a.Title)
	}
	k.kept.Rollback()
	if a.Title != "甲" || a.Page.Title != "甲" || a.Date.Day != 5 || first.Activities[0].Stories[0] != a {
		t.Fatalf("not put back: %q %v %v", a.Title, a.Date, first.Activities[0].Stories)
	}
	third := k.build() // every file read again: a's edit is still there
	if storyOf(third, "a") != a || a.Title != "甲二" || third.Stories[0].Slug != "b" {
		t.Fatalf("after the rollback: %q, %v", a.Title, third.Stories)
	}
}

// A figure edited: everything is made again into the kept objects, and
// only what shows the figure is noted as changed.
func TestADataEditChangesWhatShowsIt(t *testing.T) {
	k := newKeptBuilds(t)
	first := k.build()
	k.kept.Commit()
	a, b, help := storyOf(first, "a"), storyOf(first, "b"), first.Activities[0]
	k.write("data/activities/help.yaml", strings.Replace(readFile(t, k.dir, "data/activities/help.yaml"), "value: 12", "value: 13", 1))
	second := k.build("data/activities/help.yaml")
	k.kept.Commit()
	c := k.kept.Changes()
	if c.All || storyOf(second, "a") != a || second.Activities[0] != help || second.Campaign != first.Campaign {
		t.Fatal("a data edit made a new model")
	}
	for _, f := range []site.Field{fieldOf(help, "Metrics"), fieldOf(a, "Figures"), fieldOf(a.Page, "Resolved")} {
		if !slices.Contains(c.Fields, f) {
			t.Errorf("%v not among the changes %v", f, c.Fields)
		}
	}
	for _, f := range []site.Field{fieldOf(b, "Figures"), fieldOf(b.Page, "Resolved"), fieldOf(a, "Title"), fieldOf(a, "Villages"), fieldOf(help, "Title"), fieldOf(help, "Source"), fieldOf(help, "Stories")} {
		if slices.Contains(c.Fields, f) {
			t.Errorf("%v noted as changed", f)
		}
	}
	k.write("site.yaml", readFile(t, k.dir, "site.yaml")+"language: en\n")
	third := k.build("site.yaml")
	if !k.kept.Changes().All || storyOf(third, "a") == a {
		t.Fatal("a new language updated the kept model")
	}
}

func fieldIndex(name string) int {
	f, _ := reflect.TypeFor[site.Site]().FieldByName(name)
	return f.Index[0]
}

func readFile(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
