// Package render reads a site's theme once (NewTheme: the stage before the
// model, whose chart words come from it) and renders each page of a build's
// model to HTML (the stage after it).
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
	"text/template/parse"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/theme"
	"github.com/yuin/goldmark/util"
)

// pageKinds are the layouts a theme provides, one per kind of page.
var pageKinds = []string{"home", "activity", "townships", "township", "stories", "story", "page", "search", "data"}

// entry is the template every page is rendered through.
const entry = "layouts/baseof.html"

// Theme is a site's theme, read once: its templates parsed (for each kind
// of page a set of its own: baseof, the partials and the page's layout),
// its interface strings in the site's language with the site's place names
// filled in, its assets fingerprinted, and what each kind of page reads
// from its data (reads.go). It renders the pages of any build of the site:
// a preview keeps it while the theme's files, the language and the place
// names stay the same. Safe for concurrent use.
type Theme struct {
	lang  string
	base  *template.Template // baseof and the partials: charts in feeds
	pages map[string]*template.Template
	plans map[string]*readPlan
	// strings are the interface strings, with the place names filled in.
	strings map[string]string
	words   chart.Words
	urls    map[string]string
	files   []File
	loc     *locale.Locale
	bufs    sync.Pool
	// fragments are the renderings "cached" keeps (fragments.go).
	fragments fragmentStore
	// own writes pages in Go, by kind, where their templates are all
	// jinzhan's own (ownpages.go).
	own map[string]*ownPage
}

// NewTheme reads the theme of a site in lang whose places are named
// places (site.yaml's place_names).
func NewTheme(layers theme.Layers, lang string, places load.PlaceNames, echarts []byte) (*Theme, error) {
	t := &Theme{pages: map[string]*template.Template{}, plans: map[string]*readPlan{}, own: map[string]*ownPage{}, lang: lang, loc: locale.New(lang)}
	t.bufs.New = func() any { return new(bytes.Buffer) }
	own, err := loadStrings(layers, lang)
	if err != nil {
		return nil, err
	}
	t.strings = placeStrings(own, places, t.loc.English())
	t.words = chartWords(t.strings)
	if t.urls, t.files, err = collectAssets(layers, echarts); err != nil {
		return nil, err
	}
	funcs := t.funcs()
	kinds := funcKinds(funcs)
	base := template.New("").Funcs(funcs)
	for _, name := range append([]string{entry}, layers.Files("layouts/partials")...) {
		if err := parseFile(base, layers, name); err != nil {
			return nil, err
		}
	}
	builtin := &builtinFiles{layers: layers, known: map[string]bool{}}
	t.base, _, _ = t.withCache(base, builtin)
	for _, kind := range pageKinds {
		set := template.Must(base.Clone())
		if err := parseFile(set, layers, "layouts/"+kind+".html"); err != nil {
			return nil, err
		}
		set, cached, own := t.withCache(set, builtin)
		t.pages[kind] = set
		t.plans[kind] = planReads(entry, treesOf(set), kinds)
		if o := ownPageOf(kind, set, cached, own); o != nil {
			t.own[kind] = o
		}
	}
	return t, nil
}

func parseFile(set *template.Template, layers theme.Layers, name string) error {
	src, err := fs.ReadFile(layers, name)
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	if _, err := set.New(name).Parse(string(src)); err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	return nil
}

// treesOf looks up the parse trees of a template set by name.
func treesOf(set *template.Template) func(string) *parse.Tree {
	return func(name string) *parse.Tree {
		if t := set.Lookup(name); t != nil {
			return t.Tree
		}
		return nil
	}
}

// Words are the chart strings in the site's language.
func (t *Theme) Words() chart.Words { return t.words }

// Files are the static files and fingerprinted assets to publish.
func (t *Theme) Files() []File { return t.files }

// chartsIn draws a chart block with set's chart partial, its title a
// heading of the level its place in the text calls for.
func chartsIn(set *template.Template) markdown.ChartWriter {
	return func(w util.BufWriter, c any, level int) error {
		if ch, ok := c.(*chart.Chart); ok && ch.HeadingLevel != level {
			placed := *ch // the model's chart is shared; the level is this page's
			placed.HeadingLevel = level
			c = &placed
		}
		return set.ExecuteTemplate(w, "chart", c)
	}
}

// chartsInFeed draws a chart block for a feed with set's "chart-feed"
// partial, its image linked absolutely (base is the site's address); a
// theme without that partial draws it as on its pages.
func chartsInFeed(set *template.Template, base string) markdown.ChartWriter {
	if set.Lookup("chart-feed") == nil {
		return chartsIn(set)
	}
	return func(w util.BufWriter, c any, level int) error {
		if ch, ok := c.(*chart.Chart); ok {
			placed := *ch
			placed.ImageURL = base + ch.ImageURL
			c = &placed
		}
		return set.ExecuteTemplate(w, "chart-feed", c)
	}
}

// pageData is what a page template sees.
type pageData struct {
	Site    *site.Site
	Page    *site.Page
	Content template.HTML
}

// Page renders p, a page of the build s, into w.
func (t *Theme) Page(w io.Writer, s *site.Site, p *site.Page) error {
	t.fragments.use(s)
	if o := t.ownFor(p); o != nil {
		return o.write(w, t, s, p)
	}
	return t.TemplatePage(w, s, p)
}

// TemplatePage renders p through its kind's templates, also where Page
// writes it in Go (ownpages.go): what the Go page must equal, byte for
// byte, in the tests that compare them.
func (t *Theme) TemplatePage(w io.Writer, s *site.Site, p *site.Page) error {
	set, ok := t.pages[p.Kind]
	if !ok {
		return fmt.Errorf("no layout for %s pages", p.Kind)
	}
	data := pageData{Site: s, Page: p}
	if p.Doc != nil {
		buf := t.bufs.Get().(*bytes.Buffer)
		defer t.putBuf(buf)
		if err := t.content(buf, set, p); err != nil {
			return err
		}
		data.Content = template.HTML(buf.String())
	}
	return set.ExecuteTemplate(w, entry, data)
}

// content renders the text of p into buf, its chart blocks drawn by
// set's chart partial. Raw HTML is off in goldmark and figures and charts
// are escaped by their renderers, so the text is safe HTML.
func (t *Theme) content(buf *bytes.Buffer, set *template.Template, p *site.Page) error {
	if err := p.Doc.Text.Render(buf, p.Resolved, chartsIn(set)); err != nil {
		return fmt.Errorf("%s: %w", p.Doc.Path, err)
	}
	return nil
}

func (t *Theme) putBuf(buf *bytes.Buffer) {
	buf.Reset()
	t.bufs.Put(buf)
}

// OutputPath is the file a page URL is written to.
func OutputPath(url string) string {
	return path.Join(strings.TrimPrefix(url, "/"), "index.html")
}
