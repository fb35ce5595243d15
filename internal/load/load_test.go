package load

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

func TestSplitFrontMatter(t *testing.T) {
	front, body, yamlLine, bodyLine, has, ok := splitFrontMatter([]byte("---\ntitle: x\n---\n正文\n"))
	if !has || !ok || string(front) != "title: x\n" || string(body) != "正文\n" || yamlLine != 2 || bodyLine != 4 {
		t.Errorf("got %q %q %d %d %v %v", front, body, yamlLine, bodyLine, has, ok)
	}
	if _, _, _, _, has, ok := splitFrontMatter([]byte("---\ntitle: x\n正文\n")); !has || ok {
		t.Error("an unclosed front matter must be reported")
	}
	if _, body, _, _, has, _ := splitFrontMatter([]byte("正文")); has || string(body) != "正文" {
		t.Error("a file without front matter is all body")
	}
}

func TestLoadReportsBrokenFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":                   {Data: []byte("title: t\nbase_url: https://x.org/\n")},
		"data/campaign.yaml":          {Data: []byte("\xff\xfe bad")},
		"content/stories/a.md":        {Data: []byte("---\ntitle: a\n")},
		"content/stories/Bad_Name.md": {Data: []byte("---\ntitle: b\n---\n")},
		"content/stories/c.md":        {Data: []byte("---\ntitle: c\nsumary: x\n---\n")},
		"data/activities/x.yml":       {Data: []byte("title: x\n")},
	}
	var list diag.List
	Load(fsys, &list)
	var msgs []string
	for _, d := range list.Sorted() {
		msgs = append(msgs, d.Error())
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{
		"data/campaign.yaml:1: the file is not valid UTF-8",
		"content/stories/a.md:1: the front matter is never closed",
		`content/stories/Bad_Name.md: the file name "Bad_Name" cannot be a URL`,
		`content/stories/c.md:3:1: sumary: unknown key "sumary"`,
		"data/activities/x.yml: data files end in .yaml",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, ok := range map[string]bool{"2020": true, "2020-08": true, "2020-08-05": true, "2020-02-30": false, "2020-13": false, "20-08-05": false, "2020-8-5": false} {
		if _, got := ParseDate(in); got != ok {
			t.Errorf("ParseDate(%q) ok = %v", in, got)
		}
	}
}
