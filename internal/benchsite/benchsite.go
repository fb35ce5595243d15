// Package benchsite writes the realistic stories the benchmarks build: about
// 1.5 KB of Chinese each (four paragraphs, a two-row table, a figure
// reference, one township, one activity), added to a copy of the example
// site for jinzhan, to a minimal Hugo site with the figures written out, and
// as bare Markdown for the goldmark floor.
package benchsite

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// sentences are the words stories are made of: plain prose about the kind of
// work the campaign did, with no figure, place or person in them.
var sentences = []string{
	"驻村工作队走进农户家中，了解生产生活中的实际困难，逐户登记，逐项研究解决的办法。",
	"乡里把帮扶项目和村里的产业规划结合起来，让每一笔资金都用在群众最需要的地方。",
	"志愿者利用周末帮助村民整理庭院、修缮房屋，村里的道路和院落都变得干净整齐。",
	"帮扶单位定期回访，跟踪项目进展，发现问题及时调整帮扶措施。",
	"村民们说，这些变化看得见、摸得着，日子越过越有奔头。",
	"合作社采取“企业加农户”的方式，带动周边群众一起参与生产、分享收益。",
	"乡镇干部在田间地头讲解政策，把惠民措施一项一项送到群众身边。",
	"电商平台为农产品打开了新的销路，线上订单渐渐多了起来。",
	"技术人员手把手传授种植和养殖技术，帮助农户少走弯路。",
	"各部门分工协作，把责任落实到人，把任务细化到每一天。",
}

// figure is a reference of the example site and the words it is shown as,
// which the Hugo site and the floor get written out.
type figure struct{ activity, ref, text string }

var figures = []figure{
	{"volunteer", "volunteer.cadres", "1.2万名"},
	{"departments", "departments.departments", "97家"},
	{"deputies", "deputies.party-deputies", "227名"},
	{"first-secretary", "first-secretary.cadres", "351名"},
	{"state-enterprises", "state-enterprises.enterprises", "22家"},
}

const table = "| 工作 | 进展 |\n|---|---|\n| 入户走访 | 已经完成 |\n| 产业项目 | 正在推进 |\n"

// paragraph i of story n: four sentences, rotated so stories differ.
func paragraph(n, i int) string {
	var b strings.Builder
	for k := range 4 {
		b.WriteString(sentences[(n+i*3+k)%len(sentences)])
	}
	return b.String()
}

// body is story n's Markdown with its figure written as fig.
func body(n int, fig string) string {
	return "## 工作进展\n\n" + paragraph(n, 0) + "\n\n" + paragraph(n, 1) + "目前已有" + fig + "参与其中。\n\n" +
		table + "\n" + paragraph(n, 2) + "\n\n## 群众反映\n\n" + paragraph(n, 3) + "\n"
}

// Sites are the folders Write made.
type Sites struct {
	Jinzhan string // the example site with the stories added
	Hugo    string // a Hugo site of the same stories
	Floor   string // the stories' Markdown alone
}

// Write writes n stories into the three sites, under dir.
func Write(dir, example string, n int) (Sites, error) {
	s := Sites{Jinzhan: filepath.Join(dir, "jinzhan"), Hugo: filepath.Join(dir, "hugo"), Floor: filepath.Join(dir, "floor")}
	if err := write(s, example, n); err != nil {
		return Sites{}, err
	}
	return s, nil
}

// AddStories adds the n stories to a copy of the example site in site.
func AddStories(site string, n int) error {
	return write(Sites{Jinzhan: site}, site, n)
}

// files writes files until one fails, then does nothing: its first error
// is the writing's (the errWriter idiom), so the writing reads as a list of
// steps.
type files struct{ err error }

func (f *files) check(err error) {
	if f.err == nil {
		f.err = err
	}
}

func write(s Sites, example string, n int) error {
	f := &files{}
	if s.Jinzhan != example {
		f.copySite(example, s.Jinzhan)
	}
	if s.Hugo != "" {
		f.writeHugoSkeleton(s.Hugo)
	}
	townships := f.townshipSlugs(filepath.Join(example, "data/townships.yaml"))
	for i := 0; i < n && f.err == nil; i++ {
		fig := figures[i%len(figures)]
		township := townships[i%len(townships)]
		date := fmt.Sprintf("2020-%02d-%02d", 1+i%12, 1+i%28)
		head := fmt.Sprintf("---\ntitle: 生成的故事%d\ndate: %s\n", i, date)
		name := fmt.Sprintf("gen-%06d.md", i)
		f.writeFile(filepath.Join(s.Jinzhan, "content/stories", name),
			head+"activity: "+fig.activity+"\ntownships: ["+township+"]\nsummary: 第"+fmt.Sprint(i)+"篇生成的故事。\n---\n"+body(i, "{{"+fig.ref+"}}"))
		if s.Hugo != "" {
			f.writeFile(filepath.Join(s.Hugo, "content/stories", name),
				head+"categories: ["+fig.activity+"]\ntags: ["+township+"]\nsummary: 第"+fmt.Sprint(i)+"篇生成的故事。\n---\n"+body(i, fig.text))
		}
		if s.Floor != "" {
			f.writeFile(filepath.Join(s.Floor, name), body(i, fig.text))
		}
	}
	return f.err
}

// copySite copies what jinzhan reads of a site: its settings, data and
// content (the theme is jinzhan's own).
func (f *files) copySite(from, to string) {
	for _, p := range []string{"site.yaml", "data", "content"} {
		src := filepath.Join(from, p)
		if info, err := os.Stat(src); err == nil && info.IsDir() {
			f.check(os.CopyFS(filepath.Join(to, p), os.DirFS(src)))
		} else {
			data, err := os.ReadFile(src)
			f.check(err)
			f.writeFile(filepath.Join(to, p), string(data))
		}
	}
}

var townshipSlug = regexp.MustCompile(`(?m)^  - slug: (\S+)$`)

// townshipSlugs lists the townships of the example; one that lists none
// is an error, and "" stands in for a township so that writing goes on to
// report the first error.
func (f *files) townshipSlugs(path string) []string {
	data, err := os.ReadFile(path)
	f.check(err)
	var slugs []string
	for _, m := range townshipSlug.FindAllStringSubmatch(string(data), -1) {
		slugs = append(slugs, m[1])
	}
	if len(slugs) == 0 {
		f.check(fmt.Errorf("%s lists no township", path))
		return []string{""}
	}
	return slugs
}

func (f *files) writeFile(path, text string) {
	if f.err != nil {
		return
	}
	f.check(os.MkdirAll(filepath.Dir(path), 0o755))
	if f.err == nil {
		f.check(os.WriteFile(path, []byte(text), 0o644))
	}
}

func (f *files) writeHugoSkeleton(dir string) {
	skeleton := map[string]string{
		"hugo.toml":                    "baseURL = 'https://example.org/'\nlanguageCode = 'zh-CN'\ntitle = '测试'\n[pagination]\npagerSize = 20\n",
		"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>`,
		"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}</article>{{ end }}`,
		"layouts/_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }} {{ .Summary }}</li>{{ end }}</ul>{{ end }}`,
		"content/stories/_index.md":    "---\ntitle: 故事\n---\n",
	}
	for name, content := range skeleton {
		f.writeFile(filepath.Join(dir, name), content)
	}
}
