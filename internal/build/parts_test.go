package build_test

import (
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// partsMetrics are two totals whose parts add up exactly in decimals but not
// in float64 (0.1 + 1.2 is 1.3000000000000003 there).
const partsMetrics = `  - id: feed
    label: 饲料
    value: 1.3
    unit: 公斤
  - id: feed-corn
    label: 玉米
    value: 0.1
    unit: 公斤
    part_of: feed
  - id: feed-beans
    label: 豆粕
    value: 1.2
    unit: 公斤
    part_of: feed
  - id: poor
    label: 贫困发生率
    value: 3
    unit: "%"
  - id: poor-a
    label: 甲村
    value: 0.1
    unit: "%"
    part_of: poor
  - id: poor-b
    label: 乙村
    value: 2.9
    unit: "%"
    part_of: poor
`

func TestPartsAddUpAsDecimals(t *testing.T) {
	bundle := strings.Replace(baseSite, "metrics:\n  - id: people\n", "metrics:\n"+partsMetrics+"  - id: people\n", 1)
	r := sitetest.Build(t, bundle)
	for _, w := range r.Build.Warnings {
		if strings.Contains(w.Error(), "part_of") {
			t.Errorf("exact parts reported: %v", w)
		}
	}
	r.AssertFile("activities/help/index.html", "1.3公斤", "2.9%")

	over := strings.Replace(bundle, "    value: 2.9\n", "    value: 2.91\n", 1)
	sitetest.BuildFails(t, over).AssertProblems(`part_of: the parts of help.poor add up to more than its 3%`)
}
