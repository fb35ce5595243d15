package markdown

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/tools/txtar"
)

// FuzzMarkdown parses and renders any Markdown with the figure reference
// and chart block extensions: nothing panics, and no script, event handler
// or javascript: link from the input reaches the HTML (raw HTML is off).
//
//	go test -run '^$' -fuzz FuzzMarkdown -fuzztime 60s ./internal/markdown
func FuzzMarkdown(f *testing.F) {
	for _, pattern := range []string{"../../content/*.md", "../../content/*/*.md"} {
		names, _ := filepath.Glob(pattern)
		for _, name := range names {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
	cases, _ := filepath.Glob("testdata/*.txtar")
	for _, name := range cases {
		if a, err := txtar.ParseFile(name); err == nil {
			for _, file := range a.Files {
				if file.Name == "input.md" {
					f.Add(file.Data)
				}
			}
		}
	}
	for _, s := range []string{
		"<script>alert(1)</script>",
		"<SCRIPT src=x></SCRIPT>\n\n<img src=x onerror=alert(1)>",
		"[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) <javascript:alert(1)> ![c](vbscript:x)",
		"[a](<\x01javascript:alert(1)>) [b](&#106;avascript:alert(1)) [c][r]\n\n[r]: javascript:alert(1)",
		"{{volunteer.projects}}{{ volunteer.jobs }}{{a.b.c}}{{x}}{{<script>}}",
		"```chart\ntype: bar\n<script>alert(1)</script>\n```\n",
		"> ```chart\n> type: pie\n\n- ```chart\n  ```\n",
		"| a | b |\n|---|---|\n| <script> | [x](javascript:y) |\n",
		"脚注[^1]\n\n[^1]: <script>x</script> [a](javascript:b)\n",
		"# 标题 <script>\n\n- [ ] task <b onclick=x>\n",
	} {
		f.Add([]byte(s))
	}
	write := func(w util.BufWriter, c any, _ int) error {
		// The theme's chart partial escapes everything it prints.
		_, _ = w.WriteString(`<div class="chart">`)
		_, err := w.Write(util.EscapeHTML(c.(*ChartBlock).YAML))
		_, _ = w.WriteString(`</div>`)
		return err
	}
	md := New()
	f.Fuzz(func(t *testing.T, src []byte) {
		if !utf8.Valid(src) {
			// The loader refuses files that are not UTF-8 before parsing;
			// goldmark v1.8.7's CJK extension panics on some such bytes
			// (testdata/fuzz/FuzzMarkdown/590ebd9e82a90ffd).
			t.Skip("not UTF-8: refused by the loader")
		}
		doc := md.Parser().Parse(text.NewReader(src))
		resolved := resolveForTest(doc)
		out := renderBothWays(t, md, src, doc, resolved, write)
		if problem := unsafeHTML(out); problem != "" {
			t.Fatalf("%s in\n%s", problem, out)
		}
	})
}

var (
	tagPattern  = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>"]+(?:="[^"]*")?)*)\s*/?>`)
	attrPattern = regexp.MustCompile(`\s+([^\s=>"]+)(?:="([^"]*)")?`)
	tableAlign  = regexp.MustCompile(`^text-align:(left|right|center)$`)
	// what goldmark with GFM, footnotes and the extensions writes
	safeTags = map[string]bool{
		"p": true, "a": true, "em": true, "strong": true, "code": true, "pre": true, "blockquote": true,
		"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "ul": true, "ol": true, "li": true,
		"hr": true, "br": true, "img": true, "del": true, "input": true, "sup": true, "section": true, "div": true,
		"span": true, "data": true, "table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	}
	safeAttrs = map[string]bool{
		"href": true, "src": true, "alt": true, "title": true, "id": true, "class": true, "value": true,
		"checked": true, "disabled": true, "type": true, "start": true, "align": true, "role": true,
	}
)

// unsafeHTML names the first thing in out that could run script, or "".
func unsafeHTML(out string) string {
	if strings.Contains(strings.ToLower(out), "<script") {
		return "a <script> element"
	}
	rest := strings.ReplaceAll(out, "<!-- raw HTML omitted -->", "")
	for _, m := range tagPattern.FindAllStringSubmatch(rest, -1) {
		if !safeTags[strings.ToLower(m[2])] {
			return "element <" + m[2] + ">"
		}
		for _, a := range attrPattern.FindAllStringSubmatch(m[3], -1) {
			name := strings.ToLower(a[1])
			if name == "style" && tableAlign.MatchString(a[2]) {
				continue // GFM table cells
			}
			if !safeAttrs[name] {
				return "attribute " + name
			}
			if (name == "href" || name == "src") && dangerousURL(a[2]) {
				return name + "=" + a[2]
			}
		}
	}
	// Every < left must be escaped text, never a tag the pattern missed.
	if n := strings.Count(rest, "<") - len(tagPattern.FindAllString(rest, -1)); n != 0 {
		return "a < that is neither escaped nor a known tag"
	}
	return ""
}

// dangerousURL reads a URL the way a browser does (entities decoded,
// leading controls and spaces dropped, tabs and newlines removed).
func dangerousURL(attr string) bool {
	u := html.UnescapeString(attr)
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	u = strings.ToLower(u)
	return strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:")
}

// TestUnsafeHTMLCatches keeps the fuzz property honest.
func TestUnsafeHTMLCatches(t *testing.T) {
	for _, bad := range []string{
		`<p><SCRIPT>x</SCRIPT></p>`,
		`<p><img src="x" onerror="alert(1)"></p>`,
		`<p><a href=" &#x6A;avascript:alert(1)">a</a></p>`,
		`<p><a href="java&#x09;script:x">a</a></p>`,
		`<iframe src="x"></iframe>`,
		`<p><a href="x" <b>a</a></p>`,
	} {
		if unsafeHTML(bad) == "" {
			t.Errorf("unsafeHTML(%q) found nothing", bad)
		}
	}
	if p := unsafeHTML("<p>a &lt;script&gt; <a href=\"https://x.org/?a=1&amp;b=2\" title=\"t\">b</a></p>\n<!-- raw HTML omitted -->"); p != "" {
		t.Errorf("safe HTML refused: %s", p)
	}
}
