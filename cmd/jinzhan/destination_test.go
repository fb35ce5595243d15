package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A destination that would take the site (or anyone's files) with it is
// refused before anything is written, with what to pass instead.
func TestBuildNeverDeletesTheSiteOrAForeignFolder(t *testing.T) {
	site := exampleWithStories(t, 0, "")
	os.MkdirAll(filepath.Join(site, ".git"), 0o755)
	os.WriteFile(filepath.Join(site, ".git/HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	before := treeDigest(t, site)
	home := t.TempDir()
	os.WriteFile(filepath.Join(home, "notes.txt"), []byte("mine"), 0o644)
	for _, c := range []struct {
		dest, want string
	}{
		{site, "就是站点文件夹"},
		{filepath.Dir(site), "包含站点文件夹"},
		{filepath.Join(site, "content"), "位于生成时要读取的 content/ 里"},
		{home, "--replace-foreign"},
	} {
		code, _, stderr := runCLI("build", "--source", site, "--destination", c.dest, "--search=false")
		if code != exitUsage || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "提示：") {
			t.Errorf("--destination %s: exit %d, %s", c.dest, code, stderr)
		}
	}
	if treeDigest(t, site) != before {
		t.Fatal("a refused build changed the site")
	}
	if data, _ := os.ReadFile(filepath.Join(home, "notes.txt")); string(data) != "mine" {
		t.Fatal("a refused build changed the foreign folder")
	}
	// The same from inside the site: `--destination .`.
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(site)
	if code, _, stderr := runCLI("build", "--destination", ".", "--search=false"); code != exitUsage {
		t.Errorf("--destination . in the site: exit %d %s", code, stderr)
	}
	os.Chdir(wd)
	if treeDigest(t, site) != before {
		t.Fatal("building into . changed the site")
	}
	// Asked for explicitly, a foreign folder is replaced.
	if code, _, stderr := runCLI("build", "--source", site, "--destination", home, "--replace-foreign", "--search=false"); code != exitOK {
		t.Fatalf("--replace-foreign: exit %d %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(home, "notes.txt")); !os.IsNotExist(err) {
		t.Error("the replaced folder kept a foreign file")
	}
	// Once it is jinzhan's, the next build needs no flag.
	if code, _, stderr := runCLI("build", "--source", site, "--destination", home, "--search=false"); code != exitOK {
		t.Errorf("rebuild: exit %d %s", code, stderr)
	}
}
