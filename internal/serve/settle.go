package serve

import (
	"os"
	"path/filepath"
	"slices"
	"time"
)

// How long a burst of file changes must stay quiet before a rebuild, from
// what real saves do on Linux, measured by their file events (idle, and
// with two CPU hogs running; docs/architecture.md "Saving"):
//   - one save by vim, VS Code, sed -i or JetBrains' safe write (in place
//     after a truncation, or a temporary file renamed over): its events
//     within 1 ms; a git checkout of 60 files: 1–26 ms;
//   - cp -r and tar x of 40 photos (121 MB): 90–370 ms of events, pauses of
//     up to 20 ms while one photo is still being written;
//   - under load a writer is held off the processor between two saves or
//     inside one: 5–15 ms typically (a time slice; Go's is 10 ms), up to
//     174 ms; the watcher reads events late too, up to 89 ms, which the
//     barrier takes care of (barrier.go).
const (
	// quiet ends a burst that was short: one save, or a few. It is part of
	// every save's wait for the preview, so it covers a writer held off for
	// a time slice, not for the longest pause seen.
	quiet = 20 * time.Millisecond
	// settle ends a burst that has lasted longer than quiet (files copied
	// in, a checkout, a file written in chunks) or that left a file empty
	// (truncated, its new text not written yet).
	settle = 200 * time.Millisecond
	// maxWait caps the wait: changes that never pause still rebuild this
	// often, each rebuild followed by another once they settle.
	maxWait = 2 * time.Second
)

// burst collects the changes of one burst of file events and says when it
// has settled.
type burst struct {
	root        string
	changed     map[string]stamp // by path relative to root
	unknown     bool             // events were lost: every file must be read again
	first, last time.Time        // the burst's first and latest change
}

// stamp is what a file looked like when its change was seen: a file whose
// stamp moves without an event (one not delivered yet) is still changing.
type stamp struct {
	exists bool
	size   int64
	mod    int64 // Unix nanoseconds
}

func newBurst(root string) *burst { return &burst{root: root, changed: map[string]stamp{}} }

func (b *burst) stampOf(rel string) stamp {
	info, err := os.Stat(filepath.Join(b.root, filepath.FromSlash(rel)))
	if err != nil {
		return stamp{}
	}
	return stamp{exists: true, size: info.Size(), mod: info.ModTime().UnixNano()}
}

// add records a change to rel (relative to root, slash-separated).
func (b *burst) add(rel string, now time.Time) {
	b.changed[rel] = b.stampOf(rel)
	b.touch(now)
}

// lose records that events were lost: the rebuild must read every file.
func (b *burst) lose(now time.Time) {
	b.unknown = true
	b.touch(now)
}

func (b *burst) touch(now time.Time) {
	if b.first.IsZero() {
		b.first = now
	}
	b.last = now
}

// due is when the burst may be rebuilt if nothing changes before.
func (b *burst) due() time.Time {
	wait := quiet
	if b.last.Sub(b.first) >= quiet || b.leftEmpty() {
		wait = settle
	}
	if limit := b.first.Add(maxWait); limit.Before(b.last.Add(wait)) {
		return limit
	}
	return b.last.Add(wait)
}

// leftEmpty reports whether a changed file was empty when last seen: an
// editor saving in place truncates first, and nothing any site reads is
// an empty file.
func (b *burst) leftEmpty() bool {
	for _, s := range b.changed {
		if s.exists && s.size == 0 {
			return true
		}
	}
	return false
}

// settled reports whether the burst may be rebuilt at now: it is due and no
// changed file moved since its last event. A file that moved counts as a
// change at now.
func (b *burst) settled(now time.Time) bool {
	if now.Before(b.due()) {
		return false
	}
	if !now.Before(b.first.Add(maxWait)) {
		return true
	}
	moved := false
	for rel, old := range b.changed {
		if cur := b.stampOf(rel); cur != old {
			b.changed[rel] = cur
			moved = true
		}
	}
	if moved {
		b.touch(now)
	}
	return !moved
}

// paths lists the changed paths sorted, or nil when they are not known.
func (b *burst) paths() []string {
	if b.unknown {
		return nil
	}
	list := make([]string, 0, len(b.changed))
	for p := range b.changed {
		list = append(list, p)
	}
	slices.Sort(list)
	return list
}
