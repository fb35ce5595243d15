// Package scaffold writes new, commented input files for editors, in the
// site's language: a whole starter site (`jinzhan new site DIR`), a story
// or an activity (`jinzhan new story|activity SLUG`).
package scaffold

import (
	"embed"
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/schema"
)

// Kinds are what `jinzhan new` can create in a site.
var Kinds = []string{"story", "activity"}

// templates hold each file jinzhan new writes, per interface language
// (templates/<lang>/), with [[NAME]] where the site's own words go.
//
//go:embed all:templates
var templates embed.FS

// New creates the file for kind and slug under root, in the site's
// language, and returns the paths it wrote, relative to root. It never
// overwrites a file. An activity gets its data file, a narrative (unless
// one is there) and the schema its first line names. Its errors are worded
// in the site's language too.
func New(root, kind, slug, today string) ([]string, error) {
	info := readSite(root)
	if !load.ValidSlug(slug) {
		return nil, problem(info.lang, diag.T("%q cannot be a URL: use lowercase pinyin, digits and -, e.g. new-village-road", slug))
	}
	w := &writer{root: root, lang: info.lang, words: info.words(slug, today)}
	switch kind {
	case "story":
		w.file(path.Join(load.ContentDir, "stories", slug+".md"), "story.md", "")
	case "activity":
		w.activity(slug)
	default:
		return nil, problem(info.lang, diag.T("unknown kind %q: use one of %s", kind, strings.Join(Kinds, ", ")))
	}
	return w.wrote, w.err
}

// writer writes template files into a site until the first failure.
type writer struct {
	root  string
	lang  string // the templates' language folder: zh-CN or en
	words *strings.Replacer
	wrote []string
	err   error
}

// activity writes an activity's data file (its first line names its
// schema, for editors' completion), its schema and a narrative.
func (w *writer) activity(slug string) {
	rel := path.Join(load.ActivitiesDir, slug+".yaml")
	w.file(rel, "activity.yaml", schema.Modeline("activity", rel))
	w.schemas()
	if narrative := path.Join(load.ContentDir, "activities", slug+".md"); !w.exists(narrative) {
		w.file(narrative, "narrative.md", "")
	}
}

// file writes the template name as rel, after a first line when one is given.
func (w *writer) file(rel, name, first string) {
	if w.err != nil {
		return
	}
	body, err := fs.ReadFile(templates, path.Join("templates", w.lang, name))
	if err != nil {
		w.err = err
		return
	}
	text := w.words.Replace(string(body))
	if first != "" {
		text = first + "\n" + text
	}
	w.write(rel, []byte(text), false)
}

// write creates rel with data, or replaces it when replace is set (by
// renaming a new file over it: whatever rel was, a link or a pipe, is not
// opened). It writes through a root, so a folder that links out of the
// site gets no file.
func (w *writer) write(rel string, data []byte, replace bool) {
	if w.err != nil {
		return
	}
	site, err := os.OpenRoot(w.root)
	if err != nil {
		w.err = err
		return
	}
	defer site.Close()
	if err := site.MkdirAll(path.Dir(rel), 0o755); err != nil {
		w.err = err
		return
	}
	name := rel
	if replace {
		name = path.Join(path.Dir(rel), "."+path.Base(rel)+".new")
		site.Remove(name) // left by an earlier run that was stopped
	}
	f, err := site.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		w.err = problem(w.lang, diag.T("%s already exists: it was left as it is", rel))
		return
	}
	if err != nil {
		w.err = err
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && replace {
		err = site.Rename(name, rel)
	}
	if err != nil {
		site.Remove(name)
		w.err = err
		return
	}
	w.wrote = append(w.wrote, rel)
}

// exists reports whether the site has rel (a link out of it counts as
// there: nothing is written through it).
func (w *writer) exists(rel string) bool {
	site, err := os.OpenRoot(w.root)
	if err != nil {
		return false
	}
	defer site.Close()
	_, err = site.Lstat(rel)
	return !errors.Is(err, fs.ErrNotExist)
}
