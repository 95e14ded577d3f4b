package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/knead/knead/store"
)

// pastedText is a short how-to of Knead's own, as a person would paste it.
const pastedText = `Hand massage after typing

Be gentle around a sore wrist, and stop if anything tingles.

1. Hold the hand palm up and stroke from the wrist to the fingertips with both thumbs, about 30 seconds.
2. Make small circles with your thumb over the palm, 10 circles.
3. Gently pull each finger from the base to the tip, twice.
`

// A person pastes instructions, checks and edits what was found, keeps the
// routine, finds it among their routines and plays it.
func TestBrowserImportEditSavePlay(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: spy}); err != nil {
		t.Fatal(err)
	}

	must(t, ctx, "open the library and go to Import",
		chromedp.Navigate(srv.URL+"/library"),
		chromedp.Click(`a[href="/routines/import"]`),
		chromedp.WaitVisible(`#text`),
		chromedp.SetValue(`#text`, pastedText),
	)
	submit(t, ctx, `form.importer:first-of-type button[type=submit]`)
	rows := eval[int](t, ctx, `document.querySelectorAll('.steps > li').length`)
	if rows < 3 {
		t.Fatalf("the review shows %d steps, want 3; page: %s", rows, text(t, ctx, "main"))
	}
	if from := text(t, ctx, "#row0 .from"); !strings.Contains(from, "stroke from the wrist") {
		t.Errorf("step 1 is not shown beside its sentence: %q", from)
	}

	submit(t, ctx, `button[value="del-2"]`)
	if n := eval[int](t, ctx, `document.querySelectorAll('.steps > li').length`); n != rows-1 {
		t.Fatalf("after deleting a step the review shows %d steps, want %d", n, rows-1)
	}
	submit(t, ctx, `button[value="up-1"]`)
	if s := eval[string](t, ctx, `document.getElementById('row0-say').value`); !strings.Contains(s, "small circles") {
		t.Fatalf("after moving step 2 up, step 1 says %q", s)
	}

	must(t, ctx, "write a time that is no time", chromedp.SetValue(`#row0-secs`, "soon"))
	submit(t, ctx, `#save`)
	if p := text(t, ctx, "#review-problems"); !strings.Contains(p, "Step 1: The time must be a number of seconds") {
		t.Errorf("a bad time says %q", p)
	}

	must(t, ctx, "mend the time, change the words and the name, and save",
		chromedp.SetValue(`#row0-secs`, "45"),
		chromedp.SetValue(`#row0-say`, "Circle slowly over the palm with one thumb, ten times."),
		chromedp.SetValue(`#name`, "My typing break"),
	)
	submit(t, ctx, `#save`)
	if h := text(t, ctx, "h1"); h != "My typing break" {
		t.Errorf("the kept routine's page is titled %q", h)
	}
	if body := text(t, ctx, "main"); !strings.Contains(body, "Circle slowly over the palm") {
		t.Errorf("the edited words are not kept: %s", body)
	}

	list, err := st.RoutinesOf(context.Background(), store.Me)
	if err != nil || len(list) != 1 {
		t.Fatalf("kept routines: %v, %v", list, err)
	}
	must(t, ctx, "find it in My routines",
		chromedp.Navigate(srv.URL+"/library"),
		chromedp.Click(`#my-routines`),
		chromedp.WaitVisible(`#kept-me`),
	)
	if s := text(t, ctx, "#kept-me"); !strings.Contains(s, "My typing break") {
		t.Fatalf("My routines lists %q", s)
	}

	must(t, ctx, "open it and play",
		chromedp.Click(`#kept-me a`),
		chromedp.WaitVisible(`#play`),
	)
	submit(t, ctx, `#play`)
	must(t, ctx, "press play",
		chromedp.WaitVisible(`#player`),
		chromedp.Click(`#toggle`),
	)
	pos := eval[map[string]any](t, ctx, `window.kneadTest.advance(3)`)
	if pos == nil {
		t.Fatal("the player has no clock")
	}
	if title := text(t, ctx, "#move-title"); title == "" {
		t.Error("the player shows no move")
	}
	if off := eval[float64](t, ctx, `window.kneadTest.position().offset || 0`); off <= 0 {
		t.Errorf("the clock did not run: %v", pos)
	}
	if spoken := eval[[]string](t, ctx, `window.__spoken`); len(spoken) == 0 || !strings.Contains(strings.Join(spoken, " "), "Circle slowly over the palm") {
		t.Errorf("the player said %q, want the edited words", spoken)
	}
	sessions, _ := st.Sessions(context.Background(), 10)
	if len(sessions) != 1 || sessions[0].Title != "My typing break" {
		t.Errorf("sessions kept: %+v", sessions)
	}
}

// submit clicks a button that sends a form, and waits for the next page.
func submit(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	eval[any](t, ctx, `window.__stale = true`)
	must(t, ctx, "press "+sel, chromedp.Click(sel))
	for range 100 {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!window.__stale && document.readyState === 'complete'`))
		if err == nil && done {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("after pressing %s no new page came", sel)
}
