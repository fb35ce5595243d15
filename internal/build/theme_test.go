package build_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan"
	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/render"
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

// exampleCopy copies the example site's own files (data, texts, strings)
// into a new folder, for a test to lay files over.
func exampleCopy(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{"data", "content", "i18n"} {
		if err := os.CopyFS(filepath.Join(dir, p), os.DirFS(filepath.Join(exampleRoot, p))); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(exampleRoot, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeText(t, filepath.Join(dir, "site.yaml"), string(data))
	return dir
}

// eachPage calls f with the URL and HTML of every page of a built site.
func eachPage(t testing.TB, public string, f func(url, html string)) {
	t.Helper()
	err := filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(public, filepath.Dir(p))
		url := "/"
		if rel != "." {
			url = "/" + filepath.ToSlash(rel) + "/"
		}
		f(url, readText(t, p))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A site's own header may show the page's own title and address: each page
// gets its own, in a build and in the preview. (jinzhan's header is kept
// per menu item; a site's once was too, and one page's header went to 66
// of the example's 72 pages.)
func TestOverriddenHeaderShowsEachPagesOwn(t *testing.T) {
	dir := exampleCopy(t)
	writeText(t, filepath.Join(dir, "layouts/partials/header.html"),
		`{{define "header"}}<header class="site-header" data-page="{{.Page.URL}}">{{.Page.Title}}</header>{{end}}`)
	r := sitetest.Run(t, dir)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	pages := 0
	eachPage(t, r.Public, func(url, html string) {
		pages++
		if !strings.Contains(html, `<header class="site-header" data-page="`+url+`">`) {
			t.Errorf("%s has another page's header", url)
		}
	})
	if pages < 50 {
		t.Fatalf("only %d pages", pages)
	}
	s := build.NewSession(sitetest.Options(dir, ""))
	if _, err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	assertSessionMatchesFullBuild(t, s, dir)
}

// jinzhan's own templates keep fragments (the header, the footer, list
// entries, figure rows) per build under keys that must cover all they read.
// A site holding its own copies of every built-in layout (each with a
// comment of its own, so no longer the theme's) keeps none, so it builds
// what every page reads afresh: byte for byte the same site, or a key
// misses something its fragment shows.
func TestFragmentKeysCoverWhatTheyRead(t *testing.T) {
	for name, dir := range map[string]string{"example": exampleCopy(t), "national-en": sitetest.Write(t, nationalSite(t, "national-en"))} {
		t.Run(name, func(t *testing.T) {
			kept := sitetest.Run(t, dir)
			if kept.Err != nil {
				t.Fatal(kept.Err)
			}
			copied := filepath.Join(t.TempDir(), "site")
			if err := os.CopyFS(copied, os.DirFS(dir)); err != nil {
				t.Fatal(err)
			}
			os.RemoveAll(filepath.Join(copied, "public"))
			err := fs.WalkDir(jinzhan.DefaultTheme(), "layouts", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := fs.ReadFile(jinzhan.DefaultTheme(), p)
				writeText(t, filepath.Join(copied, p), "{{/* the site's own */}}"+string(data))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			afresh := sitetest.Run(t, copied)
			if afresh.Err != nil {
				t.Fatal(afresh.Err)
			}
			pages := 0
			eachPage(t, kept.Public, func(url, html string) {
				pages++
				if got := afresh.Read(render.OutputPath(url)); got != html {
					t.Errorf("%s differs when nothing is kept:\n%s", url, firstDifference(html, got))
				}
			})
			if pages < 5 {
				t.Fatalf("only %d pages", pages)
			}
		})
	}
}

// firstDifference shows where two texts part.
func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-80)
	return "kept:   …" + want[from:min(len(want), i+80)] + "\nafresh: …" + got[from:min(len(got), i+80)]
}
