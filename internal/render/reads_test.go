package render

import (
	"hash/maphash"
	"html/template"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jinzhan-dev/jinzhan"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/theme"
)

// readPaths lists a plan's paths with how each is read: "Page.Story.Title w".
func readPaths(p *readPlan) []string {
	var out []string
	var walk func(n *readNode, prefix string)
	walk = func(n *readNode, prefix string) {
		for _, c := range n.next {
			path := strings.TrimPrefix(prefix+"."+c.step, ".")
			if c.how != 0 {
				how := ""
				for bit, letter := range map[readHow]string{readTruth: "t", readLen: "n", readShown: "s", readWhole: "w"} {
					if c.how&bit != 0 {
						how += letter
					}
				}
				b := []byte(how)
				slices.Sort(b)
				out = append(out, path+" "+string(b))
			}
			walk(c, path)
		}
	}
	walk(&p.root, "")
	slices.Sort(out)
	return out
}

func planOf(t *testing.T, src string) *readPlan {
	t.Helper()
	th := &Theme{strings: map[string]string{}}
	funcs := th.funcs()
	set := template.Must(template.New("page").Funcs(funcs).Parse(src))
	return planReads("page", treesOf(set), funcKinds(funcs))
}

func TestReadsFollowTheTemplate(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string // paths that must be read, as readPaths writes them
		not       []string // paths that must not be
	}{
		{"a field printed", `{{.Page.Title}}`, []string{"Page.Title w"}, nil},
		{"a condition reads emptiness, with gives its dot", `{{with .Page.Story}}{{.Title}}{{end}}`, []string{"Page.Story t", "Page.Story.Title w"}, nil},
		{"both branches", `{{if .Page.List}}{{.Site.Title}}{{else}}{{.Site.Copyright}}{{end}}`, []string{"Page.List t", "Site.Copyright w", "Site.Title w"}, nil},
		{"a range reads how many and every element", `{{range .Page.Story.Activity.Stories}}{{.Title}}{{end}}`, []string{"Page.Story.Activity.Stories n", "Page.Story.Activity.Stories.[].Title w"}, nil},
		{"a variable assigned in a loop is read in the next round", `{{$prev := ""}}{{range .Site.Stories}}{{$prev}}{{$prev = .Date}}{{end}}`, []string{"Site.Stories.[].Date w"}, nil},
		{"variables and $", `{{$s := .Page.Story}}{{range $i, $t := $s.Townships}}{{$.Site.Title}}{{$t.Name}}{{end}}`, []string{"Page.Story.Townships n", "Page.Story.Townships.[].Name w", "Site.Title w"}, nil},
		{"a template gets its data", `{{define "x"}}{{.Name}}{{end}}{{template "x" .Page.Township}}`, []string{"Page.Township.Name w"}, nil},
		{"limit with a number reads the first ones", `{{range limit 5 .Site.Stories}}{{.Title}}{{end}}`, []string{"Site.Stories.[:5] n", "Site.Stories.[:5].[].Title w"}, []string{"Site.Stories.[].Title w"}},
		{"index with a number", `{{with index .Page.Story.Photos 0}}{{.Alt}}{{end}}`, []string{"Page.Story.Photos.[0] t", "Page.Story.Photos.[0].Alt w"}, nil},
		{"jinzhan's functions read what they show", `{{fig .Page.Story.Figures}}{{absURL .Site.BaseURL .Page.URL}}`, []string{"Page.Story.Figures s", "Page.URL s", "Site.BaseURL s"}, nil},
		{"builtins read whole; and, or, not the truth", `{{if and .Page.Story (not .Page.List)}}{{printf "%v" .Page.Kind}}{{end}}`, []string{"Page.Kind w", "Page.List t", "Page.Story t"}, nil},
		{"len reads how many", `{{len .Site.Stories}}`, []string{"Site.Stories n"}, []string{"Site.Stories w"}},
		{"a method's arguments", `{{.Page.Doc.PosAt .Page.URL}}`, []string{"Page.Doc.PosAt w", "Page.URL w"}, nil},
		{"a pipeline's last argument", `{{.Page.Title | printf "%s"}}`, []string{"Page.Title w"}, nil},
		{"cached renders its template with its data", `{{define "h"}}{{.Page.URL}}{{end}}{{cached "h" "" .}}`, []string{"Page.URL w"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			plan := planOf(t, c.src)
			if plan.unbounded {
				t.Fatalf("unbounded: %s", plan.why)
			}
			got := readPaths(plan)
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("no %q in %q", w, got)
				}
			}
			for _, n := range c.not {
				if slices.Contains(got, n) {
					t.Errorf("%q in %q", n, got)
				}
			}
		})
	}
}

// Where the reads cannot be followed, the page is rendered every time.
func TestReadsGiveUpWhereTheyCannotFollow(t *testing.T) {
	for name, src := range map[string]string{
		"call":                    `{{call .Page.Title}}`,
		"a name made at run time": `{{cached .Page.Kind "" .}}`,
		"recursion down a path":   `{{define "r"}}{{.Title}}{{template "r" .Page}}{{end}}{{template "r" .}}`,
	} {
		if plan := planOf(t, src); !plan.unbounded {
			t.Errorf("%s: bounded: %q", name, readPaths(plan))
		}
	}
}

// A page whose template reads its whole data is never signed.
func TestPagesReadWholeAreNotSigned(t *testing.T) {
	th := &Theme{strings: map[string]string{}}
	funcs := th.funcs()
	set := template.Must(template.New("page").Funcs(funcs).Parse(`{{printf "%v" .}}`))
	th.plans = map[string]*readPlan{"page": planReads("page", treesOf(set), funcKinds(funcs))}
	if _, ok := th.Signatures(&site.Site{}, maphash.MakeSeed()).Page(&site.Page{Kind: "page"}); ok {
		t.Error("signed")
	}
}

// Every page of jinzhan's own theme has its reads followed, in both
// languages: none is rendered on every rebuild.
func TestDefaultThemeReadsAreFollowed(t *testing.T) {
	for _, lang := range []string{"zh-CN", "en"} {
		th, err := NewTheme(theme.New(fstest.MapFS{}, "default", jinzhan.DefaultTheme()), lang, load.PlaceNames{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range pageKinds {
			if p := th.plans[kind]; p == nil || p.unbounded {
				t.Errorf("%s pages: %+v", kind, p)
			}
		}
	}
}
