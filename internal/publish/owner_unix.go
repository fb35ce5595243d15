//go:build unix

package publish

import (
	"io/fs"
	"os"
	"syscall"
)

// euid is this process's user, asked once: a system call each time.
var euid = os.Geteuid()

// ownedByMe reports whether this process's user owns the file info is of.
func ownedByMe(info fs.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == euid
}

// fileMode is the permission bits of the file info is of, as the system
// gives them (writeOverFile compares them).
func fileMode(info fs.FileInfo) uint32 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint32(st.Mode) & 0o7777
	}
	return 0
}
