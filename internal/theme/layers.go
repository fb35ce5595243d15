// Package theme finds layouts, static files and interface strings through
// layers: the site's own layouts/ and static/ first, then the theme folder
// in the site, then the theme built into the binary. First hit wins, file by
// file, so a site overrides exactly the files it changes.
package theme

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
)

// Layers are the site's own files (its layouts/, static/ and i18n/, then
// its theme folder) over the theme built into the binary, searched first to
// last.
type Layers struct {
	site    []fs.FS
	builtin fs.FS // nil when the site names a theme of its own
}

// all lists every layer, first hit first.
func (l Layers) all() []fs.FS {
	if l.builtin == nil {
		return l.site
	}
	return append(l.site[:len(l.site):len(l.site)], l.builtin)
}

// Open returns the file from the first layer that has it.
func (l Layers) Open(name string) (fs.File, error) {
	for _, layer := range l.all() {
		f, err := layer.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadAll returns the file name from every layer that has it, first layer first.
func (l Layers) ReadAll(name string) [][]byte {
	var out [][]byte
	for _, layer := range l.all() {
		if data, err := fs.ReadFile(layer, name); err == nil {
			out = append(out, data)
		}
	}
	return out
}

// Files lists every file under dir across the layers, sorted, each once.
// A link counts when it leads to a regular file; links to folders are not
// followed (the load stage warns about them).
func (l Layers) Files(dir string) []string {
	seen := map[string]bool{}
	var out []string
	for _, layer := range l.all() {
		_ = fs.WalkDir(layer, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || seen[p] || path.Base(p)[0] == '.' || !regular(layer, p, d) {
				return nil
			}
			seen[p] = true
			out = append(out, p)
			return nil
		})
	}
	slices.Sort(out)
	return out
}

// Builtin reports whether name reads as the theme built into the binary
// has it: no file of the site's takes its place, or the one that does
// holds the same bytes (a copy of the theme, as in jinzhan's own
// repository, whose themes/default/ the binary embeds).
func (l Layers) Builtin(name string) bool {
	if l.builtin == nil {
		return false
	}
	builtin, err := fs.ReadFile(l.builtin, name)
	if err != nil {
		return false
	}
	for _, layer := range l.site {
		own, err := fs.ReadFile(layer, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return err == nil && bytes.Equal(own, builtin)
	}
	return true
}

// Own lists the files under dir that the site itself provides (its own
// folders and its theme folder), sorted: the part of the theme a site can
// change while jinzhan runs.
func (l Layers) Own(dir string) []string {
	return Layers{site: l.site}.Files(dir)
}

// regular reports whether a listed entry is a regular file, or a link to one.
func regular(fsys fs.FS, p string, d fs.DirEntry) bool {
	if d.Type()&fs.ModeSymlink == 0 {
		return d.Type().IsRegular()
	}
	info, err := fs.Stat(fsys, p)
	return err == nil && info.Mode().IsRegular()
}

// subOrEmpty is fs.Sub that tolerates a missing folder.
func subOrEmpty(fsys fs.FS, dir string) fs.FS {
	if _, err := fs.Stat(fsys, dir); err != nil {
		return emptyFS{}
	}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return emptyFS{}
	}
	return sub
}

type emptyFS struct{}

func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// New stacks the site over its theme: site/layouts and site/static, then
// site/themes/<name>, then the built-in theme (used for "default" only).
// Paths seen through the result are layouts/…, static/…, i18n/….
func New(site fs.FS, name string, builtin fs.FS) Layers {
	own := overlay{prefixes: map[string]fs.FS{
		"layouts": subOrEmpty(site, "layouts"),
		"static":  subOrEmpty(site, "static"),
		"i18n":    subOrEmpty(site, "i18n"),
	}}
	layers := Layers{site: []fs.FS{own, subOrEmpty(site, path.Join("themes", name))}}
	if name == "default" {
		layers.builtin = builtin
	}
	return layers
}

// overlay mounts file systems under top-level folder names.
type overlay struct{ prefixes map[string]fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if name == "." {
		return fs.FS(rootDir{o}).Open(".")
	}
	top, rest, _ := cutFirst(name)
	sub, ok := o.prefixes[top]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if rest == "" {
		rest = "."
	}
	return sub.Open(rest)
}

func cutFirst(name string) (string, string, bool) {
	for i := 0; i < len(name); i++ {
		if name[i] == '/' {
			return name[:i], name[i+1:], true
		}
	}
	return name, "", false
}

// Source is the site-relative path of the file the layers of New(site,
// name, …) open as p (static/…, layouts/…): the site's own, else its
// theme folder's; for the theme built into the binary, where that theme
// lives in jinzhan's own source (themes/default/…).
func Source(site fs.FS, name, p string) string {
	if _, err := fs.Stat(site, p); err == nil {
		return p
	}
	return path.Join("themes", name, p)
}
