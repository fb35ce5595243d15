package build

import (
	"github.com/jinzhan-dev/jinzhan/internal/publish"
	"github.com/jinzhan-dev/jinzhan/internal/sitefs"
)

// staging makes the stage and reads the site it will replace while the
// stages after loading run: both need only the destination, and on one
// core the model is built while the other takes the spare (reading its
// list of files takes a moment at 100,000 stories).
type staging struct {
	done   chan struct{}
	stage  *publish.Stage
	err    error
	before previousSite
	taken  bool
}

// startStaging begins the stage for opts.Destination, which guard has
// allowed.
func startStaging(opts Options, src *sitefs.FS) *staging {
	s := &staging{done: make(chan struct{})}
	g := guard(opts, src)
	go func() {
		defer close(s.done)
		if s.stage, s.err = publish.Begin(opts.Destination, g); s.err == nil {
			// Read under the stage's lock: the site the commit replaces.
			s.before = previous(opts.Destination)
		}
	}()
	return s
}

// take waits for the stage, which the caller then commits or aborts.
func (s *staging) take() (*publish.Stage, previousSite, error) {
	<-s.done
	s.taken = true
	return s.stage, s.before, s.err
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
