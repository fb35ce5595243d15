// Package load is the first stage of a build: it reads every input file of
// a site once, decodes YAML strictly and parses Markdown with goldmark
// (keeping each text as HTML with holes, not as a tree), reporting every
// problem with its position.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"hash"
	"hash/fnv"
	"hash/maphash"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/gcpolicy"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
	"github.com/jinzhan-dev/jinzhan/internal/work"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// MaxFileSize bounds every input file: a larger one is almost certainly a mistake.
const MaxFileSize = 4 << 20

// DocKind tells what a Markdown file is, from where it lies under content/.
type DocKind string

// The kinds of Markdown documents.
const (
	KindHome     DocKind = "home"     // content/_index.md
	KindActivity DocKind = "activity" // content/activities/<slug>.md
	KindStory    DocKind = "story"    // content/stories/<slug>.md
	KindPage     DocKind = "page"     // content/<slug>.md
)

// Doc is one parsed Markdown file.
type Doc struct {
	Path     string // relative to the site root, e.g. content/stories/x.md
	Kind     DocKind
	Slug     string
	Front    FrontMatter
	BodyLine int // line of the file where the Markdown body starts
	// Text is the body rendered to HTML when it is parsed, with a hole for
	// each figure reference and chart block; neither the parse tree nor
	// the Markdown is kept (see docs/architecture.md).
	Text *markdown.Text
	// Marks are the nodes of the parse that name data — figure references,
	// mistyped ones and chart blocks — in the order of the text, found
	// once when it is parsed: validation, the model and the sources each
	// look at them in every build, and walking 10,000 trees each time took
	// a third of the preview's rebuild of one story. They are detached
	// from the tree; the holes of Text are the same nodes.
	Marks []ast.Node
	// Links are the links and images of the text, for `jinzhan check`.
	Links []markdown.Link
	// Parsed fingerprints what Text was parsed from (the body and the ids
	// its headings avoid): two Docs with the same Parsed render the same,
	// so a preview can tell a kept parse from a new one without comparing.
	Parsed uint64
	places places
}

// parseSeed seeds Doc.Parsed (fingerprints compared within one run).
var parseSeed = maphash.MakeSeed()

// parsedFrom fingerprints a body and the ids its headings avoid; whole
// is false for a body refused before parsing (shown as empty).
func parsedFrom(body []byte, ids []string, whole bool) uint64 {
	var h maphash.Hash
	h.SetSeed(parseSeed)
	_, _ = h.Write(body)
	for _, id := range ids {
		h.WriteByte(0)
		h.WriteString(id)
	}
	if !whole {
		h.WriteByte(1)
	}
	return h.Sum64()
}

// PosAt turns the byte offset in the Markdown body of one of the Doc's
// marks or links into a position in the file (the column counts
// characters).
func (d *Doc) PosAt(offset int) diag.Pos {
	line, col := d.places.lineCol(offset)
	return diag.Pos{File: d.Path, Line: line, Col: col}
}

// Input is everything a site is built from, read once.
type Input struct {
	Site       SiteConfig
	Campaign   Campaign
	Townships  TownshipsFile
	Activities []*Activity // sorted by slug
	Docs       []*Doc      // sorted by path
	// Unreadable lists the files that could not be read or parsed at all,
	// so that later stages do not report every reference into them.
	Unreadable map[string]bool
	// DataKey fingerprints every YAML file read: while it stays the same,
	// what a Markdown file resolves to stays the same (preview caches).
	DataKey uint64
	// Images lists the files under images/ by name; the ones a page names
	// are read (see Image).
	Images map[string]*Image
}

// Paths of the inputs, relative to the site root.
const (
	SiteFile      = "site.yaml"
	CampaignFile  = "data/campaign.yaml"
	TownshipsPath = "data/townships.yaml"
	ActivitiesDir = "data/activities"
	ContentDir    = "content"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ValidSlug reports whether s can name a page in a URL.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) }

// Load reads the site in fsys. Problems are added to list; the returned
// Input holds whatever could be read.
func Load(fsys fs.FS, list *diag.List) *Input { return LoadCached(fsys, nil, list) }

// LoadSite reads site.yaml alone, as Load reads it, for a command that
// needs only the site's settings (jinzhan deploy).
func LoadSite(fsys fs.FS, list *diag.List) SiteConfig {
	var cfg SiteConfig
	files := newTree()
	files.scanTop(fsys, SiteFile, list)
	decodeFile(fsys, files, SiteFile, &cfg, true, fnv.New64a(), list)
	return cfg
}

// LoadCached is Load that reuses the parsed Markdown of files whose bytes
// have not changed since the cache saw them (nil: no cache).
func LoadCached(fsys fs.FS, cache *DocCache, list *diag.List) *Input {
	in, _ := loadInput(fsys, cache, false, list)
	return in
}

// loadInput is LoadCached; with streamed set it leaves the stories' texts
// out of the Input and returns them listed instead (LoadAllButStories).
func loadInput(fsys fs.FS, cache *DocCache, streamed bool, list *diag.List) (*Input, *Stories) {
	in := &Input{Unreadable: map[string]bool{}}
	key := fnv.New64a()
	defer func() { in.DataKey = key.Sum64() }()
	var siteProblems diag.List
	decodeSite := func(files *tree) string {
		if !cache.decode(fsys, files, SiteFile, &in.Site, true, key, &siteProblems) {
			in.Unreadable[SiteFile] = true
		}
		return in.Site.Theme
	}
	listed := cache.listing(fsys)
	sameListing := listed != nil
	if listed == nil {
		listed = scan(fsys, decodeSite)
		cache.keepListing(listed)
	} else {
		decodeSite(listed.files)
	}
	files := listed.files
	list.Merge(&listed.problems)
	list.Merge(&siteProblems)
	for _, f := range []struct {
		name     string
		v        any
		required bool
	}{{CampaignFile, &in.Campaign, true}, {TownshipsPath, &in.Townships, false}} {
		if !cache.decode(fsys, files, f.name, f.v, f.required, key, list) {
			in.Unreadable[f.name] = true
		}
	}
	in.Activities = loadActivities(fsys, files, cache, key, in.Unreadable, list)
	cache.trustData()
	texts := files.under(ContentDir, ".md")
	var stories *Stories
	if streamed {
		stories = &Stories{fsys: fsys, in: in, md: markdown.New()}
		texts, stories.paths = splitStories(texts)
	}
	in.Docs = loadDocs(fsys, texts, in.Activities, cache, sameListing, stories.Len(), list)
	in.Images = loadImages(fsys, files, in.Docs)
	for p := range files.refused {
		in.Unreadable[p] = true
	}
	return in, stories
}

// themeDir is the folder of the site's own copy of its theme.
func themeDir(name string) string {
	if name == "" || strings.ContainsAny(name, `/\`) || !fs.ValidPath(name) {
		name = "default" // a name that is no folder name is reported by validation
	}
	return path.Join("themes", name)
}

// readFile reads a text file, checking its size (by what is read, whatever
// size the file claims), its encoding and that it holds no invisible
// characters (strictyaml.CleanText), which it blanks.
func readFile(fsys fs.FS, name string, list *diag.List) ([]byte, bool) {
	data, err := sitefs.ReadFile(fsys, name, MaxFileSize)
	switch {
	case errors.Is(err, sitefs.ErrTooLarge):
		hint := diag.T("split the file or remove what does not belong in it")
		if info, statErr := fs.Stat(fsys, name); statErr == nil && info.Size() > MaxFileSize {
			list.Errorf(diag.Pos{File: name}, "", hint, "the file is %d bytes, more than the limit of %d", info.Size(), MaxFileSize)
		} else {
			list.Errorf(diag.Pos{File: name}, "", hint, "the file is more than %d bytes long", MaxFileSize)
		}
		return nil, false
	case err != nil:
		msg, hint := refusal(err)
		list.Add(diag.Diagnostic{Pos: diag.Pos{File: name}, Message: msg, Hint: hint})
		return nil, false
	}
	if bytes.HasPrefix(data, []byte("\uFEFF")) {
		list.Errorf(diag.Pos{File: name, Line: 1, Col: 1}, "", diag.T("save the file as UTF-8 without BOM (in Notepad: Save as → Encoding: UTF-8)"), "the file starts with a byte-order mark (BOM)")
		return nil, false
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(strictyaml.LineEnds(data[:firstInvalid(data)]), []byte("\n"))
		list.Errorf(diag.Pos{File: name, Line: line}, "", diag.T("save the file as UTF-8 (not GBK/GB2312)"), "the file is not valid UTF-8")
		return nil, false
	}
	// Control characters and the like are refused in every text file, the
	// Markdown bodies too (goldmark would pass them to the pages); the rest
	// of the file is still read, for its other problems.
	return strictyaml.CleanText(name, data, 1, list), true
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// decodeFile reads and decodes one YAML file; false when it could not be
// read or parsed at all (a missing optional file is fine).
func decodeFile(fsys fs.FS, files *tree, name string, v any, required bool, key hash.Hash64, list *diag.List) bool {
	return decodeWith(readFile, fsys, files, name, v, required, key, list)
}

// decodeWith is decodeFile reading the file with read.
func decodeWith(read func(fs.FS, string, *diag.List) ([]byte, bool), fsys fs.FS, files *tree, name string, v any, required bool, key hash.Hash64, list *diag.List) bool {
	switch {
	case files.refused[name]:
		return false // reported by the scan
	case !files.has(name):
		if required {
			list.Errorf(diag.Pos{File: name}, "", diag.T("run jinzhan in the site folder, or pass --source"), "the file is missing")
		}
		return !required
	}
	data, ok := read(fsys, name, list)
	key.Write([]byte(name))
	key.Write(data)
	return ok && strictyaml.Decode(name, data, v, list)
}

func loadActivities(fsys fs.FS, files *tree, cache *DocCache, key hash.Hash64, unreadable map[string]bool, list *diag.List) []*Activity {
	var out []*Activity
	for _, name := range files.under(ActivitiesDir, "") {
		if path.Dir(name) != ActivitiesDir {
			continue // only the files right in data/activities/ are activities
		}
		base := path.Base(name)
		slug, isYAML := strings.CutSuffix(base, ".yaml")
		if !isYAML {
			if strings.HasSuffix(base, ".yml") {
				list.Errorf(diag.Pos{File: name}, "", diag.T("rename it to %s.yaml", strings.TrimSuffix(base, ".yml")), "data files end in .yaml")
			}
			continue
		}
		if !ValidSlug(slug) {
			list.Errorf(diag.Pos{File: name}, "", diag.T("use lowercase pinyin, digits and -, e.g. chanye-fupin.yaml"), "the file name %q cannot be a URL", slug)
			continue
		}
		a := &Activity{Slug: slug}
		if !cache.decode(fsys, files, name, a, true, key, list) {
			unreadable[name] = true // reported; its figures stay unknown quietly
			continue
		}
		out = append(out, a)
	}
	return out
}

// keptPerText is about what a build keeps of each Markdown file — its
// text's HTML, marks and front matter, its objects in the model — for a
// story of a few paragraphs (4.4 KB each, measured at 10,000 stories).
// The collector paces itself by it (gcpolicy.ExpectLive).
const keptPerText = 4 << 10

// loadDocs reads and parses the Markdown files in parallel; each worker
// reports into its own list so that messages never interleave.
// With a cache, the files it may trust are not read (sameListing: the
// listing is the cache's, unchanged).
// streamed are the stories read later, one by one, whose pages keep a
// little of each (keptPerStory).
func loadDocs(fsys fs.FS, files []string, activities []*Activity, cache *DocCache, sameListing bool, streamed int, list *diag.List) []*Doc {
	anchors := breakdownAnchors(activities)
	docs := make([]*Doc, len(files))
	lists := make([]diag.List, len(files))
	md := markdown.New()
	gcpolicy.ExpectLive(uint64(len(files))*keptPerText + uint64(streamed)*keptPerStory)
	if cache == nil {
		work.Each(len(files), func(i int) {
			docs[i] = loadDoc(fsys, files[i], md, anchors, &lists[i])
		})
	} else {
		rest := cache.reuse(files, anchors, docs, lists)
		work.Each(len(rest), func(k int) {
			i := rest[k]
			docs[i] = cache.load(fsys, files[i], md, anchors, &lists[i])
		})
		cache.forgetAllBut(files, sameListing)
	}
	out := docs[:0]
	for i, d := range docs {
		list.Merge(&lists[i])
		if d != nil && !d.Front.Draft {
			out = append(out, d)
		}
	}
	return out
}

func classify(p string) (DocKind, string, bool) {
	rel := strings.TrimPrefix(p, ContentDir+"/")
	dir, file := path.Split(rel)
	slug := strings.TrimSuffix(file, ".md")
	switch {
	case rel == "_index.md":
		return KindHome, "", true
	case dir == "activities/":
		return KindActivity, slug, true
	case dir == "stories/":
		return KindStory, slug, true
	case dir == "":
		return KindPage, slug, true
	}
	return "", slug, false
}

// breakdownAnchors lists, by activity slug, the ids of the breakdowns its
// page shows (as anchors a township page links to): the headings of its
// narrative must not take them.
func breakdownAnchors(activities []*Activity) map[string][]string {
	out := map[string][]string{}
	for _, a := range activities {
		for _, b := range a.Breakdowns {
			out[a.Slug] = append(out[a.Slug], b.ID)
		}
	}
	return out
}

// pageIDs are the ids the page of a document has besides the theme's.
func pageIDs(kind DocKind, slug string, anchors map[string][]string) []string {
	if kind == KindActivity {
		return anchors[slug]
	}
	return nil
}

func loadDoc(fsys fs.FS, name string, md goldmark.Markdown, anchors map[string][]string, list *diag.List) *Doc {
	kind, slug, ok := classify(name)
	if !ok {
		list.Errorf(diag.Pos{File: name}, "", diag.T("put stories in content/stories/ and activity texts in content/activities/"),
			"jinzhan does not know what page this file is")
		return nil
	}
	if kind != KindHome && !ValidSlug(slug) {
		list.Errorf(diag.Pos{File: name}, "", diag.T("use lowercase pinyin, digits and -, e.g. chunjie-zoufang.md"),
			"the file name %q cannot be a URL", slug)
		return nil
	}
	src, ok := readFile(fsys, name, list)
	if !ok {
		return nil
	}
	return parseDoc(name, kind, slug, src, md, pageIDs(kind, slug, anchors), list)
}

// parseDoc splits and parses a Markdown file already read.
func parseDoc(name string, kind DocKind, slug string, src []byte, md goldmark.Markdown, ids []string, list *diag.List) *Doc {
	front, body, yamlLine, bodyLine, hasFront, closed := splitFrontMatter(src)
	if !closed {
		list.Errorf(diag.Pos{File: name, Line: 1}, "", diag.T("end the front matter with a line of three dashes: ---"), "the front matter is never closed")
		return nil
	}
	doc := &Doc{Path: name, Kind: kind, Slug: slug, BodyLine: bodyLine}
	if !hasFront {
		list.Errorf(diag.Pos{File: name, Line: 1}, "", diag.T("start the file with ---, a title: line and another ---"),
			"the file has no front matter")
		return nil
	}
	if !decodeFront(name, front, yamlLine, &doc.Front, list) {
		return nil // reported; checks that need the front matter would only repeat it
	}
	if over := markdown.CheckBudget(body); over != nil {
		// Parsed, this text would hold the build up or exhaust its memory;
		// the front matter is still checked, against an empty body.
		doc.places = newPlaces(body, bodyLine, []int{over.Offset})
		list.Add(diag.Diagnostic{Pos: doc.PosAt(over.Offset), Message: over.Message, Hint: over.Hint})
		doc.Text, doc.Parsed = &markdown.Text{}, parsedFrom(body, ids, false)
		return doc
	}
	tree := md.Parser().Parse(text.NewReader(body), parser.WithContext(markdown.NewContext(ids...)))
	doc.Marks, doc.Links = markdown.Marks(tree)
	doc.places = newPlaces(body, bodyLine, markOffsets(doc.Marks, doc.Links))
	doc.Text = markdown.NewText(md, body, tree)
	markdown.Detach(doc.Marks) // the tree is dropped here
	doc.Parsed = parsedFrom(body, ids, true)
	return doc
}

// decodeFront decodes front matter with positions in the whole file;
// false when there is none to speak of or it does not parse.
func decodeFront(name string, front []byte, firstLine int, fm *FrontMatter, list *diag.List) bool {
	if len(bytes.TrimSpace(front)) == 0 {
		list.Errorf(diag.Pos{File: name, Line: firstLine}, "", diag.T("add at least a title: line"), "the front matter is empty")
		return false
	}
	return strictyaml.DecodeAt(name, firstLine, front, fm, list)
}

// String is used in messages naming a document.
func (d *Doc) String() string { return fmt.Sprintf("%s (%s)", d.Path, d.Kind) }
