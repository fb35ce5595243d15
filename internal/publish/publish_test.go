package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommitReplacesDestinationWhole(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	publishFiles(t, dest, map[string]string{"a.html": "1", "old/b.html": "2"})
	publishFiles(t, dest, map[string]string{"a.html": "3"})
	assertSite(t, dest, "3")
}

func TestAbortAndKilledBuildsLeaveDestination(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(dest, 0o755)
	os.WriteFile(filepath.Join(dest, "index.html"), []byte("live"), 0o644)
	os.WriteFile(filepath.Join(dest, Stamp), []byte(stampText), 0o644) // a previous build's
	s, err := Begin(dest, testGuard(t))
	if err != nil {
		t.Fatal(err)
	}
	s.WriteFile("index.html", []byte("half"))
	s.Abort()
	// A build killed before Commit leaves its stage; the next build clears it.
	killed, _ := Begin(dest, testGuard(t))
	killed.WriteFile("index.html", []byte("half"))
	killed.unlock() // what the kernel does when the process dies
	next, _ := Begin(dest, testGuard(t))
	if _, err := os.Stat(killed.Dir()); !os.IsNotExist(err) {
		t.Error("leftover stage of a killed build not removed")
	}
	next.Abort()
	if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "live" {
		t.Errorf("destination changed: %q", data)
	}
}

func TestWriteStaysInside(t *testing.T) {
	s, _ := Begin(filepath.Join(t.TempDir(), "public"), testGuard(t))
	defer s.Abort()
	if err := s.WriteFile("../escape.html", nil); err == nil {
		t.Error("wrote outside the stage")
	}
}

// testGuard keeps a test's destinations away from a site folder of its own.
func testGuard(t *testing.T) Guard {
	return Guard{Source: t.TempDir(), Inputs: []string{"content", "data"}}
}

func TestNameOK(t *testing.T) {
	for name, want := range map[string]bool{
		"stories/x/index.html":                  true,
		"images/泉巨永乡.jpg":                       true,
		"images/" + strings.Repeat("a", 255):    true,
		"images/" + strings.Repeat("a", 256):    false,
		strings.Repeat("乡", 86) + "/index.html": false, // 258 bytes
		"a/\x00b": false,
		"a/b\nc":  false,
		"a//b":    false,
		"a/../b":  false,
	} {
		if got := NameOK(name); got != want {
			t.Errorf("NameOK(%q) = %v, want %v", name, got, want)
		}
	}
	s, _ := Begin(filepath.Join(t.TempDir(), "public"), testGuard(t))
	defer s.Abort()
	if err := s.WriteFile("images/"+strings.Repeat("a", 256), nil); err == nil || strings.Contains(err.Error(), s.Dir()) {
		t.Errorf("a name too long: %v (want a refusal naming the published path, not the staging folder)", err)
	}
}

// Where two folders cannot be exchanged in one step (Windows), the commit
// renames twice: the new site replaces the old one whole, and nothing is
// left beside it.
func TestCommitByTwoRenames(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	publishFiles(t, dest, map[string]string{"a.html": "1", "old/b.html": "2"})
	s, err := Begin(dest, testGuard(t))
	if err != nil {
		t.Fatal(err)
	}
	s.WriteFile("a.html", []byte("3"))
	err = s.renameTwice(instant{})
	s.unlock()
	if err != nil {
		t.Fatal(err)
	}
	assertSite(t, dest, "3")
}

// A build killed between the two renames leaves the destination missing
// and the previous site set aside: the next build puts it back before
// anything else, so a failure of that build still leaves the site.
func TestSiteSetAsideByAKilledCommitIsPutBack(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	publishFiles(t, dest, map[string]string{"a.html": "live"})
	killed, err := Begin(dest, testGuard(t))
	if err != nil {
		t.Fatal(err)
	}
	killed.WriteFile("a.html", []byte("half"))
	aside := killed.dir[:strings.LastIndex(killed.dir, ".building-")] + ".old-" + filepath.Base(killed.dir)
	if err := os.Rename(dest, aside); err != nil { // the first rename, then the kill
		t.Fatal(err)
	}
	killed.unlock()
	next, err := Begin(dest, testGuard(t))
	if err != nil {
		t.Fatal(err)
	}
	next.Abort()
	if data, _ := os.ReadFile(filepath.Join(dest, "a.html")); string(data) != "live" {
		t.Errorf("a.html = %q, want the previous site's", data)
	}
	assertNoLeftovers(t, dest)
}

// publishFiles publishes files at dest, calling beforeCommit (if any)
// between the files and the commit.
func publishFiles(t *testing.T, dest string, files map[string]string, beforeCommit ...func()) {
	t.Helper()
	s, err := Begin(dest, testGuard(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := s.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range beforeCommit {
		f()
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
}

// assertSite checks that dest is the second site of a test: a.html holds
// a, and no file of the first one is left.
func assertSite(t *testing.T, dest, a string) {
	t.Helper()
	if data, _ := os.ReadFile(filepath.Join(dest, "a.html")); string(data) != a {
		t.Errorf("a.html = %q", data)
	}
	if _, err := os.Stat(filepath.Join(dest, "old/b.html")); !os.IsNotExist(err) {
		t.Error("a file of the previous build survived")
	}
	assertNoLeftovers(t, dest)
}

func assertNoLeftovers(t *testing.T, dest string) {
	t.Helper()
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public.[bo]*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
