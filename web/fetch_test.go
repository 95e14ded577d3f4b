package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fakeResolver answers names from a table, as DNS would.
type fakeResolver map[string][]string

func (f fakeResolver) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	addrs, ok := f[host]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	var out []net.IPAddr
	for _, a := range addrs {
		out = append(out, net.IPAddr{IP: net.ParseIP(a)})
	}
	return out, nil
}

// toServer is a dialer that sends every connection to one local test
// server, whatever address was checked, and counts the dials: the real
// policy runs, and the only traffic is to loopback.
type toServer struct {
	addr  string
	dials atomic.Int32
	asked atomic.Value // the last address asked for
}

func (d *toServer) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	d.dials.Add(1)
	d.asked.Store(addr)
	var nd net.Dialer
	return nd.DialContext(ctx, network, d.addr)
}

func testFetcher(t *testing.T, h http.Handler, names fakeResolver, o FetchOptions) (*fetcher, *toServer) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	d := &toServer{addr: strings.TrimPrefix(srv.URL, "http://")}
	o.Resolver, o.Dial = names, d.dial
	return newFetcher(o), d
}

func TestFetchReachesAPublicName(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "http://articles.example/new/hands.html", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<h1>Hands</h1><ol><li>Stroke the palm with your thumb.</li></ol>"))
	})
	f, d := testFetcher(t, h, fakeResolver{"articles.example": {"93.184.216.34"}}, FetchOptions{})
	body, name, err := f.fetch(context.Background(), "http://articles.example/old")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), "Stroke the palm") || name != "hands.html" {
		t.Errorf("got %q named %q", body, name)
	}
	if got := d.asked.Load(); got != "93.184.216.34:80" {
		t.Errorf("dialled %v, want the checked address", got)
	}
}

// Every address that is not the public internet is refused, after the
// name is resolved, on the first request and on a redirect, and nothing
// is dialled.
func TestFetchRefusesAddressesOffThePublicInternet(t *testing.T) {
	refused := map[string]string{
		"127.0.0.1":        "loopback",
		"127.8.9.10":       "loopback",
		"::1":              "loopback",
		"::ffff:127.0.0.1": "loopback",
		"10.1.2.3":         "private",
		"172.16.0.9":       "private",
		"192.168.1.20":     "private",
		"fd00::5":          "private",
		"169.254.169.254":  "link-local",
		"fe80::1":          "link-local",
		"0.0.0.0":          "unspecified",
		"::":               "unspecified",
		"224.0.0.251":      "multicast",
		"ff02::1":          "multicast",
		"239.1.2.3":        "multicast",
		"ff0e::1":          "multicast",
		"100.64.1.1":       "reserved or shared",
		"0.1.2.3":          "reserved or shared",
		"240.0.0.1":        "reserved or shared",
		"64:ff9b::a00:1":   "reserved or shared",
		"2002:a00:1::":     "reserved or shared",
	}
	for addr, why := range refused {
		t.Run(addr, func(t *testing.T) {
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/hop" {
					http.Redirect(w, r, "http://inside.example/secret", http.StatusFound)
					return
				}
				w.Write([]byte("should never be read"))
			})
			names := fakeResolver{"inside.example": {addr}, "public.example": {"93.184.216.34"}, "mixed.example": {"93.184.216.34", addr}}
			f, d := testFetcher(t, h, names, FetchOptions{})
			for _, u := range []string{"http://inside.example/", "http://mixed.example/"} {
				_, _, err := f.fetch(context.Background(), u)
				var fe *fetchError
				if !errors.As(err, &fe) || !strings.Contains(err.Error(), why) || !strings.Contains(err.Error(), "does not fetch") {
					t.Errorf("%s: got %v, want a refusal naming %q", u, err, why)
				}
			}
			if n := d.dials.Load(); n != 0 {
				t.Errorf("%d dials to a refused address", n)
			}
			// An address written as such is refused the same way.
			host := addr
			if strings.Contains(addr, ":") {
				host = "[" + addr + "]"
			}
			if _, _, err := f.fetch(context.Background(), "http://"+host+"/"); err == nil || !strings.Contains(err.Error(), why) {
				t.Errorf("literal %s: got %v", host, err)
			}
			// A public page that redirects inside is refused at the hop.
			_, _, err := f.fetch(context.Background(), "http://public.example/hop")
			if err == nil || !strings.Contains(err.Error(), why) {
				t.Errorf("redirect into %s: got %v", addr, err)
			}
			if n := d.dials.Load(); n != 1 {
				t.Errorf("%d dials, want the one to the public page", n)
			}
		})
	}
}

func TestFetchLimits(t *testing.T) {
	big := strings.Repeat("Stroke the calf. ", 1000)
	h := http.NewServeMux()
	h.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(big)) })
	h.HandleFunc("/big-unsaid", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 10 {
			w.Write([]byte(big))
			w.(http.Flusher).Flush()
		}
	})
	h.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	h.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7"))
	})
	h.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	h.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	h.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example/x", http.StatusFound)
	})
	f, _ := testFetcher(t, h, fakeResolver{"site.example": {"93.184.216.34"}}, FetchOptions{MaxBytes: 4000, Timeout: 300 * time.Millisecond})
	for _, tt := range []struct{ url, want string }{
		{"http://site.example/big", "over the limit of 4000"},
		{"http://site.example/big-unsaid", "over the limit of 4000"},
		{"http://site.example/slow", "did not come within 300ms"},
		{"http://site.example/pdf", "application/pdf, not a text"},
		{"http://site.example/gone", "404 Not Found"},
		{"http://site.example/loop", "more than 5 times"},
		{"http://site.example/ftp", "http and https addresses only"},
		{"ftp://site.example/x", "http and https addresses only"},
		{"file:///etc/passwd", "http and https addresses only"},
		{"http://user:pw@site.example/", "user name or password"},
		{"http://nowhere.example/", "no such host"},
		{"http://" + strings.Repeat("a", 2100), "over 2048"},
	} {
		_, _, err := f.fetch(context.Background(), tt.url)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.url[:min(len(tt.url), 40)], err, tt.want)
		}
	}
}

func TestRefusedAddrAllowsPublic(t *testing.T) {
	for _, a := range []string{"93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "8.8.8.8"} {
		if why := refusedAddr(netip.MustParseAddr(a)); why != "" {
			t.Errorf("%s refused: %s", a, why)
		}
	}
}
