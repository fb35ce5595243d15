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
)

// Changes is what a build changed in the published site, so an editor can
// confirm an edit before publishing.
type Changes struct {
	First   bool // there was no previous site
	Added   []string
	Removed []string
	Changed []string // pages whose bytes differ
	Figures []FigureChange
}

// FigureChange is one figure whose shown value changed, appeared or went.
type FigureChange struct {
	Label  string
	Before string // "" when new
	After  string // "" when removed
}

// previousSite is what the site already in the destination is made of.
type previousSite struct {
	existed bool
	pages   map[string]digest // URL → digest
	figures map[string]opendata.Figure
}

// previous reads the pages (their digests) and figures of the site already
// in dest. The digests come from the DigestsFile its build wrote; a site
// built before there was one has its pages read once instead.
func previous(dest string) previousSite {
	if _, err := os.Stat(dest); err != nil {
		return previousSite{}
	}
	if _, err := os.Stat(filepath.Join(dest, publish.Stamp)); err != nil {
		return previousSite{existed: true} // not jinzhan's output: nothing to compare with
	}
	prev := previousSite{existed: true, figures: map[string]opendata.Figure{}}
	if data, err := os.ReadFile(filepath.Join(dest, DigestsFile)); err == nil {
		prev.pages = parseDigests(data)
	} else {
		prev.pages = map[string]digest{}
		_ = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && d.Name() == "index.html" {
				rel, _ := filepath.Rel(dest, filepath.Dir(p))
				page, _ := os.ReadFile(p)
				prev.pages[pageURL(filepath.ToSlash(rel))] = pageDigest(page)
			}
			return nil
		})
	}
	if data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(opendata.FiguresPath))); err == nil {
		var file opendata.File
		if json.Unmarshal(data, &file) == nil {
			for _, f := range file.Figures {
				prev.figures[f.Ref] = f
			}
		}
	}
	return prev
}

func pageURL(dir string) string {
	if dir == "." {
		return "/"
	}
	return "/" + strings.Trim(path.Clean(dir), "/") + "/"
}

// diff compares the previous site with the pages just written (their
// digests) and the new figures.
func (prev previousSite) diff(written *pageDigests, figures opendata.File) Changes {
	c := Changes{First: !prev.existed}
	for u, sum := range written.sums {
		old, had := prev.pages[u]
		switch {
		case !had:
			c.Added = append(c.Added, u)
		case old != sum:
			c.Changed = append(c.Changed, u)
		}
	}
	for u := range prev.pages {
		if _, ok := written.sums[u]; !ok {
			c.Removed = append(c.Removed, u)
		}
	}
	slices.Sort(c.Added)
	slices.Sort(c.Removed)
	slices.Sort(c.Changed)
	oldFigures := prev.figures
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

// Lines reports the changes in lang, one line each: the figures first (what
// an editor checks against the source), then the pages added, removed and
// changed.
func (c Changes) Lines(lang string) []string {
	if c.First {
		return nil
	}
	var out []string
	list := func(items []diag.Text) {
		for i, t := range items {
			if i == maxListed {
				out = append(out, diag.T("  … and %d more", len(items)-maxListed).In(lang))
				break
			}
			out = append(out, t.In(lang))
		}
	}
	var figures []diag.Text
	for _, f := range c.Figures {
		switch {
		case f.Before == "":
			figures = append(figures, diag.T("  + %s %s", f.Label, f.After))
		case f.After == "":
			figures = append(figures, diag.T("  - %s %s", f.Label, f.Before))
		default:
			figures = append(figures, diag.T("  %s %s → %s", f.Label, f.Before, f.After))
		}
	}
	list(figures)
	pages := func(urls []string, line func(url string) diag.Text) []diag.Text {
		out := make([]diag.Text, len(urls))
		for i, u := range urls {
			out[i] = line(u)
		}
		return out
	}
	list(pages(c.Added, func(u string) diag.Text { return diag.T("  + page %s", u) }))
	list(pages(c.Removed, func(u string) diag.Text { return diag.T("  - page %s", u) }))
	list(pages(c.Changed, func(u string) diag.Text { return diag.T("  ~ page %s", u) }))
	if len(out) == 0 {
		return []string{diag.T("no page or figure changed").In(lang)}
	}
	return append([]string{diag.T("changes since the previous build:").In(lang)}, out...)
}
