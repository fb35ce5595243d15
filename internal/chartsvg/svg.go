package chartsvg

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

// SVG is a chart ECharts drew, cleaned (see clean): shapes and text only,
// its ids numbered. An SVG is placed with a prefix that makes its ids its
// own on a page, so that several charts — or two drawings of one chart —
// never share an id, and the bytes depend only on the chart.
type SVG struct {
	Width, Height int
	parts         []string // the content of <svg>, cut where an id's prefix goes
}

// Inline is the SVG as an element of an HTML page (no namespace needed
// there), its ids starting with prefix: prefix-0, prefix-1 …
func (s *SVG) Inline(prefix string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 %d %d" width="%d" height="%d">`, s.Width, s.Height, s.Width, s.Height)
	s.body(&b, prefix)
	b.WriteString("</svg>")
	return b.String()
}

// File is the SVG as a file of its own, titled title (the chart's title,
// which image viewers and screen readers show for it).
func (s *SVG) File(title string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"+`<svg xmlns="%s" viewBox="0 0 %d %d" width="%d" height="%d" role="img"><title>`, svgNS, s.Width, s.Height, s.Width, s.Height)
	_ = xml.EscapeText(&b, []byte(title)) // a bytes.Buffer does not fail
	b.WriteString("</title>")
	s.body(&b, "c")
	b.WriteString("</svg>\n")
	return b.Bytes()
}

func (s *SVG) body(w interface{ WriteString(string) (int, error) }, prefix string) {
	for i, p := range s.parts {
		if i > 0 {
			w.WriteString(prefix)
		}
		w.WriteString(p)
	}
}
