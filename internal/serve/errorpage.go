package serve

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
)

// problemView is one problem as the error overlay shows it.
type problemView struct {
	Where    string
	Warning  bool
	Message  string
	Hint     string
	Line     int
	Before   string // the source line up to the column
	At       string // the character at the column
	After    string
	HasLine  bool
	HintWord string
}

// sourceLines reads the lines the problems point at, through the site's
// root: a link out of the site, a pipe or an endless file shows no line
// rather than its bytes or a hung preview.
type sourceLines struct {
	site  *sitefs.FS
	files map[string][]byte
}

// line returns line n (1-based) of file.
func (s *sourceLines) line(file string, n int) (string, bool) {
	if s.site == nil {
		return "", false
	}
	data, ok := s.files[file]
	if !ok {
		data, _ = sitefs.ReadFile(s.site, file, load.MaxFileSize)
		data = strictyaml.LineEnds(data) // a lone CR ends a line, as the build counts
		s.files[file] = data
	}
	for i := 1; len(data) > 0; i++ {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		if i == n {
			return strings.TrimSuffix(string(line), "\r"), true
		}
		data = rest
	}
	return "", false
}

// shownAround is how many characters of a source line the problem page
// shows on each side of the column.
const shownAround = 120

// views prepares the problems for display, with their source lines.
func views(root string, problems []diag.Diagnostic, lang string) []problemView {
	src := &sourceLines{files: map[string][]byte{}}
	if site, err := sitefs.Open(root); err == nil {
		defer site.Close()
		src.site = site
	}
	out := make([]problemView, 0, len(problems))
	for _, d := range problems {
		v := problemView{Where: d.Pos.String(), Warning: d.Severity == diag.Warning, Message: d.Summary(lang), Hint: d.Hint.In(lang), Line: d.Pos.Line, HintWord: diag.T("hint: ").In(lang)}
		if d.Pos.Line > 0 {
			if line, ok := src.line(d.Pos.File, d.Pos.Line); ok {
				runes := []rune(line)
				col := min(max(d.Pos.Col, 1), len(runes)+1) - 1
				// The line is shown as escaped as the message: the character
				// marked may be the invisible one the message is about.
				v.HasLine = true
				before, after := runes[:col], []rune(nil)
				if col < len(runes) {
					v.At, after = diag.Escape(string(runes[col])), runes[col+1:]
				} else {
					v.At = " "
				}
				// A line of a generated or pasted file can be a megabyte long:
				// the panel shows the part around the column.
				if len(before) > shownAround {
					before = append([]rune("…"), before[len(before)-shownAround:]...)
				}
				if len(after) > shownAround {
					after = append(after[:shownAround:shownAround], '…')
				}
				v.Before, v.After = diag.Escape(string(before)), diag.Escape(string(after))
			}
		}
		out = append(out, v)
	}
	return out
}

// overlayTemplate is shown over the last good page while the input is
// broken; every string in it is escaped by html/template.
var overlayTemplate = template.Must(template.New("overlay").Parse(`<div id="jinzhan-problems" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(255,255,255,.97);color:#1f1f1f;font:16px/1.6 system-ui,-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;padding:24px">
<div style="max-width:56rem;margin:0 auto">
<h1 style="font-size:1.4rem;color:#b3261e;margin:0 0 .5rem">{{.Title}}</h1>
<p style="margin:0 0 1.5rem;color:#3d3d3d">{{.Lead}}</p>
{{range .Problems}}<section style="border-left:4px solid {{if .Warning}}#8a6d00{{else}}#b3261e{{end}};padding:.25rem 0 .25rem 1rem;margin:0 0 1.25rem">
<p style="margin:0;font-family:ui-monospace,monospace;font-size:.9rem;color:#3d3d3d">{{.Where}}</p>
<p style="margin:.25rem 0;font-weight:700">{{.Message}}</p>
{{if .HasLine}}<pre style="margin:.5rem 0;padding:.5rem .75rem;background:#f6f4f1;overflow-x:auto;font-size:.9rem"><span style="color:#595959">{{.Line}} │ </span>{{.Before}}<mark style="background:#b3261e;color:#fff">{{.At}}</mark>{{.After}}</pre>{{end}}
{{if .Hint}}<p style="margin:.25rem 0 0">{{.HintWord}}{{.Hint}}</p>{{end}}
</section>{{end}}
</div></div>`))

// overlay renders the problems panel.
func overlay(root string, problems []diag.Diagnostic, lang string) []byte {
	var buf bytes.Buffer
	errs := 0
	for _, d := range problems {
		if d.Severity == diag.Error {
			errs++
		}
	}
	_ = overlayTemplate.Execute(&buf, map[string]any{
		"Title":    diag.T("%d error(s) in the input", errs).In(lang),
		"Lead":     diag.T("The page below is the last good build. Fix the file and save: this page comes back by itself.").In(lang),
		"Problems": views(root, problems, lang),
	})
	return buf.Bytes()
}

// standalone wraps the overlay in a page, for when no good build exists yet.
func standalone(panel []byte, lang string) []byte {
	var buf bytes.Buffer
	buf.WriteString(`<!DOCTYPE html><html lang="` + template.HTMLEscapeString(lang) + `"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>jinzhan</title><script src="/_jinzhan/reload.js" defer></script></head><body>`)
	buf.Write(panel)
	buf.WriteString(`</body></html>`)
	return buf.Bytes()
}
