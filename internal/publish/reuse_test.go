package publish

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The site before the previous one is kept as the spare and written over
// by the next build, which then holds the new site and nothing else.
func TestSpareIsWrittenOverIntoTheNewSiteAlone(t *testing.T) {
	first := map[string]string{"a.html": "1", "old/b.html": "2", "s/x/index.html": "x1", "s/y/index.html": "y1", "s/y/photo.jpg": "p"}
	dest := withSpare(t, first)
	spare := sparePath(dest)
	assertFiles(t, spare, first)
	kept := pin(t, filepath.Join(spare, "s/x/index.html"))

	third := map[string]string{"a.html": "3", "s/x/index.html": "x3 longer than before", "s/y/index.html": "y", "new/c.html": "c"}
	publishFiles(t, dest, third)
	assertFiles(t, dest, third)
	if now, err := os.Lstat(filepath.Join(dest, "s/x/index.html")); err != nil || !os.SameFile(now, kept) {
		t.Error("s/x/index.html was made anew, not written over")
	}
	if _, err := os.Lstat(spare); err != nil {
		t.Errorf("no spare after the third build: %v", err)
	}
}

// A name that was a folder becomes a file, and one that was a file a
// folder: the site written over holds the new ones alone.
func TestSpareWhereFilesAndFoldersTradePlaces(t *testing.T) {
	dest := withSpare(t, map[string]string{"a/index.html": "a", "a/sub/x.html": "x", "f": "f", "d/x.txt": "x", "s/g": "g"})
	next := map[string]string{"a": "a file now", "f/index.html": "a folder now", "d/x.txt": "x", "s/g/h/index.html": "deeper"}
	publishFiles(t, dest, next)
	assertFiles(t, dest, next)
}

// A file the spare holds with the very bytes to write is kept as it is:
// not written, its time unchanged (what a copy by time, rsync, wants).
func TestSpareFilesWithTheSameBytesAreKept(t *testing.T) {
	dest := withSpare(t, map[string]string{"a.html": "1", "s/x/index.html": "x", "s/y/index.html": "y"})
	before := pin(t, filepath.Join(sparePath(dest), "s/x/index.html"))
	next := map[string]string{"a.html": "1", "s/x/index.html": "x", "s/y/index.html": "y, changed"}
	publishFiles(t, dest, next)
	assertFiles(t, dest, next)
	after, err := os.Lstat(filepath.Join(dest, "s/x/index.html"))
	if err != nil || !os.SameFile(before, after) || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("s/x/index.html was written again (%v → %v, %v)", before.ModTime(), after.ModTime(), err)
	}
}

// What changed in a published site after its build — a file added, a
// folder or file replaced by a link, a file hard-linked elsewhere or
// chmod-ed — is not trusted when the site is written over: the new site
// holds only its own files, and nothing outside is touched.
func TestChangedSpareIsNotTrusted(t *testing.T) {
	if !canReuse {
		t.Skip("no spare on this system")
	}
	top := t.TempDir()
	dest := filepath.Join(top, "public")
	outside := filepath.Join(top, "outside")
	os.MkdirAll(outside, 0o755)
	os.WriteFile(filepath.Join(outside, "keep.txt"), []byte("keep"), 0o644)
	site := map[string]string{"a.html": "1", "old/b.html": "2", "s/x/index.html": "x", "s/y/index.html": "y", "s/z/index.html": "z"}
	publishSettled(t, dest, site)

	// An editor's changes to the published site, which becomes the spare.
	os.WriteFile(filepath.Join(dest, "s/x/extra.html"), []byte("extra"), 0o644)
	os.WriteFile(filepath.Join(dest, "verify.html"), []byte("extra"), 0o644)
	os.RemoveAll(filepath.Join(dest, "s/y"))
	if err := os.Symlink(outside, filepath.Join(dest, "s/y")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Remove(filepath.Join(dest, "old/b.html"))
	os.Symlink(filepath.Join(outside, "keep.txt"), filepath.Join(dest, "old/b.html"))
	if err := os.Link(filepath.Join(dest, "a.html"), filepath.Join(outside, "linked.html")); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(dest, "s/z/index.html"), 0o600)

	publishFiles(t, dest, map[string]string{"a.html": "second"})
	next := map[string]string{"a.html": "3", "old/b.html": "3", "s/x/index.html": "3", "s/y/index.html": "3", "s/z/index.html": "3"}
	publishFiles(t, dest, next)
	assertFiles(t, dest, next)
	assertFiles(t, outside, map[string]string{"keep.txt": "keep", "linked.html": "1"})
	if info, err := os.Stat(filepath.Join(dest, "s/z/index.html")); err != nil || info.Mode().Perm() != newFileMode(t) {
		t.Errorf("s/z/index.html: %v %v, want the mode of a new file", info, err)
	}
}

// A published site whose manifest was changed after its build (touched,
// rewritten) is not used as the spare: the change moved the time every
// check is made against, and would hide what changed before it.
func TestSpareWithAChangedManifestIsNotUsed(t *testing.T) {
	if !canReuse {
		t.Skip("no spare on this system")
	}
	dest := filepath.Join(t.TempDir(), "public")
	publishSettled(t, dest, map[string]string{"a.html": "1", "s/x/index.html": "x"})
	os.WriteFile(filepath.Join(dest, "s/x/extra.html"), []byte("extra"), 0o644)
	tick(t, dest)
	list := filepath.Join(dest, Manifest)
	data, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(list, data, 0o644) // the same bytes, a later time
	publishFiles(t, dest, map[string]string{"a.html": "2"})
	next := map[string]string{"a.html": "3", "s/x/index.html": "x"}
	publishFiles(t, dest, next)
	assertFiles(t, dest, next)
}

// A build given up after it took the spare — on an error, or killed —
// leaves it the spare again, which the next build takes: what the given-up
// build wrote into it is not trusted, what it did not touch is.
func TestGivenUpStageIsTheSpareAgain(t *testing.T) {
	dest := withSpare(t, map[string]string{"a.html": "1", "s/x/index.html": "x", "s/y/index.html": "y", "t/z/index.html": "z"})
	untouched := pin(t, filepath.Join(sparePath(dest), "t/z/index.html"))
	for _, killed := range []bool{false, true} {
		s, err := Begin(dest, testGuard(t))
		if err != nil {
			t.Fatal(err)
		}
		if s.reuse == nil {
			t.Fatal("the spare was not taken")
		}
		s.WriteFile("s/x/index.html", []byte("half"))
		s.WriteFile("s/new/index.html", []byte("half"))
		s.WriteFile("new.html", []byte("half"))
		if killed {
			s.unlock() // what the kernel does when the process dies: the stage stays
			continue
		}
		s.Abort()
		if _, err := os.Lstat(sparePath(dest)); err != nil {
			t.Fatalf("no spare after a build gave up: %v", err)
		}
	}
	next := map[string]string{"a.html": "3", "s/x/index.html": "x3", "s/y/index.html": "y3", "t/z/index.html": "z3"}
	publishFiles(t, dest, next)
	assertFiles(t, dest, next)
	assertNoLeftovers(t, dest)
	if now, err := os.Lstat(filepath.Join(dest, "t/z/index.html")); err != nil || !os.SameFile(now, untouched) {
		t.Error("a file no given-up build touched was made anew: the spare was not taken")
	}
}

// A spare jinzhan cannot use is not used: one an older jinzhan left (no
// manifest) is removed, a folder of that name jinzhan did not make is left
// alone; the build starts from an empty folder either way.
func TestSpareThatCannotBeUsed(t *testing.T) {
	if !canReuse {
		t.Skip("no spare on this system")
	}
	dest := filepath.Join(t.TempDir(), "public")
	spare := sparePath(dest)
	os.MkdirAll(spare, 0o755)
	os.WriteFile(filepath.Join(spare, Stamp), []byte(stampText), 0o644)
	os.WriteFile(filepath.Join(spare, "old.html"), []byte("old"), 0o644)
	publishFiles(t, dest, map[string]string{"a.html": "1"})
	if _, err := os.Lstat(spare); !os.IsNotExist(err) {
		t.Errorf("an older jinzhan's spare is still there: %v", err)
	}

	os.MkdirAll(spare, 0o755)
	os.WriteFile(filepath.Join(spare, "mine.txt"), []byte("mine"), 0o644)
	publishFiles(t, dest, map[string]string{"a.html": "2"})
	publishFiles(t, dest, map[string]string{"a.html": "3"})
	assertFiles(t, dest, map[string]string{"a.html": "3"})
	assertFiles(t, spare, map[string]string{"mine.txt": "mine"})
}

// assertFiles checks that dir holds exactly files (path → content), but for
// the files every build writes for the next.
func assertFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	got := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == Stamp || rel == Manifest {
			return nil
		}
		if !d.Type().IsRegular() {
			got[filepath.ToSlash(rel)] = "(" + d.Type().String() + ")"
			return nil
		}
		data, _ := os.ReadFile(p)
		got[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if !maps.Equal(got, files) {
		t.Errorf("%s holds %v, want %v", filepath.Base(dir), got, files)
		for _, k := range slices.Sorted(maps.Keys(got)) {
			if got[k] != files[k] {
				t.Logf("  %s: %q, want %q", k, got[k], files[k])
			}
		}
	}
}

// withSpare publishes site and another build after it, so that site is
// the spare of the destination it returns; the test is skipped where no
// spare is kept.
func withSpare(t *testing.T, site map[string]string) string {
	t.Helper()
	if !canReuse {
		t.Skip("no spare on this system")
	}
	dest := filepath.Join(t.TempDir(), "public")
	publishSettled(t, dest, site)
	publishFiles(t, dest, map[string]string{"other.html": "o"})
	return dest
}

// publishSettled publishes files at dest as publishFiles does, with a
// tick of the file clock between the files and the manifest, and after
// it: the folders are then older than the manifest, as in a build longer
// than a tick, and what changes after bears a later time. (A folder changed
// in the manifest's tick is not trusted, which is safe, but not the case
// these tests look at.)
func publishSettled(t *testing.T, dest string, files map[string]string) {
	t.Helper()
	publishFiles(t, dest, files, func() { tick(t, dest) })
	tick(t, dest)
}

// tick waits until the clock that times files has moved on.
func tick(t *testing.T, dest string) {
	t.Helper()
	probe := filepath.Join(filepath.Dir(dest), "probe")
	defer os.Remove(probe)
	var first instant
	for i := range 5000 {
		f, err := os.Create(probe)
		if err != nil {
			t.Fatal(err)
		}
		now, err := changedAt(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = now
		} else if first.before(now) {
			return
		}
		time.Sleep(100 * time.Microsecond)
	}
	t.Fatal("the file clock does not move")
}

// pin describes the file at p and keeps it open to the end of the test, so
// that no new file can take its number once it is removed: os.SameFile
// with it then means written over, not made anew.
func pin(t *testing.T, p string) fs.FileInfo {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// newFileMode is the mode a new file gets here (0644 less the umask).
func newFileMode(t *testing.T) fs.FileMode {
	p := filepath.Join(t.TempDir(), "probe")
	os.WriteFile(p, nil, 0o644)
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

// The manifest reads back what it wrote, and refuses a line that names a
// place outside the folder or is not a digest.
func TestManifestLines(t *testing.T) {
	written := []manifestLine{{"s/x/index.html", fileSum{Digest([]byte("x")), true}}, {"pagefind/a.pf", fileSum{}}, {"a.html", fileSum{Digest(nil), true}}}
	text := string(manifest(slices.Clone(written)))
	got := map[string]manifestLine{}
	for line := range strings.Lines(strings.TrimPrefix(text, manifestHeader)) {
		l, ok := parseManifestLine(strings.TrimSuffix(line, "\n"))
		if !ok {
			t.Fatalf("cannot read back %q", line)
		}
		got[l.path] = l
	}
	for _, w := range written {
		if got[w.path] != w {
			t.Errorf("%s: read back %+v, wrote %+v", w.path, got[w.path], w)
		}
	}
	for _, bad := range []string{"- ../x", "- /etc/passwd", "- a//b", "- a/./b", "zz00000000000000 a", "0123 a", "a.html", "- a\x01b"} {
		if _, ok := parseManifestLine(bad); ok {
			t.Errorf("%q read as a line", bad)
		}
	}
}
