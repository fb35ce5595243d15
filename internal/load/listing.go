package load

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// listing is the tree of a load with what listing it reported.
type listing struct {
	files    *tree
	problems diag.List
}

// scan lists the site's input folders: site.yaml, then (decode reading
// site.yaml for the theme it names) every input folder.
func scan(fsys fs.FS, decodeSite func(files *tree) string) *listing {
	l := &listing{files: newTree()}
	l.files.scanTop(fsys, SiteFile, &l.problems)
	theme := decodeSite(l.files)
	for _, dir := range append(inputDirs, themeDir(theme)) {
		l.files.scanDir(fsys, dir, &l.problems)
	}
	return l
}

// lister is what a site's file system offers to look at a name without
// following it (sitefs.FS).
type lister interface {
	Lstat(name string) (fs.FileInfo, error)
}

// stillListed reports whether the listing of the last load holds for the
// files changed since: each changed file was listed and is still a
// regular file, or is hidden, outside the input folders, or came and went
// (an editor's temporary file); a changed photo's size is taken again. A new, removed or retyped file, or a change
// of site.yaml (which names the theme folder), means listing again. Listing
// 10,000 stories took a third of the preview's rebuild of one of them.
func (l *listing) stillListed(fsys fs.FS, changed map[string]bool) bool {
	stat, ok := fsys.(lister)
	if !ok {
		return false
	}
	for p := range changed {
		if p == SiteFile {
			return false
		}
		if hidden(p) || !underInput(p) {
			continue
		}
		listed := l.files.has(p) || l.files.refused[p]
		info, err := stat.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist) && !listed:
			continue // came and went
		case err != nil || !info.Mode().IsRegular() || !listed || l.files.refused[p]:
			return false
		}
		if _, sized := l.files.files[p]; sized && strings.HasPrefix(p, ImagesDir+"/") {
			l.files.files[p] = info.Size() // a photo replaced by a smaller or larger one
		}
	}
	return true
}

func hidden(p string) bool {
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

func underInput(p string) bool {
	top, _, _ := strings.Cut(path.Clean(p), "/")
	for _, dir := range InputDirs() {
		if top == dir {
			return true
		}
	}
	return false
}
