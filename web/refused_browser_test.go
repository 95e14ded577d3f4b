package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
)

// TestBrowserRefusedPlanInView: a plan Knead refuses (an hour of the ears,
// for oneself, or a stop from the safety questions) sends a phone back to
// the start page, which must open where the person sees why: the message in
// view without scrolling and focused, so a screen reader reads it first.
func TestBrowserRefusedPlanInView(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	// a household of three, as the start page shows it at home
	for _, name := range []string{"Sam", "Alex"} {
		must(t, ctx, "add "+name,
			browsertest.Navigate(srv.URL+"/"),
			browsertest.Click(`details.addperson summary`),
			chromedp.SendKeys(`details.addperson input[name=name]`, name),
			browsertest.Click(`details.addperson button[type=submit]`),
			chromedp.WaitVisible(`#people`),
		)
	}

	for _, tc := range []struct{ what, query, want string }{
		{"an hour of the ears for oneself", "/plan?area=ears&minutes=60&mode=self&pressure=moderate", "at most"},
		{"a calf that may hold a clot", "/plan?area=calves&minutes=20&pressure=moderate&q.bleeding=no&q.calf=yes&a.calf=clot", "No session today"},
	} {
		must(t, ctx, "open "+tc.what+" on a small phone",
			chromedp.EmulateViewport(360, 640),
			browsertest.Navigate(srv.URL+tc.query),
			chromedp.WaitVisible(`#form-error`),
		)
		// in view, above the bar of See the plan fixed at the bottom
		box := eval[map[string]float64](t, ctx, `(() => { const r = document.getElementById('form-error').getBoundingClientRect(); const bar = document.querySelector('.gobar'); return {top: r.top, bottom: r.bottom, bar: bar ? bar.getBoundingClientRect().top : innerHeight} })()`)
		if box["top"] < 0 || box["bottom"] > box["bar"] {
			t.Errorf("%s: the message is out of view on a phone: %v", tc.what, box)
		}
		if got := eval[string](t, ctx, `document.activeElement ? document.activeElement.id : ''`); got != "form-error" {
			t.Errorf("%s: focus is on %q, not on the message", tc.what, got)
		}
		if msg := text(t, ctx, "#form-error"); !strings.Contains(msg, tc.want) {
			t.Errorf("%s: the message says %q, lacking %q", tc.what, msg, tc.want)
		}
	}
}
