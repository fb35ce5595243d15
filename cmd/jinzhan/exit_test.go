package main

import (
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A failure of the machine — not of the input, not of the command line —
// exits 3: a destination that cannot be written, a port in use, Pagefind
// that fails, a new site where no folder can be made.
func TestEnvironmentFailuresExitThree(t *testing.T) {
	site := exampleWithStories(t, 0, "")
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := strconv.Itoa(taken.Addr().(*net.TCPAddr).Port)
	for _, args := range [][]string{
		{"build", "--source", site, "--destination", filepath.Join(file, "public"), "--search=false"},
		{"build", "--source", site, "--destination", filepath.Join(t.TempDir(), "public"), "--pagefind", filepath.Join(t.TempDir(), "no-pagefind")},
		{"serve", "--source", site, "--port", port},
		{"new", "site", filepath.Join(file, "site")},
	} {
		code, _, stderr := runCLI(args...)
		if code != exitEnv || !strings.HasPrefix(stderr, "jinzhan: ") {
			t.Errorf("%s: exit %d, want %d\n%s", strings.Join(args, " "), code, exitEnv, stderr)
		}
	}
}

// A --source that does not exist or is a file is the command line's fault.
func TestBadSourceIsUsage(t *testing.T) {
	file := filepath.Join(t.TempDir(), "site.yaml")
	os.WriteFile(file, nil, 0o644)
	for _, source := range []string{filepath.Join(t.TempDir(), "nowhere"), file} {
		for _, command := range []string{"build", "check", "serve"} {
			if code, _, stderr := runCLI(command, "--source", source); code != exitUsage || !strings.Contains(stderr, "--source: ") {
				t.Errorf("%s --source %s: exit %d %s", command, source, code, stderr)
			}
		}
	}
}
