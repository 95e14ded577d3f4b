package web

import (
	"bytes"
	"context"
	"math"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"

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
	spyOnSpeech(t, ctx)

	must(t, ctx, "open the library and go to Import",
		browsertest.Navigate(srv.URL+"/library"),
		browsertest.Click(`a[href="/routines/import"]`),
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

	// merge the two steps, split them again at their sentences, then split
	// one at the cursor
	say0 := eval[string](t, ctx, `document.getElementById('row0-say').value`)
	say1 := eval[string](t, ctx, `document.getElementById('row1-say').value`)
	submit(t, ctx, `button[value="merge-0"]`)
	if n := eval[int](t, ctx, `document.querySelectorAll('.steps > li').length`); n != rows-2 {
		t.Fatalf("after merging two steps the review shows %d steps, want %d", n, rows-2)
	}
	if s := eval[string](t, ctx, `document.getElementById('row0-say').value`); s != say0+" "+say1 {
		t.Fatalf("the merged step says %q", s)
	}
	submit(t, ctx, `button[value="split-0"]`)
	if a, b := eval[string](t, ctx, `document.getElementById('row0-say').value`), eval[string](t, ctx, `document.getElementById('row1-say').value`); a != say0 || b != say1 {
		t.Fatalf("split at sentences gave %q and %q", a, b)
	}
	cut := eval[int](t, ctx, `(() => { const t = document.getElementById('row1-say'); const k = t.value.indexOf(' and '); t.focus(); t.setSelectionRange(k, k); t.dispatchEvent(new KeyboardEvent('keyup')); return k })()`)
	if cut <= 0 {
		t.Fatalf("step 2 has no ' and ' to split at: %q", say1)
	}
	submit(t, ctx, `button[value="cut-1"]`)
	if n := eval[int](t, ctx, `document.querySelectorAll('.steps > li').length`); n != rows {
		t.Fatalf("after splitting at the cursor the review shows %d steps, want %d", n, rows)
	}
	if a, b := eval[string](t, ctx, `document.getElementById('row1-say').value`), eval[string](t, ctx, `document.getElementById('row2-say').value`); a != strings.TrimSpace(say1[:cut]) || !strings.HasPrefix(b, "and ") {
		t.Fatalf("split at the cursor gave %q and %q", a, b)
	}

	must(t, ctx, "set repeats and pressure; write a time that is no time",
		chromedp.SetValue(`#row0-repeat`, "8-10"),
		chromedp.SetValue(`#row2-pressure`, "light"),
		chromedp.SetValue(`#row0-secs`, "soon"))
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
	if body := text(t, ctx, "main"); !strings.Contains(body, "Circle slowly over the palm") || !strings.Contains(body, "and stroke from") {
		t.Errorf("the edited words are not kept: %s", body)
	}

	list, err := st.RoutinesOf(context.Background(), store.Me)
	if err != nil || len(list) != 1 {
		t.Fatalf("kept routines: %v, %v", list, err)
	}
	if kr, err := st.RoutineByID(context.Background(), list[0].ID); err != nil || !strings.Contains(kr.Body, "repeat: {least: 8, most: 10}") || !strings.Contains(kr.Body, "pressure: light") {
		t.Errorf("the kept file lacks the repeats or the pressure set (%v):\n%s", err, kr.Body)
	}
	must(t, ctx, "find it in My routines",
		browsertest.Navigate(srv.URL+"/library"),
		browsertest.Click(`#my-routines`),
		chromedp.WaitVisible(`#kept-me`),
	)
	if s := text(t, ctx, "#kept-me"); !strings.Contains(s, "My typing break") {
		t.Fatalf("My routines lists %q", s)
	}

	must(t, ctx, "open it and play",
		browsertest.Click(`#kept-me a`),
		chromedp.WaitVisible(`#play`),
	)
	submit(t, ctx, `#play`)
	must(t, ctx, "press play",
		chromedp.WaitVisible(`#player`),
		browsertest.Click(`#toggle`),
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
	must(t, ctx, "press "+sel, browsertest.Click(sel))
	for range 100 {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!window.__stale && document.readyState === 'complete'`))
		if err == nil && done {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("after pressing %s no new page came", sel)
}

// A person uploads a routine file with a mistake and sees where it is;
// mends it, keeps it, and prints its handout (a PDF that Chromium makes).
func TestBrowserUploadAndHandout(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	dir := t.TempDir()
	bad := filepath.Join(dir, "hands.yaml")
	if err := os.WriteFile(bad, []byte(badRoutine), 0o644); err != nil {
		t.Fatal(err)
	}
	must(t, ctx, "open My routines and choose the file",
		browsertest.Navigate(srv.URL+"/routines"),
		chromedp.WaitVisible(`#routine-file`),
		chromedp.SetUploadFiles(`#routine-file`, []string{bad}),
	)
	submit(t, ctx, `#routine-file + button`)
	if msg := text(t, ctx, "#upload-error"); !strings.Contains(msg, "Line 7, column 16:") || !strings.Contains(msg, "seconds: often") {
		t.Fatalf("the upload's mistake is shown as %q", msg)
	}

	good := filepath.Join(dir, "hands-mended.yaml")
	os.WriteFile(good, []byte(strings.Replace(badRoutine, "often", "90", 1)), 0o644)
	must(t, ctx, "choose the mended file", chromedp.SetUploadFiles(`#routine-file`, []string{good}))
	submit(t, ctx, `#routine-file + button`)
	if h := text(t, ctx, "h1"); h != "My hands" {
		t.Fatalf("after a good upload the page is %q", h)
	}
	submit(t, ctx, `#handout`)
	if c := text(t, ctx, ".care-all"); !strings.Contains(c, "Stop at once if anything hurts") {
		t.Errorf("the handout's cautions are %q", c)
	}
	for _, paper := range []struct {
		name string
		w, h float64 // points
	}{{"a4", 595, 842}, {"letter", 612, 792}} {
		must(t, ctx, "open the "+paper.name+" handout", browsertest.Navigate(srv.URL+"/routines/my-hands/handout?paper="+paper.name), chromedp.WaitVisible(`.handout-page`))
		yes := true
		res, err := chromedp.Call(ctx, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PreferCSSPageSize: &yes})
		if err != nil {
			t.Fatal(err)
		}
		pdf := res.Data
		os.WriteFile(filepath.Join(dir, paper.name+".pdf"), pdf, 0o644)
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("%s: not a PDF", paper.name)
		}
		box := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`).FindSubmatch(pdf)
		if box == nil {
			t.Fatalf("%s: no page size in the PDF", paper.name)
		}
		w, _ := strconv.ParseFloat(string(box[1]), 64)
		h, _ := strconv.ParseFloat(string(box[2]), 64)
		if math.Abs(w-paper.w) > 2 || math.Abs(h-paper.h) > 2 {
			t.Errorf("%s: the page is %v x %v points, want %v x %v", paper.name, w, h, paper.w, paper.h)
		}
	}
}
