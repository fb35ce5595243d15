package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jinzhan-dev/jinzhan"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/theme"
)

// A build streams its stories with jinzhan's own layouts, in both
// languages, and with a site's own layouts that read nothing a story page
// rendered early lacks; it does not when a layout reads what the other
// stories make, a story's text from another page, or a value holding
// either whole.
func TestStreamingFollowsTheLayouts(t *testing.T) {
	for _, c := range []struct {
		name   string
		layout string // the site's own layouts/<kind>.html
		file   string
		why    string // "" streams; else a part of why not
	}{
		{"jinzhan's own", "", "", ""},
		{"a story layout of the site's own", "story", `{{define "main"}}<h1>{{.Page.Title}}</h1>{{.Content}}{{.Page.Story.Activity.Title}}{{range .Site.Activities}}{{.URL}}{{end}}{{end}}`, ""},
		{"the activity's stories", "story", `{{define "main"}}{{range .Page.Story.Activity.Stories}}{{.Title}}{{end}}{{end}}`, "Page.Story.Activity.Stories: what the other texts make"},
		{"every story", "story", `{{define "main"}}{{len .Site.Stories}}{{end}}`, "Site.Stories: what the other texts make"},
		{"the activity's page", "story", `{{define "main"}}{{with .Page.Story.Activity.Page}}{{.Title}}{{end}}{{end}}`, "Page.Story.Activity.Page: what the other texts make"},
		{"the activity whole", "story", `{{define "main"}}{{printf "%v" .Page.Story.Activity}}{{end}}`, "Page.Story.Activity whole"},
		{"a story's text from a list", "stories", `{{define "main"}}{{range .Page.List.Stories}}{{.Page.Doc.Path}}{{end}}{{end}}`, "Page.List.Stories.[].Page.Doc: a story's text"},
		{"a story whole from a list", "stories", `{{define "main"}}{{range .Page.List.Stories}}{{printf "%v" .}}{{end}}{{end}}`, "Page.List.Stories.[] whole"},
	} {
		t.Run(c.name, func(t *testing.T) {
			site := fstest.MapFS{}
			if c.layout != "" {
				site["layouts/"+c.layout+".html"] = &fstest.MapFile{Data: []byte(c.file)}
			}
			for _, lang := range []string{"zh-CN", "en"} {
				th, err := NewTheme(theme.New(site, "default", jinzhan.DefaultTheme()), lang, load.PlaceNames{}, nil)
				if err != nil {
					t.Fatal(err)
				}
				ok, why := th.StreamsStories()
				if c.why == "" && !ok {
					t.Errorf("%s: not streamed: %s", lang, why)
				}
				if c.why != "" && (ok || !strings.Contains(why, c.why)) {
					t.Errorf("%s: streamed %v (%q), want not, for %q", lang, ok, why, c.why)
				}
			}
		})
	}
}
