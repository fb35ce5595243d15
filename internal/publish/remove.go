package publish

import (
	"io/fs"
	"os"
	"runtime"
	"sync"
)

// removeTree removes a previous site on every core: a build waits for it
// after the swap, and on a site of many stories one unlink after another
// takes a good part of the build (10,000 stories: about a sixth of its
// wall time). The entries two levels down are shared out, since one folder
// (stories/) usually holds most of the site; each is removed relative to
// its folder, opened without following a link (remove_unix.go,
// remove_other.go), so that no name is looked up from the top.
func removeTree(dir string) error {
	type job struct {
		in    *folder
		entry fs.DirEntry
	}
	jobs := make(chan job, 256)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for j := range jobs {
				_ = j.in.remove(j.entry) // what fails is tried again below
			}
		})
	}
	var opened []*folder
	if top, err := openFolder(dir); err == nil {
		opened = append(opened, top)
		entries, _ := top.list()
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			sub, err := top.sub(e.Name())
			if err != nil {
				continue
			}
			opened = append(opened, sub)
			sub.each(func(b fs.DirEntry) { jobs <- job{sub, b} })
		}
	}
	close(jobs)
	wg.Wait()
	for _, f := range opened {
		f.close()
	}
	return os.RemoveAll(dir)
}
