package build_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/build"
)

// installPagefind puts an executable where npm installs Pagefind's binary
// under dir and returns its path.
func installPagefind(t *testing.T, dir string) string {
	t.Helper()
	arch := map[string]string{"amd64": "x64", "arm64": "arm64"}[runtime.GOARCH]
	p := filepath.Join(dir, "node_modules", "@pagefind", runtime.GOOS+"-"+arch, "bin", "pagefind_extended")
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// Pagefind is found where a user installs it: the checkout the binary was
// built from, then the folder the printed install line fills, then PATH.
func TestFindPagefindWhereAUserInstallsIt(t *testing.T) {
	site, checkout, data, bin := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("PATH", bin)
	if got := build.FindPagefind(site, checkout); got != "" {
		t.Fatalf("found %s with none installed", got)
	}
	onPath := filepath.Join(bin, "pagefind")
	os.WriteFile(onPath, []byte("#!/bin/sh\n"), 0o755)
	if got := build.FindPagefind(site, checkout); got != onPath {
		t.Errorf("on PATH: got %q, want %q", got, onPath)
	}
	if !strings.Contains(build.PagefindInstall(), "--prefix "+filepath.Join(data, "jinzhan")+" ") {
		t.Errorf("the install line %q does not fill %s", build.PagefindInstall(), build.PagefindHome())
	}
	inHome := installPagefind(t, build.PagefindHome())
	if got := build.FindPagefind(site, checkout); got != inHome {
		t.Errorf("installed by the printed line: got %q, want %q", got, inHome)
	}
	inCheckout := installPagefind(t, checkout)
	if got := build.FindPagefind(site, checkout); got != inCheckout {
		t.Errorf("in the checkout: got %q, want %q", got, inCheckout)
	}
}

// The install line and the Pagefind make installs are the same version.
func TestPagefindVersionIsTheOnePinned(t *testing.T) {
	data, err := os.ReadFile("../../package.json")
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct{ Dependencies map[string]string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	if got := pkg.Dependencies["pagefind"]; got != build.PagefindVersion {
		t.Errorf("package.json pins pagefind %s, build.PagefindVersion is %s", got, build.PagefindVersion)
	}
	if !strings.HasSuffix(build.PagefindInstall(), " pagefind@"+build.PagefindVersion) {
		t.Errorf("install line %q", build.PagefindInstall())
	}
	// The docs print the same line.
	for _, doc := range []string{"../../README.md", "../../docs/editor-guide.md", "../../docs/editor-guide.en.md"} {
		data, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "npm install --prefix ~/.local/share/jinzhan pagefind@"+build.PagefindVersion) {
			t.Errorf("%s does not give the install line of pagefind %s", doc, build.PagefindVersion)
		}
	}
}

// A home folder with a space is quoted for the shell.
func TestPagefindInstallQuotesTheFolder(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/tmp/my data")
	if got, want := build.PagefindInstall(), "npm install --prefix '/tmp/my data/jinzhan' pagefind@"+build.PagefindVersion; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
