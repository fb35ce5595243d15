package strictyaml

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Invisible reports whether r may not stand in text read from the input:
// C0 controls but tab and line feed, DEL, C1 controls (U+0085 among them),
// the line and paragraph separators U+2028 and U+2029, the bidirectional
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and
// the noncharacters (U+FDD0–U+FDEF and the last two of every plane).
//
// None is seen in an editor, and each does harm somewhere: ESC and CSI
// rewrite a terminal, NUL ends a string in C and a cell in some
// spreadsheets, CR overwrites a CSV row in a log, a bidirectional override
// shows a figure's digits reversed, and YAML counts U+0085, U+2028 and
// U+2029 as line breaks where editors do not, so that every later line
// number would be off. In the raw text of a file a carriage return is a
// line end, not a character (see CleanText).
func Invisible(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return true
	case r == 0x2028 || r == 0x2029 || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		return true
	case r >= 0xfdd0 && r <= 0xfdef:
		return true
	}
	return r&0xfffe == 0xfffe // U+FFFE, U+FFFF, U+1FFFE … U+10FFFF
}

// mayStartInvisible marks the bytes an invisible character or a CR can
// start with: the C0 controls but tab and line feed, DEL, and the lead
// bytes of the C1 controls (C2), of U+2028 to U+2069 (E2), of the
// noncharacters of the BMP (EF) and of the other planes (F0 to F4). Any
// other byte — ASCII text, a continuation byte, the lead byte of a Chinese
// character — is passed over without decoding: a text is mostly these.
var mayStartInvisible = func() (may [256]bool) {
	for c := range 0x20 {
		may[c] = c != '\t' && c != '\n'
	}
	may[0x7f], may[0xc2], may[0xe2], may[0xef] = true, true, true, true
	for c := 0xf0; c <= 0xf4; c++ {
		may[c] = true
	}
	return may
}()

// nextToClean returns the byte offset of the first invisible character or
// lone CR in text at or after from, or -1. Bytes that are not UTF-8 are
// left to the encoding check.
func nextToClean(text []byte, from int) int {
	for i := from; i < len(text); {
		c := text[i]
		switch {
		case !mayStartInvisible[c]:
			i++
			continue
		case c == '\r' && i+1 < len(text) && text[i+1] == '\n':
			i += 2
			continue
		case c == '\r':
			return i
		}
		r, size := utf8.DecodeRune(text[i:])
		if Invisible(r) && !(r == utf8.RuneError && size == 1) {
			return i
		}
		i += size
	}
	return -1
}

// LineEnds returns text with every lone CR made a LF (text itself when it
// has none): a CR alone ends a line to YAML, to CommonMark and to the
// editors people use (Notepad, VS Code), so line numbers count it.
func LineEnds(text []byte) []byte {
	var out []byte
	for i, c := range text {
		if c == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
			if out == nil {
				out = bytes.Clone(text)
			}
			out[i] = '\n'
		}
	}
	if out == nil {
		return text
	}
	return out
}

// maxInvisibleReported bounds the problems reported for one file.
const maxInvisibleReported = 10

// CleanText reports every invisible character in the raw text of file (up
// to maxInvisibleReported of them, then their count) at its line and
// column, and returns the text as the build reads it (text itself when
// nothing changed): each invisible character blanked to a space and each
// lone CR made a LF (LineEnds). firstLine is the line of the file text
// starts on. Reading goes on over the cleaned text, so one run reports the
// file's other problems too, at the lines and columns an editor shows: a
// space keeps every column, and YAML no longer sees a line break an
// editor does not.
func CleanText(file string, text []byte, firstLine int, list *diag.List) []byte {
	at := nextToClean(text, 0)
	if at < 0 {
		return text
	}
	cleaned := make([]byte, 0, len(text))
	line, lineStart, done, reported := firstLine, 0, 0, 0
	var more diag.Pos // where the characters not reported one by one start
	for ; at >= 0; at = nextToClean(text, done) {
		for i := done; i < at; i++ {
			if text[i] == '\n' {
				line, lineStart = line+1, i+1
			}
		}
		if text[at] == '\r' {
			cleaned = append(append(cleaned, text[done:at]...), '\n')
			done, line, lineStart = at+1, line+1, at+1
			continue
		}
		r, size := utf8.DecodeRune(text[at:])
		cleaned = append(append(cleaned, text[done:at]...), ' ')
		done = at + size
		if reported++; reported > maxInvisibleReported+1 {
			continue // counting columns in a long line for each would be slow
		}
		pos := diag.Pos{File: file, Line: line, Col: utf8.RuneCount(text[lineStart:at]) + 1}
		if reported > maxInvisibleReported {
			more = pos
			continue
		}
		before := textBefore(string(text[lineStart:at]))
		hint := diag.T("delete the character at column %d, just after %q; most editors do not show it", pos.Col, before)
		if before == "" {
			hint = diag.T("delete the character at column %d, before the text of the line; most editors do not show it", pos.Col)
		}
		list.Errorf(pos, "", hint, "an invisible character, %s, is in the text", codePoint(r))
	}
	if reported > maxInvisibleReported {
		list.Errorf(more, "", diag.T("delete them as well; most editors do not show them"), "%d more invisible characters follow", reported-maxInvisibleReported)
	}
	return append(cleaned, text[done:]...)
}

// textBefore is the end of line, a few characters an editor can search
// for: the last eight, or back to the start of a word cut in the middle.
func textBefore(line string) string {
	r := []rune(strings.TrimLeft(line, " "))
	start := max(0, len(r)-8)
	for start > 0 && len(r)-start < 24 && wordRune(r[start-1]) && wordRune(r[start]) {
		start--
	}
	return string(r[start:])
}

func wordRune(r rune) bool {
	return r < utf8.RuneSelf && (r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

// decodedInvisible reports an invisible character in a key or value as
// YAML decoded it. The raw file had none (CleanText), so a backslash
// escape in double quotes wrote it ("\e", "\x1b", "\u2028"); YAML turns
// every line break into a line feed, so a carriage return is one too.
func (d *decoder) decodedInvisible(n *yaml.Node, field string) bool {
	i := strings.IndexFunc(n.Value, func(r rune) bool { return r == '\r' || Invisible(r) })
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(n.Value[i:])
	d.errorf(n, field, diag.T("remove the backslash escape that writes it (such as %s) from the text in quotes", escapeOf(r)),
		"an invisible character, %s, is in the text", codePoint(r))
	return true
}

// escapeOf is the YAML escape that writes r in double quotes.
func escapeOf(r rune) string {
	switch {
	case r <= 0xff:
		return fmt.Sprintf(`\x%02x`, r)
	case r <= 0xffff:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}

// codePoint names a character as Unicode charts do: U+001B.
func codePoint(r rune) string { return fmt.Sprintf("U+%04X", r) }
