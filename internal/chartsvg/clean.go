package chartsvg

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// What a chart's SVG may hold once cleaned: the elements ECharts draws
// shapes, text and decal patterns with, and their presentation attributes.
// Everything else is left out — a <style> (its rules would apply to the
// whole page), scripts, links, images, <foreignObject>, event attributes,
// ECharts' own marks for its client script (ecmeta_*), classes — so that
// the only thing of the data's in an SVG is text, as text nodes.
var (
	elements = set("svg", "g", "defs", "rect", "path", "text", "tspan", "pattern", "clipPath",
		"circle", "ellipse", "line", "polyline", "polygon", "linearGradient", "radialGradient", "stop")
	attributes = set("d", "x", "y", "dx", "dy", "width", "height", "rx", "ry", "cx", "cy", "r",
		"x1", "y1", "x2", "y2", "points", "transform", "opacity", "paint-order", "visibility",
		"fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
		"stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
		"dominant-baseline", "text-anchor", "style", "clip-path", "id",
		"patternUnits", "patternTransform", "patternContentUnits", "gradientUnits", "gradientTransform",
		"offset", "stop-color", "stop-opacity")
	// references may name another element of the SVG: url(#id), nothing else.
	references = set("fill", "stroke", "clip-path")
	// styles are the properties a style attribute may set.
	styles = set("font-size", "font-family", "font-weight", "font-style", "font-variant")
	// marks are the elements that draw something.
	marks = set("path", "text", "circle", "ellipse", "line", "polyline", "polygon", "rect")
	// expected are what ECharts writes and cleaning leaves out on purpose:
	// anything else left out is reported (Cleaned.Dropped), so that a new
	// ECharts cannot lose part of a drawing unseen.
	expected = set("style", "class", "pointer-events", "version", "baseProfile",
		"ecmeta_series_index", "ecmeta_data_index", "ecmeta_ssr_type", "ecmeta_silent")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

const svgNS = "http://www.w3.org/2000/svg"

var (
	// plainValue is what an attribute's value may be made of: numbers,
	// path data, colours, transforms, font names, url(#id).
	plainValue = regexp.MustCompile(`^[A-Za-z0-9 .,:;#%()+_-]*$`)
	reference  = regexp.MustCompile(`^url\(#([A-Za-z0-9_-]+)\)$`)
	idValue    = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
)

// errEmpty is a drawing with nothing on it: what ECharts writes, without
// an error, for a series type the bundle does not hold.
var errEmpty = errors.New("ECharts drew nothing")

// clean reads the SVG text ECharts wrote for a width × height chart and
// returns it made safe, its ids numbered in order of first use; dropped
// lists what was left out that ECharts is not known to write.
func clean(raw string, width, height int) (svg *SVG, dropped []string, err error) {
	c := &cleaner{ids: map[string]int{}}
	d := xml.NewDecoder(strings.NewReader(raw))
	root, err := c.root(d)
	if err != nil {
		return nil, nil, err
	}
	if w, h := root.size(); w != width || h != height {
		return nil, nil, fmt.Errorf("ECharts drew %d×%d px, not %d×%d", w, h, width, height)
	}
	if err := c.children(d, "svg"); err != nil {
		return nil, nil, err
	}
	if c.marks == 0 {
		return nil, nil, errEmpty
	}
	c.cut()
	slices.Sort(c.dropped)
	return &SVG{Width: width, Height: height, parts: c.parts}, slices.Compact(c.dropped), nil
}

// cleaner writes the cleaned SVG as it reads it.
type cleaner struct {
	out     strings.Builder
	parts   []string       // out so far, cut where an id's prefix goes
	ids     map[string]int // ECharts' id → its number here
	open    bool           // a start tag is written without its closing ">"
	marks   int
	dropped []string
}

type rootTag struct{ attrs []xml.Attr }

func (r rootTag) size() (w, h int) {
	for _, a := range r.attrs {
		switch a.Name.Local {
		case "width":
			w, _ = strconv.Atoi(a.Value)
		case "height":
			h, _ = strconv.Atoi(a.Value)
		}
	}
	return w, h
}

// root reads up to the <svg> element, which must come first.
func (c *cleaner) root(d *xml.Decoder) (rootTag, error) {
	for {
		tok, err := d.Token()
		if err != nil {
			return rootTag{}, fmt.Errorf("ECharts wrote no SVG: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != svgNS || t.Name.Local != "svg" {
				return rootTag{}, fmt.Errorf("ECharts wrote <%s>, not <svg>", t.Name.Local)
			}
			return rootTag{t.Attr}, nil
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return rootTag{}, errors.New("ECharts wrote text before its SVG")
			}
		}
	}
}

// children copies the content of the element named parent, up to its end.
func (c *cleaner) children(d *xml.Decoder, parent string) error {
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return errors.New("ECharts' SVG ends too early")
		}
		if err != nil {
			return fmt.Errorf("ECharts' SVG is not well-formed: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if t.Name.Space != svgNS || !elements[name] || name == "svg" {
				c.drop(name)
				if err := d.Skip(); err != nil {
					return fmt.Errorf("ECharts' SVG is not well-formed: %v", err)
				}
				continue
			}
			c.start(name, t.Attr)
			if err := c.children(d, name); err != nil {
				return err
			}
			c.end(name)
		case xml.EndElement:
			return nil // the decoder checks that it closes parent
		case xml.CharData:
			if strings.TrimSpace(string(t)) == "" {
				continue
			}
			if parent != "text" && parent != "tspan" {
				c.drop("text in <" + parent + ">")
				continue
			}
			c.close()
			if err := xml.EscapeText(&c.out, t); err != nil {
				return err
			}
		}
		// Comments, processing instructions and directives are left out.
	}
}

func (c *cleaner) drop(what string) {
	if !expected[what] && !strings.HasPrefix(what, "xmlns") {
		c.dropped = append(c.dropped, what)
	}
}

// close ends a start tag still open: the element has content.
func (c *cleaner) close() {
	if c.open {
		c.out.WriteByte('>')
		c.open = false
	}
}

func (c *cleaner) start(name string, attrs []xml.Attr) {
	c.close()
	c.out.WriteString("<" + name)
	ink := marks[name]
	for _, a := range attrs {
		value, ok := c.attribute(a)
		if !ok {
			continue
		}
		if name == "rect" && a.Name.Local == "fill" && value == "none" {
			ink = false // the background ECharts lays under every chart
		}
		c.out.WriteString(" " + a.Name.Local + `="`)
		c.value(a.Name.Local, value)
		c.out.WriteByte('"')
	}
	if ink {
		c.marks++
	}
	c.open = true
}

func (c *cleaner) end(name string) {
	if c.open {
		c.out.WriteString("/>")
		c.open = false
		return
	}
	c.out.WriteString("</" + name + ">")
}

// attribute returns the value an attribute keeps, or false when it is
// left out.
func (c *cleaner) attribute(a xml.Attr) (string, bool) {
	name := a.Name.Local
	if a.Name.Space != "" || !attributes[name] {
		c.drop(name)
		return "", false
	}
	value := a.Value
	if name == "style" {
		if value = c.style(value); value == "" {
			return "", false // each declaration left out is reported
		}
	}
	ok := plainValue.MatchString(value)
	switch {
	case name == "id":
		ok = idValue.MatchString(value)
	case strings.Contains(value, "url("):
		ok = ok && references[name] && reference.MatchString(value)
	}
	if !ok || value == "" {
		c.drop(name + "=" + strconv.Quote(a.Value))
		return "", false
	}
	return value, true
}

// style keeps the declarations of a style attribute that set a font.
func (c *cleaner) style(value string) string {
	var kept []string
	for decl := range strings.SplitSeq(value, ";") {
		prop, v, _ := strings.Cut(decl, ":")
		prop = strings.TrimSpace(prop)
		switch {
		case prop == "" && strings.TrimSpace(v) == "":
		case styles[prop] && !strings.Contains(v, "("):
			kept = append(kept, prop+":"+strings.TrimSpace(v))
		default:
			c.drop("style " + prop)
		}
	}
	return strings.Join(kept, ";")
}

// value writes an attribute's value, with an id or a reference to one
// cut where the prefix goes: "zr3-p0" becomes prefix + "-0".
func (c *cleaner) value(name, value string) {
	id := ""
	switch {
	case name == "id":
		id = value
	case references[name]:
		if m := reference.FindStringSubmatch(value); m != nil {
			id = m[1]
			c.out.WriteString("url(#")
			defer c.out.WriteString(")")
		}
	}
	if id == "" {
		c.out.WriteString(value) // plainValue holds nothing to escape
		return
	}
	n, ok := c.ids[id]
	if !ok {
		n = len(c.ids)
		c.ids[id] = n
	}
	c.cut()
	c.out.WriteString("-" + strconv.Itoa(n))
}

// cut ends the current part: a prefix goes here.
func (c *cleaner) cut() {
	c.parts = append(c.parts, c.out.String())
	c.out.Reset()
}
