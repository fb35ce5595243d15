package serve

import (
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// hostGuard decides which Host headers the preview answers. Through DNS
// rebinding any web page can reach a server on this computer under the
// page's own host name, and read what it serves (a broken file's lines
// among it); such a name is never loopback, nor the address bound, nor one
// the user named.
type hostGuard struct {
	names map[string]bool     // host names allowed besides localhost, lowercase
	addrs map[netip.Addr]bool // addresses allowed besides loopback ones
}

// newHostGuard allows the host names given (--allowed-hosts) and the
// address the server is told to listen on (--bind): its name when it is
// one, else its IP address.
func newHostGuard(addr string, allowed []string) hostGuard {
	g := hostGuard{names: map[string]bool{}, addrs: map[netip.Addr]bool{}}
	for _, name := range allowed {
		if name = normalHost(name); name != "" {
			g.names[name] = true
		}
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return g
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		g.addrs[ip.Unmap()] = true
	} else if host = normalHost(host); host != "" {
		g.names[host] = true
	}
	return g
}

// listening adds the address the server listens on; on every interface,
// each of this computer's addresses (a phone on the LAN opens the preview
// at one of them).
func (g *hostGuard) listening(at net.Addr) {
	tcp, ok := at.(*net.TCPAddr)
	if !ok {
		return
	}
	ip, ok := netip.AddrFromSlice(tcp.IP)
	if !ok {
		return
	}
	ip = ip.Unmap()
	g.addrs[ip] = true
	if !ip.IsUnspecified() {
		return
	}
	if local, err := net.InterfaceAddrs(); err == nil {
		for _, a := range local {
			if prefix, err := netip.ParsePrefix(a.String()); err == nil {
				g.addrs[prefix.Addr().Unmap()] = true
			}
		}
	}
}

// allows reports whether a request naming host (a Host header, with or
// without port) may be answered.
func (g hostGuard) allows(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = normalHost(host)
	if host == "localhost" || strings.HasSuffix(host, ".localhost") { // never resolved by DNS (RFC 6761)
		return true
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		ip = ip.Unmap().WithZone("")
		return ip.IsLoopback() || g.addrs[ip]
	}
	return host != "" && g.names[host]
}

// normalHost lowercases a host name and drops IPv6 brackets and a final dot.
func normalHost(h string) string {
	h = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(h), "["), "]"), ".")
	return strings.ToLower(h)
}

// forbid answers a request for a host the preview does not answer to: a
// short plain explanation, nothing of the site.
func forbid(w http.ResponseWriter, host, lang string) {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusForbidden)
	text := diag.T("this preview answers only to localhost, 127.0.0.1 and the address it listens on, not to %q; to open it under that name, start it with: jinzhan serve --allowed-hosts %s", host, normalHost(name))
	w.Write([]byte(text.In(lang) + "\n"))
}

// Exposure warns when the preview is reachable from other computers: bound
// to every interface (bind "", 0.0.0.0, ::) or to an address that is not
// loopback. It is empty for loopback addresses and localhost.
func Exposure(bind string) diag.Text {
	host := normalHost(bind)
	if host == "localhost" {
		return diag.Text{}
	}
	ip, err := netip.ParseAddr(host)
	switch {
	case host == "" || err == nil && ip.IsUnspecified():
		return diag.T("WARNING: --bind %q listens on every network interface: anyone on your network can open this preview, the source lines of files with problems included; use --bind 127.0.0.1 unless you mean to share it", bind)
	case err == nil && ip.IsLoopback():
		return diag.Text{}
	}
	return diag.T("WARNING: --bind %q is reachable from other computers: anyone who can reach it can open this preview, the source lines of files with problems included", bind)
}
