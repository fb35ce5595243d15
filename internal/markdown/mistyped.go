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

// The faults, in the order they are looked for.
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
	var parents []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Kind() == ast.KindCodeSpan {
			return ast.WalkSkipChildren, nil // `{{…}}` shows the braces
		}
		if hasTextChild(n) {
			parents = append(parents, n)
		}
		return ast.WalkContinue, nil
	})
	for _, p := range parents {
		for c := p.FirstChild(); c != nil; {
			run := textRun(c)
			if run == nil {
				c = c.NextSibling()
				continue
			}
			c = run[len(run)-1].NextSibling()
			replaceMistakes(p, run, source)
		}
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			if ref, ok := c.(*FigureRef); ok {
				c = extraBraces(p, ref, source)
			}
		}
	}
}

func hasTextChild(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.Text); ok {
			return true
		}
	}
	return false
}

// textRun is the run of Text siblings from c whose segments follow each
// other in the source within one line, or nil when c starts none.
// goldmark splits a line's text where an inline parser was tried.
func textRun(c ast.Node) []*ast.Text {
	t, ok := c.(*ast.Text)
	if !ok || t.IsRaw() {
		return nil
	}
	run := []*ast.Text{t}
	for {
		last := run[len(run)-1]
		next, ok := last.NextSibling().(*ast.Text)
		if !ok || next.IsRaw() || last.SoftLineBreak() || last.HardLineBreak() || next.Segment.Start != last.Segment.Stop {
			return run
		}
		run = append(run, next)
	}
}

// replaceMistakes puts the run's text back as Text nodes around a
// MistypedRef for each mistake in it; a run without one is left alone.
func replaceMistakes(parent ast.Node, run []*ast.Text, source []byte) {
	start, stop := run[0].Segment.Start, run[len(run)-1].Segment.Stop
	found := findMistyped(source[start:stop])
	if len(found) == 0 {
		return
	}
	last := run[len(run)-1]
	before := ast.Node(run[0])
	insert := func(n ast.Node) { parent.InsertBefore(parent, before, n) }
	at := start
	for _, m := range found {
		if start+m.start > at {
			insert(ast.NewTextSegment(text.NewSegment(at, start+m.start)))
		}
		insert(&MistypedRef{Written: string(source[start+m.start : start+m.end]), Inner: m.inner, Braces: m.braces, Offset: start + m.start})
		at = start + m.end
	}
	if at < stop || last.SoftLineBreak() || last.HardLineBreak() {
		tail := ast.NewTextSegment(text.NewSegment(at, stop))
		tail.SetSoftLineBreak(last.SoftLineBreak())
		tail.SetHardLineBreak(last.HardLineBreak())
		insert(tail)
	}
	for _, t := range run {
		parent.RemoveChild(parent, t)
	}
}

// extraBraces puts a MistypedRef in place of ref when a brace touches it
// on either side: goldmark reads {{{a.b}}} as a brace, a reference and a
// brace. It returns the node now in ref's place.
func extraBraces(parent ast.Node, ref *FigureRef, source []byte) ast.Node {
	written := ref.Offset + len(refPattern.Find(source[ref.Offset:]))
	start, end := ref.Offset, written
	prev, _ := ref.PreviousSibling().(*ast.Text)
	next, _ := ref.NextSibling().(*ast.Text)
	if prev != nil && prev.Segment.Stop == start && !prev.SoftLineBreak() && !prev.HardLineBreak() {
		if n := braceBefore(source[prev.Segment.Start:start]); n > 0 {
			start -= n
			prev.Segment = prev.Segment.WithStop(start)
		}
	}
	if next != nil && next.Segment.Start == end {
		if n, _ := brace(source[:next.Segment.Stop], end, '}', fullClose); n > 0 {
			end += n
			next.Segment = next.Segment.WithStart(end)
		}
	}
	if start == ref.Offset && end == written {
		return ref
	}
	m := &MistypedRef{Written: string(source[start:end]), Inner: ref.Ref, Braces: BracesExtra, Offset: start}
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
