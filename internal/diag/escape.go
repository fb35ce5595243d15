package diag

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Escape makes s safe to print on a terminal, in a CI log or in a page:
// every character that is not visible text — C0 and C1 controls (ESC
// starts the sequences that retitle or clear a terminal), DEL, line and
// paragraph separators, bidirectional overrides, zero-width and other
// format characters, noncharacters, private-use and unassigned code
// points — and every byte that is not UTF-8 is written as the escape Go's
// %q would print for it (\x1b, \r, \u2028, \u202e, \xff). Letters, marks,
// digits, punctuation, symbols and spaces (the ideographic space too) are
// kept, so Chinese reads as written. Messages pass through it where they
// are formatted (Text.In, Pos.String, Diagnostic.In), so no caller can
// forget it.
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case !unicode.IsGraphic(r):
			q := strconv.QuoteRune(r) // '\x1b'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsEscape is Escape's fast path: most messages hold nothing to escape.
func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !unicode.IsGraphic(r) {
			return true
		}
		i += size
	}
	return false
}
