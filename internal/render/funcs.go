package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

func (t *Theme) funcs() template.FuncMap {
	return template.FuncMap{
		"t":     t.text,
		"asset": t.asset,
		// absURL is a page's address with the site's: absURL .Site.BaseURL .Page.URL.
		"absURL": func(base, p string) string { return base + p },
		"date":   t.loc.Date,
		"iso":    func(d load.Date) string { return d.ISO() },
		// fig shows a figure in the site's language: 1.2万名, 12,000 people
		// (fig .Quantity).
		"fig":        t.loc.Figure,
		"sourceLine": t.loc.Citation,
		"figNote":    func(f *site.Figure) string { return site.FigureNote(f, t.words, t.loc) },
		"limit": func(n int, stories []*site.Story) []*site.Story {
			return stories[:min(n, len(stories))]
		},
		"progress":  progress,
		"goal":      t.goal,
		"join":      strings.Join,
		"add":       func(a, b int) int { return a + b },
		"sub":       func(a, b int) int { return a - b },
		"kindName":  func(kind string) string { return t.strings["kind_"+kind] },
		"listTitle": t.listTitle,
		// cached renders a fragment once per build and key (fragments.go);
		// each template set gets its own (withCache).
		"cached":   func(name string, key, data any) (template.HTML, error) { return "", nil },
		"menuKey":  menuKey,
		"filesize": filesize,
	}
}

// funcKinds says how the functions of funcs read their arguments, for the
// reads of a page (reads.go). One that returns text, a number or a truth
// shows what it is given — and none shows where the input wrote something
// (strictyaml.Meta, diag.Pos: readsum.go leaves them out of its
// arguments' hashes; keep it so); one that returns more (a value a
// template may read further) is taken to read its arguments whole.
func funcKinds(funcs template.FuncMap) map[string]funcKind {
	kinds := map[string]funcKind{"limit": funcFirst, "cached": funcCached}
	for name, fn := range funcs {
		if _, known := kinds[name]; known {
			continue
		}
		switch out := reflect.TypeOf(fn).Out(0); out.Kind() {
		case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint64, reflect.Float64:
		default:
			kinds[name] = funcWhole
		}
	}
	return kinds
}

// progress is how far a target is reached, 0–100, for a progress bar.
func progress(t *validate.Target) int { return t.Progress() }

// goal says what a target aims at: 252个; 降至0人, from 98.99 million
// people down to 0 people.
func (t *Theme) goal(tg *validate.Target) string {
	goal := t.loc.Figure(tg.Goal.Quantity)
	switch {
	case tg.From != nil && tg.Down:
		return fmt.Sprintf(t.strings["target_from_down_to"], t.loc.Figure(tg.From.Quantity), goal)
	case tg.From != nil:
		return fmt.Sprintf(t.strings["target_from_up_to"], t.loc.Figure(tg.From.Quantity), goal)
	case tg.Down:
		return fmt.Sprintf(t.strings["target_down_to"], goal)
	}
	return goal
}

// asset is the fingerprinted URL of a theme asset.
func (t *Theme) asset(name string) (string, error) {
	u, ok := t.urls[name]
	if !ok {
		return "", fmt.Errorf("theme asset %q not found", name)
	}
	return u, nil
}

// menuKey names the menu item a page is under ("" for none): the header
// differs only by it, so it is cached per menu item.
func menuKey(menu []site.Link, url string) string {
	for _, m := range menu {
		if m.URL == url {
			return m.URL
		}
	}
	return ""
}

// text looks up an interface string ({{t}}); a missing key shows as
// itself so that it is noticed, never as an empty string.
func (t *Theme) text(key string, args ...any) string {
	s, ok := t.strings[key]
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// listTitle names a story list by its page's title (the activity's short
// title, the place's name, or none): 党员干部拉手贫困户的故事, 马友营乡的故事, 故事.
func (t *Theme) listTitle(owner string) string {
	if owner == "" {
		return t.strings["kind_stories"]
	}
	return fmt.Sprintf(t.strings["stories_of"], owner)
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
