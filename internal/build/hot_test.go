package build

import "testing"

// The page asked for longest ago goes first; asking again keeps a page.
func TestHotPagesLetTheOldestGo(t *testing.T) {
	h := newHotPages(3)
	for _, url := range []string{"/a/", "/b/", "/c/", "/a/"} {
		if out := h.touch(url); out != "" {
			t.Fatalf("%s put %s out of 3 places", url, out)
		}
	}
	if out := h.touch("/d/"); out != "/b/" {
		t.Errorf("/d/ put %q out, want /b/", out)
	}
	if out := h.touch("/e/"); out != "/c/" {
		t.Errorf("/e/ put %q out, want /c/", out)
	}
	for url, want := range map[string]bool{"/a/": true, "/b/": false, "/c/": false, "/d/": true, "/e/": true} {
		if h.has(url) != want {
			t.Errorf("%s hot: %v", url, !want)
		}
	}
}
