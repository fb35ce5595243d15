// Package deploy uploads a built site to object storage that a CDN serves
// (jinzhan deploy): any store that speaks the S3 API.
//
// A deploy is incremental and safe to stop. It lists the store, compares
// each file's MD5 with the object's ETag (reading back an object whose
// ETag is not an MD5), and uploads only what differs, in an order that
// never shows a reader a page before its assets (Phase); deletions come
// last, refused past a limit unless confirmed. A deploy stopped half-way
// is finished by running it again. It reads only a folder jinzhan built,
// never follows a link out of it, and takes credentials from the
// environment alone.
package deploy

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
)

// DefaultMaxDeletes is how many objects a deploy deletes without --yes:
// enough for a few stories removed or renamed with their search index
// chunks, far fewer than a site that is not this one.
const DefaultMaxDeletes = 50

// DefaultWorkers is how many uploads run at once.
const DefaultWorkers = 10

// Options are what a deploy is asked to do.
type Options struct {
	Dir    string // the folder jinzhan built (public/)
	Target Target
	Policy Policy
	// DryRun plans and changes nothing.
	DryRun bool
	// MaxDeletes is the most objects deleted without Yes.
	MaxDeletes int
	Yes        bool
	// Force uploads every file, even those the store has as they are (to
	// change the headers of stored objects).
	Force   bool
	Workers int // uploads at once (0: DefaultWorkers)
	// Bucket is the store (nil: the target's, through OpenS3 with S3).
	Bucket Bucket
	S3     S3Options
	// Progress, when not nil, is a terminal on which a line shows files,
	// bytes and rate while uploading.
	Progress io.Writer
	// Invalidate is a command run after a deploy that changed anything,
	// with the changed paths (see Invalidation); "" runs nothing.
	Invalidate Invalidation
}

// Result is what a deploy did, or would do.
type Result struct {
	Target  Target
	Plan    Plan
	DryRun  bool
	Elapsed time.Duration
	// Uploaded, UploadedBytes and Deleted count what was done, also by a
	// deploy that failed or was stopped.
	Uploaded      int
	UploadedBytes int64
	Deleted       int
	// TooManyDeletes is set on a dry run whose deletions a real run
	// would refuse without --yes.
	TooManyDeletes bool
	MaxDeletes     int
	stored         bool // see Complete
}

// Run deploys the site built in o.Dir to o.Target. On an error, what is
// done stays done, and nothing is deleted: running it again finishes it.
func Run(ctx context.Context, o Options) (Result, error) {
	start := time.Now()
	res := Result{Target: o.Target, DryRun: o.DryRun, MaxDeletes: o.MaxDeletes}
	built, err := OpenBuilt(o.Dir)
	if err != nil {
		return res, err
	}
	defer built.Close()
	release := publish.Hold(o.Dir) // no build swaps a new site in while it is read
	defer release()
	files, err := built.Scan(ctx, o.Policy)
	if err != nil {
		return res, err
	}
	bucket := o.Bucket
	if bucket == nil {
		if bucket, err = OpenS3(o.Target, o.S3); err != nil {
			return res, err
		}
	}
	objects, err := bucket.List(ctx)
	if err != nil {
		return res, storeError(err, diag.T("cannot list %s", o.Target))
	}
	if res.Plan, err = Compare(ctx, bucket, files, objects, o.Force); err != nil {
		return res, err
	}
	tooMany := len(res.Plan.Deletes) > o.MaxDeletes && !o.Yes
	if o.DryRun {
		res.TooManyDeletes = tooMany
		res.Elapsed = time.Since(start)
		return res, nil
	}
	if tooMany {
		return res, usage(diag.T("the deploy would delete %d objects from %s, more than --max-deletes %d; nothing was changed", len(res.Plan.Deletes), o.Target, o.MaxDeletes),
			diag.T("see what would go with --dry-run; if the target is right, pass --yes (or a larger --max-deletes)"))
	}
	m := newMeter(res.Plan.Uploads, o.Progress)
	err = upload(ctx, built, bucket, res.Plan.Uploads, o.workers(), m)
	m.stop()
	res.Uploaded, res.UploadedBytes = int(m.files.Load()), m.bytes.Load()
	if err == nil && len(res.Plan.Deletes) > 0 {
		if err = bucket.Delete(ctx, res.Plan.Deletes); err != nil {
			err = storeError(err, diag.T("the files are uploaded, but deleting what the site no longer has failed"))
		} else {
			res.Deleted = len(res.Plan.Deletes)
		}
	}
	res.Elapsed = time.Since(start)
	if err != nil {
		return res, err
	}
	res.stored = true
	return res, o.Invalidate.run(ctx, o.Target, res.Plan)
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return DefaultWorkers
}

// storeError is err in words, unless the store put it in words already.
func storeError(err error, reason diag.Text) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return failed(err, reason, againHint)
}
