package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
)

// viewport sets the page's size as a phone (mobile) or a desktop shows it.
func viewport(w, h int64, mobile bool) chromedp.Action[chromedp.Void] {
	opts := []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
	if mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	return chromedp.EmulateViewport(w, h, opts...)
}

// colours sets prefers-color-scheme and prefers-reduced-motion.
func colours(scheme, motion string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{
			{Name: "prefers-color-scheme", Value: scheme}, {Name: "prefers-reduced-motion", Value: motion}}})
		return err
	})
}

// fits checks the player as it stands: everything on the screen without
// scrolling, every control at least 48 px across and inside the screen,
// the chart's ring at least minRing px. It gives what is wrong, in words.
const fitsJS = `((minRing) => {
  const bad = [];
  const vw = innerWidth, vh = innerHeight;
  const de = document.documentElement;
  if (de.scrollHeight > vh + 1) bad.push('the page scrolls: ' + de.scrollHeight + ' px of ' + vh);
  if (de.scrollWidth > vw + 1) bad.push('the page is ' + de.scrollWidth + ' px wide of ' + vw);
  for (const el of document.querySelectorAll('#player button, #player .toggle')) {
    if (el.hidden) continue;
    const r = el.getBoundingClientRect();
    const name = el.getAttribute('aria-label') || el.textContent.trim() || el.title;
    if (r.width < 47.5 || r.height < 47.5) bad.push(name + ' is ' + Math.round(r.width) + '×' + Math.round(r.height) + ' px');
    if (r.top < 0 || r.left < 0 || r.bottom > vh + 0.5 || r.right > vw + 0.5) bad.push(name + ' is off the screen');
  }
  for (const el of document.querySelectorAll('#player .feedback button')) {
    if (el.scrollWidth > el.clientWidth + 1 || el.getClientRects().length !== 1) bad.push(el.textContent + ' does not fit its button');
  }
  const ring = document.querySelector('.chartbox').getBoundingClientRect();
  if (ring.width < minRing) bad.push('the ring is ' + Math.round(ring.width) + ' px');
  for (const id of ['move-title', 'move-say', 'left', 'next']) {
    const r = document.getElementById(id).getBoundingClientRect();
    if (r.bottom > vh + 0.5 || r.top < 0) bad.push('#' + id + ' is cut off');
  }
  return bad;
})`

// The player fits a phone: at 390×844 and 360×740, and on its side at
// 844×390, for every move of a long plan (the longest words, two
// cautions), with "Take care" open or not, nothing scrolls or falls off
// the screen, the controls are large enough for oily fingers, and the
// chart keeps a size that can be seen from a metre.
func TestBrowserPlayerFits(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	spyOnSpeech(t, ctx)
	screens := []struct {
		w, h    int64
		mobile  bool
		minRing int
	}{
		{390, 844, true, 180},
		{360, 740, true, 140},
		{1440, 900, false, 400},
		{844, 390, true, 150}, // a phone on its side
	}
	plans := []string{
		"/plan?area=upper-back&area=scalp&area=feet&minutes=30&mode=partner",
		"/plan?area=jaw&area=neck&area=shoulders&area=abdomen&area=upper-arms&area=forearms&area=hands&area=thighs&area=calves&area=ankles&minutes=40&mode=self",
	}
	for _, sc := range screens {
		for _, plan := range plans {
			name := fmt.Sprintf("%d×%d", sc.w, sc.h)
			must(t, ctx, name+": open the plan",
				viewport(sc.w, sc.h, sc.mobile), colours("light", "no-preference"),
				browsertest.Navigate(srv.URL+plan),
				chromedp.WaitVisible(`#start`), browsertest.Click(`#start`), chromedp.WaitVisible(`#player`))
			// Every move in turn, checked where it stands, then skipped.
			problems := eval[[]string](t, ctx, `(() => {
				const out = [];
				const n = JSON.parse(document.getElementById('data-script').textContent).moves.length;
				for (let i = 0; i < n; i++) {
					const at = window.kneadTest.position().move;
					if (at !== i) { out.push('move ' + (i + 1) + ' (): the player is at move ' + (at + 1)); break; }
					const title = document.getElementById('move-title').textContent;
					for (const p of `+fitsJS+`(`+fmt.Sprint(sc.minRing)+`)) out.push('move ' + (i + 1) + ' (' + title + '): ' + p);
					// "Take care" open, and the whole instruction open: the
					// chart gives way (to a third of its size), nothing else.
					for (const id of ['move-care', 'move-say']) {
						const box = document.getElementById(id);
						if (box.hidden) continue;
						box.click();
						if (box.getAttribute('aria-expanded') !== 'true') out.push('move ' + (i + 1) + ' (' + title + '): #' + id + ' does not open');
						for (const p of `+fitsJS+`(`+fmt.Sprint(sc.minRing/3)+`)) out.push('move ' + (i + 1) + ' (' + title + ') with #' + id + ' open: ' + p);
						const r = box.getBoundingClientRect();
						if (r.bottom > innerHeight + 0.5 || r.height < 20) out.push('move ' + (i + 1) + ' (' + title + ') with #' + id + ' open: it is ' + Math.round(r.height) + ' px tall, to ' + Math.round(r.bottom));
						if (box.scrollHeight > box.clientHeight + 1 && getComputedStyle(box).overflowY !== 'auto') out.push('move ' + (i + 1) + ' (' + title + ') with #' + id + ' open: its words are cut off');
						box.click();
					}
					document.getElementById('skip').click();
				}
				return out;
			})()`)
			seen := map[string]bool{}
			for _, p := range problems {
				if _, what, _ := strings.Cut(p, "): "); !seen[what] {
					seen[what] = true
					t.Errorf("%s: %s", name, p)
				}
			}
		}
	}
}

// The library's cards each show their first step, on a chart the page
// holds; a technique's page names the pictures of its chart and animates
// its steps, unless the person asks for less motion.
func TestBrowserLibrary(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, false)
	srv := httptest.NewServer(app)
	defer srv.Close()
	spyOnSpeech(t, ctx)
	must(t, ctx, "open the library", viewport(390, 844, true), colours("dark", "no-preference"),
		browsertest.Navigate(srv.URL+"/library"), chromedp.WaitVisible(`.cards`))
	cards := eval[int](t, ctx, `document.querySelectorAll('.card').length`)
	drawn := eval[int](t, ctx, `[...document.querySelectorAll('.card .thumb use')].filter((u) => document.querySelector(u.getAttribute('href'))).length`)
	if cards == 0 || drawn < cards*9/10 {
		t.Errorf("%d of %d cards show a drawing on a chart the page holds", drawn, cards)
	}
	if w := eval[float64](t, ctx, `document.querySelector('.card .thumb svg').getBoundingClientRect().width`); w < 48 {
		t.Errorf("a card's drawing is %v px wide", w)
	}

	marker := `(() => { const c = document.querySelector('#chart .kn-hand:not(.hold)'); return c ? [+c.getAttribute('cx'), +c.getAttribute('cy')] : null })()`
	for _, motion := range []string{"no-preference", "reduce"} {
		must(t, ctx, "open a technique with less motion: "+motion, colours("light", motion),
			browsertest.Navigate(srv.URL+"/library/foot-tendon-strokes"), chromedp.WaitVisible(`#chart .kn-hand`))
		if got := eval[[]string](t, ctx, `[...document.querySelectorAll('#demo-panels span')].map((s) => s.textContent)`); strings.Join(got, ", ") != "Sole, Top of the foot" {
			t.Errorf("the foot's pictures are named %q", got)
		}
		a := eval[[]float64](t, ctx, marker)
		must(t, ctx, "wait", chromedp.Sleep(1200*time.Millisecond))
		b := eval[[]float64](t, ctx, marker)
		moved := len(a) == 2 && len(b) == 2 && (a[0] != b[0] || a[1] != b[1])
		if motion == "reduce" && moved {
			t.Errorf("with less motion asked for, the hand still moves: %v → %v", a, b)
		}
		if motion != "reduce" && !moved {
			t.Errorf("the hand does not move: %v → %v", a, b)
		}
	}
	if errs := eval[[]string](t, ctx, `window.__errors`); len(errs) > 0 {
		t.Errorf("page errors: %v", errs)
	}
}

// A plan's note on a move (why it is lighter than usual) shows with the
// move, apart from its cautions: never under "Take care", never lost.
func TestBrowserPlanNotesShow(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	must(t, ctx, "open the plan",
		viewport(390, 844, true), colours("light", "no-preference"),
		browsertest.Navigate(srv.URL+"/plan?area=back&minutes=20&mode=partner&condition=sensitive:lower-back"),
		chromedp.WaitVisible(`#start`), browsertest.Click(`#start`), chromedp.WaitVisible(`#player`))
	got := eval[[]string](t, ctx, `(() => {
		const out = [];
		const script = JSON.parse(document.getElementById('data-script').textContent);
		let noted = 0;
		for (let i = 0; i < script.moves.length; i++) {
			const notes = script.cues.filter((c) => c.move === i && c.kind === 'note').map((c) => c.say);
			const box = document.getElementById('move-care');
			const note = box.querySelector('.plan-note');
			if (notes.length) {
				noted++;
				if (box.hidden || !note) out.push('move ' + (i + 1) + ': its note is not shown');
				else if (!notes.every((n) => note.textContent.toLowerCase().includes(n.replace(/[.]$/, '').toLowerCase()))) out.push('move ' + (i + 1) + ': shows ' + note.textContent);
			} else if (note) out.push('move ' + (i + 1) + ': shows a note it does not have');
			document.getElementById('skip').click();
		}
		if (!noted) out.push('the plan has no move with a note: the test needs another plan');
		return out;
	})()`)
	for _, p := range got {
		t.Error(p)
	}
}
