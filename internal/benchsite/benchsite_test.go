package benchsite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteMakesTheSameStoriesForEachTool(t *testing.T) {
	sites, err := Write(t.TempDir(), "../..", 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		filepath.Join(sites.Jinzhan, "site.yaml"), filepath.Join(sites.Jinzhan, "content/stories/gen-000002.md"),
		filepath.Join(sites.Hugo, "hugo.toml"), filepath.Join(sites.Hugo, "content/stories/gen-000002.md"),
		filepath.Join(sites.Floor, "gen-000002.md"),
	} {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
	jz, _ := os.ReadFile(filepath.Join(sites.Jinzhan, "content/stories/gen-000000.md"))
	floor, _ := os.ReadFile(filepath.Join(sites.Floor, "gen-000000.md"))
	if !strings.Contains(string(jz), "{{volunteer.cadres}}") || !strings.Contains(string(floor), "1.2万名") || len(floor) < 1000 {
		t.Errorf("stories:\n%s\n%s", jz, floor)
	}
}

func TestWriteSaysWhatFailed(t *testing.T) {
	if _, err := Write(t.TempDir(), "no-such-example", 3); err == nil || !strings.Contains(err.Error(), "no-such-example") {
		t.Errorf("got %v", err)
	}
}
