//go:build !unix

package sitefs

import (
	"io/fs"
	"os"
)

// list reads the entries of the folder name, open as file.
func (f *FS) list(file *os.File, name string) ([]fs.DirEntry, error) { return file.ReadDir(-1) }
