package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/store"
)

// newPairedApp makes the app as knead serve --addr 0.0.0.0:… does, with
// its log in a buffer and a clock the test moves.
func newPairedApp(t testing.TB, o Options) (*Server, store.Store, *bytes.Buffer, *time.Time) {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "knead.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var logs bytes.Buffer
	now := time.Date(2026, 12, 4, 21, 0, 0, 0, time.UTC)
	o.Store, o.Catalog = st, cat
	o.Log = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	o.Now = func() time.Time { return now }
	if o.Listen == "" {
		o.Listen = "0.0.0.0"
	}
	app, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return app, st, &logs, &now
}

// req sends one request from 127.0.0.1 with Host host.
func req(app http.Handler, method, host, target, body string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	r.Host = host
	r.RemoteAddr = "127.0.0.1:50000"
	if method == http.MethodPost {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if strings.HasPrefix(target, "/api/") {
			r.Header.Set("Content-Type", "application/json")
		}
	}
	for _, c := range cookies {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	app.ServeHTTP(w, r)
	return w
}

func errCode(t *testing.T, w *httptest.ResponseRecorder) string {
	t.Helper()
	var e struct{ Error apiError }
	if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil {
		t.Fatalf("not a typed JSON error (%d): %s", w.Code, w.Body.String())
	}
	return e.Error.Code
}

func TestHostCheck(t *testing.T) {
	tests := []struct {
		listen string
		hosts  []string
		host   string
		ok     bool
	}{
		{"127.0.0.1", nil, "127.0.0.1:7878", true},
		{"127.0.0.1", nil, "localhost:7878", true},
		{"127.0.0.1", nil, "LOCALHOST.", true},
		{"127.0.0.1", nil, "[::1]:7878", true},
		{"127.0.0.1", nil, "[::1]", true},
		{"127.0.0.1", nil, "127.0.0.2:9", true},
		{"127.0.0.1", nil, "evil.example:7878", false},
		{"127.0.0.1", nil, "localhost.evil.example", false},
		{"127.0.0.1", nil, "", false},
		{"127.0.0.1", nil, "localhost:", true},
		{"127.0.0.1", nil, "192.0.2.77:7878", false},
		{"127.0.0.1", []string{"knead.test"}, "Knead.Test:443", true},
		{"192.0.2.10", nil, "192.0.2.10:7878", true},
		{"192.0.2.10", nil, "192.0.2.11:7878", false},
		{"0.0.0.0", nil, "rebind.example", false},
		{"0.0.0.0", []string{"nas.home.arpa"}, "nas.home.arpa:7878", true},
	}
	for _, tt := range tests {
		h := newHosts(tt.listen, tt.hosts)
		if got := h.allowed(tt.host); got != tt.ok {
			t.Errorf("listening on %s with %v: Host %q allowed = %v, want %v", tt.listen, tt.hosts, tt.host, got, tt.ok)
		}
	}
	// Bound to all, the machine's own names and addresses are allowed.
	h := newHosts("0.0.0.0", nil)
	for _, a := range MachineAddrs() {
		host := a.String()
		if a.Is6() {
			host = "[" + host + "]"
		}
		if !h.allowed(host + ":7878") {
			t.Errorf("bound to all, this machine's address %s is refused", a)
		}
	}
	for _, n := range MachineNames() {
		if !h.allowed(n) {
			t.Errorf("bound to all, this machine's name %s is refused", n)
		}
	}
	if h := newHosts("127.0.0.1", nil); len(MachineNames()) > 0 && h.allowed(MachineNames()[0]) && !IsLoopback(MachineNames()[0]) {
		t.Errorf("bound to loopback, the machine's name %s is allowed", MachineNames()[0])
	}

	// A foreign Host is refused before anything else, pairing included.
	for _, listen := range []string{"127.0.0.1", "0.0.0.0"} {
		app, _, _, _ := newPairedApp(t, Options{Listen: listen})
		for _, path := range []string{"/", "/api/sessions", "/healthz", "/pair?code=ABCD-EFGH"} {
			w := req(app, "GET", "evil.example:7878", path, "")
			if w.Code != http.StatusMisdirectedRequest || errCode(t, w) != codeWrongHost {
				t.Errorf("listening on %s, %s for a foreign host = %d %s, want 421 wrong_host", listen, path, w.Code, w.Body.String())
			}
		}
	}
}

func TestLoopbackNeedsNoPairing(t *testing.T) {
	app, _, _, _ := newPairedApp(t, Options{Listen: "127.0.0.1"})
	if app.Pairing() {
		t.Fatal("pairing is on when listening on loopback")
	}
	for _, path := range []string{"/", "/api/sessions", "/settings", "/library"} {
		if w := req(app, "GET", "127.0.0.1:7878", path, ""); w.Code != http.StatusOK {
			t.Errorf("%s = %d, want 200 without pairing", path, w.Code)
		}
	}
}

func TestPairing(t *testing.T) {
	app, st, logs, now := newPairedApp(t, Options{})
	const host = "127.0.0.1:7878"
	if !app.Pairing() {
		t.Fatal("pairing is off when listening on every address")
	}

	// Unpaired: the API says 401 typed JSON, pages show how to pair, and
	// only health, the pairing page with its style sheet, the manifest and
	// the icons answer.
	if w := req(app, "GET", host, "/api/sessions", ""); w.Code != http.StatusUnauthorized || errCode(t, w) != codeNotPaired {
		t.Errorf("API unpaired = %d %s", w.Code, w.Body.String())
	}
	if w := req(app, "POST", host, "/api/sessions", `{"areas":["back"],"minutes":5}`); w.Code != http.StatusUnauthorized {
		t.Errorf("POST API unpaired = %d", w.Code)
	}
	w := req(app, "GET", host, "/history", "")
	if w.Code != http.StatusUnauthorized || !strings.Contains(w.Body.String(), "Pair this device first") || strings.Contains(w.Body.String(), "Sessions") {
		t.Errorf("a page unpaired = %d:\n%s", w.Code, w.Body.String())
	}
	css, _ := app.assets.url("app.css")
	js, _ := app.assets.url("player.js")
	for path, want := range map[string]int{"/healthz": 200, "/pair": 200, "/manifest.webmanifest": 200, "/icon.svg": 200,
		"/icon-192.png": 200, css: 200, js: 401, "/sw.js": 401, "/settings": 401, "/cert": 404} {
		if w := req(app, "GET", host, path, ""); w.Code != want {
			t.Errorf("%s unpaired = %d, want %d", path, w.Code, want)
		}
	}

	// A wrong code, then the right one: a cookie and a redirect that keeps
	// the code out of the address.
	code, until := app.NewPairingCode()
	if len(code) != 9 || code[4] != '-' || until.Sub(*now) != CodeLifetime {
		t.Fatalf("code %q until %v", code, until)
	}
	if w := req(app, "GET", host, "/pair?code=AAAA-AAAA", ""); w.Code != http.StatusUnauthorized || w.Header().Get("Set-Cookie") != "" {
		t.Errorf("a wrong code = %d, cookie %q", w.Code, w.Header().Get("Set-Cookie"))
	}
	w = req(app, "GET", host, "/pair?code="+url.QueryEscape(strings.ToLower(code)), "")
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/pair/done" {
		t.Fatalf("the right code = %d → %q", w.Code, w.Header().Get("Location"))
	}
	set := w.Result().Cookies()
	if len(set) != 1 || set[0].Name != cookieName || !set[0].HttpOnly || set[0].SameSite != http.SameSiteStrictMode || set[0].Secure || len(set[0].Value) < 40 {
		t.Fatalf("cookie = %+v", set)
	}
	cookie := &http.Cookie{Name: cookieName, Value: set[0].Value}
	if w := req(app, "GET", host, "/api/sessions", "", cookie); w.Code != http.StatusOK {
		t.Errorf("API paired = %d %s", w.Code, w.Body.String())
	}
	if w := req(app, "GET", host, "/settings", "", cookie); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "(this device)") {
		t.Errorf("settings paired = %d", w.Code)
	}

	// The code works once; a forged cookie is nobody.
	other := req(app, "POST", host, "/pair", "code="+url.QueryEscape(code))
	if other.Code != http.StatusUnauthorized || !strings.Contains(other.Body.String(), "no pairing code that works now") {
		t.Errorf("the code again = %d:\n%s", other.Code, other.Body.String())
	}
	forged := &http.Cookie{Name: cookieName, Value: strings.Repeat("A", 43)}
	if w := req(app, "GET", host, "/api/sessions", "", forged); w.Code != http.StatusUnauthorized {
		t.Errorf("a forged cookie = %d", w.Code)
	}

	// An expired code is refused.
	code2, _ := app.NewPairingCode()
	*now = now.Add(CodeLifetime + time.Second)
	if w := req(app, "GET", host, "/pair?code="+code2, ""); w.Code != http.StatusUnauthorized {
		t.Errorf("an expired code = %d", w.Code)
	}

	// Too many wrong guesses: even the right code is refused for a while.
	code3, _ := app.NewPairingCode()
	for i := 0; i < perClientGuesses; i++ {
		req(app, "GET", host, "/pair?code=ZZZZ-ZZZZ", "")
	}
	w = req(app, "GET", host, "/pair?code="+code3, "")
	if w.Code != http.StatusTooManyRequests || !strings.Contains(w.Body.String(), "Too many wrong codes") {
		t.Errorf("after %d wrong codes the right one = %d, want 429", perClientGuesses, w.Code)
	}
	*now = now.Add(guessWindow + time.Second)
	code3, _ = app.NewPairingCode()
	if w := req(app, "POST", host, "/pair", "code="+code3); w.Code != http.StatusSeeOther {
		t.Errorf("after the wait the right code = %d", w.Code)
	}

	// A pairing page from a paired device uses no code.
	code4, _ := app.NewPairingCode()
	if w := req(app, "GET", host, "/pair?code="+code4, "", cookie); w.Code != http.StatusSeeOther || len(w.Result().Cookies()) != 0 {
		t.Errorf("pairing a paired device = %d", w.Code)
	}

	// Two devices now; the first unpairs the second, then forgets itself.
	list, _ := st.ListDevices(context.Background())
	if len(list) != 2 {
		t.Fatalf("devices = %+v", list)
	}
	this, err := st.DeviceByToken(context.Background(), cookie.Value)
	if err != nil {
		t.Fatal(err)
	}
	var second string
	for _, d := range list {
		if d.ID != this.ID {
			second = d.ID
		}
	}
	if w := req(app, "POST", host, "/settings/devices/"+second+"/remove", "", cookie); w.Code != http.StatusSeeOther {
		t.Errorf("unpair the other = %d", w.Code)
	}
	if w := req(app, "POST", host, "/settings/devices/"+second+"/remove", ""); w.Code != http.StatusUnauthorized {
		t.Errorf("unpair without pairing = %d", w.Code)
	}
	w = req(app, "POST", host, "/settings/devices/this/remove", "", cookie)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/pair" || len(w.Result().Cookies()) != 1 || w.Result().Cookies()[0].MaxAge >= 0 {
		t.Errorf("forget this device = %d %v", w.Code, w.Result().Cookies())
	}
	if w := req(app, "GET", host, "/api/sessions", "", cookie); w.Code != http.StatusUnauthorized {
		t.Errorf("a forgotten device's cookie = %d", w.Code)
	}

	// Secrets never reach the log.
	for _, secret := range []string{code, cleanCode(code), code2, code3, cookie.Value, forged.Value} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log holds a secret %q:\n%s", secret, logs.String())
		}
	}
	if !strings.Contains(logs.String(), "paired a device") || !strings.Contains(logs.String(), "wrong or spent code") {
		t.Errorf("the log does not say what happened:\n%s", logs.String())
	}
}

// A paired browser's cookie never rides on another site's request, and a
// change from another site's page is refused even so.
func TestPairedCrossSite(t *testing.T) {
	app, _, _, _ := newPairedApp(t, Options{TLS: true})
	code, _ := app.NewPairingCode()
	w := req(app, "GET", "127.0.0.1:7878", "/pair?code="+code, "")
	set := w.Result().Cookies()
	if len(set) != 1 || !set[0].Secure {
		t.Fatalf("over TLS the cookie is not Secure: %+v", set)
	}
	r := httptest.NewRequest("POST", "/api/sessions", strings.NewReader(`{"areas":["back"],"minutes":5}`))
	r.Host = "127.0.0.1:7878"
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Sec-Fetch-Site", "cross-site")
	r.Header.Set("Origin", "https://evil.example")
	r.AddCookie(&http.Cookie{Name: cookieName, Value: set[0].Value})
	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, r)
	if rec.Code != http.StatusForbidden || errCode(t, rec) != codeForbidden {
		t.Errorf("a cross-site change from a paired browser = %d %s", rec.Code, rec.Body.String())
	}
}

func TestDeviceName(t *testing.T) {
	for ua, want := range map[string]string{
		"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36":                       "Chrome on Android",
		"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1": "Safari on iPhone",
		"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0":                                                                  "Firefox on Linux",
		"": "A browser",
	} {
		if got := deviceName(ua); got != want {
			t.Errorf("deviceName(%q) = %q, want %q", ua, got, want)
		}
	}
}

// A paired device makes a code for another on the settings page: shown
// there with its QR code, in no address, and it pairs once.
func TestSettingsPairsAnother(t *testing.T) {
	app, _, logs, _ := newPairedApp(t, Options{OpenURL: func() string { return "http://192.168.1.5:7878/" }})
	code, _ := app.NewPairingCode()
	cookie := &http.Cookie{Name: cookieName, Value: req(app, "GET", "127.0.0.1:7878", "/pair?code="+code, "").Result().Cookies()[0].Value}
	w := req(app, "POST", "127.0.0.1:7878", "/settings/pair", "", cookie)
	body := w.Body.String()
	if w.Code != 200 || !strings.Contains(body, "data:image/png;base64,") || !strings.Contains(body, "http://192.168.1.5:7878/pair?code=") {
		t.Fatalf("settings after Pair another device = %d:\n%s", w.Code, body)
	}
	i := strings.Index(body, `class="code">`)
	if i < 0 {
		t.Fatal("no code shown")
	}
	other := body[i+len(`class="code">`) : i+len(`class="code">`)+9]
	if w := req(app, "POST", "127.0.0.1:7878", "/pair", "code="+other); w.Code != http.StatusSeeOther {
		t.Errorf("the new code = %d", w.Code)
	}
	if w := req(app, "POST", "127.0.0.1:7878", "/settings/pair", ""); w.Code != http.StatusUnauthorized {
		t.Errorf("an unpaired device made a code: %d", w.Code)
	}
	if strings.Contains(logs.String(), other) {
		t.Error("the log holds the new code")
	}
}

// Wrong guesses from many clients together are bounded too.
func TestPairingGuessesFromEveryone(t *testing.T) {
	app, _, _, _ := newPairedApp(t, Options{})
	code, _ := app.NewPairingCode()
	for i := 0; i < allGuesses; i++ {
		if err := app.redeem(fmt.Sprintf("10.0.0.%d", i), "ZZZZZZZZ"); err == nil {
			t.Fatal("a wrong code was taken")
		}
	}
	if err := app.redeem("10.0.1.1", code); !errors.Is(err, errTooMany) {
		t.Errorf("after %d wrong codes from many clients, the right one: %v, want too many", allGuesses, err)
	}
}
