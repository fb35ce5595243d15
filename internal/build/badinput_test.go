package build_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata/badinput (review every change by eye)")

// The bad-input corpus: testdata/badinput/NN-name.txtar, one mistake an
// editor makes per file. An archive's comment says in one line what the
// editor did wrong; its files are laid over baseSite (same name: replaced,
// new name: added). Special files:
//
//	-- want --                  the exact problems, as Diagnostic.In(site language)
//	                            prints them, sorted as the build sorts them
//	-- delete --                base files to remove, one per line
//	-- generate-large: <path> --  write <path> one byte over load.MaxFileSize
//	-- symlink: <path> --       make <path> a symbolic link to the file's one line
//	-- fifo: <path> --          make <path> a named pipe (which no build may open)
//	-- unescape: <path> --      a file whose path and text hold \xNN, \uNNNN
//	                            and \r for the characters they name, so that
//	                            control characters stay visible in the archive
//	-- repeat <n>: <path> --      append this file's text n times to <path>
//	                            (after the archive's own <path>, if any)
//	-- time-limit --            a duration (e.g. 1s) the build must finish within
//	-- known-issue --           one line: why the build does not print want yet
//
// A case whose want holds warnings only must build; any other must fail,
// write nothing, and give every problem a file and a line (and a column
// when it is about a field).
//
// want is the spec: what an editor should read. When the build prints
// something else that is wrong (a cascade of follow-on errors, a message
// that misleads), want holds what it should print and known-issue says
// what is wrong; the case is skipped with its diff until the build is
// fixed, and fails once it is, so that known-issue is removed. -update
// leaves such cases alone.
func TestBadInputCorpus(t *testing.T) {
	cases, err := filepath.Glob("testdata/badinput/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases in testdata/badinput (%v)", err)
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runBadInput(t, file)
		})
	}
}

// badCase is one parsed archive of the corpus.
type badCase struct {
	archive   *txtar.Archive
	files     map[string][]byte // overlay
	deletes   []string
	large     []string // paths to generate over the size limit
	symlinks  map[string]string
	fifos     []string
	want      string
	hasWant   bool
	timeLimit time.Duration
	known     string // known-issue
}

func parseBadCase(t *testing.T, file string) *badCase {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	comment := strings.TrimSpace(string(a.Comment))
	if comment == "" || strings.Contains(comment, "\n") {
		t.Errorf("the comment must say in one line what the editor did wrong, got %q", comment)
	}
	c := &badCase{archive: a, files: map[string][]byte{}, symlinks: map[string]string{}}
	var repeats []txtar.File
	for _, f := range a.Files {
		switch name := f.Name; {
		case name == "want":
			c.want, c.hasWant = string(f.Data), true
		case name == "delete":
			for line := range strings.Lines(string(f.Data)) {
				if line = strings.TrimSpace(line); line != "" {
					c.deletes = append(c.deletes, line)
				}
			}
		case name == "time-limit":
			d, err := time.ParseDuration(strings.TrimSpace(string(f.Data)))
			if err != nil {
				t.Fatalf("time-limit: %v", err)
			}
			c.timeLimit = d
		case name == "known-issue":
			c.known = strings.TrimSpace(string(f.Data))
			if c.known == "" || strings.Contains(c.known, "\n") {
				t.Fatal("known-issue: say in one line what the build gets wrong")
			}
		case strings.HasPrefix(name, "generate-large:"):
			c.large = append(c.large, strings.TrimSpace(strings.TrimPrefix(name, "generate-large:")))
		case strings.HasPrefix(name, "symlink:"):
			c.symlinks[strings.TrimSpace(strings.TrimPrefix(name, "symlink:"))] = strings.TrimSpace(string(f.Data))
		case strings.HasPrefix(name, "fifo:"):
			c.fifos = append(c.fifos, strings.TrimSpace(strings.TrimPrefix(name, "fifo:")))
		case strings.HasPrefix(name, "unescape:"):
			c.files[unescape(strings.TrimSpace(strings.TrimPrefix(name, "unescape:")))] = []byte(unescape(string(f.Data)))
		case strings.HasPrefix(name, "repeat "):
			repeats = append(repeats, f)
		default:
			if _, dup := c.files[name]; dup {
				t.Fatalf("file %s is written twice", name)
			}
			c.files[name] = f.Data
		}
	}
	for _, f := range repeats {
		var n int
		var name string
		if _, err := fmt.Sscanf(f.Name, "repeat %d: %s", &n, &name); err != nil || n < 1 {
			t.Fatalf("%q: want repeat <n>: <path> (%v)", f.Name, err)
		}
		c.files[name] = append(c.files[name], bytes.Repeat(f.Data, n)...)
	}
	if c.known != "" && !c.hasWant {
		t.Fatal("a known-issue case needs a hand-written want")
	}
	if !c.hasWant && !*update {
		t.Fatal("no -- want -- file (run with -update to create it, then review it)")
	}
	return c
}

var escapeCode = regexp.MustCompile(`\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|r)`)

// unescape replaces the escapes of an unescape: file by their characters;
// other backslashes (YAML's own escapes) are kept.
func unescape(s string) string {
	return escapeCode.ReplaceAllStringFunc(s, func(e string) string {
		if e == `\r` {
			return "\r"
		}
		n, _ := strconv.ParseUint(e[2:], 16, 32)
		if e[1] == 'x' {
			return string([]byte{byte(n)}) // a byte: \xff is not UTF-8
		}
		return string(rune(n))
	})
}

// writeBadSite lays the case over baseSite in a new folder.
func writeBadSite(t *testing.T, c *badCase) string {
	t.Helper()
	dir := sitetest.Write(t, baseSite)
	for _, name := range c.deletes {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatalf("delete: %v", err)
		}
	}
	for name, data := range c.files {
		writeFile(t, dir, name, data)
	}
	for _, name := range c.large {
		writeFile(t, dir, name, largeYAML(load.MaxFileSize+1))
	}
	for name, target := range c.symlinks {
		p := sitePath(t, dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range c.fifos {
		sitetest.Mkfifo(t, sitePath(t, dir, name))
	}
	return dir
}

func writeFile(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(sitePath(t, dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// sitePath is where name goes in the site folder dir, its folder made and
// whatever the base site had there removed.
func sitePath(t *testing.T, dir, name string) string {
	t.Helper()
	if path.Clean(name) != name || strings.HasPrefix(name, "../") || path.IsAbs(name) {
		t.Fatalf("bad file name %q", name)
	}
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// largeYAML is a valid-looking file of exactly n bytes: comment lines.
func largeYAML(n int) []byte {
	line := []byte("# 这一行是从别的文件里误粘贴进来的内容。\n")
	out := bytes.Repeat(line, n/len(line)+1)[:n]
	out[n-1] = '\n'
	return out
}

// wholeFile lists the problems that concern a file as a whole (its name,
// its size, its existence), which have no line to point at. Any other
// problem must have a line.
var wholeFile = map[string]bool{
	"the file is %d bytes, more than the limit of %d": true,
	"data files end in .yaml":                         true,
	"the file name %q cannot be a URL":                true,
	"the file is missing":                             true,
	"the file is more than %d bytes long":             true,
	// What a link or a pipe is, as the folder holds it.
	"this is a link to a place outside the site folder":                                                                              true,
	"this is a pipe, device or socket, not a file":                                                                                   true,
	"this link leads round in a circle":                                                                                              true,
	"this link leads to nothing: what it names does not exist":                                                                       true,
	"this is a link to a folder: jinzhan does not follow links to folders here":                                                      true,
	"its published name would be %d bytes, more than the %d file systems allow (the site adds a hash to names under static/assets/)": true,
	// A narrative whose activity data is missing is named by its file name;
	// reported to the lead: it could point at line 1 (the front matter).
	"no activity data for %q: a narrative needs %s/%s.yaml": true,
}

func runBadInput(t *testing.T, file string) {
	c := parseBadCase(t, file)
	dir := writeBadSite(t, c)
	public := filepath.Join(dir, "public")
	start := time.Now()
	res, err := build.Run(sitetest.Options(dir, public))
	elapsed := time.Since(start)
	if c.timeLimit > 0 && elapsed > c.timeLimit {
		t.Errorf("the build took %v, want under %v", elapsed, c.timeLimit)
	}

	var problems []diag.Diagnostic
	var list *diag.ListError
	switch {
	case errors.As(err, &list):
		problems = list.Items
		if _, statErr := os.Stat(public); !errors.Is(statErr, os.ErrNotExist) {
			t.Errorf("a failed build wrote %s", public)
		}
	case err != nil:
		t.Fatalf("want input problems, got %v", err)
	default:
		problems = res.Warnings
		if len(problems) == 0 {
			t.Fatal("the build succeeded without a problem; a bad-input case must report something")
		}
	}

	var b strings.Builder
	for _, d := range problems {
		b.WriteString(d.In(res.Lang))
		b.WriteByte('\n')
	}
	got := b.String()
	faults := checkProblems(problems, err != nil)
	if got != c.want {
		faults = append(faults, "problems differ from want (-want +got):\n"+lineDiff(c.want, got))
	}

	switch {
	case c.known != "" && len(faults) == 0:
		t.Errorf("known issue fixed (%s): remove the known-issue file", c.known)
	case c.known != "":
		t.Skipf("known issue: %s\n%s", c.known, strings.Join(faults, "\n"))
	case *update && got != c.want:
		rewriteWant(t, file, c.archive, got)
		faults = faults[:len(faults)-1]
	}
	for _, f := range faults {
		t.Error(f)
	}
}

// checkProblems checks what every problem must carry.
func checkProblems(problems []diag.Diagnostic, failed bool) []string {
	var faults []string
	errs := 0
	for _, d := range problems {
		if d.Severity == diag.Error {
			errs++
		}
		switch {
		case d.Pos.File == "":
			faults = append(faults, "problem without a file: "+d.Error())
		case d.Pos.Line < 1 && !wholeFile[d.Message.Format]:
			faults = append(faults, "problem without a line: "+d.Error())
		case d.Field != "" && d.Pos.Col < 1:
			faults = append(faults, "problem about a field without a column: "+d.Error())
		}
		if d.Hint.Format == "" && !noHint[d.Message.Format] {
			faults = append(faults, "problem without a hint: "+d.Error())
		}
	}
	if failed != (errs > 0) {
		faults = append(faults, fmt.Sprintf("build failed: %v, with %d error(s) among the problems", failed, errs))
	}
	return faults
}

// noHint lists the problems that come without a hint today; their message
// says what to write instead. Reported to the lead (every problem should
// carry a hint); remove a line once its message has one.
var noHint = map[string]bool{
	"want a number, got %s":                                  true,
	"want a whole number, got %s":                            true,
	"want text, got %s":                                      true,
	"want a single value, got %s":                            true,
	"want a date like 2020-08-05 (or 2020-08, 2020), got %s": true,
}

// rewriteWant replaces (or adds) the want file of an archive.
func rewriteWant(t *testing.T, file string, a *txtar.Archive, want string) {
	t.Helper()
	found := false
	for i := range a.Files {
		if a.Files[i].Name == "want" {
			a.Files[i].Data, found = []byte(want), true
		}
	}
	if !found {
		a.Files = append(a.Files, txtar.File{Name: "want", Data: []byte(want)})
	}
	if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("rewrote %s: review it", file)
}

// lineDiff is a small unified-style line diff (longest common subsequence).
func lineDiff(want, got string) string {
	a := strings.SplitAfter(want, "\n")
	b := strings.SplitAfter(got, "\n")
	// lcs[i][j] is the length of the LCS of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	line := func(prefix, s string) {
		if s == "" {
			return
		}
		fmt.Fprintf(&out, "%s%s", prefix, strings.TrimSuffix(s, "\n"))
		if !strings.HasSuffix(s, "\n") {
			out.WriteString(" (no newline at end)")
		}
		out.WriteByte('\n')
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			line(" ", a[i])
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			line("+", b[j])
			j++
		default:
			line("-", a[i])
			i++
		}
	}
	return out.String()
}
