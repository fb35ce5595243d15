package markdown

import "bytes"

// The shapes of line CheckBudget recognises. Each errs on the side of
// counting too much: a line that goldmark reads otherwise costs it no more
// than the shape counted.

// containerPrefix measures the block quote markers, list markers and
// indentation a line starts with. depth is the number of markers, or half
// the columns of the prefix when more (a list item nested by indentation
// needs two more columns than its parent); width is the prefix's length in
// bytes. A line without a marker opens no block, whatever its indentation
// (code, aligned text): it only goes on in blocks opened by the lines
// before it, which were measured when they opened them.
func containerPrefix(line []byte) (depth, width int) {
	markers, columns := 0, 0
	i := 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			columns++
		case c == '\t':
			columns += 4 - columns%4
		case c == '>':
			markers++
			columns++
		case (c == '-' || c == '+' || c == '*') && endsMarker(line, i+1):
			markers++
			columns++
		case c >= '0' && c <= '9':
			n := 0
			for i+n < len(line) && n < 10 && line[i+n] >= '0' && line[i+n] <= '9' {
				n++
			}
			if i+n >= len(line) || (line[i+n] != '.' && line[i+n] != ')') || !endsMarker(line, i+n+1) {
				return prefixDepth(markers, columns), i
			}
			markers++
			columns += n + 1
			i += n
		default:
			return prefixDepth(markers, columns), i
		}
		i++
	}
	return prefixDepth(markers, columns), i
}

func prefixDepth(markers, columns int) int {
	if markers == 0 {
		return 0
	}
	return max(markers, columns/2)
}

// endsMarker reports whether a list marker ending before i is one: followed
// by a space, a tab or the end of the line.
func endsMarker(line []byte, i int) bool {
	return i >= len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n'
}

// isChartFence reports whether a line (after its container prefix) opens a
// fenced block whose info string starts with "chart".
func isChartFence(content []byte) bool {
	for _, fence := range [][]byte{[]byte("```"), []byte("~~~")} {
		if rest, ok := bytes.CutPrefix(content, fence); ok {
			rest = bytes.TrimLeft(rest, string(fence[:1])+" \t")
			return bytes.HasPrefix(rest, []byte("chart"))
		}
	}
	return false
}

// isLinkDefinition reports whether a line (after its container prefix)
// looks like "[name]: address", a link reference definition (not a
// footnote's "[^name]: text").
func isLinkDefinition(content []byte) bool {
	if len(content) < 2 || content[0] != '[' || content[1] == '^' {
		return false
	}
	return bytes.Contains(content, []byte("]:"))
}

// delimiterRow returns the number of columns of a GFM table delimiter row
// such as "| --- | :-: |", or 0 when the line is not one.
func delimiterRow(content []byte) int {
	row := bytes.TrimSpace(content)
	if len(row) == 0 || len(bytes.Trim(row, "|-: \t")) > 0 {
		return 0 // empty, or holds something else
	}
	columns := 0
	for cell := range bytes.SplitSeq(row, []byte("|")) {
		if bytes.IndexByte(cell, '-') >= 0 {
			columns++
		}
	}
	return columns
}

// addressBytes is how far goldmark reads after "](" looking for the end of
// a link's address: past spaces, then to the ">" of an address in <…>, or
// to the first space or the ")" that closes it, or to the end of the line
// when neither comes.
func addressBytes(rest []byte) int {
	i := 0
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t') {
		i++
	}
	if i < len(rest) && rest[i] == '<' {
		if j := bytes.IndexByte(rest[i:], '>'); j >= 0 {
			return i + j
		}
		return len(rest)
	}
	opened := 0
	for ; i < len(rest); i++ {
		switch rest[i] {
		case '\\':
			i++
		case '(':
			opened++
		case ')':
			if opened--; opened < 0 {
				return i
			}
		case ' ', '\t', '\r', '\n':
			return i
		}
	}
	return len(rest)
}
