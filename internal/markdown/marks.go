package markdown

import "github.com/yuin/goldmark/ast"

// Link is a link or image of a text, kept for `jinzhan check` once the
// parse tree is gone.
type Link struct {
	Destination string
	// Offset is the byte offset of the link's first text in the Markdown
	// body, or of its paragraph's first line; -1 when it has neither.
	Offset int
}

// Marks lists the nodes of a parsed text that name data — FigureRef,
// MistypedRef and ChartBlock — and its links and images, in the order of
// the text.
func Marks(doc ast.Node) (marks []ast.Node, links []Link) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch l := n.(type) {
			case *FigureRef, *MistypedRef, *ChartBlock:
				marks = append(marks, n)
			case *ast.Link:
				links = append(links, Link{Destination: string(l.Destination), Offset: linkOffset(l)})
			case *ast.Image:
				links = append(links, Link{Destination: string(l.Destination), Offset: linkOffset(l)})
			}
		}
		return ast.WalkContinue, nil
	})
	return marks, links
}

// linkOffset finds where a link is written through its first text
// segment, or its paragraph's first line.
func linkOffset(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	if n.Parent() != nil && n.Parent().Lines().Len() > 0 {
		return n.Parent().Lines().At(0).Start
	}
	return -1
}

// Detach takes the marks out of their tree, so that keeping them (and a
// Text, whose holes are marks) does not keep the tree alive: a node links
// to its parent and siblings.
func Detach(marks []ast.Node) {
	for _, n := range marks {
		if p := n.Parent(); p != nil {
			p.RemoveChild(p, n)
		}
	}
}
