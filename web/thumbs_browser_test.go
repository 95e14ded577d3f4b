package web

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
	"github.com/knead/knead/store"
)

// Thumbs in real Chromium: up and down beside the move playing (by tap and
// by the u and d keys), kept with the move's technique; the summary lists
// each technique played with its thumbs, shows the ones given, gives more
// for a chosen technique (a second tap takes it back), and a second
// thumbs-down says the technique is left out; the next plan leaves it out
// and says why.
func TestBrowserThumbs(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	const url = "/plan?area=feet&area=calves&minutes=10&mode=partner"
	id := startPlayer(t, ctx, srv.URL+url)
	type move struct {
		Index     int
		Item      int
		Technique string
		Name      string
		Start     float64
	}
	// The first moves of the first two techniques.
	ms := eval[[]move](t, ctx, `(() => {
		const out = [];
		JSON.parse(document.getElementById('data-script').textContent).moves.forEach((m, i) => {
			if (m.technique && !out.some((x) => x.item === m.item || x.technique === m.technique)) out.push({ ...m, index: i });
		});
		return out.slice(0, 2);
	})()`)
	if len(ms) < 2 {
		t.Fatalf("the plan plays %d techniques, want 2", len(ms))
	}
	kept := func(n int) []store.Feedback {
		t.Helper()
		waitFor(t, strconv.Itoa(n)+" presses to be kept", func() bool { return feedbackCount(st, id) == n })
		x, err := st.Session(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		return x.Feedback
	}
	to := func(m move) {
		eval[any](t, ctx, `window.kneadTest.advance(`+ftoa(m.Start+1)+` - window.kneadTest.position().offset)`)
		if got := eval[int](t, ctx, `window.kneadTest.position().move`); got != m.Index {
			t.Fatalf("playing move %d, want %d (%+v)", got, m.Index, ms)
		}
	}
	to(ms[0])
	must(t, ctx, "thumbs up", browsertest.Click(`#likes [data-feedback="up"]`), chromedp.WaitVisible(`#toast button`))
	if got := text(t, ctx, "#toast"); !strings.Contains(got, "Noted: thumbs up") {
		t.Errorf("the toast says %q", got)
	}
	if f := kept(1)[0]; f.Kind != "up" || f.Technique != ms[0].Technique {
		t.Errorf("kept %+v, want up on %s", f, ms[0].Technique)
	}
	to(ms[1])
	must(t, ctx, "press d", chromedp.KeyEvent("d"))
	if f := kept(2)[1]; f.Kind != "down" || f.Technique != ms[1].Technique {
		t.Errorf("kept %+v, want down on %s", f, ms[1].Technique)
	}
	must(t, ctx, "press d again", chromedp.KeyEvent("d"))
	kept(3)
	if got := text(t, ctx, "#toast"); !strings.Contains(got, "two thumbs-down leave it out") {
		t.Errorf("after a second thumbs-down the toast says %q", got)
	}

	must(t, ctx, "end now", browsertest.Click(`#finish-now`), chromedp.WaitVisible(`#summary-moves`))
	row := func(m move, kind string) string {
		return `#summary-moves li[data-item="` + strconv.Itoa(m.Item) + `"] [data-feedback="` + kind + `"]`
	}
	pressed := func(m move, kind string) bool {
		return eval[string](t, ctx, `document.querySelector(`+ftoa0(row(m, kind))+`).getAttribute('aria-pressed')`) == "true"
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#summary-moves li').length`); n != 2 {
		t.Errorf("the summary lists %d techniques, want the 2 played", n)
	}
	if !pressed(ms[0], "up") || pressed(ms[0], "down") || !pressed(ms[1], "down") || pressed(ms[1], "up") {
		t.Error("the summary does not show the thumbs given while playing")
	}
	if got := text(t, ctx, "#summary-feedback"); !strings.Contains(got, "Thumbs up: 1×") || !strings.Contains(got, "Thumbs down: 2×") {
		t.Errorf("the summary counts %q", got)
	}
	if w := eval[float64](t, ctx, `Math.min(...[...document.querySelectorAll('#summary-moves button')].map((b) => b.getBoundingClientRect().width))`); w < 44 {
		t.Errorf("a summary thumb is %.0f px across, want 44 or more", w)
	}
	// Taken back from the summary, given again, undone in the toast: the
	// summary and the server agree at each step.
	must(t, ctx, "take the thumbs up back", browsertest.Click(row(ms[0], "up")))
	kept(2)
	if pressed(ms[0], "up") || !strings.Contains(text(t, ctx, "#toast"), "Taken back") {
		t.Errorf("after taking it back: pressed %v, toast %q", pressed(ms[0], "up"), text(t, ctx, "#toast"))
	}
	must(t, ctx, "thumbs up again from the summary", browsertest.Click(row(ms[0], "up")))
	if f := kept(3)[2]; f.Kind != "up" || f.Technique != ms[0].Technique {
		t.Errorf("kept %+v, want up on %s", f, ms[0].Technique)
	}
	must(t, ctx, "undo it in the toast", browsertest.Click(`#toast button`))
	kept(2)
	if pressed(ms[0], "up") {
		t.Error("undone in the toast, the summary still shows the thumbs up")
	}
	must(t, ctx, "thumbs down from the summary", browsertest.Click(row(ms[0], "down")))
	if f := kept(3)[2]; f.Kind != "down" || f.Technique != ms[0].Technique || !pressed(ms[0], "down") {
		t.Errorf("kept %+v, want down on %s, shown pressed", f, ms[0].Technique)
	}
	if errs := eval[[]string](t, ctx, `window.__errors`); len(errs) > 0 {
		t.Errorf("page errors: %v", errs)
	}

	// The next plan leaves out the technique given two thumbs-down.
	r, err := http.Get(srv.URL + url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(r.Body)
	r.Body.Close()
	if want := "Left out after two thumbs-down: " + html.EscapeString(ms[1].Name); !strings.Contains(string(body), want) {
		t.Errorf("the next plan does not say %q", want)
	}
	if strings.Contains(between(string(body), `<ol class="routine">`, `</ol>`), ">"+html.EscapeString(ms[1].Name)+"<") {
		t.Errorf("the next plan still has %s", ms[1].Name)
	}
}

// The whole loop in real Chromium: feedback during a session (lighter, a
// sore spot, a thumbs-down), finish and rate it, then plan again for the
// same person: the plan page says what was adapted and why.
func TestBrowserFeedbackThenPlanAgain(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	const url = "/plan?area=feet&area=calves&minutes=10&mode=partner"
	startPlayer(t, ctx, srv.URL+url)
	at := eval[float64](t, ctx, `JSON.parse(document.getElementById('data-script').textContent).moves.find((m) => m.technique && m.area === 'feet').start`)
	eval[any](t, ctx, `window.kneadTest.advance(`+ftoa(at+1)+` - window.kneadTest.position().offset)`)
	must(t, ctx, "give feedback",
		browsertest.Click(`[data-feedback="lighter"]`), browsertest.Click(`[data-feedback="sore"]`), browsertest.Click(`#likes [data-feedback="down"]`))
	must(t, ctx, "end, rate and save", browsertest.Click(`#finish-now`), chromedp.WaitVisible(`#summary`),
		browsertest.Click(`input[name=rating][value="4"]`), browsertest.Click(`#finish-form button[type=submit]`))
	waitFor(t, "the session to be saved", func() bool { return strings.Contains(text(t, ctx, "#finish-status"), "Saved") })
	must(t, ctx, "plan again", browsertest.Navigate(srv.URL+url), chromedp.WaitVisible(`#start`))
	notes := text(t, ctx, "#preview")
	for _, want := range []string{"Lighter on the feet: you asked for lighter once", "More time on the feet", "Gentle strokes first on the feet", "after a thumbs-down"} {
		if !strings.Contains(notes, want) {
			t.Errorf("the next plan's page does not say %q", want)
		}
	}
}
