package load

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"syscall"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// inputDirs are the folders of a site that a build reads, besides the
// theme folder the site names (themes/<name>).
var inputDirs = []string{ContentDir, "data", ImagesDir, "layouts", "static", "i18n"}

// InputDirs lists the folders of a site a build may read, themes/ included:
// nothing may be written into them.
func InputDirs() []string { return append(slices.Clone(inputDirs), "themes") }

// tree lists the files a build may read: every regular file under the input
// folders, a link that stays in the site counting as the file it leads to.
// Whatever must not be read — a link out of the site or to nothing, a pipe,
// a device — is reported once, at its own path, and left out, so that no
// later stage reads it or reports it again.
type tree struct {
	files   map[string]int64 // path → size, of what a link leads to; sized only under images/
	refused map[string]bool
	sorted  []string // the paths of files, sorted: made by the first under, once the scan is done
	// listed keeps what under returned, by folder and ending: a preview
	// keeps the tree while it holds, and asks the same each rebuild.
	listed map[[2]string][]string
}

func newTree() *tree { return &tree{files: map[string]int64{}, refused: map[string]bool{}} }

// scanTop looks at one file in the site folder itself (site.yaml).
func (t *tree) scanTop(fsys fs.FS, name string, list *diag.List) {
	entries, _ := fs.ReadDir(fsys, ".")
	for _, e := range entries {
		if e.Name() == name {
			t.entry(fsys, name, e, list)
		}
	}
}

// scanDir lists dir and every folder below it. Names starting with a dot
// are never read, so they are not looked at either.
func (t *tree) scanDir(fsys fs.FS, dir string, list *diag.List) {
	_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil && p == dir && errors.Is(err, fs.ErrNotExist) && !isLink(fsys, p):
			return nil // the site has no such folder
		case err != nil:
			t.refuse(p, err, list)
			return nil
		case p != dir && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		}
		t.entry(fsys, p, d, list)
		return nil
	})
}

// entry records one listed file, or reports why it cannot be read.
func (t *tree) entry(fsys fs.FS, p string, d fs.DirEntry, list *diag.List) {
	if d.Type().IsRegular() {
		// Only photos need their size (a listing says what a file is, not
		// its size): a stat for each of 10,000 stories took a third of the
		// preview's rebuild of one.
		t.files[p], t.sorted, t.listed = -1, nil, nil
		if strings.HasPrefix(p, ImagesDir+"/") {
			if info, err := d.Info(); err == nil {
				t.files[p] = info.Size()
			}
		}
		return
	}
	if d.Type()&fs.ModeSymlink == 0 {
		t.refuse(p, sitefs.ErrNotRegular, list)
		return
	}
	info, err := fs.Stat(fsys, p) // where the link leads, within the site only
	switch {
	case err != nil:
		t.refuse(p, err, list)
	case info.IsDir():
		// Folders are not followed through links below the top: a link to
		// a folder above it would make the listing endless.
		list.Warnf(diag.Pos{File: p}, "", diag.T("move the folder here instead of linking to it"),
			"this is a link to a folder: jinzhan does not follow links to folders here")
	case !info.Mode().IsRegular():
		t.refuse(p, sitefs.ErrNotRegular, list)
	default:
		t.files[p], t.sorted, t.listed = info.Size(), nil, nil
	}
}

func (t *tree) refuse(p string, err error, list *diag.List) {
	t.refused[p] = true
	msg, hint := refusal(err)
	list.Add(diag.Diagnostic{Pos: diag.Pos{File: p}, Message: msg, Hint: hint})
}

// refusal says why a file of the site cannot be read, without a word of
// what a link leads to (it may be a secret).
func refusal(err error) (msg, hint diag.Text) {
	switch {
	case errors.Is(err, sitefs.ErrOutside):
		return diag.T("this is a link to a place outside the site folder"),
			diag.T("jinzhan reads only what is inside the site folder: copy the file here instead of linking to it")
	case errors.Is(err, sitefs.ErrNotRegular):
		return diag.T("this is a pipe, device or socket, not a file"), diag.T("remove it: jinzhan reads only regular files")
	case errors.Is(err, syscall.ELOOP):
		return diag.T("this link leads round in a circle"), diag.T("remove the link, or make it name the file itself")
	case errors.Is(err, fs.ErrNotExist):
		return diag.T("this link leads to nothing: what it names does not exist"), diag.T("remove the link, or put the file it names in place")
	case errors.Is(err, fs.ErrPermission):
		return diag.T("jinzhan is not allowed to read this"), diag.T("let the user who builds the site read it (chmod a+r)")
	}
	return diag.T("cannot read: %v", unwrapPath(err)), diag.T("check that the file can be opened")
}

// isLink reports whether p is itself a link (so that a missing target is
// not taken for a missing folder).
func isLink(fsys fs.FS, p string) bool {
	entries, err := fs.ReadDir(fsys, path.Dir(p))
	if err != nil {
		return false
	}
	i, found := slices.BinarySearchFunc(entries, path.Base(p), func(e fs.DirEntry, name string) int { return strings.Compare(e.Name(), name) })
	return found && entries[i].Type()&fs.ModeSymlink != 0
}

// has reports whether p is a file the build may read.
func (t *tree) has(p string) bool {
	_, ok := t.files[p]
	return ok
}

// under lists the files below dir whose names end in ext, sorted (the
// list is the tree's: not to be changed). A preview keeps the tree while
// it holds, so the paths are sorted and listed once, not walked whole
// for each folder of every rebuild.
func (t *tree) under(dir, ext string) []string {
	if t.sorted == nil {
		t.sorted = make([]string, 0, len(t.files))
		for p := range t.files {
			t.sorted = append(t.sorted, p)
		}
		slices.Sort(t.sorted)
	}
	if out, ok := t.listed[[2]string{dir, ext}]; ok {
		return out
	}
	prefix := dir + "/"
	i, _ := slices.BinarySearch(t.sorted, prefix)
	j := i + sort.Search(len(t.sorted)-i, func(k int) bool { return !strings.HasPrefix(t.sorted[i+k], prefix) })
	out := make([]string, 0, j-i)
	for _, p := range t.sorted[i:j] {
		if strings.HasSuffix(p, ext) {
			out = append(out, p)
		}
	}
	if t.listed == nil {
		t.listed = map[[2]string][]string{}
	}
	t.listed[[2]string{dir, ext}] = out
	return out
}
