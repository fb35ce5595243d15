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
// package, on PATH as `npm run` puts it, or where the install line puts it
// when the user's data folder lies in the site) never gets it run; the
// build says what to run instead, in the site's language.
func TestSiteLocalPagefindNeverRuns(t *testing.T) {
	site := exampleWithStories(t, 0, "")
	ran := filepath.Join(t.TempDir(), "ran")
	for _, dir := range []string{"", ".local/share/jinzhan/"} {
		for _, p := range []string{"node_modules/.bin/pagefind", "node_modules/@pagefind/linux-x64/bin/pagefind_extended", "node_modules/@pagefind/linux-arm64/bin/pagefind_extended"} {
			fakeProgram(t, filepath.Join(site, dir+p), "echo \"$0\" >> "+ran)
		}
	}
	t.Setenv("PATH", filepath.Join(site, "node_modules/.bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(site, ".local/share"))
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
	if !strings.Contains(stderr, "没有找到 Pagefind") || !strings.Contains(stderr, "\n  npm install --prefix ") || !strings.Contains(stderr, " pagefind@1.") {
		t.Errorf("no word of what to run:\n%s", stderr)
	}
}

// A binary copied out of its checkout runs the Pagefind make installed
// there (the Makefile records the checkout).
func TestPagefindFromTheCheckoutRuns(t *testing.T) {
	site := exampleWithStories(t, 0, "")
	ran := filepath.Join(t.TempDir(), "ran")
	saved := checkout
	t.Cleanup(func() { checkout = saved })
	checkout = t.TempDir()
	for _, p := range []string{"node_modules/@pagefind/linux-x64/bin/pagefind_extended", "node_modules/@pagefind/linux-arm64/bin/pagefind_extended"} {
		fakeProgram(t, filepath.Join(checkout, p), "echo ran >> "+ran)
	}
	code, _, stderr := runCLI("build", "--source", site, "--destination", filepath.Join(t.TempDir(), "public"))
	if code != exitOK || strings.Contains(stderr, "Pagefind") {
		t.Fatalf("build: exit %d %s", code, stderr)
	}
	if _, err := os.ReadFile(ran); err != nil {
		t.Error("the checkout's Pagefind did not run")
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
