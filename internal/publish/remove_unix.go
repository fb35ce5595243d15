//go:build unix

package publish

import (
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// folder is an open folder of a site being removed.
type folder struct {
	file *os.File // owns fd
	fd   int
}

// openFlags open a folder and never a link to one.
const openFlags = unix.O_RDONLY | unix.O_DIRECTORY | unix.O_NOFOLLOW | unix.O_CLOEXEC

func openFolder(path string) (*folder, error) {
	fd, err := unix.Open(path, openFlags, 0)
	if err != nil {
		return nil, err
	}
	return &folder{os.NewFile(uintptr(fd), path), fd}, nil
}

func (f *folder) sub(name string) (*folder, error) {
	fd, err := unix.Openat(f.fd, name, openFlags, 0)
	if err != nil {
		return nil, err
	}
	// The full path names it: a listing that cannot give an entry's type
	// (some file systems) looks the entry up by it.
	return &folder{os.NewFile(uintptr(fd), filepath.Join(f.file.Name(), name)), fd}, nil
}

// list lists the folder unsorted, each entry's type from the listing.
func (f *folder) list() ([]fs.DirEntry, error) { return f.file.ReadDir(-1) }

// each calls fn with each entry as the listing goes: the workers start
// on stories/ before its 100,000 names are all read.
func (f *folder) each(fn func(fs.DirEntry)) {
	for {
		entries, err := f.file.ReadDir(1024)
		for _, e := range entries {
			fn(e)
		}
		if err != nil || len(entries) == 0 {
			return
		}
	}
}

func (f *folder) close() { f.file.Close() }

// remove removes an entry of the folder and all below it. The listing
// said which entries are folders (a link is never one: it is unlinked,
// not followed), so no folder is first tried as a file — os.RemoveAll's
// way, a failed system call for each of 10,000 story folders.
func (f *folder) remove(e fs.DirEntry) error {
	if !e.IsDir() {
		return unix.Unlinkat(f.fd, e.Name(), 0)
	}
	sub, err := f.sub(e.Name())
	if err != nil {
		return err
	}
	entries, err := sub.list()
	for _, below := range entries {
		if rerr := sub.remove(below); err == nil {
			err = rerr
		}
	}
	sub.close()
	if rerr := unix.Unlinkat(f.fd, e.Name(), unix.AT_REMOVEDIR); err == nil {
		err = rerr
	}
	return err
}
