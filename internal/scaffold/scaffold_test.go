package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

func TestNewActivityNamesItsSchema(t *testing.T) {
	root := t.TempDir()
	wrote, err := New(root, "activity", "my-activity", "2020-08-05")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, wrote[0]))
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(data), "\n")
	if want := "# yaml-language-server: $schema=../../schema/activity.schema.json"; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
	if !strings.HasPrefix(rest, "# 一项活动的数据。") || !strings.Contains(rest, "as_of: 2020-08-05\n") {
		t.Errorf("the template does not follow the first line:\n%s", data)
	}
	// The schema the first line names is there, in a site kept anywhere.
	target := strings.TrimPrefix(first, "# yaml-language-server: $schema=")
	if _, err := os.Stat(filepath.Join(root, filepath.Dir(wrote[0]), target)); err != nil {
		t.Errorf("the first line names a schema that is not there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "content/activities/my-activity.md")); err != nil {
		t.Errorf("no narrative beside the data: %v (wrote %v)", err, wrote)
	}
}

func TestNewStoryHasNoModeline(t *testing.T) {
	root := t.TempDir()
	wrote, err := New(root, "story", "my-story", "2020-08-05")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(root, wrote[0]))
	if !strings.HasPrefix(string(data), "---\n") {
		t.Errorf("a story must start with its front matter:\n%s", data)
	}
}

func TestNewWritesNothingOutsideTheSite(t *testing.T) {
	root, elsewhere := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(root, "content"), 0o755)
	if err := os.Symlink(elsewhere, filepath.Join(root, "content/stories")); err != nil {
		t.Fatal(err)
	}
	if _, err := New(root, "story", "my-story", "2020-08-05"); err == nil {
		t.Error("a story was written through a link out of the site")
	}
	if err := os.Symlink(elsewhere, filepath.Join(root, "schema")); err != nil {
		t.Fatal(err)
	}
	if _, err := New(root, "activity", "linked", "2020-08-05"); err == nil {
		t.Error("schemas were written through a link out of the site")
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("written outside the site: %v", entries)
	}
	os.MkdirAll(filepath.Join(root, "data/activities"), 0o755)
	os.WriteFile(filepath.Join(root, "data/activities/taken.yaml"), nil, 0o644)
	if _, err := New(root, "activity", "taken", "2020-08-05"); err == nil || !strings.Contains(err.Error(), "已经存在") {
		t.Errorf("an existing file: %v", err)
	}
}

// A schema from another jinzhan is brought up to date; a pipe in its
// place is replaced, never opened (opening it would wait for a writer).
func TestNewActivityRefreshesTheSchemas(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "schema"), 0o755)
	os.WriteFile(filepath.Join(root, "schema/activity.schema.json"), []byte("{}"), 0o644)
	sitetest.Mkfifo(t, filepath.Join(root, "schema/site.schema.json"))
	done := make(chan error, 1)
	go func() { _, err := New(root, "activity", "my-activity", "2020-08-05"); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("jinzhan new waits on a pipe")
	}
	for _, name := range []string{"activity", "site"} {
		info, err := os.Lstat(filepath.Join(root, "schema", name+".schema.json"))
		if err != nil || !info.Mode().IsRegular() || info.Size() < 100 {
			t.Errorf("schema/%s.schema.json not rewritten: %v %v", name, info, err)
		}
	}
	// Up-to-date schemas are left alone: only the new files are reported.
	wrote, err := New(root, "activity", "second", "2020-08-05")
	if err != nil || len(wrote) != 2 {
		t.Errorf("wrote %v, want the data file and its narrative (%v)", wrote, err)
	}
}

// A new file takes the site's language and words: its default source, an
// activity to belong to and a figure of it to cite.
func TestNewFileSpeaksTheSiteLanguage(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "data/activities"), 0o755)
	os.WriteFile(filepath.Join(root, "site.yaml"), []byte("title: x\nbase_url: https://x.example/\nlanguage: en\n"), 0o644)
	os.WriteFile(filepath.Join(root, "data/campaign.yaml"), []byte("name: x\nsource: white-paper\n"), 0o644)
	os.WriteFile(filepath.Join(root, "data/activities/poverty.yaml"), []byte("title: x\nmetrics:\n  - id: relocated\n"), 0o644)
	for _, c := range []struct {
		kind string
		want []string
	}{
		{"story", []string{"title: Write the title here\n", "activity: poverty\n", "{{poverty.relocated}}"}},
		{"activity", []string{"title: Write the activity's full name here\n", "source: white-paper\n", "unit: people"}},
	} {
		kind, want := c.kind, c.want
		wrote, err := New(root, kind, "new-"+kind, "2021-04-06")
		if err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(filepath.Join(root, wrote[0]))
		for _, w := range want {
			if !strings.Contains(string(data), w) {
				t.Errorf("new %s lacks %q:\n%s", kind, w, data)
			}
		}
	}
}

// jinzhan new answers in the site's language: a Chinese site (or a folder
// whose site.yaml names none) in Chinese, an English one in English.
func TestNewAnswersInTheSiteLanguage(t *testing.T) {
	for _, c := range []struct{ siteYAML, badSlug, exists string }{
		{"title: 测试\n", `"第一书记" 不能用作网址：请用小写拼音、数字和 -，例如 new-village-road`, "content/stories/taken.md 已经存在，没有改动它"},
		{"title: Test\nlanguage: en\n", `"第一书记" cannot be a URL: use lowercase pinyin, digits and -, e.g. new-village-road`, "content/stories/taken.md already exists: it was left as it is"},
	} {
		root := t.TempDir()
		os.WriteFile(filepath.Join(root, "site.yaml"), []byte(c.siteYAML), 0o644)
		if _, err := New(root, "story", "第一书记", "2020-08-05"); err == nil || err.Error() != c.badSlug {
			t.Errorf("%q: a Chinese name: %v, want %s", c.siteYAML, err, c.badSlug)
		}
		if _, err := New(root, "story", "taken", "2020-08-05"); err != nil {
			t.Fatal(err)
		}
		if _, err := New(root, "story", "taken", "2020-08-05"); err == nil || err.Error() != c.exists {
			t.Errorf("%q: a file there: %v, want %s", c.siteYAML, err, c.exists)
		}
	}
}
