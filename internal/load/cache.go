package load

import (
	"hash/maphash"
	"io/fs"
	"strings"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/yuin/goldmark"
)

// DocCache keeps parsed Markdown between builds of a preview server, keyed
// by each file's bytes: reading a file is cheap, parsing it is not.
type DocCache struct {
	mu   sync.Mutex
	seed maphash.Seed
	docs map[string]cachedDoc
	// known, when set, lists the files changed since the last load: every
	// other cached file is reused without reading it (the preview server
	// learns the changes from file events; on 5,000 stories the reads
	// alone take longer than the rest of a rebuild).
	known   bool
	changed map[string]bool
	// listed is the last load's listing of the site, kept while the
	// changes leave it true.
	listed *listing
}

type cachedDoc struct {
	sum      uint64
	ids      string // the page's own ids the headings avoided (pageIDs)
	doc      *Doc
	problems diag.List
}

// NewDocCache returns an empty cache.
func NewDocCache() *DocCache {
	return &DocCache{seed: maphash.MakeSeed(), docs: map[string]cachedDoc{}}
}

// Changed tells the cache which files changed since the last load (paths
// relative to the site); the next load reads only those and new files.
func (c *DocCache) Changed(paths []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.known = true
	c.changed = map[string]bool{}
	for _, p := range paths {
		c.changed[p] = true
	}
}

// listing returns the last load's listing of the site when the changes
// since leave it true; nil when the site must be listed again.
func (c *DocCache) listing(fsys fs.FS) *listing {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.listed == nil || !c.known || !c.listed.stillListed(fsys, c.changed) {
		return nil
	}
	return c.listed
}

// keepListing keeps a new listing of the site for the next load.
func (c *DocCache) keepListing(l *listing) {
	if c != nil {
		c.mu.Lock()
		c.listed = l
		c.mu.Unlock()
	}
}

// reusable returns the cached parse of name when the cache may trust it unread.
func (c *DocCache) reusable(name, ids string) (cachedDoc, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	hit, ok := c.docs[name]
	return hit, ok && c.known && !c.changed[name] && hit.ids == ids
}

// load returns the cached parse of name when its bytes are unchanged.
func (c *DocCache) load(fsys fs.FS, name string, md goldmark.Markdown, anchors map[string][]string, list *diag.List) *Doc {
	kind, slug, known := classify(name)
	ids := pageIDs(kind, slug, anchors)
	idsKey := strings.Join(ids, " ")
	if hit, ok := c.reusable(name, idsKey); ok {
		list.Merge(&hit.problems)
		return hit.doc
	}
	if !known || (kind != KindHome && !ValidSlug(slug)) {
		return loadDoc(fsys, name, md, anchors, list) // reports why
	}
	data, ok := readFile(fsys, name, list)
	if !ok {
		return nil
	}
	sum := maphash.Bytes(c.seed, data)
	c.mu.Lock()
	hit, ok := c.docs[name]
	c.mu.Unlock()
	if ok && hit.sum == sum && hit.ids == idsKey {
		list.Merge(&hit.problems)
		return hit.doc
	}
	var problems diag.List
	doc := parseDoc(name, kind, slug, data, md, ids, &problems)
	list.Merge(&problems)
	c.mu.Lock()
	c.docs[name] = cachedDoc{sum: sum, ids: idsKey, doc: doc, problems: problems}
	c.mu.Unlock()
	return doc
}

// forgetAllBut drops the files that no longer exist, and ends a Changed.
func (c *DocCache) forgetAllBut(files []string) {
	keep := make(map[string]bool, len(files))
	for _, f := range files {
		keep[f] = true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.known, c.changed = false, nil
	for name := range c.docs {
		if !keep[name] {
			delete(c.docs, name)
		}
	}
}
