//go:build unix

package build

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"

	"github.com/jinzhan-dev/jinzhan/internal/child"
)

// stopSignals are those that ask jinzhan to stop and that it does not
// ignore (nohup ignores SIGHUP: the build must then go on).
func stopSignals() []os.Signal {
	var relayed []os.Signal
	for _, sig := range []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} { // Ctrl+C, kill, a closed terminal
		if !signal.Ignored(sig) {
			relayed = append(relayed, sig)
		}
	}
	return relayed
}

// runContained runs cmd in a process group of its own and ends the whole
// group with it: once cmd has ended (anything it left behind), and when
// jinzhan is asked to stop while cmd runs — the group is killed, then
// jinzhan stops as asked. A group of its own does not get the terminal's
// Ctrl+C, hence the relay. On Linux the kernel also kills cmd when jinzhan
// dies of SIGKILL, which no program can catch (child.DieWithParent); macOS
// has no such signal: cmd, but not what it started, outlives a SIGKILLed
// build and finishes writing into its abandoned stage, which the next
// build removes.
func runContained(cmd *exec.Cmd) error {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	child.DieWithParent(cmd.SysProcAttr)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, stopSignals()...)
	defer signal.Stop(stop)
	done, err := child.Start(cmd)
	if err != nil {
		return err
	}
	select {
	case err := <-done:
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // anything it left in its group
		return err
	case sig := <-stop:
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
		signal.Stop(stop)
		// With no other handler for sig, its default action ends jinzhan
		// as it would have without the relay; a program that handles it
		// (the preview) gets it and carries on.
		_ = syscall.Kill(os.Getpid(), sig.(syscall.Signal))
		return fmt.Errorf("stopped by %v", sig)
	}
}
