package diag

import (
	"strings"
	"testing"
)

func TestEscapeShowsInvisibleCharacters(t *testing.T) {
	for in, want := range map[string]string{
		"决胜小康　决战脱贫":         "决胜小康　决战脱贫", // the ideographic space is text
		"title":             "title",
		"\x1b]0;pwned\x07x": `\x1b]0;pwned\ax`,
		"\x1b[2Kgone":       `\x1b[2Kgone`,
		"a\rb":              `a\rb`,
		"a\x00b":            `a\x00b`,
		"a\x7fb":            `a\x7fb`,
		"a\u0085b":          `a\u0085b`,
		"a\u009bb":          `a\u009bb`, // C1 CSI: a terminal reads it as ESC [
		"a\u2028b\u2029c":   `a\u2028b\u2029c`,
		"abc\u202edcba":     `abc\u202edcba`,
		"a\u2066b\u2069":    `a\u2066b\u2069`,
		"a\u200bb":          `a\u200bb`,
		"a\ufffeb\uffff":    `a\ufffeb\uffff`,
		"a\ufdd0b":          `a\ufdd0b`,
		"a\xed\xa0\x80b":    `a\xed\xa0\x80b`, // a lone surrogate, as UTF-8 bytes
		"a\xffb":            `a\xffb`,
		"tab\there":         `tab\there`,
		"line\nbreak":       `line\nbreak`,
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %s, want %s", in, got, want)
		}
	}
}

// hostile holds every kind of invisible character a message must not carry.
const hostile = "\x1b]0;pwned\x07\x1b[2K\r\x00\u0085\u009b\u2028\u2029\u202e\ufeff"

// visible reports the first character of s that a terminal would not show as text.
func visible(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || strings.ContainsRune("\u2028\u2029\u202e\ufeff", r) {
			t.Errorf("%s holds %U: %q", what, r, s)
			return
		}
	}
}

func TestMessagesCarryNoControlCharacters(t *testing.T) {
	d := Diagnostic{
		Pos:     Pos{File: "content/stories/" + hostile + ".md", Line: 3, Col: 1},
		Field:   "metrics[0]." + hostile,
		Message: T("unknown key %q, not %s, not %v", hostile, hostile, T("%s", hostile)),
		Hint:    T("did you mean %s?", hostile),
	}
	for _, lang := range []string{"en", "zh-CN"} {
		out := d.In(lang)
		// The hint goes on the next line, indented: the one newline and tab a message may hold.
		for _, line := range strings.Split(strings.Replace(out, "\n\t", "\n", 1), "\n") {
			visible(t, lang, line)
		}
		visible(t, "summary", d.Summary(lang))
		visible(t, "list", strings.ReplaceAll(strings.ReplaceAll((&ListError{Items: []Diagnostic{d}}).In(lang), "\n\t", ""), "\n", ""))
	}
	visible(t, "position", Pos{File: hostile}.String())
	if got := d.Pos.String(); got != `content/stories/\x1b]0;pwned\a\x1b[2K\r\x00\u0085\u009b\u2028\u2029\u202e\ufeff.md:3:1` {
		t.Errorf("position: %s", got)
	}
}
