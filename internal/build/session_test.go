package build_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// assertSessionMatchesFullBuild checks that every page the session holds
// is byte for byte what a fresh build of the same folder writes, and
// returns the folder of that build.
func assertSessionMatchesFullBuild(t *testing.T, s *build.Session, dir string) string {
	t.Helper()
	public := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(sitetest.Options(dir, public)); err != nil {
		t.Fatal(err)
	}
	n := 0
	_ = filepath.Walk(public, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		rel = filepath.ToSlash(rel)
		if rel == publish.Stamp || rel == publish.Manifest || rel == build.DigestsFile {
			return nil // the folder's mark and the build's record, not the site
		}
		want, _ := os.ReadFile(p)
		var got []byte
		var ok bool
		if url, isPage := strings.CutSuffix(rel, "index.html"); isPage {
			got, ok = s.Page("/" + url)
		} else {
			got, ok = s.File(rel)
		}
		if !ok || string(got) != string(want) {
			t.Errorf("%s differs from a full build", rel)
		}
		n++
		return nil
	})
	if n < 10 {
		t.Fatalf("only %d files compared", n)
	}
	return public
}

func TestSessionRebuildsOnlyWhatChanged(t *testing.T) {
	dir := sitetest.Write(t, baseSite+`
-- content/stories/other.md --
---
title: 龙潭镇的故事
date: 2020-07-01
activity: help
townships: [longtan]
---
税务局{{help.tax.chicks}}。
`)
	s := build.NewSession(sitetest.Options(dir, ""))
	first, err := s.Rebuild()
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Rendered) != first.Pages {
		t.Errorf("first build rendered %d of %d pages", len(first.Rendered), first.Pages)
	}
	assertSessionMatchesFullBuild(t, s, dir)

	// Nothing changed: nothing is rendered.
	if up, err := s.Rebuild(); err != nil || len(up.Rendered) != 0 {
		t.Errorf("idle rebuild rendered %v (%v)", up.Rendered, err)
	}

	// The body of one story: only that page.
	story := filepath.Join(dir, "content/stories/other.md")
	writeText(t, story, strings.Replace(readText(t, story), "税务局", "龙潭镇税务局", 1))
	up, err := s.Rebuild()
	if err != nil || !slices.Equal(up.Rendered, []string{"/stories/other/"}) {
		t.Errorf("body edit rendered %v (%v)", up.Rendered, err)
	}
	assertSessionMatchesFullBuild(t, s, dir)

	// A story's title: the story and every list that shows it.
	writeText(t, story, strings.Replace(readText(t, story), "title: 龙潭镇的故事", "title: 龙潭镇税务局送鹅雏", 1))
	up, err = s.Rebuild()
	want := []string{"/", "/activities/help/", "/activities/help/stories/", "/stories/", "/stories/other/", "/townships/longtan/", "/townships/longtan/stories/"}
	if err != nil || !slices.Equal(up.Rendered, want) {
		t.Errorf("title edit rendered %v, want %v (%v)", up.Rendered, want, err)
	}
	assertSessionMatchesFullBuild(t, s, dir)

	// A figure: the pages that show it (the forestry story draws it in a
	// chart block) and /data/ (the size of its files), not the others —
	// the overview, whose cards show each activity's key figures only.
	data := filepath.Join(dir, "data/activities/help.yaml")
	writeText(t, data, strings.Replace(readText(t, data), "value: 300", "value: 320", 1))
	up, err = s.Rebuild()
	want = []string{"/activities/help/", "/data/", "/stories/forestry/", "/stories/other/", "/townships/longtan/"}
	if err != nil || !slices.Equal(up.Rendered, want) {
		t.Errorf("figure edit rendered %v, want %v (%v)", up.Rendered, want, err)
	}
	assertSessionMatchesFullBuild(t, s, dir)

	// A broken input keeps the last good site.
	writeText(t, data, "title: [\n")
	if _, err := s.Rebuild(); err == nil {
		t.Fatal("broken input built")
	}
	if page, ok := s.Page("/stories/other/"); !ok || !strings.Contains(string(page), "320只") {
		t.Error("the last good site is gone")
	}

	// A removed story disappears.
	writeText(t, data, readText(t, data)) // still broken; fix it:
	os.Remove(story)
	writeText(t, data, between(baseSite, "-- data/activities/help.yaml --\n", "\n-- "))
	up, err = s.Rebuild()
	if err != nil || !slices.Contains(up.Removed, "/stories/other/") {
		t.Errorf("removal: %v %v", up, err)
	}
	if _, ok := s.Page("/stories/other/"); ok {
		t.Error("removed story still served")
	}
	assertSessionMatchesFullBuild(t, s, dir)
}

func readText(t testing.TB, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// writeText writes a file, making its folder.
func writeText(t testing.TB, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// An activity's narrative heading keeps clear of its breakdowns' anchors
// in the preview too, when the anchor comes or goes with a YAML edit.
func TestSessionHeadingIDsFollowBreakdownIDs(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	narrative := filepath.Join(dir, "content/activities/help.md")
	writeText(t, narrative, readText(t, narrative)+"\n## Shuiwu\n")
	s := builtSession(t, dir)
	page, _ := s.Page("/activities/help/")
	if !strings.Contains(string(page), `<h2 id="shuiwu">`) {
		t.Fatal("the heading has not its own id")
	}
	data := filepath.Join(dir, "data/activities/help.yaml")
	writeText(t, data, strings.Replace(readText(t, data), "id: tax", "id: shuiwu", 1))
	for _, p := range []string{"content/stories/forestry.md", "data/activities/help.yaml"} {
		p = filepath.Join(dir, p)
		writeText(t, p, strings.ReplaceAll(readText(t, p), "tax.chicks", "shuiwu.chicks"))
	}
	if _, err := s.RebuildChanged([]string{"data/activities/help.yaml", "content/stories/forestry.md"}); err != nil {
		t.Fatal(err)
	}
	page, _ = s.Page("/activities/help/")
	if !strings.Contains(string(page), `<h2 id="shuiwu-1">`) || !strings.Contains(string(page), `id="shuiwu"`) {
		t.Error("the heading took the breakdown's anchor")
	}
	assertSessionMatchesFullBuild(t, s, dir)
}

// The preview follows what a page cites through its references and its
// interface strings: a series' newest point, and the names of places.
func TestSessionFollowsLatestPointsAndPlaceNames(t *testing.T) {
	dir := sitetest.Write(t, nationalSite(t, "national-en"))
	s := builtSession(t, dir)
	// Without its 2019 point, the headcount ratio's latest is 2018's.
	data := filepath.Join(dir, "data/activities/poverty.yaml")
	writeText(t, data, strings.Replace(readText(t, data), "      - date: 2019\n        value: 0.6\n", "", 1))
	up, err := s.Rebuild()
	if err != nil || !slices.Contains(up.Rendered, "/activities/poverty/") {
		t.Fatalf("point removal rendered %v (%v)", up, err)
	}
	if page, _ := s.Page("/activities/poverty/"); !strings.Contains(string(page), `title="Poverty headcount ratio · As of 2018`) {
		t.Error("{{poverty.headcount@latest}} does not follow the series")
	}
	assertSessionMatchesFullBuild(t, s, dir)

	// Places listed at last: the search page offers them, whatever the menu.
	site := filepath.Join(dir, "site.yaml")
	writeText(t, site, readText(t, site)+"menu:\n  - {label: Overview, url: /}\n")
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	writeText(t, filepath.Join(dir, "data/townships.yaml"), "townships:\n  - slug: guizhou\n    name: Guizhou\n")
	up, err = s.Rebuild()
	if err != nil || !slices.Contains(up.Rendered, "/search/") {
		t.Errorf("listing places rendered %v (%v)", up, err)
	}
	assertSessionMatchesFullBuild(t, s, dir)

	// A new name for the places: every page.
	writeText(t, site, readText(t, site)+"place_names:\n  township: province\n")
	if up, err := s.Rebuild(); err != nil || len(up.Rendered) != up.Pages {
		t.Errorf("a new place name rendered %d of %d pages (%v)", len(up.Rendered), up.Pages, err)
	}
	assertSessionMatchesFullBuild(t, s, dir)
}

// The preview reports a mistyped reference as the build does, and
// builds again once it is fixed.
func TestSessionReportsMistypedReferences(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	s := builtSession(t, dir)
	story := filepath.Join(dir, "content/stories/forestry.md")
	good := readText(t, story)
	writeText(t, story, strings.Replace(good, "{{help.forestry.chicks}}", "{{help.forestry.chicks}", 1))
	_, err := s.RebuildChanged([]string{"content/stories/forestry.md"})
	if err == nil || !strings.Contains(err.Error(), "content/stories/forestry.md:9:6: {{help.forestry.chicks}: the reference is not closed") {
		t.Fatalf("mistyped reference: %v", err)
	}
	writeText(t, story, good)
	if _, err := s.RebuildChanged([]string{"content/stories/forestry.md"}); err != nil {
		t.Fatalf("fixed: %v", err)
	}
}

// Every page of the example and of the national site has its reads
// followed, so a rebuild with nothing changed renders none — told so by
// file events, or reading every file again.
func TestSessionRendersNothingWhenNothingChanged(t *testing.T) {
	for name, dir := range map[string]string{"example": exampleCopy(t), "national-en": sitetest.Write(t, nationalSite(t, "national-en"))} {
		s := build.NewSession(sitetest.Options(dir, ""))
		if _, err := s.Rebuild(); err != nil {
			t.Fatal(err)
		}
		for _, changed := range [][]string{{}, nil} {
			if up, err := s.RebuildChanged(changed); err != nil || len(up.Rendered) != 0 {
				t.Errorf("%s: a rebuild told %q changed rendered %v (%v)", name, changed, up.Rendered, err)
			}
		}
	}
}

// An unsafe link is reported at every rebuild until it is fixed, whatever
// the edit: validation blanks it in the decoded data, which the session's
// cache of decoded YAML files must not hand back.
func TestAnUnsafeLinkIsReportedAfterOtherEdits(t *testing.T) {
	dir := sitetest.Write(t, baseSite)
	s := builtSession(t, dir)
	campaign := filepath.Join(dir, "data/campaign.yaml")
	writeText(t, campaign, strings.Replace(readText(t, campaign), "    date: 2020-08-05\n", "    date: 2020-08-05\n    url: javascript:alert(1)\n", 1))
	for i, changed := range [][]string{{"data/campaign.yaml"}, {"content/stories/forestry.md"}, {}, {"content/stories/forestry.md"}} {
		if i == 1 || i == 3 {
			story := filepath.Join(dir, "content/stories/forestry.md")
			writeText(t, story, readText(t, story)+"又一句。\n")
		}
		_, err := s.RebuildChanged(changed)
		if err == nil || !strings.Contains(err.Error(), "unsafe or invalid link") {
			t.Fatalf("rebuild %d (%v): %v", i, changed, err)
		}
	}
	writeText(t, campaign, strings.Replace(readText(t, campaign), "    url: javascript:alert(1)\n", "    url: https://example.org/paper\n", 1))
	if _, err := s.RebuildChanged([]string{"data/campaign.yaml"}); err != nil {
		t.Fatal(err)
	}
	assertSessionMatchesFullBuild(t, s, dir)
}

// builtSession is a session of the site in dir, built once.
func builtSession(t *testing.T, dir string) *build.Session {
	t.Helper()
	s := build.NewSession(sitetest.Options(dir, ""))
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	return s
}
