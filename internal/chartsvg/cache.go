package chartsvg

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The cache folder's bounds: past either, the entries used longest ago go
// until three quarters are left. An entry is one drawing (a few KB); an
// entry larger than entryLimit is not read.
const (
	cacheEntries = 4096
	cacheBytes   = 64 << 20
	entryLimit   = 4 << 20
)

// cacheHeader starts every entry; the SHA-256 of the rest follows it on
// its line, so that a cut or altered entry is not taken for a drawing.
const cacheHeader = "jinzhan chart svg 1 "

// DefaultCacheDir is the folder a build keeps its drawings in: jinzhan/charts
// in the user's cache folder (os.UserCacheDir: ~/.cache on Linux,
// ~/Library/Caches on macOS, %LocalAppData% on Windows); "" when the system
// names none.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "jinzhan", "charts")
}

// diskCache keeps drawings in a folder of files named by their key, read
// and written through an os.Root (no link leads out of it). What it reads
// back is checked against its hash, then cleaned like a fresh drawing
// (Renderer.make): an entry, damaged or written by someone else, can at
// worst show a wrong chart until the folder is removed, never put anything
// but shapes and text into a page. A nil cache keeps nothing.
type diskCache struct {
	root *os.Root
	temp atomic.Int64 // numbers this process' temporary files

	mu      sync.Mutex
	counted bool // entries and size are known
	entries int
	size    int64
}

// openCache opens (making it when missing, readable by the user alone)
// the cache folder dir; nil when dir is "" or cannot be opened.
func openCache(dir string) *diskCache {
	if dir == "" || os.MkdirAll(dir, 0o700) != nil {
		return nil
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil
	}
	return &diskCache{root: root}
}

func (c *diskCache) close() error {
	if c == nil {
		return nil
	}
	return c.root.Close()
}

func entryName(k key) string { return hex.EncodeToString(k[:]) + ".svg" }

// get returns the drawing stored under k, if a sound one is.
func (c *diskCache) get(k key) (string, bool) {
	if c == nil {
		return "", false
	}
	name := entryName(k)
	f, err := c.root.Open(name)
	if err != nil {
		return "", false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > entryLimit {
		return "", false
	}
	data, err := io.ReadAll(io.LimitReader(f, entryLimit+1))
	if err != nil || len(data) > entryLimit {
		return "", false
	}
	body, ok := unwrap(data)
	if !ok {
		return "", false
	}
	now := time.Now() // the entry was used: trimming keeps it longer
	_ = c.root.Chtimes(name, now, now)
	return body, true
}

// unwrap checks an entry's header and hash and returns its drawing.
func unwrap(data []byte) (string, bool) {
	line, body, ok := bytes.Cut(data, []byte("\n"))
	digest, found := bytes.CutPrefix(line, []byte(cacheHeader))
	if !ok || !found {
		return "", false
	}
	sum := sha256.Sum256(body)
	if string(digest) != hex.EncodeToString(sum[:]) {
		return "", false
	}
	return string(body), true
}

// put stores a drawing under k: written to a temporary file, then renamed
// into place, so that a build reading it at the same moment sees the
// whole entry or none.
func (c *diskCache) put(k key, raw string) {
	if c == nil || len(raw) > entryLimit-128 {
		return
	}
	sum := sha256.Sum256([]byte(raw))
	data := []byte(cacheHeader + hex.EncodeToString(sum[:]) + "\n" + raw)
	temp := fmt.Sprintf(".tmp-%d-%d", os.Getpid(), c.temp.Add(1))
	f, err := c.root.OpenFile(temp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = c.root.Rename(temp, entryName(k))
	}
	if err != nil {
		_ = c.root.Remove(temp)
		return
	}
	c.added(int64(len(data)))
}

// added counts a new entry and trims the folder when it is past a bound.
// The folder is counted the first time something is added, so that a
// build that only reads it never lists it.
func (c *diskCache) added(size int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.counted {
		c.counted = true
		c.entries, c.size = 0, 0
		for _, e := range c.list() {
			c.entries++
			c.size += e.size
		}
		c.entries-- // the entry just written was listed
		c.size -= size
	}
	c.entries++
	c.size += size
	if c.entries > cacheEntries || c.size > cacheBytes {
		c.trim()
	}
}

type cacheEntry struct {
	name string
	size int64
	used time.Time
}

// list returns the folder's entries, and removes temporary files left by
// a process that stopped while writing (an hour old).
func (c *diskCache) list() []cacheEntry {
	dir, err := c.root.Open(".")
	if err != nil {
		return nil
	}
	defer dir.Close()
	all, _ := dir.ReadDir(-1)
	var out []cacheEntry
	for _, e := range all {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if strings.HasPrefix(e.Name(), ".tmp-") {
			if time.Since(info.ModTime()) > time.Hour {
				_ = c.root.Remove(e.Name())
			}
			continue
		}
		out = append(out, cacheEntry{e.Name(), info.Size(), info.ModTime()})
	}
	return out
}

// trim removes the entries used longest ago until three quarters of each
// bound are left.
func (c *diskCache) trim() {
	entries := c.list()
	slices.SortFunc(entries, func(a, b cacheEntry) int { return cmp.Or(a.used.Compare(b.used), strings.Compare(a.name, b.name)) })
	c.entries, c.size = len(entries), 0
	for _, e := range entries {
		c.size += e.size
	}
	for _, e := range entries {
		if c.entries <= cacheEntries*3/4 && c.size <= cacheBytes*3/4 {
			break
		}
		if c.root.Remove(e.name) == nil {
			c.entries--
			c.size -= e.size
		}
	}
}
