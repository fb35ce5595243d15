// Package sitetest builds whole sites from a txtar bundle of files and
// asserts on the output, the way Hugo's integration tests do:
//
//	r := sitetest.Build(t, files)
//	r.AssertFile("activities/x/index.html", "893个", "! 893.0")
//
// A match starting with "! " must be absent.
package sitetest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jinzhan-dev/jinzhan"
	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/chartsvg"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"golang.org/x/tools/txtar"
)

// Result is a finished (or failed) build of a test site.
type Result struct {
	T      testing.TB
	Source string // the site folder
	Public string // the output folder
	Build  *build.Result
	Err    error
}

// Write lays out the files of a txtar bundle in a new temporary folder.
func Write(t testing.TB, files string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(files)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Options are the build options of a test site in dir, writing to public.
// Every site a test binary builds shares one chart renderer (Charts).
func Options(dir, public string) build.Options {
	script, license := jinzhan.ECharts()
	return build.Options{Source: dir, Destination: public, Theme: jinzhan.DefaultTheme(), ECharts: script, EChartsNote: license, ChartSVG: Charts()}
}

// Charts is the chart renderer of a test binary: ECharts compiled once,
// charts alike drawn once, nothing kept on disk (a test's drawings never
// come from another run).
var Charts = sync.OnceValue(func() *chartsvg.Renderer { return chartsvg.New(jinzhan.EChartsSSR(), "") })

// Run builds the site in dir into dir/public.
func Run(t testing.TB, dir string) *Result {
	t.Helper()
	public := filepath.Join(dir, "public")
	res, err := build.Run(Options(dir, public))
	return &Result{T: t, Source: dir, Public: public, Build: res, Err: err}
}

// Build writes files and builds them, failing the test on any error.
func Build(t testing.TB, files string) *Result {
	t.Helper()
	r := Run(t, Write(t, files))
	if r.Err != nil {
		t.Fatalf("build failed:\n%v", r.Err)
	}
	return r
}

// BuildFails writes files, builds them and expects input errors.
func BuildFails(t testing.TB, files string) *Result {
	t.Helper()
	r := Run(t, Write(t, files))
	if r.Err == nil {
		t.Fatal("build succeeded, want input errors")
	}
	return r
}

// Read returns an output file.
func (r *Result) Read(rel string) string {
	r.T.Helper()
	data, err := os.ReadFile(filepath.Join(r.Public, filepath.FromSlash(rel)))
	if err != nil {
		r.T.Fatalf("output %s: %v", rel, err)
	}
	return string(data)
}

// AssertFile checks that the output file holds every match ("! x": not x).
func (r *Result) AssertFile(rel string, matches ...string) {
	r.T.Helper()
	assertContains(r.T, rel, r.Read(rel), matches)
}

// AssertNoFile checks that the output has no such file.
func (r *Result) AssertNoFile(rel string) {
	r.T.Helper()
	if _, err := os.Stat(filepath.Join(r.Public, filepath.FromSlash(rel))); !errors.Is(err, os.ErrNotExist) {
		r.T.Errorf("output %s exists, want none", rel)
	}
}

// Problems returns the input problems of a failed build, one per line.
func (r *Result) Problems() []string {
	var list *diag.ListError
	if !errors.As(r.Err, &list) {
		r.T.Fatalf("want input errors, got %v", r.Err)
	}
	var out []string
	for _, d := range list.Items {
		out = append(out, d.Error())
	}
	return out
}

// AssertProblems checks the problems of a failed build contain each match.
func (r *Result) AssertProblems(matches ...string) {
	r.T.Helper()
	assertContains(r.T, "problems", strings.Join(r.Problems(), "\n"), matches)
}

func assertContains(t testing.TB, what, got string, matches []string) {
	t.Helper()
	for _, m := range matches {
		if absent, ok := strings.CutPrefix(m, "! "); ok {
			if strings.Contains(got, absent) {
				t.Errorf("%s contains %q, want it absent", what, absent)
			}
		} else if !strings.Contains(got, m) {
			t.Errorf("%s lacks %q\n--- %s ---\n%s", what, m, what, excerpt(got))
		}
	}
}

func excerpt(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "\n…"
	}
	return s
}
