package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// watched are the folders of a site whose changes trigger a rebuild;
// site.yaml is watched through the site folder itself.
var watched = []string{"content", "data", "images", "layouts", "static", "themes", "i18n"}

// watcher turns file events under a site into batches of changed paths,
// one batch per burst once it has settled (see settle.go).
type watcher struct {
	root string
	w    *fsnotify.Watcher
	dirs map[string]bool // the folders watched besides root
	warn func(diag.Text) // says a folder could not be watched
}

func newWatcher(root string, warn func(diag.Text)) (*watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	wt := &watcher{root: root, w: w, dirs: map[string]bool{}, warn: warn}
	if err := w.Add(root); err != nil {
		w.Close()
		return nil, err
	}
	wt.watchAll()
	return wt, nil
}

// watchAll watches every folder of the watched trees, and forgets the
// watched folders that are gone: after lost events, folders may have come
// and gone unseen.
func (wt *watcher) watchAll() {
	for dir := range wt.dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			wt.forget(dir)
		}
	}
	for _, dir := range watched {
		wt.addTree(filepath.Join(wt.root, dir), nil, time.Time{})
	}
}

// addTree watches dir and every folder below it (fsnotify is not
// recursive). With a burst, every file found counts as changed: a folder
// moved or copied in may hold files written before it was watched.
func (wt *watcher) addTree(dir string, b *burst, now time.Time) (found bool) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir // a build skips hidden folders too
			}
			if err := wt.w.Add(p); err != nil {
				wt.warn(diag.T("cannot watch %s for changes (%v): edits there show only after restarting jinzhan serve", wt.relPath(p), err))
				return filepath.SkipDir
			}
			wt.dirs[p] = true
			return nil
		}
		if rel, ok := wt.rel(p); ok && b != nil {
			b.add(rel, now)
			found = true
		}
		return nil
	})
	return found
}

// forget stops watching dir and the folders below it, once it is gone.
func (wt *watcher) forget(dir string) {
	for p := range wt.dirs {
		if p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) {
			_ = wt.w.Remove(p) // fsnotify may have dropped it already
			delete(wt.dirs, p)
		}
	}
}

// note records in b what ev changed, and reports whether it changed
// anything a site is built from.
func (wt *watcher) note(ev fsnotify.Event, b *burst, now time.Time) bool {
	if ev.Has(fsnotify.Create) && wt.inTree(ev.Name) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			return wt.addTree(ev.Name, b, now)
		}
	}
	if (ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)) && wt.dirs[ev.Name] {
		// A folder gone with its files: they get no events of their own.
		wt.forget(ev.Name)
		b.add(wt.relPath(ev.Name), now)
		return true
	}
	rel, ok := wt.rel(ev.Name)
	if ok {
		b.add(rel, now)
	}
	return ok
}

// lost records that events were lost (a full queue, a watcher error): the
// next rebuild reads every file, and folders are watched anew.
func (wt *watcher) lost(b *burst, now time.Time) {
	wt.watchAll()
	b.lose(now)
}

// relPath is p relative to the site, slash-separated.
func (wt *watcher) relPath(p string) string {
	rel, err := filepath.Rel(wt.root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

// inTree reports whether p lies in one of the watched folders (or is one).
func (wt *watcher) inTree(p string) bool {
	top, _, _ := strings.Cut(wt.relPath(p), "/")
	for _, dir := range watched {
		if top == dir {
			return true
		}
	}
	return false
}

// rel returns p relative to the site, and whether a change to it can
// change the site.
func (wt *watcher) rel(p string) (string, bool) {
	rel := wt.relPath(p)
	base := filepath.Base(p)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") {
		return rel, false // editors' temporary files
	}
	if rel == "site.yaml" {
		return rel, true
	}
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "content":
		return rel, strings.HasSuffix(base, ".md")
	case "data":
		// .yml too, so that the build can say to rename it.
		return rel, strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")
	}
	return rel, wt.inTree(p)
}

// batches sends the changed paths (relative, sorted, once each; nil when
// events were lost) after each burst of events has settled, until done
// closes. It keeps reading events while the rebuild loop is busy, so a
// burst that goes on during a rebuild is one more batch once it settles.
func (wt *watcher) batches(done <-chan struct{}, out chan<- []string) {
	defer wt.w.Close()
	bar := newBarrier(wt.w)
	defer bar.close()
	b := newBurst(wt.root)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var send chan<- []string // out while a settled burst waits for the rebuild loop
	var ready []string
	changed := func() {
		bar.lower()
		send, ready = nil, nil
		timer.Reset(time.Until(b.due()))
	}
	handOver := func() {
		if !b.settled(time.Now()) {
			changed()
			return
		}
		timer.Stop()
		send, ready = out, b.paths()
	}
	for {
		select {
		case <-done:
			return
		case ev, ok := <-wt.w.Events:
			if !ok {
				return
			}
			if own, passed := bar.saw(ev); passed {
				handOver()
			} else if !own && wt.note(ev, b, time.Now()) {
				changed()
			}
		case _, ok := <-wt.w.Errors:
			if !ok {
				return
			}
			wt.lost(b, time.Now())
			changed()
		case <-timer.C:
			switch {
			case bar.raised(): // its event never came: go on without it
				bar.lower()
				handOver()
			case !b.settled(time.Now()):
				changed()
			case bar.raise():
				timer.Reset(settle) // in case the barrier's event never comes
			default:
				handOver()
			}
		case send <- ready:
			b, send, ready = newBurst(wt.root), nil, nil
		}
	}
}
