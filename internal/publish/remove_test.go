package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// removeTree removes a site whole and nothing its links lead to.
func TestRemoveTreeRemovesTheSiteAndNotWhatItLinksTo(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside")
	site := filepath.Join(dir, "site")
	for _, p := range []string{"outside/keep.txt", "site/index.html", "site/stories/a/index.html", "site/stories/b/index.html",
		"site/assets/css/site.css", "site/deep/1/2/3/4/x.html"} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, link := range []string{"site/to-outside", "site/stories/to-outside", "site/stories/a/to-outside"} {
		if err := os.Symlink(outside, filepath.Join(dir, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	if err := removeTree(site); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(site); !os.IsNotExist(err) {
		t.Errorf("the site is still there: %v", err)
	}
	if data, err := os.ReadFile(filepath.Join(outside, "keep.txt")); err != nil || string(data) != "outside/keep.txt" {
		t.Errorf("a file a link led to was touched: %q %v", data, err)
	}
}
