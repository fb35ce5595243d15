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
// server: the same pipeline as build.Run, with caches (pipeline.go), the
// model kept between builds (site.Kept), and a page rendered again only
// when what its templates read from the model changed (its signature,
// render.Signatures). A page is not even signed again while it read none
// of the fields of the model the build changed. A failed rebuild keeps the
// last good site.
type Session struct {
	pipe pipeline
	seed maphash.Seed
	// rebuilding is held while a rebuild runs, and while the feeds are
	// made from the last good model: the caches and the kept model are the
	// session's, one build at a time.
	rebuilding sync.Mutex
	theme      *render.Theme // the theme the pages were rendered with

	mu    sync.RWMutex
	pages map[string]*pageEntry // by URL: "/stories/x/"
	files map[string][]byte     // by path: "assets/css/site.1a2b3c4d.css"
	// served is the last good model's list of pages, and slots their
	// entries in its order: while a build keeps the list, its pages'
	// entries are found without looking them up.
	served []*site.Page
	slots  []*pageEntry
	// whole makes the feeds and sitemap of the last good build on the first
	// request for one: a preview rebuild need not render fifty stories again
	// for a feed nobody is reading.
	whole func() map[string][]byte
}

type pageEntry struct {
	page   *site.Page // the model's object it was signed for
	at     int        // its place in the model's pages
	sig    uint64
	signed bool         // false: rendered again on every rebuild
	reads  []site.Field // what its templates read from the model (render.Signatures.Reads)
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
	return &Session{pipe: cachedPipeline(opts), seed: maphash.MakeSeed(), pages: map[string]*pageEntry{}, files: map[string][]byte{}}
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
	entries, stale := s.stale(b)
	byPath := make(map[string]*pageEntry, len(stale))
	pages := make([]*site.Page, len(stale))
	for i, e := range stale {
		byPath[render.OutputPath(entries[e].page.URL)] = &entries[e]
		pages[i] = entries[e].page
	}
	err = renderPages(b.theme, b.model, pages, func(path string, data []byte) error {
		byPath[path].html = pack(data) // on the render workers, each page its own entry
		return nil
	})
	if err != nil {
		s.pipe.rollback()
		return up, err
	}
	s.theme = b.theme
	s.swap(entries, b, up)
	s.pipe.commit()
	for _, p := range pages {
		up.Rendered = append(up.Rendered, p.URL)
	}
	slices.Sort(up.Rendered)
	up.Pages = len(b.model.Pages)
	up.Elapsed = time.Since(start)
	return up, nil
}

// stale signs again the pages that may have changed — new ones, and those
// that read a field of the model the build changed (every page when the
// model or the theme is new) — and returns their entries, and which of
// them must be rendered: those whose signature differs (the others keep
// their HTML).
func (s *Session) stale(b *built) ([]pageEntry, []int) {
	all := b.changes == nil || b.changes.All || b.theme != s.theme
	var changed fieldSet
	if !all {
		changed = newFieldSet(b.changes.Fields)
	}
	var sign []int
	var olds []*pageEntry
	s.mu.RLock()
	kept := sameList(b.model.Pages, s.served)
	for i, p := range b.model.Pages {
		var old *pageEntry
		if kept {
			old = s.slots[i]
		} else {
			old = s.pages[p.URL]
		}
		if all || old == nil || old.page != p || !old.signed || changed.any(old.reads) {
			sign = append(sign, i)
			olds = append(olds, old)
		}
	}
	s.mu.RUnlock()
	entries := s.signatures(b, sign)
	var stale []int
	for i, e := range entries {
		if old := olds[i]; old != nil && b.theme == s.theme && e.signed && old.signed && old.sig == e.sig {
			entries[i].html = old.html
			continue
		}
		stale = append(stale, i)
	}
	return entries, stale
}

// sameList reports whether two lists of pages are one.
func sameList(a, b []*site.Page) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// signatures signs pages of the build, on GOMAXPROCS workers when they are
// many (each hashes the values pages share once).
func (s *Session) signatures(b *built, at []int) []pageEntry {
	out := make([]pageEntry, len(at))
	const chunk = 256
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (len(at)+chunk-1)/chunk) {
		wg.Go(func() {
			sigs := b.theme.Signatures(b.model, s.seed)
			for {
				from := int(next.Add(chunk)) - chunk
				if from >= len(out) {
					return
				}
				for i := from; i < min(from+chunk, len(out)); i++ {
					p := b.model.Pages[at[i]]
					sig, signed := sigs.Page(p)
					out[i] = pageEntry{page: p, at: at[i], sig: sig, signed: signed, reads: distinct(sigs.Reads())}
				}
			}
		})
	}
	wg.Wait()
	return out
}

// distinct is a copy of reads, each once.
func distinct(reads []site.Field) []site.Field {
	out := slices.Clone(reads)
	slices.Sort(out)
	return slices.Clip(slices.Compact(out))
}

// swap makes the new build the one served: the entries of the pages
// signed again replace theirs, and the pages the model no longer has go.
func (s *Session) swap(entries []pageEntry, b *built, up *Update) {
	files := make(map[string][]byte, len(b.files))
	for _, f := range b.files {
		files[f.Path] = f.Data
	}
	th, model := b.theme, b.model
	whole := sync.OnceValue(func() map[string][]byte {
		// The model is kept and updated in place: never read while a
		// rebuild may change it (a failed one puts it back as it was).
		s.rebuilding.Lock()
		defer s.rebuilding.Unlock()
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
	kept := sameList(model.Pages, s.served)
	for i := range entries {
		e := &entries[i]
		s.pages[e.page.URL] = e
		if kept {
			s.slots[e.at] = e
		}
	}
	if !kept {
		s.served, s.slots = model.Pages, make([]*pageEntry, len(model.Pages))
		for i, p := range model.Pages {
			s.slots[i] = s.pages[p.URL]
		}
	}
	if len(s.pages) != len(model.Pages) {
		present := make(map[string]bool, len(model.Pages))
		for _, p := range model.Pages {
			present[p.URL] = true
		}
		for url := range s.pages {
			if !present[url] {
				delete(s.pages, url)
				up.Removed = append(up.Removed, url)
			}
		}
		slices.Sort(up.Removed)
	}
	s.files, s.whole = files, whole
}
