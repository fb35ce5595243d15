package build

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/images"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/opendata"
	"github.com/jinzhan-dev/jinzhan/internal/render"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
	"github.com/jinzhan-dev/jinzhan/internal/theme"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

// Session builds one site again and again in memory, for the preview
// server: Markdown is parsed again only when its bytes changed, the theme
// only when one of its files changed, and a page is rendered again only when
// its signature (everything it shows) changed. A failed rebuild keeps the
// last good site.
type Session struct {
	opts   Options
	docs   *load.DocCache
	checks *validate.Memo
	charts site.ChartMemo
	photos *images.Cache // resized photos, by their originals' bytes
	seed   maphash.Seed
	// storySigs keeps story pages' signatures by parsed file: a story page
	// shows only its file and the data it names, so while both print the
	// same (validate.Memo.Key) so does the page.
	storySigs map[*load.Doc]storySig
	global    uint64 // the global part the storySigs were made with

	themeKey string
	r        *render.Renderer

	mu    sync.RWMutex
	pages map[string]pageEntry // by URL: "/stories/x/"
	files map[string][]byte    // by path: "assets/css/site.1a2b3c4d.css"
	// whole makes the feeds and sitemap of the last good build on the first
	// request for one: a preview rebuild need not render fifty stories again
	// for a feed nobody is reading.
	whole func() map[string][]byte
	// building is held while a rebuild runs, and while whole renders: both
	// read the parsed Markdown, which a rebuild's model stage writes to.
	building sync.Mutex
}

type storySig struct{ key, sig uint64 }

type pageEntry struct {
	sig  uint64
	html []byte
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
	return &Session{opts: opts, docs: load.NewDocCache(), checks: validate.NewMemo(), charts: site.ChartMemo{}, photos: images.NewCache(), seed: maphash.MakeSeed(),
		storySigs: map[*load.Doc]storySig{}, pages: map[string]pageEntry{}, files: map[string][]byte{}}
}

// Page returns the HTML of the page at url ("/x/") from the last good build.
func (s *Session) Page(url string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, ok := s.pages[url]
	return e.html, ok
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
// site, as file events give them), so unchanged Markdown is not even read.
// nil means unknown: every file is read and compared.
func (s *Session) RebuildChanged(changed []string) (*Update, error) {
	s.building.Lock()
	defer s.building.Unlock()
	start := time.Now()
	if changed != nil {
		s.docs.Changed(changed)
	}
	src, err := sitefs.Open(s.opts.Source)
	if err != nil {
		return &Update{Lang: "zh-CN"}, fmt.Errorf("source: %w", err)
	}
	defer src.Close()
	var problems diag.List
	in := load.LoadCached(src, s.docs, &problems)
	cat := validate.CheckWith(in, &problems, s.checks)
	up := &Update{Lang: cmp.Or(in.Site.Language, "zh-CN")}
	up.Warnings = problems.Warnings()
	if err := problems.Err(); err != nil {
		return up, err
	}
	photos, photoFiles := makePhotos(in, s.photos, &problems)
	if err := problems.Err(); err != nil {
		return up, err
	}
	themeName := cmp.Or(in.Site.Theme, "default")
	layers := theme.New(src, themeName, s.opts.Theme)
	key := themeKey(layers) + "\x00" + up.Lang
	if s.r == nil || key != s.themeKey {
		r, err := render.New(layers, up.Lang, s.opts.ECharts)
		if err != nil {
			return up, fmt.Errorf("theme: %w", err)
		}
		s.r, s.themeKey = r, key
		clear(s.charts) // chart tables speak the theme's words
	}
	s.r.UsePlaceNames(in.Site.PlaceNames)
	model, err := site.BuildWith(in, cat, s.r.Words(), photos, s.charts)
	if err != nil {
		return up, fmt.Errorf("model: %w", err)
	}
	files, err := outputFiles(s.opts, s.r, model, opendata.Figures(cat, locale.New(up.Lang)), photoFiles)
	if err != nil {
		return up, err
	}
	files = publishable(s.opts, src, s.r, model, files, themeName, &problems)
	up.Warnings = problems.Warnings()
	if err := problems.Err(); err != nil {
		return up, err
	}
	pages, stale := s.signatures(model)
	s.r.Reset() // cached header and footer belong to the last build
	var mu sync.Mutex
	byPath := map[string]string{}
	for _, p := range stale {
		byPath[render.OutputPath(p.URL)] = p.URL
	}
	err = renderPages(s.r, model, stale, func(path string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		url := byPath[path]
		pages[url] = pageEntry{sig: pages[url].sig, html: append([]byte(nil), data...)}
		return nil
	})
	if err != nil {
		return up, err
	}
	s.swap(pages, files, up)
	r := s.r
	s.mu.Lock()
	s.whole = sync.OnceValue(func() map[string][]byte {
		s.building.Lock()
		defer s.building.Unlock()
		out := map[string][]byte{}
		if files, err := r.SiteFiles(model); err == nil {
			for _, f := range files {
				out[f.Path] = f.Data
			}
		}
		return out
	})
	s.mu.Unlock()
	for _, p := range stale {
		up.Rendered = append(up.Rendered, p.URL)
	}
	slices.Sort(up.Rendered)
	up.Pages = len(model.Pages)
	up.Elapsed = time.Since(start)
	return up, nil
}

// signatures returns the new page table, keeping the HTML of unchanged
// pages, and the pages to render.
func (s *Session) signatures(model *site.Site) (map[string]pageEntry, []*site.Page) {
	global := globalSignature(s.seed, model, s.themeKey)
	if global != s.global {
		s.global, s.storySigs = global, map[*load.Doc]storySig{}
	}
	storySigs := make(map[*load.Doc]storySig, len(model.Stories))
	s.mu.RLock()
	defer s.mu.RUnlock()
	pages := make(map[string]pageEntry, len(model.Pages))
	var stale []*site.Page
	for _, p := range model.Pages {
		var sig uint64
		if key, known := s.checks.Key(p.Doc); p.Kind == "story" && known {
			if old, ok := s.storySigs[p.Doc]; ok && old.key == key {
				sig = old.sig
			} else {
				sig = pageSignature(s.seed, global, model, p)
			}
			storySigs[p.Doc] = storySig{key: key, sig: sig}
		} else {
			sig = pageSignature(s.seed, global, model, p)
		}
		if old, ok := s.pages[p.URL]; ok && old.sig == sig {
			pages[p.URL] = old
			continue
		}
		pages[p.URL] = pageEntry{sig: sig}
		stale = append(stale, p)
	}
	s.storySigs = storySigs
	return pages, stale
}

func (s *Session) swap(pages map[string]pageEntry, files []render.File, up *Update) {
	fileMap := make(map[string][]byte, len(files))
	for _, f := range files {
		fileMap[f.Path] = f.Data
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for url := range s.pages {
		if _, ok := pages[url]; !ok {
			up.Removed = append(up.Removed, url)
		}
	}
	slices.Sort(up.Removed)
	s.pages, s.files = pages, fileMap
}

// themeKey fingerprints the theme files a site can change (the built-in
// theme never changes while the binary runs).
func themeKey(layers theme.Layers) string {
	var b strings.Builder
	for _, dir := range []string{"layouts", "static", "i18n"} {
		for _, p := range layers.Files(dir) {
			if info, err := fs.Stat(layers, p); err == nil {
				fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
		}
	}
	return b.String()
}
