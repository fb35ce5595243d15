package build

import (
	"errors"
	"fmt"
	"html/template"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/chart"
	"github.com/jinzhan-dev/jinzhan/internal/chartsvg"
	"github.com/jinzhan-dev/jinzhan/internal/render"
)

// drawCharts draws each chart of the model as SVG with ECharts, narrow and
// wide (chart.NarrowWidth, chart.WideWidth), on GOMAXPROCS workers, and
// returns every chart's image file (its wide drawing, at ImageURL). A
// chart drawn before is not drawn again: the preview's chart memo hands
// back the same chart, drawings and all, while its option is unchanged,
// and the renderer keeps drawings by option, so the charts of a site that
// are alike are drawn once.
func drawCharts(r *chartsvg.Renderer, charts []*chart.Chart) ([]render.File, error) {
	type job struct {
		c    *chart.Chart
		wide bool
	}
	var jobs []job
	for _, c := range charts {
		if c.Narrow.SVG == "" || c.Wide.SVG == "" {
			jobs = append(jobs, job{c, false}, job{c, true})
		}
	}
	if len(jobs) > 0 && r == nil {
		return nil, errors.New("no chart renderer (build.Options.ChartSVG)")
	}
	next := make(chan job)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for j := range next {
				if err := drawChart(r, j.c, j.wide); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	files := make([]render.File, len(charts))
	for i, c := range charts {
		files[i] = render.File{Path: strings.TrimPrefix(c.ImageURL, "/"), Data: c.Image}
	}
	return files, nil
}

// drawChart draws c at one of its widths, with ids of its own on a page:
// <ID>--n-0 … for the narrow drawing, <ID>--w-0 … for the wide one (an id
// of the model holds no "--").
func drawChart(r *chartsvg.Renderer, c *chart.Chart, wide bool) error {
	width, suffix := chart.NarrowWidth, "--n"
	if wide {
		width, suffix = chart.WideWidth, "--w"
	}
	svg, err := r.Draw([]byte(c.Option), width, c.Height)
	if err != nil {
		return fmt.Errorf("chart %q (%s on %s): %w", c.Title, c.ID, c.Page, err)
	}
	d := chart.Drawing{Width: svg.Width, Height: svg.Height, SVG: template.HTML(svg.Inline(c.ID + suffix))}
	if wide {
		c.Wide, c.Image = d, svg.File(c.Title)
	} else {
		c.Narrow = d
	}
	return nil
}

// ChartCacheDir is the folder to keep chart drawings in between builds of
// the site at source into destination (either may be ""): dir — normally
// chartsvg.DefaultCacheDir() —, or "" (drawings kept in memory only) when
// dir lies inside either. A cache never becomes part of what a build
// reads or writes.
func ChartCacheDir(dir, source, destination string) string {
	if dir == "" {
		return ""
	}
	for _, d := range []string{source, destination} {
		if d != "" && within(resolved(dir), resolved(d)) {
			return ""
		}
	}
	return dir
}

// resolved is p absolute, with its links resolved as far as it exists.
func resolved(p string) string {
	p, _ = filepath.Abs(p)
	for q, rest := p, ""; ; {
		if real, err := filepath.EvalSymlinks(q); err == nil {
			return filepath.Join(real, rest)
		}
		parent := filepath.Dir(q)
		if parent == q {
			return p
		}
		q, rest = parent, filepath.Join(filepath.Base(q), rest)
	}
}
