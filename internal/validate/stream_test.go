package validate_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

const textsSite = `
-- site.yaml --
title: 测试站点
base_url: https://example.org/
-- data/campaign.yaml --
name: 测试活动
place: 测试市
source: paper
sources:
  - id: paper
    title: 测试报道
    publisher: 测试日报
    date: 2020-08-05
-- data/activities/help.yaml --
title: 帮扶活动
source: paper
metrics:
  - id: people
    label: 参与干部
    value: 12
    unit: 名
`

// Stories checked at once, each against Check's catalog, see the chart
// blocks of their own text and no other's, and leave Check's catalog as
// it was; a story's problem is its own.
func TestTextsAreCheckedApart(t *testing.T) {
	var files strings.Builder
	files.WriteString(textsSite)
	const n = 40
	for i := range n {
		fmt.Fprintf(&files, "-- content/stories/s%02d.md --\n---\ntitle: 第%d篇\ndate: 2020-08-05\nactivity: help\n---\n", i, i)
		if i%4 == 3 {
			files.WriteString("引用 {{help.nothing}}。\n")
			continue
		}
		for range i % 3 {
			files.WriteString("\n```chart\ntype: bar\ntitle: 干部\nmetrics: [help.people]\n```\n")
		}
	}
	src, err := sitefs.Open(sitetest.Write(t, files.String()))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var problems diag.List
	in, stories := load.LoadAllButStories(src, &problems)
	cat, texts := validate.CheckAllButTexts(in, &problems)
	if problems.HasErrors() || stories.Len() != n {
		t.Fatalf("%d stories: %v", stories.Len(), problems.Err())
	}
	blocks, charts := len(cat.Blocks), len(cat.Charts)
	lists := make([]diag.List, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			d := stories.Load(i, &lists[i])
			seen := texts.Check(d, &lists[i])
			mine := 0
			for _, m := range d.Marks {
				if b, ok := m.(*markdown.ChartBlock); ok {
					mine++
					if spec := seen.Blocks[b]; spec == nil || seen.Charts[spec] == nil {
						t.Errorf("story %d: block %d not in its catalog", i, b.Index)
					}
				}
			}
			if len(seen.Blocks) != mine || mine != i%3 && i%4 != 3 {
				t.Errorf("story %d: %d blocks in its catalog, %d in its text", i, len(seen.Blocks), mine)
			}
			if wrong := lists[i].HasErrors(); wrong != (i%4 == 3) {
				t.Errorf("story %d: problems %v: %v", i, wrong, lists[i].Err())
			}
		})
	}
	wg.Wait()
	if len(cat.Blocks) != blocks || len(cat.Charts) != charts {
		t.Errorf("Check's catalog changed: %d blocks, %d charts; was %d, %d", len(cat.Blocks), len(cat.Charts), blocks, charts)
	}
}
