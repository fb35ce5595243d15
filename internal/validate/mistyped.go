package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"golang.org/x/text/width"
)

// mistypedRef reports text that looks like a figure reference but is not
// one, saying what is wrong with it (the braces first, then the name) and
// how it reads when right.
func (v *validator) mistypedRef(d *load.Doc, m *markdown.MistypedRef) {
	inner := strings.TrimSpace(m.Inner)
	meant := meantRef(inner)
	first, _, dotted := strings.Cut(inner, ".")
	var msg diag.Text
	switch {
	case m.Braces == markdown.BracesFullWidth:
		msg = diag.T("a brace is full-width (｛ or ｝): a figure reference is written with half-width braces, {{ }}")
	case m.Braces == markdown.BracesUnclosed:
		msg = diag.T("the reference is not closed: a figure reference ends with }}")
	case m.Braces == markdown.BracesOneOpening:
		msg = diag.T("the reference opens with one brace: a figure reference starts with {{")
	case m.Braces == markdown.BracesExtra:
		msg = diag.T("a brace too many: a figure reference has two braces on each side, {{activity.id}}")
	case inner == "":
		msg = diag.T("the braces hold no reference")
	case strings.ContainsFunc(inner, unicode.IsSpace):
		msg = diag.T("a space inside the reference")
	case strings.ContainsFunc(first, isHan):
		msg = diag.T("%q is not the name of an activity: a reference starts with the name of the activity's file in data/activities/, without .yaml", first)
	case hasNonASCII(inner):
		r, _ := utf8.DecodeRuneInString(inner[strings.IndexFunc(inner, isNonASCII):])
		msg = diag.T("a full-width character “%s” in the reference: a reference is written with half-width letters, digits, . and -", string(r))
	case strings.ContainsFunc(inner, unicode.IsUpper):
		msg = diag.T("capital letters in the reference: references are written in lowercase")
	case !dotted:
		msg = diag.T("only one name: a reference is activity.id, the activity, a dot and the figure")
	default:
		msg = diag.T("this is not a figure reference: write activity.id, the activity, a dot and the figure")
	}
	v.list.Add(diag.Diagnostic{Pos: d.PosAt(m.Offset), Field: clip(m.Written), Message: msg, Hint: v.meantHint(meant)})
}

// meantHint says how to write the reference the editor meant: meant when
// it names a figure, else the nearest references.
func (v *validator) meantHint(meant string) diag.Text {
	if _, ok := v.cat.Figures[meant]; ok {
		return diag.T("write {{%s}}", meant)
	}
	if meant == "" {
		if all := v.refNames().all; len(all) > 0 {
			return diag.T("write the figure's activity.id inside, e.g. {{%s}}", all[0])
		}
		return v.howToWriteRef()
	}
	return v.refHint(meant, "", true)
}

// meantRef is inner as a reference is written: half-width (ｈｅｌｐ．ｐｅｏｐｌｅ,
// help。people), lowercase, without spaces.
func meantRef(inner string) string {
	s := strings.ReplaceAll(width.Fold.String(inner), "。", ".")
	s = strings.Join(strings.Fields(s), "")
	return strings.ToLower(s)
}

func isHan(r rune) bool      { return unicode.Is(unicode.Han, r) }
func isNonASCII(r rune) bool { return r >= utf8.RuneSelf }
func hasNonASCII(s string) bool {
	return strings.ContainsFunc(s, isNonASCII)
}

// clip shortens text quoted in a message to a line's worth.
func clip(text string) string {
	const most = 40
	if utf8.RuneCountInString(text) <= most {
		return text
	}
	return string([]rune(text)[:most]) + "…"
}
