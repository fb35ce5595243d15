//go:build unix

// The Pagefind programs of these tests are shell scripts.
package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fakeProgram writes an executable shell script.
func fakeProgram(t *testing.T, path, script string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// npmPagefind is where npm puts Pagefind's binary for this system and arch.
func npmPagefind(arch string) string {
	return "node_modules/@pagefind/" + runtime.GOOS + "-" + arch + "/bin/pagefind_extended"
}

// A site that brings its own "pagefind" (node_modules/.bin, npm's platform
// package, on PATH as `npm run` puts it, or where the install line puts it
// when the user's data folder lies in the site) never gets it run; the
// build says what to run instead, in the site's language.
func TestSiteLocalPagefindNeverRuns(t *testing.T) {
	site := exampleWithStories(t, 0, "")
	ran := filepath.Join(t.TempDir(), "ran")
	for _, dir := range []string{"", ".local/share/jinzhan/"} {
		for _, p := range []string{"node_modules/.bin/pagefind", npmPagefind("x64"), npmPagefind("arm64")} {
			fakeProgram(t, filepath.Join(site, dir+p), "echo \"$0\" >> "+ran)
		}
	}
	t.Setenv("PATH", filepath.Join(site, "node_modules/.bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(site, ".local/share"))
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	os.Chdir(site) // the old lookup tried ./node_modules too
	code, _, stderr := runCLI("build", "--destination", filepath.Join(t.TempDir(), "public"))
	if code != exitOK {
		t.Fatalf("build: exit %d %s", code, stderr)
	}
	if data, err := os.ReadFile(ran); err == nil {
		t.Fatalf("the site's own program ran: %s", data)
	}
	if !strings.Contains(stderr, "没有找到 Pagefind") || !strings.Contains(stderr, "\n  npm install --prefix ") || !strings.Contains(stderr, " pagefind@1.") {
		t.Errorf("no word of what to run:\n%s", stderr)
	}
}

// A binary copied out of its checkout runs the Pagefind make installed
// there (the Makefile records the checkout).
func TestPagefindFromTheCheckoutRuns(t *testing.T) {
	site := exampleWithStories(t, 0, "")
	ran := filepath.Join(t.TempDir(), "ran")
	saved := checkout
	t.Cleanup(func() { checkout = saved })
	checkout = t.TempDir()
	for _, p := range []string{npmPagefind("x64"), npmPagefind("arm64")} {
		fakeProgram(t, filepath.Join(checkout, p), "echo ran >> "+ran)
	}
	code, _, stderr := runCLI("build", "--source", site, "--destination", filepath.Join(t.TempDir(), "public"))
	if code != exitOK || strings.Contains(stderr, "Pagefind") {
		t.Fatalf("build: exit %d %s", code, stderr)
	}
	if _, err := os.ReadFile(ran); err != nil {
		t.Error("the checkout's Pagefind did not run")
	}
}
