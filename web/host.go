package web

import (
	"net"
	"net/http"
	"net/netip"
	"os"
	"strings"
	"sync"
	"time"
)

// hosts decides which Host headers the app answers for. Anything else is a
// request meant for another server, or a page using DNS rebinding to read
// Knead's notes from a browser on this machine: it gets 421 before anything
// else runs.
type hosts struct {
	fixed map[string]bool // localhost, loopback, the --addr host, --host names, this machine's names
	all   bool            // listening on every address: this machine's addresses too

	mu      sync.Mutex
	addrs   map[string]bool
	checked time.Time
}

// newHosts allows the loopback names, the host of the listening address,
// the names given, and this machine's own names when the app listens
// beyond loopback (and its addresses when it listens on all of them).
func newHosts(listen string, extra []string) *hosts {
	h := &hosts{fixed: map[string]bool{}}
	for _, n := range []string{"localhost", "127.0.0.1", "::1", listen} {
		if n != "" {
			h.fixed[normalHost(n)] = true
		}
	}
	for _, n := range extra {
		h.fixed[normalHost(n)] = true
	}
	h.all = ListensOnAll(listen)
	if !IsLoopback(listen) {
		for _, n := range MachineNames() {
			h.fixed[n] = true
		}
	}
	return h
}

// allowed reports whether the Host header hostport is one this app is.
// The port is not compared: a phone may reach Knead through a forwarded
// port, and the Host check is about names, not ports.
func (h *hosts) allowed(hostport string) bool {
	name := hostOnly(hostport)
	if name == "" {
		return false
	}
	if h.fixed[name] {
		return true
	}
	if a, err := netip.ParseAddr(name); err == nil && a.IsLoopback() {
		return true // all of 127.0.0.0/8 is this machine
	}
	if !h.all {
		return false
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if time.Since(h.checked) > 10*time.Second {
		h.addrs = map[string]bool{}
		for _, a := range MachineAddrs() {
			h.addrs[a.String()] = true
		}
		h.checked = time.Now()
	}
	return h.addrs[name]
}

// check answers 421 to a request for a host the app is not.
func (h *hosts) check(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !h.allowed(r.Host) {
			writeError(w, &apiError{Status: http.StatusMisdirectedRequest, Code: codeWrongHost,
				Message: "Knead does not answer for this host name; open one of the addresses knead serve prints, or name this one with knead serve --host"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hostOnly takes the port and brackets off a Host header and brings the
// name to one spelling: lower case, no final dot, addresses as netip
// prints them.
func hostOnly(hostport string) string {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	} else if strings.HasPrefix(hostport, "[") && strings.HasSuffix(hostport, "]") {
		host = hostport[1 : len(hostport)-1]
	} else if strings.Count(hostport, ":") == 1 {
		return "" // a name with a broken port
	}
	return normalHost(host)
}

// normalHost brings a host name or address to one spelling: lower case,
// no brackets, no trailing dot, an address in its canonical form. Anything
// that is neither an address nor a well-formed name becomes "", which no
// server answers for; so reading a result again gives the same result.
func normalHost(host string) string {
	host = strings.ToLower(strings.TrimSpace(host))
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if a, err := netip.ParseAddr(host); err == nil {
		return a.WithZone("").Unmap().String()
	}
	host = strings.TrimSuffix(host, ".")
	if !wellFormedName(host) {
		return ""
	}
	return host
}

// wellFormedName reports whether name is dot-separated labels of letters,
// digits, hyphens and underscores, none empty.
func wellFormedName(name string) bool {
	if name == "" || len(name) > 253 {
		return false
	}
	for _, label := range strings.Split(name, ".") {
		if label == "" {
			return false
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// IsLoopback reports whether the listening host only this machine can
// reach: localhost or a loopback address. "" (every address) is not.
func IsLoopback(host string) bool {
	host = normalHost(host)
	if host == "localhost" {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.IsLoopback()
}

// ListensOnAll reports whether the listening host means every address of
// the machine: "", 0.0.0.0 or ::.
func ListensOnAll(host string) bool {
	if strings.TrimSpace(host) == "" {
		return true
	}
	host = normalHost(host)
	a, err := netip.ParseAddr(host)
	return err == nil && a.IsUnspecified()
}

// MachineNames are the names this machine answers to on a home network:
// its host name, and that name under .local (mDNS), lower case.
func MachineNames() []string {
	name, err := os.Hostname()
	if err != nil || name == "" {
		return nil
	}
	name = normalHost(name)
	out := []string{name}
	short, _, dotted := strings.Cut(name, ".")
	if dotted {
		out = append(out, short)
	}
	return append(out, short+".local")
}

// MachineAddrs are the addresses of this machine's interfaces that are up,
// loopback included.
func MachineAddrs() []netip.Addr {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []netip.Addr
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if p, err := netip.ParsePrefix(a.String()); err == nil {
				out = append(out, p.Addr().WithZone("").Unmap())
			}
		}
	}
	return out
}

// virtual names interfaces that a phone on the home network cannot reach:
// containers' and virtual machines' bridges and tunnels.
func virtual(name string) bool {
	for _, p := range []string{"docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "tun", "tap", "wg", "tailscale", "zt", "lxc", "lxd", "podman", "cni", "flannel", "cali"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// LANAddrs are the addresses a phone on the same network can open, the
// likeliest first: private IPv4 addresses of real interfaces, then other
// IPv4, then IPv6 unique-local and global ones. Never loopback, link-local
// or unspecified.
func LANAddrs() []netip.Addr {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	type cand struct {
		a    netip.Addr
		rank int
	}
	var cs []cand
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, x := range addrs {
			p, err := netip.ParsePrefix(x.String())
			if err != nil {
				continue
			}
			a := p.Addr().Unmap()
			if a.IsLoopback() || a.IsLinkLocalUnicast() || a.IsUnspecified() || a.IsMulticast() {
				continue
			}
			rank := 0
			switch {
			case a.Is4() && a.IsPrivate():
				rank = 0
			case a.Is4():
				rank = 2
			default:
				rank = 4
			}
			if virtual(ifc.Name) {
				rank++
			}
			cs = append(cs, cand{a, rank})
		}
	}
	// a stable sort by rank keeps the interfaces' own order within a rank
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].rank < cs[j-1].rank; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
	out := make([]netip.Addr, len(cs))
	for i, c := range cs {
		out[i] = c.a
	}
	return out
}
