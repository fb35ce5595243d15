package build_test

import (
	"regexp"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

func TestSiteOverridesThemeFileByFile(t *testing.T) {
	r := sitetest.Build(t, baseSite+`
-- layouts/partials/footer.html --
{{define "footer"}}<footer class="custom">本地页脚</footer>{{end}}
-- static/assets/css/site.css --
body { color: black }
-- static/robots.txt --
User-agent: *
-- i18n/zh-CN.yaml --
skip_to_content: 直接阅读正文
`)
	r.AssertFile("index.html", `<footer class="custom">本地页脚</footer>`, "直接阅读正文", `<a class="skip-link"`, "! 跳到正文")
	r.AssertFile("robots.txt", "User-agent")
	// The layouts the site does not override still come from the theme.
	r.AssertFile("activities/help/index.html", `<nav class="breadcrumb"`)
}

func TestEnglishInterface(t *testing.T) {
	r := sitetest.Build(t, replace(baseSite, "site.yaml", "title: Test\nbase_url: https://example.org/\nlanguage: en\n"))
	r.AssertFile("index.html", `<html lang="en">`, "Skip to content", "Key figures", "! 跳到正文")
	r.AssertFile("activities/help/index.html", "Data table", "Targets and progress")
}

func TestFingerprintedAssets(t *testing.T) {
	r := sitetest.Build(t, baseSite)
	page := r.Read("activities/help/index.html")
	for _, re := range []string{`/assets/css/site\.[0-9a-f]{8}\.css`, `/assets/js/echarts\.[0-9a-f]{8}\.min\.js`, `/assets/js/charts\.[0-9a-f]{8}\.js`} {
		if !regexpMatch(re, page) {
			t.Errorf("no asset link matching %s", re)
		}
	}
	r.AssertFile("assets/js/echarts.LICENSE.txt", "Apache License")
}

func regexpMatch(pattern, s string) bool { return regexp.MustCompile(pattern).MatchString(s) }

func TestEnglishDates(t *testing.T) {
	r := sitetest.Build(t, replace(baseSite, "site.yaml", "title: Test\nbase_url: https://example.org/\nlanguage: en\n"))
	r.AssertFile("stories/forestry/index.html", `<time datetime="2020-08-05">5 August 2020</time>`, "! 2020年8月5日</time>")
}
