package load

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unsafe"
)

// FuzzSplitFrontMatter: splitting never panics; a closed front matter and
// its body are parts of the input that, with the --- lines, make it up
// again; lines count from 1.
//
//	go test -run '^$' -fuzz FuzzSplitFrontMatter -fuzztime 60s ./internal/load
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	for _, s := range []string{"", "---", "---\n", "---\n---", "---\r\ntitle: x\r\n---\r\nbody", "---\n---\n---\n", "--- \ntitle: x\n---\n", "---\ntitle: x\n--- \n", "\n---\ntitle: x\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		front, body, yamlLine, bodyLine, hasFront, ok := splitFrontMatter(src)
		switch {
		case !hasFront:
			if !ok || !sameSlice(body, src) || bodyLine != 1 {
				t.Fatalf("no front matter: body must be the input from line 1, got ok=%v line %d", ok, bodyLine)
			}
		case !ok:
			if !bytes.HasPrefix(src, []byte("---")) {
				t.Fatal("an unclosed front matter must start with ---")
			}
		default:
			open := len("---\n")
			if bytes.HasPrefix(src, []byte("---\r\n")) {
				open++
			}
			if yamlLine != 2 || !sameSlice(front, src[open:open+len(front)]) {
				t.Fatalf("front matter %q is not the input after the opening line", front)
			}
			bodyStart := len(src) - len(body)
			if !sameSlice(body, src[bodyStart:]) {
				t.Fatalf("body %q is not the end of the input", body)
			}
			closing := src[open+len(front) : bodyStart]
			if string(bytes.TrimRight(closing, "\r\n")) != "---" || bytes.Count(closing, []byte("\n")) > 1 {
				t.Fatalf("between front matter and body: %q, want one --- line", closing)
			}
			if want := 1 + bytes.Count(src[:bodyStart], []byte("\n")); bodyLine != want && !(bodyStart == len(src) && bodyLine == want+1) {
				t.Fatalf("body starts on line %d, want %d", bodyLine, want)
			}
			offsets := []int{0, len(body) / 2, len(body)}
			places := newPlaces(body, bodyLine, slices.Clone(offsets))
			for _, off := range offsets {
				if line, col := places.lineCol(off); line < 1 || col < 1 {
					t.Fatalf("lineCol(%d) = %d:%d", off, line, col)
				}
			}
		}
	})
}

// sameSlice reports whether a and b are the same bytes of the same array.
func sameSlice(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	return len(a) == 0 || unsafe.SliceData(a) == unsafe.SliceData(b)
}

// fuzzSeeds are the Markdown files of the example site.
func fuzzSeeds(f *testing.F) [][]byte {
	var out [][]byte
	for _, pattern := range []string{"../../content/*.md", "../../content/*/*.md"} {
		names, _ := filepath.Glob(pattern)
		for _, name := range names {
			if data, err := os.ReadFile(name); err == nil {
				out = append(out, data)
			}
		}
	}
	if len(out) == 0 {
		f.Fatal("no seeds under content/")
	}
	return out
}
