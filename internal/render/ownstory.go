package render

import (
	"bytes"

	"github.com/jinzhan-dev/jinzhan/internal/site"
)

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
		b.WriteString(" · ")
		writeLink(b, "", a.URL, a.ShortTitle)
	}
	for _, town := range st.Townships {
		b.WriteString(" · ")
		writeLink(b, "", town.URL, town.Name)
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
		if err := o.figureTable(b, t, st.Figures); err != nil {
			return err
		}
		b.WriteString("\n  </section>")
	}
	b.WriteString("\n</article>\n</div>\n")
	return nil
}

// figureTable writes figures.html's "figure-table", each row the cached
// "figure-row".
func (o *ownPage) figureTable(b *bytes.Buffer, t *Theme, figures []*site.Figure) error {
	b.WriteString("\n<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
	writeText(b, t.text("data_table"))
	b.WriteString("\">\n<table class=\"figure-table\">\n  <thead><tr><th scope=\"col\">")
	writeText(b, t.text("chart_item"))
	b.WriteString("</th><th scope=\"col\" class=\"num\">")
	writeText(b, t.text("chart_value"))
	b.WriteString("</th><th scope=\"col\">")
	writeText(b, t.text("as_of"))
	b.WriteString("</th><th scope=\"col\">")
	writeText(b, t.text("source"))
	b.WriteString("</th></tr></thead>\n  <tbody>")
	for _, f := range figures {
		b.WriteString("\n    ")
		if err := o.fragment(b, "figure-row", f, f); err != nil {
			return err
		}
	}
	b.WriteString("\n  </tbody>\n</table>\n</div>\n")
	return nil
}
