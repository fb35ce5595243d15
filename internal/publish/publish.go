// Package publish is the last stage of a build: pages are written into a
// fresh folder beside the destination, which replaces the destination only
// when everything is written. A failed or killed build never leaves the
// published site half-written.
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Stage is a build folder that becomes the destination on Commit.
type Stage struct {
	dest string
	dir  string
	lock *os.File
}

// Begin creates an empty staging folder next to dest (same file system, so
// the final rename is atomic), once guard allows dest. Leftovers of killed
// builds are removed. A dest that is a link is followed: the folder it
// leads to is the one replaced.
func Begin(dest string, guard Guard) (*Stage, error) {
	if err := guard.Check(dest); err != nil {
		return nil, err
	}
	dest, err := resolve(dest)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	// One build at a time per destination: holding the lock also means any
	// staging folder found is a killed build's, safe to remove.
	lock, err := takeLock(dest)
	if err != nil {
		return nil, err
	}
	// Checked again under the lock: another build may have made dest since.
	if err := guard.Check(dest); err != nil {
		lock.Close()
		return nil, err
	}
	restoreSetAside(dest)
	removeLeftovers(parent, filepath.Base(dest))
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".building-")
	if err == nil {
		err = os.Chmod(dir, 0o755)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, Stamp), []byte(stampText), 0o644)
	}
	if err != nil {
		if dir != "" {
			os.RemoveAll(dir)
		}
		lock.Close()
		return nil, err
	}
	return &Stage{dest: dest, dir: dir, lock: lock}, nil
}

// takeLock waits for the lock of the (resolved) destination dest, a file
// beside it; closing the file releases it.
func takeLock(dest string) (*os.File, error) {
	lock, err := os.OpenFile(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(lock); err != nil {
		lock.Close()
		return nil, err
	}
	return lock, nil
}

// Hold waits until no build is publishing to dest, then keeps every build
// from swapping a new site in until release is called: jinzhan deploy reads
// one site from start to end. Where no lock can be taken (a folder beside
// dest that cannot be written, where no build can publish either) it holds
// nothing.
func Hold(dest string) (release func()) {
	real, err := resolve(dest)
	if err != nil {
		return func() {}
	}
	lock, err := takeLock(real)
	if err != nil {
		return func() {}
	}
	return func() { lock.Close() }
}

// restoreSetAside puts back the previous site of a build killed between
// the two renames of a commit (see Commit): the destination is missing and
// the site it held is set aside. Without this the next build would remove
// it as a leftover, and a failure of that build would leave no site.
func restoreSetAside(dest string) {
	if _, err := os.Lstat(dest); !errors.Is(err, fs.ErrNotExist) {
		return
	}
	if aside := leftovers(filepath.Dir(dest), filepath.Base(dest), ".old-"); len(aside) == 1 {
		_ = rename(aside[0], dest)
	}
}

// removeLeftovers removes the stages and set-aside sites of killed builds.
func removeLeftovers(parent, base string) {
	for _, p := range leftovers(parent, base, ".building-", ".old-") {
		_ = os.RemoveAll(p)
	}
}

// leftovers lists the folders in parent named for the destination base
// with one of the infixes (".building-": a stage; ".old-": a site set aside).
func leftovers(parent, base string, infixes ...string) []string {
	var found []string
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		for _, infix := range infixes {
			if strings.HasPrefix(e.Name(), "."+base+infix) {
				found = append(found, filepath.Join(parent, e.Name()))
				break
			}
		}
	}
	return found
}

// Dir is the staging folder.
func (s *Stage) Dir() string { return s.dir }

// WriteFile writes data at rel (slash-separated) inside the stage.
func (s *Stage) WriteFile(rel string, data []byte) error {
	if !NameOK(rel) { // validation reports the names it derives, with their source
		return fmt.Errorf("cannot publish %q: a name in it is empty, over %d bytes or holds a control character", rel, MaxNameBytes)
	}
	p := filepath.Join(s.dir, filepath.FromSlash(rel))
	if !strings.HasPrefix(p, s.dir+string(filepath.Separator)) {
		return fmt.Errorf("refusing to write outside the output folder: %s", rel)
	}
	if err := makeParent(p); err != nil {
		return err
	}
	return writeFile(p, data)
}

// makeParent makes the folder a file is written into. Most pages are the
// only file of their folder (stories/x/index.html), whose parent exists:
// one mkdir, where MkdirAll would first stat the folder and its parent.
func makeParent(file string) error {
	dir := filepath.Dir(file)
	err := os.Mkdir(dir, 0o755)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return nil
	}
	return os.MkdirAll(dir, 0o755)
}

// Abort removes the stage; the destination is untouched.
func (s *Stage) Abort() {
	_ = os.RemoveAll(s.dir)
	s.unlock()
}

// unlock lets the next build of the same destination start.
func (s *Stage) unlock() {
	if s.lock != nil {
		s.lock.Close() // closing the file releases the flock
		s.lock = nil
	}
}

// Commit swaps the stage in for the destination: in one step where the
// platform can exchange two folders (exchange: renameat2 on Linux,
// renamex_np on macOS), else by two renames — the destination set aside,
// the stage moved in — between which the destination is missing (Windows,
// and file systems that cannot exchange). Once the new site is in place
// the commit has succeeded: removing the previous one is left to the next
// build if it fails (a file of it held open, on Windows).
func (s *Stage) Commit() error {
	defer s.unlock()
	if _, err := os.Lstat(s.dest); errors.Is(err, fs.ErrNotExist) {
		return rename(s.dir, s.dest)
	}
	if err := exchange(s.dir, s.dest); err == nil {
		_ = removeTree(s.dir) // now holds the previous site
		return nil
	}
	return s.renameTwice()
}

// renameTwice sets the destination aside, then moves the stage in; if that
// fails the destination is put back.
func (s *Stage) renameTwice() error {
	aside := s.dir[:strings.LastIndex(s.dir, ".building-")] + ".old-" + filepath.Base(s.dir)
	if err := rename(s.dest, aside); err != nil {
		return err
	}
	if err := rename(s.dir, s.dest); err != nil {
		_ = rename(aside, s.dest)
		return err
	}
	_ = removeTree(aside)
	return nil
}
