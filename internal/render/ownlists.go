package render

import (
	"bytes"

	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// stories writes stories.html's "main": one page of a story list.
func (o *ownPage) stories(b *bytes.Buffer, t *Theme, s *site.Site, p *site.Page) error {
	l := p.List
	b.WriteString("\n<div class=\"wrap\">\n<nav class=\"breadcrumb\" aria-label=\"")
	writeText(b, t.text("breadcrumb"))
	b.WriteString("\"><a href=\"/\">")
	writeText(b, t.text("kind_home"))
	b.WriteString("</a> <span aria-hidden=\"true\">›</span>")
	if a := l.Activity; a != nil {
		b.WriteString(" ")
		writeLink(b, "", a.URL, a.ShortTitle)
		b.WriteString(" <span aria-hidden=\"true\">›</span>")
	}
	if town := l.Township; town != nil {
		b.WriteString(" <a href=\"/townships/\">")
		writeText(b, t.text("kind_townships"))
		b.WriteString("</a> <span aria-hidden=\"true\">›</span> ")
		writeLink(b, "", town.URL, town.Name)
		b.WriteString(" <span aria-hidden=\"true\">›</span>")
	}
	b.WriteString("\n <span aria-current=\"page\">")
	writeText(b, t.text("kind_stories"))
	b.WriteString("</span></nav>\n<header class=\"page-head\">\n  <h1>")
	writeText(b, t.listTitle(p.Title))
	b.WriteString("</h1>\n  <p class=\"lead\">")
	writeText(b, t.text("stories_lead", l.Total))
	if l.Pages > 1 {
		b.WriteString(" ")
		writeText(b, t.text("page_of", l.Number, l.Pages))
	}
	b.WriteString("</p>\n</header>")
	if len(l.Stories) > 0 {
		b.WriteString("\n")
		storyList(b, t, l.Stories)
	} else {
		b.WriteString("\n<p class=\"muted\">")
		writeText(b, t.text("no_stories"))
		b.WriteString("</p>")
	}
	if l.Pages > 1 {
		b.WriteString("\n<nav class=\"pagination\" aria-label=\"")
		writeText(b, t.text("pagination"))
		b.WriteString("\">")
		if l.Prev != "" {
			writeLink(b, ` rel="prev"`, l.Prev, t.text("page_prev"))
		}
		b.WriteString("\n  <span>")
		writeText(b, t.text("page_of", l.Number, l.Pages))
		b.WriteString("</span>")
		if l.Next != "" {
			writeLink(b, ` rel="next"`, l.Next, t.text("page_next"))
		}
		b.WriteString("\n</nav>")
	}
	b.WriteString("\n</div>\n")
	return nil
}

// storyList writes figures.html's "story-list" and its "story-item"s.
func storyList(b *bytes.Buffer, t *Theme, stories []*site.Story) {
	b.WriteString("\n<ul class=\"story-list\">")
	for _, st := range stories {
		b.WriteString("\n  <li class=\"story-item\">\n    <a class=\"story-link\" href=\"")
		writeURL(b, st.URL)
		b.WriteString("\">")
		writeText(b, st.Title)
		b.WriteString("</a>\n    <p class=\"story-meta\"><time datetime=\"")
		writeText(b, st.Date.ISO())
		b.WriteString("\">")
		writeText(b, t.loc.Date(st.Date))
		b.WriteString("</time>")
		for _, town := range st.Townships {
			b.WriteString(" · ")
			writeText(b, town.Name)
		}
		b.WriteString("</p>")
		if st.Summary != "" {
			b.WriteString("<p class=\"story-summary\">")
			writeText(b, st.Summary)
			b.WriteString("</p>")
		}
		b.WriteString("\n  </li>")
	}
	b.WriteString("\n</ul>\n")
}
