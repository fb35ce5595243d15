// Package browsertest opens built pages in a real headless Chromium (driven
// by chromedp) and reports what a reader's browser would see: charts drawn,
// console errors, scripts that ran.
package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Browser is one headless Chromium for a test, with a server for a site.
type Browser struct {
	t      testing.TB
	ctx    context.Context
	Server *httptest.Server

	// width and height of the viewport Visit opens pages in (360×800 unless Viewport is called).
	width, height int64

	mu       sync.Mutex
	problems []string // console errors, exceptions, failed loads
	dialogs  []string // alert/confirm/prompt messages: scripts that ran
}

// chromiumPath finds Chromium; in CI its absence fails the test, elsewhere
// the test is skipped (.ci/run installs it).
func chromiumPath(t testing.TB) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed; .ci/run installs it")
	}
	t.Skip("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
	return ""
}

// missingFromNpm stops a test that needs a package npm installs into the
// checkout: in CI its absence fails the test, elsewhere (a clone built with
// Go alone) the test is skipped; make test and .ci/run run npm ci.
func missingFromNpm(t testing.TB, what string, err error) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed (make test runs npm ci): %v", what, err)
	}
	t.Skipf("%s is not installed (make deps runs npm ci): %v", what, err)
}

// Open starts Chromium and serves dir over HTTP on loopback.
func Open(t testing.TB, dir string) *Browser {
	t.Helper()
	exe := chromiumPath(t)
	b := &Browser{t: t, Server: httptest.NewServer(http.FileServer(http.Dir(dir))), width: 360, height: 800}
	t.Cleanup(b.Server.Close)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(360, 800),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	b.ctx = ctx
	if err := chromedp.Listen(ctx, b.event); err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *Browser) event(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError {
			b.problems = append(b.problems, "console.error")
		}
	case *runtime.EventExceptionThrown:
		b.problems = append(b.problems, "exception: "+e.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			b.problems = append(b.problems, "log: "+e.Entry.Text+" "+e.Entry.URL)
		}
	case *page.EventJavascriptDialogOpening:
		b.dialogs = append(b.dialogs, e.Message)
		go b.dismissDialog()
	}
}

// dismissDialog closes an alert so the page goes on; the dialog is recorded.
func (b *Browser) dismissDialog() {
	_ = chromedp.Do(b.ctx, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		return chromedp.Void{}, err
	})
}

// Viewport sets the size of the viewport the following visits use.
func (b *Browser) Viewport(width, height int64) { b.width, b.height = width, height }

// Visit loads a page (path on the server) and returns the problems and
// dialogs seen while it loaded.
func (b *Browser) Visit(path string) (problems, dialogs []string) {
	b.t.Helper()
	b.mu.Lock()
	b.problems, b.dialogs = nil, nil
	b.mu.Unlock()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(b.width, b.height), chromedp.Navigate(b.Server.URL+path)); err != nil {
		b.t.Fatalf("open %s: %v", path, err)
	}
	// Let deferred scripts run and late errors arrive.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		b.t.Fatalf("%s never finished loading: %v", path, err)
	}
	time.Sleep(150 * time.Millisecond)
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...), append([]string(nil), b.dialogs...)
}

// Eval evaluates a JavaScript expression in the current page.
func Eval[T any](b *Browser, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("eval %s: %v", expr, err)
	}
	return v
}

// WaitFor polls a JavaScript predicate until it holds.
func (b *Browser) WaitFor(expr string) bool {
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second)))
	return err == nil
}

// PrintPages prints the current page to PDF as Chromium does for a reader
// and returns the number of pages.
func (b *Browser) PrintPages() int {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	pdf, err := chromedp.Run(ctx, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{})
		if err != nil {
			return nil, err
		}
		return res.Data, nil
	})
	if err != nil {
		b.t.Fatalf("print: %v", err)
	}
	m := regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count (\d+)|/Count (\d+)[^>]*?/Type\s*/Pages\b`).FindSubmatch(pdf)
	if m == nil {
		b.t.Fatal("print: no page count in the PDF")
	}
	n, _ := strconv.Atoi(string(append(m[1], m[2]...)))
	return n
}

// DisableScripts turns JavaScript off for the pages visited next, as for a
// reader whose browser runs none. (Eval still works: it is the test's.)
func (b *Browser) DisableScripts() {
	b.t.Helper()
	send(b, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
}

// send calls a Chrome DevTools command in the page; a failure ends the test.
func send[P, R any](b *Browser, cmd cdp.Command[P, R], params P) {
	b.t.Helper()
	err := chromedp.Do(b.ctx, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, cmd, params)
		return chromedp.Void{}, err
	})
	if err != nil {
		b.t.Fatalf("%s: %v", cmd.Method, err)
	}
}

// Hover moves the mouse, as a reader's, onto the middle of the first
// element selector names.
func (b *Browser) Hover(selector string) {
	b.t.Helper()
	at := Eval[[]float64](b, `(() => { const e = document.querySelector(`+strconv.Quote(selector)+`); e.scrollIntoView({block: "center", behavior: "instant"}); const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	time.Sleep(100 * time.Millisecond) // the page lays itself out after the scroll
	if err := chromedp.Do(b.ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, at[0], at[1])); err != nil {
		b.t.Fatalf("hover %s: %v", selector, err)
	}
}

// Press gives the first element selector names the focus, as a reader's
// Tab would, and presses a key on it (a key of chromedp/kb).
func (b *Browser) Press(selector, key string) {
	b.t.Helper()
	if !Eval[bool](b, `(() => { const e = document.querySelector(`+strconv.Quote(selector)+`); e.scrollIntoView({block: "center", behavior: "instant"}); e.focus(); return document.activeElement === e; })()`) {
		b.t.Fatalf("%s cannot have the focus", selector)
	}
	if err := chromedp.Do(b.ctx, chromedp.KeyEvent(key)); err != nil {
		b.t.Fatalf("press %s on %s: %v", key, selector, err)
	}
}

// Media emulates a CSS media type ("print"; "" for the screen) for the
// current page.
func (b *Browser) Media(media string) {
	b.t.Helper()
	send(b, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
}
