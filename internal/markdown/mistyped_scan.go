package markdown

import "bytes"

// mistake is one mistyped reference in a run of text: bytes [start, end)
// of the run.
type mistake struct {
	start, end int
	inner      string
	braces     BraceFault
}

// maxInner bounds what a pair of braces may hold and still be read as one
// reference: a closing brace further on belongs to something else, and the
// opening braces are taken as a reference left unclosed.
const maxInner = 64

// findMistyped finds the mistyped references in b, a run of prose as
// written (backslash escapes included).
func findMistyped(b []byte) []mistake {
	var out []mistake
	for i := 0; i < len(b); {
		n, wide := brace(b, i, '{', fullOpen)
		switch {
		case n == 0:
			i++
		case !wide && escaped(b, i):
			// \{ shows a brace, and so \{{ shows two.
			i += n
			if m, _ := brace(b, i, '{', fullOpen); m > 0 {
				i += m
			}
		default:
			m, ok := mistakeAt(b, i)
			if !ok {
				i += n
				continue
			}
			out = append(out, m)
			i = m.end
		}
	}
	return out
}

// mistakeAt reads the reference-like text whose first brace is b[i].
func mistakeAt(b []byte, i int) (mistake, bool) {
	n1, wide1 := brace(b, i, '{', fullOpen)
	n2, wide2 := brace(b, i+n1, '{', fullOpen)
	j := i + n1 + n2
	k := j
	for k < len(b) && k-j <= maxInner && !isBrace(b, k) {
		k++
	}
	c1, wide3 := brace(b, k, '}', fullClose)
	c2, wide4 := 0, false
	if c1 > 0 {
		c2, wide4 = brace(b, k+c1, '}', fullClose)
	}
	m := mistake{start: i, end: k + c1 + c2, inner: string(b[j:k])}
	switch {
	case n2 == 0:
		// One brace is a reference only before a name and two closing ones.
		if c2 == 0 || !nameLike(b[j:k]) {
			return mistake{}, false
		}
		m.braces = BracesOneOpening
	case c1 == 0:
		// Nothing closes it on this line: the reference is the name after it.
		e := j + nameLen(b[j:])
		m.end, m.inner = e, string(bytes.TrimSpace(b[j:e]))
		m.braces = BracesUnclosed
	case c2 == 0:
		m.braces = BracesUnclosed
	default:
		m.braces = BracesRight
	}
	if wide1 || wide2 || wide3 || wide4 {
		m.braces = BracesFullWidth
	}
	return m, true
}

// brace reports the length of the brace (half or its full-width form) at
// b[i], 0 when there is none, and whether it is full-width.
func brace(b []byte, i int, half byte, full []byte) (int, bool) {
	switch {
	case i >= len(b):
		return 0, false
	case b[i] == half:
		return 1, false
	case bytes.HasPrefix(b[i:], full):
		return len(full), true
	}
	return 0, false
}

func isBrace(b []byte, i int) bool {
	return b[i] == '{' || b[i] == '}' || bytes.HasPrefix(b[i:], fullOpen) || bytes.HasPrefix(b[i:], fullClose)
}

// escaped reports whether b[i] follows an odd number of backslashes.
func escaped(b []byte, i int) bool {
	n := 0
	for i-n-1 >= 0 && b[i-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// nameChar reports whether c can be part of a reference as an editor may
// mistype it: ASCII letters of either case, digits, . _ and -.
func nameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
}

// nameLen is the length of the spaces and name at the start of b.
func nameLen(b []byte) int {
	i := 0
	for i < len(b) && b[i] == ' ' {
		i++
	}
	start := i
	for i < len(b) && nameChar(b[i]) {
		i++
	}
	if i == start {
		return 0
	}
	return i
}

// nameLike reports whether b is a name with spaces around it at most.
func nameLike(b []byte) bool {
	t := bytes.TrimSpace(b)
	if len(t) == 0 {
		return false
	}
	for _, c := range t {
		if !nameChar(c) {
			return false
		}
	}
	return true
}
