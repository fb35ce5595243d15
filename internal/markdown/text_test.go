package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/tools/txtar"
)

// renderBothWays renders tree as goldmark walks it and as the Text a build
// keeps of it (made, then the marks detached as the loader does; then
// packed, as a preview keeps it), fails t unless they are the same bytes,
// and returns them.
func renderBothWays(t testing.TB, md goldmark.Markdown, src []byte, tree ast.Node, resolved *Resolved, draw ChartWriter) string {
	t.Helper()
	var walked, held bytes.Buffer
	errWalked := md.Renderer().Render(writer{Buffer: &walked, resolved: resolved, draw: draw}, src, tree)
	kept := NewText(md, src, tree)
	marks, _ := Marks(tree)
	Detach(marks)
	errHeld := kept.Render(&held, resolved, draw)
	if fmt.Sprint(errWalked) != fmt.Sprint(errHeld) {
		t.Fatalf("rendered from the tree: error %v; from the Text: %v", errWalked, errHeld)
	}
	if walked.String() != held.String() {
		t.Fatalf("rendered from the tree:\n%s\nfrom the Text:\n%s", walked.String(), held.String())
	}
	kept.Pack()
	var packed bytes.Buffer
	packed.WriteString("<p>before</p>")
	if err := kept.Render(&packed, resolved, draw); fmt.Sprint(err) != fmt.Sprint(errHeld) || packed.String() != "<p>before</p>"+held.String() {
		t.Fatalf("rendered from the Text:\n%s\npacked (%v):\n%s", held.String(), err, packed.String())
	}
	return held.String()
}

// hostile are strings that try to become markup or script, or to break the
// page's bytes: the browser tests' payload and the terminal controls of
// internal/diag's tests.
var hostile = []string{
	`</script><script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2;alert(2)">__f__function(){window.__pwned=3}__f__'"`,
	"\x1b]0;pwned\x07\x1b[2K\r\x00\u0085\u009b\u2028\u2029\u202e\ufeff",
	`"><a href="javascript:alert(1)">&amp;&lt;`,
	"",
}

// siteTexts are the Markdown bodies of the example site and the national
// test sites, by name.
func siteTexts(t *testing.T) map[string][]byte {
	texts := map[string][]byte{}
	for _, pattern := range []string{"../../content/*.md", "../../content/*/*.md"} {
		names, _ := filepath.Glob(pattern)
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			texts[name] = data
		}
	}
	sites, _ := filepath.Glob("../build/testdata/sites/*.txtar")
	for _, name := range sites {
		a, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".md") {
				texts[name+":"+f.Name] = f.Data
			}
		}
	}
	if len(texts) < 20 {
		t.Fatalf("found only %d texts", len(texts))
	}
	for name, data := range texts {
		if rest, ok := bytes.CutPrefix(data, []byte("---\n")); ok {
			if _, body, ok := bytes.Cut(rest, []byte("\n---\n")); ok {
				texts[name] = body
			}
		}
	}
	return texts
}

// TestTextIsTheTree renders every text of the example and national sites
// from its tree and from its Text, each figure and chart resolved to
// hostile strings, the others left unresolved: the bytes must be the same.
func TestTextIsTheTree(t *testing.T) {
	md := New()
	draw := func(w util.BufWriter, c any, level int) error {
		_, err := fmt.Fprintf(w, "<h%d>%s</h%d>", level, c, level) // as is: the bytes are compared, not judged
		return err
	}
	holes := 0
	for name, src := range siteTexts(t) {
		for i, bad := range hostile {
			tree := md.Parser().Parse(text.NewReader(src), parser.WithContext(NewContext("main", bad)))
			var resolved Resolved
			k := i
			_ = ast.Walk(tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				switch n := n.(type) {
				case *FigureRef:
					if k++; k%4 != 0 {
						resolved.SetFigure(n, &ResolvedFigure{Display: bad, Value: hostile[k%len(hostile)], Title: n.Ref + bad})
					}
					holes++
				case *ChartBlock:
					if k++; k%4 != 0 {
						resolved.SetChart(n, bad+string(n.YAML))
					}
					holes++
				}
				return ast.WalkContinue, nil
			})
			t.Run(name, func(t *testing.T) { renderBothWays(t, md, src, tree, &resolved, draw) })
		}
	}
	if holes == 0 {
		t.Fatal("no text has a figure reference or a chart block")
	}
}

// TestDetachedMarksKeepNoTree: once detached, the marks link to no other
// node, so what a build keeps of a text does not keep its tree alive.
func TestDetachedMarksKeepNoTree(t *testing.T) {
	src := []byte("# 标题\n\n共{{a.b}}个，{{Bad}}。\n\n- 列表 {{c.d}}\n\n```chart\ntype: bar\n```\n")
	tree := New().Parser().Parse(text.NewReader(src))
	marks, _ := Marks(tree)
	if len(marks) != 4 {
		t.Fatalf("%d marks, want 4", len(marks))
	}
	NewText(New(), src, tree)
	Detach(marks)
	for _, n := range marks {
		if n.Parent() != nil || n.PreviousSibling() != nil || n.NextSibling() != nil || n.HasChildren() {
			t.Errorf("%s still linked into the tree", n.Kind())
		}
	}
}

// TestLinksArePlaced: each link and image is kept with its destination and
// the offset of its text, or of its paragraph when it has none.
func TestLinksArePlaced(t *testing.T) {
	src := []byte("见[报道](/stories/a/)。\n\n![](/images/b.jpg)\n")
	_, links := Marks(New().Parser().Parse(text.NewReader(src)))
	want := []Link{{"/stories/a/", strings.Index(string(src), "报道")}, {"/images/b.jpg", strings.Index(string(src), "![")}}
	if fmt.Sprint(links) != fmt.Sprint(want) {
		t.Errorf("links %v, want %v", links, want)
	}
}
