package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// removeTree removes a previous site on every core: a build waits for it
// after the swap, and on a site of many stories one unlink after another
// takes a good part of the build (10,000 stories: about a tenth). The
// entries two levels down are shared out, since one folder (stories/)
// usually holds most of the site; each is removed through its folder
// opened as an os.Root, so that its names are unlinked relative to that
// folder (about half the system calls of os.RemoveAll on a path, which
// looks every name up from the top and tries each folder as a file first).
func removeTree(dir string) error {
	type entry struct {
		folder *os.Root
		name   string
	}
	entries := make(chan entry)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for e := range entries {
				_ = e.folder.RemoveAll(e.name) // what fails is tried again below
			}
		})
	}
	var opened []*os.Root
	top, _ := os.ReadDir(dir)
	for _, e := range top {
		if !e.IsDir() {
			continue
		}
		folder, err := os.OpenRoot(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		opened = append(opened, folder)
		below, _ := fs.ReadDir(folder.FS(), ".")
		for _, sub := range below {
			entries <- entry{folder, sub.Name()}
		}
	}
	close(entries)
	wg.Wait()
	for _, folder := range opened {
		folder.Close()
	}
	return os.RemoveAll(dir)
}
