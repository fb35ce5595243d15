package markdown

import (
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindFigureRef is the node kind of an inline figure reference.
var KindFigureRef = ast.NewNodeKind("FigureRef")

// FigureRef is an inline reference such as {{volunteer.projects}}: it prints
// the figure from the data, so prose never carries a stale number.
type FigureRef struct {
	ast.BaseInline
	// Ref is the reference as written, e.g. "volunteer.projects" or
	// "poverty.population@2012".
	Ref string
	// Offset is the byte offset of "{{" in the Markdown body, for messages.
	Offset int
}

// ResolvedFigure is what a reference prints.
type ResolvedFigure struct {
	Display string // 893个
	Value   string // machine-readable value in the base unit: 893
	Title   string // label, as-of date and source, shown on hover
}

// Kind implements ast.Node.
func (n *FigureRef) Kind() ast.NodeKind { return KindFigureRef }

// Dump implements ast.Node.
func (n *FigureRef) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Ref": n.Ref}, nil)
}

// refPattern matches {{ activity.id }} with optional inner spaces; a
// series' point adds @ and its date or latest ({{poverty.population@2012}}).
var refPattern = regexp.MustCompile(`^\{\{\s*([a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*){1,2}(?:@[a-z0-9][a-z0-9-]*)?)\s*\}\}`)

type figRefParser struct{}

func (figRefParser) Trigger() []byte { return []byte{'{'} }

func (figRefParser) Parse(_ ast.Node, block text.Reader, _ parser.Context) ast.Node {
	line, seg := block.PeekLine()
	m := refPattern.FindSubmatch(line)
	if m == nil {
		return nil
	}
	block.Advance(len(m[0]))
	return &FigureRef{Ref: string(m[1]), Offset: seg.Start}
}

type figRefRenderer struct{}

func (figRefRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFigureRef, renderFigureRef)
	reg.Register(KindMistypedRef, renderMistypedRef)
}

func renderFigureRef(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*FigureRef)
	if leaveHole(w, n) {
		return ast.WalkSkipChildren, nil
	}
	f := resolvedOf(w).Figure(n)
	if f == nil {
		// Validation rejects unknown references; this only shows in
		// pages rendered without a model (tests of the extension alone).
		writeUnresolved(w, "{{"+n.Ref+"}}")
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<data class="fig" value="`)
	_, _ = w.Write(util.EscapeHTML([]byte(f.Value)))
	_, _ = w.WriteString(`" title="`)
	_, _ = w.Write(util.EscapeHTML([]byte(f.Title)))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(util.EscapeHTML([]byte(f.Display)))
	_, _ = w.WriteString(`</data>`)
	return ast.WalkSkipChildren, nil
}

// FigureRefs is the extension for inline figure references.
type figureRefs struct{}

// FigureRefs registers the {{activity.id}} syntax, and finds the text
// mistyped as a reference (MistypedRef).
var FigureRefs goldmark.Extender = figureRefs{}

func (figureRefs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(figRefParser{}, 199)))
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(mistypedTransformer{}, 200)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(figRefRenderer{}, 500)))
}
