package deploy

import (
	"context"
	"io"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// Invalidation is a command that makes a CDN drop its copies of the paths
// a deploy changed (jinzhan deploy --invalidate), such as
//
//	aws cloudfront create-invalidation --distribution-id E123 --paths $JINZHAN_PATHS
//
// It runs in the system's shell (sh -c; cmd /C on Windows) after a deploy
// that uploaded or deleted anything, with in its environment JINZHAN_PATHS,
// the changed paths of the site (/stories/x/ and /stories/x/index.html,
// URL-escaped, so without spaces) separated by spaces, JINZHAN_URLS, the
// same joined to the site's base_url, and JINZHAN_TARGET; and with the
// paths on its standard input, one a line. Files whose names carry their
// hash are left out: no CDN has a copy of a name that is new. The command
// comes from the command line only, never from site.yaml, which is input
// and not a program to run.
type Invalidation struct {
	Command        string // "": nothing is run
	BaseURL        string
	Stdout, Stderr io.Writer
}

// run runs the command for what plan changed, if it changed anything.
func (inv Invalidation) run(ctx context.Context, target Target, plan Plan) error {
	paths := ChangedPaths(plan)
	if inv.Command == "" || len(paths) == 0 {
		return nil
	}
	base := strings.TrimSuffix(inv.BaseURL, "/")
	urls := make([]string, len(paths))
	for i, p := range paths {
		urls[i] = base + p
	}
	var cmd *exec.Cmd
	if runtime.GOOS == "windows" {
		cmd = exec.CommandContext(ctx, "cmd", "/C", inv.Command)
	} else {
		cmd = exec.CommandContext(ctx, "sh", "-c", inv.Command)
	}
	cmd.Env = append(os.Environ(), "JINZHAN_PATHS="+strings.Join(paths, " "), "JINZHAN_URLS="+strings.Join(urls, " "), "JINZHAN_TARGET="+target.URL)
	cmd.Stdin = strings.NewReader(strings.Join(paths, "\n") + "\n")
	cmd.Stdout, cmd.Stderr = inv.Stdout, inv.Stderr
	if err := cmd.Run(); err != nil {
		return failed(err, diag.T("the site is deployed, but the command to refresh the CDN failed"),
			diag.T("run it again by hand, or refresh the changed paths in the CDN's console"))
	}
	return nil
}

// ChangedPaths are the site's paths a deploy changed, as a reader asks for
// them: each uploaded or deleted file but those whose name carries their
// hash, and for a page (x/index.html) its folder too (/x/).
func ChangedPaths(plan Plan) []string {
	var out []string
	add := func(rel string) {
		if Hashed(rel) {
			return
		}
		p := escapePath(rel)
		if dir, ok := strings.CutSuffix(p, "index.html"); ok && (dir == "" || strings.HasSuffix(dir, "/")) {
			out = append(out, "/"+dir)
		}
		out = append(out, "/"+p)
	}
	for _, u := range plan.Uploads {
		add(u.Path)
	}
	for _, d := range plan.Deletes {
		add(d)
	}
	return out
}

// escapePath escapes each name of a slash-separated path for a URL.
func escapePath(rel string) string {
	names := strings.Split(rel, "/")
	for i, n := range names {
		names[i] = url.PathEscape(n)
	}
	return strings.Join(names, "/")
}
