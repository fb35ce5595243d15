//go:build unix

package sitetest

import (
	"syscall"
	"testing"
)

// Mkfifo makes a named pipe at path: a file a careless reader would wait on
// for ever.
func Mkfifo(t testing.TB, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}
