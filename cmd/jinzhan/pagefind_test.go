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

// fakeProgram writes an executable shell script.
func fakeProgram(t *testing.T, path, script string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o755)
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// A site that brings its own "pagefind" (node_modules/.bin, npm's platform
// package, or on PATH as `npm run` puts it) never gets it run.
func TestSiteLocalPagefindNeverRuns(t *testing.T) {
	site := exampleWithStories(t, 0, "")
	ran := filepath.Join(t.TempDir(), "ran")
	for _, p := range []string{"node_modules/.bin/pagefind", "node_modules/@pagefind/linux-x64/bin/pagefind_extended", "node_modules/@pagefind/linux-arm64/bin/pagefind_extended"} {
		fakeProgram(t, filepath.Join(site, p), "echo \"$0\" >> "+ran)
	}
	t.Setenv("PATH", filepath.Join(site, "node_modules/.bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	os.Chdir(site) // the old lookup tried ./node_modules too
	code, _, stderr := runCLI("build", "--destination", filepath.Join(t.TempDir(), "public"))
	if code != exitOK {
		t.Fatalf("build: exit %d %s", code, stderr)
	}
	if data, err := os.ReadFile(ran); err == nil {
		t.Fatalf("the site's own program ran: %s", data)
	}
}

// A build killed while Pagefind runs takes Pagefind with it.
func TestKilledBuildEndsPagefind(t *testing.T) {
	site := exampleWithStories(t, 0, "")
	tmp := t.TempDir()
	pidFile := filepath.Join(tmp, "pid")
	pagefind := filepath.Join(tmp, "pagefind")
	fakeProgram(t, pagefind, "echo $$ > "+pidFile+".tmp && mv "+pidFile+".tmp "+pidFile+"\nexec sleep 300")
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
	cmd.Process.Kill()
	cmd.Wait()
	for deadline := time.Now().Add(30 * time.Second); alive(pid); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatal("pagefind outlived the killed build")
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
