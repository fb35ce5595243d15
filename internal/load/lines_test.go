package load

import (
	"bytes"
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

func TestLinesAgreeWithScanningFromTheStart(t *testing.T) {
	long := strings.Repeat("林草局送雏{{help.forestry.chicks}}，", 40) // lines longer than runeStep
	for _, body := range []string{
		"",
		"\n",
		"a",
		"一二三\n\n四五\n",
		"第一行\r\n第二行 {{a.b}}\r\n",
		long + "\n" + long,
		strings.Repeat("x\n", 300) + long,
		"é" + strings.Repeat("中", runeStep) + "\n" + strings.Repeat("a", runeStep-1) + "中\n",
	} {
		b := []byte(body)
		kept := bytes.Clone(b)
		l := newLines(kept, 5)
		clear(kept) // lines keeps no reference to the body
		for off := 0; off <= len(b); off++ {
			if off < len(b) && !utf8.RuneStart(b[off]) {
				continue // goldmark's offsets fall on characters
			}
			line, col := l.lineCol(off)
			wantLine, wantCol := naiveLineCol(b, off, 5)
			if line != wantLine || col != wantCol {
				t.Fatalf("body %.20q…, offset %d: got %d:%d, want %d:%d", body, off, line, col, wantLine, wantCol)
			}
		}
	}
}

func TestLinesClampOffsets(t *testing.T) {
	l := newLines([]byte("ab\ncd"), 3)
	for off, want := range map[int][2]int{-1: {3, 1}, 99: {4, 3}} {
		if line, col := l.lineCol(off); line != want[0] || col != want[1] {
			t.Errorf("lineCol(%d) = %d:%d, want %d:%d", off, line, col, want[0], want[1])
		}
	}
}
