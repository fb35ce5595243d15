package markdown

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// PageIDs are the element ids the default theme's layouts write around a
// text (a test keeps the list in step with them). A heading of the text
// never takes one: a story's "## Main" would otherwise steal the skip
// link's target.
var PageIDs = []string{
	"breakdowns-title", "carriers-title", "charts-title", "columns-title", "figures-title", "key-figures",
	"latest-title", "main", "org-title", "overview-charts", "search-q", "search-results", "search-status",
	"stories-title", "story-figures-title", "targets-title",
}

// chartIDPrefix starts every chart's element ids (see site.chartID).
const chartIDPrefix = "chart-"

// headingIDs makes a text's heading ids as goldmark does (its words,
// lowercase, -1, -2 … when taken), never one of PageIDs nor one starting
// as a chart's do: "## Chart 1" is #section-chart-1. Most texts have no
// heading: goldmark's table of ids is made at the first.
type headingIDs struct {
	taken parser.IDs
	page  []string // ids the page has besides PageIDs (an activity's breakdown anchors)
}

func (h *headingIDs) ids() parser.IDs {
	if h.taken == nil {
		h.taken = parser.NewContext().IDs()
	}
	return h.taken
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	id := h.ids().Generate(value, kind)
	if bytes.HasPrefix(id, []byte(chartIDPrefix)) {
		value = append([]byte("section "), value...)
		id = h.ids().Generate(value, kind)
	}
	for pageIDs[string(id)] || slices.Contains(h.page, string(id)) {
		id = h.ids().Generate(value, kind) // the next free: main-1, main-2 …
	}
	return id
}

func (h *headingIDs) Put(value []byte) { h.ids().Put(value) }

var pageIDs = func() map[string]bool {
	m := map[string]bool{}
	for _, id := range PageIDs {
		m[id] = true
	}
	return m
}()

// NewContext is the parser context a page's text is parsed with, so that
// its heading ids leave the page's own ids alone: PageIDs, and pageIDs the
// page has besides (an activity page's breakdown anchors).
func NewContext(pageIDs ...string) parser.Context {
	return parser.NewContext(parser.WithIDs(&headingIDs{page: pageIDs}))
}
