package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/howto"
	"github.com/knead/knead/store"
)

// routinesApp is the app with a fetcher whose names resolve from a table:
// inside.example to a private address, so that the refusal is what runs.
func routinesApp(t *testing.T) (*Server, store.Store) {
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
	app, err := New(Options{Store: st, Catalog: cat, Hosts: []string{"example.com"},
		Fetch: FetchOptions{Resolver: fakeResolver{"inside.example": {"10.0.0.7"}}}})
	if err != nil {
		t.Fatal(err)
	}
	return app, st
}

func jsonBody(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// a routine file with a mistake on line 7: "often" is no number of seconds.
const badRoutine = `routine:
  id: my-hands
  name: My hands
  mode: self
  items:
    - technique: palm-thumb-circles
      seconds: often
`

func TestRoutinesAPI(t *testing.T) {
	app, _ := routinesApp(t)
	rec := check(t, app, scenario{name: "import a text", method: "POST", path: "/api/import",
		body: jsonBody(importRequest{Text: pastedText, Name: "typing.txt"}), status: 200,
		contain: []string{`"steps":[{"n":1`, `stroke from the wrist`, `"routine":"`}})
	var imp importJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &imp); err != nil || imp.Routine == "" || len(imp.Steps) < 3 {
		t.Fatalf("import answer %+v: %v", imp, err)
	}

	for _, sc := range []scenario{
		{name: "neither text nor url", method: "POST", path: "/api/import", body: `{}`, status: 422, code: codeInvalid, field: "text"},
		{name: "both text and url", method: "POST", path: "/api/import", body: jsonBody(importRequest{Text: "x", URL: "https://a.example/"}), status: 422, code: codeInvalid, field: "text"},
		{name: "a PDF", method: "POST", path: "/api/import", body: jsonBody(importRequest{Text: "%PDF-1.7\n1 0 obj"}), status: 422, code: codeInvalid, field: "text", contain: []string{"PDF"}},
		{name: "no steps", method: "POST", path: "/api/import", body: jsonBody(importRequest{Text: "Massage is pleasant. Many people like it."}), status: 422, code: codeInvalid, field: "text", contain: []string{"No hands-on steps"}},
		{name: "a private address", method: "POST", path: "/api/import", body: jsonBody(importRequest{URL: "http://inside.example/page"}), status: 422, code: codeInvalid, field: "url", contain: []string{"private network address"}},
		{name: "a file address", method: "POST", path: "/api/import", body: jsonBody(importRequest{URL: "file:///etc/passwd"}), status: 422, code: codeInvalid, field: "url", contain: []string{"http and https addresses only"}},
		{name: "bad JSON", method: "POST", path: "/api/import", body: `{"text":`, status: 400, code: codeBadJSON},
		{name: "unknown field", method: "POST", path: "/api/import", body: `{"txt":"x"}`, status: 400, code: codeBadJSON, field: "txt"},
		{name: "too large", method: "POST", path: "/api/import", body: jsonBody(importRequest{Text: strings.Repeat("a", maxImportBytes+70<<10)}), status: 413, code: codeTooLarge},
		{name: "a routine with a mistake", method: "POST", path: "/api/routines", body: jsonBody(newRoutineRequest{Routine: badRoutine}), status: 422, code: codeInvalid, field: "routine",
			contain: []string{`"problems":[{"line":7,"col":16`}},
		{name: "an empty routine", method: "POST", path: "/api/routines", body: jsonBody(newRoutineRequest{}), status: 422, code: codeInvalid, field: "routine"},
		{name: "nobody", method: "POST", path: "/api/routines", body: jsonBody(newRoutineRequest{Routine: imp.Routine, Person: "Nobody"}), status: 422, code: codeInvalid, field: "person"},
		{name: "a routine not kept", path: "/api/routines/nothing-here", status: 404, code: codeNotFound},
		{name: "a bad id", path: "/api/routines/Not_An_Id", status: 404, code: codeNotFound},
		{name: "deleting a routine not kept", method: "DELETE", path: "/api/routines/nothing-here", status: 404, code: codeNotFound},
		{name: "a wrong method", method: "PUT", path: "/api/routines/x", status: 405, code: codeMethod},
	} {
		check(t, app, sc)
	}

	rec = check(t, app, scenario{name: "keep it", method: "POST", path: "/api/routines", body: jsonBody(newRoutineRequest{Routine: imp.Routine}), status: 201})
	var kept routineJSON
	json.Unmarshal(rec.Body.Bytes(), &kept)
	if kept.ID == "" || kept.Person != store.Me || kept.Seconds <= 0 || rec.Header().Get("Location") != "/api/routines/"+kept.ID {
		t.Fatalf("kept %+v, Location %q", kept, rec.Header().Get("Location"))
	}
	check(t, app, scenario{name: "list", path: "/api/routines", status: 200, contain: []string{`"id":"` + kept.ID + `"`}, absent: []string{`"routine":`}})
	check(t, app, scenario{name: "read", path: "/api/routines/" + kept.ID, status: 200, contain: []string{`"routine":"`}})
	check(t, app, scenario{name: "delete", method: "DELETE", path: "/api/routines/" + kept.ID, status: 204})
	check(t, app, scenario{name: "deleted", path: "/api/routines/" + kept.ID, status: 404, code: codeNotFound})
}

// form sends a form as a browser does, from the app's own origin.
func form(t *testing.T, h http.Handler, path string, v url.Values) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// upload sends one file in a multipart form.
func upload(t *testing.T, h http.Handler, path string, fields map[string]string, file, content string) *httptest.ResponseRecorder {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("file", file)
	fw.Write([]byte(content))
	mw.Close()
	req := httptest.NewRequest("POST", path, &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// values is the review form as the page sends it (review.html's fields).
func values(d *draft) url.Values {
	v := url.Values{"keep": {d.Keep}, "person": {d.Person}, "name": {d.Name}, "mode": {d.Mode}, "base": {d.Base},
		"rows": {fmt.Sprint(len(d.Rows))}, "prep-offer": d.PrepOffer, "prep": d.Prep, "caution-offer": d.CautionOffer,
		"caution": d.Caution, "note": d.Notes, "unsure": d.Unsure, "pressure": {d.Pressure}}
	for i, r := range d.Rows {
		p := fmt.Sprintf("row%d-", i)
		v.Set(p+"name", r.Name)
		v.Set(p+"say", r.Say)
		v.Set(p+"area", r.Area)
		v.Set(p+"secs", r.Secs)
		v.Set(p+"side", r.Side)
		v.Set(p+"technique", r.Technique)
		v.Set(p+"data", r.Data)
		v.Set(p+"from", r.From)
		v.Set(p+"line", fmt.Sprint(r.Line))
		v.Set(p+"repeat", r.Repeat)
		v.Set(p+"pressure", r.Pressure)
		v.Set(p+"cut", r.Cut)
	}
	return v
}

func TestImportPageRefusals(t *testing.T) {
	app, _ := routinesApp(t)
	for _, tt := range []struct {
		name   string
		rec    *httptest.ResponseRecorder
		status int
		want   string
	}{
		{"nothing pasted", form(t, app, "/routines/import", url.Values{"how": {"paste"}, "text": {"  "}}), 422, "Paste the text"},
		{"a PDF file", upload(t, app, "/routines/import", map[string]string{"how": "file"}, "guide.pdf", "%PDF-1.4"), 422, "not a file Knead reads"},
		{"a PDF named .txt", upload(t, app, "/routines/import", map[string]string{"how": "file"}, "guide.txt", "%PDF-1.4\n%âãÏÓ"), 422, "This is a PDF"},
		{"an image named .md", upload(t, app, "/routines/import", map[string]string{"how": "file"}, "x.md", "\x89PNG\r\n\x1a\n\x00\x00"), 422, "not a text"},
		{"no file", upload(t, app, "/routines/import", map[string]string{"how": "file"}, "", ""), 422, "Choose a file first"},
		{"a private address", form(t, app, "/routines/import", url.Values{"how": {"url"}, "url": {"http://inside.example/"}}), 422, "private network address"},
		{"a loopback address", form(t, app, "/routines/import", url.Values{"how": {"url"}, "url": {"http://127.0.0.1:9/"}}), 422, "loopback"},
		{"no instructions", form(t, app, "/routines/import", url.Values{"how": {"paste"}, "text": {"Massage is pleasant."}}), 422, "No hands-on steps"},
		{"too large", form(t, app, "/routines/import", url.Values{"how": {"paste"}, "text": {strings.Repeat("a", 1200<<10)}}), 413, "over"},
	} {
		if tt.rec.Code != tt.status || !strings.Contains(tt.rec.Body.String(), tt.want) {
			t.Errorf("%s: %d, want %d with %q; %.300s", tt.name, tt.rec.Code, tt.status, tt.want, tt.rec.Body.String())
		}
	}
}

// The review form, end to end on the server: import, edit, refuse bad
// fields in plain words, save, then play, print, download and delete.
func TestReviewSavePlayPrintDownload(t *testing.T) {
	app, st := routinesApp(t)
	res, err := howto.Import([]byte(pastedText), howto.Options{Catalog: app.cat})
	if err != nil {
		t.Fatal(err)
	}
	d := app.draftFromImport(res)
	d.Person = store.Me
	if len(d.Rows) < 3 || d.Rows[0].From == "" || d.Rows[0].Line == 0 {
		t.Fatalf("draft rows %+v", d.Rows)
	}

	bad := *d
	bad.Rows = append([]draftRow(nil), d.Rows...)
	bad.Name = ""
	bad.Rows[0].Secs = "a while"
	bad.Rows[1].Say = ""
	bad.Rows[2].Area = "elbow-pit"
	v := values(&bad)
	v.Set("action", "save")
	rec := form(t, app, "/routines/review", v)
	body := rec.Body.String()
	if rec.Code != 422 {
		t.Fatalf("a bad review saved: %d", rec.Code)
	}
	for _, want := range []string{"Give the routine a name.", "Step 1: The time must be a number of seconds from 5 to 1800; it says &#34;a while&#34;.",
		"Step 2: This step has no words.", "Step 3: Pick the place on the body"} {
		if !strings.Contains(body, want) {
			t.Errorf("the review does not say %q", want)
		}
	}
	if list, _ := st.RoutinesOf(context.Background(), store.Me); len(list) != 0 {
		t.Fatalf("a refused review kept %d routines", len(list))
	}

	d.Rows[0].Say = "Stroke the back of the hand toward the wrist, slowly."
	d.Name = "Hands at the desk"
	v = values(d)
	v.Set("action", "save")
	rec = form(t, app, "/routines/review", v)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("save: %d %.400s", rec.Code, rec.Body.String())
	}
	where := rec.Header().Get("Location")
	id := strings.TrimPrefix(where, "/routines/")
	kr, err := st.RoutineByID(context.Background(), id)
	if err != nil || kr.Name != "Hands at the desk" || !strings.Contains(kr.Body, "toward the wrist, slowly") {
		t.Fatalf("kept %+v, %v", kr, err)
	}
	// the kept file passes the check on its own
	if _, err := catalog.ParseRoutine(app.cat, "kept.yaml", []byte(kr.Body)); err != nil {
		t.Fatalf("the kept file does not pass the check: %v", err)
	}

	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec
	}
	if rec := get(where); rec.Code != 200 || !strings.Contains(rec.Body.String(), "toward the wrist, slowly") {
		t.Errorf("routine page: %d", rec.Code)
	}
	rec = get(where + "/handout?paper=letter")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "paper-letter") || !strings.Contains(rec.Body.String(), "sore wrist") {
		t.Errorf("handout: %d, lacks the paper or the text's warning: %.300s", rec.Code, rec.Body.String())
	}
	rec = get(where + "/file")
	if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Disposition"), id+".yaml") || rec.Body.String() != kr.Body {
		t.Errorf("download: %d %q", rec.Code, rec.Header().Get("Content-Disposition"))
	}
	rec = get(where + "/edit")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `name="keep" value="`+id+`"`) {
		t.Errorf("edit: %d", rec.Code)
	}

	rec = form(t, app, where+"/play", url.Values{})
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/session/") {
		t.Fatalf("play: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	sid := strings.TrimPrefix(rec.Header().Get("Location"), "/session/")
	x, err := st.Session(context.Background(), sid)
	if err != nil || x.Title != "Hands at the desk" || x.Total <= 0 {
		t.Fatalf("session %+v, %v", x, err)
	}
	if rec := get("/session/" + sid); rec.Code != 200 {
		t.Errorf("session page: %d", rec.Code)
	}

	rec = form(t, app, where+"/delete", url.Values{})
	if rec.Code != http.StatusSeeOther {
		t.Errorf("delete: %d", rec.Code)
	}
	if rec := get(where); rec.Code != 404 {
		t.Errorf("a deleted routine's page: %d", rec.Code)
	}
}

func TestReviewButtons(t *testing.T) {
	d := &draft{Rows: []draftRow{{Name: "a"}, {Name: "b"}, {Name: "c"}}}
	for _, tt := range []struct{ action, want string }{
		{"up-1", "bac"}, {"up-0", "bac"}, {"down-2", "bac"}, {"down-0", "abc"}, {"del-1", "ac"}, {"del-9", "ac"}, {"up-x", "ac"}, {"", "ac"},
	} {
		d.apply(tt.action)
		got := ""
		for _, r := range d.Rows {
			got += r.Name
		}
		if got != tt.want {
			t.Errorf("%s: %s, want %s", tt.action, got, tt.want)
		}
	}
	if _, err := draftFromForm(url.Values{"rows": {"100000"}}); err == nil {
		t.Error("a form of 100000 rows was read")
	}
	if _, err := draftFromForm(url.Values{"rows": {"-1"}}); err == nil {
		t.Error("a form of -1 rows was read")
	}
}

func TestUploadShowsLineAndColumn(t *testing.T) {
	app, st := routinesApp(t)
	rec := upload(t, app, "/routines/upload", nil, "hands.yaml", badRoutine)
	body := rec.Body.String()
	if rec.Code != 422 || !strings.Contains(body, "Line 7, column 16:") || !strings.Contains(body, "seconds: often") || !strings.Contains(body, "nothing was kept") {
		t.Errorf("upload of a file with a mistake: %d %.600s", rec.Code, body)
	}
	rec = upload(t, app, "/routines/upload", nil, "own.yaml", "techniques:\n  - id: x\n")
	if rec.Code != 422 {
		t.Errorf("a file of techniques: %d", rec.Code)
	}
	good := strings.Replace(badRoutine, "often", "60", 1)
	rec = upload(t, app, "/routines/upload", nil, "hands.yaml", good)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/routines/my-hands" {
		t.Fatalf("upload of a good file: %d %q %.300s", rec.Code, rec.Header().Get("Location"), rec.Body.String())
	}
	// the same file again is kept beside it, under a free id
	rec = upload(t, app, "/routines/upload", nil, "hands.yaml", good)
	if rec.Header().Get("Location") != "/routines/my-hands-2" {
		t.Errorf("second upload went to %q", rec.Header().Get("Location"))
	}
	if list, _ := st.RoutinesOf(context.Background(), store.Me); len(list) != 2 {
		t.Errorf("%d routines kept", len(list))
	}
}

// A routine file that `knead import` wrote declares its author's warnings
// and preparations of its own. Uploaded, it is kept (it was refused before),
// with each of them as a note shown on the routine's page and handout, and
// the kept file passes the check on its own.
func TestUploadImportedFileKeepsItsWarnings(t *testing.T) {
	app, st := routinesApp(t)
	data, err := os.ReadFile(filepath.Join("..", "cli", "testdata", "imported-feet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	check(t, app, scenario{name: "upload an imported file", method: "POST", path: "/api/routines",
		body: jsonBody(newRoutineRequest{Routine: string(data)}), status: 201})
	list, err := st.RoutinesOf(context.Background(), store.Me)
	if err != nil || len(list) != 1 {
		t.Fatalf("kept %d routines, %v", len(list), err)
	}
	kr, err := st.RoutineByID(context.Background(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := catalog.ParseRoutine(app.cat, "kept.yaml", []byte(kr.Body)); err != nil {
		t.Fatalf("the kept file does not pass the check: %v", err)
	}
	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("GET", "/routines/"+kr.ID, nil))
	page := html.UnescapeString(rec.Body.String())
	for _, want := range []string{"The text warns: Staying off any corns", "gout or a swollen toe joint", "top of the foot", "Before you start:"} {
		if !strings.Contains(page, want) {
			t.Errorf("the routine's page lacks %q", want)
		}
	}
}

// A routine kept in a spreadsheet and saved as CSV is read on the Import
// page as any text: its rows reach the review form, its header does not.
func TestImportSpreadsheetFile(t *testing.T) {
	app, _ := routinesApp(t)
	sheet := "step,where,what to do,how long\n" +
		"1,sole,\"Rest your right foot on the ball and roll it slowly from the heel to the toes\",1 min\n" +
		"2,arch,\"Park the ball under the arch, press down into it and hold\",30 sec\n"
	rec := upload(t, app, "/routines/import", map[string]string{"how": "file"}, "feet.csv", sheet)
	page := html.UnescapeString(rec.Body.String())
	if rec.Code != 200 || !strings.Contains(page, "Rest your right foot on the ball") || !strings.Contains(page, "Park the ball under the arch") {
		t.Fatalf("%d; the review lacks the rows: %.400s", rec.Code, page)
	}
	if strings.Contains(page, "what to do") {
		t.Errorf("the header row reached the review")
	}
}
