package build_test

import (
	"os"
	"path/filepath"
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
