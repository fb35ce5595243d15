package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watched are the folders of a site whose changes trigger a rebuild;
// site.yaml is watched through the site folder itself.
var watched = []string{"content", "data", "images", "layouts", "static", "themes", "i18n"}

// quiet is how long the files must stay still before a rebuild: an editor
// saving several files, or writing one in steps, gives one rebuild.
const quiet = 10 * time.Millisecond

// watcher turns file events under a site into batches of changed paths.
type watcher struct {
	root string
	w    *fsnotify.Watcher
}

func newWatcher(root string) (*watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	wt := &watcher{root: root, w: w}
	if err := w.Add(root); err != nil {
		w.Close()
		return nil, err
	}
	for _, dir := range watched {
		wt.addTree(filepath.Join(root, dir))
	}
	return wt, nil
}

// addTree watches dir and every folder below it (fsnotify is not recursive).
func (wt *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_ = wt.w.Add(p)
		}
		return nil
	})
}

// relevant reports whether a change to p can change the site.
func (wt *watcher) relevant(p string) bool {
	rel, err := filepath.Rel(wt.root, p)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	base := filepath.Base(p)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") {
		return false // editors' temporary files
	}
	if rel == "site.yaml" {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "content":
		return strings.HasSuffix(base, ".md")
	case "data":
		// .yml too, so that the build can say to rename it.
		return strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")
	}
	for _, dir := range watched {
		if top == dir {
			return true
		}
	}
	return false
}

// batches sends the changed paths (relative, sorted once each) after each
// burst of events, until done closes.
func (wt *watcher) batches(done <-chan struct{}, out chan<- []string) {
	defer wt.w.Close()
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-done:
			return
		case ev, ok := <-wt.w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					wt.addTree(ev.Name)
				}
			}
			if !wt.relevant(ev.Name) {
				continue
			}
			rel, _ := filepath.Rel(wt.root, ev.Name)
			pending[filepath.ToSlash(rel)] = true
			timer.Reset(quiet)
		case <-wt.w.Errors:
		case <-timer.C:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			pending = map[string]bool{}
			slices.Sort(batch)
			select {
			case out <- batch:
			case <-done:
				return
			}
		}
	}
}
