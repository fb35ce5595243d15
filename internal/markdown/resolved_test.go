package markdown

import (
	"fmt"
	"testing"
)

// A Resolved answers for each mark what was recorded for it, whether it
// looks through its few marks or, past indexAfter, through its index.
func TestResolvedAnswersForEachMark(t *testing.T) {
	for _, n := range []int{1, indexAfter, indexAfter + 1, 3 * indexAfter} {
		var r Resolved
		refs := make([]*FigureRef, n)
		blocks := make([]*ChartBlock, n)
		var want []any
		for i := range n {
			refs[i], blocks[i] = &FigureRef{Ref: fmt.Sprint("a.f", i)}, &ChartBlock{Index: i}
			f := &ResolvedFigure{Display: fmt.Sprint(i)}
			r.SetFigure(refs[i], f)
			r.SetChart(blocks[i], i)
			want = append(want, f, i)
		}
		r.SetFigure(refs[0], &ResolvedFigure{Display: "again"}) // recorded already: the first stands
		for i := range n {
			if f := r.Figure(refs[i]); f == nil || f.Display != fmt.Sprint(i) {
				t.Fatalf("%d marks: reference %d prints %+v", n, i, f)
			}
			if c := r.Chart(blocks[i]); c != i {
				t.Fatalf("%d marks: block %d draws %v", n, i, c)
			}
		}
		if f, c := r.Figure(&FigureRef{Ref: "a.f0"}), r.Chart(&ChartBlock{}); f != nil || c != nil {
			t.Errorf("%d marks: a mark not recorded resolves to %v, %v", n, f, c)
		}
		shown := r.Shown()
		if len(shown) != len(want) {
			t.Fatalf("%d marks: %d shown, want %d", n, len(shown), len(want))
		}
		for i := range want {
			if shown[i] != want[i] {
				t.Fatalf("%d marks: shown[%d] = %v, want %v", n, i, shown[i], want[i])
			}
		}
	}
	var none *Resolved
	if none.Figure(&FigureRef{}) != nil || none.Chart(&ChartBlock{}) != nil || none.Shown() != nil {
		t.Error("a nil Resolved resolves something")
	}
}
