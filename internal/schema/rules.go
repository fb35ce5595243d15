package schema

import (
	"reflect"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/num"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

var (
	numberType    = reflect.TypeFor[load.Number]()
	dateType      = reflect.TypeFor[load.Date]()
	scalarDecoder = reflect.TypeFor[strictyaml.ScalarDecoder]()
)

// scalarSchema is the schema of a type read from one scalar, other than
// Date (which has a $defs entry of its own).
func scalarSchema(t reflect.Type) (node, bool) {
	if t == numberType {
		return node{"type": "number"}, true // a YAML number, never text
	}
	return nil, false
}

// datePattern is YYYY, YYYY-MM or YYYY-MM-DD with load.ParseDate's years
// (1900 to 2200), months and days.
const datePattern = `^(19[0-9]{2}|2[01][0-9]{2}|2200)(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`

// dateSchema accepts what load.Date reads. A bare year (2020) is a number
// to YAML, a full date (2020-08-05) is text to yaml-language-server.
func dateSchema() (node, error) {
	return node{"anyOf": []any{
		node{"type": "string", "pattern": datePattern},
		node{"type": "integer", "minimum": 1900, "maximum": 2200},
	}}, nil
}

// rule constrains the text of a key (or the text items of a list key),
// taken from the lists the validator itself checks against. A rule is
// looked up as Type.key, then as key alone: unit, qualifier, id and slug
// mean the same wherever they appear.
func rule(typeName, key string) node {
	slug := node{"pattern": load.SlugPattern()}
	rules := map[string]node{
		"unit":      enum(num.AllUnits()),
		"qualifier": enum(num.Qualifiers()),

		"Breakdown.kind":      enum(validate.BreakdownKinds()),
		"ChartSpec.type":      enum(chart.Types),
		"Target.direction":    enum(validate.Directions),
		"SiteConfig.language": enum(validate.Languages),

		"id":                    slug,
		"slug":                  slug,
		"SiteConfig.theme":      slug,
		"Carriers.named":        slug,
		"Breakdown.townships":   slug,
		"Breakdown.villages":    slug,
		"FrontMatter.townships": slug,
		"FrontMatter.villages":  slug,
		"FrontMatter.activity":  slug,
	}
	if r, ok := rules[typeName+"."+key]; ok {
		return r
	}
	return rules[key]
}

func enum(values []string) node {
	out := make([]any, len(values))
	for i, v := range values {
		out[i] = v
	}
	return node{"enum": out}
}
