// Package work shares a list of independent jobs out to every core.
package work

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls do(i) for every i in [0, n) on GOMAXPROCS goroutines and
// returns when all calls have. Workers take the next index from a counter,
// not from a channel: handing 10,000 pages over an unbuffered channel
// woke a worker for each one (tens of thousands of scheduler sleeps per
// build).
func Each(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			do(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				do(i)
			}
		})
	}
	wg.Wait()
}
