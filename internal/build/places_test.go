package build_test

import (
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// site.yaml's place_names says what the levels of data/townships.yaml are
// called; every page that names them follows, in either language.
func TestPlaceNames(t *testing.T) {
	zh := sitetest.Build(t, strings.Replace(baseSite, "language: zh-CN\n", "language: zh-CN\nplace_names:\n  township: 乡镇街道\n", 1))
	zh.AssertFile("townships/index.html", "<h1>乡镇街道</h1>", "各乡镇街道，以及与每个乡镇街道有关的故事和数据。", `<li><a href="/townships/" aria-current="page">乡镇街道</a></li>`, "! >乡镇<")
	zh.AssertFile("townships/longtan/index.html", "与本乡镇街道有关的数据", `<a href="/townships/">乡镇街道</a>`)
	zh.AssertFile("search/index.html", "搜索故事、活动和乡镇街道", "可以按乡镇街道或故事列表浏览")
	zh.AssertFile("activities/help/index.html", "各单位、乡镇街道与个人")

	en := sitetest.Build(t, replace(baseSite, "site.yaml", "title: Test\nbase_url: https://example.org/\nlanguage: en\nplace_names:\n  township: town or township\n  townships: towns and townships\n"))
	en.AssertFile("townships/index.html", "<h1>Towns and townships</h1>", "Every town or township, with its stories and figures.", `<th scope="col">Town or township</th>`)
	en.AssertFile("search/index.html", "Search stories, activities and towns and townships")

	// Left out, the names are the theme's, in the site's language.
	r := sitetest.Build(t, baseSite)
	r.AssertFile("townships/index.html", "<h1>乡镇</h1>", "! {township")
	r.AssertFile("activities/help/index.html", "各单位、乡镇与个人")
}

func TestPlaceNamesAreWords(t *testing.T) {
	r := sitetest.BuildFails(t, strings.Replace(baseSite, "language: zh-CN\n", "language: zh-CN\nplace_names:\n  township: \"%s县\"\n", 1))
	r.AssertProblems(`site.yaml:5:13: place_names.township: a place name cannot hold { } or %, got "%s县"`)
}
