// Package render is the fourth stage of a build: it parses the theme's
// templates once and renders each page of the model to HTML.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/theme"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/util"
)

// pageKinds are the layouts a theme provides, one per kind of page.
var pageKinds = []string{"home", "activity", "townships", "township", "stories", "story", "page", "search", "data"}

// Renderer holds the parsed templates and the asset table of one build.
type Renderer struct {
	lang string
	// partials holds cached partials (the "cached" template function) of
	// the current build; Reset empties it before each build.
	partials sync.Map
	pages    map[string]*template.Template
	base     *template.Template
	md       goldmark.Markdown
	// themeStrings are the interface strings as the theme and the site's
	// i18n files write them; strings have the site's place names filled in.
	themeStrings map[string]string
	strings      map[string]string
	urls         map[string]string
	files        []File
	words        chart.Words
	loc          *locale.Locale
	bufs         sync.Pool
}

// New reads the theme (templates, strings, assets) for a site in lang.
func New(layers theme.Layers, lang string, echarts []byte) (*Renderer, error) {
	r := &Renderer{pages: map[string]*template.Template{}, lang: lang, loc: locale.New(lang)}
	r.bufs.New = func() any { return new(bytes.Buffer) }
	var err error
	if r.themeStrings, err = loadStrings(layers, lang); err != nil {
		return nil, err
	}
	r.UsePlaceNames(load.PlaceNames{})
	r.words = chartWords(r.strings)
	if r.urls, r.files, err = collectAssets(layers, echarts); err != nil {
		return nil, err
	}
	base := template.New("").Funcs(r.funcs())
	for _, name := range append([]string{"layouts/baseof.html"}, layers.Files("layouts/partials")...) {
		src, err := fs.ReadFile(layers, name)
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		if _, err := base.New(name).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
	}
	r.base = base
	for _, kind := range pageKinds {
		name := "layouts/" + kind + ".html"
		src, err := fs.ReadFile(layers, name)
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		t, err := template.Must(base.Clone()).New(name).Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		r.pages[kind] = t
	}
	r.md = markdown.New(r.writeChart)
	return r, nil
}

// Reset forgets the cached partials of the previous build.
func (r *Renderer) Reset() { r.partials.Clear() }

// partialKey names one cached rendering: the partial and what it shows.
type partialKey struct {
	name string
	key  any
}

// cachedPartial renders a partial once per build and key: the site header
// and footer, a story's list entry and a figure's table row are the same on
// thousands of pages, and html/template's escaping makes each rendering
// costly. key must be comparable; a pointer (a *site.Story, a *site.Figure)
// names exactly one thing even where two things share a name.
func (r *Renderer) cachedPartial(name string, key, data any) (template.HTML, error) {
	k := partialKey{name, key}
	if v, ok := r.partials.Load(k); ok {
		return v.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := r.base.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	// The partial was escaped for the HTML body, where "cached" is used.
	h := template.HTML(buf.String())
	r.partials.Store(k, h)
	return h, nil
}

// Words are the chart strings in the site's language.
func (r *Renderer) Words() chart.Words { return r.words }

// Files are the static files and fingerprinted assets to publish.
func (r *Renderer) Files() []File { return r.files }

// writeChart renders a chart block with the theme's chart partial, its
// title a heading of the level its place in the text calls for.
func (r *Renderer) writeChart(w util.BufWriter, c any, level int) error {
	if ch, ok := c.(*chart.Chart); ok && ch.HeadingLevel != level {
		placed := *ch // the model's chart is shared; the level is this page's
		placed.HeadingLevel = level
		c = &placed
	}
	return r.base.ExecuteTemplate(w, "chart", c)
}

// pageData is what a page template sees.
type pageData struct {
	Site    *site.Site
	Page    *site.Page
	Content template.HTML
}

// Page renders p into w.
func (r *Renderer) Page(w io.Writer, s *site.Site, p *site.Page) error {
	data := pageData{Site: s, Page: p}
	if p.Doc != nil {
		buf := r.bufs.Get().(*bytes.Buffer)
		defer func() { buf.Reset(); r.bufs.Put(buf) }()
		if err := r.md.Renderer().Render(buf, p.Doc.Body, p.Doc.AST); err != nil {
			return fmt.Errorf("%s: %w", p.Doc.Path, err)
		}
		// Raw HTML is off in goldmark and figures/charts are escaped by
		// their renderers, so the converted body is safe HTML.
		data.Content = template.HTML(buf.String())
	}
	t, ok := r.pages[p.Kind]
	if !ok {
		return fmt.Errorf("no layout for %s pages", p.Kind)
	}
	return t.ExecuteTemplate(w, "layouts/baseof.html", data)
}

// OutputPath is the file a page URL is written to.
func OutputPath(url string) string {
	return path.Join(strings.TrimPrefix(url, "/"), "index.html")
}
