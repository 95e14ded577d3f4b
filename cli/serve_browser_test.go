package cli

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
)

// The browser tests here run the real knead serve and open it in Debian's
// Chromium under the name knead.test, which Chromium maps to 127.0.0.1: a
// name that is not localhost, so the browser treats plain http as it would
// on a phone (no secure context). Nothing leaves loopback.

func chromiumPath() string { return browsertest.Chromium() }

func skipOrFailBrowser(t *testing.T, msg string) { t.Helper(); browsertest.SkipOrFail(t, msg) }

// phoneBrowser starts a headless Chromium the size of a phone that maps
// knead.test to loopback; home is its HOME (where its certificate store
// is), "" for a fresh one.
func phoneBrowser(t *testing.T, home string) context.Context {
	t.Helper()
	if home == "" {
		home = t.TempDir()
	}
	return browsertest.Start(t,
		chromedp.Flag("host-resolver-rules", "MAP knead.test 127.0.0.1"),
		chromedp.WindowSize(390, 844),
		chromedp.Env("HOME="+home))
}

func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func js[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// shoot saves a screenshot when KNEAD_SHOTS names a folder, for a person
// to look at.
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("KNEAD_SHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Error(err)
	}
}

// A phone on the home network over plain http: the unpaired page, pairing
// by the printed link with the code gone from the history, a session played
// with the screen kept on by the silent video, the line that says what is
// missing, and the settings page.
func TestBrowserPhonePairsAndPlays(t *testing.T) {
	ctx := phoneBrowser(t, "")
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	addr, out := startServe(t, &serveOptions{Addr: "0.0.0.0:0", DB: filepath.Join(t.TempDir(), "k.db"), TestClock: true, Hosts: []string{"knead.test"}})
	_, port, _ := net.SplitHostPort(addr)
	m := printedCode.FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no code printed:\n%s", out.String())
	}
	code := m[1]
	base := "http://knead.test:" + port

	do(t, ctx, "open Knead unpaired", chromedp.EmulateViewport(390, 844), browsertest.Navigate(base+"/history"), chromedp.WaitVisible(`#code`))
	if h1 := js[string](t, ctx, `document.querySelector('h1').textContent`); h1 != "Pair this device first" {
		t.Errorf("the unpaired page says %q", h1)
	}
	if js[bool](t, ctx, `isSecureContext`) {
		t.Fatal("knead.test over http is a secure context: the test proves nothing")
	}
	shoot(t, ctx, "unpaired")

	do(t, ctx, "open the pairing link", browsertest.Navigate(base+"/pair?code="+strings.ReplaceAll(code, "-", "")))
	var err error
	// /pair/done refreshes to the start page after a second; the poll may
	// see the page go away under it once
	var loc string
	for range 20 {
		if loc, err = chromedp.Run(ctx, chromedp.Poll[string](`location.pathname === '/' && document.querySelector('form.start') && location.href`, chromedp.WithPollingTimeout(10*time.Second))); err == nil {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("pairing did not land on the start page: %v (at %s)", err, js[string](t, ctx, `location.href`))
	}
	hist, err := chromedp.Call(ctx, cdppage.GetNavigationHistory, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range hist.Entries {
		if strings.Contains(e.URL, strings.ReplaceAll(code, "-", "")) || strings.Contains(e.URL, "code=") {
			t.Errorf("the code stays in the history: %s", e.URL)
		}
	}
	if strings.Contains(loc, "code") || js[string](t, ctx, `document.cookie`) != "" {
		t.Errorf("after pairing: at %s, cookie visible to scripts %q", loc, js[string](t, ctx, `document.cookie`))
	}

	do(t, ctx, "plan five minutes for the back",
		browsertest.Navigate(base+"/plan?area=back&minutes=5&mode=partner"),
		chromedp.WaitVisible(`#start`))
	if !js[bool](t, ctx, `new Promise((ok) => { const t0 = Date.now(); (function w() { const l = document.getElementById('insecure'); if (l && l.getBoundingClientRect().height > 0) ok(true); else if (Date.now() - t0 > 5000) ok(false); else setTimeout(w, 50); })(); })`) {
		t.Error("the plan page does not say what plain http is missing")
	}
	shoot(t, ctx, "insecure-line")
	if small := js[[]string](t, ctx, `[...document.querySelectorAll('#insecure a, #insecure button')].filter(e => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; }).map(e => e.textContent)`); len(small) > 0 {
		t.Errorf("the plain-http line's %q are under 44 px to tap", small)
	}
	do(t, ctx, "start", browsertest.Click(`#start`), chromedp.WaitVisible(`#player`))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const v = document.getElementById('awake'); return !!v && !v.paused && v.muted && v.loop; })()`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("no silent video keeps the screen on: %v", err)
	}
	cover := js[float64](t, ctx, `(() => { const r = document.getElementById('awake').getBoundingClientRect(); return (r.width * r.height) / (innerWidth * innerHeight); })()`)
	if cover < 0.9 {
		t.Errorf("the video covers %.2f of the view; Chromium keeps the screen on only for one that covers a fifth or more", cover)
	}
	if line := js[string](t, ctx, `(document.querySelector('#preview #insecure') || {}).textContent || ''`); !strings.Contains(line, "offline") {
		t.Errorf("the page lacks the line on what is missing: %q", line)
	}
	id, err := chromedp.Run(ctx, chromedp.Poll[string](`window.kneadTest && window.kneadTest.session() && !window.kneadTest.session().startsWith('local-') && window.kneadTest.session()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("the session was not made on the server: %v", err)
	}
	shoot(t, ctx, "insecure-player")
	js[any](t, ctx, `window.kneadTest.advance(400)`)
	do(t, ctx, "the session ends", chromedp.WaitVisible(`#summary`))
	if !js[bool](t, ctx, `document.getElementById('awake').paused`) {
		t.Error("the silent video plays on after the end")
	}
	saved := js[string](t, ctx, `fetch('/api/sessions/`+id+`').then((r) => r.ok ? r.json() : r.status).then((s) => JSON.stringify(s.progress || s))`)
	if !strings.Contains(saved, "offset") {
		t.Errorf("the session as the server keeps it: %s", saved)
	}

	do(t, ctx, "settings", browsertest.Navigate(base+"/settings"), chromedp.WaitVisible(`#secure`))
	if s := js[string](t, ctx, `document.getElementById('secure').textContent`); !strings.HasPrefix(s, "Not a secure context") {
		t.Errorf("settings says %q", s)
	}
	if s := js[string](t, ctx, `document.querySelector('.devices').textContent`); !strings.Contains(s, "(this device)") {
		t.Errorf("settings lists %q", s)
	}
	shoot(t, ctx, "settings")
	do(t, ctx, "forget this device", browsertest.Click(`.devices form button`), chromedp.WaitVisible(`#code`))
	if st := js[float64](t, ctx, `fetch('/api/sessions').then((r) => r.status)`); st != 401 {
		t.Errorf("after forgetting itself the API answers %v", st)
	}
}

// HTTPS from the local authority, trusted in the browser's own certificate
// store, under a name that is not localhost: a secure context, with the
// service worker registered.
func TestBrowserTLSWithLocalAuthority(t *testing.T) {
	certutil, err := exec.LookPath("certutil")
	if err != nil {
		skipOrFailBrowser(t, "TLS browser test skipped: no certutil (apt-get install libnss3-tools)")
	}
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	addr, out := startServe(t, &serveOptions{Addr: "127.0.0.1:0", DB: filepath.Join(t.TempDir(), "k.db"), TLS: true, Hosts: []string{"knead.test"}})
	_, port, _ := net.SplitHostPort(addr)
	ca := filepath.Join(data, "knead", "knead-ca.pem")
	if !strings.Contains(out.String(), ca) || !strings.Contains(out.String(), "https://127.0.0.1:"+port) {
		t.Errorf("the output does not say where the authority is or the https address:\n%s", out.String())
	}
	home := t.TempDir()
	nss := filepath.Join(home, ".pki", "nssdb")
	if err := os.MkdirAll(nss, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-d", "sql:" + nss, "-N", "--empty-password"},
		{"-d", "sql:" + nss, "-A", "-t", "C,,", "-n", "Knead local authority", "-i", ca},
	} {
		if b, err := exec.Command(certutil, args...).CombinedOutput(); err != nil {
			t.Fatalf("certutil %v: %v\n%s", args, err, b)
		}
	}
	ctx := phoneBrowser(t, home)
	do(t, ctx, "open Knead over https as knead.test", browsertest.Navigate("https://knead.test:"+port+"/"), chromedp.WaitVisible(`form.start`))
	if !js[bool](t, ctx, `isSecureContext`) || js[string](t, ctx, `location.protocol`) != "https:" {
		t.Fatalf("not a secure context at %s", js[string](t, ctx, `location.href`))
	}
	scope, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Promise.race([navigator.serviceWorker.ready.then((r) => r.active ? r.scope : ''), new Promise((ok) => setTimeout(() => ok('timeout'), 15000))])`, chromedp.EvalAwaitPromise))
	if err != nil || scope != "https://knead.test:"+port+"/" {
		t.Errorf("the service worker: %q, %v", scope, err)
	}
	do(t, ctx, "settings", browsertest.Navigate("https://knead.test:"+port+"/settings"), chromedp.WaitVisible(`#secure`))
	if s := js[string](t, ctx, `document.getElementById('secure').textContent`); !strings.HasPrefix(s, "A secure context") {
		t.Errorf("settings over https says %q", s)
	}
	if n := js[float64](t, ctx, `document.querySelectorAll('#awake, #insecure').length`); n != 0 {
		t.Errorf("the insecure fallbacks show in a secure context")
	}
}
