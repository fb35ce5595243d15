package build

import (
	"errors"

	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// staging makes the stage and reads the site it will replace while the
// site is loaded (a streamed build) or the stages after loading run (the
// pipeline's way): both need only the destination, and on one core the
// site is read while the other takes the spare (reading its list of files
// takes a moment at 100,000 stories). It does not wait for
// the destination's lock: when another build or a deploy holds it, the
// stage is taken once the pages are ready, as before, so that a build
// whose input is wrong says so at once.
type staging struct {
	done   chan struct{}
	dest   string
	guard  publish.Guard
	stage  *publish.Stage
	err    error
	before previousSite
	taken  bool
}

// startStaging begins the stage for opts.Destination, which guard has
// allowed.
func startStaging(opts Options, src *sitefs.FS) *staging {
	s := &staging{done: make(chan struct{}), dest: opts.Destination, guard: guard(opts, src)}
	go func() {
		defer close(s.done)
		s.begin(publish.BeginUnlessBusy)
	}()
	return s
}

// begin takes the stage with take (publish.Begin or BeginUnlessBusy), then
// reads the site it replaces, under the stage's lock.
func (s *staging) begin(take func(string, publish.Guard) (*publish.Stage, error)) {
	if s.stage, s.err = take(s.dest, s.guard); s.err == nil {
		s.before = previous(s.dest)
	}
}

// take waits for the stage, which the caller then commits or aborts.
func (s *staging) take() (*publish.Stage, previousSite, error) {
	<-s.done
	s.taken = true
	if errors.Is(s.err, publish.ErrBusy) {
		s.begin(publish.Begin)
	}
	return s.stage, s.before, s.err
}

// takeUnlessBusy is take when the destination was free; busy, and nothing
// taken, when another build or a deploy holds it.
func (s *staging) takeUnlessBusy() (stage *publish.Stage, before previousSite, busy bool, err error) {
	<-s.done
	if errors.Is(s.err, publish.ErrBusy) {
		return nil, previousSite{}, true, nil
	}
	s.taken = true
	return s.stage, s.before, false, s.err
}

// release gives the stage up when the build stopped before taking it. A
// nil staging (no destination) has nothing to give up.
func (s *staging) release() {
	if s == nil || s.taken {
		return
	}
	<-s.done
	if s.stage != nil {
		s.stage.Abort()
	}
}
