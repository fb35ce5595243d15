package markdown

import (
	"bytes"
	"io"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/deflated"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
)

// Text is a parsed text rendered to HTML once, when it is loaded, with a
// hole where each figure reference and chart block goes: what those print
// depends on the data of each build, the rest does not. A build keeps the
// Text, not the parse tree, until the page is rendered: the tree of a
// 1.5 KB story takes about 7 KB, its HTML about 2 KB.
type Text struct {
	html   []byte
	packed deflated.Bytes // html, deflated by Pack (html is then nil)
	holes  []hole         // in the order of html
}

// hole is where a node's output goes in Text.html.
type hole struct {
	at   int
	node ast.Node // a *FigureRef or *ChartBlock
}

// holeRenderers render the nodes a Text leaves a hole for, when the hole is
// filled as when goldmark walks the tree: both write the same bytes.
var holeRenderers = map[ast.NodeKind]renderer.NodeRendererFunc{
	KindFigureRef:  renderFigureRef,
	KindChartBlock: renderChartBlock,
}

// NewText renders tree, parsed by md from source, with a hole for each
// figure reference and chart block. The tree is left as it was; the holes
// point to its nodes, which the build's Resolved is keyed by (see Detach).
func NewText(md goldmark.Markdown, source []byte, tree ast.Node) *Text {
	buf := textBufs.Get().(*bytes.Buffer)
	defer func() { buf.Reset(); textBufs.Put(buf) }()
	t := &Text{}
	// Only a chart writer can fail and none is called: a hole is left.
	_ = md.Renderer().Render(writer{Buffer: buf, holes: &t.holes}, source, tree)
	t.html = bytes.Clone(buf.Bytes())
	return t
}

// textBufs are the buffers NewText renders into before keeping the bytes.
var textBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Pack deflates the text's HTML: a preview keeps every text of a site and
// renders a few (10,000 stories' texts take 27 MB, deflated 9 MB). Render
// inflates it each time. Not while the text is rendered.
func (t *Text) Pack() {
	if t != nil && t.packed == nil {
		t.packed, t.html = deflated.Pack(t.html), nil
	}
}

// Render writes the text into buf, its references and chart blocks as
// resolved says (nil: shown as unresolved), each chart drawn by draw (nil:
// none). A nil Text writes nothing.
func (t *Text) Render(buf *bytes.Buffer, resolved *Resolved, draw ChartWriter) error {
	if t == nil {
		return nil
	}
	html := t.html
	if t.packed != nil {
		unpacked := textBufs.Get().(*bytes.Buffer)
		defer func() { unpacked.Reset(); textBufs.Put(unpacked) }()
		if err := t.packed.UnpackInto(unpacked); err != nil {
			return err
		}
		html = unpacked.Bytes()
	}
	w := writer{Buffer: buf, resolved: resolved, draw: draw}
	at := 0
	for _, h := range t.holes {
		buf.Write(html[at:h.at])
		at = h.at
		render := holeRenderers[h.node.Kind()]
		if _, err := render(w, nil, h.node, true); err != nil {
			return err
		}
		if _, err := render(w, nil, h.node, false); err != nil {
			return err
		}
	}
	buf.Write(html[at:])
	return nil
}

// leaveHole records a hole for n when w is making a Text (NewText), and
// reports whether it did: n's renderer then writes nothing.
func leaveHole(w io.Writer, n ast.Node) bool {
	text, ok := w.(writer)
	if !ok || text.holes == nil {
		return false
	}
	*text.holes = append(*text.holes, hole{at: text.Len(), node: n})
	return true
}
