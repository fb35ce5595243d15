package deploy

import (
	"context"
	"errors"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// bigFile is the size from which files are uploaded one at a time, so
// that the workers together never hold more than a few of them in memory.
const bigFile = 32 << 20

// upload stores the files phase by phase: every file of one phase is on
// the store before any of the next is sent. The first failure stops the
// uploads still to start.
func upload(ctx context.Context, built *Built, bucket Bucket, uploads []Upload, workers int, m *meter) error {
	for from := 0; from < len(uploads); {
		to := from
		for to < len(uploads) && uploads[to].Phase == uploads[from].Phase {
			to++
		}
		if err := uploadPhase(ctx, built, bucket, uploads[from:to], workers, m); err != nil {
			return err
		}
		from = to
	}
	return nil
}

func uploadPhase(parent context.Context, built *Built, bucket Bucket, uploads []Upload, workers int, m *meter) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	var (
		mu    sync.Mutex
		first error
		big   = make(chan struct{}, 1)
	)
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
		cancel()
	}
	next := make(chan Upload)
	var wg sync.WaitGroup
	for range min(workers, len(uploads)) {
		wg.Go(func() {
			for u := range next {
				if u.Size >= bigFile {
					big <- struct{}{}
				}
				err := put(ctx, built, bucket, u)
				if u.Size >= bigFile {
					<-big
				}
				if err != nil {
					fail(err)
					continue
				}
				m.done(u.Size)
			}
		})
	}
	for _, u := range uploads {
		if ctx.Err() != nil {
			break
		}
		next <- u
	}
	close(next)
	wg.Wait()
	switch {
	case parent.Err() != nil:
		return failed(parent.Err(), diag.T("the deploy was stopped; nothing was deleted"), againHint)
	case first != nil && !errors.Is(first, context.Canceled):
		return first
	}
	return nil
}

// put reads one file and stores it.
func put(ctx context.Context, built *Built, bucket Bucket, u Upload) error {
	body, err := built.Body(u.File)
	if errors.Is(err, errChanged) {
		return &Error{Reason: diag.T("%s changed while it was being deployed", u.Path), Hint: diag.T("a build replaced the site meanwhile: run jinzhan deploy again")}
	}
	if err != nil {
		return failed(err, diag.T("cannot read the built site"), diag.T("check that the folder can be read"))
	}
	if err := bucket.Put(ctx, u.Path, body, u.Headers); err != nil {
		return storeError(err, diag.T("cannot upload %s", u.Path))
	}
	return nil
}
