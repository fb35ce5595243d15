package check

import (
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
)

// DefaultStaleDays is how old figures may be before check warns, unless
// site.yaml sets stale_after_days (0 turns the warning off).
const DefaultStaleDays = 365

// Stale warns once per data file whose newest figure is older than days,
// at the file's as_of line when it has one.
func Stale(in *load.Input, cat *validate.Catalog, today time.Time, days int, list *diag.List) {
	if days <= 0 {
		return
	}
	newest := map[string]*validate.Figure{}
	var files []string
	for _, ref := range cat.FigureRefs() {
		f := cat.Figures[ref]
		if f.AsOf.IsZero() {
			continue
		}
		cur, ok := newest[f.Pos.File]
		if !ok {
			files = append(files, f.Pos.File)
		}
		if !ok || cur.AsOf.Before(f.AsOf) {
			newest[f.Pos.File] = f
		}
	}
	for _, file := range files {
		f := newest[file]
		age := int(today.Sub(endOf(f.AsOf)).Hours() / 24)
		if age > days {
			pos := f.Pos
			if a, ok := cat.Activities[f.Activity]; ok && a.Has("as_of") {
				pos = a.At("as_of")
			} else if f.Activity == validate.CampaignScope && in.Campaign.Has("as_of") {
				pos = in.Campaign.At("as_of")
			}
			list.Warnf(pos, "as_of", diag.T("update the figures and their as_of date, or raise stale_after_days in site.yaml"),
				"the newest figure in this file is as of %s, %d days ago (more than %d)", f.AsOf.ISO(), age, days)
		}
	}
}

// endOf is the last day a partial date can mean (2020 → 2020-12-31).
func endOf(d load.Date) time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}
