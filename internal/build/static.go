package build

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/render"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/theme"
)

// publishable checks the files copied from static/ (the site's and its
// theme's) against what the build makes, and returns the files to publish.
// A name file systems cannot hold once fingerprinted is an error at the
// file. A file that a page or a generated file replaces — at its path, or
// at a path one of them needs as a folder — is left out with a warning:
// the generated one is the site's content, in the build as in the preview.
func publishable(opts Options, src fs.FS, th *render.Theme, model *site.Site, files []render.File, written []string, themeName string, list *diag.List) []render.File {
	if !slices.ContainsFunc(files, func(f render.File) bool { return f.Static != "" }) {
		return files
	}
	made := madePaths{pages: model.Pages, files: map[string]bool{}, folders: map[string]bool{}}
	for _, f := range files {
		if f.Static == "" {
			made.add(f.Path)
		}
	}
	for _, p := range append(th.SiteFilePaths(model), written...) {
		made.add(p)
	}
	owned := map[string]bool{} // folders a tool fills after the build
	if opts.Pagefind != "" {
		owned[pagefindDir] = true // the search index
	}
	out := files[:0:0]
	for _, f := range files {
		if f.Static == "" {
			out = append(out, f)
			continue
		}
		source := theme.Source(src, themeName, f.Static)
		if !publish.NameOK(f.Path) {
			added := len(path.Base(f.Path)) - len(path.Base(f.Static))
			list.Errorf(diag.Pos{File: source}, "", diag.T("shorten its name to at most %d bytes (a letter or digit is 1, a Chinese character 3)", publish.MaxNameBytes-added),
				"its published name would be %d bytes, more than the %d file systems allow (the site adds a hash to names under static/assets/)", len(path.Base(f.Path)), publish.MaxNameBytes)
			continue
		}
		if taken := made.replacing(f.Path, owned); taken != "" {
			list.Warnf(diag.Pos{File: source}, "", diag.T("rename or move the file; to change what the site makes at /%s, edit the data or text it is made from", taken),
				"not published: the site makes /%s, which takes the place of this file", taken)
			continue
		}
		out = append(out, f)
	}
	return out
}

// madePaths are the paths a build makes: its pages' (sorted by URL, as
// the model lists them: a site has thousands, looked up rather than
// listed again) and other files', with their folders.
type madePaths struct {
	pages          []*site.Page
	files, folders map[string]bool
}

func (m madePaths) add(p string) {
	m.files[p] = true
	for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
		m.folders[dir] = true
	}
}

// file reports whether the build makes a file at p.
func (m madePaths) file(p string) bool {
	if m.files[p] {
		return true
	}
	dir, ok := strings.CutSuffix(p, "index.html")
	if !ok || (dir != "" && !strings.HasSuffix(dir, "/")) {
		return false
	}
	url := "/" + dir
	_, found := slices.BinarySearchFunc(m.pages, url, func(p *site.Page, url string) int { return strings.Compare(p.URL, url) })
	return found && render.OutputPath(url) == p
}

// folder reports whether the build makes files under the folder p.
func (m madePaths) folder(p string) bool {
	if m.folders[p] {
		return true
	}
	prefix := "/" + p + "/"
	i, _ := slices.BinarySearchFunc(m.pages, prefix, func(p *site.Page, url string) int { return strings.Compare(p.URL, url) })
	return i < len(m.pages) && strings.HasPrefix(m.pages[i].URL, prefix)
}

// replacing names what the build makes where a static file would go: the
// same path, a folder of pages at that path, a file where the static file
// needs a folder, or a folder a tool fills. "" when nothing does.
func (m madePaths) replacing(p string, owned map[string]bool) string {
	if m.file(p) {
		return p
	}
	if m.folder(p) {
		return p + "/"
	}
	for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
		if m.file(dir) {
			return dir
		}
		if owned[dir] {
			return dir + "/"
		}
	}
	return ""
}
