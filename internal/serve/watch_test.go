package serve

import (
	"path/filepath"
	"testing"
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
		if got := wt.relevant(filepath.Join("/site", filepath.FromSlash(p))); got != want {
			t.Errorf("relevant(%s) = %v, want %v", p, got, want)
		}
	}
}
