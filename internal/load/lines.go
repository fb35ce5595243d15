package load

import (
	"bytes"
	"slices"
)

// runeStep is how many bytes apart lines.runes keeps a running count of
// characters: a column costs at most this many bytes of counting.
const runeStep = 256

// lines turns byte offsets of a Markdown body into lines and columns in
// linear time overall: it is built once per body, and each position is a
// binary search and a short count, so that a story with thousands of
// figure references is not scanned from its start for each of them.
type lines struct {
	body     []byte
	bodyLine int   // line of the file where body starts
	starts   []int // offset where each line of body starts; starts[0] = 0
	runes    []int // runes[k]: characters in body[:k*runeStep]
}

func newLines(body []byte, bodyLine int) *lines {
	l := &lines{body: body, bodyLine: bodyLine, starts: make([]int, 1, 1+bytes.Count(body, []byte("\n")))}
	for i, c := range body {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	l.runes = make([]int, len(body)/runeStep+1)
	for k := 1; k < len(l.runes); k++ {
		l.runes[k] = l.runes[k-1] + charStarts(body[(k-1)*runeStep:k*runeStep])
	}
	return l
}

// lineCol returns the 1-based line of the file and the 1-based column, in
// characters, of a byte offset in the body (clamped to the body).
func (l *lines) lineCol(offset int) (int, int) {
	offset = min(max(offset, 0), len(l.body))
	i, found := slices.BinarySearch(l.starts, offset)
	if !found {
		i-- // inside line i-1
	}
	return l.bodyLine + i, l.charsBefore(offset) - l.charsBefore(l.starts[i]) + 1
}

// charsBefore counts the characters of body[:offset].
func (l *lines) charsBefore(offset int) int {
	k := offset / runeStep
	return l.runes[k] + charStarts(l.body[k*runeStep:offset])
}

// charStarts counts the bytes that start a UTF-8 character: for valid
// UTF-8 (the loader refuses any other) this is the number of characters,
// and unlike a rune count it can start and stop anywhere.
func charStarts(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}
