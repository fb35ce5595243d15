package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// The preview reads the site through the same root as a build: a link out
// of the site shows as a problem without a byte of what it leads to, and a
// pipe named like a story neither hangs the rebuild nor the problem page.
func TestPreviewNeverReadsOutsideTheSiteNorBlocks(t *testing.T) {
	dir := copyExample(t)
	secret := filepath.Join(t.TempDir(), "secrets.yaml")
	if err := os.WriteFile(secret, []byte("title: AWS_SECRET_ACCESS_KEY=do-not-show\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := start(t, dir)
	if err := os.Symlink(secret, filepath.Join(dir, "data/activities/stolen.yaml")); err != nil {
		t.Fatal(err)
	}
	sitetest.Mkfifo(t, filepath.Join(dir, "content/stories/pipe.md"))
	page := waitFor(t, base+"/", "data/activities/stolen.yaml")
	for _, want := range []string{"这是指向站点文件夹以外的链接", "content/stories/pipe.md", "这不是普通文件"} {
		if !strings.Contains(page, want) {
			t.Errorf("problem page lacks %q", want)
		}
	}
	if strings.Contains(page, "AWS_SECRET") {
		t.Error("the problem page shows what the link leads to")
	}
	// Fixed: the site comes back.
	os.Remove(filepath.Join(dir, "data/activities/stolen.yaml"))
	os.Remove(filepath.Join(dir, "content/stories/pipe.md"))
	waitFor(t, base+"/", "! jinzhan-problems")
}

// The problem page's source lines come through the root too: a problem
// that points into a pipe or at a link out of the site shows no line.
func TestProblemLinesAreReadInsideTheSiteOnly(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(secret, []byte("AWS_SECRET_ACCESS_KEY=do-not-show\n"), 0o644)
	os.Symlink(secret, filepath.Join(dir, "site.yaml"))
	sitetest.Mkfifo(t, filepath.Join(dir, "pipe.md"))
	os.WriteFile(filepath.Join(dir, "ok.yaml"), []byte("a: 1\nb: x\n"), 0o644)
	problems := []diag.Diagnostic{
		{Pos: diag.Pos{File: "site.yaml", Line: 1, Col: 1}, Message: diag.T("x")},
		{Pos: diag.Pos{File: "pipe.md", Line: 1, Col: 1}, Message: diag.T("x")},
		{Pos: diag.Pos{File: "ok.yaml", Line: 2, Col: 4}, Message: diag.T("x")},
	}
	v := views(dir, problems, "en")
	if v[0].HasLine || v[1].HasLine {
		t.Errorf("lines shown from a link out of the site or a pipe: %+v", v[:2])
	}
	if !v[2].HasLine || v[2].Before+v[2].At+v[2].After != "b: x" || v[2].At != "x" {
		t.Errorf("line of a plain file: %+v", v[2])
	}
}

// A line of a megabyte shows as the part around the column.
func TestProblemLineIsShownAroundTheColumn(t *testing.T) {
	dir := t.TempDir()
	line := strings.Repeat("甲", 500_000) + "X" + strings.Repeat("乙", 500_000)
	os.WriteFile(filepath.Join(dir, "long.md"), []byte(line+"\n"), 0o644)
	v := views(dir, []diag.Diagnostic{{Pos: diag.Pos{File: "long.md", Line: 1, Col: 500_001}, Message: diag.T("x")}}, "en")[0]
	if v.At != "X" || len(v.Before) > 400 || len(v.After) > 400 || !strings.HasPrefix(v.Before, "…甲") || !strings.HasSuffix(v.After, "乙…") {
		t.Errorf("shown: %d bytes before, %q, %d bytes after", len(v.Before), v.At, len(v.After))
	}
}
