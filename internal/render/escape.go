package render

import (
	"bytes"
	"strings"
)

// Escaping for the pages jinzhan writes in Go (ownpages.go), byte for byte
// as html/template escapes a string in the same place:
// TestOwnStoryPageIsTheTemplates and FuzzOwnStoryPage render hostile strings
// both ways and require the same bytes.

// htmlSpecials are the bytes html/template replaces in text and in quoted
// attributes. A byte of a multi-byte UTF-8 rune is never one of them, so
// looking at bytes finds what html/template's rune loop finds.
const htmlSpecials = "\x00\"&'+<>"

// writeText writes s escaped for HTML text, a quoted attribute value or
// the text of <title> (html/template's htmlEscaper, attrEscaper and
// rcdataEscaper, which agree for plain strings).
func writeText(b *bytes.Buffer, s string) {
	for {
		i := strings.IndexAny(s, htmlSpecials)
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		b.WriteString(htmlEntity(s[i]))
		s = s[i+1:]
	}
}

func htmlEntity(c byte) string {
	switch c {
	case 0:
		return "\uFFFD"
	case '"':
		return "&#34;"
	case '&':
		return "&amp;"
	case '\'':
		return "&#39;"
	case '+':
		return "&#43;"
	case '<':
		return "&lt;"
	}
	return "&gt;"
}

// writeURL writes s as the start of a URL attribute value (href, src): a
// scheme other than http, https or mailto is replaced by "#ZgotmplZ"
// (html/template's urlFilter), bytes outside a URL's own characters are
// percent-encoded but for escapes already made (urlNormalizer), and the
// result is escaped for the attribute (attrEscaper).
func writeURL(b *bytes.Buffer, s string) {
	if !safeURL(s) {
		s = "#ZgotmplZ"
	}
	const hex = "0123456789abcdef"
	for s != "" {
		i := 0
		for i < len(s) && urlKeeps[s[i]] {
			i++
		}
		b.WriteString(s[:i]) // most of a URL, kept as it is in one write
		if i == len(s) {
			return
		}
		switch c := s[i]; {
		case c == '&' || c == '+':
			b.WriteString(htmlEntity(c))
		case c == '%' && i+2 < len(s) && hexDigit(s[i+1]) && hexDigit(s[i+2]):
			b.WriteByte(c) // an escape already made
		default:
			b.Write([]byte{'%', hex[c>>4], hex[c&15]})
		}
		s = s[i+1:]
	}
}

// urlKeeps marks the bytes writeURL passes over in runs: urlByte's but &
// and +, which it writes as entities ('%' is no urlByte: writeURL keeps it
// only before two hex digits).
var urlKeeps = func() (keeps [256]bool) {
	for c := range 256 {
		keeps[c] = urlByte(byte(c)) && c != '&' && c != '+' && c != '%'
	}
	return keeps
}()

// safeURL reports whether a URL's scheme, if it has one, is http, https
// or mailto.
func safeURL(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

// urlByte reports whether a URL keeps c as it is: letters, digits, and
// the unreserved and reserved characters of RFC 3986 but the quote and
// parentheses (html/template encodes those, and '%' unless it starts an
// escape).
func urlByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0
}

func hexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
