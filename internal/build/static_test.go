package build

import (
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// A static file gives way to what the build makes at its path, at a
// folder its path needs, or inside it; pages are found among thousands
// by their URL.
func TestStaticFilesGiveWayToWhatTheBuildMakes(t *testing.T) {
	made := madePaths{files: map[string]bool{}, folders: map[string]bool{}}
	for _, url := range []string{"/", "/activities/help/", "/stories/", "/stories/page/2/", "/stories/x/", "/townships/"} {
		made.pages = append(made.pages, &site.Page{URL: url})
	}
	made.add("data/figures.json")
	made.add("feed.xml")
	owned := map[string]bool{"pagefind": true}
	for p, want := range map[string]string{
		"index.html":                  "index.html",
		"stories/x/index.html":        "stories/x/index.html",
		"stories/page/2/index.html":   "stories/page/2/index.html",
		"stories":                     "stories/",
		"stories/page":                "stories/page/",
		"activities":                  "activities/",
		"stories/x/index.html/a.png":  "stories/x/index.html",
		"data":                        "data/",
		"data/figures.json":           "data/figures.json",
		"data/figures.json/x.csv":     "data/figures.json",
		"feed.xml":                    "feed.xml",
		"pagefind/pagefind.js":        "pagefind/",
		"stories/y/index.html":        "",
		"stories/x/photo.jpg":         "",
		"storiesx/index.html":         "",
		"townships/index.htm":         "",
		"assets/index.html":           "",
		"activities/help/index.htmlx": "",
		"robots.txt":                  "",
	} {
		if got := made.replacing(p, owned); got != want {
			t.Errorf("%s: %q takes its place, want %q", p, got, want)
		}
	}
}
