package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		// t looks up an interface string; a missing key shows as itself so
		// that it is noticed, never as an empty string.
		"t": func(key string, args ...any) string {
			s, ok := r.strings[key]
			if !ok {
				return key
			}
			if len(args) > 0 {
				return fmt.Sprintf(s, args...)
			}
			return s
		},
		"asset": func(name string) (string, error) {
			u, ok := r.urls[name]
			if !ok {
				return "", fmt.Errorf("theme asset %q not found", name)
			}
			return u, nil
		},
		"absURL": func(s *site.Site, p string) string { return s.BaseURL + p },
		"date":   r.loc.Date,
		"iso":    func(d load.Date) string { return d.ISO() },
		// fig shows a figure in the site's language: 1.2万名, 12,000 people.
		"fig":        func(f *site.Figure) string { return r.loc.Figure(f.Quantity) },
		"sourceLine": r.loc.Citation,
		"figNote":    func(f *site.Figure) string { return site.FigureNote(f, r.words, r.loc) },
		"limit": func(n int, stories []*site.Story) []*site.Story {
			return stories[:min(n, len(stories))]
		},
		"progress":  progress,
		"goal":      r.goal,
		"join":      strings.Join,
		"add":       func(a, b int) int { return a + b },
		"sub":       func(a, b int) int { return a - b },
		"kindName":  func(kind string) string { return r.strings["kind_"+kind] },
		"listTitle": r.listTitle,
		"cached":    r.cachedPartial,
		// menuKey names the menu item a page is under ("" for none): the
		// header differs only by it, so it is cached per menu item.
		"menuKey": func(s *site.Site, p *site.Page) string {
			for _, m := range s.Menu {
				if m.URL == p.URL {
					return m.URL
				}
			}
			return ""
		},
		"filesize": filesize,
	}
}

// progress is how far a target is reached, 0–100, for a progress bar.
func progress(t *validate.Target) int { return t.Progress() }

// goal says what a target aims at: 252个; 降至0人, from 98.99 million
// people down to 0 people.
func (r *Renderer) goal(t *validate.Target) string {
	goal := r.loc.Figure(t.Goal.Quantity)
	switch {
	case t.From != nil && t.Down:
		return fmt.Sprintf(r.strings["target_from_down_to"], r.loc.Figure(t.From.Quantity), goal)
	case t.From != nil:
		return fmt.Sprintf(r.strings["target_from_up_to"], r.loc.Figure(t.From.Quantity), goal)
	case t.Down:
		return fmt.Sprintf(r.strings["target_down_to"], goal)
	}
	return goal
}

// listTitle names a story list: 党员干部拉手贫困户的故事, 马友营乡的故事, 故事.
func (r *Renderer) listTitle(p *site.Page) string {
	l := p.List
	switch {
	case l == nil:
		return p.Title
	case l.Activity != nil:
		return fmt.Sprintf(r.strings["stories_of"], l.Activity.ShortTitle)
	case l.Township != nil:
		return fmt.Sprintf(r.strings["stories_of"], l.Township.Name)
	}
	return r.strings["kind_stories"]
}

// filesize is a file's size for a download link: 860 B, 12.4 KB, 1.2 MB.
func filesize(n int) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
}
