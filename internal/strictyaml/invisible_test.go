package strictyaml

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

func TestInvisible(t *testing.T) {
	for _, r := range []rune{0, 0x07, 0x0d, 0x1b, 0x7f, 0x80, 0x85, 0x9b, 0x9f, 0x2028, 0x2029, 0x202a, 0x202e, 0x2066, 0x2069, 0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x10ffff} {
		if !Invisible(r) {
			t.Errorf("%U is not refused", r)
		}
	}
	for _, r := range []rune{'\t', '\n', ' ', 'a', 0xa0, 0x3000, '决', 0x200d, 0xfeff, 0xfffd, 0x1f600} {
		if Invisible(r) {
			t.Errorf("%U is refused", r)
		}
	}
}

func TestNextToCleanFindsInvisibleCharactersAndLoneCRs(t *testing.T) {
	for text, want := range map[string]int{
		"a\r\nb\r\n": -1,
		"a\rb":       1,
		"a\r":        1,
		"决\u2028":    3,
		"\xffa\x1b":  2, // a byte that is not UTF-8 is the encoding check's
	} {
		if got := nextToClean([]byte(text), 0); got != want {
			t.Errorf("nextToClean(%q) = %d, want %d", text, got, want)
		}
	}
}

// nextToCleanByDecoding is nextToClean decoding every character: what
// passing over the bytes no invisible character starts with must agree with.
func nextToCleanByDecoding(text []byte, from int) int {
	for i := from; i < len(text); {
		if text[i] == '\r' {
			if i+1 < len(text) && text[i+1] == '\n' {
				i += 2
				continue
			}
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

func TestNextToCleanAgreesWithDecodingEveryCharacter(t *testing.T) {
	var pieces []string // each invisible character and its neighbours, cut and whole
	for _, r := range []rune{0x1b, 0x7f, 0x80, 0x9f, 0xa0, 0x2027, 0x2028, 0x202e, 0x202f, 0x2065, 0x2066, 0x2069, 0x206a,
		0xfdcf, 0xfdd0, 0xfdef, 0xfdf0, 0xfffd, 0xfffe, 0xffff, 0x1fffd, 0x1fffe, 0x10ffff, '决', '“', 'a', '\t', '\n'} {
		s := string(r)
		for cut := 1; cut <= len(s); cut++ {
			pieces = append(pieces, s[:cut])
		}
	}
	pieces = append(pieces, "\r", "\r\n", "\xff", "\xc0", "\xbf")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b []byte
		for range rng.IntN(6) + 1 {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		for from := range len(b) + 1 {
			if got, want := nextToClean(b, from), nextToCleanByDecoding(b, from); got != want {
				t.Fatalf("nextToClean(%q, %d) = %d, decoding every character: %d", b, from, got, want)
			}
		}
	}
}

func TestLineEnds(t *testing.T) {
	for in, want := range map[string]string{"": "", "a\r\nb": "a\r\nb", "a\rb\r": "a\nb\n", "a\r\r\nb": "a\n\r\nb"} {
		if got := string(LineEnds([]byte(in))); got != want {
			t.Errorf("LineEnds(%q) = %q, want %q", in, got, want)
		}
	}
}

func parseProblems(t *testing.T, src string) []string {
	t.Helper()
	var list diag.List
	var d doc
	Decode("x.yaml", []byte(src), &d, &list)
	var out []string
	for _, p := range list.Sorted() {
		out = append(out, p.In("en"))
	}
	return out
}

func TestRawInvisibleCharactersAreReportedWhereTheyStand(t *testing.T) {
	got := parseProblems(t, "title: 决胜\x1b]0;x\x07小康\nitems:\n  - id: a\u202eb\n    count: 1\r\n")
	want := []string{
		`x.yaml:1:10: an invisible character, U+001B, is in the text` + "\n\t" + `hint: delete the character at column 10, just after "title: 决胜"; most editors do not show it`,
		`x.yaml:1:15: an invisible character, U+0007, is in the text` + "\n\t" + `hint: delete the character at column 15, just after " 决胜\x1b]0;x"; most editors do not show it`,
		`x.yaml:3:10: an invisible character, U+202E, is in the text` + "\n\t" + `hint: delete the character at column 10, just after "- id: a"; most editors do not show it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A line or paragraph separator or a next-line control is a line break
// to YAML but not to editors: each is reported, and a later problem is
// still reported at the line an editor shows.
func TestLineBreaksOnlyYAMLSeesDoNotShiftLaterLines(t *testing.T) {
	for _, sep := range []string{"\u2028", "\u2029", "\u0085"} {
		got := parseProblems(t, "title: a"+sep+"b\nitems:\n  - id: a\n    count: many\n  - id: [x\n")
		if len(got) != 2 ||
			!strings.HasPrefix(got[0], "x.yaml:1:9: an invisible character") ||
			!strings.HasPrefix(got[1], "x.yaml:5:10: YAML syntax error: a list in [ ] is not closed") {
			t.Errorf("%q: %q", sep, got)
		}
		got = parseProblems(t, "title: a"+sep+"b\nitems:\n  - id: a\n    count: many\n")
		if len(got) != 2 || !strings.HasPrefix(got[1], `x.yaml:4:12: items[0].count: want a whole number, got "many"`) {
			t.Errorf("%q: %q", sep, got)
		}
	}
}

// A lone carriage return ends a line to YAML and to editors alike: lines
// are counted with it, in a file of old Mac line ends as in one that
// mixes them, and an invisible character after it is placed on its line.
func TestLoneCarriageReturnsEndLines(t *testing.T) {
	got := parseProblems(t, "title: a\ritems:\r\n  - id: a\r    count: many\n    on: \x1bx\r")
	want := []string{
		"x.yaml:4:12: items[0].count: want a whole number, got \"many\"\n\thint: write digits only, without quotes or a decimal point, e.g. 10",
		"x.yaml:5:9: an invisible character, U+001B, is in the text\n\thint: delete the character at column 9, just after \"on: \"; most editors do not show it",
		"x.yaml:5:10: items[0].on: want true or false, got \"x\"\n\thint: write true or false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s", strings.Join(got, "\n"))
	}
}

func TestEscapedInvisibleCharactersAreRefused(t *testing.T) {
	got := parseProblems(t, "title: \"决胜\\e[2K小康\"\nitems:\n  - id: \"a\\u2028b\"\n  - id: \"a\\rb\"\n  - id: \"a\\uFFFEb\"\n  - id: \"a\\N\"\n  - id: \"a\\tb\\nc\"\n")
	want := []string{
		`x.yaml:1:8: title: an invisible character, U+001B, is in the text` + "\n\t" + `hint: remove the backslash escape that writes it (such as \x1b) from the text in quotes`,
		`x.yaml:3:9: items[0].id: an invisible character, U+2028, is in the text` + "\n\t" + `hint: remove the backslash escape that writes it (such as \u2028) from the text in quotes`,
		`x.yaml:4:9: items[1].id: an invisible character, U+000D, is in the text` + "\n\t" + `hint: remove the backslash escape that writes it (such as \x0d) from the text in quotes`,
		`x.yaml:5:9: items[2].id: an invisible character, U+FFFE, is in the text` + "\n\t" + `hint: remove the backslash escape that writes it (such as \ufffe) from the text in quotes`,
		`x.yaml:6:9: items[3].id: an invisible character, U+0085, is in the text` + "\n\t" + `hint: remove the backslash escape that writes it (such as \x85) from the text in quotes`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestManyInvisibleCharactersAreCounted(t *testing.T) {
	got := parseProblems(t, "title: t"+strings.Repeat("\u2066\u202e", 6)+"\n")
	if len(got) != maxInvisibleReported+1 || got[maxInvisibleReported] != "x.yaml:1:19: 2 more invisible characters follow\n\thint: delete them as well; most editors do not show them" {
		t.Errorf("%d problems, last %q", len(got), got[len(got)-1])
	}
}

// BenchmarkCleanText cleans a file of the largest size holding an
// invisible character and a lone CR on each line.
func BenchmarkCleanText(b *testing.B) {
	src := []byte(strings.Repeat("label: 参与\u2028干部\r", (4<<20)/24))
	for b.Loop() {
		var list diag.List
		CleanText("x.yaml", src, 1, &list)
	}
}
