// Package check holds what `jinzhan check` verifies beyond a build: that
// every link and image of every page resolves, and that no data is stale.
package check

import (
	"bytes"
	"net/url"
	"path"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"golang.org/x/net/html"
)

// Output is the built site held in memory: pages by URL and other files by path.
type Output struct {
	Pages map[string][]byte // "/stories/x/" → HTML
	Files map[string]bool   // "assets/css/site.1a2b3c4d.css"
	ids   map[string]map[string]bool
}

// target is a link's page or file and its fragment.
type target struct {
	page, file, fragment string
}

// resolve turns href (as written on the page at base) into a target inside
// the site; ok is false for links that leave the site.
func resolve(base, href string) (target, bool) {
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(href, "//") {
		return target{}, false
	}
	p := u.Path
	if p == "" {
		p = base
	} else if !strings.HasPrefix(p, "/") {
		p = path.Join(path.Dir(base+"x"), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	if strings.HasSuffix(p, "/") {
		return target{page: p, fragment: u.Fragment}, true
	}
	if strings.HasSuffix(p, "/index.html") {
		return target{page: strings.TrimSuffix(p, "index.html"), fragment: u.Fragment}, true
	}
	return target{file: strings.TrimPrefix(p, "/"), fragment: u.Fragment}, true
}

// exists reports whether the target is in the output, fragment included.
func (o *Output) exists(t target) bool {
	if t.file != "" {
		if o.Files[t.file] {
			return t.fragment == ""
		}
		// /stories/x without the trailing slash is served as the page.
		t.page = "/" + t.file + "/"
	}
	page, ok := o.Pages[t.page]
	if !ok {
		return false
	}
	if t.fragment == "" {
		return true
	}
	return o.idsOf(t.page, page)[t.fragment]
}

func (o *Output) idsOf(u string, page []byte) map[string]bool {
	if o.ids == nil {
		o.ids = map[string]map[string]bool{}
	}
	if ids, ok := o.ids[u]; ok {
		return ids
	}
	ids := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			for _, a := range attrs(z) {
				if a.Key == "id" {
					ids[a.Val] = true
				}
			}
		}
	}
	o.ids[u] = ids
	return ids
}

func attrs(z *html.Tokenizer) []html.Attribute {
	var out []html.Attribute
	for {
		k, v, more := z.TagAttr()
		if k == nil {
			return out
		}
		out = append(out, html.Attribute{Key: string(k), Val: string(v)})
		if !more {
			return out
		}
	}
}

// Links checks every link and image: those written in Markdown are
// reported at their line in the Markdown file, the rest (from layouts) at
// the page.
func Links(s *site.Site, out *Output, list *diag.List) {
	reported := map[string]bool{}
	for _, p := range s.Pages {
		if p.Doc != nil {
			markdownLinks(p, out, list, reported)
		}
	}
	for _, p := range s.Pages {
		z := html.NewTokenizer(bytes.NewReader(out.Pages[p.URL]))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			for _, a := range attrs(z) {
				for _, link := range links(a) {
					t, inside := resolve(p.URL, link)
					if !inside || out.exists(t) || reported[p.URL+" "+link] {
						continue
					}
					reported[p.URL+" "+link] = true
					list.Errorf(diag.Pos{File: "public" + p.URL + "index.html"}, "", diag.T("a layout links here; check the theme's templates"), "broken link %q", link)
				}
			}
		}
	}
}

// links are the addresses an attribute holds: href and src hold one,
// srcset one per candidate ("a.jpg 480w, b.jpg 960w").
func links(a html.Attribute) []string {
	switch a.Key {
	case "href", "src":
		return []string{a.Val}
	case "srcset":
		var out []string
		for _, c := range strings.Split(a.Val, ",") {
			if f := strings.Fields(c); len(f) > 0 {
				out = append(out, f[0])
			}
		}
		return out
	}
	return nil
}

// markdownLinks checks the links and images of one Markdown document.
func markdownLinks(p *site.Page, out *Output, list *diag.List, reported map[string]bool) {
	d := p.Doc
	for _, l := range d.Links {
		t, inside := resolve(p.URL, l.Destination)
		if !inside || out.exists(t) {
			continue
		}
		reported[p.URL+" "+l.Destination] = true
		pos := diag.Pos{File: d.Path}
		if l.Offset >= 0 {
			pos = d.PosAt(l.Offset)
		}
		list.Errorf(pos, "", diag.T("link to a page of the site such as /townships/ or /stories/<slug>/, or to a file under static/"), "broken link %q", l.Destination)
	}
}
