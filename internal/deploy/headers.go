package deploy

import (
	"path"
	"regexp"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/load"
)

// Headers are the HTTP headers an object is stored with, which the store
// and the CDN in front of it send to readers.
type Headers struct {
	ContentType     string
	CacheControl    string
	ContentEncoding string // gzip, or ""
}

// The Cache-Control jinzhan gives a file unless site.yaml says otherwise.
const (
	// CacheImmutable is for a file whose name carries a hash of its
	// bytes: a new version gets a new name, so it may be kept for ever.
	CacheImmutable = "public, max-age=31536000, immutable"
	// CacheShort is for every other file: pages, feeds, data, the search
	// index's entry. A reader (and a CDN without an invalidation) sees a
	// new version within five minutes.
	CacheShort = "public, max-age=300"
)

// contentTypes are the types of every kind of file a jinzhan site holds:
// what the build writes, Pagefind's index, and the usual static files.
// Text is UTF-8, as jinzhan writes it.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".csv":         "text/csv; charset=utf-8",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".wasm":        "application/wasm",
	".woff2":       "font/woff2",
	".woff":        "font/woff",
	".pdf":         "application/pdf",
	".webmanifest": "application/manifest+json",
	// Pagefind's index: compressed chunks its script fetches and unpacks.
	".pagefind":    "application/octet-stream",
	".pf_meta":     "application/octet-stream",
	".pf_index":    "application/octet-stream",
	".pf_fragment": "application/octet-stream",
	".pf_filter":   "application/octet-stream",
}

// feedType is the type of the Atom feeds jinzhan writes (feed.xml).
const feedType = "application/atom+xml; charset=utf-8"

// ContentType is the type of a file of the site by its name; a kind not
// listed is application/octet-stream (the same on every machine, unlike
// the system's MIME tables).
func ContentType(rel string) string {
	if path.Base(rel) == "feed.xml" {
		return feedType
	}
	if t, ok := contentTypes[strings.ToLower(path.Ext(rel))]; ok {
		return t
	}
	return "application/octet-stream"
}

// compressible reports whether gzip makes a file of this kind smaller:
// text, not images or Pagefind's chunks, which are compressed already.
func compressible(rel string) bool {
	switch strings.ToLower(path.Ext(rel)) {
	case ".html", ".css", ".js", ".mjs", ".json", ".csv", ".xml", ".txt", ".svg", ".webmanifest":
		return true
	}
	return false
}

// fingerprint is the hash the build puts in the names of assets and photo
// versions: site.1a2b3c4d.css, echarts.1a2b3c4d.min.js, photo-480.1a2b3c4d.jpg.
var fingerprint = regexp.MustCompile(`\.[0-9a-f]{8}\.`)

// Hashed reports whether a file's name changes with its bytes, so that a
// stored copy never goes stale: the fingerprinted files under assets/ and
// images/, and Pagefind's index chunks, which it names by their hash.
func Hashed(rel string) bool {
	top, _, _ := strings.Cut(rel, "/")
	switch top {
	case "assets", "images":
		return fingerprint.MatchString(path.Base(rel))
	case "pagefind":
		return strings.HasPrefix(path.Ext(rel), ".pf_")
	}
	return false
}

// Phase is a step of a deploy: the files of one phase are all uploaded
// before any of the next, so a reader never gets a page whose assets, or
// a feed whose pages, are not there yet.
type Phase int

// The phases, in order. Deletions come after the last.
const (
	PhaseAssets Phase = iota // new content-hashed files: nothing refers to them yet
	PhaseOther               // the other files pages load: favicon, scripts of the search, schemas
	PhaseData                // open data under data/
	PhasePages               // HTML
	PhaseFeeds               // feeds, sitemap and robots.txt, which point readers and robots at pages
	phases
)

// PhaseOf is the phase a file of the site is uploaded in.
func PhaseOf(rel string) Phase {
	ext := strings.ToLower(path.Ext(rel))
	switch {
	case Hashed(rel):
		return PhaseAssets
	case ext == ".html":
		return PhasePages
	case strings.HasPrefix(rel, "data/"):
		return PhaseData
	case ext == ".xml" || rel == "robots.txt":
		return PhaseFeeds
	}
	return PhaseOther
}

// Policy gives each file its headers, from site.yaml's deploy: section and
// jinzhan's defaults.
type Policy struct {
	gzip  bool
	rules []cacheRule
}

type cacheRule struct {
	match *regexp.Regexp
	value string
}

// NewPolicy is the policy site.yaml's deploy: section asks for. Its rules
// must have passed Check: a pattern that does not compile is left out.
func NewPolicy(d load.Deploy) Policy {
	p := Policy{gzip: d.Gzip}
	for _, r := range d.CacheControl {
		if re := compileGlob(r.Path); re != nil {
			p.rules = append(p.rules, cacheRule{re, r.Value})
		}
	}
	return p
}

// Headers are the headers of a file of the site.
func (p Policy) Headers(rel string) Headers {
	h := Headers{ContentType: ContentType(rel), CacheControl: CacheShort}
	if Hashed(rel) {
		h.CacheControl = CacheImmutable
	}
	for _, r := range p.rules {
		if r.match.MatchString(rel) {
			h.CacheControl = r.value
			break
		}
	}
	if p.gzip && compressible(rel) {
		h.ContentEncoding = "gzip"
	}
	return h
}
