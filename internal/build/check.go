package build

import (
	"sync"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/check"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/render"
)

// checkOutput renders the site in memory and checks what only a built
// site shows: links and images that resolve, and data that is not stale.
func checkOutput(opts Options, b *built, files []render.File, res *Result) error {
	out := &check.Output{Pages: map[string][]byte{}, Files: map[string]bool{}}
	for _, f := range files {
		out.Files[f.Path] = true
	}
	var mu sync.Mutex
	byPath := map[string]string{}
	for _, p := range b.model.Pages {
		byPath[render.OutputPath(p.URL)] = p.URL
	}
	err := renderPages(b.theme, b.model, b.model.Pages, nil, nil, func(path string, data []byte) error {
		mu.Lock()
		out.Pages[byPath[path]] = append([]byte(nil), data...)
		mu.Unlock()
		return nil
	})
	if err != nil {
		return err
	}
	var problems diag.List
	check.Links(b.model, out, &problems)
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	days := check.DefaultStaleDays
	if b.in.Site.StaleAfterDays != nil {
		days = *b.in.Site.StaleAfterDays
	}
	check.Stale(b.in, b.cat, today, days, &problems)
	res.Warnings = append(res.Warnings, problems.Warnings()...)
	return problems.Err()
}
