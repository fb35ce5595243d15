package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindMistypedRef is the node kind of text that looks like a figure
// reference but is not one.
var KindMistypedRef = ast.NewNodeKind("MistypedRef")

// MistypedRef is text in prose that looks like a figure reference and is
// not one — {{Income.income-2020}}, {{income}}, {{poverty.income-2020},
// ｛｛help.people｝｝ —: goldmark leaves it as text, so it would reach the
// page as it is written. Validation reports each one.
//
// Every {{ in prose is taken for a reference (write \{{ or a code span to
// show the braces); a single { counts only before a name and }}.
type MistypedRef struct {
	ast.BaseInline
	// Written is the mistake as written, braces included.
	Written string
	// Inner is what the braces hold; for an unclosed reference, the name
	// (letters, digits, . _ -) after the braces.
	Inner string
	// Braces says what is wrong with the braces (BracesRight when only
	// Inner is wrong).
	Braces BraceFault
	// Offset is the byte offset of the first brace in the Markdown body.
	Offset int
}

// BraceFault is what is wrong with the braces of a MistypedRef.
type BraceFault uint8

// The faults; a full-width brace is named before any other.
const (
	BracesRight      BraceFault = iota // {{ and }}: the name inside is wrong
	BracesFullWidth                    // ｛｛…｝｝ or a mix, typed with a Chinese input method
	BracesUnclosed                     // {{… without }}, or with one }
	BracesOneOpening                   // {name}}
	BracesExtra                        // {{{name}}}: a brace more on a side
)

// Kind implements ast.Node.
func (n *MistypedRef) Kind() ast.NodeKind { return KindMistypedRef }

// Dump implements ast.Node.
func (n *MistypedRef) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Written": n.Written}, nil)
}

// mistypedTransformer finds mistyped references in the text goldmark left
// and puts a MistypedRef node in place of each.
type mistypedTransformer struct{}

var fullOpen, fullClose = []byte("｛"), []byte("｝")

func (mistypedTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	if bytes.IndexByte(source, '{') < 0 && !bytes.Contains(source, fullOpen) {
		return
	}
	// A node's children are marked when the walk enters it, before it
	// walks them; a MistypedRef has no children to walk.
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch {
		case !entering:
		case n.Kind() == ast.KindCodeSpan:
			return ast.WalkSkipChildren, nil // `{{…}}` shows the braces
		case n.HasChildren():
			markChildren(n, source)
		}
		return ast.WalkContinue, nil
	})
}

// markChildren marks the mistakes in parent's runs of text, and the
// references a brace touches.
func markChildren(parent ast.Node, source []byte) {
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		switch n := c.(type) {
		case *FigureRef:
			c = extraBraces(parent, n, source)
		case *ast.Text:
			if n.IsRaw() {
				continue
			}
			last := runEnd(n)
			c = last
			if hasBrace(source[n.Segment.Start:last.Segment.Stop]) {
				c = replaceMistakes(parent, n, last, source)
			}
		}
	}
}

func hasBrace(b []byte) bool { return bytes.IndexByte(b, '{') >= 0 || bytes.Contains(b, fullOpen) }

// runEnd is the last of the Text siblings from first whose segments
// follow each other in the source within one line: goldmark splits a
// line's text where an inline parser was tried.
func runEnd(first *ast.Text) *ast.Text {
	last := first
	for {
		next, ok := last.NextSibling().(*ast.Text)
		if !ok || next.IsRaw() || last.SoftLineBreak() || last.HardLineBreak() || next.Segment.Start != last.Segment.Stop {
			return last
		}
		last = next
	}
}

// replaceMistakes puts the text of the run first…last back as Text nodes
// around a MistypedRef for each mistake in it, and returns the run's new
// last node; a run without a mistake is left alone.
func replaceMistakes(parent ast.Node, first, last *ast.Text, source []byte) ast.Node {
	start, stop := first.Segment.Start, last.Segment.Stop
	found := findMistyped(source[start:stop])
	if len(found) == 0 {
		return last
	}
	after := last.NextSibling()
	for c := ast.Node(first); c != after; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		c = next
	}
	var end ast.Node
	add := func(n ast.Node) {
		if after != nil {
			parent.InsertBefore(parent, after, n)
		} else {
			parent.AppendChild(parent, n)
		}
		end = n
	}
	at := start
	for _, m := range found {
		if start+m.start > at {
			add(ast.NewTextSegment(text.NewSegment(at, start+m.start)))
		}
		add(&MistypedRef{Written: string(source[start+m.start : start+m.end]), Inner: m.inner, Braces: m.braces, Offset: start + m.start})
		at = start + m.end
	}
	if at < stop || last.SoftLineBreak() || last.HardLineBreak() {
		tail := ast.NewTextSegment(text.NewSegment(at, stop))
		tail.SetSoftLineBreak(last.SoftLineBreak())
		tail.SetHardLineBreak(last.HardLineBreak())
		add(tail)
	}
	return end
}

// extraBraces puts a MistypedRef in place of ref when a brace touches it
// on either side: goldmark reads {{{a.b}}} as a brace, a reference and a
// brace. It returns the node now in ref's place.
func extraBraces(parent ast.Node, ref *FigureRef, source []byte) ast.Node {
	prev, _ := ref.PreviousSibling().(*ast.Text)
	next, _ := ref.NextSibling().(*ast.Text)
	before, after := 0, 0
	if prev != nil && prev.Segment.Stop == ref.Offset && !prev.SoftLineBreak() && !prev.HardLineBreak() {
		before = braceBefore(source[prev.Segment.Start:ref.Offset])
	}
	if next != nil {
		after, _ = brace(source[:next.Segment.Stop], next.Segment.Start, '}', fullClose)
	}
	if before == 0 && after == 0 { // the usual case, found without the pattern
		return ref
	}
	written := ref.Offset + len(refPattern.Find(source[ref.Offset:]))
	if next == nil || next.Segment.Start != written {
		after = 0
	}
	if before == 0 && after == 0 {
		return ref
	}
	if before > 0 {
		prev.Segment = prev.Segment.WithStop(ref.Offset - before)
	}
	if after > 0 {
		next.Segment = next.Segment.WithStart(written + after)
	}
	m := &MistypedRef{Written: string(source[ref.Offset-before : written+after]), Inner: ref.Ref, Braces: BracesExtra, Offset: ref.Offset - before}
	parent.ReplaceChild(parent, ref, m)
	return m
}

// braceBefore is the length of the unescaped opening brace that ends b, or 0.
func braceBefore(b []byte) int {
	switch {
	case bytes.HasSuffix(b, fullOpen):
		return len(fullOpen)
	case bytes.HasSuffix(b, []byte("{")) && !escaped(b, len(b)-1):
		return 1
	}
	return 0
}

func renderMistypedRef(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		// Validation reports every one; this shows only in pages rendered
		// without validation (tests of the extension alone).
		writeUnresolved(w, node.(*MistypedRef).Written)
	}
	return ast.WalkSkipChildren, nil
}

// writeUnresolved writes reference text that names no figure as it is.
func writeUnresolved(w util.BufWriter, text string) {
	_, _ = w.WriteString(`<span class="fig fig-missing">`)
	_, _ = w.Write(util.EscapeHTML([]byte(text)))
	_, _ = w.WriteString(`</span>`)
}
