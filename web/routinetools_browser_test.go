package web

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/knead/knead/internal/browsertest"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/motion"
	"github.com/knead/knead/plan"
)

// shoulderRoutine is a short routine for oneself, of the library's
// techniques, as a person keeps one.
const shoulderRoutine = `routine:
  id: desk-shoulders
  name: Desk shoulders
  mode: self
  pressure: moderate
  items:
    - technique: light-stroking-neck-shoulders
      area: shoulders
      seconds: 60
      pressure: light
    - technique: shoulder-squeeze
      area: shoulders
      seconds: 45
      pressure: moderate
`

// keepTestRoutine keeps body as my routine through the API, as an upload.
func keepTestRoutine(t *testing.T, base, body string) string {
	t.Helper()
	req, _ := json.Marshal(map[string]string{"routine": body, "person": "me"})
	res, err := http.Post(base+"/api/routines", "application/json", bytes.NewReader(req))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct{ ID string }
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != http.StatusCreated {
		t.Fatalf("keeping the routine: %d, %v", res.StatusCode, err)
	}
	return out.ID
}

// A person opens a kept routine, plans a session with it and their feet
// for 5 minutes, sees the plan (the routine first, then the feet) and
// plays its first move.
func TestBrowserRoutinePlanWithArea(t *testing.T) {
	ctx := browser(t)
	app, st := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	spyOnSpeech(t, ctx)
	id := keepTestRoutine(t, srv.URL, shoulderRoutine)

	must(t, ctx, "open the routine and plan a session with it",
		browsertest.Navigate(srv.URL+"/routines/"+id),
		chromedp.WaitVisible(`#plan-with`),
	)
	if c := text(t, ctx, "#checks"); !strings.Contains(c, "passes") || !strings.Contains(c, "2 steps") {
		t.Errorf("the routine page's checks say %q", c)
	}
	submit(t, ctx, `#plan-with`)
	if h := text(t, ctx, "#with-routine"); !strings.Contains(h, "Desk shoulders") {
		t.Fatalf("the start page does not say which routine it plans with: %q", h)
	}
	if eval[int](t, ctx, `document.querySelectorAll('input[name=mode]:not([type=hidden])').length`) != 0 {
		t.Error("the start page offers another mode than the routine's")
	}
	must(t, ctx, "pick the feet for 5 minutes and see the plan",
		chromedp.Evaluate[chromedp.Void](`document.querySelector('input[name=area][value="feet"]').click()`),
		browsertest.Click(`input[name=minutes][value="5"]`),
	)
	submit(t, ctx, `form.start button[type=submit]`)
	must(t, ctx, "the plan", chromedp.WaitVisible(`#start`))
	if title := eval[string](t, ctx, `document.title`); !strings.HasPrefix(title, "Desk shoulders, then feet") {
		t.Errorf("the plan is titled %q", title)
	}
	var script pageScriptIn
	if err := json.Unmarshal([]byte(eval[string](t, ctx, `document.getElementById('data-script').textContent`)), &script); err != nil {
		t.Fatal(err)
	}
	var moves struct{ Moves []struct{ Technique string } }
	json.Unmarshal([]byte(eval[string](t, ctx, `document.getElementById('data-script').textContent`)), &moves)
	var techniques []string
	for _, mv := range moves.Moves {
		if len(techniques) == 0 || techniques[len(techniques)-1] != mv.Technique {
			techniques = append(techniques, mv.Technique)
		}
	}
	cat, _ := catalog.Builtin()
	if len(techniques) < 3 || techniques[0] != "light-stroking-neck-shoulders" || techniques[1] != "shoulder-squeeze" {
		t.Fatalf("the plan plays %v, want the routine's two techniques first", techniques)
	}
	for _, tid := range techniques[2:] {
		if tt := cat.Technique(tid); tt == nil || !slices.ContainsFunc(tt.Areas, func(a string) bool {
			return a == "feet" || a == "toes" || strings.Contains(a, "sole") || strings.Contains(a, "foot")
		}) {
			t.Errorf("after the routine the plan plays %s, not a move on the feet", tid)
		}
	}
	if notes := text(t, ctx, "main"); !strings.Contains(notes, "First your routine “Desk shoulders”") {
		t.Errorf("the plan does not say the routine comes first: %s", notes)
	}

	must(t, ctx, "start", browsertest.Click(`#start`), chromedp.WaitVisible(`#player`))
	sid, err := chromedp.Run(ctx, chromedp.Poll[string](`window.kneadTest && window.kneadTest.session() && !window.kneadTest.session().startsWith('local-') && window.kneadTest.session()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("the session was not made on the server: %v; page errors: %v", err, eval[[]string](t, ctx, `window.__errors`))
	}
	if title := text(t, ctx, "#move-title"); title != firstNonEmpty(script.Moves[0].Title, script.Moves[0].Name) {
		t.Errorf("the first move shows %q, want %q", title, firstNonEmpty(script.Moves[0].Title, script.Moves[0].Name))
	}
	if spoken := eval[[]string](t, ctx, `window.__spoken`); len(spoken) == 0 || spoken[0] != script.Cues[0].Say {
		t.Errorf("speech was asked to say %q, want the first cue %q", spoken, script.Cues[0].Say)
	}
	x, err := st.Session(context.Background(), sid)
	if err != nil {
		t.Fatal(err)
	}
	var p plan.Plan
	json.Unmarshal(x.Plan, &p)
	if !strings.HasPrefix(x.Title, "Desk shoulders, then feet") || len(p.Items) < 3 || p.Items[0].Technique != "light-stroking-neck-shoulders" {
		t.Errorf("the session kept is %q with items %+v", x.Title, p.Items)
	}
}

// A person looks at a routine's drawings, downloads them all, and
// downloads its device export; a rate out of range is refused on the page
// with the command line's words.
func TestBrowserRoutineDrawAndExport(t *testing.T) {
	ctx := browser(t)
	app, _ := newApp(t, true)
	srv := httptest.NewServer(app)
	defer srv.Close()
	id := keepTestRoutine(t, srv.URL, shoulderRoutine)
	dir := t.TempDir()
	if _, err := chromedp.Call(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	cat, _ := catalog.Builtin()
	rt, err := catalog.ParseRoutine(cat, "r.yaml", []byte(shoulderRoutine))
	if err != nil {
		t.Fatal(err)
	}
	want := motion.RoutineDrawings(cat, rt)

	must(t, ctx, "open the routine's drawings",
		browsertest.Navigate(srv.URL+"/routines/"+id),
		browsertest.Click(`#drawings`),
		chromedp.WaitVisible(`#drawings-zip`),
	)
	if n := eval[int](t, ctx, `document.querySelectorAll('.drawing-item figure svg').length`); n != len(want) {
		t.Errorf("the drawings page shows %d pictures, want %d", n, len(want))
	}
	must(t, ctx, "download them all", browsertest.Click(`#drawings-zip`))
	zipped := waitDownload(t, filepath.Join(dir, id+"-drawings.zip"))
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(want) {
		t.Fatalf("the zip holds %d files, want %d", len(zr.File), len(want))
	}
	for i, f := range zr.File {
		var b bytes.Buffer
		motion.DrawSVG(&b, want[i].Technique, 0)
		r, _ := f.Open()
		var got bytes.Buffer
		got.ReadFrom(r)
		if f.Name != id+"/"+want[i].File || !bytes.Equal(got.Bytes(), b.Bytes()) {
			t.Errorf("zip file %d is %s (%d bytes), want %s as knead draw makes it (%d bytes)", i, f.Name, got.Len(), want[i].File, b.Len())
		}
	}

	must(t, ctx, "export JSON lines at 10 rows a second",
		browsertest.Navigate(srv.URL+"/routines/"+id),
		chromedp.WaitVisible(`#export-go`),
		browsertest.Click(`input[name=format][value="jsonl"]`),
		chromedp.SetValue(`#export-rate`, "10"),
		browsertest.Click(`#export-go`),
	)
	got := waitDownload(t, filepath.Join(dir, id+".jsonl"))
	paths, err := motion.RoutinePathsWithin(cat, rt, motion.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := motion.Prepare(paths, motion.ExportOptions{Format: "jsonl", Rate: 10, Columns: "3d", Limits: motion.DefaultLimits})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	tr.Write(&b)
	if !bytes.Equal(got, b.Bytes()) {
		t.Errorf("the downloaded export (%d bytes) is not what knead export writes (%d bytes)", len(got), b.Len())
	}

	must(t, ctx, "ask for too many rows a second",
		browsertest.Navigate(srv.URL+"/routines/"+id),
		chromedp.WaitVisible(`#export-go`),
		chromedp.SetValue(`#export-rate`, "5000"),
	)
	submit(t, ctx, `#export-go`)
	if msg := text(t, ctx, "#export-error"); !strings.Contains(msg, "expected 1 to 1000") {
		t.Errorf("a rate of 5000 is refused as %q", msg)
	}
}

// waitDownload waits for a downloaded file and gives its bytes.
func waitDownload(t *testing.T, path string) []byte {
	t.Helper()
	for range 100 {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return b
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	t.Fatalf("%s was not downloaded; the folder holds %v", filepath.Base(path), names)
	return nil
}
