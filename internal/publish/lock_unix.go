//go:build unix

package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockFile waits for an exclusive lock on f; closing f releases it, and so
// does the end of the process, however it ends.
func lockFile(f *os.File) error {
	return os.NewSyscallError("flock", unix.Flock(int(f.Fd()), unix.LOCK_EX))
}
