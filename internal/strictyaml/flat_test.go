package strictyaml

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// goYAML is the tree go-yaml's parser makes of data, or nil.
func goYAML(data []byte) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		return nil
	}
	return doc.Content[0]
}

// sameTree reports the first difference between two trees, ignoring the
// comments go-yaml keeps (parseFlat declines text with comments).
func sameTree(a, b *yaml.Node, at string) error {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style || a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Errorf("%s: flat %+v, go-yaml %+v", at, *a, *b)
	}
	for i := range a.Content {
		if err := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkFlat fails when parseFlat accepts data and differs from go-yaml.
func checkFlat(t *testing.T, data []byte) bool {
	t.Helper()
	flat, ok := parseFlat(data)
	if !ok {
		return false
	}
	want := goYAML(data)
	if want == nil {
		t.Fatalf("parseFlat accepted what go-yaml refuses:\n%s", data)
	}
	if err := sameTree(flat, want, ""); err != nil {
		t.Fatalf("%v\nin:\n%s", err, data)
	}
	return true
}

// Every front matter of the example site and of the test sites is parsed
// by parseFlat as go-yaml parses it (most are flat).
func TestFlatFrontMatterIsGoYAMLs(t *testing.T) {
	accepted, seen := 0, 0
	for _, root := range []string{"../../content", "../build/testdata", "../sitetest"} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, _ := os.ReadFile(p)
			for _, front := range frontMatters(data) {
				seen++
				if checkFlat(t, front) {
					accepted++
				}
			}
			return nil
		})
	}
	if seen < 50 || accepted < seen/2 {
		t.Errorf("parseFlat took %d of %d front matters", accepted, seen)
	}
}

// frontMatters finds the blocks between "---" lines at the top of
// Markdown files, also inside txtar archives.
func frontMatters(data []byte) [][]byte {
	var out [][]byte
	for _, part := range bytes.Split(data, []byte("\n-- ")) {
		_, rest, found := bytes.Cut(part, []byte("---\n"))
		if !found {
			continue
		}
		if front, _, found := bytes.Cut(rest, []byte("\n---\n")); found {
			out = append(out, append(front, '\n'))
		}
	}
	return out
}

func TestFlatDeclinesWhatItDoesNotKnow(t *testing.T) {
	for _, text := range []string{
		"title: a # comment\n", "# comment\ntitle: a\n", "title: 'quoted'\n", "title: \"quoted\"\n",
		"title: a\ntitle: b\n", "title:\n  nested: x\n", "list:\n  - a\n", "title: a: b\n",
		"title: [a, [b]]\n", "title: [a,]\n", "title: &anchor a\n", "title: *alias\n", "title: !tag a\n",
		"title: |\n  block\n", "title: >\n  folded\n", "  title: a\n", "title: a \n", "title:a\n",
		"title: a\r\n", "title: a\u2028b\n", "title: -a\n", "title: ?a\n", "title: @a\n", "title: `a\n",
		"title: a:\n", "title: [a] # c\n", "标题: a\n", "title: a\tb\n", "",
	} {
		if _, ok := parseFlat([]byte(text)); ok {
			t.Errorf("parseFlat took %q", text)
		}
	}
}

func TestFlatReadsWhatGoYAMLReads(t *testing.T) {
	for _, text := range []string{
		"title: 生成的故事1\ndate: 2020-01-05\nactivity: volunteer\ntownships: [mayouying, 北四家子乡]\nsummary: 第1篇：生成的故事。\n",
		"title: a\n\n\nweight: 10\nscore: 1.5\nflag: true\nnothing: null\ntilde: ~\nempty: []\nspaced: [ a ,  b c ]\n",
		"title: C#语言 a:b 100%\ndate: 2020-13-45\nn: 0x1F\nm: 1_000\ninf: .inf\nmerge: <<\n",
		"title:    far\nlist:   [ 一, 二二 ,三 ]\n",
		// dates alone, and what only looks like one
		"a: 2020-8-5\nb: 2020-02-29\nc: 2021-02-29\nd: 2020-08-005\ne: 20200-08-05\nf: 2020-08\ng: 2020-08-05-01\nh: 2020-0x-05\ni: 2020-08-5x\n",
		"a: [2020-08-05, 2020-00-05, 2020-8-32]\nb: 2020-08-05T10:00:00Z\nc: 2020-08-05 10:00:00\nd: ２０２０-08-05\n",
	} {
		if !checkFlat(t, []byte(text)) {
			t.Errorf("parseFlat declined %q", text)
		}
	}
}

func FuzzFlatIsGoYAML(f *testing.F) {
	for _, seed := range []string{
		"title: a\ndate: 2020-01-05\ntownships: [a, b]\n", "title: 北票\nsummary: 第1篇。\n",
		"a: [ ]\nb: x y z\n", "a: 1\nb: -1\nc: +1\nd: .5\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if strings.Count(text, "\n") > 50 {
			return
		}
		checkFlat(t, []byte(text))
	})
}
