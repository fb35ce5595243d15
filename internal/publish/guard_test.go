package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// site makes a site folder with a file in it, inside a folder of its own.
func site(t *testing.T) (top, src string) {
	top = t.TempDir()
	src = filepath.Join(top, "site")
	for _, p := range []string{"content/stories/a.md", "data/campaign.yaml", ".git/HEAD"} {
		os.MkdirAll(filepath.Join(src, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(src, p), []byte("x"), 0o644)
	}
	return top, src
}

func refusedFor(t *testing.T, g Guard, dest, want string) {
	t.Helper()
	err := g.Check(dest)
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("Check(%s) = %v, want it refused", dest, err)
	}
	if got := refused.In("en"); !strings.Contains(got, want) {
		t.Errorf("Check(%s) says %q, want %q", dest, got, want)
	}
	if zh := refused.In("zh-CN"); !strings.Contains(zh, "提示：") {
		t.Errorf("no Chinese: %q", zh)
	}
}

func TestDestinationMayNotBeTheSiteOrHoldIt(t *testing.T) {
	top, src := site(t)
	g := Guard{Source: src, Inputs: []string{"content", "data", "themes"}}
	refusedFor(t, g, src, "is the site folder itself")
	refusedFor(t, g, src+"/.", "is the site folder itself")
	refusedFor(t, g, top, "holds the site folder")
	refusedFor(t, g, "/", "holds the site folder")
	refusedFor(t, g, filepath.Join(src, "content"), "lies in content/")
	refusedFor(t, g, filepath.Join(src, "data/public"), "lies in data/")
	refusedFor(t, g, filepath.Join(src, "themes/x/public"), "lies in themes/")
	refusedFor(t, g, filepath.Join(src, "data/campaign.yaml"), "lies in data/")
	// Through a link, and with the site named through a link.
	os.Symlink(src, filepath.Join(top, "link-to-site"))
	refusedFor(t, g, filepath.Join(top, "link-to-site"), "is the site folder itself")
	refusedFor(t, Guard{Source: filepath.Join(top, "link-to-site")}, top, "holds the site folder")
	// The replace flag allows none of these.
	g.ReplaceForeign = true
	refusedFor(t, g, src, "is the site folder itself")
	refusedFor(t, g, filepath.Join(src, "content"), "lies in content/")
}

func TestDestinationOfSomeoneElseNeedsTheFlag(t *testing.T) {
	top, src := site(t)
	g := Guard{Source: src}
	home := filepath.Join(top, "home")
	os.MkdirAll(home, 0o755)
	os.WriteFile(filepath.Join(home, "notes.txt"), []byte("mine"), 0o644)
	refusedFor(t, g, home, "holds files that jinzhan did not put there")
	if _, err := Begin(home, g); err == nil {
		t.Fatal("Begin accepted a foreign folder")
	}
	if data, _ := os.ReadFile(filepath.Join(home, "notes.txt")); string(data) != "mine" {
		t.Fatal("a refused build touched the folder")
	}
	os.WriteFile(filepath.Join(top, "file"), nil, 0o644)
	refusedFor(t, g, filepath.Join(top, "file"), "is a file, not a folder")
	// New, empty and jinzhan's own folders are fine; so is a foreign one with the flag.
	for _, dest := range []string{filepath.Join(top, "new/public"), filepath.Join(src, "public")} {
		if err := g.Check(dest); err != nil {
			t.Errorf("Check(%s) = %v", dest, err)
		}
	}
	os.MkdirAll(filepath.Join(top, "empty"), 0o755)
	if err := g.Check(filepath.Join(top, "empty")); err != nil {
		t.Errorf("an empty folder: %v", err)
	}
	g.ReplaceForeign = true
	if err := g.Check(home); err != nil {
		t.Errorf("with --replace-foreign: %v", err)
	}
}

func TestPublishedFoldersAreStampedAndReplacedNextTime(t *testing.T) {
	top, src := site(t)
	g := Guard{Source: src}
	dest := filepath.Join(top, "public")
	for range 2 {
		s, err := Begin(dest, g)
		if err != nil {
			t.Fatal(err)
		}
		s.WriteFile("index.html", []byte("page"))
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, Stamp)); err != nil {
		t.Errorf("no stamp: %v", err)
	}
}

// A destination that is a link: the folder it leads to is replaced, the
// link stays.
func TestDestinationLinkIsFollowed(t *testing.T) {
	top, src := site(t)
	g := Guard{Source: src}
	target := filepath.Join(top, "www")
	link := filepath.Join(top, "public")
	os.Symlink(target, link)
	for _, page := range []string{"one", "two"} {
		s, err := Begin(link, g)
		if err != nil {
			t.Fatal(err)
		}
		s.WriteFile("index.html", []byte(page))
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(target, "index.html")); string(data) != "two" {
		t.Errorf("the linked folder holds %q", data)
	}
}
