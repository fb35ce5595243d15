package load

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// The preview lists the site again only when a change may have made its
// listing untrue.
func TestListingIsKeptWhileTheChangesLeaveItTrue(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: t\nbase_url: https://x.org/\n")
	write("content/stories/a.md", "---\ntitle: a\n---\n")
	write("images/p.jpg", "12345")
	fsys, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	l := scan(fsys, func(*tree) string { return "" })
	for _, c := range []struct {
		what    string
		changed []string
		prepare func()
		kept    bool
	}{
		{"a story saved", []string{"content/stories/a.md"}, func() { write("content/stories/a.md", "---\ntitle: b\n---\n") }, true},
		{"an editor's temporary file that came and went", []string{"content/stories/.a.md.swp", "content/stories/a.md~", "content/stories/a.md"}, nil, true},
		{"a file outside the input folders", []string{"public/index.html", "notes.txt"}, nil, true},
		{"a photo replaced", []string{"images/p.jpg"}, func() { write("images/p.jpg", "123") }, true},
		{"a new story", []string{"content/stories/b.md"}, func() { write("content/stories/b.md", "---\ntitle: b\n---\n") }, false},
		{"a story removed", []string{"content/stories/a.md"}, func() { os.Remove(filepath.Join(dir, "content/stories/a.md")) }, false},
		{"a new folder", []string{"content/stories/more"}, func() { os.Mkdir(filepath.Join(dir, "content/stories/more"), 0o755) }, false},
		{"site.yaml, which names the theme", []string{"site.yaml"}, nil, false},
	} {
		if c.prepare != nil {
			c.prepare()
		}
		changed := map[string]bool{}
		for _, p := range c.changed {
			changed[p] = true
		}
		if got := l.stillListed(fsys, changed); got != c.kept {
			t.Errorf("%s: kept %v, want %v", c.what, got, c.kept)
		}
		if c.what == "a photo replaced" && l.files.files["images/p.jpg"] != 3 {
			t.Errorf("a replaced photo keeps its old size %d", l.files.files["images/p.jpg"])
		}
	}
	// A load through a cache told of no change lists again.
	cache := NewDocCache()
	cache.keepListing(l)
	if cache.listing(fsys) != nil {
		t.Error("a listing was trusted without a list of changes")
	}
	var list diag.List
	LoadCached(fsys, cache, &list)
	cache.Changed([]string{"content/stories/b.md"})
	if cache.listing(fsys) == nil {
		t.Error("the listing was not kept for a saved story")
	}
}
