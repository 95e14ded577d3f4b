package web

import (
	"context"
	"html"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/store"
)

// The library's list kept as a routine: a good list is kept for the person
// picked, as a file `knead check` passes, and opens; each bad list is a 422
// that says what to change, and nothing is kept.
func TestLibraryRoutineKeep(t *testing.T) {
	app, st := routinesApp(t)
	ctx := context.Background()
	sam, err := st.AddPerson(ctx, "Sam")
	if err != nil {
		t.Fatal(err)
	}
	var self, partner []string
	for _, tq := range app.cat.Techniques {
		switch tq.Mode {
		case "self":
			self = append(self, tq.ID)
		case "partner":
			partner = append(partner, tq.ID)
		}
	}
	if len(self) < 2 || len(partner) < 1 {
		t.Fatalf("the catalog has %d self and %d partner techniques", len(self), len(partner))
	}
	many := make([]string, maxLibraryRoutine+1)
	for i := range many {
		many[i] = self[0]
	}
	for _, c := range []struct {
		name string
		v    url.Values
		want string
	}{
		{"empty list", url.Values{"name": {"Evening"}}, "no techniques"},
		{"unknown technique", url.Values{"name": {"Evening"}, "technique": {self[0], "no-such-rub"}}, `Technique 2, "no-such-rub", is not in Knead`},
		{"too long", url.Values{"name": {"Evening"}, "technique": many}, "more than the 40"},
		{"no name", url.Values{"name": {"  "}, "technique": {self[0]}}, "Give the routine a name"},
		{"long name", url.Values{"name": {strings.Repeat("a", 121)}, "technique": {self[0]}}, "under 120 letters"},
		{"mixed modes", url.Values{"name": {"Evening"}, "technique": {self[0], partner[0]}}, "mixes self-massage"},
		{"nobody", url.Values{"name": {"Evening"}, "person": {"Nobody"}, "technique": {self[0]}}, "Nobody by that name"},
	} {
		rec := form(t, app, "/routines/from-library", c.v)
		body := html.UnescapeString(rec.Body.String())
		if rec.Code != 422 || !strings.Contains(body, c.want) || !strings.Contains(body, "Nothing was kept") {
			t.Errorf("%s: %d, want 422 saying %q: %s", c.name, rec.Code, c.want, body)
		}
	}
	if list, _ := st.RoutinesOf(ctx, store.Me); len(list) != 0 {
		t.Fatalf("bad lists kept %d routines", len(list))
	}

	rec := form(t, app, "/routines/from-library", url.Values{"name": {"Evening wind-down"}, "person": {sam.ID}, "technique": {self[1], self[0], self[1]}})
	if rec.Code != 303 || rec.Header().Get("Location") != "/routines/evening-wind-down" {
		t.Fatalf("keeping a good list: %d %q %s", rec.Code, rec.Header().Get("Location"), rec.Body.String())
	}
	kr, err := st.RoutineByID(ctx, "evening-wind-down")
	if err != nil || kr.Person != sam.ID || kr.Name != "Evening wind-down" || kr.Seconds <= 0 {
		t.Fatalf("kept %+v, %v", kr, err)
	}
	rt, err := catalog.ParseRoutine(app.cat, "routine.yaml", []byte(kr.Body))
	if err != nil {
		t.Fatalf("the kept file does not pass the check: %v\n%s", err, kr.Body)
	}
	if len(rt.Items) != 3 || rt.Items[0].Technique != self[1] || rt.Items[1].Technique != self[0] || rt.Items[2].Technique != self[1] || rt.Mode != "self" {
		t.Errorf("the kept routine is %+v", rt)
	}
	if rec := form(t, app, "/routines/from-library", url.Values{"name": {"Evening wind-down"}, "technique": {self[0]}}); rec.Header().Get("Location") != "/routines/evening-wind-down-2" {
		t.Errorf("the same name again goes to %q", rec.Header().Get("Location"))
	}
}

// In a real browser: two techniques added in the library are kept as Sam's
// routine, the list leaves the device, and the routine is found in My
// routines, opened and played.
func TestBrowserLibraryRoutineKeep(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	sam, err := st.AddPerson(context.Background(), "Sam")
	if err != nil {
		t.Fatal(err)
	}
	var self []string
	for _, tq := range app.cat.Techniques {
		if tq.Mode == "self" {
			self = append(self, tq.ID)
		}
	}
	if len(self) < 2 {
		t.Fatalf("the catalog has %d self techniques", len(self))
	}
	first, second := self[0], self[1]
	must(t, ctx, "open the library for Sam and add two techniques",
		browsertest.Navigate(srv.URL+"/library?for="+sam.ID),
		chromedp.WaitVisible(`.libfilter input[type=search]`),
		browsertest.Click(`.tcard[data-id="`+first+`"] [data-add]`),
		browsertest.Click(`.tcard[data-id="`+second+`"] [data-add]`),
		browsertest.Click(`#mine-keepopen`),
		chromedp.WaitVisible(`#mine-keep`),
	)
	if who := eval[string](t, ctx, `document.querySelector('#mine-keep select').value`); who != sam.ID {
		t.Errorf("the routine is for %q, want Sam picked", who)
	}
	must(t, ctx, "name it", chromedp.SetValue(`#mine-keep input[name=name]`, "Desk break"))
	submit(t, ctx, `#mine-keep button[type=submit]`)
	if h := text(t, ctx, "h1"); h != "Desk break" {
		t.Fatalf("after keeping, the page is %q: %s", h, text(t, ctx, "main"))
	}
	if left := eval[string](t, ctx, `localStorage.getItem('knead.routine')`); left != "[]" && left != "" {
		t.Errorf("the device still keeps the list: %s", left)
	}
	list, err := st.RoutinesOf(context.Background(), sam.ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("Sam's routines: %v, %v", list, err)
	}
	kr, _ := st.RoutineByID(context.Background(), list[0].ID)
	if !strings.Contains(kr.Body, "technique: "+first) || strings.Index(kr.Body, "technique: "+first) > strings.Index(kr.Body, "technique: "+second) {
		t.Errorf("the kept file does not hold %s then %s:\n%s", first, second, kr.Body)
	}

	must(t, ctx, "find it in My routines",
		browsertest.Navigate(srv.URL+"/routines"),
		chromedp.WaitVisible(`#kept-`+sam.ID),
	)
	if s := text(t, ctx, "#kept-"+sam.ID); !strings.Contains(s, "Desk break") {
		t.Fatalf("My routines lists %q for Sam", s)
	}
	must(t, ctx, "open it", browsertest.Click(`#kept-`+sam.ID+` a`), chromedp.WaitVisible(`#play`))
	submit(t, ctx, `#play`)
	if n := eval[int](t, ctx, `document.querySelectorAll('#player').length`); n == 0 {
		t.Fatalf("after Play the page is %q: %s", eval[string](t, ctx, `location.pathname`), text(t, ctx, "main"))
	}
	must(t, ctx, "press play", chromedp.WaitVisible(`#player`), browsertest.Click(`#toggle`))
	if pos := eval[map[string]any](t, ctx, `window.kneadTest.advance(3)`); pos == nil {
		t.Fatal("the player has no clock")
	}
	if title := text(t, ctx, "#move-title"); title == "" {
		t.Error("the player shows no move")
	}
	if off := eval[float64](t, ctx, `window.kneadTest.position().offset || 0`); off <= 0 {
		t.Error("the clock did not run")
	}

	// A list with a technique the catalog does not have says so, keeps
	// nothing, and stays on the device.
	must(t, ctx, "back to the library", browsertest.Navigate(srv.URL+"/library"), chromedp.WaitVisible(`.libfilter`))
	eval[any](t, ctx, `localStorage.setItem('knead.routine', '["no-such-rub"]')`)
	must(t, ctx, "a bad list",
		chromedp.Reload(),
		browsertest.Click(`#mine-keepopen`),
		chromedp.WaitVisible(`#mine-keep`),
		browsertest.Click(`#mine-keep button[type=submit]`),
	)
	var said string
	for range 50 {
		if said = text(t, ctx, "#mine-said"); strings.Contains(said, "Nothing was kept") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(said, "not in Knead") {
		t.Errorf("a bad list says %q", said)
	}
	if left := eval[string](t, ctx, `localStorage.getItem('knead.routine')`); left != `["no-such-rub"]` {
		t.Errorf("after a refusal the device keeps %s", left)
	}
}
