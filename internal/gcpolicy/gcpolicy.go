// Package gcpolicy sets how jinzhan collects garbage, for the command and
// for the benchmarks that measure it in a test binary alike.
package gcpolicy

import (
	"os"
	"runtime/debug"
	"sync/atomic"
)

// Percent is how far the heap may grow past what the last collection kept
// before the next one (GOGC), unless the user sets GOGC. Most of a build's
// heap is its model, which lives until the pages are written, and
// rendering makes little garbage, so collecting at 40% growth instead of
// Go's 100% costs no measurable CPU and takes a 10,000-story build's peak
// memory from ~118 to ~96 MB (100,000 stories: ~1 GB to ~690 MB).
const Percent = 40

// applied is set by Apply: the policy is in force (the command, the
// benchmarks), not in a test or another program using the packages.
var applied atomic.Bool

// Apply sets Percent, unless GOGC is set, and from then on sets the pace
// again after every collection: at least MinGrowth of room, and the floor
// ExpectLive asks for.
func Apply() {
	if !userSet() {
		debug.SetGCPercent(Percent)
		applied.Store(true)
		watch.Do(afterEachCollection)
		pace()
	}
}

// userSet reports whether the user chose the collector's pace (GOGC).
func userSet() bool {
	_, set := os.LookupEnv("GOGC")
	return set
}
