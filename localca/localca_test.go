package localca

import (
	"crypto/x509"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

var now = time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)

func TestAuthority(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "knead")
	a, created, err := Open(dir, now, "knead.test")
	if err != nil || !created {
		t.Fatalf("open: %v, created %v", err, created)
	}
	if fi, err := os.Stat(filepath.Join(dir, KeyFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the key file: %v, mode %v; want 0600", err, fi.Mode().Perm())
	}
	if !a.Cert.IsCA || a.Cert.PublicKeyAlgorithm != x509.ECDSA || !a.Cert.MaxPathLenZero {
		t.Errorf("not an ECDSA authority that signs servers only: %+v", a.Cert)
	}
	again, created, err := Open(dir, now.Add(time.Hour))
	if err != nil || created || !again.Cert.Equal(a.Cert) {
		t.Fatalf("a second open made another authority (%v, created %v)", err, created)
	}

	ips := []netip.Addr{netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("192.168.1.5"), netip.MustParseAddr("fd00::2"), netip.MustParseAddr("8.8.8.8")}
	c, left, err := a.Issue([]string{"localhost", "knead.test", "nas.local", "bank.example"}, ips, now)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(left, []string{"bank.example", "8.8.8.8"}) {
		t.Errorf("left out %v, want the public name and address", left)
	}
	pool := x509.NewCertPool()
	pool.AddCert(a.Cert)
	for _, name := range []string{"localhost", "knead.test", "nas.local", "127.0.0.1", "192.168.1.5", "fd00::2"} {
		if _, err := c.Leaf.Verify(x509.VerifyOptions{DNSName: name, Roots: pool, CurrentTime: now}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := c.Leaf.Verify(x509.VerifyOptions{DNSName: "bank.example", Roots: pool, CurrentTime: now}); err == nil {
		t.Error("the certificate vouches for a public name")
	}
	if c.Leaf.NotAfter.Sub(now) > serverLifetime {
		t.Errorf("the server certificate lasts %v", c.Leaf.NotAfter.Sub(now))
	}

	// Even a certificate the authority's key signed by hand for a public
	// name fails: the authority's own constraints forbid it.
	fresh, err := x509.ParseCertificate(a.Cert.Raw)
	if err != nil {
		t.Fatal(err)
	}
	pool = x509.NewCertPool()
	pool.AddCert(fresh)
	a.Cert.PermittedDNSDomains = nil
	a.Cert.PermittedIPRanges = nil
	bad, left, err := a.Issue([]string{"bank.example"}, nil, now)
	if err != nil || len(left) != 0 {
		t.Fatal(err, left)
	}
	if _, err := bad.Leaf.Verify(x509.VerifyOptions{DNSName: "bank.example", Roots: pool, CurrentTime: now}); err == nil {
		t.Error("a public name verifies under the local authority")
	}
}

func TestIssuerReissuesWhenAddressesChange(t *testing.T) {
	a, _, err := Open(t.TempDir(), now)
	if err != nil {
		t.Fatal(err)
	}
	clock := now
	addr := netip.MustParseAddr("192.168.1.5")
	var issued int
	i := a.NewIssuer(func() ([]string, []netip.Addr) { return []string{"localhost"}, []netip.Addr{addr} }, func() time.Time { return clock })
	i.Issued = func(*x509.Certificate, []string) { issued++ }
	first, err := i.Certificate()
	if err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(time.Minute)
	if same, _ := i.Certificate(); same != first || issued != 1 {
		t.Errorf("reissued with nothing changed (%d issued)", issued)
	}
	addr = netip.MustParseAddr("192.168.1.77")
	clock = clock.Add(time.Minute)
	next, _ := i.Certificate()
	if next == first || len(next.Leaf.IPAddresses) != 1 || next.Leaf.IPAddresses[0].String() != "192.168.1.77" {
		t.Errorf("a new address did not make a new certificate: %v", next.Leaf.IPAddresses)
	}
	clock = clock.Add(serverLifetime - renewBefore)
	if last, _ := i.Certificate(); last == next {
		t.Error("a certificate near its end was not renewed")
	}
}
