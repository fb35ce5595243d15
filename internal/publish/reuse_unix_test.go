//go:build unix

package publish

import (
	"os"
	"testing"
)

// A stage taken from the spare keeps its folder open while the build
// writes (the checks look files up from it) and lets it go when it is
// committed or given up: a preview commits a stage on every save.
func TestStageTakenFromTheSpareLetsItsFolderGo(t *testing.T) {
	dest := withSpare(t, map[string]string{"a.html": "1", "s/x/index.html": "x"})
	for _, commit := range []bool{true, false} {
		before := openFiles(t)
		s, err := Begin(dest, testGuard(t))
		if err != nil {
			t.Fatal(err)
		}
		if s.reuse == nil {
			t.Fatal("the spare was not taken")
		}
		if err := s.WriteFile("s/x/index.html", []byte("x")); err != nil {
			t.Fatal(err)
		}
		if commit {
			if err := s.Commit(); err != nil {
				t.Fatal(err)
			}
			tick(t, dest)
		} else {
			s.Abort()
		}
		if after := openFiles(t); after != before {
			t.Errorf("commit %v: %d files open before the stage, %d after", commit, before, after)
		}
	}
}

// openFiles counts the process's open files.
func openFiles(t *testing.T) int {
	entries, err := os.ReadDir("/dev/fd")
	if err != nil {
		t.Skip("no /dev/fd:", err)
	}
	return len(entries)
}
