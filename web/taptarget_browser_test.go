package web

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"
)

// On a phone, the links that take a person from page to page (the brand
// and the main menu, Settings in the footer, My routines and the import
// link in the library, the way back to My routines) are each a finger's
// height: 44 px or more, as the player's and the handouts' controls are.
func TestBrowserWayfindingTapTargets(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	for _, page := range []string{"/", "/library", "/routines", "/routines/import", "/history", "/settings"} {
		must(t, ctx, "open "+page, viewport(390, 844, true), colours("light", "no-preference"),
			browsertest.Navigate(srv.URL+page), chromedp.WaitVisible(`footer.foot`))
		small := eval[[]string](t, ctx, `[...document.querySelectorAll('.top a, .foot a, .own a, .crumbs a')]
			.filter(a => a.getClientRects().length > 0)
			.map(a => [a.textContent.trim(), a.getBoundingClientRect().height])
			.filter(([, h]) => h < 44)
			.map(([name, h]) => name + ' (' + Math.round(h) + ' px)')`)
		if len(small) > 0 {
			t.Errorf("%s: links under 44 px tall on a phone: %q", page, small)
		}
	}
}
