package build

import (
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/render"
	"github.com/jinzhan-dev/jinzhan/internal/site"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// Built runs a one-off build's pipeline on the site opts names, up to the
// model and its theme, for tests that render its pages themselves.
func Built(opts Options) (*site.Site, *render.Theme, error) {
	src, err := sitefs.Open(opts.Source)
	if err != nil {
		return nil, nil, err
	}
	defer src.Close()
	var problems diag.List
	p := pipeline{opts: opts}
	b, err := p.build(src, p.load(src, nil, &problems), nil, &problems)
	if err != nil {
		return nil, nil, err
	}
	return b.model, b.theme, nil
}

// Whole is opts building the pipeline's way, never streaming the stories.
func Whole(opts Options) Options {
	opts.whole = true
	return opts
}

// Streamed reports whether a build streamed its stories.
func Streamed(r *Result) bool { return r.streamed }
