package build_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/locale"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

// exampleRoot is the example site: the repository itself.
const exampleRoot = "../.."

// seedFigure is one figure of the seed article: how the site shows it and
// the reference of the data entry that holds it.
type seedFigure struct{ display, ref string }

func readSeedFigures(t *testing.T) []seedFigure {
	t.Helper()
	f, err := os.Open("testdata/seed_figures.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []seedFigure
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		display, ref, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("seed_figures.txt: bad line %q", line)
		}
		out = append(out, seedFigure{display, ref})
	}
	return out
}

// TestExampleDataHoldsEverySeedFigureOnce checks the data against the list
// of the article's figures: each is in the data once, shown exactly as the
// article gives it (unit and qualifier), and the data holds nothing else.
func TestExampleDataHoldsEverySeedFigureOnce(t *testing.T) {
	var problems diag.List
	in := load.Load(os.DirFS(exampleRoot), &problems)
	cat := validate.Check(in, &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	seeds := readSeedFigures(t)
	zh := locale.New("zh-CN")
	listed := map[string]bool{}
	for _, s := range seeds {
		if listed[s.ref] {
			t.Errorf("%s is listed twice", s.ref)
		}
		listed[s.ref] = true
		f, ok := cat.Figures[s.ref]
		if !ok {
			t.Errorf("seed figure %s (%s) is not in the data", s.display, s.ref)
			continue
		}
		if shown := zh.Figure(f.Quantity); shown != s.display {
			t.Errorf("%s shows %q, the article says %q", s.ref, shown, s.display)
		}
		if f.Source == nil || f.Source.Publisher != "辽宁日报" || f.AsOf.IsZero() {
			t.Errorf("%s lacks its source or as-of date", s.ref)
		}
	}
	for ref := range cat.Figures {
		if !listed[ref] {
			t.Errorf("the data holds %s (%s), which is not a figure of the article", ref, cat.Figures[ref].AsWritten())
		}
	}
}

// TestExampleSiteShowsEveryFigure builds the example site and finds each
// seed figure on the page of its activity (or the overview).
func TestExampleSiteShowsEveryFigure(t *testing.T) {
	public := filepath.Join(t.TempDir(), "public")
	r := &sitetest.Result{T: t, Public: public}
	res, err := runExample(public)
	if err != nil {
		t.Fatal(err)
	}
	r.Build = res
	for _, s := range readSeedFigures(t) {
		scope, _, _ := strings.Cut(s.ref, ".")
		page := "activities/" + scope + "/index.html"
		if scope == validate.CampaignScope {
			page = "index.html"
		}
		r.AssertFile(page, ">"+s.display+"</data>")
	}
	r.AssertFile("index.html", "决胜小康 决战脱贫 奋斗有我", "北票市", "推进督导办公室", "统筹推进组", "督导检查组")
	r.AssertFile("stories/quanjuyong-duck-farming/index.html", "养鸭", `href="/townships/quanjuyong/"`)
	if res.Pages < 40 || res.Charts < 10 {
		t.Errorf("example site: %s", res.Summary())
	}
}

func runExample(public string) (*build.Result, error) {
	return build.Run(sitetest.Options(exampleRoot, public))
}
