package strictyaml

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// brokenYAML holds an input for every message go-yaml gives for broken
// input, with the place an editor should be sent to: line:col as an
// editor counts them.
var brokenYAML = []struct{ src, at string }{
	{"a: b: c\n", "1:5"},
	{"x: 1\na: \"abc\n", "2:4"},
	{"x: 1\na:\n  - b\n  c: d\n", "4:4"},
	{"x: 1\nmetrics:\n  - id: a\n   label: b\n", "4:4"},
	{"x: 1\n  y: 2\n", "2:4"},
	{"x: 1\ny: @a\n", "2:4"},
	{"x: 1\ny: [a, b\nz: 1\n", "2:8"},
	{"x: 1\ny: {a: b\nz: 1\n", "2:8"},
	{"x: 1\ny: \"a\\qb\"\n", "2:6"},
	{"x: 1\ny: \"a\\uD800b\"\n", "2:11"}, // a lone surrogate
	{"x: 1\ny: \"a\\xZZb\"\n", "2:7"},
	{"x: 1\ny: !<foo\n", "2:6"},
	{"x: 1\ny: !<>\n", "2:5"},
	{"x: 1\ny: !a{ b\n", "2:6"},
	{"x: 1\ny: !a!b c\n", "2:7"},
	{"x: 1\ny: !a% c\n", "2:6"},
	{"x: 1\ny: !a%FF c\n", "2:8"},
	{"x: 1\ny: !a%C3%28 c\n", "2:11"},
	{"%FOO\nx: 1\n", "1:2"},
	{"% x\nx: 1\n", "1:1"},
	{"%YA(ML 1.1\n---\nx: 1\n", "1:4"},
	{"%YAML 1.1\n%YAML 1.1\n---\nx: 1\n", "2:9"},
	{"%YAML 2.0\n---\nx: 1\n", "1:9"},
	{"%YAML x\n---\nx: 1\n", "1:5"},
	{"%YAML 1.11111111111\n---\nx: 1\n", "1:11"},
	{"%YAML 1x1\n---\nx: 1\n", "1:7"},
	{"%TAG !a\n---\nx: 1\n", "1:4"},
	{"%TAG !a!x\n---\nx: 1\n", "1:6"},
	{"%TAG !a! x\n%TAG !a! x\n---\nx: 1\n", "2:10"},
	{"x: 1\ny: |0\n  a\n", "2:5"},
	{"x: 1\ny: |x\n  a\n", "2:5"},
	{"x: 1\ny: [a, b]]\n", "2:10"},
	{"x: 1\ny: \"a\" b\n", "2:8"},
	{"x: 1\ny: a\n- b\n", "3:1"},
	{"x: 1\ny: *\n", "2:4"},
	{"x: 1\ny: - a\n", "2:4"},
	{"x: 1\ny: ? a\n", "2:4"},
	{"x: 1\ny: \"a\n---\nb\"\n", "3:3"},
	{"x: 1\ny: &a b\nz: *c\n", "3:5"},
	{"x: 1\n...\nz: 2\n", "3:1"}, // go-yaml would drop z quietly
	{"x: 1\ny: " + strings.Repeat("[", 10001) + "\n", "2:10004"},
	{"x: 1\ny: [[[\n", "2:4"},
	{"x: 1\ny: \xff\n", "2:4"},
	{"x: 1\ny: a\xc3(\n", "2:6"},
	{"x: 1\ny: a\xc3", "2:5"},
	{"x: 1\ny: a\xed\xa0\x80\n", "2:7"},
	{"title: x\nsource paper\nmetrics:\n  - id: a\n", "2:1"},
}

// unreachable lists go-yaml's messages that no input of ours reaches,
// each with the reason.
var unreachable = map[string]string{
	"control characters are not allowed":                           "CheckInvisible refuses them first, with their column",
	"found a tab character that violates indentation":              "tabIndent refuses a tab in the indentation first",
	"found a tab character where an indentation space is expected": "tabIndent refuses a tab in the indentation first",
	"document contains excessive aliasing":                         "only decoding into Go values expands aliases; the node tree does not",
	"invalid length of a UTF-8 sequence":                           "go-yaml's reader reports the leading octet first",
}

func TestEverySyntaxErrorHasItsPlaceAndWords(t *testing.T) {
	reached := map[string]bool{}
	for _, c := range brokenYAML {
		msg := streamProblem([]byte(c.src))
		reached[msg] = true
		if msg == "" {
			t.Errorf("%q reads without error", c.src)
			continue
		}
		if problemFor(msg).message.Format == unknownProblem.message.Format {
			t.Errorf("go-yaml's %q has no words of ours", msg)
		}
		var list diag.List
		Parse("f.yaml", []byte(c.src), &list)
		problems := list.Sorted()
		if len(problems) != 1 {
			t.Errorf("%q: want one problem, got %v", c.src, problems)
			continue
		}
		d := problems[0]
		if at := fmt.Sprintf("%d:%d", d.Pos.Line, d.Pos.Col); at != c.at {
			t.Errorf("%q (%s): at %s, want %s", c.src, msg, at, c.at)
		}
		for _, lang := range []string{"en", "zh-CN"} {
			if out := d.In(lang); strings.Contains(out, msg) || strings.Contains(out, "%!") {
				t.Errorf("%q in %s: %s", c.src, lang, out)
			}
		}
	}
	for msg := range yamlProblems {
		if !reached[msg] && unreachable[msg] == "" {
			t.Errorf("no input in brokenYAML gives %q", msg)
		}
	}
}

func TestUnknownYAMLErrorIsNotShownInEnglish(t *testing.T) {
	p := problemFor("some message a later go-yaml adds")
	if p.message.Format != unknownProblem.message.Format {
		t.Fatal("an unknown message must get the generic words")
	}
	if zh := diag.T("YAML syntax error: %s", p.message).In("zh-CN"); zh != "YAML 格式错误：这里不是有效的 YAML" {
		t.Errorf("zh-CN: %s", zh)
	}
}

// BenchmarkLocateLargestFile finds a syntax error at the end of a file of
// the largest size searched, behind a list that opens at its first line:
// the most parses locate ever makes.
func BenchmarkLocateLargestFile(b *testing.B) {
	item := "  - id: people\n    label: 参与干部\n    value: 12\n"
	src := "metrics:\n" + strings.Repeat(item, (maxLocate-100)/len(item)) + "   unit: 个\n"
	for b.Loop() {
		var list diag.List
		Parse("f.yaml", []byte(src), &list)
		if list.Len() != 1 {
			b.Fatal(list.Sorted())
		}
	}
}
