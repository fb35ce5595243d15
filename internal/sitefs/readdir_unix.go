//go:build unix

package sitefs

import (
	"io/fs"
	"os"
	"path"

	"golang.org/x/sys/unix"
)

// list reads the entries of the folder name, open as file. A folder opened
// in an os.Root stats each entry as it is listed (an entry there cannot be
// looked up later by path): for a folder of 100,000 stories, 100,000 system
// calls one after another. So the folder's descriptor, opened through the
// root, is listed again as a plain folder, each entry's type taken from the
// listing as for any folder, and an entry's Info asks the site's root for
// its path, never the file system.
func (f *FS) list(file *os.File, name string) ([]fs.DirEntry, error) {
	conn, err := file.SyscallConn()
	if err != nil {
		return file.ReadDir(-1)
	}
	fd, dupErr := -1, error(nil)
	if err := conn.Control(func(s uintptr) { fd, dupErr = unix.FcntlInt(s, unix.F_DUPFD_CLOEXEC, 0) }); err != nil || dupErr != nil {
		return file.ReadDir(-1)
	}
	plain := os.NewFile(uintptr(fd), name)
	defer plain.Close()
	entries, err := plain.ReadDir(-1)
	for i, e := range entries {
		entries[i] = entry{e, f, path.Join(name, e.Name())}
	}
	return entries, err
}

// entry is a listed entry whose Info comes through the site's root.
type entry struct {
	fs.DirEntry
	fsys *FS
	path string
}

func (e entry) Info() (fs.FileInfo, error) { return e.fsys.Lstat(e.path) }
