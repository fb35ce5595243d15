// Package publish is the last stage of a build: pages are written into a
// fresh folder beside the destination, which replaces the destination only
// when everything is written. A failed or killed build never leaves the
// published site half-written.
package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
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
	lock, err := os.OpenFile(filepath.Join(parent, "."+filepath.Base(dest)+".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(lock.Fd()), unix.LOCK_EX); err != nil {
		lock.Close()
		return nil, err
	}
	// Checked again under the lock: another build may have made dest since.
	if err := guard.Check(dest); err != nil {
		lock.Close()
		return nil, err
	}
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

func removeLeftovers(parent, base string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, "."+base+".building-") || strings.HasPrefix(name, "."+base+".old-") {
			_ = os.RemoveAll(filepath.Join(parent, name))
		}
	}
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
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
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

// Commit swaps the stage in for the destination. Where the kernel allows it
// the two folders are exchanged in one step (renameat2 RENAME_EXCHANGE);
// otherwise the old site is moved aside first.
func (s *Stage) Commit() error {
	defer s.unlock()
	if _, err := os.Lstat(s.dest); os.IsNotExist(err) {
		return os.Rename(s.dir, s.dest)
	}
	if err := unix.Renameat2(unix.AT_FDCWD, s.dir, unix.AT_FDCWD, s.dest, unix.RENAME_EXCHANGE); err == nil {
		return os.RemoveAll(s.dir) // now holds the previous site
	}
	old := s.dir[:strings.LastIndex(s.dir, ".building-")] + ".old-" + filepath.Base(s.dir)
	if err := os.Rename(s.dest, old); err != nil {
		return err
	}
	if err := os.Rename(s.dir, s.dest); err != nil {
		_ = os.Rename(old, s.dest)
		return err
	}
	return os.RemoveAll(old)
}
