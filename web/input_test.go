package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/store"
)

// newSessionID makes a real session through the API and gives its id.
func newSessionID(t *testing.T, app http.Handler) string {
	t.Helper()
	rec := check(t, app, scenario{name: "create", method: "POST", path: "/api/sessions",
		body: `{"areas":["upper-back"],"minutes":5,"mode":"partner"}`, status: 201})
	var s sessionJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// Input is refused where it starts: the media type, text that is not
// UTF-8 or holds a NUL (in any field), ids not of their form; wrong
// methods get 405 with Allow; every answer on /api is typed JSON.
func TestInputRefusedWhereItStarts(t *testing.T) {
	app, st := newApp(t, false)
	id := newSessionID(t, app)
	base := "/api/sessions/" + id
	plan := `{"areas":["feet"],"minutes":5}`
	ct := func(v string) map[string]string { return map[string]string{"Content-Type": v} }
	scenarios := []scenario{
		// media type: exactly application/json, charset utf-8 allowed
		{name: "no Content-Type", method: "POST", path: "/api/plan", body: plan, header: ct(""), status: 415, code: codeMediaType},
		{name: "application/jsonpatch", method: "POST", path: "/api/plan", body: plan, header: ct("application/jsonpatch"), status: 415, code: codeMediaType},
		{name: "application/json-seq", method: "POST", path: "/api/plan", body: plan, header: ct("application/json-seq"), status: 415, code: codeMediaType},
		{name: "a latin-1 charset", method: "POST", path: "/api/plan", body: plan, header: ct("application/json; charset=latin1"), status: 415, code: codeMediaType},
		{name: "charset utf-8", method: "POST", path: "/api/plan", body: plan, header: ct("application/json; charset=UTF-8"), status: 200},
		{name: "upper case", method: "POST", path: "/api/plan", body: plan, header: ct("Application/JSON"), status: 200},
		// text: NUL and invalid UTF-8 in any field
		{name: "NUL in the note", method: "POST", path: base + "/finish", body: `{"rating":3,"note":"a\u0000b"}`, status: 422, code: codeInvalid, field: "note"},
		{name: "invalid UTF-8 in the note", method: "POST", path: base + "/finish", body: "{\"rating\":3,\"note\":\"caf\xe9\"}", status: 422, code: codeInvalid},
		{name: "NUL in a feedback key", method: "POST", path: base + "/feedback", body: `{"key":"k\u0000","kind":"good","offset":1}`, status: 422, code: codeInvalid, field: "key"},
		{name: "NUL in a condition", method: "POST", path: "/api/plan", body: `{"areas":["feet"],"minutes":5,"conditions":["x\u0000"]}`, status: 422, code: codeInvalid, field: "conditions[0]"},
		{name: "NUL in an area of a new session", method: "POST", path: "/api/sessions", body: `{"areas":["feet\u0000"],"minutes":5}`, status: 422, code: codeInvalid, field: "areas[0]"},
		{name: "invalid UTF-8 in a plan", method: "POST", path: "/api/plan", body: "{\"areas\":[\"f\xffeet\"],\"minutes\":5}", status: 422, code: codeInvalid},
		// ids by their form
		{name: "a session id with a NUL", path: "/api/sessions/%00", status: 404, code: codeNotFound},
		{name: "a session id in latin-1", method: "POST", path: "/api/sessions/caf%E9/finish", body: `{"rating":3}`, status: 404, code: codeNotFound},
		{name: "a session id of the wrong form", method: "POST", path: "/api/sessions/" + strings.Repeat("z", 24) + "/progress", body: `{"offset":1}`, status: 404, code: codeNotFound},
		{name: "a session id too long", path: "/api/sessions/" + strings.Repeat("a", 300), status: 404, code: codeNotFound},
		{name: "a technique id with a NUL", path: "/api/techniques/back%00", status: 404, code: codeNotFound},
		{name: "a session page id with invalid UTF-8", path: "/session/%FF%FE", status: 404},
		// methods
		{name: "DELETE a session", method: "DELETE", path: base, status: 405, code: codeMethod},
		{name: "GET a finish", path: base + "/finish", status: 405, code: codeMethod},
		{name: "PUT the plan", method: "PUT", path: "/api/plan", body: plan, status: 405, code: codeMethod},
		{name: "PATCH the sessions", method: "PATCH", path: "/api/sessions", status: 405, code: codeMethod},
		{name: "no such API address", method: "DELETE", path: "/api/nothing", status: 404, code: codeNotFound},
		// the standard library's redirects come out typed too
		{name: "a path to clean", path: "/api//areas", status: 307, code: codeMoved},
		{name: "the API's root", path: "/api", status: 307, code: codeMoved},
	}
	for _, sc := range scenarios {
		rec := check(t, app, sc)
		if ct := rec.Header().Get("Content-Type"); strings.HasPrefix(sc.path, "/api") && !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%s: Content-Type %q, want JSON", sc.name, ct)
		}
	}
	allow := map[string]string{base: "GET, HEAD", base + "/finish": "POST", "/api/plan": "POST", "/api/sessions": "GET, HEAD, POST"}
	for path, want := range allow {
		rec := do(t, app, scenario{method: "DELETE", path: path})
		if got := rec.Header().Get("Allow"); got != want {
			t.Errorf("DELETE %s: Allow %q, want %q", path, got, want)
		}
	}
	// nothing refused was kept
	x, err := st.Session(context.Background(), id)
	if err != nil || x.Ending.Finished() || len(x.Feedback) != 0 {
		t.Errorf("after refusals: finished=%v feedback=%d err=%v", x.Ending.Finished(), len(x.Feedback), err)
	}
}

// faultyStore answers every write with err, and reads as the real store.
type faultyStore struct {
	store.Store
	err error
}

func (f faultyStore) CreateSession(context.Context, *store.Session) error { return f.err }
func (f faultyStore) SaveProgress(context.Context, string, store.Progress) (store.Progress, error) {
	return store.Progress{}, f.err
}
func (f faultyStore) CreateSessionOnce(context.Context, string, *store.Session) (*store.Session, bool, error) {
	return nil, false, f.err
}
func (f faultyStore) VoidFeedback(context.Context, string, string) (bool, error) { return false, f.err }
func (f faultyStore) Finish(context.Context, string, store.Ending) error         { return f.err }
func (f faultyStore) Choices(context.Context) (json.RawMessage, error)           { return nil, f.err }

// Store errors reach the client by their kind, never as an untyped 500:
// busy, down or full is 503 with Retry-After, a refused value 422 naming
// the field.
func TestStoreErrorsByKind(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	app0, st := newApp(t, false)
	id := newSessionID(t, app0)
	tests := []struct {
		err    error
		status int
		code   string
		field  string
	}{
		{fmt.Errorf("store: save progress: %w", store.ErrBusy), 503, codeBusy, ""},
		{fmt.Errorf("store: x: %w", store.ErrUnavailable), 503, codeUnavailable, ""},
		{fmt.Errorf("store: x: %w", store.ErrFull), 503, codeFull, ""},
		{context.DeadlineExceeded, 503, codeBusy, ""},
		{&store.InvalidError{Field: "note", Reason: "holds a NUL byte"}, 422, codeInvalid, "note"},
		{store.ErrNotFound, 404, codeNotFound, ""},
		{errors.New("a bug"), 500, codeInternal, ""},
	}
	for _, tc := range tests {
		var logs bytes.Buffer
		app, err := New(Options{Store: faultyStore{st, tc.err}, Catalog: cat, Log: slog.New(slog.NewTextHandler(&logs, nil)), Hosts: []string{"example.com"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, sc := range []scenario{
			{name: tc.err.Error() + ": create", method: "POST", path: "/api/sessions", body: `{"areas":["feet"],"minutes":5}`},
			{name: tc.err.Error() + ": create with a key", method: "POST", path: "/api/sessions", body: `{"areas":["feet"],"minutes":5}`, header: map[string]string{"Idempotency-Key": "k1"}},
			{name: tc.err.Error() + ": take a press back", method: "DELETE", path: "/api/sessions/" + id + "/feedback/k1"},
			{name: tc.err.Error() + ": progress", method: "POST", path: "/api/sessions/" + id + "/progress", body: `{"offset":1}`},
			{name: tc.err.Error() + ": finish", method: "POST", path: "/api/sessions/" + id + "/finish", body: `{"rating":3}`},
			{name: tc.err.Error() + ": choices", path: "/api/choices"},
		} {
			sc.status, sc.code, sc.field = tc.status, tc.code, tc.field
			if sc.path == "/api/choices" && tc.code == codeInvalid {
				sc.field = "note"
			}
			rec := check(t, app, sc)
			if ra := rec.Header().Get("Retry-After"); (tc.status == 503) != (ra != "") {
				t.Errorf("%s: Retry-After %q", sc.name, ra)
			}
		}
	}
}

// A database that is down (closed here) answers 503, not 500, on the API
// and on the pages.
func TestDatabaseDownIs503(t *testing.T) {
	app, st := newApp(t, false)
	id := newSessionID(t, app)
	st.Close()
	for _, sc := range []scenario{
		{name: "session", path: "/api/sessions/" + id, status: 503, code: codeUnavailable},
		{name: "sessions", path: "/api/sessions", status: 503, code: codeUnavailable},
		{name: "create", method: "POST", path: "/api/sessions", body: `{"areas":["feet"],"minutes":5}`, status: 503, code: codeUnavailable},
		{name: "finish", method: "POST", path: "/api/sessions/" + id + "/finish", body: `{"rating":3}`, status: 503, code: codeUnavailable},
		{name: "health", path: "/healthz", status: 503, code: codeUnavailable},
		{name: "history page", path: "/history", status: 503},
		{name: "session page", path: "/session/" + id, status: 503},
	} {
		check(t, app, sc)
	}
}

// A request whose client left is not logged as a server error.
func TestClientGoneNotAnError(t *testing.T) {
	cat, _ := catalog.Builtin()
	_, st := newApp(t, false)
	var logs bytes.Buffer
	app, _ := New(Options{Store: st, Catalog: cat, Log: slog.New(slog.NewTextHandler(&logs, nil)), Hosts: []string{"example.com"}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, "POST", "/api/sessions", strings.NewReader(`{"areas":["feet"],"minutes":5}`))
	req.Header.Set("Content-Type", "application/json")
	app.ServeHTTP(httptest.NewRecorder(), req)
	if s := logs.String(); strings.Contains(s, "level=ERROR") || !strings.Contains(s, "client went away") {
		t.Errorf("log:\n%s", s)
	}
}

// The players' scripts are decoded once per session and kept, bounded.
func TestScriptCache(t *testing.T) {
	var c scriptCache
	sc := &guide.Script{Total: 10}
	c.put("a", cachedScript{size: 100, sc: sc})
	if e, ok := c.get("a"); !ok || e.sc != sc {
		t.Error("the cache lost a script")
	}
	if _, ok := c.get("b"); ok {
		t.Error("the cache gives a script it was never given")
	}
	for i := range scriptsKept + 1 {
		c.put(fmt.Sprint(i), cachedScript{size: 1, sc: sc})
	}
	if len(c.m) > scriptsKept || len(c.old) > scriptsKept {
		t.Errorf("the cache holds %d and %d scripts, more than %d", len(c.m), len(c.old), scriptsKept)
	}
	// one played all along stays
	c.put("playing", cachedScript{size: 1, sc: sc})
	for i := range 3 * scriptsKept {
		c.put(fmt.Sprint("x", i), cachedScript{size: 1, sc: sc})
		if i%(scriptsKept/2) == 0 {
			if _, ok := c.get("playing"); !ok {
				t.Fatalf("a script played all along was let go after %d others", i)
			}
		}
	}
	for i := range 10 {
		c.put(fmt.Sprint("big", i), cachedScript{size: scriptBytes / 4, sc: sc})
	}
	if c.bytes > scriptBytes {
		t.Errorf("the cache holds %d bytes of scripts, more than %d", c.bytes, scriptBytes)
	}
}
