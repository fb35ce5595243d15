package publish

import (
	"math"
	"os"

	"golang.org/x/sys/windows"
)

// lockFile waits for an exclusive lock on f (LockFileEx over the whole
// file); closing f releases it, and so does the end of the process,
// however it ends.
func lockFile(f *os.File) error {
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK, 0, math.MaxUint32, math.MaxUint32, new(windows.Overlapped))
	return os.NewSyscallError("LockFileEx", err)
}
