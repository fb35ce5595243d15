package markdown

import "github.com/yuin/goldmark/ast"

// Marks lists the nodes of a parsed text that name data — FigureRef,
// MistypedRef and ChartBlock — in the order of the text.
func Marks(doc ast.Node) []ast.Node {
	var marks []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n.(type) {
			case *FigureRef, *MistypedRef, *ChartBlock:
				marks = append(marks, n)
			}
		}
		return ast.WalkContinue, nil
	})
	return marks
}
