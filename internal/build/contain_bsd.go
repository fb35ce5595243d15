//go:build unix && !linux

package build

import "syscall"

// parentDeathSignal does nothing: macOS has no parent-death signal (see
// runContained).
func parentDeathSignal(*syscall.SysProcAttr) {}
