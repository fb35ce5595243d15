package build

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/deflated"
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
// of the fields of the model the build changed. A rebuild renders every
// page it changed (a template's error shows at once), but keeps the HTML
// of the pages browsers look at only (hotPages); another is rendered when
// asked for. A failed rebuild keeps the last good site.
type Session struct {
	pipe pipeline
	seed maphash.Seed
	// rebuilding is held while a rebuild runs; read-held while a page or
	// the feeds are made from the last good model, which a rebuild
	// changes in place (a failed one puts it back as it was).
	rebuilding sync.RWMutex
	theme      *render.Theme // the theme the pages were rendered with
	model      *site.Site    // the last good build's

	mu    sync.RWMutex
	hot   *hotPages
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
	signed bool           // false: rendered again on every rebuild
	reads  fieldList      // what its templates read from the model (render.Signatures.Reads)
	html   deflated.Bytes // nil unless the page is hot
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
	return &Session{pipe: cachedPipeline(opts), seed: maphash.MakeSeed(), hot: newHotPages(hotLimit), pages: map[string]*pageEntry{}, files: map[string][]byte{}}
}

// Page returns the HTML of the page at url ("/x/") from the last good
// build: kept if the page is hot, or rendered now.
func (s *Session) Page(url string) ([]byte, bool) {
	s.mu.Lock()
	e, ok := s.pages[url]
	var html deflated.Bytes
	if ok {
		if out := s.hot.touch(url); out != "" && s.pages[out] != nil {
			s.pages[out].html = nil
		}
		html = e.html
	}
	s.mu.Unlock()
	switch {
	case !ok:
		return nil, false
	case html != nil:
		page, err := html.Unpack()
		return page, err == nil
	}
	return s.render(url)
}

// render renders the page at url from the last good model, as the build
// that signed it last did (a model renders the same every time), and
// keeps the HTML while the page is hot.
func (s *Session) render(url string) ([]byte, bool) {
	s.rebuilding.RLock() // the model is changed in place by a rebuild
	defer s.rebuilding.RUnlock()
	s.mu.RLock()
	e, ok := s.pages[url]
	th, model := s.theme, s.model
	s.mu.RUnlock()
	if !ok {
		return nil, false
	}
	var buf bytes.Buffer
	if err := th.Page(&buf, model, e.page); err != nil {
		return nil, false
	}
	s.mu.Lock()
	if s.pages[url] == e && s.hot.has(url) {
		e.html = deflated.Pack(buf.Bytes())
	}
	s.mu.Unlock()
	return buf.Bytes(), true
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
	kept := make(map[string]*pageEntry, len(stale)) // the hot pages' entries, by path
	pages := make([]*site.Page, len(stale))
	s.mu.RLock()
	for i, e := range stale {
		if pages[i] = entries[e].page; s.hot.has(pages[i].URL) {
			kept[render.OutputPath(pages[i].URL)] = &entries[e]
		}
	}
	s.mu.RUnlock()
	err = renderPages(b.theme, b.model, pages, nil, nil, func(path string, data []byte) error {
		if e := kept[path]; e != nil {
			e.html = deflated.Pack(data) // on the render workers, each page its own entry
		}
		return nil
	})
	if err != nil {
		s.pipe.rollback()
		return up, err
	}
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
	s.mu.RLock() // a hot page's HTML may be let go meanwhile
	defer s.mu.RUnlock()
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
					out[i] = pageEntry{page: p, at: at[i], sig: sig, signed: signed, reads: newFieldList(sigs.Reads())}
				}
			}
		})
	}
	wg.Wait()
	return out
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
		s.rebuilding.RLock()
		defer s.rebuilding.RUnlock()
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
	s.files, s.whole, s.model, s.theme = files, whole, model, th
}
