package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// serveCmd starts `jinzhan serve` on the example in a child process and
// returns its address once it serves, and what it printed on stderr by then.
func serveCmd(t *testing.T, args ...string) (string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"serve", "--source", "../..", "--port", "0"}, args...)...)
	cmd.Env = append(os.Environ(), "JINZHAN_AS_COMMAND=1")
	stdout, _ := cmd.StdoutPipe()
	stderr := &sitetest.Buffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	found := make(chan string, 1)
	go func() {
		serving := regexp.MustCompile(`at (http://\S+)/ `)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := serving.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	select {
	case addr := <-found:
		return addr, stderr.String()
	case <-time.After(30 * time.Second):
		t.Fatalf("jinzhan serve %v never served; stderr:\n%s", args, stderr.String())
	}
	return "", ""
}

func statusFor(t *testing.T, base, host string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestServeAllowedHostsFlag(t *testing.T) {
	base, stderr := serveCmd(t, "--allowed-hosts", "preview.lan, other.lan")
	if stderr != "" {
		t.Errorf("a loopback preview warns: %s", stderr)
	}
	for host, want := range map[string]int{"localhost:1313": 200, "preview.lan:1313": 200, "other.lan": 200, "rebind.evil.example": 403} {
		if got := statusFor(t, base, host); got != want {
			t.Errorf("Host %s: %d, want %d", host, got, want)
		}
	}
}

func TestServeOnEveryInterfaceWarns(t *testing.T) {
	_, stderr := serveCmd(t, "--bind", "0.0.0.0")
	if !strings.Contains(stderr, "WARNING: --bind \"0.0.0.0\" listens on every network interface") || !strings.Contains(stderr, "警告：") {
		t.Errorf("no warning on stderr:\n%s", stderr)
	}
	if code, _, stderr := runCLI("serve", "--help"); code != exitOK || !strings.Contains(stderr, "--allowed-hosts") {
		t.Errorf("serve --help: %d %s", code, stderr)
	}
}
