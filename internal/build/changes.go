package build

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/opendata"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// Changes is what a build changed in the published site, so an editor can
// confirm an edit before publishing.
type Changes struct {
	First   bool // there was no previous site
	Added   []string
	Removed []string
	Figures []FigureChange
}

// FigureChange is one figure whose shown value changed, appeared or went.
type FigureChange struct {
	Label  string
	Before string // "" when new
	After  string // "" when removed
}

// previous reads the pages and figures of the site already in dest.
func previous(dest string) (pages map[string]bool, figures map[string]opendata.Figure, ok bool) {
	if _, err := os.Stat(dest); err != nil {
		return nil, nil, false
	}
	if _, err := os.Stat(filepath.Join(dest, publish.Stamp)); err != nil {
		return nil, nil, true // not jinzhan's output: nothing to compare with
	}
	pages = map[string]bool{}
	_ = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == "index.html" {
			rel, _ := filepath.Rel(dest, filepath.Dir(p))
			pages[pageURL(filepath.ToSlash(rel))] = true
		}
		return nil
	})
	figures = map[string]opendata.Figure{}
	if data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(opendata.FiguresPath))); err == nil {
		var file opendata.File
		if json.Unmarshal(data, &file) == nil {
			for _, f := range file.Figures {
				figures[f.Ref] = f
			}
		}
	}
	return pages, figures, true
}

func pageURL(dir string) string {
	if dir == "." {
		return "/"
	}
	return "/" + strings.Trim(path.Clean(dir), "/") + "/"
}

// diff compares the previous site with the new model and figures.
func diff(oldPages map[string]bool, oldFigures map[string]opendata.Figure, model *site.Site, figures opendata.File) Changes {
	var c Changes
	newPages := map[string]bool{}
	for _, p := range model.Pages {
		newPages[p.URL] = true
		if !oldPages[p.URL] {
			c.Added = append(c.Added, p.URL)
		}
	}
	for u := range oldPages {
		if !newPages[u] {
			c.Removed = append(c.Removed, u)
		}
	}
	slices.Sort(c.Added)
	slices.Sort(c.Removed)
	seen := map[string]bool{}
	for _, f := range figures.Figures {
		seen[f.Ref] = true
		old, had := oldFigures[f.Ref]
		switch {
		case !had && len(oldFigures) > 0:
			c.Figures = append(c.Figures, FigureChange{Label: f.Label, After: f.Display})
		case had && old.Display != f.Display:
			c.Figures = append(c.Figures, FigureChange{Label: f.Label, Before: old.Display, After: f.Display})
		}
	}
	refs := make([]string, 0, len(oldFigures))
	for ref := range oldFigures {
		refs = append(refs, ref)
	}
	slices.Sort(refs)
	for _, ref := range refs {
		if !seen[ref] {
			c.Figures = append(c.Figures, FigureChange{Label: oldFigures[ref].Label, Before: oldFigures[ref].Display})
		}
	}
	return c
}

// maxListed bounds each list of the report; the rest are counted.
const maxListed = 20

// Lines reports the changes in lang, one line each.
func (c Changes) Lines(lang string) []string {
	if c.First {
		return nil
	}
	var out []string
	list := func(items []string, one string) {
		for i, u := range items {
			if i == maxListed {
				out = append(out, diag.T("  … and %d more", len(items)-maxListed).In(lang))
				break
			}
			out = append(out, diag.T(one, u).In(lang))
		}
	}
	list(c.Added, "  + page %s")
	list(c.Removed, "  - page %s")
	for i, f := range c.Figures {
		if i == maxListed {
			out = append(out, diag.T("  … and %d more", len(c.Figures)-maxListed).In(lang))
			break
		}
		switch {
		case f.Before == "":
			out = append(out, diag.T("  + %s %s", f.Label, f.After).In(lang))
		case f.After == "":
			out = append(out, diag.T("  - %s %s", f.Label, f.Before).In(lang))
		default:
			out = append(out, diag.T("  %s %s → %s", f.Label, f.Before, f.After).In(lang))
		}
	}
	if len(out) == 0 {
		return []string{diag.T("no page or figure changed").In(lang)}
	}
	return append([]string{diag.T("changes since the previous build:").In(lang)}, out...)
}
