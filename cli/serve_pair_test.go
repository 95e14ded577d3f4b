package cli

import (
	"errors"
	qrcode "github.com/skip2/go-qrcode"

	"context"
	"encoding/json"
	"github.com/knead/knead/store"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// startServe runs serve with o until the test ends and gives its address
// and what it printed.
func startServe(t *testing.T, o *serveOptions) (string, *syncBuffer) {
	t.Helper()
	ready := make(chan string, 1)
	o.ready = func(addr string) { ready <- addr }
	var out, errs syncBuffer
	env := newEnv(Streams{Out: &out, Err: &errs}, Global{LogLevel: "info"})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- o.Run(ctx, env) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve returned %v", err)
		}
	})
	select {
	case addr := <-ready:
		return addr, &out
	case err := <-done:
		t.Fatalf("serve stopped: %v\n%s", err, errs.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	return "", nil
}

// get asks the server at loopback port for path with Host host (or the
// loopback address) and a cookie, without following redirects.
func get(t *testing.T, port, host, path string, cookie *http.Cookie) *http.Response {
	t.Helper()
	r, err := http.NewRequest("GET", "http://127.0.0.1:"+port+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		r.Host = host
	}
	if cookie != nil {
		r.AddCookie(cookie)
	}
	c := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

func errorCode(t *testing.T, res *http.Response) string {
	t.Helper()
	var e struct{ Error struct{ Code string } }
	b, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("%d: not a typed JSON error: %s", res.StatusCode, b)
	}
	return e.Error.Code
}

var printedCode = regexp.MustCompile(`type  ([A-Z0-9]{4}-[A-Z0-9]{4})\n`)

// The real server on every address (connected to over loopback only): the
// API needs pairing, the printed code pairs once, its cookie works, and a
// foreign Host is refused. Bound to loopback nothing asks for pairing, and
// a foreign Host is still refused.
func TestServePairsOffLoopback(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	addr, out := startServe(t, &serveOptions{Addr: "0.0.0.0:0", DB: filepath.Join(t.TempDir(), "k.db")})
	_, port, _ := net.SplitHostPort(addr)
	printed := out.String()
	m := printedCode.FindStringSubmatch(printed)
	if m == nil {
		t.Fatalf("no pairing code in the output:\n%s", printed)
	}
	code := m[1]
	for _, bad := range []string{"0.0.0.0", "[::]"} {
		if strings.Contains(printed, "http://"+bad) {
			t.Errorf("the output offers %s, which no phone can open:\n%s", bad, printed)
		}
	}
	if !strings.Contains(printed, "█") || !strings.Contains(printed, "pair") {
		t.Errorf("no QR code or pairing words in the output:\n%s", printed)
	}

	if res := get(t, port, "", "/api/sessions", nil); res.StatusCode != 401 || errorCode(t, res) != "not_paired" {
		t.Errorf("the API unpaired = %d, want 401 not_paired", res.StatusCode)
	}
	res := get(t, port, "", "/pair?code="+code, nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/pair/done" || len(res.Cookies()) != 1 {
		t.Fatalf("pairing with the printed code = %d → %q, cookies %v", res.StatusCode, res.Header.Get("Location"), res.Cookies())
	}
	cookie := res.Cookies()[0]
	if res := get(t, port, "", "/api/sessions", cookie); res.StatusCode != 200 {
		t.Errorf("the API with the cookie = %d", res.StatusCode)
	}
	if res := get(t, port, "", "/pair?code="+code, nil); res.StatusCode != 401 || len(res.Cookies()) != 0 {
		t.Errorf("the code a second time = %d, cookies %v", res.StatusCode, res.Cookies())
	}
	if res := get(t, port, "evil.example:"+port, "/api/sessions", cookie); res.StatusCode != 421 || errorCode(t, res) != "wrong_host" {
		t.Errorf("a foreign Host = %d, want 421 wrong_host", res.StatusCode)
	}
	if res := get(t, port, "", "/healthz", nil); res.StatusCode != 200 {
		t.Errorf("/healthz unpaired = %d", res.StatusCode)
	}

	addr, out = startServe(t, &serveOptions{Addr: "127.0.0.1:0", DB: filepath.Join(t.TempDir(), "k.db")})
	_, port, _ = net.SplitHostPort(addr)
	if strings.Contains(out.String(), "pair") && !strings.Contains(out.String(), "nothing needs pairing") {
		t.Errorf("bound to loopback, the output speaks of pairing:\n%s", out.String())
	}
	if res := get(t, port, "", "/api/sessions", nil); res.StatusCode != 200 {
		t.Errorf("bound to loopback, the API = %d, want 200 without pairing", res.StatusCode)
	}
	if res := get(t, port, "evil.example", "/api/sessions", nil); res.StatusCode != 421 {
		t.Errorf("bound to loopback, a foreign Host = %d, want 421", res.StatusCode)
	}
}

func TestDevicesListsAndUnpairs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"aa11bb22", "cc33dd44"} {
		if err := st.AddDevice(context.Background(), &store.Device{ID: id, Name: "Chrome on Android"}, strings.Repeat(id, 5)); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	run := func(args ...string) (string, error) {
		var out, errs syncBuffer
		inv, err := Parse(append([]string{"devices", "--db", db}, args...), func(string) string { return "" })
		if err != nil {
			return "", err
		}
		err = inv.Options.Run(context.Background(), newEnv(Streams{Out: &out, Err: &errs}, Global{LogLevel: "warn"}))
		return out.String(), err
	}
	out, err := run()
	if err != nil || !strings.Contains(out, "aa11bb22") || !strings.Contains(out, "Chrome on Android") || !strings.Contains(out, "LAST SEEN") {
		t.Errorf("list: %v\n%s", err, out)
	}
	if out, err := run("unpair", "aa11bb22"); err != nil || !strings.Contains(out, "Unpaired aa11bb22.") {
		t.Errorf("unpair: %v\n%s", err, out)
	}
	var ie *InputError
	if _, err := run("unpair", "aa11bb22"); !errors.As(err, &ie) || !strings.Contains(err.Error(), `no paired device has the id "aa11bb22"`) {
		t.Errorf("unpair twice: %v", err)
	}
	if _, err := run("unpair"); err == nil || !strings.Contains(err.Error(), "unpair which device") {
		t.Errorf("unpair nothing: %v", err)
	}
	if out, err := run("--json"); err != nil || !strings.Contains(out, `"id": "cc33dd44"`) || strings.Contains(out, "aa11bb22") {
		t.Errorf("json after unpairing: %v\n%s", err, out)
	}
	if out, err := run("unpair", "--all"); err != nil || !strings.Contains(out, "Unpaired cc33dd44.") {
		t.Errorf("unpair --all: %v\n%s", err, out)
	}
}

func TestServeAccessFlags(t *testing.T) {
	tests := []struct {
		args  []string
		hosts []string
		tls   bool
		err   string
	}{
		{args: []string{"--host", "knead.lan", "--host", "nas.local,192.168.1.5"}, hosts: []string{"knead.lan", "nas.local", "192.168.1.5"}},
		{args: []string{"--host", "[fd00::2]"}, hosts: []string{"fd00::2"}},
		{args: []string{"--tls"}, tls: true},
		{args: []string{"--cert", "c.pem", "--key", "k.pem"}, tls: true},
		{args: []string{"--cert", "c.pem"}, err: "--cert and --key go together"},
		{args: []string{"--host", "http://knead.lan:7878"}, err: "without a scheme, port or path"},
	}
	for _, tt := range tests {
		inv, err := Parse(append([]string{"serve"}, tt.args...), func(string) string { return "" })
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%v: err = %v, want %q", tt.args, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		o := inv.Options.(*serveOptions)
		if strings.Join(o.Hosts, " ") != strings.Join(tt.hosts, " ") || o.TLS != tt.tls {
			t.Errorf("%v: hosts %v tls %v, want %v %v", tt.args, o.Hosts, o.TLS, tt.hosts, tt.tls)
		}
	}
}

func TestCertMakesTheAuthorityOnceAndSaysHowToTrustIt(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	run := func(args ...string) string {
		var out, errs syncBuffer
		inv, err := Parse(append([]string{"cert"}, args...), func(string) string { return "" })
		if err != nil {
			t.Fatal(err)
		}
		if err := inv.Options.Run(context.Background(), newEnv(Streams{Out: &out, Err: &errs}, Global{LogLevel: "warn"})); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	first := run()
	ca := filepath.Join(data, "knead", "knead-ca.pem")
	for _, want := range []string{"Made Knead's local certificate authority", ca, "SHA-256 fingerprint", "iPhone", "Android", "Certificate Trust Settings"} {
		if !strings.Contains(first, want) {
			t.Errorf("knead cert lacks %q:\n%s", want, first)
		}
	}
	second := run()
	if strings.Contains(second, "Made") || !strings.Contains(second, ca) {
		t.Errorf("a second knead cert made another authority:\n%s", second)
	}
	if pem := run("--pem"); !strings.HasPrefix(pem, "-----BEGIN CERTIFICATE-----") || strings.Contains(pem, "PRIVATE") {
		t.Errorf("--pem prints %q", pem)
	}
}

// The QR code in the terminal is the pairing link's, module for module:
// light modules drawn with blocks, dark ones left as the terminal's
// background, two rows to a line.
func TestPrintedQRIsThePairingLink(t *testing.T) {
	var out syncBuffer
	l := listening{scheme: "http", openURL: "http://192.168.1.5:7878/", local: "http://127.0.0.1:7878/"}
	printPairing(&out, l, "ABCD-EFGH", time.Now(), false, false)
	q, err := qrcode.New("http://192.168.1.5:7878/pair?code=ABCDEFGH", qrcode.Low)
	if err != nil {
		t.Fatal(err)
	}
	want := q.Bitmap()
	var rows [][]bool // true: dark
	for _, line := range strings.Split(out.String(), "\n") {
		if !strings.HasPrefix(line, "  █") && !strings.HasPrefix(line, "  ▀") {
			continue
		}
		top, bottom := []bool{}, []bool{}
		for _, r := range strings.TrimPrefix(line, "  ") {
			switch r {
			case '█':
				top, bottom = append(top, false), append(bottom, false)
			case '▀':
				top, bottom = append(top, false), append(bottom, true)
			case '▄':
				top, bottom = append(top, true), append(bottom, false)
			case ' ':
				top, bottom = append(top, true), append(bottom, true)
			}
		}
		rows = append(rows, top, bottom)
	}
	if len(rows) < len(want) {
		t.Fatalf("%d rows printed, want %d:\n%s", len(rows), len(want), out.String())
	}
	for y := range want {
		for x := range want[y] {
			if rows[y][x] != want[y][x] {
				t.Fatalf("module %d,%d differs:\n%s", x, y, out.String())
			}
		}
	}
}
