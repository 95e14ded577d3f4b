package web

import (
	"context"
	"encoding/json"
	"math"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
)

func chromium() string { return browsertest.Chromium() }

func skipOrFail(t *testing.T, msg string) { t.Helper(); browsertest.SkipOrFail(t, msg) }

// browser starts a headless Chromium for one test, the size of a large phone.
func browser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.Start(t,
		chromedp.Flag("autoplay-policy", "no-user-gesture-required"),
		chromedp.WindowSize(412, 900))
}

// spy records what the page asks the browser to say, instead of saying it.
const spy = `window.__spoken = [];
window.__errors = [];
addEventListener('error', (e) => window.__errors.push(String(e.message || e.target?.src || e)), true);
addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
if (window.speechSynthesis) {
  speechSynthesis.speak = (u) => { window.__spoken.push(u.text); };
  speechSynthesis.cancel = () => {};
}`

// spyOnSpeech adds spy to every page the browser opens from now on.
func spyOnSpeech(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: spy}); err != nil {
		t.Fatal(err)
	}
}

// A person's whole evening, in the browser: pick areas on the body map,
// plan, start, hear and see the first move, let a move run out, press
// feedback, reload and resume, finish and rate it.
func TestBrowserSession(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()

	spyOnSpeech(t, ctx)
	must(t, ctx, "open the start page and tap the body map",
		browsertest.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`.bodymap .figure.front svg`),
		browsertest.Click(`.mapsides [data-side="back"]`),
		browsertest.Click(`.bodymap [data-area="upper-back"]`),
	)
	if !eval[bool](t, ctx, `document.querySelector('input[name=area][value="upper-back"]').checked`) {
		t.Fatal("tapping the upper back on the body map did not choose it")
	}
	if !eval[bool](t, ctx, `document.querySelector('.bodymap [data-area="upper-back"]').classList.contains('on')`) {
		t.Error("the chosen region is not marked on the map")
	}

	must(t, ctx, "choose 5 minutes for a partner and see the plan",
		browsertest.Click(`input[name=minutes][value="5"]`),
		browsertest.Click(`input[name=mode][value="partner"]`),
		browsertest.Click(`form.start button[type=submit]`),
		chromedp.WaitVisible(`#start`),
	)

	var script pageScriptIn
	raw := eval[string](t, ctx, `document.getElementById('data-script').textContent`)
	if err := json.Unmarshal([]byte(raw), &script); err != nil || len(script.Moves) < 2 {
		t.Fatalf("script: %v (%d moves)", err, len(script.Moves))
	}
	first := script.Moves[0]

	must(t, ctx, "start", browsertest.Click(`#start`), chromedp.WaitVisible(`#player`))
	id, err := chromedp.Run(ctx, chromedp.Poll[string](`window.kneadTest && window.kneadTest.session() && !window.kneadTest.session().startsWith('local-') && window.kneadTest.session()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("the session was not made on the server: %v; page errors: %v; test clock: %v", err,
			eval[[]string](t, ctx, `window.__errors`), eval[bool](t, ctx, `document.body.hasAttribute('data-test-clock')`))
	}
	title := text(t, ctx, "#move-title")
	if title != firstNonEmpty(first.Title, first.Name) {
		t.Errorf("first move shows %q, want %q", title, firstNonEmpty(first.Title, first.Name))
	}
	spoken := eval[[]string](t, ctx, `window.__spoken`)
	if len(spoken) == 0 || spoken[0] != script.Cues[0].Say {
		t.Errorf("speech was asked to say %q, want the first cue, %q", spoken, script.Cues[0].Say)
	}

	const marker = `(() => { const c = document.querySelector('#chart .kn-hand'); return c ? {x: +c.getAttribute('cx'), y: +c.getAttribute('cy')} : null })()`
	before := eval[map[string]float64](t, ctx, marker)
	eval[any](t, ctx, `window.kneadTest.advance(2)`)
	after := eval[map[string]float64](t, ctx, marker)
	if before == nil || after == nil {
		t.Error("no hand marker on the chart")
	} else if before["x"] == after["x"] && before["y"] == after["y"] {
		t.Errorf("the marker stayed at %v after 2 s", before)
	} else {
		// The page decodes the motion as the server encodes it: its marker
		// is where the Go decoder puts the first hand 2 s into the move.
		var m motionJSON
		if err := json.Unmarshal([]byte(eval[string](t, ctx, `document.getElementById('data-motion').textContent`)), &m); err != nil {
			t.Fatal(err)
		}
		var mv struct {
			Technique string
			Step      int
		}
		json.Unmarshal([]byte(eval[string](t, ctx, `JSON.stringify(JSON.parse(document.getElementById('data-script').textContent).moves[0])`)), &mv)
		a := m.Steps[key(mv.Technique, mv.Step)]
		if a == nil || len(a.Hands) == 0 {
			t.Fatalf("no motion for the first move %+v", mv)
		}
		x, y := placeAt(decodeHand(a.Hands[0].D), 2/first.Seconds*a.Seconds*50)
		if math.Abs(x-after["x"]) > 0.15 || math.Abs(y-after["y"]) > 0.15 {
			t.Errorf("the page draws the hand at (%v, %v), the server's decoding at (%.1f, %.1f)", after["x"], after["y"], x, y)
		}
	}

	pos := eval[struct{ Move int }](t, ctx, `window.kneadTest.advance(`+ftoa(first.Seconds-2+0.5)+`)`)
	title = text(t, ctx, "#move-title")
	if pos.Move != 1 || title != firstNonEmpty(script.Moves[1].Title, script.Moves[1].Name) {
		t.Errorf("after the first move: move %d titled %q", pos.Move, title)
	}
	waitFor(t, "the server to keep the place after the move", func() bool {
		x, err := st.Session(context.Background(), id)
		return err == nil && x.Progress.Move == 1
	})

	must(t, ctx, "press firmer", browsertest.Click(`[data-feedback="firmer"]`))
	waitFor(t, "the feedback to be kept", func() bool {
		x, err := st.Session(context.Background(), id)
		return err == nil && len(x.Feedback) == 1 && x.Feedback[0].Kind == "firmer" && x.Feedback[0].Move == 1
	})

	must(t, ctx, "reload", chromedp.Reload(), chromedp.WaitVisible(`#player`))
	title, said := text(t, ctx, "#move-title"), text(t, ctx, "#said")
	if title != firstNonEmpty(script.Moves[1].Title, script.Moves[1].Name) || !strings.Contains(said, "Paused at") {
		t.Errorf("after reload: %q, %q", title, said)
	}
	must(t, ctx, "play again", browsertest.Click(`#toggle`))
	spoken = eval[[]string](t, ctx, `window.__spoken`)
	if len(spoken) == 0 || !strings.Contains(strings.Join(spoken, " "), startOf(script, 1)) {
		t.Errorf("on resume speech was asked to say %q, want the current move", spoken)
	}

	eval[any](t, ctx, `window.kneadTest.advance(`+ftoa(script.Total)+`)`)
	must(t, ctx, "run to the end and rate it",
		chromedp.WaitVisible(`#summary`),
		browsertest.Click(`input[name=rating][value="5"]`),
		chromedp.SendKeys(`#note`, "Lovely <b>calm</b>"),
		browsertest.Click(`#finish-form button[type=submit]`),
	)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('finish-status').textContent.startsWith('Saved')`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the rating was not saved: %v (%s)", err, text(t, ctx, "#finish-status"))
	}
	note := text(t, ctx, "#summary-feedback")
	if !strings.Contains(note, "Firmer: 1") {
		t.Errorf("the summary lists %q, want the firmer press", note)
	}
	x, err := st.Session(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if x.Ending.Rating != 5 || x.Ending.Note != "Lovely <b>calm</b>" || x.Progress.Offset != script.Total {
		t.Errorf("stored ending %+v at %v of %v", x.Ending, x.Progress.Offset, script.Total)
	}
}

// placeAt is where a decoded path puts the hand s samples into the step.
func placeAt(pts []point, s float64) (x, y float64) {
	if s <= float64(pts[0].t) {
		return float64(pts[0].x), float64(pts[0].y)
	}
	for k := 1; k < len(pts); k++ {
		a, b := pts[k-1], pts[k]
		if s <= float64(b.t) {
			return along(a, b, b.b, (s-float64(a.t))/float64(b.t-a.t))
		}
	}
	l := pts[len(pts)-1]
	return float64(l.x), float64(l.y)
}

func must(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval runs JavaScript in the page and gives its value.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// text gives an element's text.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return eval[string](t, ctx, `(document.querySelector(`+ftoa0(sel)+`) || {}).textContent || ''`)
}

func ftoa0(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for range 100 {
		if ok() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Errorf("gave up waiting for %s", what)
}

// pageScriptIn is what the test reads of the page's script.
type pageScriptIn struct {
	Total float64
	Moves []struct {
		Title, Name, Say string
		Seconds          float64
	}
	Cues []struct {
		Move      int
		Kind, Say string
	}
}

// startOf is the start cue of move i: what the voice says as it begins.
func startOf(s pageScriptIn, i int) string {
	for _, q := range s.Cues {
		if q.Move == i && q.Kind == "start" {
			return q.Say
		}
	}
	return "(no start cue)"
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func ftoa(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}
