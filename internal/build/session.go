package build

import (
	"fmt"
	"hash/maphash"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/render"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// Session builds one site again and again in memory, for the preview
// server: the same pipeline as build.Run, with caches (pipeline.go), and
// a page rendered again only when what its templates read from the model
// changed (its signature, render.Signatures). A failed rebuild keeps the
// last good site.
type Session struct {
	pipe pipeline
	seed maphash.Seed
	// rebuilding is held while a rebuild runs: the caches are the
	// session's, one build at a time.
	rebuilding sync.Mutex
	theme      *render.Theme // the theme the pages were rendered with

	mu    sync.RWMutex
	pages map[string]pageEntry // by URL: "/stories/x/"
	files map[string][]byte    // by path: "assets/css/site.1a2b3c4d.css"
	// whole makes the feeds and sitemap of the last good build on the first
	// request for one: a preview rebuild need not render fifty stories again
	// for a feed nobody is reading.
	whole func() map[string][]byte
}

type pageEntry struct {
	sig    uint64
	signed bool // false: rendered again on every rebuild
	html   packed
}

// Update describes one rebuild.
type Update struct {
	Lang     string
	Rendered []string // URLs rendered anew
	Removed  []string // URLs gone
	Pages    int
	Elapsed  time.Duration
	Warnings []diag.Diagnostic
}

// NewSession prepares a session; call Rebuild to build.
func NewSession(opts Options) *Session {
	return &Session{pipe: cachedPipeline(opts), seed: maphash.MakeSeed(), pages: map[string]pageEntry{}, files: map[string][]byte{}}
}

// Page returns the HTML of the page at url ("/x/") from the last good build.
func (s *Session) Page(url string) ([]byte, bool) {
	s.mu.RLock()
	e, ok := s.pages[url]
	s.mu.RUnlock()
	if !ok {
		return nil, false
	}
	html, err := e.html.unpack()
	return html, err == nil
}

// File returns a non-page file ("assets/…") from the last good build.
func (s *Session) File(path string) ([]byte, bool) {
	s.mu.RLock()
	data, ok := s.files[path]
	whole := s.whole
	s.mu.RUnlock()
	if !ok && whole != nil {
		data, ok = whole()[path]
	}
	return data, ok
}

// Rebuild builds the site again. Input problems come back as
// *diag.ListError (with Update.Lang set) and leave the last good site in place.
func (s *Session) Rebuild() (*Update, error) { return s.RebuildChanged(nil) }

// RebuildChanged is Rebuild told which files changed (paths relative to the
// site, as file events give them), so unchanged files are not even read.
// nil means unknown: every file is read and compared.
func (s *Session) RebuildChanged(changed []string) (*Update, error) {
	s.rebuilding.Lock()
	defer s.rebuilding.Unlock()
	start := time.Now()
	src, err := sitefs.Open(s.pipe.opts.Source)
	if err != nil {
		return &Update{Lang: "zh-CN"}, fmt.Errorf("source: %w", err)
	}
	defer src.Close()
	var problems diag.List
	in := s.pipe.load(src, changed, &problems)
	up := &Update{Lang: language(in)}
	b, err := s.pipe.build(src, in, changed, &problems)
	up.Warnings = problems.Warnings()
	if err != nil {
		return up, err
	}
	pages, stale := s.stale(b)
	var mu sync.Mutex
	byPath := map[string]string{}
	for _, p := range stale {
		byPath[render.OutputPath(p.URL)] = p.URL
	}
	err = renderPages(b.theme, b.model, stale, func(path string, data []byte) error {
		html := pack(data) // on the render workers, outside the lock
		mu.Lock()
		defer mu.Unlock()
		url := byPath[path]
		e := pages[url]
		e.html = html
		pages[url] = e
		return nil
	})
	if err != nil {
		return up, err
	}
	s.theme = b.theme
	s.swap(pages, b, up)
	for _, p := range stale {
		up.Rendered = append(up.Rendered, p.URL)
	}
	slices.Sort(up.Rendered)
	up.Pages = len(b.model.Pages)
	up.Elapsed = time.Since(start)
	return up, nil
}

// stale returns the new page table, keeping the HTML of every page whose
// signature is the same as when it was rendered, with the same theme, and
// the pages to render.
func (s *Session) stale(b *built) (map[string]pageEntry, []*site.Page) {
	sigs := s.signatures(b)
	s.mu.RLock()
	defer s.mu.RUnlock()
	pages := make(map[string]pageEntry, len(b.model.Pages))
	var stale []*site.Page
	for i, p := range b.model.Pages {
		sig := sigs[i]
		if old, ok := s.pages[p.URL]; ok && sig.signed && old.signed && old.sig == sig.sig && b.theme == s.theme {
			pages[p.URL] = old
			continue
		}
		pages[p.URL] = sig
		stale = append(stale, p)
	}
	return pages, stale
}

// signatures signs every page of the build, on GOMAXPROCS workers (each
// hashes the values pages share once).
func (s *Session) signatures(b *built) []pageEntry {
	out := make([]pageEntry, len(b.model.Pages))
	const chunk = 256
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			sigs := b.theme.Signatures(b.model, s.seed)
			for {
				from := int(next.Add(chunk)) - chunk
				if from >= len(out) {
					return
				}
				for i := from; i < min(from+chunk, len(out)); i++ {
					sig, signed := sigs.Page(b.model.Pages[i])
					out[i] = pageEntry{sig: sig, signed: signed}
				}
			}
		})
	}
	wg.Wait()
	return out
}

// swap makes the new build the one served.
func (s *Session) swap(pages map[string]pageEntry, b *built, up *Update) {
	files := make(map[string][]byte, len(b.files))
	for _, f := range b.files {
		files[f.Path] = f.Data
	}
	th, model := b.theme, b.model
	whole := sync.OnceValue(func() map[string][]byte {
		out := map[string][]byte{}
		if made, err := th.SiteFiles(model); err == nil {
			for _, f := range made {
				out[f.Path] = f.Data
			}
		}
		return out
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	for url := range s.pages {
		if _, ok := pages[url]; !ok {
			up.Removed = append(up.Removed, url)
		}
	}
	slices.Sort(up.Removed)
	s.pages, s.files, s.whole = pages, files, whole
}
