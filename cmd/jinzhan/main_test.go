package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExitCodes(t *testing.T) {
	if code, _, _ := runCLI(); code != exitUsage {
		t.Errorf("no command: %d", code)
	}
	if code, _, _ := runCLI("frobnicate"); code != exitUsage {
		t.Errorf("unknown command: %d", code)
	}
	if code, _, stderr := runCLI("build", "--help"); code != exitOK || !strings.Contains(stderr, "--destination") {
		t.Errorf("build --help: %d %q", code, stderr)
	}
	if code, _, _ := runCLI("build", "--nope"); code != exitUsage {
		t.Errorf("bad flag: %d", code)
	}
	if code, out, _ := runCLI("version"); code != exitOK || !strings.HasPrefix(out, "jinzhan ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestCheckAndBuildTheExample(t *testing.T) {
	code, out, stderr := runCLI("check", "--source", "../..")
	if code != exitOK || !strings.Contains(out, "check passed") {
		t.Fatalf("check: %d %s %s", code, out, stderr)
	}
	dest := filepath.Join(t.TempDir(), "public")
	code, out, stderr = runCLI("build", "--source", "../..", "--destination", dest, "--base-url", "https://other.example/")
	if code != exitOK || !strings.Contains(out, "pages,") || !strings.Contains(out, "charts,") || !strings.Contains(out, "figures in") {
		t.Fatalf("build: %d %s %s", code, out, stderr)
	}
	home, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil || !bytes.Contains(home, []byte(`href="https://other.example/"`)) {
		t.Errorf("--base-url not used: %v", err)
	}
}

func TestInputErrorsExitOne(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: x\nbase_url: nope\n"), 0o644)
	code, _, stderr := runCLI("check", "--source", dir)
	if code != exitInput || !strings.Contains(stderr, "site.yaml:2:11: base_url: 这里应是 http(s) 网址") || !strings.Contains(stderr, "data/campaign.yaml: 缺少这个文件") {
		t.Errorf("%d %s", code, stderr)
	}
	// English sites get English messages; tools get JSON.
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: x\nbase_url: nope\nlanguage: en\n"), 0o644)
	code, stdout, _ := runCLI("check", "--source", dir, "--format", "json")
	if code != exitInput || !strings.Contains(stdout, `"message": "want an http(s) address, got \"nope\""`) || !strings.Contains(stdout, `"line": 2`) {
		t.Errorf("%d %s", code, stdout)
	}
}

func TestNewScaffoldsAFileThatNamesWhatIsMissing(t *testing.T) {
	dir := t.TempDir()
	code, out, stderr := runCLI("new", "story", "my-story", "--source", dir)
	if code != exitOK || !strings.Contains(out, "content/stories/my-story.md") {
		t.Fatalf("%d %s %s", code, out, stderr)
	}
	if code, _, _ := runCLI("new", "story", "my-story", "--source", dir); code != exitUsage {
		t.Error("new must not overwrite")
	}
	if code, _, _ := runCLI("new", "story", "Bad Slug", "--source", dir); code != exitUsage {
		t.Error("bad slug accepted")
	}
	if code, _, _ := runCLI("new", "activity", "my-activity", "--source", dir); code != exitOK {
		t.Error("new activity failed")
	}
}

func TestNewSiteSaysWhatToRunNext(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my site")
	code, out, stderr := runCLI("new", "site", dir, "--language", "en")
	if code != exitOK || !strings.Contains(out, "created data/activities/example-activity.yaml\n") || !strings.Contains(out, "cd '"+dir+"'\n") || !strings.Contains(out, "jinzhan serve") {
		t.Fatalf("%d %s %s", code, out, stderr)
	}
	if code, _, stderr := runCLI("check", "--source", dir); code != exitOK {
		t.Errorf("the new site does not check: %s", stderr)
	}
	if code, _, _ := runCLI("new", "site", dir); code != exitUsage {
		t.Error("new site wrote into a folder that is not empty")
	}
}
