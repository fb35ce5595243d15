package render

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// sitemapLimit is how many URLs one sitemap file may list (sitemaps.org
// 0.9; search engines ignore the rest).
const sitemapLimit = 50000

// sitemapFiles list every page with its absolute URL, a story with its
// date: in sitemap.xml, or past sitemapLimit pages in sitemap-1.xml,
// sitemap-2.xml … of sitemapLimit pages each, which sitemap.xml then lists
// as a sitemap index (robots.txt names sitemap.xml either way).
func sitemapFiles(s *site.Site) []SiteFile {
	if len(s.Pages) <= sitemapLimit {
		return []SiteFile{{"sitemap.xml", func() ([]byte, error) { return sitemap(s.BaseURL, s.Pages), nil }}}
	}
	parts := (len(s.Pages) + sitemapLimit - 1) / sitemapLimit
	out := []SiteFile{{"sitemap.xml", func() ([]byte, error) { return sitemapIndex(s.BaseURL, parts), nil }}}
	for i := range parts {
		pages := s.Pages[i*sitemapLimit : min(len(s.Pages), (i+1)*sitemapLimit)]
		out = append(out, SiteFile{sitemapPart(i), func() ([]byte, error) { return sitemap(s.BaseURL, pages), nil }})
	}
	return out
}

// sitemapPart is the path of the i-th sitemap file under the index, from 0.
func sitemapPart(i int) string { return fmt.Sprintf("sitemap-%d.xml", i+1) }

// sitemap writes a urlset of pages, as encoding/xml would indent it, but
// without its reflection: a site of 100,000 stories has 110,000 entries.
func sitemap(base string, pages []*site.Page) []byte {
	var b bytes.Buffer
	b.Grow(len(pages) * 96)
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, p := range pages {
		b.WriteString("\n  <url>\n    <loc>")
		escapeXML(&b, base)
		escapeXML(&b, p.URL)
		b.WriteString("</loc>")
		if p.Story != nil {
			b.WriteString("\n    <lastmod>")
			escapeXML(&b, p.Story.Date.ISO())
			b.WriteString("</lastmod>")
		}
		b.WriteString("\n  </url>")
	}
	b.WriteString("\n</urlset>\n")
	return b.Bytes()
}

// escapeXML writes s as xml.EscapeText does. It escapes character by
// character, so the parts of a text may be escaped one by one; and the
// addresses and dates a sitemap lists seldom hold a character to escape,
// so they are written as they are, unconverted (a tenth of the CPU of a
// 100,000-story sitemap was EscapeText).
func escapeXML(b *bytes.Buffer, s string) {
	for i := range len(s) {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			xml.EscapeText(b, []byte(s))
			return
		}
	}
	b.WriteString(s)
}

// sitemapIndex lists the parts of a sitemap split by sitemapLimit.
func sitemapIndex(base string, parts int) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i := range parts {
		b.WriteString("\n  <sitemap>\n    <loc>")
		xml.EscapeText(&b, []byte(base+"/"+sitemapPart(i)))
		b.WriteString("</loc>\n  </sitemap>")
	}
	b.WriteString("\n</sitemapindex>\n")
	return b.Bytes()
}
