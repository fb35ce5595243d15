package strictyaml

import (
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// A full-width look-alike of YAML punctuation is named, at its own place,
// when it is what go-yaml fails on; one that belongs to the text is not
// blamed for another mistake.
func TestFullWidthLookalikes(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"title: x\nmetrics:\n  - id: a\n    value：832\n    unit: 个\n", "f.yaml:4:10: line 4, column 10 is a full-width colon “：”"},
		{"title：x\nsource: a\n", "f.yaml:1:6: line 1, column 6 is a full-width colon “：”"},
		{"x: 1\nmetrics：\n  - a\n", "f.yaml:2:8: line 2, column 8 is a full-width colon “：”"},
		{"x:\n  - id: a\n    v: 1\n  － id: b\n    v: 2\n", "f.yaml:4:3: line 4, column 3 is a full-width dash “－”"},
		{"p:\n  - {date: 2012，value: 9899}\n", "f.yaml:2:16: line 2, column 16 is a full-width comma “，”"},
		{"p:\n  - ｛date: 2012, value: 9899｝\n", "f.yaml:2:5: line 2, column 5 is a full-width brace “｛”"},
		{"p: [a, b］\nq: 1\n", "f.yaml:1:9: line 1, column 9 is a full-width bracket “］”"},
		// The text's own colon is not the mistake: ": " after 但是 is.
		{"x: 1\nlabel: 比例：10% 但是: 不行\n", "f.yaml:2:17: YAML syntax error: a colon where none can be"},
	} {
		var list diag.List
		Parse("f.yaml", []byte(c.src), &list)
		if got := list.Sorted(); len(got) != 1 || !strings.HasPrefix(got[0].Error(), c.want) {
			t.Errorf("%q:\ngot  %v\nwant %s", c.src, got, c.want)
		}
	}
}

// Decoded, a full-width colon inside a flow mapping's key and full-width
// brackets around a list are named too; a number split by a thousands
// comma is reported once.
func TestLookalikesAndCommasInDecodedValues(t *testing.T) {
	var v struct {
		Points []struct {
			Meta
			Date  string `yaml:"date" jz:"required"`
			Value int    `yaml:"value"`
		} `yaml:"points"`
		List []string `yaml:"list"`
	}
	src := "points:\n  - {date：2016, value: 249}\n  - {date: 2012, value: 9,899,000}\nlist: ［a, b］\n"
	var list diag.List
	Decode("f.yaml", []byte(src), &v, &list)
	var got []string
	for _, d := range list.Sorted() {
		got = append(got, d.Error())
	}
	want := []string{
		"f.yaml:2:10: points[0]: line 2, column 10 is a full-width colon “：”\n\thint: change it to a half-width colon followed by a space (: )",
		"f.yaml:3:25: points[1].value: the comma in 9,899,000 splits the number: YAML reads 9 and, after the comma, a key \"899\"\n\thint: write numbers without commas: 9899000",
		"f.yaml:4:7: list: line 4, column 7 is a full-width bracket “［”\n\thint: change it to a half-width bracket ([ or ])",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
