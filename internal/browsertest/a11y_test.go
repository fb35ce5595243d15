package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// axePath is axe-core, installed by npm (package.json devDependencies).
const axePath = exampleRoot + "/node_modules/axe-core/axe.min.js"

// a11yPages are pages the accessibility test always opens; one page of
// every other kind found in the build (<body class="kind-…">) and the pages
// of optionalPages that exist are added.
var a11yPages = []string{
	"/", "/activities/volunteer/", "/activities/state-enterprises/",
	"/townships/", "/townships/mayouying/",
	"/stories/", "/stories/forestry-chicks-goslings/", "/about/",
}

var optionalPages = []string{
	"/search/", "/data/", "/stories/page/2/",
	"/activities/volunteer/stories/", "/townships/mayouying/stories/",
}

var bodyKind = regexp.MustCompile(`<body[^>]*\sclass="[^"]*\bkind-([a-z0-9-]+)`)

// pagesOfEveryKind lists a11yPages, then the optional pages that were built,
// then the first page (in path order) of each kind not yet listed, a kind
// being the body's kind-… class and whether the page has charts.
func pagesOfEveryKind(t *testing.T, public string) []string {
	t.Helper()
	kindOf := map[string]string{} // URL → kind
	var urls []string
	err := filepath.WalkDir(public, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		url := "/" + strings.TrimSuffix(filepath.ToSlash(rel), "index.html")
		html, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		kind := "(none)"
		if m := bodyKind.FindSubmatch(html); m != nil {
			kind = string(m[1])
		}
		if strings.Contains(string(html), `<figure class="chart`) {
			kind += " with charts"
		}
		kindOf[url] = kind
		urls = append(urls, url)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(urls)
	var pages []string
	seen := map[string]bool{}
	for _, u := range a11yPages {
		if _, ok := kindOf[u]; !ok {
			t.Errorf("%s was not built", u)
			continue
		}
		pages = append(pages, u)
		seen[kindOf[u]] = true
	}
	for _, u := range optionalPages {
		if _, ok := kindOf[u]; ok {
			pages = append(pages, u)
			seen[kindOf[u]] = true
		}
	}
	for _, u := range urls {
		if k := kindOf[u]; !seen[k] {
			pages = append(pages, u)
			seen[k] = true
		}
	}
	return pages
}

// axeViolation is one failed axe rule with the elements it failed on.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

const axeRun = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
	.then(r => [r.violations, r.incomplete].map(vs => vs.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary || ""}))}))))`

// runAxe injects axe-core into the current page and returns its violations
// and the checks it could not decide (incomplete).
func runAxe(t *testing.T, b *Browser, axeSource string) (violations, incomplete []axeViolation) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axeSource)); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	r, err := chromedp.Run(ctx, chromedp.Evaluate[[2][]axeViolation](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	return r[0], r[1]
}

// axNames are the accessible names and roles Chromium computes for the
// elements that match selector.
func axNames(t *testing.T, b *Browser, selector string) (names, roles []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	type res struct{ names, roles []string }
	r, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (res, error) {
		var out res
		n, err := chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, selector))(ctx, tg)
		if err != nil {
			return out, err
		}
		for i := range n {
			obj, err := chromedp.Evaluate[*runtime.RemoteObject](fmt.Sprintf(`document.querySelectorAll(%q)[%d]`, selector, i))(ctx, tg)
			if err != nil {
				return out, err
			}
			fetch := false
			tree, err := cdp.Call(ctx, tg, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{ObjectID: obj.ObjectID, FetchRelatives: &fetch})
			if err != nil {
				return out, err
			}
			var name, role string
			if len(tree.Nodes) > 0 {
				if v := tree.Nodes[0].Name; v != nil {
					_ = json.Unmarshal(v.Value, &name)
				}
				if v := tree.Nodes[0].Role; v != nil {
					_ = json.Unmarshal(v.Value, &role)
				}
			}
			out.names, out.roles = append(out.names, name), append(out.roles, role)
		}
		return out, nil
	})
	if err != nil {
		t.Fatalf("accessibility tree of %s: %v", selector, err)
	}
	return r.names, r.roles
}

// reportAxe fails the test on each serious or critical violation and logs
// the other violations and what axe could not decide.
func reportAxe(t *testing.T, at string, violations, incomplete []axeViolation) {
	t.Helper()
	for _, v := range violations {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprintf("\n\t\t%s\n\t\t\t%s", n.Target, strings.ReplaceAll(n.Summary, "\n", "\n\t\t\t")))
		}
		msg := fmt.Sprintf("%s: axe %s (%s): %s%s", at, v.ID, v.Impact, v.Help, strings.Join(where, ""))
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Error(msg)
		} else {
			t.Log(msg)
		}
	}
	for _, v := range incomplete {
		if v.ID == "color-contrast" && !strings.Contains(at, "tables open") {
			continue // behind the scroll shadows; checked once they are off
		}
		t.Logf("%s: axe could not decide %s on %d elements (%s), e.g. %s", at, v.ID, len(v.Nodes), v.Help, v.Nodes[0].Target)
	}
}

func press(t *testing.T, b *Browser, key string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
		t.Fatalf("press %q: %v", key, err)
	}
}

// headingSkips lists every heading that goes more than one level below the
// one before it (h1 → h3), and how many h1 the page has.
const headingSkips = `(() => {
	const hs = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")];
	const out = [];
	let prev = 0;
	for (const h of hs) {
		const level = +h.tagName[1];
		if (level > prev + 1) out.push("h" + prev + " → h" + level + " " + JSON.stringify(h.textContent.trim().slice(0, 40)));
		prev = level;
	}
	return {h1: hs.filter(h => h.tagName === "H1").length, skips: out};
})()`

// focusRings focuses every focusable element (after a key press, so that
// :focus-visible applies as it does for keyboard users) and lists those that
// show neither an outline nor a box shadow.
const focusRings = `(() => {
	const sel = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
	const out = [];
	for (const el of document.querySelectorAll(sel)) {
		if (!el.checkVisibility()) continue; // not rendered (e.g. in a closed <details>)
		el.focus();
		if (document.activeElement !== el) { out.push(el.outerHTML.slice(0, 80) + " (cannot take focus)"); continue; }
		const s = getComputedStyle(el);
		const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
		const shadow = s.boxShadow && s.boxShadow !== "none";
		if (!outline && !shadow) out.push(el.outerHTML.slice(0, 80));
	}
	return out;
})()`

// TestExampleAccessibility opens one page of every kind of the example site
// at 360 px and 1280 px, once the charts are drawn, and checks WCAG 2.1 A
// and AA with axe-core (serious and critical violations fail), the
// language, one h1 and no skipped heading level, the skip link (first
// focusable, visible when focused, moves focus to #main), a visible focus
// ring on every focusable element, and that every chart figure has an
// accessible name and a data table.
func TestExampleAccessibility(t *testing.T) {
	axeSource, err := os.ReadFile(axePath)
	if err != nil {
		missingFromNpm(t, "axe-core", err)
	}
	public := filepath.Join(t.TempDir(), "public")
	opts := sitetest.Options(exampleRoot, public)
	opts.Pagefind = build.PagefindIn(exampleRoot) // "" when not installed: no index, no results page
	if _, err := build.Run(opts); err != nil {
		t.Fatal(err)
	}
	pages := pagesOfEveryKind(t, public)
	if opts.Pagefind != "" && slices.Contains(pages, "/search/") {
		pages = append(pages, "/search/?q=养鸭") // the search page with results
	}
	t.Logf("pages: %s", strings.Join(pages, " "))
	b := Open(t, public)
	for _, width := range []int64{360, 1280} {
		b.Viewport(width, 900)
		for _, url := range pages {
			at := fmt.Sprintf("%s at %d px", url, width)
			b.Visit(url)
			if strings.Contains(url, "?q=") && !b.WaitFor(`document.querySelectorAll("#search-results li").length > 0`) {
				t.Errorf("%s: no search results", at)
			}

			violations, incomplete := runAxe(t, b, string(axeSource))
			reportAxe(t, at, violations, incomplete)

			if lang := Eval[string](b, `document.documentElement.lang`); lang == "" {
				t.Errorf("%s: <html> has no lang", at)
			}
			h := Eval[struct {
				H1    int      `json:"h1"`
				Skips []string `json:"skips"`
			}](b, headingSkips)
			if h.H1 != 1 {
				t.Errorf("%s: %d h1 elements, want 1", at, h.H1)
			}
			for _, s := range h.Skips {
				t.Errorf("%s: heading level skipped: %s", at, s)
			}

			// The skip link is the first stop of the Tab key, shows when
			// focused and moves focus to the main content.
			press(t, b, kb.Tab)
			if got := Eval[string](b, `document.activeElement.className`); got != "skip-link" {
				t.Errorf("%s: first Tab focuses %q, want the skip link", at, Eval[string](b, `document.activeElement.outerHTML.slice(0, 80)`))
			} else {
				if !Eval[bool](b, `(() => { const r = document.activeElement.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; })()`) {
					t.Errorf("%s: the focused skip link is not on screen", at)
				}
				press(t, b, kb.Enter)
				if !b.WaitFor(`document.activeElement && document.activeElement.id === "main"`) {
					t.Errorf("%s: the skip link moves focus to %q, want #main", at, Eval[string](b, `document.activeElement.tagName + "#" + document.activeElement.id`))
				}
			}
			press(t, b, kb.Tab)
			for _, el := range Eval[[]string](b, focusRings) {
				t.Errorf("%s: no visible focus indicator on %s", at, el)
			}

			// Each chart is a figure named by its title, with its data as a table.
			names, roles := axNames(t, b, "figure.chart")
			tables := Eval[[]bool](b, `[...document.querySelectorAll("figure.chart")].map(f => !!f.querySelector("table th"))`)
			for i := range names {
				if strings.TrimSpace(names[i]) == "" {
					t.Errorf("%s: chart %d has no accessible name", at, i+1)
				}
				if roles[i] != "figure" {
					t.Errorf("%s: chart %d has role %q, want figure", at, i+1, roles[i])
				}
				if !tables[i] {
					t.Errorf("%s: chart %d has no data table", at, i+1)
				}
			}

			// Once more with every chart's table open, as a reader who opens
			// them sees the page. The scroll shadows of wide tables are
			// background gradients, behind which axe cannot tell the colour of
			// the text (it reports "incomplete", not a violation): they are
			// taken off so that the text is checked on the page's own colours.
			if Eval[int](b, `document.querySelectorAll("details:not([open])").length`) > 0 || Eval[int](b, `document.querySelectorAll(".table-scroll").length`) > 0 {
				Eval[bool](b, `(() => {
					document.querySelectorAll("details").forEach(d => d.open = true);
					const s = document.createElement("style");
					s.textContent = ".table-scroll { background: none !important; }";
					document.head.append(s);
					return true;
				})()`)
				violations, incomplete := runAxe(t, b, string(axeSource))
				reportAxe(t, at+" (tables open)", violations, incomplete)
			}
		}
	}
}
