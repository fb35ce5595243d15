package load

import (
	"hash"
	"hash/maphash"
	"io/fs"
	"reflect"
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
	// data are the YAML files as the last load decoded them, by path:
	// reused while the changes name none of them. Not after a build whose
	// checks found errors: validation may blank what it refuses (an
	// unsafe link) in the decoded values, which must be decoded again.
	data        map[string]decodedFile
	dataTrusted bool
}

// decodedFile is one YAML file as read and decoded.
type decodedFile struct {
	data     []byte
	value    reflect.Value // what it was decoded into
	ok       bool
	problems diag.List
}

type cachedDoc struct {
	sum      uint64
	ids      string // the page's own ids the headings avoided (pageIDs)
	doc      *Doc
	problems diag.List
}

// NewDocCache returns an empty cache.
func NewDocCache() *DocCache {
	return &DocCache{seed: maphash.MakeSeed(), docs: map[string]cachedDoc{}, data: map[string]decodedFile{}, dataTrusted: true}
}

// InputErrors tells the cache that the last build found errors in its
// input: the next load decodes every YAML file again.
func (c *DocCache) InputErrors() {
	c.mu.Lock()
	c.dataTrusted = false
	c.mu.Unlock()
}

// trustData marks the decoded files, all decoded anew by the load that
// ends, as fit to reuse until an InputErrors.
func (c *DocCache) trustData() {
	if c != nil {
		c.mu.Lock()
		c.dataTrusted = true
		c.mu.Unlock()
	}
}

// decode decodes the YAML file name into v as decodeFile does, reusing the
// last load's decoding while the changes do not name the file.
func (c *DocCache) decode(fsys fs.FS, files *tree, name string, v any, required bool, key hash.Hash64, list *diag.List) bool {
	if c == nil {
		return decodeFile(fsys, files, name, v, required, key, list)
	}
	c.mu.Lock()
	hit, ok := c.data[name]
	ok = ok && c.known && c.dataTrusted && !c.changed[name]
	c.mu.Unlock()
	if ok && files.has(name) && !files.refused[name] {
		key.Write([]byte(name))
		key.Write(hit.data)
		list.Merge(&hit.problems)
		reflect.ValueOf(v).Elem().Set(hit.value)
		return hit.ok
	}
	var problems diag.List
	var data []byte
	read := func(fsys fs.FS, name string, list *diag.List) ([]byte, bool) {
		d, ok := readFile(fsys, name, list)
		data = d
		return d, ok
	}
	done := decodeWith(read, fsys, files, name, v, required, key, &problems)
	list.Merge(&problems)
	c.mu.Lock()
	if data != nil {
		value := reflect.New(reflect.TypeOf(v).Elem()).Elem()
		value.Set(reflect.ValueOf(v).Elem()) // a copy: the load's own may be changed (a --base-url)
		c.data[name] = decodedFile{data: data, value: value, ok: done, problems: problems}
	} else {
		delete(c.data, name)
	}
	c.mu.Unlock()
	return done
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

// reuse fills in docs and lists the cached parse of every file of files
// the cache may trust unread (the changes it was told of do not name it,
// and its headings avoid the same ids), and returns the indexes of the
// others, to be loaded. One pass under one lock: on 10,000 stories, a
// lock taken for each file by the loading workers cost a millisecond.
func (c *DocCache) reuse(files []string, anchors map[string][]string, docs []*Doc, lists []diag.List) []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	var rest []int
	for i, name := range files {
		hit, ok := c.docs[name]
		if !ok || !c.known || c.changed[name] || hit.doc == nil {
			rest = append(rest, i)
			continue
		}
		if ids := pageIDs(hit.doc.Kind, hit.doc.Slug, anchors); hit.ids != strings.Join(ids, " ") {
			rest = append(rest, i)
			continue
		}
		docs[i] = hit.doc
		lists[i].Merge(&hit.problems)
	}
	return rest
}

// load returns the cached parse of name when its bytes are unchanged.
func (c *DocCache) load(fsys fs.FS, name string, md goldmark.Markdown, anchors map[string][]string, list *diag.List) *Doc {
	kind, slug, known := classify(name)
	ids := pageIDs(kind, slug, anchors)
	idsKey := strings.Join(ids, " ")
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
	if doc != nil {
		doc.Text.Pack() // a preview renders a few of the texts it keeps
	}
	list.Merge(&problems)
	c.mu.Lock()
	c.docs[name] = cachedDoc{sum: sum, ids: idsKey, doc: doc, problems: problems}
	c.mu.Unlock()
	return doc
}

// forgetAllBut drops the files that no longer exist (none when the
// listing is the last load's: every cached file was in it), and ends a
// Changed.
func (c *DocCache) forgetAllBut(files []string, sameListing bool) {
	if sameListing {
		c.mu.Lock()
		c.known, c.changed = false, nil
		c.mu.Unlock()
		return
	}
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
