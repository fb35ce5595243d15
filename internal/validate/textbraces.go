package validate

import (
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
)

// wordKeys are the keys whose text pages show as written (titles, labels,
// summaries, captions …), in data files and front matter alike.
var wordKeys = map[string]bool{
	"title": true, "short_title": true, "summary": true, "description": true, "label": true,
	"note": true, "name": true, "place": true, "participants": true, "duty": true,
	"alt": true, "caption": true, "credit": true, "copyright": true,
}

// textBraces reports a figure reference written in such text (x points to
// a decoded struct): references are read only in the text of a Markdown
// file, so the page would show the braces.
func (v *validator) textBraces(x any) {
	strictyaml.EachText(x, wordKeys, func(pos diag.Pos, field, text string) {
		if strings.Contains(text, "{{") || strings.Contains(text, "｛｛") {
			v.list.Errorf(pos, field, diag.T("write the figure out here, or move the sentence into the text"),
				"a figure reference {{…}} works only in the text of a Markdown file; here it would show as written")
		}
	})
}

// dataTextBraces runs textBraces over every data file.
func (v *validator) dataTextBraces() {
	v.textBraces(&v.in.Site)
	v.textBraces(&v.in.Campaign)
	v.textBraces(&v.in.Townships)
	for _, a := range v.in.Activities {
		v.textBraces(a)
	}
}
