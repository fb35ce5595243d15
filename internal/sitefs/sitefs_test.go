//go:build unix

// Pipes, devices and /proc are what these tests hand the site reader.
package sitefs_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// layout makes a site folder beside a secret file, with links of every kind.
func layout(t *testing.T) (string, *sitefs.FS) {
	t.Helper()
	top := t.TempDir()
	site := filepath.Join(top, "site")
	write := func(rel, data string) {
		p := filepath.Join(top, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, rel string) {
		if err := os.Symlink(target, filepath.Join(top, rel)); err != nil {
			t.Fatal(err)
		}
	}
	write("secret.txt", "AWS_SECRET_ACCESS_KEY=do-not-print")
	write("elsewhere/story.md", "outside")
	write("site/content/a.md", "inside")
	write("site/static/keep.txt", "kept")
	link("../content/a.md", "site/static/relative-in")
	link(filepath.Join(site, "content/a.md"), "site/static/absolute-in")
	link("../../secret.txt", "site/static/relative-out")
	link(filepath.Join(top, "secret.txt"), "site/static/absolute-out")
	link("/proc/self/environ", "site/static/env.txt")
	link("/dev/zero", "site/static/zero")
	link("../../elsewhere", "site/static/folder-out")
	link("missing.txt", "site/static/broken")
	link("loop-b", "site/static/loop-a")
	link("loop-a", "site/static/loop-b")
	link("content", "site/pages")
	if err := syscall.Mkfifo(filepath.Join(site, "content/pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys, err := sitefs.Open(site)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fsys.Close() })
	return site, fsys
}

func TestLinksInsideTheSiteAreFollowed(t *testing.T) {
	_, fsys := layout(t)
	for _, name := range []string{"content/a.md", "static/relative-in", "static/absolute-in", "pages/a.md"} {
		data, err := fs.ReadFile(fsys, name)
		if err != nil || string(data) != "inside" {
			t.Errorf("ReadFile(%s) = %q, %v; want the story", name, data, err)
		}
	}
	if info, err := fsys.Stat("pages"); err != nil || !info.IsDir() {
		t.Errorf("Stat(pages) = %v, %v; want the content folder", info, err)
	}
}

func TestLinksOutOfTheSiteAreRefusedWithoutTheirTarget(t *testing.T) {
	_, fsys := layout(t)
	for _, name := range []string{"static/relative-out", "static/absolute-out", "static/env.txt", "static/zero", "static/folder-out", "static/folder-out/story.md"} {
		for op, call := range map[string]func() error{
			"Open":     func() error { _, err := fsys.Open(name); return err },
			"ReadFile": func() error { _, err := fsys.ReadFile(name); return err },
			"Stat":     func() error { _, err := fsys.Stat(name); return err },
		} {
			err := call()
			if !errors.Is(err, sitefs.ErrOutside) {
				t.Errorf("%s(%s) = %v, want ErrOutside", op, name, err)
				continue
			}
			if msg := err.Error(); strings.Contains(msg, "secret") || strings.Contains(msg, "proc") || strings.Contains(msg, "/dev") || strings.Contains(msg, "elsewhere") {
				t.Errorf("%s(%s): the error names the link's target: %s", op, name, msg)
			}
		}
	}
	if _, err := fsys.ReadDir("static/folder-out"); !errors.Is(err, sitefs.ErrOutside) {
		t.Errorf("ReadDir(static/folder-out) = %v, want ErrOutside", err)
	}
	if _, err := fsys.Open("../secret.txt"); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("Open(../secret.txt) = %v, want ErrInvalid", err)
	}
}

func TestBrokenAndLoopingLinks(t *testing.T) {
	_, fsys := layout(t)
	if _, err := fsys.Open("static/broken"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(broken) = %v, want ErrNotExist", err)
	}
	if _, err := fsys.Open("static/loop-a"); err == nil {
		t.Error("Open(loop-a) succeeded")
	}
}

func TestPipesAreRefusedWithoutBlocking(t *testing.T) {
	_, fsys := layout(t)
	done := make(chan error, 1)
	go func() { _, err := fsys.ReadFile("content/pipe.md"); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, sitefs.ErrNotRegular) {
			t.Errorf("ReadFile(pipe) = %v, want ErrNotRegular", err)
		}
	case <-time.After(20 * time.Second): // a guard against hanging, not a speed check
		t.Fatal("reading a pipe blocked")
	}
	if info, err := fsys.Stat("content/pipe.md"); err != nil || info.Mode().IsRegular() {
		t.Errorf("Stat(pipe) = %v, %v; want a pipe described", info, err)
	}
}

func TestReadDirShowsLinksAsLinks(t *testing.T) {
	_, fsys := layout(t)
	entries, err := fsys.ReadDir("static")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 {
			names = append(names, e.Name())
		}
	}
	if got := strings.Join(names, " "); got != "absolute-in absolute-out broken env.txt folder-out loop-a loop-b relative-in relative-out zero" {
		t.Errorf("links listed: %s", got)
	}
	if err := fstest.TestFS(fsys, "content/a.md", "static/keep.txt"); err != nil && !strings.Contains(err.Error(), "pipe.md") {
		t.Error(err)
	}
}

func TestReadFileStopsAtTheLimitWhateverTheSize(t *testing.T) {
	fsys := fstest.MapFS{"exact": {Data: bytes.Repeat([]byte("a"), 100)}, "over": {Data: bytes.Repeat([]byte("a"), 101)}}
	if data, err := sitefs.ReadFile(fsys, "exact", 100); err != nil || len(data) != 100 {
		t.Errorf("100 bytes with a limit of 100: %d, %v", len(data), err)
	}
	if _, err := sitefs.ReadFile(fsys, "over", 100); !errors.Is(err, sitefs.ErrTooLarge) {
		t.Errorf("101 bytes with a limit of 100: %v, want ErrTooLarge", err)
	}
	// A file that says it is empty but never ends: what is read counts.
	if _, err := sitefs.ReadFile(endlessFS{}, "endless", 1<<20); !errors.Is(err, sitefs.ErrTooLarge) {
		t.Errorf("an endless file: %v, want ErrTooLarge", err)
	}
}

// A site's own files are read in their folder as any fs.FS's are: to the
// limit and no further, whatever their size.
func TestReadFileInTheSiteStopsAtTheLimit(t *testing.T) {
	site, fsys := layout(t)
	for name, size := range map[string]int{"empty.md": 0, "exact.md": 100, "over.md": 101, "long.md": 5000} {
		if err := os.WriteFile(filepath.Join(site, "content", name), bytes.Repeat([]byte("a"), size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string]int{"empty.md": 0, "exact.md": 100, "long.md": 5000} {
		if data, err := sitefs.ReadFile(fsys, "content/"+name, 5000); err != nil || len(data) != want {
			t.Errorf("%s: %d bytes, %v; want %d", name, len(data), err, want)
		}
	}
	if _, err := sitefs.ReadFile(fsys, "content/over.md", 100); !errors.Is(err, sitefs.ErrTooLarge) {
		t.Errorf("101 bytes with a limit of 100: %v, want ErrTooLarge", err)
	}
	if _, err := sitefs.ReadFile(fsys, "content/long.md", 4999); !errors.Is(err, sitefs.ErrTooLarge) {
		t.Errorf("5000 bytes with a limit of 4999: %v, want ErrTooLarge", err)
	}
}

// endlessFS has one file that reports size 0 and reads zeros for ever, as
// /dev/zero or a file under /proc does.
type endlessFS struct{}

func (endlessFS) Open(string) (fs.File, error) { return endless{}, nil }

type endless struct{}

func (endless) Stat() (fs.FileInfo, error) { return fstest.MapFS{"f": {}}.Stat("f") }
func (endless) Read(p []byte) (int, error) { clear(p); return len(p), nil }
func (endless) Close() error               { return nil }

var _ io.Reader = endless{}

// A device made inside the site (as root can) is refused like a pipe: a
// copy of /dev/zero would never end.
func TestDevicesAreRefused(t *testing.T) {
	site, fsys := layout(t)
	if err := syscall.Mknod(filepath.Join(site, "content/zero.md"), syscall.S_IFCHR|0o644, 1<<8|5); err != nil {
		t.Skipf("cannot make a device here: %v", err)
	}
	if _, err := fsys.ReadFile("content/zero.md"); !errors.Is(err, sitefs.ErrNotRegular) {
		t.Errorf("ReadFile(device) = %v, want ErrNotRegular", err)
	}
}
