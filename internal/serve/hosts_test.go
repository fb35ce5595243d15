package serve

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

func TestHostGuard(t *testing.T) {
	loopback := newHostGuard("127.0.0.1:1313", []string{"Preview.LAN", ""})
	lan := newHostGuard("192.168.1.5:1313", nil)
	named := newHostGuard("mybox.lan:1313", nil)
	for _, c := range []struct {
		guard hostGuard
		host  string
		want  bool
	}{
		{loopback, "localhost", true},
		{loopback, "localhost:1313", true},
		{loopback, "LOCALHOST.:1313", true},
		{loopback, "app.localhost:1313", true},
		{loopback, "127.0.0.1:1313", true},
		{loopback, "127.8.9.10", true},
		{loopback, "[::1]:1313", true},
		{loopback, "::1", true},
		{loopback, "[::ffff:127.0.0.1]:1313", true},
		{loopback, "preview.lan:1313", true},
		{loopback, "evil.example", false},
		{loopback, "evil.example:1313", false},
		{loopback, "localhost.evil.example", false},
		{loopback, "127.0.0.1.evil.example:1313", false},
		{loopback, "192.168.1.5:1313", false},
		{loopback, "0.0.0.0:1313", false},
		{loopback, "", false},
		{lan, "192.168.1.5:1313", true},
		{lan, "192.168.1.6:1313", false},
		{lan, "localhost:1313", true},
		{named, "mybox.lan:1313", true},
		{named, "otherbox.lan:1313", false},
	} {
		if got := c.guard.allows(c.host); got != c.want {
			t.Errorf("allows(%q) = %v, want %v", c.host, got, c.want)
		}
	}

	every := newHostGuard(":1313", nil)
	every.listening(&net.TCPAddr{IP: net.IPv4zero, Port: 1313})
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range addrs {
		ip, _, _ := net.ParseCIDR(a.String())
		if host := net.JoinHostPort(ip.String(), "1313"); !every.allows(host) {
			t.Errorf("bound to every interface, refuses this computer's address %s", host)
		}
	}
	if every.allows("evil.example:1313") {
		t.Error("bound to every interface, answers any name")
	}
}

func TestPreviewRefusesOtherHosts(t *testing.T) {
	dir := copyExample(t)
	data := filepath.Join(dir, "data/activities/volunteer.yaml")
	yaml, _ := os.ReadFile(data)
	os.WriteFile(data, []byte(strings.Replace(string(yaml), "value: 893", "value: 89x3", 1)), 0o644)
	srv := New(Config{Addr: "127.0.0.1:0", Options: sitetest.Options(dir, ""), Log: io.Discard})
	for _, path := range []string{"/", "/stories/forestry-chicks-goslings/", "/_jinzhan/reload.js", "/nowhere/"} {
		// A page under the attacker's name, rebound to this computer: nothing of the site, no problem overlay.
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodGet, "http://rebind.evil.example:1313"+path, nil)
		srv.ServeHTTP(w, r)
		body := w.Body.String()
		if w.Code != http.StatusForbidden || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/plain") || strings.Contains(body, "89x3") || strings.Contains(body, "<") {
			t.Errorf("%s for rebind.evil.example: %d %q", path, w.Code, body)
		}
		if !strings.Contains(body, "--allowed-hosts rebind.evil.example") {
			t.Errorf("the refusal does not say how to allow the name: %q", body)
		}
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "http://localhost:1313/", nil))
	if w.Code == http.StatusForbidden || !strings.Contains(w.Body.String(), "89x3") {
		t.Errorf("localhost: %d, want the problems (no good build yet)", w.Code)
	}
}

func TestExposure(t *testing.T) {
	for bind, want := range map[string]string{
		"":            "every network interface",
		"0.0.0.0":     "every network interface",
		"::":          "every network interface",
		"[::]":        "every network interface",
		"192.168.1.5": "reachable from other computers",
		"preview.lan": "reachable from other computers",
		"127.0.0.1":   "",
		"127.0.0.2":   "",
		"::1":         "",
		"localhost":   "",
		"LOCALHOST":   "",
	} {
		got := Exposure(bind).In("en")
		if want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("Exposure(%q) = %q, want %q", bind, got, want)
		}
	}
}
