package load

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/yuin/goldmark/ast"
)

// places are the positions in the file of the byte offsets of a Markdown
// body that later stages report problems at: its marks' and links'. They
// are worked out when the body is parsed, in one pass over it, because a
// build keeps a text as its HTML (Doc.Text), not its Markdown. A pass that
// counts to each offset from the one before keeps a story with thousands
// of figure references on one line linear.
type places struct {
	bodyLine int     // line of the file where the body starts
	size     int     // the body's length in bytes
	at       []place // by offset, each once
}

// place is the line of the file and the column, in characters, of an
// offset of the body (MaxBodyBytes fits int32).
type place struct{ offset, line, col int32 }

// newPlaces works out the positions of offsets (any order, repeats
// allowed, each clamped to the body) in body, which starts on line
// bodyLine of its file.
func newPlaces(body []byte, bodyLine int, offsets []int) places {
	for i, o := range offsets {
		offsets[i] = min(max(o, 0), len(body))
	}
	slices.Sort(offsets)
	offsets = slices.Compact(offsets)
	p := places{bodyLine: bodyLine, size: len(body), at: make([]place, 0, len(offsets))}
	line, col, from := bodyLine, 1, 0
	for _, o := range offsets {
		between := body[from:o]
		if nl := bytes.LastIndexByte(between, '\n'); nl >= 0 {
			line += bytes.Count(between, []byte("\n"))
			col = 1 + utf8.RuneCount(between[nl+1:])
		} else {
			col += utf8.RuneCount(between)
		}
		p.at = append(p.at, place{int32(o), int32(line), int32(col)})
		from = o
	}
	return p
}

// lineCol returns the 1-based line of the file and the 1-based column, in
// characters, of a byte offset newPlaces was given (clamped to the body
// as there). Any other offset is a mistake of the caller: it gets the
// line where the body starts and no column, rather than a wrong place.
func (p places) lineCol(offset int) (int, int) {
	offset = min(max(offset, 0), p.size)
	i, found := slices.BinarySearchFunc(p.at, offset, func(pl place, o int) int { return int(pl.offset) - o })
	if !found {
		return p.bodyLine, 0
	}
	return int(p.at[i].line), int(p.at[i].col)
}

// markOffsets are the offsets of the body a parsed text's problems may be
// reported at: its marks' (markdown.Marks) and its links'.
func markOffsets(marks []ast.Node, links []markdown.Link) []int {
	offsets := make([]int, 0, len(marks)+len(links))
	for _, n := range marks {
		switch n := n.(type) {
		case *markdown.FigureRef:
			offsets = append(offsets, n.Offset)
		case *markdown.MistypedRef:
			offsets = append(offsets, n.Offset)
		case *markdown.ChartBlock:
			offsets = append(offsets, n.Offset)
		}
	}
	for _, l := range links {
		offsets = append(offsets, l.Offset)
	}
	return offsets
}
