package publish

import (
	"math"
	"os"

	"golang.org/x/sys/windows"
)

// lockFile takes an exclusive lock on f (LockFileEx over the whole file),
// waiting for it when wait is set (else ErrBusy when another holds it);
// closing f releases it, and so does the end of the process, however it
// ends.
func lockFile(f *os.File, wait bool) error {
	flags := uint32(windows.LOCKFILE_EXCLUSIVE_LOCK)
	if !wait {
		flags |= windows.LOCKFILE_FAIL_IMMEDIATELY
	}
	err := windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, math.MaxUint32, math.MaxUint32, new(windows.Overlapped))
	if err == windows.ERROR_LOCK_VIOLATION {
		return ErrBusy
	}
	return os.NewSyscallError("LockFileEx", err)
}
