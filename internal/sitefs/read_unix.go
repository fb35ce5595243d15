//go:build unix

package sitefs

import (
	"io/fs"
	"path"

	"golang.org/x/sys/unix"
)

// readRegular reads name, a regular file in a folder of the site (not its
// top), with plain system calls — open, fstat, read, close —
// relative to the folder opened through the root: an os.File would also
// try to join the runtime's poller and set its blocking mode, three more
// calls of seven for each of 10,000 stories. The file is opened without
// following a link and without blocking, and refused unless regular, as
// Open does. done is false when the file cannot be opened so (a link, a
// folder, a missing file): ReadFile then goes through Open, which follows
// a link that stays in the site and words the error.
func (f *FS) readRegular(name string, limit int64) (data []byte, done bool, err error) {
	if !fs.ValidPath(name) {
		return nil, false, nil
	}
	d := f.folder(path.Dir(name))
	if d == nil {
		return nil, false, nil
	}
	fd, err := unix.Openat(d.fd, path.Base(name), openFlags|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, false, nil
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil || uint32(st.Mode)&unix.S_IFMT != unix.S_IFREG {
		return nil, false, nil
	}
	buf := make([]byte, 0, min(max(st.Size, 511), limit)+1)
	for {
		n, err := unix.Read(fd, buf[len(buf):cap(buf)])
		switch {
		case err == unix.EINTR:
			continue
		case err != nil:
			return nil, true, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		buf = buf[:len(buf)+n]
		switch {
		case int64(len(buf)) > limit:
			return nil, true, &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
		case n == 0, len(buf) == n && int64(n) == st.Size:
			// The file holds what fstat said, asked one byte more: no
			// second read to learn the end (a call for each story).
			return buf, true, nil
		case len(buf) == cap(buf):
			buf = append(buf, 0)[:len(buf)] // grow: the file is longer than it said
		}
	}
}
