package build_test

import (
	"cmp"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

var (
	previewSeed  = flag.Uint64("preview.seed", 0, "seed of TestPreviewIsTheBuild's edits (0: from the clock)")
	previewSteps = flag.Int("preview.steps", 12, "edits per site in TestPreviewIsTheBuild")
)

// overriddenLayouts are a site's own layouts that read what jinzhan's do
// not: a header with the page's own title and address, a story page
// listing the other stories of its activity (each with the date of the one
// before, kept in a variable), a township page listing its figures. Each has a
// second form, for the edits that change a layout.
var overriddenLayouts = map[string][2]string{
	"layouts/partials/header.html": {
		`{{define "header"}}<header class="site-header"><a href="/">{{.Site.Title}}</a> <span class="here">{{.Page.Title}} {{.Page.URL}}</span></header>{{end}}`,
		`{{define "header"}}<header class="site-header"><a href="/">{{.Site.Title}}</a> {{len .Site.Stories}} <span class="here">{{.Page.URL}}</span></header>{{end}}`,
	},
	"layouts/story.html": {
		`{{define "main"}}{{$s := .Page.Story}}<article><h1>{{$s.Title}}</h1>{{.Content}}
{{with $s.Activity}}<ul class="siblings">{{$prev := ""}}{{range .Stories}}<li><a href="{{.URL}}">{{.Title}}</a>{{range .Townships}} {{.Name}}{{end}}{{with $prev}} ({{date .}}){{end}}</li>{{$prev = .Date}}{{end}}</ul>{{end}}
{{template "figure-table" $s.Figures}}</article>{{end}}`,
		`{{define "main"}}{{$s := .Page.Story}}<article><h1>{{$s.Title}}</h1>{{.Content}}
{{with $s.Activity}}<ol class="siblings">{{range $i, $o := .Stories}}{{if lt $i 2}}<li>{{$o.Title}} {{date $o.Date}}</li>{{end}}{{end}}</ol>{{end}}</article>{{end}}`,
	},
	"layouts/township.html": {
		`{{define "main"}}{{$t := .Page.Township}}<h1>{{$t.Name}}</h1>{{range $t.Breakdowns}}<h2>{{.Name}} {{.Activity.ShortTitle}}</h2><ul>{{range .Figures}}<li>{{.Label}} {{fig .Quantity}}</li>{{end}}</ul>{{end}}
<ul>{{range $t.Stories}}<li>{{.Title}}</li>{{end}}</ul>{{end}}`,
		`{{define "main"}}{{$t := .Page.Township}}<h1>{{$t.Name}}</h1>{{template "story-preview" $t}}{{range $t.Breakdowns}}{{template "figure-table" .Figures}}{{end}}{{end}}`,
	},
}

// visitActivity is a second activity, so that stories can change activity.
const visitActivity = `title: 走访活动
short_title: 走访
source: paper
metrics:
  - id: homes
    label: 走访户数
    value: 500
    unit: 户
`

// previewSite is what the edits change: stories, figures, strings and
// layouts, written into dir.
type previewSite struct {
	t       *testing.T
	dir     string
	rng     *rand.Rand
	stories map[string]previewStory
	next    int
	changed []string
}

type previewStory struct {
	title, activity, township, ref string
	month                          int
	// body picks one of the sentences of the text; chart adds a chart
	// block; summary, when set, replaces the one made from the title.
	body    int
	chart   bool
	summary string
}

var (
	previewRefs      = []string{"help.people", "help.visits", "help.forestry.chicks", "help.tax.chicks", "visit.homes"}
	previewTownships = []string{"mayouying", "longtan"}
	previewFigures   = []struct{ file, label string }{
		{"data/activities/help.yaml", "送鹅雏"}, {"data/activities/help.yaml", "入户走访"}, {"data/activities/help.yaml", "送鸡雏"}, {"data/activities/visit.yaml", "走访户数"},
	}
)

func (s *previewSite) path(rel string) string { return filepath.Join(s.dir, filepath.FromSlash(rel)) }

func (s *previewSite) write(rel, content string) {
	writeText(s.t, s.path(rel), content)
	s.changed = append(s.changed, rel)
}

func (s *previewSite) remove(rel string) {
	if err := os.Remove(s.path(rel)); err != nil && !os.IsNotExist(err) {
		s.t.Fatal(err)
	}
	s.changed = append(s.changed, rel)
}

func (s *previewSite) writeStory(slug string) {
	st := s.stories[slug]
	summary := cmp.Or(st.summary, st.title+"的摘要。")
	body := fmt.Sprintf([]string{"%s说到{{%s}}。\n", "%s又说起{{%s}}，还有{{help.visits}}。\n", "## %s\n\n第三种写法：{{%s}}。\n"}[st.body], st.title, st.ref)
	if st.chart {
		body += "\n```chart\ntype: bar\ntitle: " + st.title + "的图\nmetrics: [help.people, help.visits]\n```\n"
	}
	s.write("content/stories/"+slug+".md", fmt.Sprintf("---\ntitle: %s\ndate: 2020-%02d-01\nactivity: %s\ntownships: [%s]\nsummary: %s\n---\n%s",
		st.title, st.month, st.activity, st.township, summary, body))
}

// previewTexts are forms of the home page's and the activity's texts:
// with and without a summary, other figures, a chart block.
var previewTexts = map[string][]string{
	"content/_index.md": {
		"---\ntitle: 总览\n---\n全市{{help.people}}参与。\n",
		"---\ntitle: 总览页\nsummary: 总览的摘要。\n---\n全市{{help.visits}}走访。\n",
		"---\ntitle: 总览\n---\n全市参与。\n\n```chart\ntype: bar\ntitle: 总览里的图\nmetrics: [help.people, help.visits]\n```\n",
	},
	"content/activities/help.md": {
		"---\ntitle: 帮扶活动\n---\n协调资金{{help.funds}}。\n",
		"---\ntitle: 帮扶活动\nsummary: 叙述里的摘要。\n---\n协调资金{{help.funds}}，走访{{help.visits}}。\n",
		"---\ntitle: 帮扶活动\n---\n没有数字的叙述。\n\n```chart\ntype: pie\ntitle: 叙述里的图\nmetrics: [help.forestry.chicks, help.tax.chicks]\n```\n",
	},
}

func (s *previewSite) pick(xs []string) string { return xs[s.rng.IntN(len(xs))] }

func (s *previewSite) someStory() string {
	return s.pick(slices.Sorted(maps.Keys(s.stories)))
}

func (s *previewSite) addStory() string {
	s.next++
	slug := fmt.Sprintf("story-%d", s.next)
	ref := s.pick(previewRefs)
	s.stories[slug] = previewStory{title: fmt.Sprintf("故事%d", s.next), activity: strings.Split(ref, ".")[0], township: s.pick(previewTownships), ref: ref, month: 1 + s.rng.IntN(12)}
	s.writeStory(slug)
	return "add " + slug
}

// edit makes one random edit and says what it was.
func (s *previewSite) edit(overridden bool) string {
	switch s.rng.IntN(20) {
	case 15:
		return s.toggle("data/townships.yaml", "name: 龙潭镇\n", "name: 龙潭新镇\n", "township renamed")
	case 16:
		if s.rng.IntN(2) == 0 {
			return s.toggle("site.yaml", "title: 测试站点\n", "title: 测试站点二\n", "site retitled")
		}
		return s.toggle("site.yaml", "language: zh-CN\n", "language: zh-CN\nmenu:\n  - label: 故事\n    url: /stories/\n  - label: 数据\n    url: /data/\n", "menu written")
	case 17:
		if s.rng.IntN(2) == 0 {
			return s.toggle("data/activities/visit.yaml", "short_title: 走访\n", "short_title: 走访二\nweight: -1\n", "activity renamed and moved first")
		}
		return s.toggle("data/activities/help.yaml", "    townships: [mayouying]\n", "    townships: [longtan]\n", "breakdown moved to another township")
	case 18:
		const extra = "data/activities/extra.yaml"
		if _, err := os.Stat(s.path(extra)); err == nil {
			s.remove(extra)
			return "activity removed"
		}
		s.write(extra, "title: 新增活动\nsource: paper\nmetrics:\n  - id: n\n    label: 新增数\n    value: 7\n    unit: 个\n")
		return "activity added"
	case 19:
		if s.rng.IntN(2) == 0 {
			return s.toggle("data/activities/help.yaml", "    label: 入户走访\n", "    label: 入户走访次数\n", "figure relabelled")
		}
		return s.toggle("data/campaign.yaml", "headline: [campaign.carriers, help.people]\n", "headline: [help.visits]\n", "campaign headline changed")
	case 9:
		slug, st := s.changeStory(func(st *previewStory) { st.body = (st.body + 1 + s.rng.IntN(2)) % 3 })
		return fmt.Sprintf("text of %s: form %d", slug, st.body)
	case 10:
		slug, st := s.changeStory(func(st *previewStory) { st.chart = !st.chart })
		return fmt.Sprintf("chart block in %s: %v", slug, st.chart)
	case 11:
		slug, st := s.changeStory(func(st *previewStory) { st.summary = fmt.Sprintf("另一个摘要%d。", s.rng.IntN(1000)) })
		return "summary of " + slug + ": " + st.summary
	case 12:
		name := s.pick(slices.Sorted(maps.Keys(previewTexts)))
		form := s.rng.IntN(len(previewTexts[name]))
		s.write(name, previewTexts[name][form])
		return fmt.Sprintf("%s, form %d", name, form)
	case 13:
		const page = "content/about.md"
		if _, err := os.Stat(s.path(page)); err == nil {
			s.remove(page)
			return "page removed"
		}
		s.write(page, fmt.Sprintf("---\ntitle: 关于%d\n---\n关于本站，{{help.people}}。\n", s.rng.IntN(100)))
		return "page added"
	case 14:
		slug := s.someStory()
		s.remove("content/stories/" + slug + ".md")
		s.writeStory(slug)
		return "removed and written again: " + slug
	case 0:
		return s.addStory()
	case 1:
		if len(s.stories) < 2 {
			return s.addStory()
		}
		slug := s.someStory()
		delete(s.stories, slug)
		s.remove("content/stories/" + slug + ".md")
		return "delete " + slug
	case 2:
		slug, st := s.changeStory(func(st *previewStory) { st.title = fmt.Sprintf("改名%d", s.rng.IntN(1000)) })
		return "retitle " + slug + " " + st.title
	case 3:
		slug, st := s.changeStory(func(st *previewStory) {
			st.township = previewTownships[(slices.Index(previewTownships, st.township)+1)%len(previewTownships)]
		})
		return "move " + slug + " to " + st.township
	case 4:
		slug, st := s.changeStory(func(st *previewStory) {
			st.activity = map[string]string{"help": "visit", "visit": "help"}[st.activity]
			st.ref = map[string]string{"help": "help.people", "visit": "visit.homes"}[st.activity]
		})
		return "move " + slug + " to activity " + st.activity
	case 5:
		f := previewFigures[s.rng.IntN(len(previewFigures))]
		value := 1 + s.rng.IntN(9000)
		re := regexp.MustCompile(`(label: ` + f.label + `\n\s+value: )\S+`)
		s.write(f.file, re.ReplaceAllString(readText(s.t, s.path(f.file)), fmt.Sprintf("${1}%d", value)))
		return fmt.Sprintf("figure %s = %d", f.label, value)
	case 6:
		n := s.rng.IntN(3)
		s.write("i18n/zh-CN.yaml", fmt.Sprintf("related_stories: 相关故事%d\nfigures_in_story: 本文数据%d\nkind_stories: 故事%d\n", n, n, n))
		return fmt.Sprintf("strings %d", n)
	case 7:
		if !overridden {
			footer := "layouts/partials/footer.html"
			if _, err := os.Stat(s.path(footer)); err == nil {
				s.remove(footer)
				return "layout: the theme's footer again"
			}
			s.write(footer, `{{define "footer"}}<footer>{{.Site.Title}} {{.Page.Title}}</footer>{{end}}`)
			return "layout: a footer of the site's"
		}
		name := s.pick(slices.Sorted(maps.Keys(overriddenLayouts)))
		form := s.rng.IntN(2)
		s.write(name, overriddenLayouts[name][form])
		return fmt.Sprintf("layout %s, form %d", name, form)
	default:
		slug, st := s.changeStory(func(st *previewStory) { st.month = 1 + s.rng.IntN(12) })
		return fmt.Sprintf("date of %s: month %d", slug, st.month)
	}
}

// toggle replaces a with b in the file rel, or b with a, and says what it
// did.
func (s *previewSite) toggle(rel, a, b, what string) string {
	text := readText(s.t, s.path(rel))
	switch {
	case strings.Contains(text, b): // first: b may hold a
		text, what = strings.Replace(text, b, a, 1), what+", undone"
	case strings.Contains(text, a):
		text = strings.Replace(text, a, b, 1)
	default:
		s.t.Fatalf("%s has neither %q nor %q", rel, a, b)
	}
	s.write(rel, text)
	return what
}

// changeStory edits a story picked at random and writes it again.
func (s *previewSite) changeStory(edit func(*previewStory)) (string, previewStory) {
	slug := s.someStory()
	st := s.stories[slug]
	edit(&st)
	s.stories[slug] = st
	s.writeStory(slug)
	return slug, st
}

// The preview is the build: on a site with layouts of its own, and on one
// with jinzhan's, a session follows a random sequence of edits, and after
// each one every page and file it serves is byte for byte what a fresh
// build makes. Run longer with -preview.steps=500; replay a failure with
// the -preview.seed it prints.
func TestPreviewIsTheBuild(t *testing.T) {
	seed := *previewSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	steps := *previewSteps
	if testing.Short() {
		steps = min(steps, 6)
	}
	for _, overridden := range []bool{true, false} {
		t.Run(fmt.Sprintf("overridden=%v", overridden), func(t *testing.T) {
			dir := sitetest.Write(t, baseSite+"-- data/activities/visit.yaml --\n"+visitActivity)
			s := &previewSite{t: t, dir: dir, rng: rand.New(rand.NewPCG(seed, 9)), stories: map[string]previewStory{}}
			if overridden {
				for name, forms := range overriddenLayouts {
					s.write(name, forms[0])
				}
			}
			for range 3 {
				s.addStory()
			}
			session := build.NewSession(sitetest.Options(dir, ""))
			up, err := session.Rebuild()
			if err != nil {
				t.Fatal(err)
			}
			served := map[string]bool{}
			follow := func(up *build.Update) {
				for _, u := range up.Rendered {
					served[u] = true
				}
				for _, u := range up.Removed {
					delete(served, u)
				}
			}
			follow(up)
			var done []string
			for step := range steps {
				s.changed = nil
				done = append(done, s.edit(overridden))
				changed := s.changed
				if step%5 == 4 {
					changed = nil // as after a watcher overflow: unknown
				}
				up, err := session.RebuildChanged(changed)
				if err != nil {
					t.Fatalf("-preview.seed=%d, step %d (%s): %v", seed, step, strings.Join(done, "; "), err)
				}
				follow(up)
				if !sessionIsTheBuild(t, session, dir, served) {
					t.Fatalf("-preview.seed=%d: after step %d the preview differs from a build; edits: %s", seed, step, strings.Join(done, "; "))
				}
				if idle, err := session.RebuildChanged([]string{}); err != nil || len(idle.Rendered) != 0 {
					t.Fatalf("-preview.seed=%d, step %d: a rebuild with nothing changed rendered %v (%v)", seed, step, idle.Rendered, err)
				}
			}
		})
	}
}

// sessionIsTheBuild compares every file of a fresh build of dir with what
// s serves, and the pages s serves (served, followed from its updates) with
// the build's.
func sessionIsTheBuild(t *testing.T, s *build.Session, dir string, served map[string]bool) bool {
	t.Helper()
	public := assertSessionMatchesFullBuild(t, s, dir)
	built := map[string]bool{}
	eachPage(t, public, func(url, _ string) { built[url] = true })
	for url := range built {
		if !served[url] {
			t.Errorf("the preview does not list %s", url)
		}
	}
	for url := range served {
		if _, ok := s.Page(url); !built[url] || !ok {
			t.Errorf("the preview lists %s, which the build has not (or does not serve it: %v)", url, ok)
		}
	}
	return !t.Failed()
}
