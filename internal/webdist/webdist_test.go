package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const repo = "../.."

// The committed web/dist is what `make deps` makes from package-lock.json,
// byte for byte, with the licence of every package the bundle holds: it
// cannot drift from the lockfile. Without npm's node_modules the test is
// skipped (a clone built with Go alone), but not in CI, where .ci/run
// installs them.
func TestDistIsTheLockfiles(t *testing.T) {
	if _, err := os.Stat(filepath.Join(repo, "node_modules", ".package-lock.json")); err != nil {
		why := "node_modules is missing: run make deps (npm ci) to check web/dist against package-lock.json"
		if _, err := exec.LookPath("npm"); err != nil {
			why = "npm is not installed (Node.js): web/dist cannot be checked against package-lock.json here"
		}
		if os.Getenv("CI") != "" {
			t.Fatal(why)
		}
		t.Skip(why)
	}
	fresh := t.TempDir()
	if err := generate(repo, fresh); err != nil {
		t.Fatal(err)
	}
	want, got := files(t, fresh), files(t, filepath.Join(repo, Dist))
	for name, data := range want {
		switch committed, ok := got[name]; {
		case !ok:
			t.Errorf("%s/%s is missing: run make deps and commit %s", Dist, name, Dist)
		case !bytes.Equal(committed, data):
			t.Errorf("%s/%s differs from what package-lock.json gives: run make deps and commit %s", Dist, name, Dist)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s/%s is not made from package-lock.json: run make deps and commit %s", Dist, name, Dist)
		}
	}
	for _, name := range []string{Bundles[0].Name, Bundles[1].Name, Licenses + "/echarts/LICENSE", Licenses + "/echarts/NOTICE", Licenses + "/zrender/LICENSE"} {
		if _, ok := want[name]; !ok {
			t.Errorf("the generated %s lacks %s", Dist, name)
		}
	}
}

// files reads every file under dir, by slash-separated path.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	all := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		all[p], err = fs.ReadFile(os.DirFS(dir), p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func TestPackageDir(t *testing.T) {
	for input, want := range map[string]string{
		"node_modules/echarts/lib/core/echarts.js":       "node_modules/echarts",
		"node_modules/@scope/pkg/index.js":               "node_modules/@scope/pkg",
		"node_modules/a/node_modules/tslib/tslib.es6.js": "node_modules/a/node_modules/tslib",
		"web/echarts.js":      "",
		"node_modules/README": "",
	} {
		if got := packageDir(input); got != want {
			t.Errorf("packageDir(%q) = %q, want %q", input, got, want)
		}
	}
	for dir, want := range map[string]string{"node_modules/@scope/pkg": "@scope/pkg", "node_modules/a/node_modules/tslib": "tslib"} {
		if got := packageName(dir); got != want {
			t.Errorf("packageName(%q) = %q, want %q", dir, got, want)
		}
	}
}

// A node_modules that is not what package-lock.json pins is refused, so a
// stale install cannot pass for the lockfile's bundle.
func TestStaleInstallRefused(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("package-lock.json", `{"packages": {"node_modules/echarts": {"version": "6.1.0"}}}`)
	write("node_modules/echarts/package.json", `{"version": "6.0.0"}`)
	lock, err := readLock(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := lock.installed(dir, "node_modules/echarts"); err == nil || !strings.Contains(err.Error(), "6.0.0, package-lock.json pins 6.1.0: run make deps") {
		t.Errorf("stale echarts: %v", err)
	}
	if err := lock.installed(dir, "node_modules/zrender"); err == nil || !strings.Contains(err.Error(), "not in package-lock.json") {
		t.Errorf("unpinned zrender: %v", err)
	}
	write("node_modules/echarts/package.json", `{"version": "6.1.0"}`)
	if err := lock.installed(dir, "node_modules/echarts"); err != nil {
		t.Error(err)
	}
}
