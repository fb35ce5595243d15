package images

import (
	"hash/maphash"
	"sync"
)

// Cache keeps the resized versions of photos between builds of a preview
// session, keyed by each source's bytes: resizing is the slow part of a
// build, and a rebuild after a text edit resizes nothing. A renamed photo
// is found again; a changed one is made anew.
type Cache struct {
	mu      sync.Mutex
	seed    maphash.Seed
	entries map[cacheKey]cached
	used    map[cacheKey]bool
}

type cacheKey struct {
	sum uint64
	n   int
}

type cached struct {
	enc []encoded
	err error
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{seed: maphash.MakeSeed(), entries: map[cacheKey]cached{}, used: map[cacheKey]bool{}}
}

// get returns the versions of data, made by build when not cached. A nil
// cache makes them every time.
func (c *Cache) get(data []byte, build func() ([]encoded, error)) ([]encoded, error) {
	if c == nil {
		return build()
	}
	key := cacheKey{maphash.Bytes(c.seed, data), len(data)}
	c.mu.Lock()
	hit, ok := c.entries[key]
	c.used[key] = true
	c.mu.Unlock()
	if ok {
		return hit.enc, hit.err
	}
	enc, err := build()
	c.mu.Lock()
	c.entries[key] = cached{enc, err}
	c.mu.Unlock()
	return enc, err
}

// sweep drops what the last Make did not use.
func (c *Cache) sweep() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.entries {
		if !c.used[k] {
			delete(c.entries, k)
		}
	}
	clear(c.used)
}

// Len is the number of photos cached.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}
