//go:build unix

package sitefs

import (
	"os"
	"syscall"
)

// openFlags open a site's file without blocking: O_NONBLOCK makes opening
// a named pipe return at once (regular files ignore the flag), so that its
// type can be checked; O_NOCTTY keeps a terminal device from becoming the
// build's.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOCTTY
