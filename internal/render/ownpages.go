package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"io"

	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// Pages written in Go. A site of 10,000 stories spent a third of its
// build in html/template's reflective calls on its story pages and story
// lists, so when every template such a page uses is jinzhan's own (the
// site overrides none of baseof, the page's layout, the partials it
// calls), the page is written by the code here instead: the same bytes,
// each value escaped as html/template escapes it in its place
// (escape.go). The code mirrors themes/default/layouts/baseof.html,
// story.html (ownstory.go) and stories.html (ownlists.go); a change to
// them must be made here too, and TestOwnPagesAreTheTemplates (every page
// of the example, national and hostile sites) and FuzzOwnPages (any
// strings in every field and URL a page shows) fail until it is. Rare
// parts (photos) are still rendered by their templates; the header,
// footer and figure rows come from the fragment cache the templates use.

// ownPage writes one kind of page of jinzhan's own theme.
type ownPage struct {
	set    *template.Template // the kind's templates, for the parts kept in them
	cached fragmentFunc
	ownLayout
}

// ownLayout is a layout written in Go: its "main", and what a page must
// have for it (a page the model never makes goes through the templates,
// which say what is wrong).
type ownLayout struct {
	main func(o *ownPage, b *bytes.Buffer, t *Theme, s *site.Site, p *site.Page) error
	fits func(*site.Page) bool
}

// ownLayouts are the layouts written in Go, by kind of page.
var ownLayouts = map[string]ownLayout{
	"story":   {(*ownPage).story, func(p *site.Page) bool { return p.Story != nil }},
	"stories": {(*ownPage).stories, func(p *site.Page) bool { return p.List != nil }},
}

// ownPageOf is the Go writer of pages of kind when set, its templates, are
// jinzhan's own throughout (own[entry]); nil otherwise.
func ownPageOf(kind string, set *template.Template, cached fragmentFunc, own map[string]bool) *ownPage {
	layout, ok := ownLayouts[kind]
	if !ok || !own[entry] {
		return nil
	}
	return &ownPage{set: set, cached: cached, ownLayout: layout}
}

// ownFor is the Go writer of p, or nil when p goes through the templates.
func (t *Theme) ownFor(p *site.Page) *ownPage {
	if o := t.own[p.Kind]; o != nil && o.fits(p) {
		return o
	}
	return nil
}

// write renders the page p of the build s into w.
func (o *ownPage) write(w io.Writer, t *Theme, s *site.Site, p *site.Page) error {
	b, ok := w.(*bytes.Buffer)
	if !ok {
		b = t.bufs.Get().(*bytes.Buffer)
		defer t.putBuf(b)
	}
	if err := o.head(b, t, s, p); err != nil {
		return err
	}
	if err := o.frame(b, t, s, p); err != nil {
		return err
	}
	if !ok {
		_, err := w.Write(b.Bytes())
		return err
	}
	return nil
}

// head writes baseof.html up to </head>.
func (o *ownPage) head(b *bytes.Buffer, t *Theme, s *site.Site, p *site.Page) error {
	title := p.Title
	if title == "" {
		title = t.text("kind_" + p.Kind)
	}
	if l := p.List; l != nil {
		title = t.listTitle(p.Title)
		if l.Number > 1 {
			title = title + " " + t.text("page_of", l.Number, l.Pages)
		}
	}
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	writeText(b, s.Language)
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	if p.Kind != "home" {
		writeText(b, title)
		b.WriteString(" · ")
	}
	writeText(b, s.Title)
	b.WriteString("</title>")
	description := cmp.Or(p.Summary, s.Description)
	if description != "" {
		b.WriteString("\n<meta name=\"description\" content=\"")
		writeText(b, description)
		b.WriteString("\">")
	}
	b.WriteString("\n<link rel=\"canonical\" href=\"")
	writeURL(b, s.BaseURL+p.URL)
	b.WriteString("\">\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
	writeText(b, s.Title)
	b.WriteString("\" href=\"/feed.xml\">")
	if a := p.Activity; a != nil {
		b.WriteString("\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
		writeText(b, a.Title)
		b.WriteString("\" href=\"")
		writeURL(b, a.URL)
		b.WriteString("feed.xml\">")
	}
	b.WriteString("\n<meta property=\"og:site_name\" content=\"")
	writeText(b, s.Title)
	b.WriteString("\">\n<meta property=\"og:title\" content=\"")
	writeText(b, title)
	b.WriteString("\">\n<meta property=\"og:url\" content=\"")
	writeText(b, s.BaseURL+p.URL)
	b.WriteString("\">\n<meta property=\"og:type\" content=\"")
	if p.Story != nil {
		b.WriteString("article")
	} else {
		b.WriteString("website")
	}
	b.WriteString("\">\n<meta property=\"og:locale\" content=\"")
	if s.Language == "en" {
		b.WriteString("en_US")
	} else {
		b.WriteString("zh_CN")
	}
	b.WriteString("\">")
	if description != "" {
		b.WriteString("\n<meta property=\"og:description\" content=\"")
		writeText(b, description)
		b.WriteString("\">")
	}
	photos := false
	if st := p.Story; st != nil {
		b.WriteString("\n<meta property=\"article:published_time\" content=\"")
		writeText(b, st.Date.ISO())
		b.WriteString("\">")
		if photos = len(st.Photos) > 0; photos && st.Photos[0] != nil {
			first := st.Photos[0]
			if first.Image == nil || len(first.Image.Variants) == 0 {
				// The model never makes one; the templates fail on it too.
				return fmt.Errorf("%s: photo %s has no image", p.URL, first.File)
			}
			b.WriteString("\n<meta property=\"og:image\" content=\"")
			writeText(b, s.BaseURL+first.Image.Largest().URL())
			b.WriteString("\">\n<meta property=\"og:image:alt\" content=\"")
			writeText(b, first.Alt)
			b.WriteString("\">")
		}
	}
	b.WriteString("\n<meta name=\"twitter:card\" content=\"")
	if photos {
		b.WriteString("summary_large_image")
	} else {
		b.WriteString("summary")
	}
	b.WriteString("\">\n<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"")
	if err := o.asset(b, t, "css/site.css", writeURL); err != nil {
		return err
	}
	b.WriteString("\">")
	if p.Charts {
		b.WriteString("\n<script src=\"")
		if err := o.asset(b, t, "js/charts.js", writeURL); err != nil {
			return err
		}
		b.WriteString("\" data-echarts=\"")
		if err := o.asset(b, t, "js/echarts.min.js", writeText); err != nil {
			return err
		}
		b.WriteString("\" defer></script>")
	}
	b.WriteString("\n</head>\n")
	return nil
}

// frame writes baseof.html's body around main, the page's own part.
func (o *ownPage) frame(b *bytes.Buffer, t *Theme, s *site.Site, p *site.Page) error {
	data := pageData{Site: s, Page: p}
	b.WriteString("<body class=\"kind-")
	writeText(b, p.Kind)
	b.WriteString("\">\n<a class=\"skip-link\" href=\"#main\">")
	writeText(b, t.text("skip_to_content"))
	b.WriteString("</a>\n\n")
	if err := o.fragment(b, "header", menuKey(s.Menu, p.URL), data); err != nil {
		return err
	}
	b.WriteString("\n<main id=\"main\" tabindex=\"-1\">\n")
	if err := o.main(o, b, t, s, p); err != nil {
		return err
	}
	b.WriteString("\n</main>\n")
	if err := o.fragment(b, "footer", "", data); err != nil {
		return err
	}
	b.WriteString("\n</body>\n</html>\n")
	return nil
}

// fragment writes the kept rendering of a fragment template.
func (o *ownPage) fragment(b *bytes.Buffer, name string, key, data any) error {
	h, err := o.cached(name, key, data)
	if err != nil {
		return err
	}
	b.WriteString(string(h))
	return nil
}

// writeLink writes <a href="url">text</a>, attrs (written as they are)
// before href.
func writeLink(b *bytes.Buffer, attrs, url, text string) {
	b.WriteString("<a")
	b.WriteString(attrs)
	b.WriteString(" href=\"")
	writeURL(b, url)
	b.WriteString("\">")
	writeText(b, text)
	b.WriteString("</a>")
}

// asset writes the fingerprinted URL of a theme asset with write.
func (o *ownPage) asset(b *bytes.Buffer, t *Theme, name string, write func(*bytes.Buffer, string)) error {
	u, err := t.asset(name)
	if err == nil {
		write(b, u)
	}
	return err
}
