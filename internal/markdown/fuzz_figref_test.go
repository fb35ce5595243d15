package markdown

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzFigureRef parses any bytes around a {{…}} figure reference: nothing
// panics, every FigureRef's Offset points at the "{{" of a reference whose
// text is its Ref, every MistypedRef's at its text, and the page, with the references resolved to figures
// whose display, value and title are taken from the input, holds nothing
// that could run script.
//
//	go test -run '^$' -fuzz FuzzFigureRef -fuzztime 60s ./internal/markdown
func FuzzFigureRef(f *testing.F) {
	for _, s := range [][3]string{
		{"", "volunteer.projects", ""},
		{"共发展", " volunteer.jobs ", "项目。"},
		{"\\", "a.b", ""},
		{"`", "a.b", "`"},
		{"[", "a.b", "](https://x.org/)"},
		{"[x](", "a.b", ")"},
		{"<", "a.b", "><script>alert(1)</script>"},
		{"{", "a.b.c", "}"},
		{"> - ", "a_b.c-d", "\n> {{e.f}}"},
		{"```\n", "a.b", "\n```"},
		{"    ", "a.b", ""},
		{"| a | b |\n|---|---|\n| ", "a.b", " | {{c.d}} |"},
		{"脚注[^1]\n\n[^1]: ", "a.b", ""},
		{"**", "a.b", "**{{c.d}}"},
		{"", "A.B", ""},
		{"", "a..b", ""},
		{"", "a.b\n", ""},
		{"", "a.b.c.d", ""},
		{"\"onmouseover=alert(1) ", "a.b", "'"},
		{"{", "a.b", "}"},
		{"｛", "A.b", "｝ {{c.d} {e.f}}"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	md := New()
	f.Fuzz(func(t *testing.T, before, ref, after string) {
		src := []byte(before + "{{" + ref + "}}" + after)
		if !utf8.Valid(src) {
			t.Skip("not UTF-8: refused by the loader")
		}
		doc := md.Parser().Parse(text.NewReader(src))
		refs := 0
		var resolved Resolved
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if m, ok := n.(*MistypedRef); ok && entering && !bytes.HasPrefix(src[m.Offset:], []byte(m.Written)) {
				t.Fatalf("mistyped reference %q at offset %d, but the source there is %.40q", m.Written, m.Offset, src[m.Offset:])
			}
			r, ok := n.(*FigureRef)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			refs++
			if r.Offset < 0 || r.Offset > len(src) {
				t.Fatalf("offset %d outside the source", r.Offset)
			}
			m := refPattern.FindSubmatch(src[r.Offset:])
			if m == nil || string(m[1]) != r.Ref {
				t.Fatalf("reference %q at offset %d, but the source there is %.40q", r.Ref, r.Offset, src[r.Offset:])
			}
			if refs%2 == 1 { // the others stay unresolved
				resolved.SetFigure(r, &ResolvedFigure{Display: before, Value: ref, Title: after})
			}
			return ast.WalkContinue, nil
		})
		if n := bytes.Count(src, []byte("{{")); refs > n {
			t.Fatalf("%d references from %d {{", refs, n)
		}
		out := renderBothWays(t, md, src, doc, &resolved, nil)
		if problem := unsafeHTML(out); problem != "" {
			t.Fatalf("%s in\n%s", problem, out)
		}
	})
}
