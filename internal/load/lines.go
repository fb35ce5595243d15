package load

import (
	"bytes"
	"math/bits"
	"slices"
)

// runeStep is how many bytes apart lines.runes keeps a running count of
// characters: a column costs at most this many bits of counting.
const runeStep = 256

// lines turns byte offsets of a Markdown body into lines and columns in
// linear time overall: it is built once per body, and each position is a
// binary search and a short count, so that a story with thousands of
// figure references is not scanned from its start for each of them.
//
// It keeps no reference to the body, only which of its bytes start a
// character (a bit each): a build keeps a text as its HTML (Doc.Text)
// and needs the Markdown again only to place a problem.
type lines struct {
	bodyLine int     // line of the file where the body starts
	size     int     // the body's length in bytes
	starts   []int32 // offset where each line of the body starts; starts[0] = 0 (MaxFileSize fits)
	lead     []uint64
	runes    []int32 // runes[k]: characters in body[:k*runeStep]
}

func newLines(body []byte, bodyLine int) *lines {
	l := &lines{
		bodyLine: bodyLine, size: len(body),
		starts: make([]int32, 1, 1+bytes.Count(body, []byte("\n"))),
		lead:   make([]uint64, (len(body)+63)/64),
		runes:  make([]int32, len(body)/runeStep+1),
	}
	for i, c := range body {
		if c == '\n' {
			l.starts = append(l.starts, int32(i+1))
		}
		// A byte that starts a UTF-8 character: for valid UTF-8 (the
		// loader refuses any other) these count characters, and unlike a
		// rune count they can start and stop anywhere.
		if c&0xC0 != 0x80 {
			l.lead[i/64] |= 1 << (i % 64)
		}
	}
	for k := 1; k < len(l.runes); k++ {
		l.runes[k] = l.runes[k-1] + int32(l.charStarts((k-1)*runeStep, k*runeStep))
	}
	return l
}

// lineCol returns the 1-based line of the file and the 1-based column, in
// characters, of a byte offset in the body (clamped to the body).
func (l *lines) lineCol(offset int) (int, int) {
	offset = min(max(offset, 0), l.size)
	i, found := slices.BinarySearch(l.starts, int32(offset))
	if !found {
		i-- // inside line i-1
	}
	return l.bodyLine + i, l.charsBefore(offset) - l.charsBefore(int(l.starts[i])) + 1
}

// charsBefore counts the characters of body[:offset].
func (l *lines) charsBefore(offset int) int {
	k := offset / runeStep
	return int(l.runes[k]) + l.charStarts(k*runeStep, offset)
}

// charStarts counts the bytes of body[from:to] that start a character.
func (l *lines) charStarts(from, to int) int {
	n := 0
	for from < to {
		word := l.lead[from/64] >> (from % 64)
		span := min(64-from%64, to-from)
		n += bits.OnesCount64(word & (1<<span - 1))
		from += span
	}
	return n
}
