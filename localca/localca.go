// Package localca is Knead's own certificate authority for one machine, so
// that a phone on the home network can open Knead over HTTPS, which the
// browser needs before it allows a wake lock, offline play and installing.
//
// The authority is made once, in Knead's data folder, with the standard
// library's crypto only (ECDSA P-256). It can vouch only for local names
// (localhost, .local, .lan, .home.arpa, .internal, .test and this
// machine's name when it was made) and private addresses, so a copy of its
// key cannot be used to pretend to be a bank to a phone that trusts it. It
// issues the server a certificate for the machine's names and its current
// addresses, and issues a new one when those change.
package localca

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// The files of the authority in its folder.
const (
	CertFile = "knead-ca.pem"     // the certificate, to install on phones
	KeyFile  = "knead-ca-key.pem" // its private key, readable by its owner only
)

// Lifetimes: the authority lasts ten years; a server certificate 397 days
// (the longest Apple accepts), reissued a month before it ends.
const (
	caLifetime     = 10 * 365 * 24 * time.Hour
	serverLifetime = 397 * 24 * time.Hour
	renewBefore    = 30 * 24 * time.Hour
)

// localDomains are the names the authority may vouch for, with this
// machine's own name added when it is made.
var localDomains = []string{"localhost", "local", "lan", "home", "home.arpa", "internal", "test"}

// localRanges are the addresses it may vouch for: loopback, private,
// shared (carrier-grade and VPN meshes) and link-local.
var localRanges = []string{"127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10",
	"169.254.0.0/16", "::1/128", "fc00::/7", "fe80::/10"}

// Authority is the local certificate authority.
type Authority struct {
	Dir  string
	Cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

// CertPath is where the authority's certificate is.
func (a *Authority) CertPath() string { return filepath.Join(a.Dir, CertFile) }

// DER is the authority's certificate in DER, as phones install it.
func (a *Authority) DER() []byte { return a.Cert.Raw }

// Fingerprint is a certificate's SHA-256 as colon-separated hex, the way
// phones show it.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

// Load reads the authority from dir; an error wrapping os.ErrNotExist
// means there is none yet.
func Load(dir string) (*Authority, error) {
	certPEM, err := os.ReadFile(filepath.Join(dir, CertFile))
	if err != nil {
		return nil, err
	}
	keyPEM, err := os.ReadFile(filepath.Join(dir, KeyFile))
	if err != nil {
		return nil, err
	}
	cb, _ := pem.Decode(certPEM)
	kb, _ := pem.Decode(keyPEM)
	if cb == nil || kb == nil || cb.Type != "CERTIFICATE" {
		return nil, fmt.Errorf("localca: %s or %s is not PEM: move them away and a new authority is made", CertFile, KeyFile)
	}
	cert, err := x509.ParseCertificate(cb.Bytes)
	if err != nil {
		return nil, fmt.Errorf("localca: %s: %w", CertFile, err)
	}
	key, err := x509.ParseECPrivateKey(kb.Bytes)
	if err != nil {
		return nil, fmt.Errorf("localca: %s: %w", KeyFile, err)
	}
	if !key.PublicKey.Equal(cert.PublicKey) {
		return nil, fmt.Errorf("localca: %s does not belong to %s", KeyFile, CertFile)
	}
	return &Authority{Dir: dir, Cert: cert, key: key}, nil
}

// Open loads the authority in dir, or makes it there when there is none
// (created is then true). extra names are allowed to it besides the local
// domains and this machine's name.
func Open(dir string, now time.Time, extra ...string) (a *Authority, created bool, err error) {
	a, err = Load(dir)
	if err == nil {
		return a, false, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, false, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, false, fmt.Errorf("localca: %w", err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, false, err
	}
	host, _ := os.Hostname()
	domains := slices.Clone(localDomains)
	for _, n := range append([]string{host}, extra...) {
		n = strings.ToLower(strings.TrimSuffix(n, "."))
		if n != "" && net.ParseIP(n) == nil && !permittedName(domains, n) {
			domains = append(domains, n)
		}
	}
	var ranges []*net.IPNet
	for _, r := range localRanges {
		_, n, _ := net.ParseCIDR(r)
		ranges = append(ranges, n)
	}
	name := "Knead local authority"
	if host != "" {
		name += " (" + host + ")"
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: name, Organization: []string{"Knead"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(caLifetime),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
		PermittedDNSDomains:   domains,
		PermittedIPRanges:     ranges,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, false, fmt.Errorf("localca: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, false, err
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, false, err
	}
	// the key first, private, so the certificate never exists without it
	if err := writeNew(filepath.Join(dir, KeyFile), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		return nil, false, err
	}
	if err := writeNew(filepath.Join(dir, CertFile), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		return nil, false, err
	}
	return &Authority{Dir: dir, Cert: cert, key: key}, true, nil
}

// writeNew writes a file that must not exist yet.
func writeNew(path string, b []byte, mode os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return fmt.Errorf("localca: %w", err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("localca: %w", err)
	}
	return f.Close()
}

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	return n.Add(n, big.NewInt(1))
}

// permittedName reports whether name is one of domains or under one.
func permittedName(domains []string, name string) bool {
	for _, d := range domains {
		if name == d || strings.HasSuffix(name, "."+d) {
			return true
		}
	}
	return false
}

// Permits reports whether the authority may vouch for a name.
func (a *Authority) Permits(name string) bool {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if len(a.Cert.PermittedDNSDomains) == 0 {
		return true
	}
	return permittedName(a.Cert.PermittedDNSDomains, name)
}

// PermitsAddr reports whether the authority may vouch for an address.
func (a *Authority) PermitsAddr(ip netip.Addr) bool {
	if len(a.Cert.PermittedIPRanges) == 0 {
		return true
	}
	for _, r := range a.Cert.PermittedIPRanges {
		if r.Contains(ip.AsSlice()) {
			return true
		}
	}
	return false
}

// Issue makes a server certificate with a fresh key for the names and
// addresses the authority may vouch for; it says which it left out.
func (a *Authority) Issue(names []string, ips []netip.Addr, now time.Time) (*tls.Certificate, []string, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(serverLifetime),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	var left []string
	for _, n := range names {
		if a.Permits(n) {
			tmpl.DNSNames = append(tmpl.DNSNames, strings.ToLower(strings.TrimSuffix(n, ".")))
		} else {
			left = append(left, n)
		}
	}
	for _, ip := range ips {
		if a.PermitsAddr(ip) {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip.AsSlice())
		} else {
			left = append(left, ip.String())
		}
	}
	if len(tmpl.DNSNames) > 0 {
		tmpl.Subject = pkix.Name{CommonName: tmpl.DNSNames[0]}
	}
	if tmpl.NotAfter.After(a.Cert.NotAfter) {
		tmpl.NotAfter = a.Cert.NotAfter
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, a.Cert, &key.PublicKey, a.key)
	if err != nil {
		return nil, nil, fmt.Errorf("localca: issue: %w", err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	return &tls.Certificate{Certificate: [][]byte{der, a.Cert.Raw}, PrivateKey: key, Leaf: leaf}, left, nil
}

// Issuer keeps the server's certificate up to date for tls.Config's
// GetCertificate: it asks names for the names and addresses now (at most
// every 30 seconds) and issues a new certificate when they changed or the
// old one is near its end.
type Issuer struct {
	ca    *Authority
	names func() ([]string, []netip.Addr)
	now   func() time.Time
	// Issued, if set, hears of each new certificate and what it left out.
	Issued func(c *x509.Certificate, left []string)

	mu      sync.Mutex
	cur     *tls.Certificate
	key     string
	checked time.Time
}

// NewIssuer makes an Issuer; now nil is time.Now.
func (a *Authority) NewIssuer(names func() ([]string, []netip.Addr), now func() time.Time) *Issuer {
	if now == nil {
		now = time.Now
	}
	return &Issuer{ca: a, names: names, now: now}
}

// Certificate gives the current certificate, issuing one when needed.
func (i *Issuer) Certificate() (*tls.Certificate, error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	now := i.now()
	if i.cur != nil && now.Sub(i.checked) < 30*time.Second && now.Before(i.cur.Leaf.NotAfter.Add(-renewBefore)) {
		return i.cur, nil
	}
	names, ips := i.names()
	var b bytes.Buffer
	for _, n := range names {
		fmt.Fprintf(&b, "%s,", n)
	}
	for _, ip := range ips {
		fmt.Fprintf(&b, "%s,", ip)
	}
	i.checked = now
	if i.cur != nil && b.String() == i.key && now.Before(i.cur.Leaf.NotAfter.Add(-renewBefore)) {
		return i.cur, nil
	}
	c, left, err := i.ca.Issue(names, ips, now)
	if err != nil {
		if i.cur != nil {
			return i.cur, nil
		}
		return nil, err
	}
	i.cur, i.key = c, b.String()
	if i.Issued != nil {
		i.Issued(c.Leaf, left)
	}
	return c, nil
}

// GetCertificate is for tls.Config.
func (i *Issuer) GetCertificate(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	return i.Certificate()
}
