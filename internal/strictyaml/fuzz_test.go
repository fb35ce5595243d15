package strictyaml_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/strictyaml"
)

// FuzzDecode decodes any bytes into the types of the data files: it must
// never panic, every problem must name the file and a line, and no
// syntax error may fall back to the generic words.
//
//	go test -run '^$' -fuzz FuzzDecode -fuzztime 60s ./internal/strictyaml
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob("../../data/activities/*.yaml")
	seeds = append(seeds, "../../data/campaign.yaml", "../../data/townships.yaml", "../../site.yaml")
	for _, name := range seeds {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"",
		"title: &a x\nsummary: *a\n",
		"title: t\n\tsource: x\n",
		"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nmetrics: [*c, *c]\n",
		"title: t\n---\ntitle: u\n",
		"title: t\ntitle: u\nmetrics:\n  - value: \"89x3\"\n    as_of: 2020-02-30\n    id: [a]\n",
		"metrics:\n  - {id: a, value: -1e400, unit: 万元, actual: 1}\ntargets:\n  - actual: ~\n    value: 0x1F\n",
		"weight: 99999999999999999999\nperiod: [2020]\ncharts: {type: bar}\n",
		"{",
		"- a\n- b\n",
		"? [a, b]\n: c\n",
		"!!binary title: x\n",
		"title: \"\\e]0;x\\a\\e[2K\"\n\"\\u2028\": x\n",
		"title: a\u2028b\rsummary: \x1b\u0085c\n  - [\n",
		"title: \"a\\qb\"\n...\nsource: x\n",
		"title：x\nseries:\n  - points:\n      - {date: 2012，value: 9,899}\n      － {date：2013}\nkey_metrics: ［a］\n",
	} {
		f.Add([]byte(s))
	}
	const file = "data/activities/x.yaml"
	f.Fuzz(func(t *testing.T, data []byte) {
		var list diag.List
		var a load.Activity
		strictyaml.Decode(file, data, &a, &list)
		var c load.Campaign
		strictyaml.Decode(file, data, &c, &list)
		var fm load.FrontMatter
		strictyaml.Decode(file, data, &fm, &list)
		for _, d := range list.Sorted() {
			if d.Pos.File != file || d.Pos.Line < 1 || d.Pos.Col < 0 {
				t.Errorf("problem at %q line %d col %d: %s", d.Pos.File, d.Pos.Line, d.Pos.Col, d.Error())
			}
			// Every go-yaml message has words of ours (see yamlProblems).
			if strings.Contains(d.Error(), "this is not valid YAML") {
				t.Errorf("a go-yaml message without words of ours: %s", d.Error())
			}
			for _, lang := range []string{"en", "zh-CN"} {
				// A format and its arguments must match in every language.
				if msg := d.In(lang); strings.Contains(msg, "%!") && !strings.Contains(string(data), "%!") {
					t.Errorf("badly formatted message: %s", msg)
				}
			}
		}
	})
}
