//go:build !unix

package publish

import (
	"io/fs"
	"os"
)

// folder is an open folder of a site being removed, as an os.Root, so
// that its names are removed relative to it and no link is followed.
type folder struct{ root *os.Root }

func openFolder(path string) (*folder, error) {
	root, err := os.OpenRoot(path)
	if err != nil {
		return nil, err
	}
	return &folder{root}, nil
}

func (f *folder) sub(name string) (*folder, error) {
	root, err := f.root.OpenRoot(name)
	if err != nil {
		return nil, err
	}
	return &folder{root}, nil
}

func (f *folder) list() ([]fs.DirEntry, error) { return fs.ReadDir(f.root.FS(), ".") }

func (f *folder) each(fn func(fs.DirEntry)) {
	entries, _ := f.list()
	for _, e := range entries {
		fn(e)
	}
}

func (f *folder) close() { f.root.Close() }

func (f *folder) remove(e fs.DirEntry) error { return f.root.RemoveAll(e.Name()) }
