package web

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/knead/knead/massage"
	"github.com/knead/knead/store"
)

// Options are what the app is made of.
type Options struct {
	Store   store.Store
	Catalog *massage.Catalog
	Log     *slog.Logger // nil: discard
	// TestClock lets browser tests drive the player's clock: the page's
	// clock stands still until window.kneadTest.advance(seconds) moves it.
	// Never set outside tests.
	TestClock bool
	// Now gives the time; nil is time.Now. Tests fix it.
	Now func() time.Time

	// Who may reach the app (host.go, pair.go).
	// Listen is the host the server listens on: "" is 127.0.0.1; 0.0.0.0
	// or :: is every address. Off loopback, every device must pair.
	Listen string
	// Hosts are more names the app answers for (knead serve --host).
	Hosts []string
	// TLS says the app is served over HTTPS: its cookies are Secure.
	TLS bool
	// OpenURL gives the address a phone opens, for the settings page; it
	// is asked each time, since a LAN address can change.
	OpenURL func() string
	// CA is the local certificate authority's certificate (DER) and its
	// SHA-256 fingerprint, when Knead made one; /cert offers it.
	CA            []byte
	CAFingerprint string
	// Fetch shapes how the Import page fetches an address (fetch.go);
	// the zero value is the real, guarded fetcher.
	Fetch FetchOptions
}

// Server is the web app: an http.Handler.
type Server struct {
	store   store.Store
	cat     *massage.Catalog
	log     *slog.Logger
	test    bool
	now     func() time.Time
	assets  *assets
	pages   map[string]*template.Template
	handler http.Handler
	lib     *library
	scripts scriptCache // decoded scripts of sessions being played

	hosts         *hosts
	pairOn        bool
	pair          pairing
	tls           bool
	openURLFunc   func() string
	caDER         []byte
	caFingerprint string
	bare          map[string]*template.Template
	fetcher       *fetcher
}

// New makes the app. It fails only when an embedded file is broken.
func New(o Options) (*Server, error) {
	if o.Store == nil || o.Catalog == nil {
		return nil, errors.New("web: a store and a catalog are needed")
	}
	s := &Server{store: o.Store, cat: o.Catalog, log: o.Log, test: o.TestClock, now: o.Now,
		tls: o.TLS, openURLFunc: o.OpenURL, caDER: o.CA, caFingerprint: o.CAFingerprint}
	if o.Listen == "" {
		o.Listen = "127.0.0.1"
	}
	s.hosts = newHosts(o.Listen, o.Hosts)
	s.pairOn = !IsLoopback(o.Listen)
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	if s.pages, err = s.parsePages(); err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	if s.bare, err = s.parseBare(); err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	s.lib = newLibrary(o.Catalog)
	s.fetcher = newFetcher(o.Fetch)
	mux := http.NewServeMux()
	s.routes(mux)
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, &apiError{Status: http.StatusForbidden, Code: codeForbidden,
			Message: "this change came from another site's page and was refused"})
	}))
	sum := sha256.Sum256([]byte(s.assets.importMap()))
	csp := "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; media-src 'self' data:; " +
		"script-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; " +
		"object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
	// The Host check comes first, then pairing, then the cross-site check.
	s.handler = s.logged(s.hosts.check(gzipped(typedAPI(secure(s.gate(cop.Handler(mux)), csp)))))
	return s, nil
}

// openURL is the address a phone opens, or "" when the caller gave none.
func (s *Server) openURL() string {
	if s.openURLFunc == nil {
		return ""
	}
	return s.openURLFunc()
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// secure sets the headers every answer carries: no framing, no sniffing,
// and a content policy that allows only Knead's own files.
func secure(h http.Handler, csp string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Content-Security-Policy", csp)
		h.ServeHTTP(w, r)
	})
}

// logged logs each request at debug level and every server error.
func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		// its statements wait for the database behind older requests'
		// and ahead of newer ones' (see store.Arrived)
		r = r.WithContext(store.Arrived(r.Context(), start))
		h.ServeHTTP(rec, r)
		lvl, msg := slog.LevelDebug, "request"
		switch {
		case r.Context().Err() != nil:
			// the client left (or the server is stopping): not a fault
			lvl, msg = slog.LevelInfo, "request ended: the client went away"
		case rec.status >= 500:
			lvl = slog.LevelError
		}
		s.log.Log(context.WithoutCancel(r.Context()), lvl, msg, slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", rec.status), slog.Duration("took", time.Since(start)))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the real writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// healthz answers 200 when the database answers.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.Error("health check", slog.Any("err", err))
		writeError(w, &apiError{Status: http.StatusServiceUnavailable, Code: codeUnavailable, Message: "the database does not answer"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
