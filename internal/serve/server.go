// Package serve is `jinzhan serve`: a preview server that rebuilds the
// site in memory when a file changes, reloads open pages, and shows input
// problems over the last good page until they are fixed. Nothing it serves
// is written to public/, and its reload script never reaches a build.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/build"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// Config says what to serve and where.
type Config struct {
	Addr string // host:port, e.g. 127.0.0.1:1313
	// AllowedHosts are host names requests may name besides localhost,
	// loopback addresses and Addr's (e.g. a LAN name): any other Host
	// header is refused, against DNS rebinding.
	AllowedHosts []string
	Options      build.Options // Source is the site folder; Destination is ignored
	Log          io.Writer     // one line per rebuild
}

// Server is a running preview.
type Server struct {
	cfg     Config
	session *build.Session
	hub     *hub
	hosts   hostGuard

	mu       sync.RWMutex
	problems []diag.Diagnostic // non-empty while the input is broken
	lang     string
	panel    []byte // the rendered problems
}

// New builds the site once; the returned server shows problems if it failed.
func New(cfg Config) *Server {
	cfg.Options.Destination = ""
	s := &Server{cfg: cfg, session: build.NewSession(cfg.Options), hub: newHub(), lang: "zh-CN", hosts: newHostGuard(cfg.Addr, cfg.AllowedHosts)}
	s.rebuild(nil, diag.T("first build"))
	return s
}

// Run serves until ctx ends, rebuilding on every burst of file changes. It
// returns once the watcher has stopped and cleaned up after itself.
func (s *Server) Run(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	s.hosts.listening(ln.Addr())
	w, err := newWatcher(s.cfg.Options.Source, s.warn)
	if err != nil {
		ln.Close()
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	followed := make(chan struct{})
	go func() {
		defer close(followed)
		s.follow(ctx, w)
	}()
	defer func() { cancel(); <-followed }()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	if ready != nil {
		ready(ln.Addr().String())
	}
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// follow rebuilds after every settled burst of changes w reports, until
// ctx ends and w has stopped.
func (s *Server) follow(ctx context.Context, w *watcher) {
	changes := make(chan []string)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		w.batches(ctx.Done(), changes)
	}()
	defer func() { <-stopped }()
	for {
		select {
		case <-ctx.Done():
			return
		case batch := <-changes:
			s.rebuild(batch, diag.T("file events were lost: every file read again"))
		}
	}
}

// rebuild builds again after the changes a batch names (nil: not known,
// so every file is read again and the log says unknown), logs one line,
// and tells open pages.
func (s *Server) rebuild(changed []string, unknown diag.Text) {
	up, err := s.session.RebuildChanged(changed)
	what := strings.Join(changed, ", ")
	if len(changed) > 3 {
		what = strings.Join(changed[:3], ", ") + diag.T(" and %d more", len(changed)-3).In(up.Lang)
	}
	what = diag.Escape(what) // file names may hold any character
	if changed == nil {
		what = unknown.In(up.Lang)
	}
	stamp := time.Now().Format("15:04:05")
	var list *diag.ListError
	switch {
	case errors.As(err, &list):
		s.setProblems(list.Items, up.Lang)
		fmt.Fprintf(s.cfg.Log, "%s %s → %s\n%s\n", stamp, what, diag.T("input errors; still serving the last good site").In(up.Lang), list.In(up.Lang))
	case err != nil:
		s.setProblems([]diag.Diagnostic{{Message: diag.T("%s", err.Error())}}, up.Lang)
		fmt.Fprintf(s.cfg.Log, "%s %s → %s\n", stamp, what, diag.Escape(err.Error()))
	default:
		s.setProblems(up.Warnings, up.Lang)
		fmt.Fprintf(s.cfg.Log, "%s %s → %s\n", stamp, what, diag.T("%d of %d pages rendered in %d ms", len(up.Rendered), up.Pages, up.Elapsed.Milliseconds()).In(up.Lang))
		for _, w := range up.Warnings {
			fmt.Fprintln(s.cfg.Log, w.In(up.Lang))
		}
	}
	s.hub.broadcast()
}

// warn logs a problem of the preview itself, in the site's language.
func (s *Server) warn(t diag.Text) {
	s.mu.RLock()
	lang := s.lang
	s.mu.RUnlock()
	fmt.Fprintln(s.cfg.Log, t.In(lang))
}

func (s *Server) setProblems(problems []diag.Diagnostic, lang string) {
	var panel []byte
	if hasErrors(problems) {
		panel = overlay(s.cfg.Options.Source, problems, lang)
	}
	s.mu.Lock()
	s.problems, s.lang, s.panel = problems, lang, panel
	s.mu.Unlock()
}

func hasErrors(problems []diag.Diagnostic) bool {
	return slices.ContainsFunc(problems, func(d diag.Diagnostic) bool { return d.Severity == diag.Error })
}

// ServeHTTP serves pages and files from memory, with the reload script and,
// while the input is broken, the problems over the page; to requests
// naming a host it does not answer to (see hostGuard), nothing.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if !s.hosts.allows(r.Host) {
		s.mu.RLock()
		lang := s.lang
		s.mu.RUnlock()
		forbid(w, r.Host, lang)
		return
	}
	switch r.URL.Path {
	case "/_jinzhan/events":
		s.hub.ServeHTTP(w, r)
		return
	case "/_jinzhan/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, reloadScript)
		return
	}
	s.mu.RLock()
	panel, lang := s.panel, s.lang
	s.mu.RUnlock()
	p := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") && p != "/" {
		p += "/"
	}
	if page, ok := s.session.Page(p); ok {
		s.writePage(w, page, panel, http.StatusOK)
		return
	}
	if _, ok := s.session.Page(p + "/"); ok && !strings.HasSuffix(p, "/") {
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
		return
	}
	if data, ok := s.session.File(strings.TrimPrefix(p, "/")); ok {
		if ct := mime.TypeByExtension(path.Ext(p)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		w.Write(data)
		return
	}
	if panel != nil {
		// No good build of this page yet: the problems alone.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(standalone(panel, lang))
		return
	}
	if notFound, ok := s.session.Page("/404/"); ok {
		s.writePage(w, notFound, nil, http.StatusNotFound)
		return
	}
	http.NotFound(w, r)
}

// writePage injects the reload script (and the problems) into a page.
func (s *Server) writePage(w http.ResponseWriter, page, panel []byte, status int) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	head := bytes.Index(page, []byte("</head>"))
	body := bytes.LastIndex(page, []byte("</body>"))
	if head < 0 || body < head {
		w.Write(page)
		return
	}
	w.Write(page[:head])
	io.WriteString(w, `<script src="/_jinzhan/reload.js" defer></script>`)
	w.Write(page[head:body])
	w.Write(panel)
	w.Write(page[body:])
}
