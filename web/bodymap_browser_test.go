package web

import (
	"context"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/knead/knead/internal/browsertest"
)

// targetsJS lists the places and close-ups that can be tapped in the
// picture shown, with their size in CSS px.
const targetsJS = `[...document.querySelectorAll('.bodymap [data-area], .bodymap [data-zoom]')]
  .filter((el) => el.getClientRects().length && el.closest('figure:not([hidden])') && getComputedStyle(el.closest('figure')).display !== 'none')
  .map((el) => { const r = el.getBoundingClientRect(); return {what: el.dataset.area || 'zoom:' + el.dataset.zoom, w: r.width, h: r.height, keys: el.hasAttribute('tabindex')} })`

type mapTarget struct {
	What string
	W, H float64
	Keys bool
}

// The body map on a 360 px phone: every place, on the front, the back and
// the three close-ups, is a target of at least 44×44 px and every place
// the form offers is on the map; tapping and the keyboard (arrows, Enter,
// Space, Escape) pick places; a group's name picks all of its places; "See
// the plan" stays on the screen; and the plan is for the places picked.
func TestBrowserBodyMap(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()

	must(t, ctx, "open the start page on a 360 px phone",
		chromedp.EmulateViewport(360, 740),
		browsertest.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`.bodymap .figure.front svg`),
	)
	if eval[bool](t, ctx, `getComputedStyle(document.querySelector('.figure.back')).display !== 'none'`) {
		t.Error("a 360 px phone shows the front and the back at once: too small to tap")
	}
	onMap := map[string]bool{}
	measure := func(view string) {
		t.Helper()
		ts := eval[[]mapTarget](t, ctx, targetsJS)
		if len(ts) < 3 {
			t.Fatalf("%s: only %d targets shown", view, len(ts))
		}
		for _, x := range ts {
			if x.W < 44 || x.H < 44 {
				t.Errorf("%s: %s is %.0f×%.0f px, under 44×44", view, x.What, x.W, x.H)
			}
			if x.Keys {
				onMap[x.What] = true
			}
		}
	}
	measure("front")
	sideBox := func(sel string) map[string]float64 {
		return eval[map[string]float64](t, ctx, `(() => { const r = document.querySelector('`+sel+`').getBoundingClientRect(); return {top: r.top, bottom: r.bottom} })()`)
	}
	if b := sideBox(`.gobar button[type=submit]`); b["bottom"] > 740 || b["top"] < 0 {
		t.Errorf("See the plan is off the screen at the top of the page: %v", b)
	}
	must(t, ctx, "show the back", browsertest.Click(`.mapsides [data-side="back"]`))
	measure("back")
	for _, z := range []string{"head", "hand", "foot"} {
		must(t, ctx, "open the "+z+" close up",
			browsertest.Click(`.figure.back [data-zoom="`+z+`"][tabindex]`),
			chromedp.WaitVisible(`.closeup.`+z+` svg`),
		)
		measure(z)
		must(t, ctx, "back to the whole body", browsertest.Click(`.closeup.`+z+` .zoomout`), chromedp.WaitVisible(`.figure.back svg`))
	}
	offered := eval[[]string](t, ctx, `[...document.querySelectorAll('input[name=area]')].map((b) => b.value)`)
	var missing []string
	for _, a := range offered {
		if !onMap[a] {
			missing = append(missing, a)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("places offered by name but not on the map: %v", missing)
	}
	for _, a := range []string{"glutes", "hips", "jaw", "ears", "toes"} {
		if !contains(offered, a) {
			t.Errorf("the start page does not offer %s", a)
		}
	}

	checked := func(area string) bool {
		return eval[bool](t, ctx, `document.querySelector('input[name=area][value="`+area+`"]').checked`)
	}
	must(t, ctx, "tap the glutes", browsertest.Click(`.figure.back [data-area="glutes"]`))
	if !checked("glutes") || eval[string](t, ctx, `document.querySelector('.figure.back [data-area="glutes"]').getAttribute('aria-checked')`) != "true" {
		t.Error("tapping the glutes did not pick them, or the map does not say so")
	}
	must(t, ctx, "tap the other calf on the back, twice", browsertest.Click(`.figure.back [data-area="calves"]:not([tabindex])`))
	if !checked("calves") {
		t.Error("tapping the mirrored calf did not pick the calves")
	}
	must(t, ctx, "tap it again", browsertest.Click(`.figure.back [data-area="calves"]:not([tabindex])`))
	if checked("calves") {
		t.Error("a second tap did not leave the calves out")
	}

	// The keyboard: the head close-up, the face, back out, the neck.
	must(t, ctx, "show the front and focus the head",
		browsertest.Click(`.mapsides [data-side="front"]`),
		chromedp.Focus(`.figure.front [data-zoom="head"]`),
		chromedp.KeyEvent(kb.Enter),
	)
	if got := eval[string](t, ctx, `document.activeElement.dataset.area || ''`); got != "scalp" {
		t.Fatalf("Enter on the head: focus on %q, want the scalp in the close-up", got)
	}
	must(t, ctx, "down to the face, pick it", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(" "))
	if !checked("face") {
		t.Errorf("arrow down and Space in the head close-up did not pick the face (focus on %q)", eval[string](t, ctx, `document.activeElement.dataset.area || ''`))
	}
	must(t, ctx, "Escape, down to the neck, Enter", chromedp.KeyEvent(kb.Escape))
	if got := eval[string](t, ctx, `document.activeElement.dataset.zoom || ''`); got != "head" {
		t.Errorf("Escape from the close-up: focus on %q, want back on the head", got)
	}
	if !eval[bool](t, ctx, `document.querySelector('.figure.front [data-zoom="head"]').classList.contains('some')`) {
		t.Error("the head does not show that a place inside it is picked")
	}
	must(t, ctx, "down to the neck, Enter", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter))
	if !checked("neck") {
		t.Errorf("arrow down from the head and Enter did not pick the neck (focus on %q)", eval[string](t, ctx, `document.activeElement.dataset.area || ''`))
	}
	if eval[int](t, ctx, `document.querySelectorAll('.figure.front [tabindex="0"]').length`) != 1 {
		t.Error("the front is not a single Tab stop")
	}

	tapInView(t, ctx, "pick the legs by their group name", `.groupname[data-group="legs"]`)
	for _, a := range []string{"thighs", "calves", "feet"} {
		if !checked(a) {
			t.Errorf("the group Legs did not pick the %s", a)
		}
	}
	if got := eval[string](t, ctx, `document.querySelector('.groupname[data-group="legs"]').getAttribute('aria-pressed')`); got != "true" {
		t.Errorf("Legs is pressed %q after picking all of it", got)
	}
	if names := eval[[]string](t, ctx, `[...document.querySelectorAll('.groupname')].map((b) => b.textContent)`); contains(names, "Neck") {
		t.Errorf("a group name repeats its only place: %v", names)
	}
	tapInView(t, ctx, "and leave them out again", `.groupname[data-group="legs"]`)
	if checked("thighs") || checked("feet") {
		t.Error("a second press on Legs did not leave the legs out")
	}
	if p := text(t, ctx, "#picked"); !strings.Contains(p, "Face") || !strings.Contains(p, "Glutes") {
		t.Errorf("the bar by See the plan says %q", p)
	}
	if b := sideBox(`.gobar button[type=submit]`); b["bottom"] > 740 || b["top"] < 0 {
		t.Errorf("See the plan is off the screen while picking: %v", b)
	}

	must(t, ctx, "see the plan",
		browsertest.Click(`.gobar button[type=submit]`),
		chromedp.WaitVisible(`#start`),
	)
	title := strings.ToLower(text(t, ctx, "#preview h1"))
	for _, a := range []string{"face", "neck", "glutes"} {
		if !strings.Contains(title, a) {
			t.Errorf("the plan %q is not for the %s", title, a)
		}
	}
}

// tapInView taps an element as a finger would, once the page is still:
// it brings the element to the middle of the screen, waits until it stays
// put for three frames, checks nothing lies over it, and taps its middle.
// A tap whose click never reaches the element (the browser dropped the
// pointer events, as it did under load in CI) is tried once more, so a
// test after it judges the page's answer to a tap, not the harness's; a
// tap the element gets but the page ignores still fails that test.
func tapInView(t *testing.T, ctx context.Context, what, sel string) {
	t.Helper()
	js := `(async (sel) => {
		const el = document.querySelector(sel);
		if (!el) return {why: 'not on the page'};
		el.scrollIntoView({block: 'center', behavior: 'instant'});
		const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
		let last = '', same = 0;
		for (let i = 0; i < 120 && same < 3; i++) {
			await frame();
			const r = el.getBoundingClientRect();
			const now = [r.left, r.top, r.width, r.height].join();
			same = now === last ? same + 1 : 0;
			last = now;
		}
		const r = el.getBoundingClientRect();
		const x = r.left + r.width / 2, y = r.top + r.height / 2;
		const hit = document.elementFromPoint(x, y);
		if (hit !== el && !el.contains(hit)) {
			return {why: 'at ' + [Math.round(x), Math.round(y)].join() + ' in a ' + innerWidth + '×' + innerHeight + ' view, covered by ' + (hit ? hit.tagName.toLowerCase() + (hit.id ? '#' + hit.id : '') + (hit.className && typeof hit.className === 'string' ? '.' + hit.className.trim().replace(/\s+/g, '.') : '') : 'nothing')};
		}
		window.__tapped = 0;
		el.addEventListener('click', () => { window.__tapped++; }, {once: true, capture: true});
		return {why: '', x, y};
	})(` + strconv.Quote(sel) + `)`
	reached := `new Promise((done) => { const t0 = performance.now(); const look = () => (window.__tapped > 0 || performance.now() - t0 > 2000) ? done(window.__tapped > 0) : setTimeout(look, 20); look(); })`
	for try := 0; try < 2; try++ {
		// Measuring again after a short wait is the harness's patience,
		// not the page's: under load a scroll may land after the frames
		// looked still. Covered three times in a row is the page's fault.
		var at map[string]any
		for look := 0; ; look++ {
			var err error
			at, err = chromedp.Run(ctx, chromedp.Evaluate[map[string]any](js, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			why, _ := at["why"].(string)
			if why == "" {
				break
			}
			if look == 2 {
				t.Fatalf("%s: %s is %s", what, sel, why)
			}
			t.Logf("%s: %s is %s (look %d); looking again", what, sel, why, look+1)
			time.Sleep(300 * time.Millisecond)
		}
		x, _ := at["x"].(float64)
		y, _ := at["y"].(float64)
		must(t, ctx, what, chromedp.MouseClickXY(x, y))
		got, err := chromedp.Run(ctx, chromedp.Evaluate[bool](reached, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if got {
			return
		}
		t.Logf("%s: the click did not reach %s (try %d)", what, sel, try+1)
	}
	t.Errorf("%s: two taps on %s never reached it", what, sel)
}
