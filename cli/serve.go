package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

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
			"Sessions, the last choices and the sore spots are kept in a SQLite file in your data directory " +
			"($XDG_DATA_HOME/knead/knead.db, or ~/.local/share/knead/knead.db), created on first run. " +
			"--db names another file, or a postgres:// URL to keep them in PostgreSQL.\n\n" +
			"Ctrl-C stops the server; what was being played is already saved.",
		Examples: []string{
			"knead serve",
			"knead serve --addr 0.0.0.0:7878",
			"knead serve --db ~/knead.db",
			"knead serve --db postgres://knead@localhost/knead",
		},
		New: func() Options { return &serveOptions{Addr: "127.0.0.1:7878"} },
	})
}

// serveOptions are the options of `knead serve`.
type serveOptions struct {
	Addr      string // host:port to listen on
	DB        string // SQLite path or postgres:// URL; "" for the default file
	TestClock bool   // browser tests drive the player's clock

	ready func(addr string) // tests learn the address here
}

func (o *serveOptions) Flags(fs *flag.FlagSet) {
	fs.StringVar(&o.Addr, "addr", o.Addr, "listen on `HOST:PORT`")
	fs.StringVar(&o.DB, "db", "", "keep sessions in SQLite file `PATH`, or in PostgreSQL at a postgres:// URL (default: the data directory)")
	fs.BoolVar(&o.TestClock, "test-clock", false, "for browser tests only: the player's clock stands still until the test moves it")
}

func (o *serveOptions) SetArgs(args []string) error {
	if err := noArgs("serve", args); err != nil {
		return err
	}
	host, port, err := net.SplitHostPort(o.Addr)
	if err != nil || port == "" {
		return inputErrorf("--addr %q is not HOST:PORT (for example 127.0.0.1:7878)", o.Addr)
	}
	_ = host
	if strings.HasPrefix(o.DB, "postgres:") && !strings.HasPrefix(o.DB, "postgres://") {
		return inputErrorf("--db %q: a PostgreSQL address starts with postgres://", store.Redact(o.DB))
	}
	return nil
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
	st, err := store.Open(ctx, db)
	if err != nil {
		return inputErrorf("the database did not open: %v", err)
	}
	defer st.Close()
	app, err := web.New(web.Options{Store: st, Catalog: cat, Log: env.Log, TestClock: o.TestClock})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return listenError(o.Addr, err)
	}
	srv := &http.Server{
		Handler:           app,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(env.Log.Handler(), slog.LevelWarn),
	}
	addr := ln.Addr().String()
	fmt.Fprintf(env.Out, "Knead is ready at http://%s/\nSessions are kept in %s\nCtrl-C stops it.\n", addr, store.Redact(db))
	if o.TestClock {
		fmt.Fprintln(env.Out, "The test clock is on: the player's time stands still until a test moves it.")
	}
	env.Log.Info("serving", slog.String("addr", addr), slog.String("db", store.Redact(db)), slog.Int("techniques", len(cat.Techniques)))
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
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return err
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
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
