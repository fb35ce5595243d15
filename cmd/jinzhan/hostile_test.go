package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// controls finds the first character of s that a terminal acts on instead
// of showing: C0 and C1 controls, DEL, line separators, bidi overrides.
func controls(s string) (rune, bool) {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0 || strings.ContainsRune("\u2028\u2029\u202e", r) {
			return r, true
		}
	}
	return 0, false
}

// A key, a value and file names written to rewrite the terminal (ESC ]0;
// sets its title, ESC [2K clears the line, CR returns to its start) reach
// stderr, and --format json, escaped.
func TestHostileInputPrintsNoControlSequence(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":                           "title: x\nbase_url: https://example.org/\n\"\\e]0;pwned\\a\\e[2K\\r\\x85\\u2028\\u202e\": 1\nlanguage: \"\\e[2Ken\"\n",
		"content/stories/\x1b]0;pwned\x07.md": "---\ntitle: x\n---\n",
		"content/odd/a\u202e\r.md":            "---\ntitle: x\n---\n",
		"data/activities/\x1b[2Kclinic.yaml":  "title: x\n",
		"content/stories/ok\u2028.md":         "---\ntitle: x\n---\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr := runCLI("check", "--source", dir)
	if code != exitInput {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if r, found := controls(stderr); found {
		t.Errorf("stderr holds %U:\n%q", r, stderr)
	}
	for _, want := range []string{
		`site.yaml:3:1: \x1b]0;pwned\a\x1b[2K\r\u0085\u2028\u202e: 无法识别的键 "\x1b]0;pwned\a\x1b[2K\r\u0085\u2028\u202e"`,
		`content/stories/\x1b]0;pwned\a.md: 文件名 "\x1b]0;pwned\a" 不能用作网址`,
		`data/activities/\x1b[2Kclinic.yaml: 文件名 "\x1b[2Kclinic" 不能用作网址`,
		`content/odd/a\u202e\r.md: 无法确定这个文件属于哪类页面`,
		`content/stories/ok\u2028.md: 文件名 "ok\u2028" 不能用作网址`,
		`site.yaml:4:11: language: 文字里有一个看不见的字符 U+001B`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %s\n%s", want, stderr)
		}
	}

	code, stdout, _ := runCLI("check", "--source", dir, "--format", "json")
	var out struct {
		Problems []map[string]any
	}
	if err := json.Unmarshal([]byte(stdout), &out); code != exitInput || err != nil || len(out.Problems) < 6 {
		t.Fatalf("exit %d, %v: %s", code, err, stdout)
	}
	for _, p := range out.Problems {
		for key, v := range p {
			if s, ok := v.(string); ok {
				if r, found := controls(s); found {
					t.Errorf("%s holds %U: %q", key, r, s)
				}
			}
		}
	}
}

func TestBadBaseURLFlagIsReportedAsTheFlag(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	code, _, stderr := runCLI("build", "--source", "../..", "--destination", dest, "--base-url", "www.example.org", "--search=false")
	want := "--base-url: 这里应是 http(s) 网址，实际是 \"www.example.org\"\n\t提示：请写完整网址，例如 https://jinzhan.example.org/\n"
	if code != exitInput || !strings.HasPrefix(stderr, want) || strings.Contains(stderr, "site.yaml") {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("a failed build wrote %s", dest)
	}
}
