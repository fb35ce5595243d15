package scaffold_test

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/scaffold"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

const today = "2024-05-06"

// checkClean checks the site at dir as `jinzhan check` does and fails on
// any problem, warnings included.
func checkClean(t *testing.T, dir string) {
	t.Helper()
	opts := sitetest.Options(dir, "")
	opts.Today, _ = time.Parse(time.DateOnly, today)
	res, err := build.Run(opts)
	var list *diag.ListError
	if errors.As(err, &list) {
		t.Fatalf("check: %s", list.In("en"))
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		t.Errorf("check warns: %s", w.In("en"))
	}
}

// The starter site builds and checks clean in each language, and a story
// and an activity made by jinzhan new in it build too.
func TestNewSiteBuildsAndChecksClean(t *testing.T) {
	for _, lang := range scaffold.Languages {
		t.Run(lang, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "site")
			wrote, err := scaffold.NewSite(dir, lang, today)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"site.yaml", "data/campaign.yaml", "data/activities/example-activity.yaml", "content/_index.md", "content/activities/example-activity.md", "content/stories/example-story.md", "schema/activity.schema.json"} {
				if !strings.Contains(strings.Join(wrote, "\n")+"\n", want+"\n") {
					t.Errorf("no %s in %v", want, wrote)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "data/townships.yaml")); !errors.Is(err, os.ErrNotExist) {
				t.Error("a starter site needs no townships")
			}
			checkClean(t, dir)
			r := sitetest.Run(t, dir)
			if r.Err != nil {
				t.Fatalf("build: %v", r.Err)
			}
			r.AssertFile("index.html", `lang="`+lang+`"`)
			for _, kind := range scaffold.Kinds {
				if _, err := scaffold.New(dir, kind, "second-"+kind, today); err != nil {
					t.Fatalf("new %s: %v", kind, err)
				}
			}
			checkClean(t, dir)
			r = sitetest.Run(t, dir)
			if r.Err != nil {
				t.Fatalf("build after new story and activity: %v", r.Err)
			}
			r.AssertFile("stories/second-story/index.html")
			r.AssertFile("activities/second-activity/index.html")
			assertBuildsIgnored(t, dir)
		})
	}
}

// assertBuildsIgnored checks that the site's .gitignore ignores what its
// builds left in it: public/ and what they keep beside it (the site
// before last, the lock).
func assertBuildsIgnored(t *testing.T, dir string) {
	t.Helper()
	ignore, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	found := 0
	for _, e := range entries {
		name := e.Name()
		if name != "public" && !strings.HasPrefix(name, ".public.") {
			continue
		}
		found++
		ignored := false
		for line := range strings.Lines(string(ignore)) {
			pattern := strings.TrimSuffix(strings.TrimSpace(line), "/")
			if ok, _ := path.Match(pattern, name); ok && !strings.HasPrefix(pattern, "#") {
				ignored = true
			}
		}
		if !ignored {
			t.Errorf("a build left %s in the site, and .gitignore does not ignore it", name)
		}
	}
	if found < 2 {
		t.Errorf("only %d of what builds leave found (public/ and what is beside it)", found)
	}
}

// Its figures are placeholders anyone can see are not facts: every value
// is 0, beside a comment saying to replace it.
func TestNewSiteFiguresArePlaceholders(t *testing.T) {
	for _, lang := range scaffold.Languages {
		dir := filepath.Join(t.TempDir(), "site")
		if _, err := scaffold.NewSite(dir, lang, today); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"data/campaign.yaml", "data/activities/example-activity.yaml"} {
			data, _ := os.ReadFile(filepath.Join(dir, f))
			for _, line := range strings.Split(string(data), "\n") {
				value, ok := strings.CutPrefix(strings.TrimSpace(line), "value:")
				if !ok {
					continue
				}
				number, comment, _ := strings.Cut(value, "#")
				if strings.TrimSpace(number) != "0" || strings.TrimSpace(comment) == "" {
					t.Errorf("%s %s: %q is not a commented placeholder", lang, f, line)
				}
			}
		}
	}
}

// An English starter is English: no Chinese in its values and texts, and
// in its comments only the Chinese units and qualifiers it names as what
// an editor may also write. A Chinese starter is Chinese.
func TestNewSiteIsInItsLanguage(t *testing.T) {
	named := strings.NewReplacer("万人", "", "万元", "", "个", "", "支", "", "余", "", "多", "", "近", "", "约", "", "以上", "")
	for _, lang := range scaffold.Languages {
		dir := filepath.Join(t.TempDir(), "site")
		wrote, err := scaffold.NewSite(dir, lang, today)
		if err != nil {
			t.Fatal(err)
		}
		han := 0
		for _, f := range wrote {
			if strings.HasPrefix(f, "schema/") {
				continue // the schemas' descriptions are jinzhan's, in Chinese
			}
			data, _ := os.ReadFile(filepath.Join(dir, f))
			for n, line := range strings.Split(string(data), "\n") {
				text := line
				if _, comment, ok := strings.Cut(line, "#"); ok && lang == "en" {
					text = strings.Replace(line, comment, named.Replace(comment), 1)
				}
				if strings.IndexFunc(text, isHan) >= 0 {
					han++
					if lang == "en" {
						t.Errorf("en %s:%d: %s", f, n+1, line)
					}
				}
			}
		}
		if lang == "zh-CN" && han < 40 {
			t.Errorf("the Chinese starter has only %d lines in Chinese", han)
		}
		r := sitetest.Run(t, dir)
		if lang == "en" && r.Err == nil {
			r.AssertFile("activities/example-activity/index.html", "0 people", "! 0人")
		}
		if lang == "zh-CN" && r.Err == nil {
			r.AssertFile("activities/example-activity/index.html", "0个", "在这里写活动全称")
		}
	}
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func TestNewSiteOnlyInANewOrEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	if _, err := scaffold.NewSite(dir, "en", today); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("a folder with a file: %v", err)
	}
	if _, err := scaffold.NewSite(t.TempDir(), "fr", today); err == nil || !strings.Contains(err.Error(), "zh-CN or en") {
		t.Errorf("an unknown language: %v", err)
	}
	if _, err := scaffold.NewSite(t.TempDir(), "zh-CN", today); err != nil {
		t.Errorf("an empty folder: %v", err)
	}
}
