package strictyaml

import (
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"go.yaml.in/yaml/v3"
)

// splitNumber reports a number written with a thousands comma in a flow
// mapping: {date: 2012, value: 9,899} is read as value: 9 and a key "899"
// with no value. The key at n.Content[i] is such a key when it is digits
// only, has no value, and follows a number on its line. It returns how
// many keys the comma split off (0: not such a key), reported as one.
func (d *decoder) splitNumber(n *yaml.Node, i int, path string) int {
	if n.Style&yaml.FlowStyle == 0 || i < 2 {
		return 0
	}
	key, number := n.Content[i-2], n.Content[i-1]
	if number.Kind != yaml.ScalarNode || number.Tag != "!!int" && number.Tag != "!!float" {
		return 0
	}
	parts := []string{number.Value}
	for j := i; j+1 < len(n.Content) && digitsOnly(n.Content[j]) && n.Content[j+1].Tag == "!!null" && n.Content[j].Line == number.Line; j += 2 {
		parts = append(parts, n.Content[j].Value)
	}
	if len(parts) == 1 {
		return 0
	}
	written := strings.Join(parts, ",")
	d.errorf(number, join(path, key.Value), diag.T("write numbers without commas: %s", strings.Join(parts, "")),
		"the comma in %s splits the number: YAML reads %s and, after the comma, a key %q", written, number.Value, parts[1])
	return len(parts) - 1
}

func digitsOnly(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode || n.Value == "" {
		return false
	}
	return strings.Trim(n.Value, "0123456789") == ""
}
