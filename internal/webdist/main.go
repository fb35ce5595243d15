// Command webdist generates web/dist, the ECharts jinzhan serves and
// embeds: esbuild's bundles of web/echarts.js (for pages) and
// web/echarts-ssr.js (run by the build to draw charts as SVG), built from
// the npm packages package-lock.json pins, and the licence files of every
// package the bundles take code from. `make deps` runs it (`go run ./internal/webdist`
// in the repository). The output is committed, so that a clone or
// `go install` builds with Go alone; TestDistIsTheLockfiles regenerates it
// and fails on any difference.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	if err := run("."); err != nil {
		fmt.Fprintln(os.Stderr, "webdist:", err)
		os.Exit(1)
	}
}

// run regenerates repo's Dist in a fresh folder beside it and swaps it in.
func run(repo string) error {
	dist := filepath.Join(repo, filepath.FromSlash(Dist))
	fresh, err := os.MkdirTemp(filepath.Dir(dist), ".dist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(fresh)
	if err := generate(repo, fresh); err != nil {
		return err
	}
	if err := os.Chmod(fresh, 0o755); err != nil {
		return err
	}
	// The previous files go: a licence of a package no longer bundled
	// must not linger.
	if err := os.RemoveAll(dist); err != nil {
		return err
	}
	return os.Rename(fresh, dist)
}
