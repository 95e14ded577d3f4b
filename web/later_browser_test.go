package web

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"

	"github.com/knead/knead/massage"
)

// The longest plans carry their first moves' drawings and fetch the rest
// when they first play: before Start some small drawings wait, after it
// every one is drawn, and a move near the end shows its hands on the chart.
func TestBrowserLaterMotion(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	spyOnSpeech(t, ctx)
	q := url.Values{"minutes": {"120"}, "mode": {"partner"}, "pressure": {"light"}}
	for _, a := range massage.Areas {
		q.Add("area", a.ID)
	}
	must(t, ctx, "open the longest plan", browsertest.Navigate(srv.URL+"/plan?"+q.Encode()), chromedp.WaitVisible(`#start`))
	var m pageMotionJSON
	if err := json.Unmarshal([]byte(eval[string](t, ctx, `document.getElementById('data-motion').textContent`)), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Later) == 0 {
		t.Fatal("the longest plan carries all its motion: nothing to fetch later, so this test tests nothing")
	}
	const empty = `document.querySelectorAll('svg[data-thumb]:empty').length`
	before := eval[int](t, ctx, empty)
	if before == 0 {
		t.Fatal("every small drawing is drawn before Start, yet the page leaves motion for later")
	}
	must(t, ctx, "start", browsertest.Click(`#start`), chromedp.WaitVisible(`#player`))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](empty+` < `+strconv.Itoa(before), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("after Start, %d small drawings still wait: the later motion never came (%v); page errors: %v", eval[int](t, ctx, empty), err, eval[[]string](t, ctx, `window.__errors`))
	}
	total := eval[float64](t, ctx, `JSON.parse(document.getElementById('data-script').textContent).total`)
	eval[any](t, ctx, `window.kneadTest.advance(`+strconv.Itoa(int(total)-40)+`)`)
	if !eval[bool](t, ctx, `!!document.querySelector('#chart .kn-hand')`) {
		t.Errorf("near the end (%s) the chart shows no hands", strings.TrimSpace(text(t, ctx, "#move-title")))
	}
}
