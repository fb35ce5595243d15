package sitetest

import "testing"

// Mkfifo skips the test: Windows has no named pipe in a folder (its pipes
// live in \\.\pipe\), so a site cannot hold one.
func Mkfifo(t testing.TB, path string) {
	t.Helper()
	t.Skipf("Windows cannot put a named pipe at %s", path)
}
