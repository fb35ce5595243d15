package load

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/markdown"
	"github.com/yuin/goldmark/ast"
)

// loadStory loads a site holding one story, returning it and its problems.
func loadStory(t *testing.T, story string) (*Doc, []string) {
	t.Helper()
	return loadStoryCached(t, story, nil)
}

// loadStoryCached is loadStory through a preview's cache of parsed Markdown.
func loadStoryCached(t *testing.T, story string, cache *DocCache) (*Doc, []string) {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml":            {Data: []byte("title: t\nbase_url: https://x.org/\n")},
		"data/campaign.yaml":   {Data: []byte("name: n\nplace: p\nsource: s\n")},
		"content/stories/a.md": {Data: []byte(story)},
	}
	var list diag.List
	in := LoadCached(fsys, cache, &list)
	var msgs []string
	for _, d := range list.Sorted() {
		if strings.HasPrefix(d.Pos.File, "content/") {
			msgs = append(msgs, d.Error())
		}
	}
	if len(in.Docs) != 1 {
		t.Fatalf("%d documents loaded, want 1 (%v)", len(in.Docs), msgs)
	}
	return in.Docs[0], msgs
}

func figureRefs(marks []ast.Node) []*markdown.FigureRef {
	var refs []*markdown.FigureRef
	for _, n := range marks {
		if r, ok := n.(*markdown.FigureRef); ok {
			refs = append(refs, r)
		}
	}
	return refs
}

// The most figure references a story may hold load with their positions,
// whether they share one line (each column counted from the line's start)
// or stand on lines of their own.
func TestMostFigureReferencesLoadWithPositions(t *testing.T) {
	const front = "---\ntitle: 数据\n---\n正文\n" // the body starts on line 4
	ref := "{{help.people}}"
	for _, c := range []struct {
		name string
		body string
		last diag.Pos
	}{
		{"one line", strings.Repeat(ref, markdown.MaxFigureRefs) + "\n",
			diag.Pos{File: "content/stories/a.md", Line: 5, Col: 1 + (markdown.MaxFigureRefs-1)*len(ref)}},
		{"own lines", strings.Repeat("约"+ref+"\n", markdown.MaxFigureRefs),
			diag.Pos{File: "content/stories/a.md", Line: 4 + markdown.MaxFigureRefs, Col: 2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, problems := loadStory(t, front+c.body)
			if len(problems) > 0 {
				t.Fatalf("problems: %v", problems)
			}
			body := "正文\n" + c.body // the Markdown after the front matter
			refs := figureRefs(doc.Marks)
			if len(refs) != markdown.MaxFigureRefs {
				t.Fatalf("%d references, want %d", len(refs), markdown.MaxFigureRefs)
			}
			first, last := refs[0], refs[len(refs)-1]
			wantFirst := diag.Pos{File: "content/stories/a.md", Line: 5, Col: 1 + len([]rune(c.body[:strings.Index(c.body, ref)]))}
			if got := doc.PosAt(first.Offset); got != wantFirst {
				t.Errorf("first reference at %v, want %v", got, wantFirst)
			}
			if got := doc.PosAt(last.Offset); got != c.last {
				t.Errorf("last reference at %v, want %v", got, c.last)
			}
			if first.Ref != "help.people" || last.Ref != "help.people" || !strings.HasPrefix(body[last.Offset:], ref) {
				t.Errorf("references %q … %q, body at the last one %q", first.Ref, last.Ref, body[last.Offset:])
			}
		})
	}
}

// A text over a limit is not parsed: it is reported where the limit is
// passed, and the front matter is still checked; the preview, which keeps
// parsed files between builds, reports it on every build.
func TestTextOverBudgetIsReportedAndNotParsed(t *testing.T) {
	story := "---\ntitle: 图表\nsumary: x\n---\n" + strings.Repeat("```chart\ntype: bar\n```\n\n", markdown.MaxChartBlocks) + "```chart\n"
	want := strings.Join([]string{
		`content/stories/a.md:3:1: sumary: unknown key "sumary"` + "\n\thint: did you mean summary?",
		"content/stories/a.md:205:1: more than 50 chart blocks in one file\n\thint: put the other charts in another story, or under charts: in the activity's data file",
	}, "\n")
	cache := NewDocCache()
	for _, c := range []*DocCache{nil, cache, cache} {
		doc, problems := loadStoryCached(t, story, c)
		if got := strings.Join(problems, "\n"); got != want {
			t.Errorf("problems:\n%s\nwant:\n%s", got, want)
		}
		var html bytes.Buffer
		if err := doc.Text.Render(&html, nil, nil); err != nil || html.Len() != 0 || len(doc.Marks) != 0 {
			t.Errorf("the text was parsed: %d marks, HTML %.40q (error %v)", len(doc.Marks), html.String(), err)
		}
	}
}
