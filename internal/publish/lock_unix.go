//go:build unix

package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockFile takes an exclusive lock on f, waiting for it when wait is set
// (else ErrBusy when another holds it); closing f releases it, and so does
// the end of the process, however it ends.
func lockFile(f *os.File, wait bool) error {
	how := unix.LOCK_EX
	if !wait {
		how |= unix.LOCK_NB
	}
	err := unix.Flock(int(f.Fd()), how)
	if err == unix.EWOULDBLOCK {
		return ErrBusy
	}
	return os.NewSyscallError("flock", err)
}
