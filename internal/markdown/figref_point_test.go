package markdown

import (
	"slices"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// A series' point and a target's actual are cited like any figure: the
// reference names them in full, the point with @ and its date or latest.
func TestReferencesToPointsAndActuals(t *testing.T) {
	src := []byte("{{poverty.population@2012}} {{ poverty.population@latest }} {{poverty.population@2020-06-30}} {{poverty.poor-population.actual}} {{poverty.population@}} {{poverty@2012}} {{a.b@X}}")
	doc := New().Parser().Parse(text.NewReader(src))
	var refs []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if r, ok := n.(*FigureRef); ok && entering {
			refs = append(refs, r.Ref)
		}
		return ast.WalkContinue, nil
	})
	want := []string{"poverty.population@2012", "poverty.population@latest", "poverty.population@2020-06-30", "poverty.poor-population.actual"}
	if !slices.Equal(refs, want) {
		t.Errorf("references = %q, want %q", refs, want)
	}
}
