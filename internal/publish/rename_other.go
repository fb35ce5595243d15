//go:build !windows

package publish

import "os"

// rename moves a folder within its parent.
func rename(from, to string) error { return os.Rename(from, to) }
