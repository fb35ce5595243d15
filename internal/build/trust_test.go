package build_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// Links that stay in the site are read as the files they lead to, relative
// or absolute: a site may keep drafts in a folder of its own and link them.
func TestLinksInsideTheSiteAreBuilt(t *testing.T) {
	dir := sitetest.Write(t, baseSite+`
-- drafts/ducks.md --
---
title: 养鸭
date: 2020-08-06
activity: help
---
养鸭的故事。
-- drafts/site.css --
body { color: black }
`)
	if err := os.Symlink("../../drafts/ducks.md", filepath.Join(dir, "content/stories/ducks.md")); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "static"), 0o755)
	if err := os.Symlink(filepath.Join(dir, "drafts/site.css"), filepath.Join(dir, "static/extra.css")); err != nil {
		t.Fatal(err)
	}
	r := sitetest.Run(t, dir)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	r.AssertFile("stories/ducks/index.html", "养鸭的故事。")
	r.AssertFile("extra.css", "color: black")
}
