package render

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// FeedEntries is how many of the newest stories a feed carries.
const FeedEntries = 50

// Atom types (RFC 4287), encoded with encoding/xml so every string is escaped.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Base    string      `xml:"http://www.w3.org/XML/1998/namespace base,attr"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published"`
	Link      atomLink   `xml:"link"`
	Summary   *atomText  `xml:"summary,omitempty"`
	Content   atomText   `xml:"content"`
	Category  []atomTerm `xml:"category"`
}

type atomTerm struct {
	Term string `xml:"term,attr"`
}

// atomDate gives a story's date as an Atom timestamp (midnight, UTC).
func atomDate(d load.Date) string {
	return fmt.Sprintf("%04d-%02d-%02dT00:00:00Z", d.Year, max(d.Month, 1), max(d.Day, 1))
}

// Feed writes an Atom feed of stories (newest first) with their full text.
func (t *Theme) Feed(s *site.Site, title, path string, page string, stories []*site.Story) ([]byte, error) {
	f := atomFeed{
		Base: s.BaseURL + "/", Lang: s.Language, ID: s.BaseURL + path, Title: title,
		Links:  []atomLink{{Rel: "self", Type: "application/atom+xml", Href: s.BaseURL + path}, {Rel: "alternate", Type: "text/html", Href: s.BaseURL + page}},
		Author: atomAuthor{Name: s.Title},
	}
	stories = stories[:min(FeedEntries, len(stories))]
	if len(stories) > 0 {
		f.Updated = atomDate(stories[0].Date)
	} else {
		f.Updated = atomDate(load.Date{Year: 2000})
	}
	var body bytes.Buffer
	for _, st := range stories {
		body.Reset()
		if err := st.Page.Doc.Text.Render(&body, st.Page.Resolved, chartsInFeed(t.base, s.BaseURL)); err != nil {
			return nil, fmt.Errorf("%s: %w", st.Page.Doc.Path, err)
		}
		e := atomEntry{
			ID: s.BaseURL + st.URL, Title: st.Title, Updated: atomDate(st.Date), Published: atomDate(st.Date),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: s.BaseURL + st.URL},
			Content: atomText{Type: "html", Body: body.String()},
		}
		if st.Summary != "" {
			e.Summary = &atomText{Type: "text", Body: st.Summary}
		}
		if st.Activity != nil {
			e.Category = append(e.Category, atomTerm{Term: st.Activity.ShortTitle})
		}
		for _, t := range st.Townships {
			e.Category = append(e.Category, atomTerm{Term: t.Name})
		}
		f.Entries = append(f.Entries, e)
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

// SiteFile is one file made from the whole model, made only when asked:
// a build makes each on the workers that render the pages.
type SiteFile struct {
	Path string
	Make func() ([]byte, error)
}

// SiteFileMakers lists the files made from the whole model: feeds, the
// sitemap, and robots.txt unless the site brings its own.
func (t *Theme) SiteFileMakers(s *site.Site) []SiteFile {
	out := []SiteFile{{"feed.xml", func() ([]byte, error) { return t.Feed(s, s.Title, "/feed.xml", "/stories/", s.Stories) }}}
	for _, a := range s.Activities {
		out = append(out, SiteFile{a.URL[1:] + "feed.xml", func() ([]byte, error) { return t.Feed(s, a.Title, a.URL+"feed.xml", a.URL, a.Stories) }})
	}
	out = append(out, sitemapFiles(s)...)
	hasRobots := false
	for _, f := range t.files {
		hasRobots = hasRobots || f.Path == "robots.txt"
	}
	if !hasRobots {
		robots := "User-agent: *\nAllow: /\n\nSitemap: " + s.BaseURL + "/sitemap.xml\n"
		out = append(out, SiteFile{"robots.txt", func() ([]byte, error) { return []byte(robots), nil }})
	}
	return out
}

// SiteFiles makes the files made from the whole model (see SiteFilePaths).
func (t *Theme) SiteFiles(s *site.Site) ([]File, error) {
	var out []File
	for _, f := range t.SiteFileMakers(s) {
		data, err := f.Make()
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: f.Path, Data: data})
	}
	return out, nil
}

// SiteFilePaths are the paths of SiteFiles, known without making them.
func (t *Theme) SiteFilePaths(s *site.Site) []string {
	var out []string
	for _, f := range t.SiteFileMakers(s) {
		out = append(out, f.Path)
	}
	return out
}
