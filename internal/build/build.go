// Package build runs the stages of a build in their stated order —
// load → validate → photos → theme → model → render → write — and is the
// one entry point the command line calls for `build`, `check` and, through
// a Session, the preview: one pipeline (pipeline.go) for all three.
package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/chartsvg"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/opendata"
	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/render"
	"github.com/jinzhan-dev/jinzhan/internal/schema"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
	"github.com/jinzhan-dev/jinzhan/internal/validate"
	"github.com/jinzhan-dev/jinzhan/internal/work"
)

// Options configure one build.
type Options struct {
	Source      string // the site folder, read through sitefs (never left)
	Destination string // output folder; "" for check only
	BaseURL     string // overrides site.yaml's base_url when set
	Theme       fs.FS  // the built-in default theme
	ECharts     []byte // the ECharts script to publish
	EChartsNote []byte // its licence, published beside it
	// ChartSVG draws every chart as SVG at build; one renderer serves a
	// process (it compiles ECharts once and keeps drawings).
	ChartSVG *chartsvg.Renderer
	Today    time.Time // for check's stale-data warning; zero means now
	// ReplaceForeign lets the build replace a destination folder that
	// jinzhan did not make (see publish.Guard).
	ReplaceForeign bool
	// Pagefind is the pagefind executable that indexes the built site for
	// search ("" builds no index: the search page then says so).
	Pagefind string
	// whole builds the site the pipeline's way even where it could stream
	// its stories (stream.go): the tests compare the two.
	whole bool
}

// Result describes a finished build.
type Result struct {
	// Lang is the site's language, in which problems are shown.
	Lang     string
	Pages    int
	Charts   int
	Figures  int
	Files    int
	Warnings []diag.Diagnostic
	Elapsed  time.Duration
	// Changes compares the new site with the one it replaced.
	Changes Changes
	// streamed is set when the stories were streamed (stream.go).
	streamed bool
}

// Summary is the one line printed after a build.
func (r *Result) Summary() string {
	return fmt.Sprintf("%d pages, %d charts, %d figures in %d ms", r.Pages, r.Charts, r.Figures, r.Elapsed.Milliseconds())
}

// Run builds the site; with no Destination it only checks the input.
// Input problems come back as *diag.ListError; nothing is written then.
// It is the pipeline without caches (pipeline.go), then every page
// rendered and written (or checked).
func Run(opts Options) (*Result, error) {
	start := time.Now()
	src, err := sitefs.Open(opts.Source)
	if err != nil {
		return &Result{Lang: "zh-CN"}, fmt.Errorf("source: %w", err)
	}
	defer src.Close()
	var staged *staging
	defer func() { staged.release() }()
	if opts.Destination != "" && !opts.whole {
		// The stage is made, and the site it replaces read, while the
		// site is loaded: the stream needs it before the stories.
		staged = startStaging(opts, src)
		if res, ok, err := streamed(opts, src, start, staged); ok {
			return res, err
		}
		if staged.taken {
			staged = nil // the stream gave its stage up
		}
	}
	var problems diag.List
	p := pipeline{opts: opts}
	in := p.load(src, nil, &problems)
	res := &Result{Lang: language(in)}
	if opts.Destination != "" {
		if err := guard(opts, src).Check(opts.Destination); err != nil {
			return res, err // before any work: the site may not be built there
		}
		if staged == nil {
			staged = startStaging(opts, src)
		}
	}
	// The schemas published with the site come from Go types, the same for
	// every build: made on the core the model's stages leave idle, they are
	// ready when outputFiles asks for them.
	go schema.Published() // outputFiles reports an error
	b, err := p.build(src, in, nil, &problems)
	res.Warnings = problems.Warnings()
	if err != nil {
		return res, err
	}
	res.Pages, res.Charts, res.Figures = len(b.model.Pages), len(b.model.Charts), b.model.Figures
	if opts.Destination == "" {
		whole, err := b.theme.SiteFiles(b.model)
		if err != nil {
			return res, err
		}
		err = checkOutput(opts, b, append(b.files, whole...), res)
		res.Elapsed = time.Since(start)
		return res, err
	}
	stage, before, err := staged.take()
	if err != nil {
		return res, fmt.Errorf("write: %w", err)
	}
	written := newPageDigests()
	if res.Files, err = write(opts, stage, b, b.model.Pages, b.theme.SiteFileMakers(b.model), written); err != nil {
		return res, err
	}
	res.Changes = before.diff(written, b.figures)
	res.Elapsed = time.Since(start)
	return res, nil
}

// BaseURLFlag names the command-line flag Options.BaseURL comes from, in
// the problems about it.
const BaseURLFlag = "--base-url"

// overrideBaseURL puts the address given on the command line in place of
// site.yaml's, once site.yaml's own has been checked, so that a bad flag
// is reported as the flag's and not as a line of site.yaml.
func overrideBaseURL(in *load.Input, flag string, problems *diag.List) {
	if flag == "" {
		return
	}
	if !validate.ValidBaseURL(flag) {
		problems.Errorf(diag.Pos{File: BaseURLFlag}, "", validate.BaseURLHint, "want an http(s) address, got %q", flag)
	}
	in.Site.BaseURL = flag
}

// outputFiles are the files published beside the pages, but for the
// feeds and sitemap (render.SiteFiles, made once the model is final; the
// preview makes them only when asked). made are the files stages before
// made: the resized versions of the stories' photos (makePhotos), the
// charts' images (drawCharts).
func outputFiles(opts Options, th *render.Theme, model *site.Site, figures opendata.File, made []render.File) ([]render.File, error) {
	figuresJSON, err := figures.Marshal()
	if err != nil {
		return nil, err
	}
	files := append(th.Files(), render.File{Path: opendata.FiguresPath, Data: figuresJSON})
	files = append(files, made...)
	files = append(files, dataFiles(model)...)
	schemas, err := schema.Published()
	if err != nil {
		return nil, err
	}
	for _, s := range schemas {
		files = append(files, render.File{Path: s.Path, Data: s.Data})
	}
	if opts.EChartsNote != nil {
		files = append(files, render.File{Path: "assets/js/echarts.LICENSE.txt", Data: opts.EChartsNote})
	}
	return files, nil
}

// guard keeps the destination away from the site and from other people's folders.
func guard(opts Options, src *sitefs.FS) publish.Guard {
	return publish.Guard{Source: src.Dir(), Inputs: load.InputDirs(), ReplaceForeign: opts.ReplaceForeign}
}

// write writes the build's files into the stage, renders pages and
// makes the files made from the whole model (whole: the feeds, the
// sitemap) into it, and swaps it in; each page's digest goes into digests,
// and the DigestsFile. It lets each file go once written (its Data is
// cleared), and returns how many files it wrote.
func write(opts Options, stage *publish.Stage, b *built, pages []*site.Page, whole []render.SiteFile, digests *pageDigests) (int, error) {
	files := b.files
	for i, f := range files {
		if err := stage.WriteFile(f.Path, f.Data); err != nil {
			stage.Abort()
			return 0, fmt.Errorf("write: %w", err)
		}
		files[i].Data = nil
	}
	err := renderPages(b.theme, b.model, pages, whole, stage.WriteFile, writePage(stage, digests))
	if err == nil {
		err = stage.WriteFile(DigestsFile, digests.marshal())
	}
	if err == nil {
		err = stage.RemoveUnwritten() // before Pagefind writes its index
	}
	if err != nil {
		stage.Abort()
		return 0, err
	}
	if err := indexForSearch(opts.Pagefind, stage.Dir()); err != nil {
		stage.Abort()
		return 0, err
	}
	if opts.Pagefind != "" {
		if err := stage.Adopt(pagefindDir); err != nil {
			stage.Abort()
			return 0, fmt.Errorf("write: %w", err)
		}
	}
	if err := stage.Commit(); err != nil {
		stage.Abort()
		return 0, fmt.Errorf("write: %w", err)
	}
	return len(files) + len(whole) + len(pages), nil
}

// writePage writes a page into the stage, its digest into digests.
func writePage(stage *publish.Stage, digests *pageDigests) func(path string, data []byte) error {
	return func(path string, data []byte) error {
		sum := pageDigest(data)
		digests.add(path, sum)
		return stage.WriteSummed(path, data, sum)
	}
}

// renderPages renders pages of model in parallel into pooled buffers and
// hands each finished page to emit (which must copy data to keep it). On
// the same workers, and first (the feed of every story takes longest), it
// makes each of whole and hands it to emitWhole: made one after the other
// before the pages, they kept a core idle. The first error stops the
// build: what is not yet begun is skipped.
func renderPages(th *render.Theme, model *site.Site, pages []*site.Page, whole []render.SiteFile, emitWhole, emit func(path string, data []byte) error) error {
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	var first atomic.Pointer[error]
	work.Each(len(whole)+len(pages), func(i int) {
		if first.Load() != nil {
			return
		}
		if i < len(whole) {
			f := whole[i]
			data, err := f.Make()
			if err == nil {
				err = emitWhole(f.Path, data)
			}
			if err != nil {
				err = fmt.Errorf("make %s: %w", f.Path, err)
				first.CompareAndSwap(nil, &err)
			}
			return
		}
		p := pages[i-len(whole)]
		buf := pool.Get().(*bytes.Buffer)
		buf.Reset()
		err := th.Page(buf, model, p)
		if err == nil {
			err = emit(render.OutputPath(p.URL), buf.Bytes())
		}
		pool.Put(buf)
		if err != nil {
			err = fmt.Errorf("render %s: %w", p.URL, err)
			first.CompareAndSwap(nil, &err)
		}
	})
	if err := first.Load(); err != nil {
		return *err
	}
	return nil
}
