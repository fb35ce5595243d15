package serve

import (
	"os"
	"path/filepath"
	"strconv"

	"github.com/fsnotify/fsnotify"
)

// barrier shows that every event before it has been read. Under load the
// watcher reads events late (with two CPU hogs, three saves written within
// half a millisecond reached it up to 89 ms apart), so a quiet time can run
// out while a burst's last events still wait in the queue. The barrier is a
// change in a private folder watched by the same watcher: the kernel's
// queue is first in, first out (inotify; other systems give no such
// promise, and the barrier is then only a short wait), so once its own
// event arrives every earlier event has arrived.
type barrier struct {
	w    *fsnotify.Watcher
	dir  string // the private folder; "" when it could not be made
	seq  int
	last string // the marker file made last, removed by the next raise
	want string // the file whose creation passes the raised barrier; "" when none is raised
}

func newBarrier(w *fsnotify.Watcher) *barrier {
	br := &barrier{w: w}
	dir, err := os.MkdirTemp("", "jinzhan-serve-")
	if err != nil {
		return br
	}
	if err := w.Add(dir); err != nil {
		os.Remove(dir)
		return br
	}
	br.dir = dir
	return br
}

// raise creates the next marker file, and reports whether it could.
func (br *barrier) raise() bool {
	if br.dir == "" {
		return false
	}
	if br.last != "" {
		os.Remove(br.last)
	}
	br.seq++
	br.last = filepath.Join(br.dir, strconv.Itoa(br.seq))
	if err := os.WriteFile(br.last, nil, 0o600); err != nil {
		return false
	}
	br.want = br.last
	return true
}

// raised reports whether a barrier waits for its event.
func (br *barrier) raised() bool { return br.want != "" }

// lower stops waiting for the raised barrier's event.
func (br *barrier) lower() { br.want = "" }

// saw reports whether ev belongs to the barrier's folder, and whether it
// passes the raised barrier (which it then lowers).
func (br *barrier) saw(ev fsnotify.Event) (own, passed bool) {
	if br.dir == "" || filepath.Dir(ev.Name) != br.dir {
		return false, false
	}
	if br.want != "" && ev.Name == br.want && ev.Has(fsnotify.Create) {
		br.want = ""
		return true, true
	}
	return true, false
}

// close removes the private folder.
func (br *barrier) close() {
	if br.dir != "" {
		os.RemoveAll(br.dir)
	}
}
