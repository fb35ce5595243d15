package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/jinzhan-dev/jinzhan/internal/deploy"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

func cmdDeploy(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("jinzhan deploy", "deploy [--source DIR] [--destination DIR] [--target URL|NAME] [--dry-run] [--max-deletes N] [--yes]\n\n"+
		"Uploads the site jinzhan built to object storage (any S3-compatible store) and deletes\n"+
		"what the site no longer has; only changed files are sent. It does not build: run\n"+
		"jinzhan build first. Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,\n"+
		"or a profile of ~/.aws/credentials; never from the site.", stderr)
	source := fs.String("source", ".", "site folder (holds site.yaml, which may name targets under deploy:)")
	dest := fs.String("destination", "public", "the folder jinzhan build wrote, relative to the current folder")
	target := fs.String("target", "", "where to upload: a name from site.yaml's deploy: targets, or s3://BUCKET[/FOLDER]?endpoint=URL&region=R (default: site.yaml's only target)")
	dryRun := fs.Bool("dry-run", false, "print what would be uploaded and deleted, and change nothing")
	maxDeletes := fs.Int("max-deletes", deploy.DefaultMaxDeletes, "refuse to delete more objects than this without --yes")
	yes := fs.Bool("yes", false, "delete more objects than --max-deletes")
	force := fs.Bool("force", false, "upload every file, even unchanged ones (to store new headers)")
	invalidate := fs.String("invalidate", "", "a shell command run after a deploy that changed anything, to refresh a CDN; it gets the changed paths in $JINZHAN_PATHS and $JINZHAN_URLS and on its input")
	if code, stop := parse(fs, args); stop {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "jinzhan: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *maxDeletes < 0 {
		fmt.Fprintf(stderr, "jinzhan: --max-deletes is 0 or more, not %d\n", *maxDeletes)
		return exitUsage
	}
	if err := isFolder(*source); err != nil {
		printErr(stderr, fmt.Errorf("--source: %w", err))
		return sourceExit(err)
	}
	cfg, err := deploy.Settings(*source)
	lang := cfg.Language
	var list *diag.ListError
	switch {
	case errors.As(err, &list):
		fmt.Fprintln(stderr, list.In(lang))
		return exitInput
	case err != nil:
		printErr(stderr, err)
		return exitEnv
	}
	where, problem := deploy.Resolve(cfg.Deploy, *target)
	if problem != nil {
		fmt.Fprintf(stderr, "jinzhan: --target: %s\n\t%s%s\n", problem.Message.In(lang), diag.T("hint: ").In(lang), problem.Hint.In(lang))
		return exitUsage
	}
	opts := deploy.Options{
		Dir: *dest, Target: where, Policy: deploy.NewPolicy(cfg.Deploy),
		DryRun: *dryRun, MaxDeletes: *maxDeletes, Yes: *yes, Force: *force,
		Invalidate: deploy.Invalidation{Command: *invalidate, BaseURL: cfg.BaseURL, Stdout: stdout, Stderr: stderr},
	}
	if showsProgress(stderr) {
		opts.Progress = stderr
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := deploy.Run(ctx, opts)
	var failed *deploy.Error
	switch {
	case errors.As(err, &failed):
		if res.Complete() { // only the CDN's refresh failed
			fmt.Fprintf(stdout, "jinzhan: %s\n", res.Summary().In(lang))
		} else if res.Uploaded > 0 {
			fmt.Fprintln(stderr, "jinzhan: "+diag.T("%d of %d files were uploaded before it stopped", res.Uploaded, len(res.Plan.Uploads)).In(lang))
		}
		fmt.Fprintf(stderr, "jinzhan: %s\n", failed.In(lang))
		if failed.Usage {
			return exitUsage
		}
		return exitEnv
	case err != nil:
		printErr(stderr, err)
		return exitEnv
	}
	if *dryRun {
		for _, line := range res.PlanLines(lang) {
			fmt.Fprintln(stdout, line)
		}
	}
	fmt.Fprintf(stdout, "jinzhan: %s\n", res.Summary().In(lang))
	return exitOK
}

// showsProgress reports whether w is a terminal a person watches: not a
// file or a pipe, and not a CI job's log (CI is set by every CI service).
func showsProgress(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("CI") != "" {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
