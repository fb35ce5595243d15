package gcpolicy

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestPercentForReachesTheFloorFirst(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		floor, live uint64
		want        int
	}{
		{40 * mb, 4 * mb, 900},  // grow to the floor: 4 → 40 MB
		{40 * mb, 1 * mb, 1000}, // the runtime's smallest goal at GOGC=1000 is the floor already
		{40 * mb, 0, 1000},
		{40 * mb, 35 * mb, 45},      // near the floor: MinGrowth's room is further (35 → 51 MB)
		{40 * mb, 90 * mb, Percent}, // past 40 MB kept, Percent's growth is further
		{0, 10 * mb, 160},           // no floor: MinGrowth's room, 10 → 26 MB
		{0, 0, 400},                 // the runtime's smallest goal at GOGC=400 is MinGrowth already
		{0, 50 * mb, Percent},
	} {
		if got := percentFor(c.floor, c.live); got != c.want {
			t.Errorf("percentFor(%d MB, %d MB) = %d, want %d", c.floor/mb, c.live/mb, got, c.want)
		}
	}
}

// After each collection the pace follows the live heap: far above Percent
// while the heap is small beside the floor, Percent once it nears it.
func TestExpectLivePacesAfterEachCollection(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	applied.Store(true)
	defer applied.Store(false)
	const floorBytes = 64 << 20
	ExpectLive(floorBytes)
	waitForPace(t, func(p int64) bool { return p > 2*Percent }, "a small heap")
	kept := make([][]byte, 0, 64)
	for range 60 { // 60 MB kept: more than the floor / (1 + Percent/100)
		kept = append(kept, make([]byte, 1<<20))
	}
	waitForPace(t, func(p int64) bool { return p == Percent }, "a heap near the floor")
	runtime.KeepAlive(kept)
}

// waitForPace collects until the pace set after a collection is as ok
// wants: the cleanup that sets it runs soon after each collection.
func waitForPace(t *testing.T, ok func(int64) bool, heap string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		if ok(paced.Load()) {
			return
		}
	}
	t.Fatalf("with %s, the pace stays at GOGC=%d", heap, paced.Load())
}
