package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A build killed while Pagefind runs takes Pagefind with it, even killed
// by SIGKILL (Linux's parent-death signal).
func TestKilledBuildEndsPagefind(t *testing.T) {
	cmd, pid := buildWithPagefind(t, "record $$\nexec sleep 300")
	cmd.Process.Kill()
	cmd.Wait()
	waitForEnd(t, pid, "pagefind outlived the killed build")
}

// A build asked to stop (Ctrl+C, kill, a closed terminal) while Pagefind
// runs ends Pagefind's whole process group — what Pagefind started too —
// and then stops as asked. This relay is all macOS has; the grandchild
// here is beyond Linux's parent-death signal, so the test sees the relay.
func TestStoppedBuildEndsPagefindAndWhatItStarted(t *testing.T) {
	cmd, pid := buildWithPagefind(t, "sleep 300 &\nrecord $!\nwait")
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGTERM {
		t.Errorf("the build did not stop by SIGTERM: %v", err)
	}
	waitForEnd(t, pid, "what pagefind started outlived the stopped build")
}

// buildWithPagefind starts a build whose Pagefind is script, in which
// `record PID` tells the test the process id to watch; it returns the build
// and that process id.
func buildWithPagefind(t *testing.T, script string) (*exec.Cmd, int) {
	t.Helper()
	site := exampleWithStories(t, 0, "")
	tmp := t.TempDir()
	pidFile := filepath.Join(tmp, "pid")
	pagefind := filepath.Join(tmp, "pagefind")
	fakeProgram(t, pagefind, "record() { echo \"$1\" > "+pidFile+".tmp && mv "+pidFile+".tmp "+pidFile+"; }\n"+script)
	cmd := exec.Command(os.Args[0], "build", "--source", site, "--destination", filepath.Join(tmp, "public"), "--pagefind", pagefind)
	cmd.Env = append(os.Environ(), "JINZHAN_AS_COMMAND=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var pid int
	for deadline := time.Now().Add(2 * time.Minute); pid == 0; time.Sleep(20 * time.Millisecond) {
		if data, err := os.ReadFile(pidFile); err == nil {
			pid, _ = strconv.Atoi(strings.TrimSpace(string(data)))
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("pagefind never started")
		}
	}
	return cmd, pid
}

// waitForEnd fails the test if pid still runs in 30 seconds (and kills it).
func waitForEnd(t *testing.T, pid int, failure string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); alive(pid); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatal(failure)
		}
	}
}

// alive reports whether pid runs (a zombie waiting for its reaper does not).
func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	return len(fields) > 0 && fields[0] != "Z"
}
