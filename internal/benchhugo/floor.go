package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// goldmarkFloor is the least any generator must do with the stories: read
// each file, parse and render its Markdown with goldmark, write the HTML, on
// every core. What a generator spends beyond it is its own.
func goldmarkFloor(src, dst string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	names := make(chan string)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for name := range names {
				text, err := os.ReadFile(filepath.Join(src, name))
				if err == nil {
					buf.Reset()
					err = md.Convert(text, &buf)
				}
				if err == nil {
					out := filepath.Join(dst, strings.TrimSuffix(name, ".md"))
					if err = os.MkdirAll(out, 0o755); err == nil {
						err = os.WriteFile(filepath.Join(out, "index.html"), buf.Bytes(), 0o644)
					}
				}
				if err != nil {
					select { // keep the first error of each worker; go on draining names
					case errs <- err:
					default:
					}
				}
			}
		})
	}
	for _, e := range entries {
		names <- e.Name()
	}
	close(names)
	wg.Wait()
	close(errs)
	return <-errs
}
