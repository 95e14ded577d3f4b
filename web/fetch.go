package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// FetchOptions shape how the Import page fetches an address. The zero
// value is the real fetcher: the system's resolver and dialer, 1 MiB, 10 s.
// Tests give a resolver and a dialer of their own, so that a fetch can reach
// a local test server while every address the policy refuses is still
// refused by the same code.
type FetchOptions struct {
	// Resolver finds a host's addresses; nil is net.DefaultResolver.
	Resolver interface {
		LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
	}
	// Dial connects to an address already checked ("ip:port"); nil is a
	// net.Dialer's.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
	// Timeout bounds the whole fetch, redirects included; 0 is 10 s.
	Timeout time.Duration
	// MaxBytes is the largest page read; 0 is 1 MiB.
	MaxBytes int64
}

// maxRedirects is how many redirects a fetch follows.
const maxRedirects = 5

// fetchError is a fetch refused or failed, said for the person who asked.
type fetchError struct{ msg string }

func (e *fetchError) Error() string { return e.msg }

func fetchErrorf(format string, args ...any) error {
	return &fetchError{fmt.Sprintf(format, args...)}
}

// refusedAddr says why an address is not one Knead fetches from, or "" when
// it is a public address. Every address a name resolves to is checked, and
// the address dialled is one of those checked: a name cannot be resolved
// once to a public address and again to a private one.
func refusedAddr(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case !a.IsValid():
		return "not an address"
	case a.IsLoopback():
		return "a loopback address (this machine itself)"
	case a.IsUnspecified():
		return "an unspecified address"
	case a.IsMulticast():
		return "a multicast address"
	case a.IsLinkLocalUnicast():
		return "a link-local address"
	case a.IsPrivate():
		return "a private network address"
	}
	for _, p := range reservedPrefixes {
		if p.Contains(a) {
			return "a reserved or shared address"
		}
	}
	return ""
}

// reservedPrefixes are further ranges that are not the public internet:
// "this network", shared (carrier) space, protocol assignments, test
// networks, benchmarking, the old class E and broadcast, and IPv6 ranges
// that can carry an IPv4 address inside (NAT64, 6to4, Teredo) or are for
// documentation or discard.
var reservedPrefixes = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15",
		"198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4",
		"64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:db8::/32", "2002::/16",
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// fetcher fetches one page for the importer.
type fetcher struct {
	resolver interface {
		LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
	}
	dial     func(ctx context.Context, network, addr string) (net.Conn, error)
	timeout  time.Duration
	maxBytes int64
	client   *http.Client
}

func newFetcher(o FetchOptions) *fetcher {
	f := &fetcher{resolver: o.Resolver, dial: o.Dial, timeout: o.Timeout, maxBytes: o.MaxBytes}
	if f.resolver == nil {
		f.resolver = net.DefaultResolver
	}
	if f.dial == nil {
		d := &net.Dialer{Timeout: 5 * time.Second}
		f.dial = d.DialContext
	}
	if f.timeout <= 0 {
		f.timeout = 10 * time.Second
	}
	if f.maxBytes <= 0 {
		f.maxBytes = 1 << 20
	}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would dial for us, past the checks
		DialContext:            f.safeDial,
		TLSHandshakeTimeout:    5 * time.Second,
		ResponseHeaderTimeout:  f.timeout,
		MaxIdleConns:           4,
		IdleConnTimeout:        30 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
	}
	f.client = &http.Client{Transport: tr, Timeout: f.timeout, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return fetchErrorf("the address sent Knead on more than %d times; give the final address of the page", maxRedirects)
		}
		return checkURL(req.URL)
	}}
	return f
}

// safeDial resolves host, refuses it unless every address is public, and
// dials the first address that answers.
func (f *fetcher) safeDial(ctx context.Context, network, hostport string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		return nil, fetchErrorf("the address %q has no host and port Knead can read", hostport)
	}
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		ips, err := f.resolver.LookupIPAddr(ctx, host)
		if err != nil {
			return nil, fetchErrorf("no such host %q: check the address", host)
		}
		for _, ip := range ips {
			if a, ok := netip.AddrFromSlice(ip.IP); ok {
				addrs = append(addrs, a.Unmap())
			}
		}
	}
	if len(addrs) == 0 {
		return nil, fetchErrorf("no such host %q: check the address", host)
	}
	for _, a := range addrs {
		if why := refusedAddr(a); why != "" {
			return nil, fetchErrorf("Knead does not fetch from %s: it is %s. Only pages on the public internet can be fetched; paste the text instead", host, why)
		}
	}
	var last error
	for _, a := range addrs {
		c, err := f.dial(ctx, network, net.JoinHostPort(a.String(), port))
		if err == nil {
			return c, nil
		}
		last = err
	}
	return nil, last
}

// checkURL accepts http and https addresses with a host and no user name.
func checkURL(u *url.URL) error {
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return fetchErrorf("Knead fetches http and https addresses only, not %q", u.Scheme+":")
	case u.User != nil:
		return fetchErrorf("an address with a user name or password in it is not fetched")
	case u.Hostname() == "":
		return fetchErrorf("the address has no host name")
	}
	return nil
}

// fetch gets the page at raw: its bytes and a name for the import.
func (f *fetcher) fetch(ctx context.Context, raw string) ([]byte, string, error) {
	raw = strings.TrimSpace(raw)
	if len(raw) > 2048 {
		return nil, "", fetchErrorf("the address is over 2048 characters")
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, "", fetchErrorf("this is not an address Knead can read: write it as https://example.org/page")
	}
	if err := checkURL(u); err != nil {
		return nil, "", err
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", fetchErrorf("this is not an address Knead can read: write it as https://example.org/page")
	}
	req.Header.Set("User-Agent", "Knead (imports one page a person asked for)")
	req.Header.Set("Accept", "text/html, text/plain, text/markdown;q=0.9, */*;q=0.1")
	resp, err := f.client.Do(req)
	if err != nil {
		var fe *fetchError
		switch {
		case errors.As(err, &fe):
			return nil, "", fe
		case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
			return nil, "", fetchErrorf("the page did not come within %s: try again later, or paste the text", f.timeout)
		}
		return nil, "", fetchErrorf("the page could not be fetched (%s): paste the text instead", shortNetError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fetchErrorf("the site answered %s instead of the page", resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		mt, _, _ := mime.ParseMediaType(ct)
		if !strings.HasPrefix(mt, "text/") && mt != "application/xhtml+xml" {
			return nil, "", fetchErrorf("the address gives %s, not a text or web page: Knead imports text, Markdown and HTML", mt)
		}
	}
	if resp.ContentLength > f.maxBytes {
		return nil, "", fetchErrorf("the page is %d bytes, over the limit of %d: paste only the part with the instructions", resp.ContentLength, f.maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		if isTimeout(err) || errors.Is(err, context.DeadlineExceeded) {
			return nil, "", fetchErrorf("the page did not come within %s: try again later, or paste the text", f.timeout)
		}
		return nil, "", fetchErrorf("the page stopped coming before its end: try again, or paste the text")
	}
	if int64(len(body)) > f.maxBytes {
		return nil, "", fetchErrorf("the page is over the limit of %d bytes: paste only the part with the instructions", f.maxBytes)
	}
	name := pageName(resp.Request.URL)
	return body, name, nil
}

// pageName names a fetched page for the import's source: its last path
// part, or the host.
func pageName(u *url.URL) string {
	p := strings.Trim(u.Path, "/")
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		p = p[i+1:]
	}
	if p == "" {
		return u.Hostname()
	}
	return p
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func shortNetError(err error) string {
	var oe *net.OpError
	if errors.As(err, &oe) {
		return oe.Err.Error()
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}
