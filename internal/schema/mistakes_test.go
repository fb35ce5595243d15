package schema

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSchemaRejectsCommonMistakes makes the mistakes editors make in an
// example activity file and checks that the schema marks each one.
func TestSchemaRejectsCommonMistakes(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(exampleRoot, "data/activities/volunteer.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	good := string(src)
	s := compile(t, "activity")
	if err := s.Validate(jsonValue(t, []byte(good))); err != nil {
		t.Fatalf("the example itself: %v", err)
	}
	cases := []struct {
		name, old, new, want string // want: in the validator's message
	}{
		{"typo'd key", "    value: 893\n", "    vaule: 893\n", "vaule"},
		{"text value", "    value: 893\n", "    value: \"89x3\"\n", "/value"},
		{"text value, unquoted", "    value: 893\n", "    value: 89x3\n", "/value"},
		{"unknown unit", "    unit: 件次\n", "    unit: 公顷\n", "/unit"},
		{"unit with two prefixes", "    unit: 万名\n", "    unit: 万万名\n", "/unit"},
		{"unknown qualifier", "    value: 893\n", "    value: 893\n    qualifier: 大约\n", "/qualifier"},
		{"missing required label", "    label: 帮助发展到户扶贫项目\n", "", "label"},
		{"empty required title", "title: “万名党员干部拉手贫困户志愿服务”活动\n", "title:\n", "/title"},
		{"bad date", "as_of: 2020-08-05\n", "as_of: 2020-8-5\n", "/as_of"},
		{"id that is not a slug", "  - id: projects\n", "  - id: Projects\n", "/id"},
		{"text weight", "weight: 1\n", "weight: first\n", "/weight"},
	}
	for _, c := range cases {
		if !strings.Contains(good, c.old) {
			t.Fatalf("%s: the example no longer has %q", c.name, c.old)
		}
		bad := strings.Replace(good, c.old, c.new, 1)
		err := s.Validate(jsonValue(t, []byte(bad)))
		if err == nil {
			t.Errorf("%s: accepted", c.name)
		} else if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: message does not point at %q:\n%v", c.name, c.want, err)
		}
	}
}
