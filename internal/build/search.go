package build

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
)

// indexForSearch runs Pagefind over the staged site: it writes /pagefind/,
// a static index split in chunks so a query loads only what it needs, and
// segments Chinese text (pages carry lang="zh-CN").
//
// Pagefind runs in a process group of its own and is killed with the build:
// a killed build must not leave it writing into an abandoned stage.
func indexForSearch(pagefind, dir string) error {
	if pagefind == "" {
		return nil
	}
	var out bytes.Buffer
	cmd := exec.Command(pagefind, "--site", dir, "--silent")
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	done := make(chan error, 1)
	go func() {
		// Pdeathsig fires when the thread that started the child ends, not
		// the process: keep this goroutine on its thread until Pagefind ends.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		err := cmd.Start()
		if err == nil {
			err = cmd.Wait()
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // anything it left in its group
		}
		done <- err
	}()
	if err := <-done; err != nil {
		return fmt.Errorf("search index (pagefind): %v\n%s", err, strings.TrimSpace(out.String()))
	}
	return nil
}

// FindPagefind returns the Pagefind that jinzhan's own install put beside it
// (make's npm ci: node_modules next to bin/jinzhan), else one on PATH; ""
// when there is none. A program in the site folder is never chosen: a site
// is input, perhaps a template from anywhere, and must not run code with
// the builder's rights (pass --pagefind to choose one explicitly).
func FindPagefind(siteDir string) string {
	if exe, err := os.Executable(); err == nil {
		if exe, err = filepath.EvalSymlinks(exe); err == nil {
			for _, dir := range []string{filepath.Dir(exe), filepath.Dir(filepath.Dir(exe))} {
				if p := PagefindIn(dir); p != "" {
					return p
				}
			}
		}
	}
	site, err := filepath.Abs(siteDir)
	if err == nil {
		site, err = filepath.EvalSymlinks(site)
	}
	for _, name := range []string{"pagefind_extended", "pagefind"} {
		p, lookErr := exec.LookPath(name)
		if lookErr != nil {
			continue
		}
		if real, evalErr := filepath.EvalSymlinks(p); evalErr != nil || err != nil || within(real, site) {
			continue // e.g. npm run puts the site's node_modules/.bin on PATH
		}
		return p
	}
	return ""
}

// PagefindIn returns the Pagefind executable that npm installed under
// dir/node_modules: the platform's binary itself (not npm's Node wrapper, so
// that it dies with the build), else the wrapper; "" when there is none.
func PagefindIn(dir string) string {
	arch := map[string]string{"amd64": "x64", "arm64": "arm64"}[runtime.GOARCH]
	platform := runtime.GOOS
	exe := ""
	if platform == "windows" {
		exe = ".exe"
	}
	for _, p := range []string{
		filepath.Join(dir, "node_modules", "@pagefind", platform+"-"+arch, "bin", "pagefind_extended"+exe),
		filepath.Join(dir, "node_modules", ".bin", "pagefind"),
	} {
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			if abs, err := filepath.Abs(p); err == nil {
				return abs
			}
		}
	}
	return ""
}

// within reports whether p is dir or lies below it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}
