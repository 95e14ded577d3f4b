package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Whatever Host, pairing code and device cookie a client sends, the app
// answers without a panic: 421 for a Host it is not, 401 or a redirect for
// pairing, never a 5xx; and a Host is read the same way twice.
func FuzzAccess(f *testing.F) {
	for _, s := range [][3]string{
		{"127.0.0.1:7878", "ABCD-EFGH", ""},
		{"[::1]:7878", "abcd efgh", "x"},
		{"localhost.", "", strings.Repeat("A", 43)},
		{"[fe80::1%25eth0]:80", "----", "\x00"},
		{"evil.example:7878", "ÄÖÜ", ";"},
		{"[", "ABCDEFGHABCDEFGH", "a=b"},
		{"127.0.0.1:", "\x00", strings.Repeat("z", 200)},
		{"..", "", ""},
		{" [ Local.Host ]. ", "", ""},
	} {
		f.Add(s[0], s[1], s[2])
	}
	app, _, _, _ := newPairedApp(f, Options{})
	f.Fuzz(func(t *testing.T, host, code, cookie string) {
		if h := hostOnly(host); h != "" && hostOnly(h) != h && hostOnly("["+h+"]") != h {
			t.Errorf("hostOnly(%q) = %q, but reading that again gives %q", host, h, hostOnly(h))
		}
		r := httptest.NewRequest("POST", "/pair", strings.NewReader("code="+strings.ReplaceAll(code, "&", "")))
		r.Host = host
		r.RemoteAddr = "127.0.0.1:1"
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Cookie", cookieName+"="+cookie)
		w := httptest.NewRecorder()
		app.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Errorf("host %q code %q cookie %q: %d %s", host, code, cookie, w.Code, w.Body.String())
		}
		if !app.hosts.allowed(host) && w.Code != http.StatusMisdirectedRequest {
			t.Errorf("host %q is not allowed, yet the answer is %d", host, w.Code)
		}
	})
}
