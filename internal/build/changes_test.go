package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// The report after a build names every page whose content changed, not
// only pages added or removed and figures changed: a prose edit, an
// interface string overridden and a new chart each change pages without
// changing a figure.
func TestChangeReportNamesChangedPages(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	if first := sitetest.Run(t, dir); first.Err != nil {
		t.Fatal(first.Err)
	}
	rebuild := func(what string, edit func()) string {
		t.Helper()
		edit()
		r := sitetest.Run(t, dir)
		if r.Err != nil {
			t.Fatalf("%s: %v", what, r.Err)
		}
		return strings.Join(r.Build.Changes.Lines("zh-CN"), "\n")
	}
	edit := func(name, old, new string) func() {
		return func() {
			p := filepath.Join(dir, name)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, c := range []struct {
		what string
		edit func()
		want string
	}{
		{"nothing", func() {}, "页面和数据都没有变化"},
		{"prose", edit("content/stories/forestry.md", "林草局送去", "林草局为农户送去"),
			"与上次生成相比：\n  ~ 改动页面 /stories/forestry/"},
		{"i18n", func() {
			if err := os.MkdirAll(filepath.Join(dir, "i18n"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "i18n/zh-CN.yaml"), []byte("key_figures: 关键数据\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "与上次生成相比：\n  ~ 改动页面 /\n  ~ 改动页面 /activities/help/"},
		{"prose, after a build that kept no digests", func() {
			if err := os.Remove(filepath.Join(dir, "public", build.DigestsFile)); err != nil {
				t.Fatal(err)
			}
			edit("content/stories/forestry.md", "为农户", "为")()
		}, "与上次生成相比：\n  ~ 改动页面 /stories/forestry/"},
		{"chart", edit("data/activities/help.yaml", "charts:\n", "charts:\n  - type: bar\n    title: 走访与资金\n    metrics: [people, visits]\n"),
			// /data/ lists every chart's image.
			"与上次生成相比：\n  ~ 改动页面 /activities/help/\n  ~ 改动页面 /data/"},
	} {
		got := rebuild(c.what, c.edit)
		if got != c.want {
			t.Errorf("after %s the report says:\n%s\nwant:\n%s", c.what, got, c.want)
		}
	}
}
