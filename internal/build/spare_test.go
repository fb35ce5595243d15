package build_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// Every build after the second writes over the site before last (the
// spare); what it publishes is, byte for byte, what a build into a new
// folder publishes — through edits, a removed and an added story, and a
// build that fails on its input in between (which gives the spare back).
func TestBuildsOverTheSpareAreNewBuilds(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	story := filepath.Join(dir, "content/stories/forestry.md")
	original, err := os.ReadFile(story)
	if err != nil {
		t.Fatal(err)
	}
	edits := []struct {
		name string
		edit func() error
		fail bool
	}{
		{"first build", func() error { return nil }, false},
		{"a story edited", func() error { return os.WriteFile(story, append(original, "\n又一段。\n"...), 0o644) }, false},
		{"the spare taken", func() error { return os.WriteFile(story, append(original, "\n再一段。\n"...), 0o644) }, false},
		{"a story added and one removed", func() error {
			if err := os.WriteFile(filepath.Join(dir, "content/stories/added.md"), original, 0o644); err != nil {
				return err
			}
			return os.Remove(story)
		}, false},
		{"broken input", func() error {
			return os.WriteFile(filepath.Join(dir, "data/activities/help.yaml"), []byte(brokenActivity), 0o644)
		}, true},
	}
	help, err := os.ReadFile(filepath.Join(dir, "data/activities/help.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	edits = append(edits, struct {
		name string
		edit func() error
		fail bool
	}{"input fixed", func() error { return os.WriteFile(filepath.Join(dir, "data/activities/help.yaml"), help, 0o644) }, false})

	public := filepath.Join(dir, "public")
	for i, e := range edits {
		if err := e.edit(); err != nil {
			t.Fatal(err)
		}
		var before map[string]string
		if i > 0 {
			before = snapshot(t, public)
		}
		r := sitetest.Run(t, dir)
		if e.fail {
			if r.Err == nil {
				t.Fatalf("%s: the build succeeded", e.name)
			}
			if !equalTrees(before, snapshot(t, public)) {
				t.Errorf("%s: public/ changed", e.name)
			}
			continue
		}
		if r.Err != nil {
			t.Fatalf("%s: %v", e.name, r.Err)
		}
		fresh := filepath.Join(t.TempDir(), "fresh")
		if _, err := build.Run(sitetest.Options(dir, fresh)); err != nil {
			t.Fatal(err)
		}
		if !equalTrees(snapshot(t, fresh), snapshot(t, public)) {
			t.Errorf("%s: public/ differs from a build into a new folder", e.name)
		}
		if _, err := os.Lstat(filepath.Join(dir, ".public.spare")); runtime.GOOS != "windows" && (err == nil) != (i > 0) {
			t.Errorf("%s: spare there: %v, want %v", e.name, err == nil, i > 0)
		}
	}
}

// A build whose input is wrong says so at once, even while a deploy holds
// the destination; a good build then waits for the deploy to finish.
func TestInputErrorsDoNotWaitForADeploy(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	if r := sitetest.Run(t, dir); r.Err != nil {
		t.Fatal(r.Err)
	}
	help := filepath.Join(dir, "data/activities/help.yaml")
	good, err := os.ReadFile(help)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(help, []byte(brokenActivity), 0o644); err != nil {
		t.Fatal(err)
	}
	release := publish.Hold(filepath.Join(dir, "public"))
	done := make(chan error, 1)
	go func() { done <- sitetest.Run(t, dir).Err }()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("the broken build succeeded")
		}
	case <-time.After(2 * time.Minute): // a build waiting on the held lock would never end
		release()
		t.Fatal("the broken build waited for the deploy")
	}
	if err := os.WriteFile(help, good, 0o644); err != nil {
		t.Fatal(err)
	}
	go func() { done <- sitetest.Run(t, dir).Err }()
	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
