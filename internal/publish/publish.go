// Package publish is the last stage of a build: pages are written into a
// fresh folder beside the destination, which replaces the destination only
// when everything is written. A failed or killed build never leaves the
// published site half-written.
package publish

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Stage is a build folder that becomes the destination on Commit.
type Stage struct {
	dest string
	dir  string
	lock *os.File
	// record is what the lock file said when the build began (record.go).
	record record
	// reuse knows what the stage held when it was taken from the spare
	// (spare.go, reuse.go); nil for a new folder.
	reuse *reuse
	swept bool
	// written are the files written, for the Manifest.
	mu      sync.Mutex
	written []manifestLine
}

// Begin makes the staging folder next to dest (same file system, so the
// final rename is atomic), once guard allows dest: the site before the
// previous one, kept as the spare, where there is one (spare.go), else an
// empty folder. Leftovers of killed builds are removed. A dest that is a
// link is followed: the folder it leads to is the one replaced.
func Begin(dest string, guard Guard) (*Stage, error) { return begin(dest, guard, true) }

// ErrBusy says another build or a deploy holds the destination.
var ErrBusy = errors.New("another build or deploy is using the destination")

// BeginUnlessBusy is Begin that does not wait: ErrBusy when another build
// or a deploy holds dest. A build takes its stage early with it, while the
// model is built, and so never makes an editor wait for a deploy to hear
// about a mistake in the input.
func BeginUnlessBusy(dest string, guard Guard) (*Stage, error) { return begin(dest, guard, false) }

func begin(dest string, guard Guard, wait bool) (*Stage, error) {
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
	lock, err := takeLock(dest, wait)
	if err != nil {
		return nil, err
	}
	// Checked again under the lock: another build may have made dest since.
	if err := guard.Check(dest); err != nil {
		lock.Close()
		return nil, err
	}
	restoreSetAside(dest)
	removeLeftovers(dest)
	rec := readRecord(lock)
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".building-")
	s := &Stage{dest: dest, dir: dir, lock: lock, record: rec}
	if err == nil {
		err = s.prepare()
	}
	if err != nil {
		if dir != "" {
			os.RemoveAll(dir)
		}
		lock.Close()
		return nil, err
	}
	return s, nil
}

// prepare makes the new folder the stage: the spare moved in, where there
// is one to take, else an empty folder with the Stamp. A spare that turns
// out not to be reusable (its manifest unreadable) is removed first.
func (s *Stage) prepare() error {
	if takeSpare(s.dest, s.dir, s.record.spare) {
		if err := s.reuseSpare(); err == nil {
			return nil
		}
		if err := removeTree(s.dir); err != nil {
			return err
		}
		if err := os.Mkdir(s.dir, 0o700); err != nil {
			return err
		}
	}
	if err := os.Chmod(s.dir, 0o755); err != nil {
		return err
	}
	return writeFile(filepath.Join(s.dir, Stamp), []byte(stampText))
}

// reuseSpare readies the spare moved into the stage for writing over.
func (s *Stage) reuseSpare() error {
	if err := os.Chmod(s.dir, 0o755); err != nil {
		return err
	}
	// The Stamp, made anew, gives the mode a file written over must have.
	stamp := filepath.Join(s.dir, Stamp)
	if err := os.Remove(stamp); err != nil {
		return err
	}
	if err := writeFile(stamp, []byte(stampText)); err != nil {
		return err
	}
	info, err := os.Lstat(stamp)
	if err != nil {
		return err
	}
	s.reuse, err = openReuse(s.dir, fileMode(info))
	return err
}

// takeLock takes the lock of the (resolved) destination dest, a file beside
// it, waiting for it when wait is set; closing the file releases it.
func takeLock(dest string, wait bool) (*os.File, error) {
	lock, err := os.OpenFile(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(lock, wait); err != nil {
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
	lock, err := takeLock(real, true)
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

// removeLeftovers removes the stages and set-aside sites of killed builds,
// but for one that can be the spare (a stage taken from it, a site set
// aside), which becomes it.
func removeLeftovers(dest string) {
	for _, p := range leftovers(filepath.Dir(dest), filepath.Base(dest), ".building-", ".old-") {
		if !keptAsSpare(dest, p) {
			_ = removeTree(p)
		}
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
	return s.WriteSummed(rel, data, Digest(data))
}

// Digest is 64 bits of the SHA-256 of data: what the Manifest records of
// each file, and the build of each page.
func Digest(data []byte) [8]byte {
	sum := sha256.Sum256(data)
	return [8]byte(sum[:8])
}

// WriteSummed is WriteFile for data whose Digest the caller has. In a
// stage taken from the spare, a file that holds these bytes already, as
// the spare's build wrote them, is kept as it is (reuse.go): no write, and
// its time stays, as a copy by time (rsync) wants.
func (s *Stage) WriteSummed(rel string, data []byte, sum [8]byte) error {
	if !NameOK(rel) { // validation reports the names it derives, with their source
		return fmt.Errorf("cannot publish %q: a name in it is empty, over %d bytes or holds a control character", rel, MaxNameBytes)
	}
	p := filepath.Join(s.dir, filepath.FromSlash(rel))
	if !strings.HasPrefix(p, s.dir+string(filepath.Separator)) {
		return fmt.Errorf("refusing to write outside the output folder: %s", rel)
	}
	s.mu.Lock()
	s.written = append(s.written, manifestLine{rel, fileSum{sum, true}})
	s.mu.Unlock()
	if s.reuse != nil {
		return s.reuse.write(rel, p, data, sum)
	}
	if err := makeParent(p); err != nil {
		return err
	}
	return writeFile(p, data)
}

// Adopt lists the files another program wrote under the folder rel of the
// stage (Pagefind's index), if any, in the Manifest, so that the build
// after next knows them.
func (s *Stage) Adopt(rel string) error {
	err := filepath.WalkDir(filepath.Join(s.dir, filepath.FromSlash(rel)), func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		name, err := filepath.Rel(s.dir, p)
		if err == nil {
			s.mu.Lock()
			s.written = append(s.written, manifestLine{path: filepath.ToSlash(name)}) // bytes unknown
			s.mu.Unlock()
		}
		return err
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// RemoveUnwritten removes from a stage taken from the spare whatever the
// build has not written, so that it holds the new site alone. Commit does
// it when it has not been done; a program that writes into Dir besides
// WriteFile (Pagefind) must run after it.
func (s *Stage) RemoveUnwritten() error {
	if s.swept || s.reuse == nil {
		return nil
	}
	s.swept = true
	return s.reuse.removeUnwritten()
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

// Abort gives the stage up; the destination is untouched. A stage taken
// from the spare becomes the spare again (what the build changed in it is
// not trusted next time: reuse.go); any other is removed.
func (s *Stage) Abort() {
	s.reuse.close()
	if s.reuse == nil || !keptAsSpare(s.dest, s.dir) {
		_ = removeTree(s.dir)
	}
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
// the commit has succeeded. The previous site becomes the spare, which the
// next build writes over; one that cannot is removed, and if that fails
// (a file of it held open, on Windows) the next build removes it.
func (s *Stage) Commit() error {
	defer s.unlock()
	defer s.reuse.close()
	if err := s.RemoveUnwritten(); err != nil {
		return err
	}
	// Written last, as a new file, so that every folder of the stage
	// changed before it.
	list := filepath.Join(s.dir, Manifest)
	if err := os.Remove(list); err != nil && !os.IsNotExist(err) {
		return err
	}
	if err := writeFile(list, manifest(s.written)); err != nil {
		return err
	}
	written, _ := manifestTime(list)
	if _, err := os.Lstat(s.dest); errors.Is(err, fs.ErrNotExist) {
		if err := rename(s.dir, s.dest); err != nil {
			return err
		}
		s.remember(written, false)
		return nil
	}
	if err := exchange(s.dir, s.dest); err == nil {
		s.remember(written, keepSpare(s.dest, s.dir)) // s.dir now holds the previous site
		return nil
	}
	return s.renameTwice(written)
}

// remember records in the lock file the time of the manifest just
// published and, when the previous site became the spare, of its manifest
// (the time recorded for it when it was published). A record that cannot
// be written leaves a spare the next build does not use.
func (s *Stage) remember(published instant, spare bool) {
	r := record{published: published}
	if spare {
		r.spare = s.record.published
	}
	_ = writeRecord(s.lock, r)
}

// renameTwice sets the destination aside, then moves the stage in; if that
// fails the destination is put back.
func (s *Stage) renameTwice(written instant) error {
	aside := s.dir[:strings.LastIndex(s.dir, ".building-")] + ".old-" + filepath.Base(s.dir)
	if err := rename(s.dest, aside); err != nil {
		return err
	}
	if err := rename(s.dir, s.dest); err != nil {
		_ = rename(aside, s.dest)
		return err
	}
	s.remember(written, keepSpare(s.dest, aside))
	return nil
}
