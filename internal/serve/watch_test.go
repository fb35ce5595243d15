package serve

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

func TestPhotosTriggerRebuilds(t *testing.T) {
	wt := &watcher{root: "/site"}
	for p, want := range map[string]bool{
		"images/quanjuyong-ducks.jpg": true,
		"images/2020/pepper.png":      true,
		"images/.ducks.jpg.swp":       false,
		"content/stories/x.md":        true,
		"notes.txt":                   false,
	} {
		if _, got := wt.rel(filepath.Join("/site", filepath.FromSlash(p))); got != want {
			t.Errorf("rel(%s) = %v, want %v", p, got, want)
		}
	}
}

func TestTheBarrierComesAfterEarlierEvents(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only inotify promises events in order")
	}
	dir := t.TempDir()
	wt, err := newWatcher(dir, func(diag.Text) {})
	if err != nil {
		t.Fatal(err)
	}
	defer wt.w.Close()
	bar := newBarrier(wt.w)
	defer bar.close()
	for i := range 50 {
		if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte{byte(i)}, 0o644); err != nil {
			t.Fatal(err)
		}
		if !bar.raise() {
			t.Fatal("no barrier")
		}
		saw := false
		for passed := false; !passed; {
			select {
			case ev := <-wt.w.Events:
				var own bool
				own, passed = bar.saw(ev)
				saw = saw || !own && filepath.Base(ev.Name) == "site.yaml"
			case <-time.After(10 * time.Second):
				t.Fatal("the barrier's event never came")
			}
		}
		if !saw {
			t.Fatalf("save %d: the barrier passed before the save's event", i)
		}
	}
	if left, _ := os.ReadDir(bar.dir); len(left) != 1 {
		t.Errorf("%d marker files left, want the last one", len(left))
	}
}
