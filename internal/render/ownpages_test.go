package render

import (
	"bytes"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/jinzhan-dev/jinzhan"
	"github.com/jinzhan-dev/jinzhan/internal/images"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/theme"
	"go.yaml.in/yaml/v3"
)

// hostile are strings that try to become markup or script, or to break out
// of an attribute or a URL.
var hostile = []string{
	`</script><script>alert(1)</script><img src=x onerror="alert(2)">__f__function(){}__f__'"`,
	`"><a href="javascript:alert(1)">&amp;&lt;+'`,
	"javascript:alert(1)",
	"JaVaScRiPt:alert(1)",
	"/stories/a b?c=d&e=f#g'h\"i<j>k%20\\",
	"mailto:someone@example.org",
	"https://example.org/路径/?q=北票",
	"\x1b]0;pwned\x07\x00\u0085\u2028\u202e\ufeff\xff\xfe",
	"//evil.example/",
	"",
}

// pageOf makes a story page, or with variant&64 a story list page, whose
// every shown string is one of a, b and u (u in the URLs); the rest of
// variant picks the language, charts, an activity, townships, a photo and
// pagination.
func pageOf(a, b, u string, variant uint8) (*site.Site, *site.Page) {
	s := &site.Site{Title: a, Description: b, BaseURL: u, Language: "zh-CN", Copyright: b,
		Menu: []site.Link{{URL: "/stories/", Label: a}, {URL: u, Label: b}}}
	if variant&1 != 0 {
		s.Language = "en"
	}
	act := &site.Activity{URL: u, Title: a, ShortTitle: b}
	town := &site.Township{URL: u, Name: a}
	st := &site.Story{URL: u, Title: a, Summary: b, Date: load.Date{Year: 2020, Month: 8, Day: 5}}
	p := &site.Page{URL: "/stories/x/", Kind: "story", Title: a, Summary: b, Story: st, Charts: variant&2 != 0}
	st.Page = p
	if variant&4 != 0 {
		st.Activity = act
		p.Activity = act
	}
	if variant&8 != 0 {
		st.Townships = []*site.Township{town, {URL: "/townships/t/", Name: b}}
	}
	if variant&16 != 0 {
		st.Photos = []*site.Photo{{Alt: a, Caption: b, Credit: a, Image: &images.Set{Variants: []images.Variant{{Path: u, Width: 480, Height: 320}}}}}
	}
	if variant&32 != 0 {
		p.URL = u
		s.Menu[1].URL = u
	}
	if variant&64 != 0 {
		other := &site.Story{URL: "/stories/y/", Title: b, Date: load.Date{Year: 2021, Month: 1, Day: 2}}
		l := &site.StoryList{Stories: []*site.Story{st, other}, Total: 41, Number: 1, Pages: 1}
		if variant&128 != 0 {
			l.Number, l.Pages, l.Prev, l.Next = 2, 3, u, u+"page/3/"
		}
		if variant&4 != 0 {
			l.Activity = act
		} else if variant&8 != 0 {
			l.Township = town
		}
		if variant&16 != 0 {
			l.Stories = nil
		}
		p = &site.Page{URL: p.URL, Kind: "stories", Title: b, Summary: a, List: l, Activity: l.Activity, Township: l.Township}
	}
	return s, p
}

// themeWithStrings is jinzhan's own theme with the interface strings its
// Go pages show set to a by the site (when YAML can hold a).
func themeWithStrings(t *testing.T, a string, lang string) *Theme {
	t.Helper()
	own := map[string]string{}
	for _, key := range []string{"breadcrumb", "kind_home", "kind_stories", "kind_story", "kind_townships", "skip_to_content", "figures_in_story",
		"main_menu", "made_with", "kind_data", "stories_of", "stories_lead", "page_of", "no_stories", "pagination", "page_prev", "page_next"} {
		own[key] = a
	}
	file, err := yaml.Marshal(own)
	if err != nil {
		t.Fatal(err)
	}
	siteFS := fstest.MapFS{"i18n/" + lang + ".yaml": {Data: file}}
	th, err := NewTheme(theme.New(siteFS, "default", jinzhan.DefaultTheme()), lang, load.PlaceNames{}, []byte("echarts"))
	if err != nil {
		// YAML cannot hold every string (a NUL, bytes that are not UTF-8).
		th, err = NewTheme(theme.New(fstest.MapFS{}, "default", jinzhan.DefaultTheme()), lang, load.PlaceNames{}, []byte("echarts"))
	}
	if err != nil {
		t.Fatal(err)
	}
	for kind := range ownLayouts {
		if th.own[kind] == nil {
			t.Fatalf("jinzhan's own theme does not write its %s pages in Go", kind)
		}
	}
	return th
}

// samePage renders p in Go and through the templates and requires the
// same bytes, or both to fail.
func samePage(t *testing.T, th *Theme, s *site.Site, p *site.Page) {
	t.Helper()
	if th.ownFor(p) == nil {
		t.Fatalf("a %s page is not written in Go", p.Kind)
	}
	var own, tmpl bytes.Buffer
	ownErr := th.Page(&own, s, p)
	tmplErr := th.TemplatePage(&tmpl, s, p)
	if (ownErr == nil) != (tmplErr == nil) {
		t.Fatalf("Go page error %v, templates' %v", ownErr, tmplErr)
	}
	if ownErr == nil && !bytes.Equal(own.Bytes(), tmpl.Bytes()) {
		t.Fatalf("%s", firstDifference(own.Bytes(), tmpl.Bytes()))
	}
}

// firstDifference shows where two pages part.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-120)
	return fmt.Sprintf("Go page differs from the templates' at byte %d:\nGo:        %q\ntemplates: %q", i, got[from:min(len(got), i+120)], want[from:min(len(want), i+120)])
}

// FuzzOwnPages renders a story page or a story list in Go and through the
// templates with the fuzzer's strings in every field the page shows, its
// URLs and the interface strings: the bytes must be the same.
func FuzzOwnPages(f *testing.F) {
	for i, a := range hostile {
		for j, b := range hostile {
			f.Add(a, b, hostile[(i+j)%len(hostile)], uint8(i*7+j*13))
		}
	}
	for v := range 256 {
		n := len(hostile)
		f.Add(hostile[v%n], hostile[(v/3)%n], hostile[(v/7)%n], uint8(v))
	}
	themes := map[string]*Theme{}
	f.Fuzz(func(t *testing.T, a, b, u string, variant uint8) {
		s, p := pageOf(a, b, u, variant)
		key := a + "\x00" + s.Language
		th, ok := themes[key]
		if !ok {
			th = themeWithStrings(t, a, s.Language)
			if len(themes) < 64 {
				themes[key] = th
			}
		}
		samePage(t, th, s, p)
	})
}
