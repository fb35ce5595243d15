package deploy

import (
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// PlanLines lists a dry run's plan, one line a file in the order a
// deploy takes them: + for an upload, - for a deletion.
func (r Result) PlanLines(lang string) []string {
	var out []string
	why := map[Reason]diag.Text{New: diag.T("new"), Changed: diag.T("changed"), Forced: diag.T("unchanged, --force")}
	for _, u := range r.Plan.Uploads {
		out = append(out, "  + "+diag.T("%s (%s, %s)", u.Path, Size(u.Size), why[u.Reason]).In(lang))
	}
	for _, d := range r.Plan.Deletes {
		out = append(out, "  - "+diag.Escape(d))
	}
	return out
}

// Complete reports whether the store holds the site: every upload and
// deletion of the plan was done (a CDN refresh may still have failed).
func (r Result) Complete() bool { return r.stored }

// Summary says in one line what a deploy did, or a dry run would do.
func (r Result) Summary() diag.Text {
	p := r.Plan
	switch {
	case r.DryRun && r.TooManyDeletes:
		return diag.T("dry run for %s: %d files to upload (%s), %d objects to delete, %d unchanged; nothing was changed. A deploy would refuse to delete more than --max-deletes %d without --yes",
			r.Target, len(p.Uploads), Size(p.Bytes), len(p.Deletes), p.Unchanged, r.MaxDeletes)
	case r.DryRun:
		return diag.T("dry run for %s: %d files to upload (%s), %d objects to delete, %d unchanged; nothing was changed",
			r.Target, len(p.Uploads), Size(p.Bytes), len(p.Deletes), p.Unchanged)
	case len(p.Uploads) == 0 && len(p.Deletes) == 0:
		return diag.T("%s already holds the site: %d files unchanged", r.Target, p.Unchanged)
	}
	return diag.T("deployed to %s: %d files uploaded (%s), %d objects deleted, %d unchanged, in %s",
		r.Target, r.Uploaded, Size(r.UploadedBytes), r.Deleted, p.Unchanged, r.Elapsed.Round(time.Millisecond))
}
