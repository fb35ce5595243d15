package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindChartBlock is the node kind of a ```chart fenced block.
var KindChartBlock = ast.NewNodeKind("ChartBlock")

// ChartBlock is a chart placed in the text: a fenced block with the info
// string "chart" whose body is a chart spec in YAML.
type ChartBlock struct {
	ast.BaseBlock
	// YAML is the block's body.
	YAML []byte
	// Offset is the byte offset of the body's first line in the Markdown body.
	Offset int
	// Index counts chart blocks in the document from 0, for stable ids.
	Index int
	// Level is the heading level of the chart's title: one below the
	// heading before the block in the text, 2 when none is (the page's
	// title is the h1), so that the page's outline skips no level.
	Level int
}

// Kind implements ast.Node.
func (n *ChartBlock) Kind() ast.NodeKind { return KindChartBlock }

// Dump implements ast.Node.
func (n *ChartBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"YAML": string(n.YAML)}, nil)
}

// chartTransformer swaps ```chart fenced code blocks for ChartBlock nodes.
type chartTransformer struct{}

func (chartTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var fences []*ast.FencedCodeBlock
	var levels []int
	heading := 1
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			heading = h.Level
		}
		if fc, ok := n.(*ast.FencedCodeBlock); ok && entering && string(fc.Language(source)) == "chart" {
			fences = append(fences, fc)
			levels = append(levels, min(max(heading+1, 2), 6))
		}
		return ast.WalkContinue, nil
	})
	for i, fc := range fences {
		block := &ChartBlock{Index: i, Level: levels[i]}
		lines := fc.Lines()
		if lines.Len() > 0 {
			block.Offset = lines.At(0).Start
		} else if fc.Info != nil {
			block.Offset = fc.Info.Segment.Stop
		}
		for j := range lines.Len() {
			seg := lines.At(j)
			block.YAML = append(block.YAML, seg.Value(source)...)
		}
		fc.Parent().ReplaceChild(fc.Parent(), fc, block)
	}
}

// ChartWriter writes the HTML of a resolved chart (the theme's chart
// partial), its title a heading of the given level.
type ChartWriter func(w util.BufWriter, chart any, level int) error

type chartRenderer struct{}

func (chartRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindChartBlock, renderChartBlock)
}

func renderChartBlock(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ChartBlock)
	if !entering || leaveHole(w, n) {
		return ast.WalkSkipChildren, nil
	}
	c, draw := resolvedOf(w).Chart(n), drawOf(w)
	if c == nil || draw == nil {
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkSkipChildren, draw(w, c, n.Level)
}

type chartBlocks struct{}

// ChartBlocks registers ```chart blocks; Text.Render's ChartWriter draws each
// resolved chart.
var ChartBlocks goldmark.Extender = chartBlocks{}

func (chartBlocks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(chartTransformer{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(chartRenderer{}, 500)))
}
