//go:build !linux

package child

import "syscall"

// DieWithParent does nothing: only Linux has a parent-death signal.
func DieWithParent(*syscall.SysProcAttr) {}
