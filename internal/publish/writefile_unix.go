//go:build unix

package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// writeFile writes a new file of the stage with plain system calls: an
// os.File tries to join the runtime's poller and sets the file's blocking
// mode twice on the way (three system calls of seven for each of 10,000
// pages), none of which a regular file written once needs.
func writeFile(path string, data []byte) error {
	fd, err := unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o644)
	if err != nil {
		return &os.PathError{Op: "open", Path: path, Err: err}
	}
	if err := writeAll(fd, path, data); err != nil {
		return err
	}
	if err := unix.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}

// writeOverFile writes data over the file at path, which a previous site
// left in the stage, when that file is still as its build left it, before
// since: a regular file of this user's, with mode and no other name. A
// file hard-linked elsewhere (a backup made with cp -al, say) is never
// written through, and one changed or chmod-ed is not kept: a new file is
// made in its place, as when it is gone.
func writeOverFile(path string, data []byte, mode uint32, since instant) error {
	// Not blocking: a pipe there (which its folder's time would have told)
	// fails to open rather than waiting for a reader.
	fd, err := unix.Open(path, unix.O_WRONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		return replaceFile(path, data)
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil || !unchangedStat(&st, mode, since) {
		unix.Close(fd)
		return replaceFile(path, data)
	}
	if err := writeAll(fd, path, data); err != nil {
		return err
	}
	if st.Size > int64(len(data)) {
		if err := unix.Ftruncate(fd, int64(len(data))); err != nil {
			unix.Close(fd)
			return &os.PathError{Op: "truncate", Path: path, Err: err}
		}
	}
	if err := unix.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}

// writeAll writes data to the open file fd (at path), which it closes on
// an error.
func writeAll(fd int, path string, data []byte) error {
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &os.PathError{Op: "write", Path: path, Err: err}
		}
		data = data[n:]
	}
	return nil
}

// replaceFile removes what is at path (a file, never what a link leads
// to) and writes a new file there.
func replaceFile(path string, data []byte) error {
	if err := unix.Unlink(path); err != nil && err != unix.ENOENT {
		return &os.PathError{Op: "unlink", Path: path, Err: err}
	}
	return writeFile(path, data)
}
