package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// The previous site is not removed after a swap but kept beside the
// destination as its spare (.public.spare), and the next build writes over
// it: writing a file over its old self costs a few system calls where
// removing a site and making its folders again costs a dozen per page, and
// the site swapped in is whole either way. reuse.go makes a spare exactly
// the new site: what the build does not write is removed, a folder changed
// since its build is made anew, links are never followed and files linked
// elsewhere are never written through.

// spareInfix names the spare, after the destination's base name.
const spareInfix = ".spare"

// sparePath is the spare of the (resolved) destination dest.
func sparePath(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+spareInfix)
}

// takeSpare makes the spare of dest the new stage at dir (a fresh empty
// folder, replaced): true when it did. A spare is taken only when it is a
// folder (not a link) of this user's, with jinzhan's stamp and a manifest
// last changed when the lock file's record says (recorded); a stamped one
// that is not so (left by an older jinzhan, or its manifest changed) is
// removed, and anything else by that name is left alone. The build then
// starts from an empty folder.
func takeSpare(dest, dir string, recorded instant) bool {
	spare := sparePath(dest)
	if !canReuse || !ownSpare(spare) || !sameManifest(spare, recorded) {
		if info, err := os.Lstat(filepath.Join(spare, Stamp)); err == nil && info.Mode().IsRegular() {
			_ = removeTree(spare)
		}
		return false
	}
	if err := os.Remove(dir); err != nil {
		return false
	}
	if err := rename(spare, dir); err != nil {
		_ = os.Mkdir(dir, 0o755)
		return false
	}
	return true
}

// ownSpare reports whether the folder at spare may be written over: a
// folder, not a link, which this user owns, with jinzhan's stamp and
// manifest.
func ownSpare(spare string) bool {
	info, err := os.Lstat(spare)
	return err == nil && info.IsDir() && ownedByMe(info) && published(spare)
}

// sameManifest reports whether the manifest in dir was last changed at
// recorded, a time a build recorded.
func sameManifest(dir string, recorded instant) bool {
	at, ok := manifestTime(filepath.Join(dir, Manifest))
	return ok && recorded != instant{} && at == recorded
}

// published reports whether dir holds jinzhan's Stamp and Manifest.
func published(dir string) bool {
	for _, name := range []string{Stamp, Manifest} {
		if info, err := os.Lstat(filepath.Join(dir, name)); err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// keepSpare keeps the previous site, at old, as the spare of dest, or
// removes it when it cannot: it is not jinzhan's (a destination replaced
// with --replace-foreign, or built before the Manifest), the system cannot
// tell what changed in it, or something else holds the spare's name.
func keepSpare(dest, old string) (kept bool) {
	if keptAsSpare(dest, old) {
		return true
	}
	_ = removeTree(old)
	return false
}

// keptAsSpare moves the folder old to the spare of dest, when it can
// be one. A stage given up after it was taken from the spare still can:
// its manifest is the spare's, and whatever the build changed in it bears
// a later time (reuse.go).
func keptAsSpare(dest, old string) bool {
	if !canReuse || !published(old) {
		return false
	}
	_, err := os.Lstat(sparePath(dest))
	return errors.Is(err, fs.ErrNotExist) && rename(old, sparePath(dest)) == nil
}
