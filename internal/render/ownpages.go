package render

import (
	"bytes"
	"cmp"
	"html/template"
	"io"

	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// Story pages written in Go. A site of 10,000 stories spends a third of
// its build in html/template's reflective calls on story pages, so when
// every template a story page uses is jinzhan's own (the site overrides
// none of baseof, story, the partials it calls), the page is written by
// the code below instead: the same bytes, escaped as html/template
// escapes each value in its place (escape.go). It mirrors
// themes/default/layouts/baseof.html and story.html; any change to them
// must be made here too, and TestOwnStoryPageIsTheTemplates (every story
// of the example and the national sites, hostile strings in every field)
// fails until it is. Rare parts (photos, the figure table) are still
// rendered by their templates; the header and footer come from the same
// fragment cache the templates use.

// ownPage writes one kind of page of jinzhan's own theme.
type ownPage struct {
	set    *template.Template // the kind's templates, for the parts kept in them
	cached fragmentFunc
}

// write renders the story page p of the build s into w.
func (o *ownPage) write(w io.Writer, t *Theme, s *site.Site, p *site.Page) error {
	b, ok := w.(*bytes.Buffer)
	if !ok {
		b = t.bufs.Get().(*bytes.Buffer)
		defer t.putBuf(b)
	}
	if err := o.head(b, t, s, p); err != nil {
		return err
	}
	if err := o.frame(b, t, s, p, o.story); err != nil {
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
func (o *ownPage) frame(b *bytes.Buffer, t *Theme, s *site.Site, p *site.Page, main func(*bytes.Buffer, *Theme, *site.Site, *site.Page) error) error {
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
	if err := main(b, t, s, p); err != nil {
		return err
	}
	b.WriteString("\n</main>\n")
	if err := o.fragment(b, "footer", "", data); err != nil {
		return err
	}
	b.WriteString("\n</body>\n</html>\n")
	return nil
}

// story writes story.html's "main".
func (o *ownPage) story(b *bytes.Buffer, t *Theme, s *site.Site, p *site.Page) error {
	st := p.Story
	b.WriteString("\n<div class=\"wrap narrow\" data-pagefind-body>\n<nav class=\"breadcrumb\" aria-label=\"")
	writeText(b, t.text("breadcrumb"))
	b.WriteString("\"><a href=\"/\">")
	writeText(b, t.text("kind_home"))
	b.WriteString("</a> <span aria-hidden=\"true\">›</span> <a href=\"/stories/\">")
	writeText(b, t.text("kind_stories"))
	b.WriteString("</a> <span aria-hidden=\"true\">›</span> <span aria-current=\"page\">")
	writeText(b, st.Title)
	b.WriteString("</span></nav>\n<article class=\"story\">\n  <header class=\"page-head\">\n    <h1>")
	writeText(b, st.Title)
	b.WriteString("</h1>\n    <p class=\"story-meta\">\n      <time datetime=\"")
	writeText(b, st.Date.ISO())
	b.WriteString("\">")
	writeText(b, t.loc.Date(st.Date))
	b.WriteString("</time>")
	if a := st.Activity; a != nil {
		b.WriteString(" · <a href=\"")
		writeURL(b, a.URL)
		b.WriteString("\">")
		writeText(b, a.ShortTitle)
		b.WriteString("</a>")
	}
	for _, town := range st.Townships {
		b.WriteString(" · <a href=\"")
		writeURL(b, town.URL)
		b.WriteString("\">")
		writeText(b, town.Name)
		b.WriteString("</a>")
	}
	b.WriteString("\n    </p>")
	if st.Summary != "" {
		b.WriteString("<p class=\"lead\">")
		writeText(b, st.Summary)
		b.WriteString("</p>")
	}
	b.WriteString("\n  </header>\n  <div class=\"prose\">")
	if p.Doc != nil {
		if err := t.content(b, o.set, p); err != nil {
			return err
		}
	}
	b.WriteString("</div>")
	if len(st.Photos) > 0 {
		if err := o.set.ExecuteTemplate(b, "photos", st.Photos); err != nil {
			return err
		}
	} else {
		b.WriteString("\n") // what "photos" writes for none
	}
	if len(st.Figures) > 0 {
		b.WriteString("\n  <section class=\"story-figures\" aria-labelledby=\"story-figures-title\">\n    <h2 id=\"story-figures-title\">")
		writeText(b, t.text("figures_in_story"))
		b.WriteString("</h2>\n    ")
		if err := o.set.ExecuteTemplate(b, "figure-table", st.Figures); err != nil {
			return err
		}
		b.WriteString("\n  </section>")
	}
	b.WriteString("\n</article>\n</div>\n")
	return nil
}

// fragment writes the kept rendering of a fragment template.
func (o *ownPage) fragment(b *bytes.Buffer, name string, key any, data pageData) error {
	h, err := o.cached(name, key, data)
	if err != nil {
		return err
	}
	b.WriteString(string(h))
	return nil
}

// asset writes the fingerprinted URL of a theme asset with write.
func (o *ownPage) asset(b *bytes.Buffer, t *Theme, name string, write func(*bytes.Buffer, string)) error {
	u, err := t.asset(name)
	if err == nil {
		write(b, u)
	}
	return err
}
