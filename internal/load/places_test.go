package load

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// naiveLineCol is the position scanned from the start of the body: what
// lines must agree with, at every offset.
func naiveLineCol(body []byte, offset, bodyLine int) (int, int) {
	before := body[:offset]
	lastNL := bytes.LastIndexByte(before, '\n')
	return bodyLine + bytes.Count(before, []byte("\n")), utf8.RuneCount(before[lastNL+1:]) + 1
}

func TestPlacesAgreeWithScanningFromTheStart(t *testing.T) {
	long := strings.Repeat("林草局送雏{{help.forestry.chicks}}，", 40)
	for _, body := range []string{
		"",
		"\n",
		"a",
		"一二三\n\n四五\n",
		"第一行\r\n第二行 {{a.b}}\r\n",
		long + "\n" + long,
		strings.Repeat("x\n", 300) + long,
		"é" + strings.Repeat("中", 300) + "\n" + strings.Repeat("a", 255) + "中\n",
	} {
		b := []byte(body)
		var all []int // every offset goldmark can give: each starts a character
		for off := 0; off <= len(b); off++ {
			if off == len(b) || utf8.RuneStart(b[off]) {
				all = append(all, off)
			}
		}
		// All offsets at once, every third, and each alone: a place
		// counts on from the one before it, whichever that is.
		sets := [][]int{all, everyNth(all, 3)}
		for _, off := range all {
			sets = append(sets, []int{off})
		}
		for _, offsets := range sets {
			kept := bytes.Clone(b)
			p := newPlaces(kept, 5, slices.Clone(offsets))
			clear(kept) // places keep no reference to the body
			for _, off := range offsets {
				line, col := p.lineCol(off)
				wantLine, wantCol := naiveLineCol(b, off, 5)
				if line != wantLine || col != wantCol {
					t.Fatalf("body %.20q…, offset %d of %d: got %d:%d, want %d:%d", body, off, len(offsets), line, col, wantLine, wantCol)
				}
			}
		}
	}
}

func everyNth(s []int, n int) []int {
	var out []int
	for i := 0; i < len(s); i += n {
		out = append(out, s[i])
	}
	return out
}

func TestPlacesClampOffsets(t *testing.T) {
	p := newPlaces([]byte("ab\ncd"), 3, []int{-1, 99, 4})
	for off, want := range map[int][2]int{-1: {3, 1}, 0: {3, 1}, 4: {4, 2}, 5: {4, 3}, 99: {4, 3}} {
		if line, col := p.lineCol(off); line != want[0] || col != want[1] {
			t.Errorf("lineCol(%d) = %d:%d, want %d:%d", off, line, col, want[0], want[1])
		}
	}
}

// An offset newPlaces was not given has no place: the body's first line,
// no column, and not the place of a neighbour.
func TestPlacesOfAnOffsetNotGiven(t *testing.T) {
	p := newPlaces([]byte("ab\ncd\nef"), 3, []int{4})
	for _, off := range []int{1, 3, 7} {
		if line, col := p.lineCol(off); line != 3 || col != 0 {
			t.Errorf("lineCol(%d) = %d:%d, want 3:0", off, line, col)
		}
	}
}
