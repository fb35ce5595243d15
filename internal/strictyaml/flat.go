package strictyaml

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// parseFlat parses the YAML most front matter is, a mapping of
// `key: value` lines whose values are plain scalars or flow lists of plain
// scalars, without go-yaml: on 10,000 stories go-yaml took as long for
// their six lines of front matter as goldmark for their text. It gives the
// node tree go-yaml gives (kinds, tags, values, styles, lines, columns;
// a test compares them, and a fuzz test looks for a difference), and
// declines (ok false) anything else — a comment, a quote, a nested block,
// a repeated key, any character with a meaning in YAML — which go-yaml
// then parses, with its errors.
func parseFlat(data []byte) (root *yaml.Node, ok bool) {
	// Besides \r and tabs, YAML breaks lines at NEL, U+2028 and U+2029,
	// and reads a byte order mark.
	if bytes.ContainsAny(data, "\r\t\u0085\u2028\u2029\ufeff") || !printable(data) {
		return nil, false
	}
	root = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	seen := map[string]bool{}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimLeft(line, " ") == "" {
			continue
		}
		key, value, found := strings.Cut(line, ":")
		if !found || !plainKey(key) || seen[key] || value == "" || value[0] != ' ' {
			return nil, false
		}
		seen[key] = true
		lineNo := i + 1
		col := len(key) + 2
		for col-1 < len(line) && line[col-1] == ' ' {
			col++
		}
		value = line[col-1:]
		if value == "" || strings.HasSuffix(value, " ") {
			return nil, false
		}
		if root.Line == 0 {
			root.Line, root.Column = lineNo, 1
		}
		keyNode := scalar(key, lineNo, 1)
		var valueNode *yaml.Node
		if value[0] == '[' {
			valueNode, ok = flowList(line, col, lineNo)
		} else {
			valueNode, ok = scalar(value, lineNo, col), plainValue(value, false)
		}
		if !ok {
			return nil, false
		}
		root.Content = append(root.Content, keyNode, valueNode)
	}
	if len(root.Content) == 0 {
		return nil, false
	}
	return root, true
}

// flowList parses `[a, b c, d]` starting at byte column col of line.
func flowList(line string, col, lineNo int) (*yaml.Node, bool) {
	inner, closed := strings.CutSuffix(line[col:], "]")
	if !closed {
		return nil, false
	}
	list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: lineNo, Column: col}
	if strings.TrimLeft(inner, " ") == "" {
		return list, true
	}
	at := col + 1 // byte column of inner's first byte
	for _, item := range strings.Split(inner, ",") {
		lead := len(item) - len(strings.TrimLeft(item, " "))
		text := strings.TrimRight(item[lead:], " ")
		if !plainValue(text, true) {
			return nil, false
		}
		list.Content = append(list.Content, scalar(text, lineNo, utf8.RuneCountInString(line[:at-1+lead])+1))
		at += len(item) + 1
	}
	return list, true
}

// scalar is a plain scalar node tagged as go-yaml's parser tags it.
func scalar(value string, line, col int) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: value, Line: line, Column: col}
	if isDate(value) {
		n.Tag = "!!timestamp"
	} else {
		n.Tag = n.ShortTag()
	}
	return n
}

// isDate reports whether v is a date alone, 2020-08-05, which go-yaml tags
// !!timestamp once three formats with a time of day have failed to parse
// it: an error made and dropped for each, on the date of every story.
func isDate(v string) bool {
	year, rest, _ := strings.Cut(v, "-")
	month, day, _ := strings.Cut(rest, "-")
	if len(year) != 4 || !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
		return false
	}
	_, err := time.Parse("2006-1-2", v)
	return err == nil
}

// digits reports whether s is one to most ASCII digits.
func digits(s string, most int) bool {
	if s == "" || len(s) > most {
		return false
	}
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// plainKey is a key of letters, digits, _ and -, starting with a letter,
// and short (YAML allows 1,024 characters for a key on one line).
func plainKey(key string) bool {
	if key == "" || len(key) > 128 || !isLetter(key[0]) {
		return false
	}
	for i := range len(key) {
		if c := key[i]; !isLetter(c) && !isDigit(c) && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

// plainValue is a plain scalar that means itself in YAML: no indicator
// at its start, no ": " or " #" in it, and in a flow list no , [ ] { }
// or : at all. It is not empty and has no space at either end.
func plainValue(v string, inFlow bool) bool {
	if v == "" || v[0] == ' ' || v[len(v)-1] == ' ' || strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(v[0])) {
		return false
	}
	if strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":") {
		return false
	}
	return !inFlow || !strings.ContainsAny(v, ",[]{}:#")
}

// printable is YAML's set of characters a stream may hold (the line
// breaks and tab apart, declined above): go-yaml refuses the others.
func printable(data []byte) bool {
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == '\n', r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0xd7ff && r != utf8.RuneError,
			r >= 0xe000 && r <= 0xfffd && size == 3, r >= 0x10000 && r <= 0x10ffff:
		default:
			return false
		}
		data = data[size:]
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
