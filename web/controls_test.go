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

	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
	"github.com/knead/knead/store"
)

// startPlayer opens a plan in the test browser and starts it; it gives the
// server's session id once the session is made there.
func startPlayer(t *testing.T, ctx context.Context, url string) string {
	t.Helper()
	spyOnSpeech(t, ctx)
	must(t, ctx, "open the plan and start", viewport(390, 844, true), colours("light", "no-preference"),
		browsertest.Navigate(url), chromedp.WaitVisible(`#start`), browsertest.Click(`#start`), chromedp.WaitVisible(`#player`))
	id, err := chromedp.Run(ctx, chromedp.Poll[string](`window.kneadTest.session() && !window.kneadTest.session().startsWith('local-') && window.kneadTest.session()`,
		chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("the session was not made on the server: %v", err)
	}
	return id
}

func feedbackCount(st store.Store, id string) int {
	x, err := st.Session(context.Background(), id)
	if err != nil {
		return -1
	}
	return len(x.Feedback)
}

// Space pauses and goes on wherever the focus is: after a tap on any of
// the player's buttons and switches, a press of Space toggles the clock
// and never presses that button again (one tap on Sore spot and two
// Spaces once recorded three sore spots and never paused).
func TestBrowserSpaceAlwaysPauses(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	id := startPlayer(t, ctx, srv.URL+"/plan?area=upper-back&minutes=10&mode=partner")

	targets := []string{"#toggle", "#back", "#skip", "#chart-tap", "label.toggle[title=Voice] input", "label.toggle[title=Chime] input"}
	for _, b := range eval[[]string](t, ctx, `[...document.querySelectorAll('#feedback [data-feedback]')].map((b) => b.dataset.feedback)`) {
		targets = append(targets, `[data-feedback="`+b+`"]`)
	}
	presses := 0
	for _, sel := range targets {
		must(t, ctx, "tap "+sel, browsertest.Click(sel))
		if strings.Contains(sel, "data-feedback") {
			presses++
		}
		waitFor(t, "the press on "+sel+" to be kept", func() bool { return feedbackCount(st, id) == presses })
		before := eval[struct {
			Running bool
			Move    int
			Checks  []bool
		}](t, ctx, `({running: window.kneadTest.position().running, move: window.kneadTest.position().move, checks: [...document.querySelectorAll('#player input[type=checkbox]')].map((c) => c.checked)})`)
		for i := range 2 {
			must(t, ctx, "press space", chromedp.KeyEvent(" "))
			running := eval[bool](t, ctx, `window.kneadTest.position().running`)
			if want := before.Running != (i == 0); running != want {
				t.Errorf("after a tap on %s, space %d left the clock running=%v, want %v", sel, i+1, running, want)
			}
		}
		after := eval[struct {
			Move   int
			Checks []bool
		}](t, ctx, `({move: window.kneadTest.position().move, checks: [...document.querySelectorAll('#player input[type=checkbox]')].map((c) => c.checked)})`)
		if after.Move != before.Move || jsonText(after.Checks) != jsonText(before.Checks) {
			t.Errorf("after a tap on %s, space changed more than the clock: move %d → %d, switches %v → %v", sel, before.Move, after.Move, before.Checks, after.Checks)
		}
		time.Sleep(150 * time.Millisecond)
		if n := feedbackCount(st, id); n != presses {
			t.Errorf("after a tap on %s and two spaces, %d presses are kept, want %d", sel, n, presses)
		}
	}
	if errs := eval[[]string](t, ctx, `window.__errors`); len(errs) > 0 {
		t.Errorf("page errors: %v", errs)
	}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// A feedback press can be taken back for a few seconds: the toast's Undo
// voids it on the server, sore spot and all, and the summary does not
// count it. "End now" offers an undo too, back to the player, paused.
func TestBrowserUndo(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	id := startPlayer(t, ctx, srv.URL+"/plan?area=feet&minutes=5&mode=partner")

	must(t, ctx, "press sore spot", browsertest.Click(`[data-feedback="sore"]`), chromedp.WaitVisible(`#toast button`))
	waitFor(t, "the press to be kept", func() bool { return feedbackCount(st, id) == 1 })
	if got := text(t, ctx, "#toast"); !strings.Contains(got, "Noted: sore spot") || !strings.Contains(got, "Undo") {
		t.Errorf("the toast says %q", got)
	}
	must(t, ctx, "undo it", browsertest.Click(`#toast button`))
	waitFor(t, "the press to be taken back", func() bool { return feedbackCount(st, id) == 0 })
	if spots, _ := st.SoreSpots(context.Background()); len(spots) != 0 {
		t.Errorf("the sore spot taken back is still remembered: %+v", spots)
	}
	must(t, ctx, "press good", browsertest.Click(`[data-feedback="good"]`))
	waitFor(t, "the second press to be kept", func() bool { return feedbackCount(st, id) == 1 })

	must(t, ctx, "end now", browsertest.Click(`#finish-now`), chromedp.WaitVisible(`#summary`), chromedp.WaitVisible(`#toast button`))
	if got := text(t, ctx, "#summary-feedback"); got != "Good: 1×" {
		t.Errorf("the summary lists %q, want the one press left", got)
	}
	must(t, ctx, "undo the end", browsertest.Click(`#toast button`), chromedp.WaitVisible(`#player`))
	if eval[bool](t, ctx, `window.kneadTest.position().running`) || !strings.Contains(text(t, ctx, "#said"), "Paused at") {
		t.Errorf("after undoing the end: running=%v, %q", eval[bool](t, ctx, `window.kneadTest.position().running`), text(t, ctx, "#said"))
	}
	if x, _ := st.Session(context.Background(), id); x.Ending.Finished() {
		t.Error("ending was kept though it was undone")
	}

	// The screen goes off: the clock stops with the voice, and says where.
	must(t, ctx, "play", browsertest.Click(`#toggle`))
	eval[any](t, ctx, `window.kneadTest.advance(3)`)
	eval[any](t, ctx, `window.kneadTest.hide()`)
	if eval[bool](t, ctx, `window.kneadTest.position().running`) {
		t.Error("the clock runs on while the page is hidden")
	}
	eval[any](t, ctx, `window.kneadTest.show()`)
	if got := text(t, ctx, "#said"); !strings.Contains(got, "Paused at") || !strings.Contains(got, "screen went off") {
		t.Errorf("back on the page it says %q", got)
	}
	if errs := eval[[]string](t, ctx, `window.__errors`); len(errs) > 0 {
		t.Errorf("page errors: %v", errs)
	}
}

// The summary is honest: after skips it says how many moves were done and
// skipped, names the skipped ones and gives the time the clock ran, with
// no rating chosen for the person; History says the same numbers. The
// chimes for the next move and for switching sides are told apart.
func TestBrowserSummaryStatesSkips(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	id := startPlayer(t, ctx, srv.URL+"/plan?area=upper-back&minutes=10&mode=partner")
	var script struct {
		Total float64
		Moves []struct {
			Title   string
			Seconds float64
			Side    string
		}
	}
	if err := json.Unmarshal([]byte(eval[string](t, ctx, `document.getElementById('data-script').textContent`)), &script); err != nil || len(script.Moves) < 6 {
		t.Fatalf("script: %v", err)
	}
	// Play the first move through, skip the next three, play on to the end.
	eval[any](t, ctx, `window.kneadTest.advance(`+ftoa(script.Moves[0].Seconds+0.5)+`)`)
	for range 3 {
		must(t, ctx, "skip", browsertest.Click(`#skip`))
	}
	eval[any](t, ctx, `window.kneadTest.advance(`+ftoa(script.Total)+`)`)
	must(t, ctx, "the summary", chromedp.WaitVisible(`#summary`))
	n := len(script.Moves)
	got := text(t, ctx, "#summary-text")
	if want := ftoa(float64(n-3)) + " of " + ftoa(float64(n)) + " moves done, 3 skipped"; !strings.Contains(got, want) {
		t.Errorf("the summary says %q, want %q", got, want)
	}
	if strings.Contains(got, "All ") {
		t.Errorf("the summary claims all moves: %q", got)
	}
	skippedText := text(t, ctx, "#summary-skipped")
	for _, m := range script.Moves[1:4] {
		if !strings.Contains(skippedText, m.Title) {
			t.Errorf("the skipped list %q lacks %q", skippedText, m.Title)
		}
	}
	if eval[bool](t, ctx, `!!document.querySelector('input[name=rating]:checked')`) {
		t.Error("a rating is chosen before the person chose one")
	}
	must(t, ctx, "save without a rating", browsertest.Click(`#finish-form button[type=submit]`))
	if got := text(t, ctx, "#finish-status"); !strings.Contains(got, "1 to 5") {
		t.Errorf("saving with no rating says %q", got)
	}
	waitFor(t, "the skips to be kept", func() bool {
		x, err := st.Session(context.Background(), id)
		return err == nil && len(x.Progress.Skipped) == 3 && x.Progress.Offset == script.Total
	})
	x, _ := st.Session(context.Background(), id)
	played := script.Total - script.Moves[1].Seconds - script.Moves[2].Seconds - script.Moves[3].Seconds
	if x.Progress.Played < played-1 || x.Progress.Played > played+1 {
		t.Errorf("kept %v s played, want about %v", x.Progress.Played, played)
	}
	if !strings.Contains(got, clockText(x.Progress.Played)+" of hands-on time") {
		t.Errorf("the summary says %q, want %s of hands-on time", got, clockText(x.Progress.Played))
	}
	must(t, ctx, "history", browsertest.Navigate(srv.URL+"/history"), chromedp.WaitVisible(`.sessions`))
	if h, want := text(t, ctx, ".sessions"), ftoa(float64(n-3))+" moves done, 3 skipped · "+clockText(x.Progress.Played)+" played"; !strings.Contains(h, want) {
		t.Errorf("History says %q, want %q", h, want)
	}
}

// Chimes: a distinct one for the next move and one for switching sides.
func TestBrowserChimes(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	startPlayer(t, ctx, srv.URL+"/plan?area=feet&minutes=10&mode=partner")
	var script struct {
		Moves []struct {
			Start, Seconds float64
			Side           string
		}
	}
	json.Unmarshal([]byte(eval[string](t, ctx, `document.getElementById('data-script').textContent`)), &script)
	end, switches := 0.0, 0
	for _, m := range script.Moves[:3] {
		end = m.Start + m.Seconds
		if m.Side == "each" || m.Side == "swap-hands" {
			switches++
		}
	}
	eval[any](t, ctx, `window.kneadTest.advance(`+ftoa(end+0.5)+`)`)
	got := eval[[]string](t, ctx, `window.kneadTest.chimes()`)
	count := map[string]int{}
	for _, c := range got {
		count[c]++
	}
	if count["next"] != 4 || count["switch"] != switches {
		t.Errorf("chimes over three moves: %v, want the start and three next moves and %d switches", got, switches)
	}
}

// dropFirstCreate makes the first session asked for, then drops the
// connection before the answer: the page cannot know it was made.
type dropFirstCreate struct {
	h       http.Handler
	dropped atomic.Bool
}

func (d *dropFirstCreate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && r.URL.Path == "/api/sessions" && d.dropped.CompareAndSwap(false, true) {
		d.h.ServeHTTP(httptest.NewRecorder(), r)
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				c.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	}
	d.h.ServeHTTP(w, r)
}

// A create whose answer was lost is sent again with the same key: the
// server keeps one session, and the page follows it.
func TestBrowserRetriedCreateGivesOneSession(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	d := &dropFirstCreate{h: app}
	srv := httptest.NewServer(d)
	defer srv.Close()
	id := startPlayer(t, ctx, srv.URL+"/plan?area=feet&minutes=5&mode=partner")
	if !d.dropped.Load() {
		t.Fatal("the first create was not dropped")
	}
	list, err := st.Sessions(context.Background(), 10)
	if err != nil || len(list) != 1 || list[0].ID != id {
		t.Fatalf("the server holds %+v (%v), want the one session %s", list, err, id)
	}
	if got := eval[string](t, ctx, `location.pathname`); got != "/session/"+id {
		t.Errorf("the page is at %q", got)
	}
	waitFor(t, "the outbox to empty", func() bool { return eval[string](t, ctx, `localStorage.getItem('knead.pending')`) == "[]" })
}
