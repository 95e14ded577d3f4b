package cli

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	qrcode "github.com/skip2/go-qrcode"

	"github.com/knead/knead/localca"
	"github.com/knead/knead/store"
	"github.com/knead/knead/web"
)

func init() {
	register(&Command{
		Name:    "serve",
		Group:   groupApp,
		Summary: "start the web app: plan, play and keep sessions in the browser",
		Usage:   "",
		Help: "Starts Knead's web app on --addr and prints its address. Open it in a browser on this " +
			"machine, or on a phone on the same network when --addr listens there. Everything it needs is " +
			"inside the knead binary.\n\n" +
			"Bound to 127.0.0.1 (the default) only this machine can open it and nothing needs pairing. Bound to " +
			"anything else (0.0.0.0 for every address), every device must pair first, this one too: serve prints " +
			"the address a phone can open, a QR code of it and a one-time code (it works once, for 15 minutes; " +
			"a paired device makes more under Settings). knead devices lists and unpairs them. Either way Knead " +
			"answers only for its own names and addresses, and for names given with --host.\n\n" +
			"Over plain http from another device the browser allows no offline play and no installing, and the " +
			"player keeps the screen on by playing a tiny silent video. --tls serves HTTPS: with --cert and --key " +
			"files of your own, or else from a local certificate authority Knead makes once in its data folder; " +
			"trust it on the phone (knead cert says how) and everything works there.\n\n" +
			"Sessions, the last choices and the sore spots are kept in a SQLite file in your data directory " +
			"($XDG_DATA_HOME/knead/knead.db, or ~/.local/share/knead/knead.db), created on first run. " +
			"--db names another file, or a postgres:// URL to keep them in PostgreSQL.\n\n" +
			"Ctrl-C stops the server; what was being played is already saved.",
		Examples: []string{
			"knead serve",
			"knead serve --addr 0.0.0.0:7878",
			"knead serve --addr 0.0.0.0:7878 --tls",
			"knead serve --addr :443 --host knead.example.org --cert c.pem --key k.pem",
			"knead serve --db ~/knead.db",
			"knead serve --db postgres://knead@localhost/knead",
		},
		New: func() Options { return &serveOptions{Addr: "127.0.0.1:7878"} },
	})
}

// serveOptions are the options of `knead serve`.
type serveOptions struct {
	Addr      string   // host:port to listen on
	DB        string   // SQLite path or postgres:// URL; "" for the default file
	Hosts     []string // more names to answer for
	TLS       bool     // serve HTTPS
	Cert, Key string   // certificate and key files; "" for the local authority
	TestClock bool     // browser tests drive the player's clock
	Profile   string   // write a CPU profile of the run to this file

	ready func(addr string) // tests learn the address here
	grace time.Duration     // how long in-flight requests may take to finish on stop; 0 is shutdownGrace
}

// shutdownGrace bounds how long requests in flight may take to finish when
// the server is told to stop (Ctrl-C, SIGTERM); then they are cut.
const shutdownGrace = 5 * time.Second

func (o *serveOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Addr, "addr", o.Addr, "listen on `HOST:PORT` (0.0.0.0:PORT for every address: devices must pair)")
	fs.StringVar(&o.DB, "db", "", "keep sessions in SQLite file `PATH`, or in PostgreSQL at a postgres:// URL (default: the data directory)")
	listFlag(fs, &o.Hosts, "host", "answer for `NAME` too (a name the phone uses for this machine); repeatable, or commas", splitComma)
	fs.BoolVar(&o.TLS, "tls", false, "serve HTTPS, from --cert and --key or from Knead's local certificate authority (see knead cert)")
	fs.StringVar(&o.Cert, "cert", "", "the certificate chain `FILE` (PEM) for --tls")
	fs.StringVar(&o.Key, "key", "", "its private key `FILE` (PEM) for --tls")
	fs.BoolVar(&o.TestClock, "test-clock", false, "for browser tests only: the player's clock stands still until the test moves it")
	fs.StringVar(&o.Profile, "cpu-profile", "", "for measuring: write a CPU profile of the whole run to `FILE` when the server stops (read it with go tool pprof)")
}

func (o *serveOptions) SetArgs(args []string) error {
	if err := noArgs("serve", args); err != nil {
		return err
	}
	_, port, err := net.SplitHostPort(o.Addr)
	if err != nil || port == "" {
		return inputErrorf("--addr %q is not HOST:PORT (for example 127.0.0.1:7878)", o.Addr)
	}
	if strings.HasPrefix(o.DB, "postgres:") && !strings.HasPrefix(o.DB, "postgres://") {
		return inputErrorf("--db %q: a PostgreSQL address starts with postgres://", store.Redact(o.DB))
	}
	var hosts []string
	for _, h := range o.Hosts {
		for _, n := range splitComma(h) {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			if strings.ContainsAny(n, " /:@") && net.ParseIP(strings.Trim(n, "[]")) == nil {
				return inputErrorf("--host %q: give a name or an address alone, without a scheme, port or path (for example knead.lan)", n)
			}
			hosts = append(hosts, strings.Trim(n, "[]"))
		}
	}
	o.Hosts = hosts
	if (o.Cert == "") != (o.Key == "") {
		return inputErrorf("--cert and --key go together: give both files, or neither to use Knead's local certificate authority")
	}
	if o.Cert != "" {
		o.TLS = true
	}
	return nil
}

// listening says how the server listens and where a phone goes.
type listening struct {
	listen  string // the host for web.Options.Listen
	scheme  string
	port    string
	openURL string // what a phone opens; on loopback, this machine's address
	local   string // what this machine opens
}

func (o *serveOptions) where(addr string) listening {
	host, _, _ := net.SplitHostPort(o.Addr)
	_, port, _ := net.SplitHostPort(addr)
	l := listening{listen: host, scheme: "http", port: port}
	if o.TLS {
		l.scheme = "https"
	}
	if web.ListensOnAll(host) {
		l.listen = "0.0.0.0"
	}
	hostPort := func(h string) string { return net.JoinHostPort(h, port) }
	l.local = l.scheme + "://" + hostPort("127.0.0.1") + "/"
	switch {
	case web.IsLoopback(host):
		l.local = l.scheme + "://" + addr + "/"
		l.openURL = l.local
	case len(o.Hosts) > 0:
		l.openURL = l.scheme + "://" + hostPort(o.Hosts[0]) + "/"
	case !web.ListensOnAll(host):
		l.openURL = l.scheme + "://" + hostPort(host) + "/"
	default:
		if lan := web.LANAddrs(); len(lan) > 0 {
			l.openURL = l.scheme + "://" + hostPort(lan[0].String()) + "/"
		} else if names := web.MachineNames(); len(names) > 0 {
			l.openURL = l.scheme + "://" + hostPort(names[len(names)-1]) + "/"
		} else {
			l.openURL = l.local
		}
	}
	return l
}

func (o *serveOptions) Run(ctx context.Context, env *Env) error {
	cat, err := env.Catalog()
	if err != nil {
		return err
	}
	db := o.DB
	if db == "" {
		if db, err = store.DefaultPath(); err != nil {
			return inputErrorf("%v", err)
		}
	}
	var tlsConf *tls.Config
	var ca *localca.Authority
	if o.TLS {
		if tlsConf, ca, err = o.tlsConfig(env); err != nil {
			return err
		}
	}
	if o.Profile != "" {
		f, err := os.Create(o.Profile)
		if err != nil {
			return inputErrorf("--cpu-profile: %v", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return inputErrorf("--cpu-profile: %v", err)
		}
		defer func() {
			pprof.StopCPUProfile()
			if err := f.Close(); err != nil {
				env.Log.Warn("writing the CPU profile", slog.Any("err", err))
			}
		}()
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		return inputErrorf("the database did not open: %v", err)
	}
	closeStore := func() {
		if st == nil {
			return
		}
		if err := st.Close(); err != nil {
			env.Log.Warn("closing the database", slog.Any("err", err))
		}
		st = nil
	}
	defer closeStore()
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return listenError(o.Addr, err)
	}
	addr := ln.Addr().String()
	where := o.where(addr)
	wo := web.Options{Store: st, Catalog: cat, Log: env.Log, TestClock: o.TestClock,
		Listen: where.listen, Hosts: o.Hosts, TLS: o.TLS,
		OpenURL: func() string { return o.where(addr).openURL }}
	if ca != nil {
		wo.CA, wo.CAFingerprint = ca.DER(), localca.Fingerprint(ca.DER())
	}
	app, err := web.New(wo)
	if err != nil {
		ln.Close()
		return err
	}
	// net/http's own early answers (431, 400) come out as typed JSON too;
	// under TLS, inside it.
	ln = web.Listener(ln)
	if tlsConf != nil {
		ln = tls.NewListener(ln, tlsConf)
	}
	srv := &http.Server{
		Handler:           app,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(env.Log.Handler(), slog.LevelWarn),
	}
	if app.Pairing() {
		code, until := app.NewPairingCode()
		printPairing(env.Out, where, code, until, o.TLS, ca != nil)
	} else {
		fmt.Fprintf(env.Out, "Knead is ready at %s\nOnly this machine can open it, so nothing needs pairing.\n", where.local)
	}
	fmt.Fprintf(env.Out, "Sessions are kept in %s\nCtrl-C stops it.\n", store.Redact(db))
	if o.TestClock {
		fmt.Fprintln(env.Out, "The test clock is on: the player's time stands still until a test moves it.")
	}
	env.Log.Info("serving", slog.String("addr", addr), slog.Bool("pairing", app.Pairing()), slog.Bool("tls", o.TLS),
		slog.String("db", store.Redact(db)), slog.Int("techniques", len(cat.Techniques)))
	if o.ready != nil {
		o.ready(addr)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	// Finish what is in flight, within a bound; then cut what is left.
	// Either way the database is closed and the server says it stopped.
	grace := o.grace
	if grace <= 0 {
		grace = shutdownGrace
	}
	shut, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		env.Log.Warn("stopping: requests still in flight were cut", slog.Duration("after", grace), slog.Any("err", err))
		srv.Close()
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		env.Log.Warn("stopping", slog.Any("err", err))
	}
	closeStore()
	fmt.Fprintln(env.Out, "Stopped.")
	return nil
}

// listenError says why --addr could not be listened on, and what to do:
// a port that is taken gets another port suggested.
func listenError(addr string, err error) error {
	host, port, _ := net.SplitHostPort(addr)
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		next := 8080
		if p, perr := strconv.Atoi(port); perr == nil && p > 0 && p < 65535 {
			next = p + 1
		}
		return inputErrorf("port %s on %s is taken: another program (perhaps another knead serve) is listening there; "+
			"pick another port with --addr %s", port, host, net.JoinHostPort(host, strconv.Itoa(next)))
	case errors.Is(err, syscall.EACCES):
		return inputErrorf("no permission to listen on port %s: ports below 1024 need privileges; "+
			"pick one above 1024 with --addr %s", port, net.JoinHostPort(host, "7878"))
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return inputErrorf("--addr %s: %s is not an address of this machine; use 127.0.0.1 for this machine alone, "+
			"or 0.0.0.0 to be reachable from a phone on the same network", addr, host)
	}
	return inputErrorf("cannot listen on %s: %v", addr, err)
}

// printPairing says where a phone goes and how it pairs: the address, a
// QR code of the pairing link, and the code to type.
func printPairing(w io.Writer, l listening, code string, until time.Time, tlsOn, localCA bool) {
	link := l.openURL + "pair?code=" + strings.ReplaceAll(code, "-", "")
	fmt.Fprintf(w, "Knead is ready at %s for devices on your network.\n", l.openURL)
	fmt.Fprintf(w, "Every device pairs first. Scan this with the phone's camera:\n\n")
	if q, err := qrcode.New(link, qrcode.Low); err == nil {
		for _, line := range strings.Split(strings.TrimRight(q.ToSmallString(false), "\n"), "\n") {
			fmt.Fprintf(w, "  %s\n", line)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "or open %spair on it and type  %s\n", l.openURL, code)
	fmt.Fprintf(w, "The code works once, until %s; a paired device makes more under Settings.\n", until.Local().Format("15:04"))
	fmt.Fprintf(w, "This machine pairs too, at %spair.\n", l.local)
	switch {
	case !tlsOn:
		fmt.Fprintln(w, "Plain http: the phone's screen stays on, but offline play and installing need --tls.")
	case localCA:
		fmt.Fprintf(w, "Before pairing, trust Knead's local authority on the phone: %scert\n", l.openURL)
	}
}

// tlsConfig loads --cert and --key, or opens the local authority (making
// it on first use) and issues certificates from it.
func (o *serveOptions) tlsConfig(env *Env) (*tls.Config, *localca.Authority, error) {
	if o.Cert != "" {
		pair, err := tls.LoadX509KeyPair(o.Cert, o.Key)
		if err != nil {
			return nil, nil, inputErrorf("--cert %s and --key %s: %v", o.Cert, o.Key, err)
		}
		return &tls.Config{Certificates: []tls.Certificate{pair}, MinVersion: tls.VersionTLS12}, nil, nil
	}
	dir, err := dataDir()
	if err != nil {
		return nil, nil, err
	}
	ca, created, err := localca.Open(dir, time.Now(), o.Hosts...)
	if err != nil {
		return nil, nil, inputErrorf("the local certificate authority in %s: %v", dir, err)
	}
	if created {
		fmt.Fprintf(env.Out, "Made Knead's local certificate authority: %s\n", ca.CertPath())
	}
	host, _, _ := net.SplitHostPort(o.Addr)
	issuer := ca.NewIssuer(func() ([]string, []netip.Addr) { return serverNames(host, o.Hosts) }, nil)
	issuer.Issued = func(c *x509.Certificate, left []string) {
		env.Log.Info("a server certificate from the local authority", slog.Any("names", c.DNSNames), slog.Int("addresses", len(c.IPAddresses)))
		if len(left) > 0 {
			env.Log.Warn("the local authority cannot vouch for these; give --cert and --key to use them", slog.Any("left_out", left))
		}
	}
	if _, err := issuer.Certificate(); err != nil {
		return nil, nil, fmt.Errorf("issue a server certificate: %w", err)
	}
	return &tls.Config{GetCertificate: issuer.GetCertificate, MinVersion: tls.VersionTLS12}, ca, nil
}

// serverNames are the names and addresses a server certificate names:
// localhost, this machine's names, --host names, loopback and the LAN
// addresses now (or the one address listened on).
func serverNames(listen string, hosts []string) ([]string, []netip.Addr) {
	names := map[string]bool{"localhost": true}
	ips := map[netip.Addr]bool{netip.MustParseAddr("127.0.0.1"): true, netip.IPv6Loopback(): true}
	for _, n := range append(web.MachineNames(), hosts...) {
		if a, err := netip.ParseAddr(n); err == nil {
			ips[a.Unmap()] = true
		} else {
			names[strings.ToLower(n)] = true
		}
	}
	if a, err := netip.ParseAddr(listen); err == nil && !a.IsUnspecified() {
		ips[a.Unmap()] = true
	} else if listen != "" && !web.ListensOnAll(listen) {
		names[strings.ToLower(listen)] = true
	}
	if web.ListensOnAll(listen) {
		for _, a := range web.LANAddrs() {
			ips[a] = true
		}
	}
	var ns []string
	for n := range names {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	var as []netip.Addr
	for a := range ips {
		as = append(as, a)
	}
	sort.Slice(as, func(i, j int) bool { return as[i].Less(as[j]) })
	return ns, as
}

// dataDir is Knead's data folder, where the default database and the
// local authority live.
func dataDir() (string, error) {
	p, err := store.DefaultPath()
	if err != nil {
		return "", inputErrorf("%v", err)
	}
	return filepath.Dir(p), nil
}
