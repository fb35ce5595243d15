package build_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/build"
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

// staticOverGenerated puts static files where the build makes its own
// files and pages, beside ones it does not make.
const staticOverGenerated = `
-- static/data/help.csv --
static copy
-- static/feed.xml --
static copy
-- static/stories/forestry/index.html --
static copy
-- static/townships --
a file where the site needs a folder
-- static/data/help.json/old.txt --
a folder where the site writes a file
-- static/notes.txt --
kept
-- static/robots.txt --
User-agent: *
-- themes/default/static/sitemap.xml --
a theme's copy
`

func TestGeneratedFilesWinOverStaticOnes(t *testing.T) {
	bundle := baseSite + staticOverGenerated
	r := sitetest.Build(t, bundle)
	r.AssertFile("data/help.csv", "参与干部", "! static copy")
	r.AssertFile("feed.xml", "<feed", "! static copy")
	r.AssertFile("stories/forestry/index.html", "林草局送雏", "! static copy")
	r.AssertFile("townships/index.html", "马友营乡")
	r.AssertFile("data/help.json", `"dataset"`)
	r.AssertFile("sitemap.xml", "<urlset", "! a theme's copy")
	r.AssertFile("notes.txt", "kept")
	r.AssertFile("robots.txt", "User-agent: *") // the site's own robots.txt is meant to replace the generated one
	var got []string
	for _, w := range r.Build.Warnings {
		got = append(got, w.In("zh-CN"))
	}
	want := []string{
		"static/data/help.csv: 警告：没有发布：网站在 /data/help.csv 生成了自己的文件，占用了这个位置\n\t提示：请给这个文件改名或换个位置；要改网站在 /data/help.csv 生成的内容，请改它所依据的数据或文稿",
		"static/data/help.json/old.txt: 警告：没有发布：网站在 /data/help.json 生成了自己的文件，占用了这个位置\n\t提示：请给这个文件改名或换个位置；要改网站在 /data/help.json 生成的内容，请改它所依据的数据或文稿",
		"static/feed.xml: 警告：没有发布：网站在 /feed.xml 生成了自己的文件，占用了这个位置\n\t提示：请给这个文件改名或换个位置；要改网站在 /feed.xml 生成的内容，请改它所依据的数据或文稿",
		"static/stories/forestry/index.html: 警告：没有发布：网站在 /stories/forestry/index.html 生成了自己的文件，占用了这个位置\n\t提示：请给这个文件改名或换个位置；要改网站在 /stories/forestry/index.html 生成的内容，请改它所依据的数据或文稿",
		"static/townships: 警告：没有发布：网站在 /townships/ 生成了自己的文件，占用了这个位置\n\t提示：请给这个文件改名或换个位置；要改网站在 /townships/ 生成的内容，请改它所依据的数据或文稿",
		"themes/default/static/sitemap.xml: 警告：没有发布：网站在 /sitemap.xml 生成了自己的文件，占用了这个位置\n\t提示：请给这个文件改名或换个位置；要改网站在 /sitemap.xml 生成的内容，请改它所依据的数据或文稿",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The preview serves what the build publishes, and warns alike.
	s := build.NewSession(sitetest.Options(sitetest.Write(t, bundle), ""))
	up, err := s.Rebuild()
	if err != nil || len(up.Warnings) != len(want) {
		t.Fatalf("preview: %v, %d warnings", err, len(up.Warnings))
	}
	for path, generated := range map[string]string{"data/help.csv": "参与干部", "feed.xml": "<feed", "sitemap.xml": "<urlset", "notes.txt": "kept"} {
		if data, _ := s.File(path); !strings.Contains(string(data), generated) {
			t.Errorf("preview serves %s as %q", path, data)
		}
	}
}
