package schema

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
)

// node is one JSON Schema object; a map so that its keys are written sorted.
type node = map[string]any

// generator turns Go types into schemas the way strictyaml decodes them:
// unknown keys are refused, jz:"required" keys must be present and
// non-empty, and an empty value ("key:" with nothing after it) is accepted
// where the decoder accepts it: text, lists and pointers.
type generator struct {
	defs  map[string]any          // nested object types, by Go type name
	types map[string]reflect.Type // which type each def was made from
}

func newGenerator() *generator {
	return &generator{defs: map[string]any{}, types: map[string]reflect.Type{}}
}

// presence says how a value stands in its mapping or list.
type presence int

const (
	optional presence = iota // may be left out or left empty
	required                 // jz:"required": present and not empty
	item                     // an item of a list
)

// object is the schema of a struct type: its keys and nothing else.
func (g *generator) object(t reflect.Type) (node, error) {
	props := node{}
	var req []string
	for _, k := range strictyaml.Keys(t) {
		d, ok := describe(t.Name(), k.Name)
		if !ok {
			return nil, fmt.Errorf("schema: %s.%s (key %q) has no description: add one to internal/schema/descriptions.go", t.Name(), k.Field.Name, k.Name)
		}
		p := required
		if !k.Required {
			p = optional
		} else {
			req = append(req, k.Name)
		}
		s, err := g.value(k.Field.Type, rule(t.Name(), k.Name), p)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t.Name(), k.Field.Name, err)
		}
		s["title"], s["description"] = d.title, d.text
		props[k.Name] = s
	}
	obj := node{"type": "object", "additionalProperties": false, "properties": props}
	if len(req) > 0 {
		obj["required"] = req
	}
	return obj, nil
}

// value is the schema of one value of type t. r constrains text (enums,
// patterns), also the text items of a list.
func (g *generator) value(t reflect.Type, r node, p presence) (node, error) {
	if s, ok := scalarSchema(t); ok {
		return s, nil
	}
	if t == dateType {
		return g.ref(t, dateSchema)
	}
	if reflect.PointerTo(t).Implements(scalarDecoder) {
		return nil, fmt.Errorf("scalar type %s has no schema: add it to scalarSchema", t)
	}
	switch t.Kind() {
	case reflect.String:
		s := node{"type": "string"}
		for k, v := range r {
			s[k] = v
		}
		if p == required && s["enum"] == nil {
			s["minLength"] = 1
		}
		return nullable(s, p), nil
	case reflect.Int:
		return node{"type": "integer"}, nil
	case reflect.Bool:
		return node{"type": "boolean"}, nil
	case reflect.Pointer:
		s, err := g.value(t.Elem(), r, item)
		return nullable(s, p), err
	case reflect.Slice:
		items, err := g.value(t.Elem(), r, item)
		return nullable(node{"type": "array", "items": items}, p), err
	case reflect.Struct:
		return g.ref(t, func() (node, error) { return g.object(t) })
	}
	return nil, fmt.Errorf("type %s has no schema", t)
}

// ref adds t to $defs under its Go name (once) and points to it.
func (g *generator) ref(t reflect.Type, build func() (node, error)) (node, error) {
	name := t.Name()
	if prev, ok := g.types[name]; ok {
		if prev != t {
			return nil, fmt.Errorf("types %s and %s would share $defs/%s", prev, t, name)
		}
	} else {
		g.types[name] = t // before building, so that recursive types end
		d, ok := describeType(name)
		if !ok {
			return nil, fmt.Errorf("type %s has no description: add one to typeDescriptions in internal/schema/descriptions.go", name)
		}
		s, err := build()
		if err != nil {
			return nil, err
		}
		s["title"], s["description"] = d.title, d.text
		g.defs[name] = s
	}
	return node{"$ref": "#/$defs/" + name}, nil
}

// nullable lets an optional text, list or pointer be left empty, as the
// decoder does; required values and list items must be written.
func nullable(s node, p presence) node {
	if p != optional {
		return s
	}
	if t, ok := s["type"].(string); ok {
		s["type"] = []string{t, "null"}
	}
	if e, ok := s["enum"].([]any); ok {
		s["enum"] = append(slices.Clone(e), nil)
	}
	return s
}
