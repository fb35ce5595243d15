package build_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/benchsite"
	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// streamSites are sites of every shape the streamed build must make as the
// pipeline does: the example with enough stories that the feeds let texts
// go, the national sites (one without townships, in two languages),
// sites of hostile strings with photos, photos and chart blocks in
// stories, drafts.
func streamSites(t *testing.T) map[string]string {
	sites := map[string]string{}
	many, err := benchsite.Write(t.TempDir(), exampleRoot, 130)
	if err != nil {
		t.Fatal(err)
	}
	sites["example+130"] = many.Jinzhan
	for _, name := range []string{"national-en", "national-zh", "national-zh-activities"} {
		sites[name] = sitetest.Write(t, nationalSite(t, name))
	}
	for i, bad := range hostile {
		dir := sitetest.Write(t, strings.ReplaceAll(hostileSite, "BAD", strconv.Quote(bad)))
		writeFile(t, dir, "images/bad.jpg", encodeJPEG(t, 640, 400))
		sites[fmt.Sprint("hostile-", i)] = dir
	}
	photos := sitetest.Write(t, baseSite+photoStory+`
-- content/stories/ducks-again.md --
---
title: 再看养鸭
date: 2020-08-06
activity: help
photos:
  - file: ducks.jpg
    alt: 鸭群
---
同一张照片。
-- content/stories/elsewhere.md --
---
title: 别处的数字
date: 2020-08-07
activity: help
townships: [longtan]
---
马友营的雏鸡 {{help.forestry.chicks}}。
-- content/stories/unfinished.md --
---
title: 草稿
date: 2020-08-09
activity: help
draft: true
---
未完成。
`)
	writePhotos(t, photos)
	sites["photos"] = photos
	none := sitetest.Write(t, baseSite)
	if err := os.RemoveAll(filepath.Join(none, "content/stories")); err != nil {
		t.Fatal(err)
	}
	sites["no stories"] = none
	return sites
}

// TestStreamedBuildIsTheWholeBuild builds each site twice — streaming
// its stories, and the pipeline's way — and requires the same files, byte
// for byte, and the same result.
func TestStreamedBuildIsTheWholeBuild(t *testing.T) {
	for name, dir := range streamSites(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			whole, streamed := filepath.Join(t.TempDir(), "whole"), filepath.Join(t.TempDir(), "streamed")
			want, err := build.Run(build.Whole(sitetest.Options(dir, whole)))
			if err != nil {
				t.Fatal(err)
			}
			got, err := build.Run(sitetest.Options(dir, streamed))
			if err != nil {
				t.Fatal(err)
			}
			if !build.Streamed(got) || build.Streamed(want) {
				t.Fatalf("streamed: %v and %v, want true and false", build.Streamed(got), build.Streamed(want))
			}
			sameTrees(t, snapshot(t, whole), snapshot(t, streamed))
			if got.Pages != want.Pages || got.Charts != want.Charts || got.Figures != want.Figures || got.Files != want.Files {
				t.Errorf("streamed: %s, %d files; whole: %s, %d files", got.Summary(), got.Files, want.Summary(), want.Files)
			}
			if g, w := fmt.Sprint(got.Warnings), fmt.Sprint(want.Warnings); g != w {
				t.Errorf("warnings:\nstreamed %s\nwhole    %s", g, w)
			}
			if name == "photos" && !strings.Contains(fmt.Sprint(got.Warnings), "elsewhere.md") {
				t.Errorf("no warning at the story citing another township's figure: %s", got.Warnings)
			}
		})
	}
}

// sameTrees fails on the first file that differs between two outputs.
func sameTrees(t *testing.T, want, got map[string]string) {
	t.Helper()
	var paths []string
	for p := range want {
		paths = append(paths, p)
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		w, inWant := want[p]
		g, inGot := got[p]
		if !inWant || !inGot {
			t.Fatalf("%s: in the whole build %v, in the streamed one %v", p, inWant, inGot)
		}
		if g != w {
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			t.Fatalf("%s differs at byte %d:\nstreamed %q\nwhole    %q", p, i, g[max(0, i-80):min(len(g), i+80)], w[max(0, i-80):min(len(w), i+80)])
		}
	}
}

// A site whose story layout lists the activity's other stories is built
// the pipeline's way; a story with a problem is reported as the pipeline
// reports it, and nothing is published.
func TestStreamStepsAside(t *testing.T) {
	own := sitetest.Write(t, baseSite+`
-- layouts/story.html --
{{define "main"}}<h1>{{.Page.Title}}</h1>{{.Content}}<ul>{{range .Page.Story.Activity.Stories}}<li>{{.Title}}</li>{{end}}</ul>{{end}}
`)
	res, err := build.Run(sitetest.Options(own, filepath.Join(t.TempDir(), "public")))
	if err != nil {
		t.Fatal(err)
	}
	if build.Streamed(res) {
		t.Error("a story layout reading the activity's stories was streamed")
	}
	bad := sitetest.Write(t, baseSite+`
-- content/stories/zz-wrong.md --
---
title: 错
date: 2020-08-07
activity: help
---
引用 {{help.nothing}}。
`)
	public := filepath.Join(t.TempDir(), "public")
	_, err = build.Run(sitetest.Options(bad, public))
	_, wantErr := build.Run(build.Whole(sitetest.Options(bad, filepath.Join(t.TempDir(), "whole"))))
	if err == nil || wantErr == nil || err.Error() != wantErr.Error() {
		t.Fatalf("streamed: %v\nwhole: %v", err, wantErr)
	}
	if _, statErr := os.Stat(public); !os.IsNotExist(statErr) {
		t.Errorf("a build with a problem wrote %s (%v)", public, statErr)
	}
}

// While a deploy or another build holds the destination, a build whose
// stories have a problem says so at once (the pipeline's way waits for the
// destination only to write), and a good one waits its turn and builds.
func TestBusyDestinationDoesNotDelayProblems(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	public := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(sitetest.Options(dir, public)); err != nil {
		t.Fatal(err)
	}
	held, err := publish.Begin(public, publish.Guard{Source: dir, Inputs: load.InputDirs()})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "content/stories/zz-wrong.md", []byte("---\ntitle: 错\ndate: 2020-08-07\nactivity: help\n---\n引用 {{help.nothing}}。\n"))
	done := make(chan error, 1)
	go func() {
		_, err := build.Run(sitetest.Options(dir, public))
		done <- err
	}()
	select {
	case err := <-done:
		var list *diag.ListError
		if !errors.As(err, &list) {
			t.Errorf("want the input's problems, got %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the build waited for the destination before reporting its input's problem")
	}
	if err := os.Remove(filepath.Join(dir, "content/stories/zz-wrong.md")); err != nil {
		t.Fatal(err)
	}
	go func() {
		_, err := build.Run(sitetest.Options(dir, public))
		done <- err
	}()
	held.Abort()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// Photos that cannot be resized are reported by a streamed build as the
// pipeline reports them: each once, at the first story naming it, however
// the stories' work is shared out; and not at all while a text has a
// problem (the pipeline stops before making photos).
func TestStreamReportsPhotosAsThePipeline(t *testing.T) {
	var stories strings.Builder
	for i := range 12 {
		fmt.Fprintf(&stories, "-- content/stories/s%02d.md --\n---\ntitle: 第%d篇\ndate: 2020-08-%02d\nactivity: help\nphotos:\n", i, i, i+1)
		for _, f := range [][]string{{"cut.jpg"}, {"good.jpg"}, {"good.jpg", "cut2.jpg", "cut.jpg"}, {"cut3.jpg"}}[i%4] {
			fmt.Fprintf(&stories, "  - file: %s\n    alt: 图\n", f)
		}
		stories.WriteString("---\n正文。\n")
	}
	dir := sitetest.Write(t, baseSite+stories.String())
	full := encodeJPEG(t, 300, 200)
	writeFile(t, dir, "images/good.jpg", full)
	for _, name := range []string{"cut.jpg", "cut2.jpg", "cut3.jpg"} {
		writeFile(t, dir, "images/"+name, full[:len(full)/2])
	}
	compare := func(want int) {
		t.Helper()
		_, err := build.Run(sitetest.Options(dir, filepath.Join(t.TempDir(), "public")))
		_, wantErr := build.Run(build.Whole(sitetest.Options(dir, filepath.Join(t.TempDir(), "whole"))))
		if err == nil || wantErr == nil || err.Error() != wantErr.Error() {
			t.Fatalf("streamed:\n%v\nwhole:\n%v", err, wantErr)
		}
		if n := strings.Count(err.Error(), "damaged"); n != want {
			t.Errorf("%d photos reported, want %d:\n%v", n, want, err)
		}
	}
	compare(3)
	writeFile(t, dir, "content/stories/s11.md", []byte("---\ntitle: 错\ndate: 2020-08-07\nactivity: help\n---\n引用 {{help.nothing}}。\n"))
	compare(0)
}
