package web

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
)

// The library in a real browser: typing narrows the cards as one types and
// the place filter narrows them again; "Try this now" opens the plan of that
// one technique and Start plays it; "Add to my routine" gathers two
// techniques that play in that order.
func TestBrowserLibrarySearch(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()

	visible := `[...new Set([...document.querySelectorAll('.tcard:not([hidden])')].map((c) => c.dataset.id))]`
	must(t, ctx, "open the library", browsertest.Navigate(srv.URL+"/library"), chromedp.WaitVisible(`.libfilter input[type=search]`))
	all := eval[[]string](t, ctx, visible)
	if len(all) != len(app.cat.Techniques) {
		t.Fatalf("the library shows %d techniques, the catalog has %d", len(all), len(app.cat.Techniques))
	}
	must(t, ctx, "search for thumb", chromedp.SendKeys(`.libfilter input[type=search]`, "thumb"))
	some := eval[[]string](t, ctx, visible)
	if len(some) == 0 || len(some) >= len(all) {
		t.Fatalf("searching for thumb shows %d of %d", len(some), len(all))
	}
	for _, id := range some {
		if !strings.Contains(app.card(app.cat.Technique(id)).Words, "thumb") {
			t.Errorf("searching for thumb shows %s", id)
		}
	}
	if c := text(t, ctx, "#libcount"); !strings.Contains(c, "of "+itoa(len(app.cat.Techniques))) {
		t.Errorf("the count says %q", c)
	}
	if !strings.Contains(eval[string](t, ctx, `location.search`), "q=thumb") {
		t.Error("the address does not keep the search")
	}
	must(t, ctx, "only the feet", setFilter("area", "feet"))
	feet := eval[[]string](t, ctx, visible)
	if len(feet) == 0 || len(feet) >= len(some) {
		t.Errorf("thumb on the feet shows %d, thumb anywhere %d", len(feet), len(some))
	}
	for _, id := range feet {
		if !app.cat.Technique(id).Covers("feet") {
			t.Errorf("the feet filter shows %s", id)
		}
	}
	if eval[bool](t, ctx, `!!document.querySelector('.libgroup:not([hidden]) .tcard:not([hidden])') && [...document.querySelectorAll('.libgroup:not([hidden])')].some((g) => !g.querySelector('.tcard:not([hidden])'))`) {
		t.Error("a place with no card left is still shown")
	}

	first := feet[0]
	must(t, ctx, "add two to my routine",
		browsertest.Click(`.tcard:not([hidden])[data-id="`+first+`"] [data-add]`),
		setFilter("q", ""),
		setFilter("area", "glutes"),
	)
	second := eval[[]string](t, ctx, visible)[0]
	must(t, ctx, "the second", browsertest.Click(`.tcard:not([hidden])[data-id="`+second+`"] [data-add]`))
	if m := text(t, ctx, "#mine"); !strings.Contains(m, "(2)") {
		t.Errorf("the routine bar says %q", m)
	}
	must(t, ctx, "reload: the routine is kept; play it", chromedp.Reload(), chromedp.WaitVisible(`#mybar`), browsertest.Click(`#mine-play`), chromedp.WaitVisible(`#start`))
	items := eval[[]string](t, ctx, `JSON.parse(document.getElementById('data-request').textContent).techniques`)
	if len(items) != 2 || items[0] != first || items[1] != second {
		t.Errorf("my routine plays %v, want %s then %s", items, first, second)
	}

	must(t, ctx, "back to the library, try one now",
		browsertest.Navigate(srv.URL+"/library"),
		browsertest.Click(`.tcard[data-id="`+second+`"] .cardacts a`),
		chromedp.WaitVisible(`#start`),
	)
	if h := text(t, ctx, "#preview h1"); h != app.cat.Technique(second).Name {
		t.Errorf("Try this now shows %q, want %q", h, app.cat.Technique(second).Name)
	}
	must(t, ctx, "start", browsertest.Click(`#start`), chromedp.WaitVisible(`#player`))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.kneadTest && window.kneadTest.session() && !window.kneadTest.session().startsWith('local-'))`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("Try this now made no session on the server: %v", err)
	}
	if title := text(t, ctx, "#move-title"); title == "" {
		t.Error("the player shows no move")
	}
}

// setFilter sets one of the library's filters as a person would, with the
// input event the page listens to.
func setFilter(name, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`(() => { const el = document.querySelector('.libfilter [name="` + name + `"]'); el.value = "` + value + `"; el.dispatchEvent(new Event('input', {bubbles: true})); })()`)
}
