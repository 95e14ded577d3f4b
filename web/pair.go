package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/knead/knead/store"
)

// Pairing: when the app listens beyond this machine, only paired devices
// get in. knead serve prints a short code that works once for a while;
// opening /pair?code=… (or typing the code on /pair) gives the device a
// long random token in a cookie, which the store keeps as a hash.

const (
	// CodeLifetime is how long a pairing code works.
	CodeLifetime = 15 * time.Minute
	// cookieName holds a paired device's token.
	cookieName = "knead_device"
	// codeAlphabet has no letters that read as others (no I, L, O, 0, 1).
	codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
	codeLength   = 8
	// guessWindow, perClientGuesses and allGuesses bound wrong codes: a
	// few per client in the window, and a few more from everyone together,
	// so that guessing a code before it expires is hopeless.
	guessWindow      = 10 * time.Minute
	perClientGuesses = 5
	allGuesses       = 20
)

// pairing holds the one code that works now and the wrong guesses.
type pairing struct {
	mu      sync.Mutex
	code    string // "" when there is none
	expires time.Time
	wrong   map[string][]time.Time // by client address
	all     []time.Time
}

// NewPairingCode makes a fresh one-time pairing code, replacing any other,
// and says until when it works. The code is shown as XXXX-XXXX; the dash,
// spaces and case do not matter when it is typed.
func (s *Server) NewPairingCode() (code string, expires time.Time) {
	b := make([]byte, codeLength)
	rand.Read(b) // never fails (crypto/rand)
	var sb strings.Builder
	for _, c := range b {
		// 256 is not a multiple of len(codeAlphabet): take only unbiased bytes
		for int(c) >= 256/len(codeAlphabet)*len(codeAlphabet) {
			var one [1]byte
			rand.Read(one[:])
			c = one[0]
		}
		sb.WriteByte(codeAlphabet[int(c)%len(codeAlphabet)])
	}
	p := &s.pair
	p.mu.Lock()
	defer p.mu.Unlock()
	p.code = sb.String()
	p.expires = s.now().Add(CodeLifetime)
	return p.code[:4] + "-" + p.code[4:], p.expires
}

// Pairing reports whether devices must pair: the app listens beyond this
// machine.
func (s *Server) Pairing() bool { return s.pairOn }

// cleanCode brings a typed code to the form it was made in.
func cleanCode(c string) string {
	var sb strings.Builder
	for _, r := range strings.ToUpper(c) {
		if r == '-' || r == ' ' || r == '\t' {
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// Reasons a code is refused.
var (
	errCodeWrong   = errors.New("that code is not the one knead serve shows; check it and try again")
	errCodeExpired = errors.New("there is no pairing code that works now (each works once, for 15 minutes): get a new one from Settings on a device already paired, or restart knead serve")
	errTooMany     = errors.New("too many wrong codes: wait ten minutes, then try again")
)

// redeem uses up the code if it is the one that works now. A wrong or
// spent code counts against the client; past the limits nothing is
// checked at all.
func (s *Server) redeem(client, code string) error {
	p := &s.pair
	now := s.now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.wrong == nil {
		p.wrong = map[string][]time.Time{}
	}
	recent := func(ts []time.Time) []time.Time {
		out := ts[:0]
		for _, t := range ts {
			if now.Sub(t) < guessWindow {
				out = append(out, t)
			}
		}
		return out
	}
	p.all = recent(p.all)
	p.wrong[client] = recent(p.wrong[client])
	if len(p.wrong[client]) == 0 {
		delete(p.wrong, client)
	}
	if len(p.all) >= allGuesses || len(p.wrong[client]) >= perClientGuesses {
		return errTooMany
	}
	code = cleanCode(code)
	if p.code != "" && now.Before(p.expires) && len(code) == len(p.code) &&
		subtle.ConstantTimeCompare([]byte(code), []byte(p.code)) == 1 {
		p.code = "" // once only
		return nil
	}
	p.all = append(p.all, now)
	p.wrong[client] = append(p.wrong[client], now)
	if p.code == "" || !now.Before(p.expires) {
		return errCodeExpired
	}
	return errCodeWrong
}

// clientOf is the address a request came from, without its port.
func clientOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// randomHex is n random bytes in hex.
func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// pairDevice makes a device for the request and sets its cookie.
func (s *Server) pairDevice(w http.ResponseWriter, r *http.Request) error {
	b := make([]byte, 32)
	rand.Read(b)
	token := base64.RawURLEncoding.EncodeToString(b)
	d := &store.Device{ID: randomHex(4), Name: deviceName(r.UserAgent()), CreatedAt: s.now().UTC()}
	if err := s.store.AddDevice(r.Context(), d, token); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: token, Path: "/",
		MaxAge: 400 * 24 * 60 * 60, HttpOnly: true, Secure: s.tls, SameSite: http.SameSiteStrictMode,
	})
	s.log.Info("paired a device", slog.String("device", d.ID), slog.String("name", d.Name), slog.String("client", clientOf(r)))
	return nil
}

// forgetCookie tells the browser to drop its token.
func (s *Server) forgetCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.tls, SameSite: http.SameSiteStrictMode})
}

type deviceKey struct{}

// deviceOf is the paired device a request came from, or nil.
func deviceOf(r *http.Request) *store.Device {
	d, _ := r.Context().Value(deviceKey{}).(*store.Device)
	return d
}

// lookupDevice finds the device whose token the request carries. A token
// that finds none is logged, never its value.
func (s *Server) lookupDevice(r *http.Request) (*store.Device, error) {
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" {
		return nil, nil
	}
	if len(c.Value) > 100 {
		s.log.Warn("a device cookie that is no token", slog.String("client", clientOf(r)))
		return nil, nil
	}
	d, err := s.store.DeviceByToken(r.Context(), c.Value)
	if errors.Is(err, store.ErrNotFound) {
		s.log.Warn("a device token that is not paired (revoked or forged)", slog.String("client", clientOf(r)))
		return nil, nil
	}
	return d, err
}

// public are the addresses that answer without pairing: health, the
// pairing pages, the manifest and icons, the local authority's page.
func (s *Server) public(r *http.Request) bool {
	switch p := r.URL.Path; p {
	case "/healthz", "/pair", "/pair/done", "/manifest.webmanifest", "/icon.svg", "/icon-192.png", "/icon-512.png", "/cert", "/cert/knead-ca.crt":
		return true
	default:
		// the pairing page's own style sheet, and nothing else of /static
		css, _ := s.assets.url("app.css")
		return p == css
	}
}

// gate lets only paired devices past when pairing is on. An unpaired page
// request gets the pairing page; an API request 401 typed JSON.
func (s *Server) gate(next http.Handler) http.Handler {
	if !s.pairOn {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, err := s.lookupDevice(r)
		if err != nil {
			s.log.Error("device lookup", slog.Any("err", err))
			writeError(w, &apiError{Status: http.StatusServiceUnavailable, Code: codeUnavailable, Message: "the database does not answer"})
			return
		}
		if d != nil {
			if s.now().Sub(d.LastSeen) > time.Minute {
				if err := s.store.SeenDevice(r.Context(), d.ID, s.now().UTC()); err != nil {
					s.log.Warn("device seen", slog.Any("err", err))
				}
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), deviceKey{}, d)))
			return
		}
		if s.public(r) {
			next.ServeHTTP(w, r)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/sw.js" || strings.HasPrefix(r.URL.Path, "/static/") {
			writeError(w, &apiError{Status: http.StatusUnauthorized, Code: codeNotPaired,
				Message: "this device is not paired with Knead: open /pair on it and enter the code knead serve shows"})
			return
		}
		s.pairPage(w, r, http.StatusUnauthorized, "")
	})
}

// deviceName says what a device is from its User-Agent, in a few words.
func deviceName(ua string) string {
	browser := "A browser"
	switch {
	case strings.Contains(ua, "Firefox/"):
		browser = "Firefox"
	case strings.Contains(ua, "Edg/"):
		browser = "Edge"
	case strings.Contains(ua, "SamsungBrowser/"):
		browser = "Samsung Internet"
	case strings.Contains(ua, "Chrome/"), strings.Contains(ua, "CriOS/"):
		browser = "Chrome"
	case strings.Contains(ua, "Safari/"):
		browser = "Safari"
	}
	sys := ""
	switch {
	case strings.Contains(ua, "iPhone"):
		sys = "iPhone"
	case strings.Contains(ua, "iPad"):
		sys = "iPad"
	case strings.Contains(ua, "Android"):
		sys = "Android"
	case strings.Contains(ua, "Windows"):
		sys = "Windows"
	case strings.Contains(ua, "Mac OS X"):
		sys = "a Mac"
	case strings.Contains(ua, "CrOS"):
		sys = "ChromeOS"
	case strings.Contains(ua, "Linux"):
		sys = "Linux"
	}
	if sys == "" {
		return browser
	}
	return browser + " on " + sys
}

// pairData is the pairing page.
type pairData struct {
	Error  string
	Code   string // the code typed, to show it again
	Paired bool   // the pairing page after success
}

// pairPage is the page of an unpaired device: what pairing is and a field
// for the code.
func (s *Server) pairPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.renderBare(w, status, "pair", page{Title: "Pair this device", Data: pairData{Error: msg}})
}

// pairHandler pairs with a code from the link (GET /pair?code=…) or the
// form (POST /pair), then sends the browser on to /pair/done so that the
// code is in no address it keeps.
func (s *Server) pairHandler(w http.ResponseWriter, r *http.Request) {
	if !s.pairOn {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	if deviceOf(r) != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther) // paired already: the code stays unused
		return
	}
	code := r.FormValue("code")
	if code == "" {
		s.pairPage(w, r, http.StatusOK, "")
		return
	}
	switch err := s.redeem(clientOf(r), code); {
	case err == nil:
		if err := s.pairDevice(w, r); err != nil {
			s.log.Error("pair", slog.Any("err", err))
			s.pairPage(w, r, http.StatusServiceUnavailable, "The database did not answer; nothing was paired. Try again in a moment.")
			return
		}
		http.Redirect(w, r, "/pair/done", http.StatusSeeOther)
	case errors.Is(err, errTooMany):
		s.log.Warn("pairing refused: too many wrong codes", slog.String("client", clientOf(r)))
		s.pairPage(w, r, http.StatusTooManyRequests, upperFirst(err.Error())+".")
	default:
		s.log.Warn("pairing refused: a wrong or spent code", slog.String("client", clientOf(r)))
		s.pairPage(w, r, http.StatusUnauthorized, upperFirst(err.Error())+".")
	}
}

// pairDone is where pairing lands. Its refresh is a navigation from
// Knead's own page, so the SameSite=Strict cookie goes with it even when
// the pairing link was opened from another app.
func (s *Server) pairDone(w http.ResponseWriter, r *http.Request) {
	s.renderBare(w, http.StatusOK, "pair", page{Title: "Paired", Data: pairData{Paired: true}})
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
