package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// The overlay shows the line a problem points at as an editor counts it
// (a lone CR ends a line) and escaped like the message: the character
// marked may be the invisible one the message is about.
func TestOverlayShowsTheReportedLineEscaped(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "site.yaml"), []byte("title: a\rbase_url: x\r\nlanguage: \x1b[2Ken\u202e\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := diag.Diagnostic{
		Pos:     diag.Pos{File: "site.yaml", Line: 3, Col: 11},
		Field:   "\x1b]0;x",
		Message: diag.T("an invisible character, %s, is in the text", "U+001B"),
	}
	v := views(root, []diag.Diagnostic{d}, "en")[0]
	if !v.HasLine || v.Before != "language: " || v.At != `\x1b` || v.After != `[2Ken\u202e` {
		t.Errorf("line shown: %+v", v)
	}
	if v.Message != `\x1b]0;x: an invisible character, U+001B, is in the text` {
		t.Errorf("message: %s", v.Message)
	}
	if page := string(overlay(root, []diag.Diagnostic{d}, "en")); strings.ContainsAny(page, "\x1b\u202e") {
		t.Errorf("the overlay holds a control character")
	}
}
