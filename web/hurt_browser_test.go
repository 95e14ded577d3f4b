package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
)

// "It hurts" in the web player, in real Chromium: the press stops the move
// at once (the clock waits at the next move), says something calm, keeps
// the press for the person, lightens the later moves on that area, the
// summary counts it, and the next plan for the person leaves that
// technique out there and says why.
func TestBrowserItHurts(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	const url = "/plan?area=feet&minutes=10&mode=partner&pressure=deep"
	id := startPlayer(t, ctx, srv.URL+url)

	// The first move with a technique that has a later move on its area at
	// more than light pressure, as the page was sent.
	type pick struct {
		I, J      int
		Technique string
		Area      string
		Start     float64
		Pressure  string
	}
	p := eval[pick](t, ctx, `(() => {
		const ms = JSON.parse(document.getElementById('data-script').textContent).moves;
		for (let i = 0; i < ms.length; i++) {
			if (!ms[i].technique) continue;
			const j = ms.findIndex((n, k) => k > i + 1 && n.area === ms[i].area && (n.pressure === 'deep' || n.pressure === 'moderate'));
			if (j > 0) return { I: i, J: j, Technique: ms[i].technique, Area: ms[i].area, Start: ms[j].start, Pressure: ms[j].pressure };
		}
		return { I: -1 };
	})()`)
	if p.I < 0 {
		t.Fatal("the plan has no move followed by a firmer move on its area")
	}
	at := eval[float64](t, ctx, `JSON.parse(document.getElementById('data-script').textContent).moves[`+strconv.Itoa(p.I)+`].start`)
	eval[any](t, ctx, `window.kneadTest.advance(`+ftoa(at+2)+` - window.kneadTest.position().offset)`)
	if got := eval[int](t, ctx, `window.kneadTest.position().move`); got != p.I {
		t.Fatalf("playing move %d, want %d", got, p.I)
	}

	must(t, ctx, "press It hurts", browsertest.Click(`#hurt`), chromedp.WaitVisible(`#toast`))
	pos := eval[struct {
		Move    int
		Running bool
	}](t, ctx, `window.kneadTest.position()`)
	if pos.Running || pos.Move != p.I+1 {
		t.Errorf("after It hurts: move %d running %v, want move %d and the clock waiting", pos.Move, pos.Running, p.I+1)
	}
	if got := text(t, ctx, "#toast"); !strings.Contains(got, "Stopped.") || !strings.Contains(got, "no deep work") {
		t.Errorf("the toast says %q", got)
	}
	waitFor(t, "the press to be kept", func() bool { return feedbackCount(st, id) == 1 })
	x, err := st.Session(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if f := x.Feedback[0]; f.Kind != "hurt" || f.Technique != p.Technique || f.Area != p.Area {
		t.Errorf("kept %+v, want hurt on %s (%s)", f, p.Technique, p.Area)
	}

	// A later move on that area is a step lighter, shown and noted.
	must(t, ctx, "play on", browsertest.Click(`#toggle`))
	eval[any](t, ctx, `window.kneadTest.advance(`+ftoa(p.Start+0.5)+` - window.kneadTest.position().offset)`)
	want := map[string]string{"deep": "Moderate pressure", "moderate": "Light pressure"}[p.Pressure]
	if got := text(t, ctx, "#press"); got != want {
		t.Errorf("move %d (%s before) shows %q, want %q", p.J, p.Pressure, got, want)
	}
	if got := eval[string](t, ctx, `document.getElementById('move-care').textContent`); !strings.Contains(got, "it hurt on the") {
		t.Errorf("move %d's note is %q, want it to say why it is lighter", p.J, got)
	}

	must(t, ctx, "end now", browsertest.Click(`#finish-now`), chromedp.WaitVisible(`#summary`))
	if got := text(t, ctx, "#summary-feedback"); !strings.Contains(got, "It hurts: 1×") {
		t.Errorf("the summary lists %q", got)
	}

	// The next plan for me leaves the technique out of the feet.
	r, err := http.Get(srv.URL + url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(r.Body)
	r.Body.Close()
	if !strings.Contains(string(body), "Left out because it hurt") || !strings.Contains(string(body), "it hurt on the") {
		t.Errorf("the next plan does not say it left out what hurt")
	}
}

// A mistaken "It hurts" can be taken back for a few seconds, as the other
// presses can: the toast's Undo voids the kept press and puts back the
// later moves' pressure, note and cue, and the summary does not count it.
func TestBrowserItHurtsUndo(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	id := startPlayer(t, ctx, srv.URL+"/plan?area=feet&minutes=10&mode=partner&pressure=deep")
	type pick struct {
		I, J     int
		At       float64
		Start    float64
		Pressure string
	}
	p := eval[pick](t, ctx, `(() => {
		const s = JSON.parse(document.getElementById('data-script').textContent), ms = s.moves;
		for (let i = 0; i < ms.length; i++) {
			if (!ms[i].technique) continue;
			const j = ms.findIndex((n, k) => k > i + 1 && n.area === ms[i].area && (n.pressure === 'deep' || n.pressure === 'moderate'));
			if (j > 0) return { I: i, J: j, At: ms[i].start, Start: ms[j].start, Pressure: ms[j].pressure };
		}
		return { I: -1 };
	})()`)
	if p.I < 0 {
		t.Fatal("the plan has no move followed by a firmer move on its area")
	}
	eval[any](t, ctx, `window.kneadTest.advance(`+ftoa(p.At+2)+` - window.kneadTest.position().offset)`)
	must(t, ctx, "press It hurts", browsertest.Click(`#hurt`), chromedp.WaitVisible(`#toast button`))
	waitFor(t, "the press to be kept", func() bool { return feedbackCount(st, id) == 1 })
	if got := text(t, ctx, "#toast button"); got != "Undo" {
		t.Fatalf("the toast offers %q, want Undo", got)
	}
	must(t, ctx, "undo it", browsertest.Click(`#toast button`))
	waitFor(t, "the press to be voided", func() bool { return feedbackCount(st, id) == 0 })
	if got := text(t, ctx, "#said"); !strings.Contains(got, "Taken back: it hurts") {
		t.Errorf("after Undo the player says %q", got)
	}

	must(t, ctx, "play on", browsertest.Click(`#toggle`))
	eval[any](t, ctx, `window.kneadTest.advance(`+ftoa(p.Start+0.5)+` - window.kneadTest.position().offset)`)
	want := map[string]string{"deep": "Deep pressure", "moderate": "Moderate pressure"}[p.Pressure]
	if got := text(t, ctx, "#press"); got != want {
		t.Errorf("move %d after Undo shows %q, want its own %q back", p.J, got, want)
	}
	if got := eval[string](t, ctx, `document.getElementById('move-care').textContent`); strings.Contains(got, "it hurt on the") {
		t.Errorf("move %d still says it is lighter: %q", p.J, got)
	}
	must(t, ctx, "end now", browsertest.Click(`#finish-now`), chromedp.WaitVisible(`#summary`))
	if got := text(t, ctx, "#summary-feedback"); strings.Contains(got, "It hurts") {
		t.Errorf("the summary counts the press taken back: %q", got)
	}
}
