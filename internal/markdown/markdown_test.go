package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/tools/txtar"
)

// resolveForTest resolves two known figures and every chart block, the
// way the site model does.
func resolveForTest(doc ast.Node) *Resolved {
	figures := map[string]*ResolvedFigure{
		"volunteer.projects": {Display: "893个", Value: "893 个", Title: "帮助发展到户扶贫项目"},
		"volunteer.jobs":     {Display: "342人", Value: "342 人", Title: "帮助安置就业"},
	}
	var resolved Resolved
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *FigureRef:
			if f := figures[n.Ref]; f != nil && entering {
				resolved.SetFigure(n, f)
			}
		case *ChartBlock:
			if entering {
				resolved.SetChart(n, n)
			}
		}
		return ast.WalkContinue, nil
	})
	return &resolved
}

// TestCases runs testdata/*.txtar: input.md rendered must equal output.html.
func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	write := func(w util.BufWriter, c any, level int) error {
		b := c.(*ChartBlock)
		_, err := fmt.Fprintf(w, "[chart %d h%d: %s]", b.Index, level, b.YAML)
		return err
	}
	md := New()
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			parts := map[string][]byte{}
			for _, f := range a.Files {
				parts[f.Name] = f.Data
			}
			src := parts["input.md"]
			doc := md.Parser().Parse(text.NewReader(src))
			resolved := resolveForTest(doc)
			out := renderBothWays(t, md, src, doc, resolved, write)
			if got, want := strings.TrimSpace(out), strings.TrimSpace(string(parts["output.html"])); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestOffsetsPointAtTheReference(t *testing.T) {
	src := []byte("第一行\n\n引用{{a.b}}。\n")
	doc := New().Parser().Parse(text.NewReader(src))
	var offset = -1
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*FigureRef); ok {
			offset = r.Offset
		}
		return ast.WalkContinue, nil
	})
	if !bytes.HasPrefix(src[offset:], []byte("{{a.b}}")) {
		t.Errorf("offset %d points at %q", offset, src[offset:])
	}
}

func TestHeadingIDsLeaveThePagesIDsAlone(t *testing.T) {
	src := []byte("## Main\n\n## Key figures\n\n## Chart 1 activity help\n\n## Main\n\n## 林草局\n")
	doc := New().Parser().Parse(text.NewReader(src), parser.WithContext(NewContext()))
	var ids []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			id, _ := h.AttributeString("id")
			ids = append(ids, string(id.([]byte)))
		}
		return ast.WalkContinue, nil
	})
	if got, want := strings.Join(ids, " "), "main-1 key-figures-1 section-chart-1-activity-help main-2 heading"; got != want {
		t.Errorf("heading ids %s, want %s", got, want)
	}
}

// TestPageIDsAreTheThemesIDs keeps PageIDs in step with the ids the
// default theme's layouts write.
func TestPageIDsAreTheThemesIDs(t *testing.T) {
	layouts, err := filepath.Glob("../../themes/default/layouts/*.html")
	if err != nil || len(layouts) == 0 {
		t.Fatalf("no layouts: %v", err)
	}
	more, _ := filepath.Glob("../../themes/default/layouts/*/*.html")
	literal := regexp.MustCompile(`\bid="([^"{]+)"`)
	found := map[string]bool{}
	for _, file := range append(layouts, more...) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(data), -1) {
			found[m[1]] = true
		}
	}
	var ids []string
	for id := range found {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, PageIDs) {
		t.Errorf("the theme's ids are %q, PageIDs %q", ids, PageIDs)
	}
}
