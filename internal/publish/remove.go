package publish

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// removeTree removes a previous site on every core: a build waits for it
// after the swap, and on a site of many stories one unlink after another
// takes a good part of the build (10,000 stories: about a tenth). The
// entries two levels down are shared out, since one folder (stories/)
// usually holds most of the site.
func removeTree(dir string) error {
	paths := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range paths {
				_ = os.RemoveAll(p) // what fails is tried again below
			}
		})
	}
	top, _ := os.ReadDir(dir)
	for _, e := range top {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() {
			entries, _ := os.ReadDir(p)
			for _, sub := range entries {
				paths <- filepath.Join(p, sub.Name())
			}
		}
		paths <- p
	}
	close(paths)
	wg.Wait()
	return os.RemoveAll(dir)
}
