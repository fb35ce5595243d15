// Package strictyaml decodes YAML into Go structs the way an editor needs:
// unknown keys, wrong types, duplicate keys and missing required fields are
// all reported, each with file:line:col and the field path as written, and
// decoding goes on after a problem so that one run lists them all.
//
// Struct fields are named by their `yaml:"name"` tag; `jz:"required"` marks a
// field that must be present and non-empty. A struct may embed Meta to learn
// where it and each of its keys stand in the file.
package strictyaml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"go.yaml.in/yaml/v3"
)

// ScalarDecoder is implemented by types read from one YAML scalar (numbers,
// dates). It returns a message such as `want a number, got "abc"` on failure.
type ScalarDecoder interface {
	DecodeScalar(n *yaml.Node) (problem, hint diag.Text)
}

// Meta records where a struct and each of its keys stand in the file.
type Meta struct {
	Pos diag.Pos
	// keys are the keys written, in the file's order, with where their
	// values stand (in Pos.File): a few per struct, kept for every story
	// of a site, so a short list rather than a map (a third of the size),
	// each name the type's own string rather than a copy from the file.
	keys []keyPos
}

type keyPos struct {
	name      string
	line, col int32
}

// At returns the position of key's value, or of the struct when key is absent.
func (m Meta) At(key string) diag.Pos {
	for _, k := range m.keys {
		if k.name == key {
			return diag.Pos{File: m.Pos.File, Line: int(k.line), Col: int(k.col)}
		}
	}
	return m.Pos
}

// Has reports whether key was written in the file.
func (m Meta) Has(key string) bool {
	for _, k := range m.keys {
		if k.name == key {
			return true
		}
	}
	return false
}

var metaType = reflect.TypeFor[Meta]()

// Decode parses one YAML document and decodes it into v (a pointer).
// It returns false when the document could not be parsed at all.
func Decode(file string, data []byte, v any, list *diag.List) bool {
	return DecodeAt(file, 1, data, v, list)
}

// DecodeAt is Decode for YAML that starts on line first of file (a front
// matter, a chart block in Markdown): positions count the file's lines.
func DecodeAt(file string, first int, data []byte, v any, list *diag.List) bool {
	root, ok := parseAt(file, first, data, list)
	if !ok {
		return false
	}
	DecodeNode(file, root, v, list)
	return true
}

// Parse reads one YAML document into a node tree, reporting syntax errors.
func Parse(file string, data []byte, list *diag.List) (*yaml.Node, bool) {
	return parseAt(file, 1, data, list)
}

// parseAt is Parse for YAML that starts on line first of file.
func parseAt(file string, first int, data []byte, list *diag.List) (*yaml.Node, bool) {
	shift := first - 1
	data = CleanText(file, data, first, list)
	if line, col, found := tabIndent(data); found {
		list.Errorf(diag.Pos{File: file, Line: shift + line, Col: col}, "", diag.T("indent with spaces only (YAML does not allow tabs)"), "a tab is used for indentation")
		return nil, false
	}
	if root, ok := parseFlat(data); ok {
		shiftLines(root, shift)
		return root, true
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		syntaxProblem(file, shift, data, err, list)
		return nil, false
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		list.Errorf(diag.Pos{File: file, Line: first}, "", diag.T("write the fields this file needs; see docs/data-format.md"), "the file is empty")
		return nil, false
	}
	var second yaml.Node
	switch err := dec.Decode(&second); {
	case err == nil:
		list.Errorf(diag.Pos{File: file, Line: shift + separatorLine(data)}, "", diag.T("remove the line with --- (one file holds one set of data)"), "the file holds more than one YAML document")
		return nil, false
	case !errors.Is(err, io.EOF): // text after a "..." line, which would be lost
		syntaxProblem(file, shift, data, err, list)
		return nil, false
	}
	shiftLines(doc.Content[0], shift)
	return doc.Content[0], true
}

// shiftLines moves every node of a tree down by the given number of lines.
func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}

// separatorLine finds the "---" line that starts a second document.
func separatorLine(data []byte) int {
	for i, l := range bytes.Split(data, []byte("\n")) {
		if l := bytes.TrimRight(l, " \r"); i > 0 && (bytes.Equal(l, []byte("---")) || bytes.HasPrefix(l, []byte("--- "))) {
			return i + 1
		}
	}
	return 1
}

// tabIndent finds the first tab in the indentation of a line.
func tabIndent(data []byte) (line, col int, found bool) {
	for i, l := range bytes.Split(data, []byte("\n")) {
		for j, c := range l {
			if c == '\t' {
				return i + 1, j + 1, true
			}
			if c != ' ' {
				break
			}
		}
	}
	return 0, 0, false
}

// DecodeNode decodes an already parsed node into v (a pointer).
func DecodeNode(file string, n *yaml.Node, v any, list *diag.List) {
	d := decoder{file: file, list: list}
	d.value(n, reflect.ValueOf(v).Elem(), "")
}

type decoder struct {
	file string
	list *diag.List
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, field string, hint diag.Text, format string, args ...any) {
	d.list.Errorf(d.pos(n), field, hint, format, args...)
}

// describe names what a node holds, for "want X, got Y" messages.
func describe(n *yaml.Node) diag.Text {
	switch n.Kind {
	case yaml.MappingNode:
		return diag.T("a mapping (key: value lines)")
	case yaml.SequenceNode:
		return diag.T("a list (- lines)")
	case yaml.AliasNode:
		return diag.T("an alias")
	}
	if n.Tag == "!!null" {
		return diag.T("nothing")
	}
	return diag.T("%s", strconv.Quote(n.Value))
}

func (d *decoder) value(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		d.errorf(n, path, diag.T("write the value out in full instead of using & and *"), "anchors and aliases are not supported")
		return
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		// A local tag (title: !important 标题) would be dropped without a word.
		d.errorf(n, path, diag.T("put the text in quotes"), "text that starts with ! is read as a YAML tag")
		return
	}
	if sd, ok := v.Addr().Interface().(ScalarDecoder); ok {
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, path, diag.T("write one value on the same line after the colon"), "want a single value, got %s", describe(n))
			return
		}
		if problem, hint := sd.DecodeScalar(n); problem.Format != "" {
			d.list.Add(diag.Diagnostic{Pos: d.pos(n), Field: path, Message: problem, Hint: hint})
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if n.Tag == "!!null" {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		d.value(n, v.Elem(), path)
	case reflect.Struct:
		d.structValue(n, v, path)
	case reflect.Slice:
		d.sliceValue(n, v, path)
	case reflect.Map:
		d.mapValue(n, v, path)
	case reflect.String:
		if n.Tag == "!!null" {
			return // "key:" with nothing after it: empty, which jz:"required" catches
		}
		if n.Kind != yaml.ScalarNode {
			d.errorf(n, path, diag.T("write the text on the same line after the colon"), "want text, got %s", describe(n))
			return
		}
		if d.decodedInvisible(n, path) {
			return
		}
		v.SetString(n.Value)
	case reflect.Int:
		i, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
			d.errorf(n, path, diag.T("write digits only, without quotes or a decimal point, e.g. 10"), "want a whole number, got %s", describe(n))
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.errorf(n, path, diag.T("write true or false"), "want true or false, got %s", describe(n))
			return
		}
		v.SetBool(n.Value == "true")
	default:
		panic(fmt.Sprintf("strictyaml: unsupported field type %s", v.Type()))
	}
}

func (d *decoder) sliceValue(n *yaml.Node, v reflect.Value, path string) {
	if n.Tag == "!!null" {
		return
	}
	if n.Kind == yaml.ScalarNode && n.Style == 0 && strings.HasPrefix(n.Value, "［") {
		d.lookalikeAt('［', n.Line, n.Column, path) // ［a, b］ read as text
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, diag.T("start each item on its own line with \"- \""), "want a list, got %s", describe(n))
		return
	}
	out := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.value(item, out.Index(i), fmt.Sprintf("%s[%d]", path, i))
	}
	v.Set(out)
}

func (d *decoder) mapValue(n *yaml.Node, v reflect.Value, path string) {
	if n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, diag.Text{}, "want a mapping (key: value lines), got %s", describe(n))
		return
	}
	out := reflect.MakeMap(v.Type())
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, join(path, k.Value), diag.T("remove one of the two"), "key %q is written twice (first at line %d)", k.Value, first.Line)
			continue
		}
		seen[k.Value] = k
		if d.decodedInvisible(k, join(path, k.Value)) {
			continue
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		d.value(val, elem, join(path, k.Value))
		out.SetMapIndex(reflect.ValueOf(k.Value), elem)
	}
	v.Set(out)
}

// fieldInfo describes one struct field as the YAML sees it.
type fieldInfo struct {
	name     string
	index    int
	required bool
}

// structFields is fields' answer for each type it was asked about: a
// build decodes the same few struct types once per file.
var structFields sync.Map // reflect.Type → structShape

type structShape struct {
	list []fieldInfo
	meta int
}

// fields lists the YAML fields of struct type t (callers must not change
// the list) and the index of its Meta field, -1 if none.
func fields(t reflect.Type) ([]fieldInfo, int) {
	if s, ok := structFields.Load(t); ok {
		return s.(structShape).list, s.(structShape).meta
	}
	list, meta := readFields(t)
	structFields.Store(t, structShape{list, meta})
	return list, meta
}

func readFields(t reflect.Type) (list []fieldInfo, meta int) {
	meta = -1
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == metaType {
			meta = i
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		list = append(list, fieldInfo{name: name, index: i, required: f.Tag.Get("jz") == "required"})
	}
	return list, meta
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (d *decoder) structValue(n *yaml.Node, v reflect.Value, path string) {
	infos, metaIndex := fields(v.Type())
	meta := Meta{Pos: d.pos(n)}
	defer func() {
		if metaIndex >= 0 {
			v.Field(metaIndex).Set(reflect.ValueOf(meta))
		}
	}()
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, diag.T("write this as key: value lines"), "want a mapping, got %s", describe(n))
		return
	}
	meta.keys = make([]keyPos, 0, len(n.Content)/2)
	byName := func(name string) (fieldInfo, bool) {
		for _, f := range infos {
			if f.name == name {
				return f, true
			}
		}
		return fieldInfo{}, false
	}
	seen := map[string]*yaml.Node{}
	failed := map[string]bool{} // fields already reported as wrong
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		field := join(path, k.Value)
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, field, diag.T("remove one of the two"), "key %q is written twice (first at line %d)", k.Value, first.Line)
			continue
		}
		seen[k.Value] = k
		f, ok := byName(k.Value)
		if !ok {
			if split := d.splitNumber(n, i, path); split > 0 {
				i += 2 * (split - 1) // the keys split off after the first
				continue
			}
			if col, colon := colonInKey(k.Value); colon {
				d.lookalikeAt('：', k.Line, k.Column+col-1, path)
				key, _, _ := strings.Cut(k.Value, "：")
				failed[key] = true // reported here, not as missing
				continue
			}
			names := make([]string, 0, len(infos))
			for _, f := range infos {
				names = append(names, f.name)
			}
			hint := diag.T("known keys here: %s", strings.Join(sorted(names), ", "))
			if near := diag.Nearest(k.Value, names); near != "" {
				hint = diag.T("did you mean %s?", near)
			}
			d.errorf(k, field, hint, "unknown key %q", k.Value)
			continue
		}
		meta.keys = append(meta.keys, keyPos{name: f.name, line: int32(val.Line), col: int32(val.Column)})
		before := d.list.Len()
		d.value(val, v.Field(f.index), field)
		failed[k.Value] = d.list.Len() > before
	}
	for _, f := range infos {
		if !f.required || failed[f.name] {
			continue
		}
		if k, ok := seen[f.name]; !ok || v.Field(f.index).IsZero() {
			if ok {
				d.errorf(k, join(path, f.name), diag.T("write a value after %s:", f.name), "required field is empty")
			} else {
				d.errorf(n, join(path, f.name), diag.T("add a line %s: … here", f.name), "required field is missing")
			}
		}
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
