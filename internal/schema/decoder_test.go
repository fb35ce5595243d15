package schema

import (
	"reflect"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
)

// TestSchemaAgreesWithDecoder feeds the same YAML to the strict decoder
// and to the schema: where the decoder refuses a file (keys, types, empty
// and missing values, dates), the schema must mark it, and where the
// decoder reads it the schema must not.
func TestSchemaAgreesWithDecoder(t *testing.T) {
	const activity = "title: 帮扶\nsource: paper\n"
	cases := []struct {
		kind, yaml string
		ok         bool
	}{
		{"activity", activity, true},
		{"activity", activity + "short_title:\n", true}, // empty optional text
		{"activity", activity + "key_metrics:\n", true}, // empty optional list
		{"activity", "title:\nsource: paper\n", false},  // empty required text
		{"activity", "source: paper\n", false},          // missing required
		{"activity", activity + "titel: x\n", false},    // unknown key
		{"activity", activity + "period:\n", false},     // empty mapping
		{"activity", activity + "period: 2020\n", false},
		{"activity", activity + "period: {start: 2020, end: 2020-12}\n", true},
		{"activity", activity + "as_of:\n", false},
		{"activity", activity + "as_of: 2020\n", true},
		{"activity", activity + "as_of: '2020'\n", true},
		{"activity", activity + "as_of: 2020-08\n", true},
		{"activity", activity + "as_of: 2020-08-05\n", true},
		{"activity", activity + "as_of: 2020-13\n", false},
		{"activity", activity + "as_of: 1899\n", false},
		{"activity", activity + "as_of: 2201-01-01\n", false},
		{"activity", activity + "as_of: 2020/08/05\n", false},
		{"activity", activity + "weight: 2\n", true},
		{"activity", activity + "weight: 2.5\n", false},
		{"activity", activity + "weight: \"2\"\n", false},
		{"activity", activity + "weight:\n", false},
		{"activity", activity + "metrics: {id: a}\n", false},
		{"activity", activity + "metrics:\n  -\n", false},
		{"activity", activity + "metrics:\n  - {id: a, label: b, value: 1, unit: 个}\n", true},
		{"activity", activity + "metrics:\n  - {id: a, label: b, value: 0, unit: 个}\n", true},
		{"activity", activity + "metrics:\n  - {id: a, label: b, value: '1', unit: 个}\n", false},
		{"activity", activity + "metrics:\n  - {id: a, label: b, value: , unit: 个}\n", false},
		{"activity", activity + "metrics:\n  - {id: a, label: b, value: [1], unit: 个}\n", false},
		{"activity", activity + "metrics:\n  - {id: a, label: b, unit: 个}\n", false},
		{"activity", activity + "metrics:\n  - {id: a, label: [b], value: 1, unit: 个}\n", false},
		{"activity", activity + "targets:\n  - {id: a, label: b, value: 1, unit: 个, actual: }\n", true},
		{"activity", activity + "targets:\n  - {id: a, label: b, value: 1, unit: 个, actual: x}\n", false},
		{"activity", activity + "series:\n  - {id: s, label: b, unit: 个, points: [{date: 2020, value: 1}]}\n", true},
		{"activity", activity + "series:\n  - {id: s, label: b, unit: 个}\n", false},
		{"activity", activity + "charts:\n  - {type: bar, title: t, metrics: [a, b]}\n", true},
		{"activity", activity + "charts:\n  - {type: bar, title: t, metrics: a}\n", false},
		{"site", "title: t\nbase_url: https://example.org/\nmenu:\n  - {label: a, url: /}\n", true},
		{"site", "title: t\nbase_url: https://example.org/\nmenu:\n  - {label: a}\n", false},
		{"campaign", "name: n\nplace: p\nsource: s\nsources:\n  - {id: s, title: t, publisher: p, date: 2020-08-05}\n", true},
		{"campaign", "name: n\nplace: p\nsource: s\nsources:\n", false},
		{"campaign", "name: n\nplace: p\nsource: s\nsources:\n  - {id: s, title: t, publisher: p}\n", false},
		{"campaign", "name: n\nplace: p\nsource: s\nsources: []\norganisers:\n  - {name: a, groups: [{name: b}]}\n", true},
		{"townships", "townships:\n  - {slug: a, name: b, villages: [{slug: c, name: d}]}\n", true},
		{"townships", "townships:\n  - {slug: a, villages: [{slug: c, name: d}]}\n", false},
		{"frontmatter", "title: t\ndate: 2020-08-05\ndraft: true\n", true},
		{"frontmatter", "title: t\ndraft: yes\n", false},
		{"frontmatter", "title: t\ntownships: mayouying\n", false},
	}
	decodesInto := map[string]reflect.Type{}
	for _, k := range kinds {
		decodesInto[k.name] = k.typ
	}
	for _, c := range cases {
		var list diag.List
		v := reflect.New(decodesInto[c.kind])
		strictyaml.Decode("test.yaml", []byte(c.yaml), v.Interface(), &list)
		decoded := !list.HasErrors()
		valid := compile(t, c.kind).Validate(jsonValue(t, []byte(c.yaml))) == nil
		if decoded != c.ok || valid != c.ok {
			t.Errorf("%s %q: decoder reads it: %v, schema accepts it: %v, want %v", c.kind, c.yaml, decoded, valid, c.ok)
		}
	}
}
