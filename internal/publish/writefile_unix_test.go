//go:build unix

package publish

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A pipe where a file written over was is replaced by the file, without
// waiting for a reader; so is a link, and what it leads to is untouched.
func TestWriteOverFileReplacesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside.txt")
	os.WriteFile(outside, []byte("keep"), 0o644)
	pipe, link := filepath.Join(dir, "pipe.html"), filepath.Join(dir, "link.html")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	os.Symlink(outside, link)
	later := instant{sec: time.Now().Add(time.Hour).Unix()}
	for _, p := range []string{pipe, link} {
		done := make(chan error, 1)
		go func() { done <- writeOverFile(p, []byte("page"), uint32(newFileMode(t)), later) }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(time.Minute): // an open waiting for a reader never returns
			t.Fatalf("%s: writing over it waited", filepath.Base(p))
		}
		if info, err := os.Lstat(p); err != nil || !info.Mode().IsRegular() {
			t.Errorf("%s: %v %v, want a regular file", filepath.Base(p), info, err)
		}
		if data, _ := os.ReadFile(p); string(data) != "page" {
			t.Errorf("%s holds %q", filepath.Base(p), data)
		}
	}
	if data, _ := os.ReadFile(outside); string(data) != "keep" {
		t.Errorf("the link's target holds %q", data)
	}
}
