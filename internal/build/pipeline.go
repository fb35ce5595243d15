package build

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"

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

// pipeline runs the stages of a build in their stated order — load,
// validate, photos, theme, model, charts drawn as SVG — for build.Run and
// for a preview Session alike; what follows (writing every page, or rendering the pages whose
// reads changed) is the caller's. A one-off build runs it without caches;
// a session keeps caches in it between builds, each keyed by its inputs.
type pipeline struct {
	opts   Options
	docs   *load.DocCache // parsed Markdown, by each file's bytes
	checks *validate.Memo // each file's checks, by the data it names
	model  *site.Kept     // the last build's model, updated in place when only texts changed
	photos *images.Cache  // resized photos, by each original's bytes
	themes *themeCache    // the theme, by its files' bytes, the language and the place names
}

// cachedPipeline is the pipeline of a preview session.
func cachedPipeline(opts Options) pipeline {
	return pipeline{opts: opts, docs: load.NewDocCache(), checks: validate.NewMemo(), model: &site.Kept{}, photos: images.NewCache(), themes: &themeCache{seed: maphash.MakeSeed()}}
}

// built is a site made by the pipeline, ready to render.
type built struct {
	in      *load.Input
	cat     *validate.Catalog
	theme   *render.Theme
	model   *site.Site
	figures opendata.File
	// files are published beside the pages; the feeds and sitemap are
	// not among them (theme.SiteFiles makes them from the model).
	files []render.File
	// changes are what the build changed in a kept model (nil: the model
	// is new).
	changes *site.Changes
	// written are the files a streamed build wrote before the model was
	// final (its stories' photos): made by the build, but not in files.
	written []string
}

// language is the site's language, in which its problems are shown.
func language(in *load.Input) string { return cmp.Or(in.Site.Language, "zh-CN") }

// load is the first stage: it reads the site. changed lists the files
// changed since the last run (paths relative to the site); nil when not
// known.
func (p pipeline) load(src *sitefs.FS, changed []string, problems *diag.List) *load.Input {
	if p.docs == nil {
		return load.Load(src, problems)
	}
	if changed != nil {
		p.docs.Changed(changed)
	}
	return load.LoadCached(src, p.docs, problems)
}

// build runs the stages after loading. Input problems stop it at the stage
// that found them and come back as *diag.ListError.
func (p pipeline) build(src *sitefs.FS, in *load.Input, changed []string, problems *diag.List) (*built, error) {
	b := &built{in: in}
	if p.checks == nil {
		b.cat = validate.Check(in, problems)
	} else {
		b.cat = validate.CheckWith(in, problems, p.checks)
	}
	overrideBaseURL(in, p.opts.BaseURL, problems)
	if err := problems.Err(); err != nil {
		if p.docs != nil {
			p.docs.InputErrors()
		}
		return nil, err
	}
	photos, photoFiles := makePhotos(in, p.photos, problems)
	if err := problems.Err(); err != nil {
		return nil, err
	}
	themeName := cmp.Or(in.Site.Theme, "default")
	layers := theme.New(src, themeName, p.opts.Theme)
	var err error
	if b.theme, err = p.themes.get(layers, themeName, language(in), in.Site.PlaceNames, p.opts.ECharts, changed); err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	if b.model, err = site.BuildWith(in, b.cat, b.theme.Words(), photos, p.model); err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	if p.model != nil {
		b.changes = p.model.Changes()
	}
	if err := p.finish(src, b, themeName, photoFiles, problems); err != nil {
		p.rollback()
		return nil, err
	}
	return b, nil
}

// finish runs the stages after the model: the charts drawn, the figures'
// open data, the files published beside the pages.
func (p pipeline) finish(src *sitefs.FS, b *built, themeName string, photoFiles []render.File, problems *diag.List) error {
	images, err := drawCharts(p.opts.ChartSVG, b.model.Charts)
	if err != nil {
		return fmt.Errorf("charts: %w", err)
	}
	b.figures = opendata.Figures(b.cat, locale.New(language(b.in)))
	files, err := outputFiles(p.opts, b.theme, b.model, b.figures, append(photoFiles, images...))
	if err != nil {
		return err
	}
	b.files = publishable(p.opts, src, b.theme, b.model, files, b.written, themeName, problems)
	return problems.Err()
}

// commit keeps the last build's model for the next (a session's
// pipeline; a one-off build keeps nothing).
func (p pipeline) commit() {
	if p.model != nil {
		p.model.Commit()
	}
}

// rollback undoes what the last build changed in the kept model.
func (p pipeline) rollback() {
	if p.model != nil {
		p.model.Rollback()
	}
}

// themeCache keeps a session's theme while its files — the site's
// layouts/, static/, i18n/ and theme folder, by their bytes — the site's
// language and its place names stay the same. A nil cache reads the theme
// every time.
type themeCache struct {
	seed     maphash.Seed
	files    uint64 // fingerprint of the theme's files
	settings themeSettings
	theme    *render.Theme
}

type themeSettings struct {
	name, lang string
	places     [4]string // township, townships, village, villages
}

// get returns the theme, read again when its files or settings changed.
// changed (the files changed since the last build, nil when unknown)
// spares reading the theme's files when none of them is among it.
func (c *themeCache) get(layers theme.Layers, name, lang string, places load.PlaceNames, echarts []byte, changed []string) (*render.Theme, error) {
	if c == nil {
		return render.NewTheme(layers, lang, places, echarts)
	}
	settings := themeSettings{name, lang, [4]string{places.Township, places.Townships, places.Village, places.Villages}}
	if c.theme != nil && settings == c.settings && changed != nil && !slices.ContainsFunc(changed, themeFile) {
		return c.theme, nil
	}
	files, err := c.fingerprint(layers)
	if err != nil {
		return nil, err
	}
	if c.theme != nil && settings == c.settings && files == c.files {
		return c.theme, nil
	}
	th, err := render.NewTheme(layers, lang, places, echarts)
	if err != nil {
		return nil, err
	}
	c.theme, c.files, c.settings = th, files, settings
	return th, nil
}

// fingerprint hashes the names and bytes of the theme files a site has.
func (c *themeCache) fingerprint(layers theme.Layers) (uint64, error) {
	var h maphash.Hash
	h.SetSeed(c.seed)
	for _, dir := range []string{"layouts", "static", "i18n"} {
		for _, p := range layers.Own(dir) {
			data, err := fs.ReadFile(layers, p)
			if err != nil {
				return 0, err
			}
			h.WriteString(p)
			h.WriteByte(0)
			writeUint64(&h, maphash.Bytes(c.seed, data))
		}
	}
	return h.Sum64(), nil
}

// themeFile reports whether a changed path (relative to the site) may be
// a theme file: under layouts/, static/, i18n/ or themes/.
func themeFile(p string) bool {
	top, _, _ := strings.Cut(path.Clean(filepath.ToSlash(p)), "/")
	return top == "layouts" || top == "static" || top == "i18n" || top == "themes"
}

func writeUint64(h *maphash.Hash, n uint64) {
	var b [8]byte
	for i := range b {
		b[i] = byte(n >> (8 * i))
	}
	_, _ = h.Write(b[:])
}
