package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// nationalSite is the second site beside the example: a national campaign
// of another shape (no townships, series, percentages, targets brought
// down to zero) written with the Chinese sources' units.
func nationalSite(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata/sites", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestNationalCampaignInEnglish(t *testing.T) {
	r := sitetest.Build(t, nationalSite(t, "national-en"))
	r.AssertFile("index.html", "832 counties", "128,000", "more than 9.6 million people", "all <data")
	r.AssertFile("activities/poverty/index.html", "6,079 yuan", "12,588 yuan", `"value":10.2}`, `"value":1.7}`, `"value":0.6}`, "! 10.200000000000001", "! 1.7000000000000002", "! 0.6000000000000001")
	r.AssertFile("activities/assistance/index.html", "255,000", "more than 3 million people")
	r.AssertFile("data/poverty.csv", "more than 9.6 million people")
}

// The four references of issue 8, mistyped in the national site's text,
// were published as braces: each now stops the build at its place, with
// the reference meant.
func TestNationalCampaignMistypedReferences(t *testing.T) {
	site := replace(nationalSite(t, "national-en"), "content/activities/poverty.md", `---
title: Lifting the rural poor out of poverty
---
Income rose to {{income-2020}}, {{Income.income-2020}},
{{income}} and {{income.income-2020}.
`)
	r := sitetest.BuildFails(t, site)
	if got := len(r.Problems()); got != 4 {
		t.Errorf("%d problems, want 4:\n%s", got, strings.Join(r.Problems(), "\n"))
	}
	r.AssertProblems(
		"content/activities/poverty.md:4:16: {{income-2020}}: only one name: a reference is activity.id, the activity, a dot and the figure\n\thint: did you mean {{poverty.income-2020}}?",
		"content/activities/poverty.md:4:33: {{Income.income-2020}}: capital letters in the reference: references are written in lowercase\n\thint: did you mean {{poverty.income-2020}}?",
		"content/activities/poverty.md:5:1: {{income}}: only one name: a reference is activity.id, the activity, a dot and the figure\n\thint: did you mean one of {{poverty.income-2013}}, {{poverty.income-2020}}?",
		"content/activities/poverty.md:5:16: {{income.income-2020}: the reference is not closed: a figure reference ends with }}\n\thint: did you mean {{poverty.income-2020}}?",
	)
	r.AssertNoFile("index.html")
}
