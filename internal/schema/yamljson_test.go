package schema

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// jsonValue reads YAML into the values a JSON Schema validator checks,
// the way yaml-language-server sees them: scalars by their YAML 1.2 tag,
// so a date such as 2020-08-05 stays text and a bare 2020 is a number.
func jsonValue(t *testing.T, data []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("YAML: %v", err)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	return convert(t, doc.Content[0])
}

func convert(t *testing.T, n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = convert(t, n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			s[i] = convert(t, c)
		}
		return s
	case yaml.AliasNode:
		return convert(t, n.Alias)
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int":
		if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			return i
		}
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
	}
	return n.Value // !!str, !!timestamp (kept as written), and the rest
}

// compile builds a validator from the generated schema of kind.
func compile(t *testing.T, kind string) *jsonschema.Schema {
	t.Helper()
	data, err := Generate(kind)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	url := "https://example.org/" + Dir + "/" + FileName(kind)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: %v", FileName(kind), err)
	}
	return s
}
