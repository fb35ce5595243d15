package build

import (
	"bytes"
	"fmt"
	"os/exec"
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
