package strictyaml

import "reflect"

// Key is one key a struct type accepts, as the decoder sees it.
type Key struct {
	Name     string              // the key editors write (the yaml tag)
	Field    reflect.StructField // the Go field it decodes into
	Required bool                // jz:"required": present and non-empty
}

// Keys lists the keys struct type t accepts, in field order. It is the
// decoder's own list (Meta, untagged and `yaml:"-"` fields left out), so
// tools derived from it, such as JSON Schemas, cannot drift from it.
func Keys(t reflect.Type) []Key {
	infos, _ := fields(t)
	out := make([]Key, len(infos))
	for i, f := range infos {
		out[i] = Key{Name: f.name, Field: t.Field(f.index), Required: f.required}
	}
	return out
}
