package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
)

// The safety screen in a real browser: a yes opens its follow-up; "yes" to
// blood thinners gives a plan at light pressure only that says why; "yes"
// to a hot, swollen calf gives no session and says why; the answers are
// kept and offered again.
func TestBrowserScreen(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()

	must(t, ctx, "open the start page and choose the scalp, 10 minutes, deep",
		browsertest.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`#screen`),
		browsertest.Click(`input[name=area][value="scalp"]`),
		browsertest.Click(`input[name=minutes][value="10"]`),
		browsertest.Click(`input[name=pressure][value="deep"]`),
	)
	followShown := `getComputedStyle(document.querySelector('input[name="a.bleeding"]').closest('.follow')).display !== 'none'`
	if eval[bool](t, ctx, followShown) {
		t.Fatal("the follow-up shows before anyone said yes")
	}
	if !eval[bool](t, ctx, `document.body.innerText.includes('not medical advice')`) {
		t.Error("the screen does not say Knead is not medical advice")
	}
	must(t, ctx, "say yes to blood thinners",
		browsertest.Click(`input[name="q.bleeding"][value="yes"]`),
	)
	if !eval[bool](t, ctx, followShown) {
		t.Fatal("a yes did not open its follow-up")
	}
	must(t, ctx, "pick blood thinners and see the plan",
		browsertest.Click(`input[name="a.bleeding"][value="thinners"]`),
		browsertest.Click(`form.start button[type=submit]`),
		chromedp.WaitVisible(`#start`),
	)
	routine := eval[string](t, ctx, `document.querySelector('.routine').innerText`)
	if strings.Contains(routine, "moderate pressure") || strings.Contains(routine, "deep pressure") || !strings.Contains(routine, "light pressure") {
		t.Errorf("with blood thinners the routine is not light only:\n%s", routine)
	}
	safety := eval[string](t, ctx, `(document.querySelector('.safety') || {innerText: ''}).innerText`)
	if !strings.Contains(safety, "every move stays light") || !strings.Contains(safety, "nccam.nih.gov") {
		t.Errorf("the plan does not say why it is light, with its source: %q", safety)
	}

	must(t, ctx, "back to the start: the answers are offered again; now a hot, swollen calf",
		browsertest.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`#screen`),
	)
	if !eval[bool](t, ctx, `document.querySelector('input[name="q.bleeding"][value="yes"]').checked && document.querySelector('input[name="a.bleeding"][value="thinners"]').checked`) {
		t.Error("the kept answers are not filled in")
	}
	must(t, ctx, "answer the calf question",
		browsertest.Click(`input[name=area][value="calves"]`),
		browsertest.Click(`input[name="q.bleeding"][value="no"]`),
		browsertest.Click(`input[name="q.calf"][value="yes"]`),
		browsertest.Click(`input[name="a.calf"][value="clot"]`),
		browsertest.Click(`form.start button[type=submit]`),
		chromedp.WaitVisible(`#form-error`),
	)
	alert := eval[string](t, ctx, `document.getElementById('form-error').innerText`)
	for _, want := range []string{"No session today", "clot", "See a doctor"} {
		if !strings.Contains(alert, want) {
			t.Errorf("the stop says %q, lacking %q", alert, want)
		}
	}
	if eval[bool](t, ctx, `!!document.getElementById('start')`) {
		t.Error("a session is offered despite a possible clot")
	}
}
