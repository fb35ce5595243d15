package markdown

import (
	"bytes"
	"io"

	"github.com/yuin/goldmark/ast"
)

// Resolved is what the figure references and chart blocks of one parsed
// text stand for in one build. The build's model fills it in; the Text
// itself is never written to, so a preview can keep it between builds and
// render it for any of them.
type Resolved struct {
	// marks are the references and blocks resolved, and shown what each
	// shows, in the order of the text. A story has a reference or two: a
	// list takes a fifth of a map's memory, and a map (index) is made only
	// once a text has more than indexAfter.
	marks []ast.Node
	shown []any
	index map[ast.Node]int
}

// indexAfter is how many marks a Resolved looks through one by one.
const indexAfter = 16

// SetFigure records what the reference n prints.
func (r *Resolved) SetFigure(n *FigureRef, f *ResolvedFigure) { r.set(n, f) }

// SetChart records the chart the block n draws (handed to the ChartWriter).
func (r *Resolved) SetChart(n *ChartBlock, c any) { r.set(n, c) }

func (r *Resolved) set(n ast.Node, v any) {
	if _, ok := r.lookup(n); ok {
		return // recorded already: the first stands
	}
	r.marks = append(r.marks, n)
	r.shown = append(r.shown, v)
	switch {
	case r.index != nil:
		r.index[n] = len(r.marks) - 1
	case len(r.marks) > indexAfter:
		r.index = make(map[ast.Node]int, 2*len(r.marks))
		for i, m := range r.marks {
			r.index[m] = i
		}
	}
}

// lookup is what n shows, and whether it was recorded.
func (r *Resolved) lookup(n ast.Node) (any, bool) {
	if r == nil {
		return nil, false
	}
	if r.index != nil {
		i, ok := r.index[n]
		if !ok {
			return nil, false
		}
		return r.shown[i], true
	}
	for i, m := range r.marks {
		if m == n {
			return r.shown[i], true
		}
	}
	return nil, false
}

// Figure is what n prints; nil when the build resolved nothing for it.
func (r *Resolved) Figure(n *FigureRef) *ResolvedFigure {
	v, _ := r.lookup(n)
	f, _ := v.(*ResolvedFigure)
	return f
}

// Chart is the chart n draws; nil when none.
func (r *Resolved) Chart(n *ChartBlock) any {
	v, _ := r.lookup(n)
	return v
}

// Shown lists every resolved figure (*ResolvedFigure) and chart, in the
// order of the text: with the parse (its Text), all that a rendering reads.
func (r *Resolved) Shown() []any {
	if r == nil {
		return nil
	}
	return r.shown
}

// writer is what a text is rendered into: goldmark hands it to every node
// renderer, which finds there what the build resolved the node to, or, while
// a Text is made, where to leave the holes. It writes straight into the
// buffer (goldmark would otherwise wrap it in a bufio.Writer and copy).
type writer struct {
	*bytes.Buffer
	resolved *Resolved
	draw     ChartWriter
	holes    *[]hole // set by NewText: references and charts leave a hole here
}

func (w writer) Buffered() int { return 0 }
func (w writer) Flush() error  { return nil }

// resolvedOf finds the build's resolutions in the writer goldmark passed.
func resolvedOf(w io.Writer) *Resolved {
	if w, ok := w.(writer); ok {
		return w.resolved
	}
	return nil
}

// drawOf finds the chart writer in the writer goldmark passed.
func drawOf(w io.Writer) ChartWriter {
	if w, ok := w.(writer); ok {
		return w.draw
	}
	return nil
}
