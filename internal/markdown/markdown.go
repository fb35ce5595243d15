// Package markdown configures goldmark for jinzhan: GFM, CJK line breaks,
// footnotes, figure references (and text mistyped as one) and chart
// blocks. Raw HTML stays off, so any HTML in a story is dropped,
// javascript: links are not rendered and such images are shown as their
// alt text.
package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// New returns the Markdown converter (see Render). Sources must be valid
// UTF-8, as the loader guarantees: goldmark's CJK extension can panic on
// stray continuation bytes.
func New() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.CJK,
			extension.Footnote,
			FigureRefs,
			ChartBlocks,
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithASTTransformers(util.Prioritized(unsafeImages{}, 100), util.Prioritized(lineBreaks{}, 1000))),
	)
}
