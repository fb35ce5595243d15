// Package child starts programs that must not outlive jinzhan: Pagefind
// during a build, MinIO during a test.
package child

import (
	"os/exec"
	"runtime"
)

// Start starts cmd from a goroutine that stays on its OS thread until cmd
// has ended, and returns the channel cmd.Wait's result arrives on: Linux's
// parent-death signal (DieWithParent) fires when the thread that started
// the child ends, not the process.
func Start(cmd *exec.Cmd) (<-chan error, error) {
	started, exited := make(chan error, 1), make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		exited <- cmd.Wait()
	}()
	if err := <-started; err != nil {
		return nil, err
	}
	return exited, nil
}
