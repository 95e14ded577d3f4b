package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
)

// unplugged is the app behind a switch: while off, every request fails as
// a dropped network does (the connection closes with no answer), whoever
// sends it, the page or its service worker.
type unplugged struct {
	h   http.Handler
	off atomic.Bool
}

func (u *unplugged) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if u.off.Load() {
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				c.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // closes the connection all the same
	}
	u.h.ServeHTTP(w, r)
}

// network sets the browser's network on or off for the page and its
// service worker, and what navigator.onLine says (which fires the page's
// online and offline events).
// byRule is Network.emulateNetworkConditionsByRule's parameters as every
// Chromium the tests meet takes them.
type byRule struct {
	Offline                     bool                  `json:"offline"`
	EmulateOfflineServiceWorker *bool                 `json:"emulateOfflineServiceWorker,omitempty"`
	MatchedNetworkConditions    []*network.Conditions `json:"matchedNetworkConditions"`
}

func setNetwork(t *testing.T, ctx context.Context, online bool) {
	t.Helper()
	yes := true
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		conds := []*network.Conditions{}
		if !online {
			conds = append(conds, &network.Conditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
		}
		// Sent with "offline" as well: Chromium before 150 requires it,
		// later ones take it as a deprecated hint beside the rules.
		var res network.EmulateNetworkConditionsByRuleResult
		if err := tg.Call(ctx, network.EmulateNetworkConditionsByRule.Method, byRule{
			Offline: !online, EmulateOfflineServiceWorker: &yes, MatchedNetworkConditions: conds}, &res); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, network.OverrideNetworkState, network.OverrideNetworkStateParams{
			Offline: !online, DownloadThroughput: -1, UploadThroughput: -1})
		return err
	}))
	if err != nil {
		t.Fatalf("set the network online=%v: %v", online, err)
	}
}

// Offline play: after one online visit the service worker keeps the app,
// so the last plan opens and plays with no network at all; a session
// started offline lives on the phone, with its progress and feedback, and
// reaches the server, in order, when the network is back.
func TestBrowserOffline(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	sw := &unplugged{h: app}
	srv := httptest.NewServer(sw)
	defer srv.Close()
	spyOnSpeech(t, ctx)
	plan := srv.URL + "/plan?area=feet&minutes=5&mode=partner"

	// Online, once: the start page installs the service worker, which
	// keeps the app's files; then the plan is opened, and kept too.
	must(t, ctx, "open the start page", browsertest.Navigate(srv.URL+"/"), chromedp.WaitVisible(`form.start`))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!navigator.serviceWorker.controller`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("the service worker did not take charge of the page: %v; page errors: %v", err, eval[[]string](t, ctx, `window.__errors`))
	}
	must(t, ctx, "open the plan", browsertest.Navigate(plan), chromedp.WaitVisible(`#start`))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`caches.keys().then(async (ks) => { for (const k of ks) if (await (await caches.open(k)).match(location.href)) return true; return false; })`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the plan was not kept for offline use: %v", err)
	}

	// Offline: the plan opens from what was kept, with its drawings.
	sw.off.Store(true)
	setNetwork(t, ctx, false)
	if eval[bool](t, ctx, `navigator.onLine`) {
		t.Error("navigator.onLine is still true offline")
	}
	if _, err := http.Get(srv.URL + "/healthz"); err == nil {
		t.Fatal("the server still answers while unplugged")
	}
	octx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	must(t, octx, "open the plan offline", browsertest.Navigate(plan), chromedp.WaitVisible(`#start`))
	if n := eval[int](t, ctx, `document.querySelectorAll('.routine svg[data-thumb] path').length`); n == 0 {
		t.Error("offline, the routine's drawings are missing")
	}

	// Start it: the server cannot be told, so the session is kept on the
	// device and plays on.
	must(t, ctx, "start offline", browsertest.Click(`#start`), chromedp.WaitVisible(`#player`))
	id := eval[string](t, ctx, `window.kneadTest.session()`)
	if !strings.HasPrefix(id, "local-") {
		t.Fatalf("offline, the session is %q, want one kept on the device (local-…)", id)
	}
	var script struct {
		Moves []struct{ Seconds float64 }
	}
	if err := json.Unmarshal([]byte(eval[string](t, ctx, `document.getElementById('data-script').textContent`)), &script); err != nil || len(script.Moves) < 2 {
		t.Fatalf("script: %v", err)
	}
	pos := eval[struct{ Move int }](t, ctx, `window.kneadTest.advance(`+ftoa(script.Moves[0].Seconds+1)+`)`)
	if pos.Move != 1 {
		t.Fatalf("offline, the player is at move %d after the first move's time, want 1", pos.Move)
	}
	if m := eval[map[string]float64](t, ctx, `(() => { const c = document.querySelector('#chart .kn-hand'); return c && {x: +c.getAttribute('cx')} })()`); m == nil {
		t.Error("offline, the move has no drawing")
	}
	must(t, ctx, "press sore spot offline", browsertest.Click(`[data-feedback="sore"]`))
	must(t, ctx, "press good offline", browsertest.Click(`[data-feedback="good"]`))
	var pending []struct {
		ID   string
		Kind string
	}
	if err := json.Unmarshal([]byte(eval[string](t, ctx, `localStorage.getItem('knead.pending') || '[]'`)), &pending); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, p := range pending {
		kinds = append(kinds, p.Kind)
		if p.ID != id {
			t.Errorf("a waiting %s belongs to %q, want %q", p.Kind, p.ID, id)
		}
	}
	if got := strings.Join(kinds, " "); got != "create progress feedback feedback" {
		t.Errorf("waiting on the device: %q, want the session, its place and two presses", got)
	}
	if list, err := st.Sessions(context.Background(), 10); err != nil || len(list) != 0 {
		t.Fatalf("while offline the server holds %d sessions (%v)", len(list), err)
	}

	// A reload, still offline: the session kept on the device opens where
	// it was, paused, under the same local id.
	must(t, octx, "reload offline", chromedp.Reload(), chromedp.WaitVisible(`#player`))
	if got := eval[string](t, ctx, `window.kneadTest.session()`); got != id {
		t.Errorf("after a reload offline the page follows %q, want %q", got, id)
	}
	if p := eval[struct {
		Move    int
		Running bool
	}](t, ctx, `window.kneadTest.position()`); p.Move != 1 || p.Running {
		t.Errorf("after a reload offline the player is at move %d, running=%v; want move 2, paused", p.Move+1, p.Running)
	}
	if said := text(t, ctx, "#said"); !strings.Contains(said, "Paused at") {
		t.Errorf("after a reload offline it says %q", said)
	}

	// Back online: everything kept goes to the server, and the page now
	// follows the server's session.
	sw.off.Store(false)
	setNetwork(t, ctx, true)
	var serverID string
	waitFor(t, "the offline session to reach the server", func() bool {
		list, err := st.Sessions(context.Background(), 10)
		if err != nil || len(list) != 1 {
			return false
		}
		x, err := st.Session(context.Background(), list[0].ID)
		if err != nil || len(x.Feedback) != 2 || x.Progress.Move != 1 {
			return false
		}
		serverID = x.ID
		return x.Feedback[0].Kind == "sore" && x.Feedback[1].Kind == "good" && x.Feedback[0].Area != ""
	})
	if serverID == "" {
		list, _ := st.Sessions(context.Background(), 10)
		t.Fatalf("the server holds %+v; still waiting on the device: %s", list, eval[string](t, ctx, `localStorage.getItem('knead.pending')`))
	}
	if got := eval[string](t, ctx, `window.kneadTest.session()`); got != serverID {
		t.Errorf("the page follows session %q, want the server's %q", got, serverID)
	}
	if got := eval[string](t, ctx, `location.pathname`); got != "/session/"+serverID {
		t.Errorf("the page's address is %q, want /session/%s", got, serverID)
	}
	if left := eval[string](t, ctx, `localStorage.getItem('knead.pending')`); left != "[]" {
		t.Errorf("still waiting on the device: %s", left)
	}
	if errs := eval[[]string](t, ctx, `window.__errors`); len(errs) > 0 {
		t.Errorf("page errors: %v", errs)
	}
}
