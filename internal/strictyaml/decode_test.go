package strictyaml

import (
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

type item struct {
	Meta
	ID    string   `yaml:"id" jz:"required"`
	Count int      `yaml:"count"`
	Tags  []string `yaml:"tags"`
	On    bool     `yaml:"on"`
}

type doc struct {
	Meta
	Title string `yaml:"title" jz:"required"`
	Items []item `yaml:"items"`
}

func decode(t *testing.T, src string) (doc, []string) {
	t.Helper()
	var d doc
	var list diag.List
	Decode("x.yaml", []byte(src), &d, &list)
	var msgs []string
	for _, p := range list.Sorted() {
		msgs = append(msgs, p.Error())
	}
	return d, msgs
}

func TestDecodeReportsEveryProblemWithPosition(t *testing.T) {
	_, msgs := decode(t, `title: t
titel: x
items:
  - id: a
    count: many
    tags: one
  - count: 2
    on: yes please
  - id: b
    id: c
`)
	want := []string{
		`x.yaml:2:1: titel: unknown key "titel"` + "\n\thint: did you mean title?",
		`x.yaml:5:12: items[0].count: want a whole number, got "many"`,
		`x.yaml:6:11: items[0].tags: want a list, got "one"`,
		`x.yaml:7:5: items[1].id: required field is missing`,
		`x.yaml:8:9: items[1].on: want true or false, got "yes please"`,
		`x.yaml:10:5: items[2].id: key "id" is written twice (first at line 9)`,
	}
	got := strings.Join(msgs, "\n")
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
}

func TestDecodeFillsValuesAndPositions(t *testing.T) {
	d, msgs := decode(t, "title: 标题\nitems:\n  - id: a\n    count: 3\n    tags: [x, y]\n")
	if len(msgs) > 0 {
		t.Fatal(msgs)
	}
	if d.Title != "标题" || d.Items[0].Count != 3 || len(d.Items[0].Tags) != 2 {
		t.Errorf("decoded %+v", d)
	}
	if p := d.Items[0].At("count"); p.Line != 4 || p.Col != 12 {
		t.Errorf("count at %v", p)
	}
}

func TestDecodeRefusesAliasesAndBadSyntax(t *testing.T) {
	_, msgs := decode(t, "title: &a x\nitems: *a\n")
	if len(msgs) == 0 || !strings.Contains(msgs[0], "anchors and aliases are not supported") {
		t.Errorf("aliases: %v", msgs)
	}
	_, msgs = decode(t, "title: x\n  items: [\n")
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0], "x.yaml:") || !strings.Contains(msgs[0], "YAML syntax error") {
		t.Errorf("syntax: %v", msgs)
	}
	_, msgs = decode(t, "")
	if len(msgs) != 1 || !strings.Contains(msgs[0], "the file is empty") {
		t.Errorf("empty: %v", msgs)
	}
}

func TestDecodeRefusesLocalTags(t *testing.T) {
	d, msgs := decode(t, "title: !important 标题\nitems:\n  - id: !a\n")
	want := []string{
		`x.yaml:1:8: title: text that starts with ! is read as a YAML tag` + "\n\thint: put the text in quotes",
		`x.yaml:3:9: items[0].id: text that starts with ! is read as a YAML tag` + "\n\thint: put the text in quotes",
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") || d.Title != "" {
		t.Errorf("got %q (title %q)", msgs, d.Title)
	}
}

func TestDecodeAtCountsTheFilesLines(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"title: t\nitems:\n  - id: a\n    id: b\n", `x.md:13:5: items[0].id: key "id" is written twice (first at line 12)`},
		{"title: t\n\tx: 1\n", "x.md:11:1: a tab is used for indentation"},
		{"title: [t\n", "x.md:10:9: YAML syntax error"},
		{"title: t\n---\ntitle: u\n", "x.md:11: the file holds more than one YAML document"},
	} {
		var d doc
		var list diag.List
		DecodeAt("x.md", 10, []byte(c.src), &d, &list)
		if got := list.Sorted(); len(got) != 1 || !strings.HasPrefix(got[0].Error(), c.want) {
			t.Errorf("DecodeAt(%q) = %v, want one problem starting %q", c.src, got, c.want)
		}
	}
	var d doc
	var list diag.List
	DecodeAt("x.md", 10, []byte("title: t\nitems:\n  - id: a\n"), &d, &list)
	if pos := d.Items[0].At("id"); pos != (diag.Pos{File: "x.md", Line: 12, Col: 9}) {
		t.Errorf("items[0].id at %v, want x.md:12:9", pos)
	}
}
