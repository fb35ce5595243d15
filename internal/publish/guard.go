package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// Stamp is the file every published folder carries, so that the next build
// knows the folder is jinzhan's to replace. A folder without it is never
// replaced unless the user says so.
const Stamp = ".jinzhan-output"

const stampText = "This folder is built by jinzhan: every build replaces all of it.\n" +
	"此文件夹由 jinzhan 生成，每次生成都会整个替换，请勿在此存放其他文件。\n"

// Guard says what a destination must not be: the site, or a folder the
// build reads, or a folder of someone else's.
type Guard struct {
	// Source is the site folder.
	Source string
	// Inputs are the folders of the site the build reads, relative to it.
	Inputs []string
	// ReplaceForeign lets a build replace a non-empty folder that jinzhan
	// did not make (--replace-foreign): the only way to do so.
	ReplaceForeign bool
}

// RefusedError says why a destination is refused and what to pass instead.
type RefusedError struct {
	Reason diag.Text
	Hint   diag.Text
}

func (e *RefusedError) Error() string { return e.In("en") }

// In says it in lang, hint on the next line.
func (e *RefusedError) In(lang string) string {
	return e.Reason.In(lang) + "\n\t" + diag.T("hint: ").In(lang) + e.Hint.In(lang)
}

// Check refuses a destination whose replacement would lose something that
// jinzhan did not make: the site itself, a folder holding the site, a folder
// the build reads, a file, or a non-empty folder without the Stamp.
func (g Guard) Check(dest string) error {
	real, err := resolve(dest)
	if err != nil {
		return err
	}
	source, err := resolve(g.Source)
	if err != nil {
		return err
	}
	other := diag.T("pass another folder, e.g. --destination public")
	switch {
	case sameFolder(real, source):
		return &RefusedError{diag.T("the destination %q is the site folder itself: building there would delete the site", dest), other}
	case under(source, real):
		return &RefusedError{diag.T("the destination %q holds the site folder: building there would delete the site", dest), other}
	}
	for _, in := range g.Inputs {
		if dir := filepath.Join(source, in); sameFolder(real, dir) || under(real, dir) {
			return &RefusedError{diag.T("the destination %q lies in %s/, which the build reads", dest, in), other}
		}
	}
	info, err := os.Lstat(real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return &RefusedError{diag.T("the destination %q is a file, not a folder", dest), other}
	case g.ReplaceForeign || ours(real):
		return nil
	}
	return &RefusedError{diag.T("the destination %q holds files that jinzhan did not put there, and a build replaces the whole folder", dest),
		diag.T("pass a new or empty folder; or, to delete what %q holds, add --replace-foreign", dest)}
}

// ours reports whether dir is empty or was published by jinzhan.
func ours(dir string) bool {
	if info, err := os.Lstat(filepath.Join(dir, Stamp)); err == nil && info.Mode().IsRegular() {
		return true
	}
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	return len(names) == 0 && err != nil
}

// resolve makes p absolute with every link in it resolved, as far as the
// path exists: the rest is joined as written. A link to a folder that does
// not exist yet resolves to that folder.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	for range 40 { // as many links as the kernel follows
		if info, err := os.Lstat(abs); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			break
		}
		if _, err := os.Stat(abs); err == nil {
			break // EvalSymlinks below resolves it
		}
		target, err := os.Readlink(abs)
		if err != nil {
			break
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(abs), target)
		}
		abs = target
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		if dir == filepath.Dir(dir) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// sameFolder reports whether a and b (resolved) name one folder: the same
// path, or two paths to one folder on disk — on macOS and Windows, whose
// file systems ignore case by default, Content/ is content/; a bind mount
// does the same anywhere.
func sameFolder(a, b string) bool {
	if a == b {
		return true
	}
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// under reports whether p (resolved) lies below dir: one of p's parents is
// dir.
func under(p, dir string) bool {
	for parent := filepath.Dir(p); ; parent = filepath.Dir(parent) {
		if sameFolder(parent, dir) {
			return true
		}
		if parent == filepath.Dir(parent) {
			return false
		}
	}
}
