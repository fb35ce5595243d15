package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/schema"
	"github.com/jinzhan-dev/jinzhan/internal/shell"
)

// Languages are the languages a new site can be written in.
var Languages = []string{"zh-CN", "en"}

// The starter site's names: every one says it is an example to replace.
const (
	starterSource   = "example-source"
	starterActivity = "example-activity"
	starterMetric   = "example"
	starterStory    = "example-story"
)

// NewSite writes a complete, commented starter site into dir, a new or
// empty folder, in lang: settings, the campaign with one source, one
// activity with its narrative, the overview's text, one story, the
// schemas its data files name, and a Makefile. Its figures are
// placeholders (value 0, labelled as examples), never facts about a real
// place. It builds and passes check as written. NewSite returns the paths
// it wrote, relative to dir.
func NewSite(dir, lang, today string) ([]string, error) {
	if !slices.Contains(Languages, lang) {
		return nil, fmt.Errorf("unknown language %q: use %s", lang, strings.Join(Languages, " or "))
	}
	switch entries, err := os.ReadDir(dir); {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, err
	case len(entries) > 0:
		return nil, fmt.Errorf("%s is not empty: pass a new or empty folder", dir)
	}
	info := siteInfo{lang: lang, source: starterSource, activity: starterActivity, metric: starterMetric}
	w := &writer{root: dir, lang: lang, words: info.words(starterActivity, today)}
	w.file(load.SiteFile, "site.yaml", schema.Modeline("site", load.SiteFile))
	w.file(load.CampaignFile, "campaign.yaml", schema.Modeline("campaign", load.CampaignFile))
	w.file(path.Join(load.ContentDir, "_index.md"), "_index.md", "")
	w.activity(starterActivity)
	w.words = info.words(starterStory, today)
	w.file(path.Join(load.ContentDir, "stories", starterStory+".md"), "story.md", "")
	w.file("Makefile", "Makefile", "")
	w.file(".gitignore", "gitignore", "")
	return w.wrote, w.err
}

// NextSteps tells, in the new site's language, what to run in the site
// made in dir.
func NextSteps(dir, lang string) string {
	lines := []diag.Text{
		diag.T("The site is ready to fill in. Next:"),
		diag.T("  cd %s", shell.Quote(dir)),
		diag.T("  jinzhan serve    preview it at http://127.0.0.1:1313/ while you edit"),
		diag.T("  jinzhan check    check the data, the texts and every link"),
		diag.T("  jinzhan build    build the site into public/"),
		diag.T("Every figure in it is an example (value 0): replace them with the figures of your sources."),
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.In(lang)
	}
	return strings.Join(out, "\n")
}
