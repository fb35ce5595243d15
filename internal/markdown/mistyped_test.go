package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// mistypedIn parses src and lists its MistypedRefs as offset:written|inner|fault.
func mistypedIn(src string) string {
	doc := New().Parser().Parse(text.NewReader([]byte(src)))
	var out []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if m, ok := n.(*MistypedRef); ok && entering {
			out = append(out, fmt.Sprintf("%d:%s|%s|%d", m.Offset, m.Written, m.Inner, m.Braces))
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(out, " ")
}

func TestMistypedReferences(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"{{income-2020}}", "0:{{income-2020}}|income-2020|0"},
		{"收入{{Income.income-2020}}元", "6:{{Income.income-2020}}|Income.income-2020|0"},
		{"{{poverty.income-2020}。", "0:{{poverty.income-2020}|poverty.income-2020|2"},
		{"{{poverty.income-2020 元", "0:{{poverty.income-2020|poverty.income-2020|2"},
		{"a {{ 收入 }} b", "2:{{ 收入 }}| 收入 |0"},
		{"｛｛help.people｝｝", "0:｛｛help.people｝｝|help.people|1"},
		{"｛{help.people}}", "0:｛{help.people}}|help.people|1"},
		{"{help.people}}", "0:{help.people}}|help.people|3"},
		{"{{{help.people}}}", "0:{{{help.people}}}|help.people|4"},
		{"x{{help.people}}}", "1:{{help.people}}}|help.people|4"},
		{"{{", "0:{{||2"},
		{"{{}}", "0:{{}}||0"},
		{"{{" + strings.Repeat("a", 80) + " b}}", "0:{{" + strings.Repeat("a", 80) + "|" + strings.Repeat("a", 80) + "|2"},
		// Not references: braces in other text, escapes, code.
		{"{a, b} {x}", ""},
		{"\\{{a.b}} \\{\\{a.b}}", ""},
		{"`{{a}}` and\n\n```\n{{b}}\n```\n\n    {{c}}", ""},
		{"{{help.people}}", ""},
	} {
		if got := mistypedIn(c.src); got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
}
