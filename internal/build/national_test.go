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

// Every place that cites a source names it in full, and a page names
// every source its figures use: the poverty page's series come from the
// statistics bureau, its other figures from the white paper.
func TestNationalSourcesNamedInFull(t *testing.T) {
	const (
		paperEn = "State Council Information Office, “Poverty Alleviation: China&#39;s Experience and Contribution” (April 2021)"
		nbsEn   = "National Bureau of Statistics, “Statistical Communiqué on the 2019 National Economic and Social Development” (28 February 2020)"
		paperZh = "国务院新闻办公室《人类减贫的中国实践》（2021年4月）"
		nbsZh   = "国家统计局《中华人民共和国2019年国民经济和社会发展统计公报》（2020年2月28日）"
	)
	for _, c := range []struct{ site, paper, nbs, sep string }{
		{"national-en", paperEn, nbsEn, "; "},
		{"national-zh", paperZh, nbsZh, "；"},
	} {
		r := sitetest.Build(t, nationalSite(t, c.site))
		both := c.paper + c.sep + c.nbs
		r.AssertFile("activities/poverty/index.html",
			`class="source-line">`, both+"</p>", // the page's source line
			`class="chart-source">`, "："+c.nbs+"</p>", // the headcount chart's
			"! 《》", "! “”")
		r.AssertFile("activities/assistance/index.html", "："+c.paper+"</p>", "! "+c.nbs+"</p>\n</div>")
		// The footer names every source some figure cites; a story's table
		// names each figure's.
		r.AssertFile("stories/relocation/index.html", `class="footer-source">`, both+"</p>", "<td>"+c.paper+"</td>")
		r.AssertFile("data/index.html", both)
	}
}

// A campaign without figures of its own publishes no empty dataset: no
// files, no row on /data/, no link.
func TestNationalNoEmptyDataset(t *testing.T) {
	r := sitetest.Build(t, nationalSite(t, "national-zh"))
	r.AssertNoFile("data/campaign.csv")
	r.AssertNoFile("data/campaign.json")
	r.AssertFile("data/index.html", `id="data-poverty"`, `id="data-figures"`, "! data-campaign", "! （总体）")
	err := filepath.WalkDir(r.Public, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			data, _ := os.ReadFile(p)
			if strings.Contains(string(data), "/data/campaign.") {
				t.Errorf("%s links to the campaign's dataset, which is not published", p)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The English site's campaign has figures: its dataset is published.
	en := sitetest.Build(t, nationalSite(t, "national-en"))
	en.AssertFile("data/campaign.csv", "counties")
	en.AssertFile("data/index.html", `id="data-campaign"`)
}

func TestNationalCampaignInChinese(t *testing.T) {
	r := sitetest.Build(t, nationalSite(t, "national-zh"))
	r.AssertFile("index.html", "832个", "12.8万个", "960多万人")
	r.AssertFile("activities/poverty/index.html", "6079元", "12588元", `"value":10.2}`, `"value":0.6}`, "! 1.2588万元")
	r.AssertFile("activities/assistance/index.html", "25.5万个", "300多万名")
}
