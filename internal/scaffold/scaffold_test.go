package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewActivityNamesItsSchema(t *testing.T) {
	root := t.TempDir()
	rel, err := New(root, "activity", "my-activity", "2020-08-05")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	first, rest, _ := strings.Cut(string(data), "\n")
	if want := "# yaml-language-server: $schema=../../schema/activity.schema.json"; first != want {
		t.Errorf("first line %q, want %q", first, want)
	}
	if !strings.HasPrefix(rest, "# 活动数据文件。") || !strings.Contains(rest, "as_of: 2020-08-05\n") {
		t.Errorf("the template does not follow the first line:\n%s", data)
	}
}

func TestNewStoryHasNoModeline(t *testing.T) {
	root := t.TempDir()
	rel, err := New(root, "story", "my-story", "2020-08-05")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(root, rel))
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
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Errorf("written outside the site: %v", entries)
	}
	os.MkdirAll(filepath.Join(root, "data/activities"), 0o755)
	os.WriteFile(filepath.Join(root, "data/activities/taken.yaml"), nil, 0o644)
	if _, err := New(root, "activity", "taken", "2020-08-05"); err == nil || !strings.Contains(err.Error(), "已经存在") {
		t.Errorf("an existing file: %v", err)
	}
}

// jinzhan new answers in the site's language: a Chinese site (or a folder
// whose site.yaml names none) in Chinese, an English one in English.
func TestNewAnswersInTheSiteLanguage(t *testing.T) {
	for _, c := range []struct{ siteYAML, badSlug, exists string }{
		{"title: 测试\n", `"第一书记" 不能用作网址：请用小写拼音、数字和 -，例如 baoguolao-volunteers`, "content/stories/taken.md 已经存在，没有改动它"},
		{"title: Test\nlanguage: en\n", `"第一书记" cannot be a URL: use lowercase pinyin, digits and -, e.g. baoguolao-volunteers`, "content/stories/taken.md already exists: it was left as it is"},
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
