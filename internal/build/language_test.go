package build_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// chineseRune reports a Han character or a full-width punctuation mark
// (、。《》 in CJK Symbols and Punctuation, ：，；（） in Halfwidth and
// Fullwidth Forms): what an English page must not show.
func chineseRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// chineseIn returns the first run of text around a Chinese character in s, or "".
func chineseIn(s string) string {
	i := strings.IndexFunc(s, chineseRune)
	if i < 0 {
		return ""
	}
	runes := []rune(s[max(0, i-40):])
	return string(runes[:min(len(runes), 60)])
}

// shownAttrs are the attributes a reader sees or hears.
var shownAttrs = []string{"title", "alt", "placeholder", "aria-label", "content", "data-unavailable", "data-none", "data-count", "data-busy"}

// pageTexts returns what an HTML page shows — text, shown attributes —
// and, apart, the chart options it carries (every JSON string in them).
// A <data> element's value is for machines (9600000 人) and is left out.
func pageTexts(t *testing.T, doc string) (shown, options []string) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode && n.Parent != nil && n.Parent.Data == "script":
			if slices.ContainsFunc(n.Parent.Attr, func(a html.Attribute) bool { return a.Key == "type" && a.Val == "application/json" }) {
				options = append(options, jsonStrings(t, []byte(n.Data), nil)...)
			}
		case n.Type == html.TextNode && (n.Parent == nil || n.Parent.Data != "style"):
			shown = append(shown, n.Data)
		case n.Type == html.ElementNode:
			for _, a := range n.Attr {
				if slices.Contains(shownAttrs, a.Key) {
					shown = append(shown, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return shown, options
}

// feedTexts returns what an Atom feed shows: its text, with each entry's
// HTML content read as a page.
func feedTexts(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.CharData:
			shown, _ := pageTexts(t, string(tok))
			out = append(out, shown...)
		case xml.StartElement:
			for _, a := range tok.Attr {
				if a.Name.Local == "title" {
					out = append(out, a.Value)
				}
			}
		}
	}
}

// jsonStrings lists every string of a JSON document but the values of the
// keys in skip.
func jsonStrings(t *testing.T, data []byte, skip []string) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for k, x := range v {
				if !slices.Contains(skip, k) {
					walk(x)
				}
			}
		}
	}
	walk(v)
	return out
}

// csvStrings lists every cell of a CSV file but those of the columns in skip.
func csvStrings(t *testing.T, data []byte, skip []string) []string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, row := range rows[1:] {
		for i, cell := range row {
			if !slices.Contains(skip, rows[0][i]) {
				out = append(out, cell)
			}
		}
	}
	return append(out, rows[0]...)
}

// siteFiles calls fn with every published file's path (relative, with
// slashes) and bytes, but the theme's assets.
func siteFiles(t *testing.T, public string, fn func(rel string, data []byte)) {
	t.Helper()
	err := filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "assets/") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fn(rel, data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
