//go:build !linux

package miniotest

import "syscall"

// dieWithParent: only Linux has a parent-death signal; elsewhere MinIO is
// stopped by the test's cleanup.
func dieWithParent() *syscall.SysProcAttr { return nil }
