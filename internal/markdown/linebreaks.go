package markdown

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// lineBreaks keeps the space a line break stands for before a node that is
// not text. goldmark's CJK line breaks (a break between two Chinese
// characters is dropped) look only at a following text node: before a
// figure reference, a link or emphasis the break is dropped whatever the
// language, so "counties,⏎{{poverty.counties}}" printed "counties,832". A
// break after a Chinese character still vanishes, as Chinese wants.
type lineBreaks struct{}

func (lineBreaks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var breaks []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); entering && ok && t.SoftLineBreak() {
			if next := t.NextSibling(); next != nil && next.Kind() != ast.KindText {
				breaks = append(breaks, t)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range breaks {
		value := t.Value(source)
		if last, _ := utf8.DecodeLastRune(value); len(value) > 0 && wide(last) {
			continue
		}
		t.SetSoftLineBreak(false)
		t.Parent().InsertAfter(t.Parent(), t, ast.NewString([]byte("\n")))
	}
}

// wide reports whether r is a character Chinese writes without spaces
// around it: goldmark's East Asian wide characters, and the full-width forms
// (，：（）) it leaves out.
func wide(r rune) bool { return util.IsEastAsianWideRune(r) || r >= 0xFF00 && r <= 0xFFEF }
