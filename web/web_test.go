package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/knead/knead/catalog"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// newApp makes the app on the built-in catalog and a fresh SQLite file.
func newApp(t testing.TB, test bool) (*Server, store.Store) {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "knead.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	app, err := New(Options{Store: st, Catalog: cat, TestClock: test, Hosts: []string{"example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	return app, st
}

// scenario is one request and what must come back.
type scenario struct {
	name    string
	method  string
	path    string
	body    string
	header  map[string]string
	status  int
	code    string // the API error's code, when one is expected
	field   string // the API error's field
	contain []string
	absent  []string
}

func do(t *testing.T, h http.Handler, sc scenario) *httptest.ResponseRecorder {
	t.Helper()
	method := sc.method
	if method == "" {
		method = http.MethodGet
	}
	req := httptest.NewRequest(method, sc.path, strings.NewReader(sc.body))
	if sc.body != "" || method == http.MethodPost {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range sc.header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func check(t *testing.T, h http.Handler, sc scenario) *httptest.ResponseRecorder {
	t.Helper()
	rec := do(t, h, sc)
	body := rec.Body.String()
	if rec.Code != sc.status {
		t.Errorf("%s: status %d, want %d; body: %.300s", sc.name, rec.Code, sc.status, body)
	}
	if sc.code != "" || sc.field != "" {
		var e struct{ Error apiError }
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
			t.Errorf("%s: the error is not JSON: %v: %.200s", sc.name, err, body)
		} else if e.Error.Code != sc.code || e.Error.Field != sc.field || e.Error.Message == "" {
			t.Errorf("%s: error %+v, want code %q field %q and a message", sc.name, e.Error, sc.code, sc.field)
		}
	}
	for _, s := range sc.contain {
		if !strings.Contains(body, s) {
			t.Errorf("%s: the answer lacks %q", sc.name, s)
		}
	}
	for _, s := range sc.absent {
		if strings.Contains(body, s) {
			t.Errorf("%s: the answer holds %q", sc.name, s)
		}
	}
	return rec
}

func TestPagesAndAPI(t *testing.T) {
	app, _ := newApp(t, false)
	tech := app.cat.Techniques[0]
	big := `{"areas":["feet"],"minutes":10,"conditions":["` + strings.Repeat("x", 70<<10) + `"]}`
	scenarios := []scenario{
		{name: "health", path: "/healthz", status: 200, contain: []string{`"ok"`}},
		{name: "start page", path: "/", status: 200, contain: []string{"What would feel good", `data-area="upper-back"`, `name="area"`, "not medical advice"}},
		{name: "library", path: "/library", status: 200, contain: []string{tech.Name, "/library/" + tech.ID}},
		{name: "a technique", path: "/library/" + tech.ID, status: 200, contain: []string{tech.Name, "Steps", "Source"}},
		{name: "no such technique", path: "/library/nope", status: 404},
		{name: "a technique links its device preview", path: "/library/back-circling-hands", status: 200,
			contain: []string{`href="/library/back-circling-hands/device-preview.svg"`, "Device preview"}},
		{name: "the device preview", path: "/library/back-circling-hands/device-preview.svg", status: 200,
			contain: []string{`<svg xmlns="http://www.w3.org/2000/svg"`, "knead_body", "solid: touching, dotted: lifted"}},
		{name: "the feet's device preview", path: "/library/toe-rotation/device-preview.svg", status: 200, contain: []string{"<svg"}},
		{name: "no such technique's device preview", path: "/library/nope/device-preview.svg", status: 404},
		{name: "a claim hedged once, the source by its title", path: "/library/knead-stomach", status: 200,
			contain: []string{"The source says it can help digestion.", "Kneading your own muscles", "usually\u00a02\u00a0min"},
			absent:  []string{"it is said to", "002_fe1dc67ada4f18f3.txt"}},
		{name: "a technique's pressure profile in words", path: "/library/back-fan-stroke", status: 200,
			contain: []string{"building slowly, pass by pass"}, absent: []string{", build."}},
		{name: "history", path: "/history", status: 200, contain: []string{"No sessions yet"}},
		{name: "plan preview", path: "/plan?area=upper-back&minutes=10&mode=partner", status: 200,
			contain: []string{"Upper back · 10 min", `id="start"`, `id="data-script"`, "Take care"}},
		{name: "plan preview of the feet and the toes plans the feet", path: "/plan?area=feet&area=toes&minutes=10", status: 200,
			contain: []string{"Feet · 10 min", `"areas":["feet"]`}},
		{name: "library cards draw their first step", path: "/library", status: 200,
			contain: []string{`<span class="thumb"><svg viewBox=`, `<use href="#chart-back"/>`, `<g id="chart-back"><g class="kn-chart" data-view="back">`, "thumb-path"},
			absent:  []string{"<text ", "<text>"}},
		{name: "the player's charts carry no labels", path: "/plan?area=feet&minutes=10&mode=partner", status: 200,
			contain: []string{`<g id="chart-foot"><g class="kn-chart" data-view="foot">`, `data-thumb="foot-warm-up#0"`}, absent: []string{"<text ", "<text>", "kn-sub"}},
		{name: "plan preview with a bad area", path: "/plan?area=wings&minutes=10", status: 422,
			contain: []string{`role="alert"`, "Areas", "unknown area"}},
		{name: "plan preview without minutes", path: "/plan?area=feet&minutes=other", status: 422, contain: []string{"Minutes"}},
		{name: "plan preview escapes what it repeats", path: "/plan?area=%3Cscript%3Ealert(1)%3C/script%3E&minutes=5", status: 422,
			absent: []string{"<script>alert(1)</script>"}, contain: []string{"&lt;script&gt;"}},
		{name: "no such page", path: "/nowhere", status: 404, contain: []string{"Knead has no page at this address", `href="/"`}},

		{name: "techniques", path: "/api/techniques", status: 200, contain: []string{`"step_count"`, tech.ID}},
		{name: "techniques for an area", path: "/api/techniques?area=feet", status: 200, contain: []string{`"feet"`}},
		{name: "techniques for no area", path: "/api/techniques?area=wings", status: 422, code: codeInvalid, field: "area"},
		{name: "one technique", path: "/api/techniques/" + tech.ID, status: 200, contain: []string{`"steps"`, `"motion"`}},
		{name: "no technique", path: "/api/techniques/nope", status: 404, code: codeNotFound},
		{name: "unknown API address", path: "/api/nothing", status: 404, code: codeNotFound},
		{name: "areas", path: "/api/areas", status: 200, contain: []string{"upper-back"}},
		{name: "choices, none yet", path: "/api/choices", status: 200, contain: []string{`"choices":null`, `"sore_spots":[]`}},

		{name: "plan", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":10,"mode":"partner"}`, status: 200,
			contain: []string{`"total_seconds":600`, `"items":[`, `"excluded":`}},
		{name: "plan: minutes out of range", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":0}`, status: 422, code: codeInvalid, field: "minutes"},
		{name: "plan: unknown area", method: "POST", path: "/api/plan", body: `{"areas":["feet","wings"],"minutes":5}`, status: 422, code: codeInvalid, field: "areas[1]"},
		{name: "plan: bad condition", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":5,"conditions":["injury:moon"]}`, status: 422, code: codeInvalid, field: "conditions[0]"},
		{name: "plan: a possible clot stops it", method: "POST", path: "/api/plan", body: `{"areas":["legs"],"minutes":10,"conditions":["possible-clot"]}`, status: 422, code: codeStop, field: "conditions[0]",
			contain: []string{`"condition":"possible-clot"`, "See a doctor"}},
		{name: "plan: pregnancy asks first", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":10,"conditions":["pregnancy"]}`, status: 422, code: codeAskFirst, field: "conditions[0]",
			contain: []string{`"condition":"pregnancy"`}},
		{name: "plan: pregnancy once cleared", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":10,"conditions":["pregnancy"],"cleared":true}`, status: 200,
			contain: []string{`"safety":[{"condition":"pregnancy"`}},
		{name: "plan: no answers is planned as before", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":10}`, status: 200,
			contain: []string{`"safety":[]`}},
		{name: "plan: bad age", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":10,"age":"toddler"}`, status: 422, code: codeInvalid, field: "age"},
		{name: "plan: wrong type", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":"ten"}`, status: 400, code: codeBadJSON, field: "minutes"},
		{name: "plan: unknown field", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":5,"hours":1}`, status: 400, code: codeBadJSON, field: "hours"},
		{name: "plan: malformed", method: "POST", path: "/api/plan", body: `{"areas":[`, status: 400, code: codeBadJSON},
		{name: "plan: two values", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":5} {}`, status: 400, code: codeBadJSON},
		{name: "plan: empty", method: "POST", path: "/api/plan", body: ``, status: 400, code: codeBadJSON},
		{name: "plan: too large", method: "POST", path: "/api/plan", body: big, status: 413, code: codeTooLarge},
		{name: "plan: not JSON", method: "POST", path: "/api/plan", body: `areas=feet`, header: map[string]string{"Content-Type": "text/plain"}, status: 415, code: codeMediaType},
		{name: "plan: from another site", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":5}`,
			header: map[string]string{"Sec-Fetch-Site": "cross-site"}, status: 403, code: codeForbidden},
		{name: "plan: another origin", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":5}`,
			header: map[string]string{"Origin": "https://evil.example"}, status: 403, code: codeForbidden},
		{name: "plan: same origin", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":5}`,
			header: map[string]string{"Origin": "http://example.com", "Sec-Fetch-Site": "same-origin"}, status: 200},

		{name: "session: none", path: "/api/sessions/nope", status: 404, code: codeNotFound},
		{name: "session page: none", path: "/session/nope", status: 404},
		{name: "progress: no session", method: "POST", path: "/api/sessions/nope/progress", body: `{"offset":1}`, status: 404, code: codeNotFound},

		{name: "manifest", path: "/manifest.webmanifest", status: 200, contain: []string{`"display":"standalone"`, "icon-512.png"}},
		{name: "service worker", path: "/sw.js", status: 200, contain: []string{"const PRECACHE", "/library/" + tech.ID, `addEventListener("fetch"`, "/offline"}},
		{name: "icon", path: "/icon.svg", status: 200, contain: []string{"<svg"}},
		{name: "unhashed static name", path: "/static/player.js", status: 404},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) { check(t, app, sc) })
	}
}

// The API's plan is exactly what plan.Make gives, as `knead plan --json` prints it.
func TestAPIPlanMatchesPlanner(t *testing.T) {
	app, _ := newApp(t, false)
	body := `{"areas":["scalp","feet"],"minutes":20,"mode":"partner","pressure":"light","conditions":["sensitive:face"],"seed":3}`
	rec := check(t, app, scenario{name: "plan", method: "POST", path: "/api/plan", body: body, status: 200})
	var req plan.Request
	json.Unmarshal([]byte(body), &req)
	p, err := plan.Make(app.cat, req)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(p)
	var a, b any
	json.Unmarshal(want, &a)
	json.Unmarshal(rec.Body.Bytes(), &b)
	if d := cmp.Diff(a, b); d != "" {
		t.Errorf("API plan differs from plan.Make (-want +got):\n%s", d)
	}
}

func TestSessionLifecycle(t *testing.T) {
	app, st := newApp(t, false)
	rec := check(t, app, scenario{name: "create", method: "POST", path: "/api/sessions",
		body: `{"areas":["upper-back"],"minutes":5,"mode":"partner"}`, status: 201, contain: []string{`"script"`, `"moves"`}})
	var s sessionJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	// 300 s of hands-on time, and the changes of place between moves
	if rec.Header().Get("Location") != "/session/"+s.ID || s.Total < 300 {
		t.Fatalf("created %s (total %v) at %q", s.ID, s.Total, rec.Header().Get("Location"))
	}
	base := "/api/sessions/" + s.ID
	steps := []scenario{
		{name: "progress", method: "POST", path: base + "/progress", body: `{"offset":70.5,"running":true}`, status: 200, contain: []string{`"offset":70.5`}},
		{name: "progress past the end", method: "POST", path: base + "/progress", body: `{"offset":9999}`, status: 422, code: codeInvalid, field: "offset"},
		{name: "progress without offset", method: "POST", path: base + "/progress", body: `{}`, status: 422, code: codeInvalid, field: "offset"},
		{name: "progress negative", method: "POST", path: base + "/progress", body: `{"offset":-1}`, status: 422, code: codeInvalid, field: "offset"},
		{name: "feedback", method: "POST", path: base + "/feedback", body: `{"key":"k1","kind":"sore","offset":71}`, status: 201, contain: []string{`"area":"upper-back"`}},
		{name: "feedback again", method: "POST", path: base + "/feedback", body: `{"key":"k1","kind":"sore","offset":71}`, status: 200},
		{name: "feedback to take back", method: "POST", path: base + "/feedback", body: `{"key":"k3","kind":"firmer","offset":72}`, status: 201},
		{name: "take it back", method: "DELETE", path: base + "/feedback/k3", status: 200, contain: []string{`"voided":true`}},
		{name: "take it back again", method: "DELETE", path: base + "/feedback/k3", status: 200, contain: []string{`"voided":false`}},
		{name: "the press sent late is not kept", method: "POST", path: base + "/feedback", body: `{"key":"k3","kind":"firmer","offset":72}`, status: 200},
		{name: "take back a press never made", method: "DELETE", path: base + "/feedback/k9", status: 404, code: codeNotFound},
		{name: "take back in no session", method: "DELETE", path: "/api/sessions/nope/feedback/k1", status: 404, code: codeNotFound},
		{name: "take back from another site", method: "DELETE", path: base + "/feedback/k1", header: map[string]string{"Sec-Fetch-Site": "cross-site"}, status: 403, code: codeForbidden},
		{name: "progress with what was played and skipped", method: "POST", path: base + "/progress", body: `{"offset":70.5,"running":true,"played":40.25,"skipped":[0]}`, status: 200,
			contain: []string{`"played":40.25`, `"skipped":[0]`}},
		{name: "progress skipping no move", method: "POST", path: base + "/progress", body: `{"offset":70.5,"skipped":[0,999]}`, status: 422, code: codeInvalid, field: "skipped[1]"},
		{name: "progress skipping twice", method: "POST", path: base + "/progress", body: `{"offset":70.5,"skipped":[0,0]}`, status: 422, code: codeInvalid, field: "skipped[1]"},
		{name: "progress played negative", method: "POST", path: base + "/progress", body: `{"offset":70.5,"played":-3}`, status: 422, code: codeInvalid, field: "played"},
		{name: "progress from an older player keeps them", method: "POST", path: base + "/progress", body: `{"offset":70.5,"running":true}`, status: 200,
			contain: []string{`"played":40.25`, `"skipped":[0]`}},
		{name: "feedback kind", method: "POST", path: base + "/feedback", body: `{"key":"k2","kind":"tickles","offset":71}`, status: 422, code: codeInvalid, field: "kind"},
		{name: "feedback key", method: "POST", path: base + "/feedback", body: `{"key":"<b>","kind":"good","offset":71}`, status: 422, code: codeInvalid, field: "key"},
		{name: "finish rating", method: "POST", path: base + "/finish", body: `{"rating":9,"note":"x"}`, status: 422, code: codeInvalid, field: "rating"},
		{name: "finish note", method: "POST", path: base + "/finish", body: `{"rating":4,"note":"` + strings.Repeat("é", 2001) + `"}`, status: 422, code: codeInvalid, field: "note"},
		{name: "finish", method: "POST", path: base + "/finish", body: `{"rating":4,"note":"<script>alert(1)</script> lovely"}`, status: 200, contain: []string{`"rating":4`}},
		{name: "history escapes the note", path: "/history", status: 200, contain: []string{"&lt;script&gt;alert(1)&lt;/script&gt; lovely"}, absent: []string{"<script>alert(1)"}},
		{name: "choices remembered", path: "/api/choices", status: 200, contain: []string{`"areas":["upper-back"]`, `"area":"upper-back"`, `"count":1`}},
		{name: "start page offers them again", path: "/", status: 200, contain: []string{"Same as last time", "/plan?area=upper-back"}},
		{name: "session page", path: "/session/" + s.ID, status: 200, contain: []string{`id="data-session"`, s.ID}},
		{name: "sessions", path: "/api/sessions", status: 200, contain: []string{s.ID, `"rating":4`, `"played":40.25`, `"skipped":1`}},
		{name: "history says what was played and skipped", path: "/history", status: 200, contain: []string{"1 skipped", "0:40 played"}},
	}
	for _, sc := range steps {
		check(t, app, sc)
	}
	got, err := st.Session(context.Background(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Progress.Offset != 70.5 || got.Progress.Move != s2move(t, got, 70.5) || len(got.Feedback) != 1 || got.Ending.Rating != 4 || got.Progress.Played != 40.25 {
		t.Errorf("stored: progress %+v, %d feedback, rating %d", got.Progress, len(got.Feedback), got.Ending.Rating)
	}
}

// A create sent again with its Idempotency-Key (a retry after a lost
// answer) gives the same session; a bad key is refused by name.
func TestCreateSessionOnce(t *testing.T) {
	app, st := newApp(t, false)
	body := `{"areas":["feet"],"minutes":5,"mode":"partner"}`
	key := map[string]string{"Idempotency-Key": "press-1"}
	first := check(t, app, scenario{name: "create", method: "POST", path: "/api/sessions", body: body, header: key, status: 201})
	again := check(t, app, scenario{name: "again", method: "POST", path: "/api/sessions", body: body, header: key, status: 200})
	var a, b sessionJSON
	json.Unmarshal(first.Body.Bytes(), &a)
	json.Unmarshal(again.Body.Bytes(), &b)
	if a.ID == "" || a.ID != b.ID || again.Header().Get("Location") != "/session/"+a.ID || len(b.Script) < 10 {
		t.Errorf("the retry gave %q (%d bytes of script) at %q, want %q", b.ID, len(b.Script), again.Header().Get("Location"), a.ID)
	}
	check(t, app, scenario{name: "another key", method: "POST", path: "/api/sessions", body: body, header: map[string]string{"Idempotency-Key": "press-2"}, status: 201})
	check(t, app, scenario{name: "no key", method: "POST", path: "/api/sessions", body: body, status: 201})
	check(t, app, scenario{name: "a bad key", method: "POST", path: "/api/sessions", body: body,
		header: map[string]string{"Idempotency-Key": "<b>"}, status: 422, code: codeInvalid, field: "Idempotency-Key"})
	if list, err := st.Sessions(context.Background(), 10); err != nil || len(list) != 3 {
		t.Errorf("%d sessions kept, want 3 (%v)", len(list), err)
	}
}

// s2move finds the move playing at offset in a stored session's script.
func s2move(t *testing.T, x *store.Session, offset float64) int {
	var sc struct {
		Moves []struct{ Start float64 }
	}
	if err := json.Unmarshal(x.Script, &sc); err != nil {
		t.Fatal(err)
	}
	i := 0
	for j, m := range sc.Moves {
		if m.Start <= offset {
			i = j
		}
	}
	return i
}

func TestStaticFilesAndGzip(t *testing.T) {
	app, _ := newApp(t, false)
	u, err := app.assets.url("player.js")
	if err != nil {
		t.Fatal(err)
	}
	rec := do(t, app, scenario{path: u, header: map[string]string{"Accept-Encoding": "gzip"}})
	if rec.Code != 200 || rec.Header().Get("Content-Encoding") != "gzip" || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
		t.Fatalf("static: %d %v", rec.Code, rec.Header())
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	js, _ := io.ReadAll(zr)
	if !bytes.Contains(js, []byte("speechSynthesis")) {
		t.Error("the gzipped player does not hold the player")
	}
	page := do(t, app, scenario{path: "/", header: map[string]string{"Accept-Encoding": "gzip"}})
	if page.Header().Get("Content-Encoding") != "gzip" {
		t.Errorf("pages are not gzipped: %v", page.Header())
	}
	plain := do(t, app, scenario{path: "/"})
	if plain.Header().Get("Content-Encoding") != "" || !strings.Contains(plain.Body.String(), "<!doctype html>") {
		t.Error("a client without gzip got gzip")
	}
	if csp := plain.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'sha256-") {
		t.Errorf("CSP = %q", csp)
	}
	for _, size := range []string{"192", "512"} {
		rec := do(t, app, scenario{path: "/icon-" + size + ".png"})
		img, err := png.Decode(rec.Body)
		if err != nil || img.Bounds().Dx() != atoi(size) {
			t.Errorf("icon %s: %v", size, err)
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// Every page's template names only static files that exist, and every
// page renders for every technique.
func TestEveryTechniquePageRenders(t *testing.T) {
	app, _ := newApp(t, false)
	for _, tech := range app.cat.Techniques {
		check(t, app, scenario{name: tech.ID, path: "/library/" + tech.ID, status: 200, contain: []string{tech.Name}})
	}
}

// The real server on a free port answers its health check.
func TestBootsOnAFreePort(t *testing.T) {
	app, _ := newApp(t, false)
	srv := httptest.NewServer(app)
	defer srv.Close()
	c := &http.Client{Timeout: 5 * time.Second}
	r, err := c.Get(srv.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != 200 {
		t.Errorf("healthz = %d", r.StatusCode)
	}
}
