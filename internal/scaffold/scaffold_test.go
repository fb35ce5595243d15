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
