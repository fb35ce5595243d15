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
	fd, err := unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
	if err != nil {
		return &os.PathError{Op: "open", Path: path, Err: err}
	}
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
	if err := unix.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}
