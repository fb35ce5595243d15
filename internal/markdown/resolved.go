package markdown

import (
	"bytes"
	"io"
)

// Resolved is what the figure references and chart blocks of one parsed
// text stand for in one build. The build's model fills it in; the Text
// itself is never written to, so a preview can keep it between builds and
// render it for any of them.
type Resolved struct {
	figures map[*FigureRef]*ResolvedFigure
	charts  map[*ChartBlock]any
	// shown lists what the text shows, in the order of the text.
	shown []any
}

// SetFigure records what the reference n prints.
func (r *Resolved) SetFigure(n *FigureRef, f *ResolvedFigure) {
	if r.figures == nil {
		r.figures = map[*FigureRef]*ResolvedFigure{}
	}
	r.figures[n] = f
	r.shown = append(r.shown, f)
}

// SetChart records the chart the block n draws (handed to the ChartWriter).
func (r *Resolved) SetChart(n *ChartBlock, c any) {
	if r.charts == nil {
		r.charts = map[*ChartBlock]any{}
	}
	r.charts[n] = c
	r.shown = append(r.shown, c)
}

// Figure is what n prints; nil when the build resolved nothing for it.
func (r *Resolved) Figure(n *FigureRef) *ResolvedFigure {
	if r == nil {
		return nil
	}
	return r.figures[n]
}

// Chart is the chart n draws; nil when none.
func (r *Resolved) Chart(n *ChartBlock) any {
	if r == nil {
		return nil
	}
	return r.charts[n]
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
