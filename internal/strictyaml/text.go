package strictyaml

import (
	"fmt"
	"reflect"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// EachText calls fn with the position, field path and value of every
// string field of v (a pointer to a decoded struct, nested structs and
// lists of them included) whose key is one of keys and which is not empty.
// Positions come from the Meta the structs embed.
func EachText(v any, keys map[string]bool, fn func(pos diag.Pos, field, text string)) {
	eachText(reflect.ValueOf(v).Elem(), "", keys, fn)
}

func eachText(v reflect.Value, path string, keys map[string]bool, fn func(pos diag.Pos, field, text string)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			eachText(v.Elem(), path, keys, fn)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.String {
			return // lists of names and references, not text
		}
		for i := range v.Len() {
			eachText(v.Index(i), fmt.Sprintf("%s[%d]", path, i), keys, fn)
		}
	case reflect.Struct:
		infos, metaIndex := fields(v.Type())
		var meta Meta
		if metaIndex >= 0 {
			meta = v.Field(metaIndex).Interface().(Meta)
		}
		for _, f := range infos {
			field := v.Field(f.index)
			if field.Kind() == reflect.String {
				if keys[f.name] && field.String() != "" {
					fn(meta.At(f.name), join(path, f.name), field.String())
				}
				continue
			}
			eachText(field, join(path, f.name), keys, fn)
		}
	}
}
