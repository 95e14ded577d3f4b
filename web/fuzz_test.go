package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/knead/knead/store"
)

// Whatever a client sends in any API body (the plan, a new session, and a
// session's progress, feedback and finish), the answer is JSON below 500.
func FuzzAPIBodies(f *testing.F) {
	seeds := []string{`{"areas":["feet"],"minutes":10}`, `{"areas":[1]}`, `[]`, `{"minutes":1e999}`,
		`{"areas":["feet"],"minutes":10,"weights":{"feet":-1}}`, "\x00", `{"offset":1,"running":true}`, `{"offset":-0}`,
		`{"offset":1e308}`, `{"key":"k1","kind":"sore","offset":3}`, `{"key":"k\u0000","kind":"good","offset":1,"at":-1}`,
		`{"rating":5,"note":"lovely"}`, `{"rating":3,"note":"a\u0000b"}`, "{\"rating\":3,\"note\":\"caf\xe9\"}", `{"rating":1e3}`}
	for i, s := range seeds {
		for e := range 5 {
			if (i+e)%2 == 0 || e < 2 {
				f.Add(uint8(e), s)
			}
		}
	}
	app, _ := newApp(f, false)
	id := ""
	{
		req := httptest.NewRequest("POST", "/api/sessions", strings.NewReader(`{"areas":["feet"],"minutes":5}`))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, req)
		var x struct{ ID string }
		if err := json.Unmarshal(rec.Body.Bytes(), &x); err != nil || x.ID == "" {
			f.Fatalf("no session: %d %s", rec.Code, rec.Body.String())
		}
		id = x.ID
	}
	paths := []string{"/api/plan", "/api/sessions", "/api/sessions/" + id + "/progress", "/api/sessions/" + id + "/feedback", "/api/sessions/" + id + "/finish"}
	f.Fuzz(func(t *testing.T, which uint8, body string) {
		path := paths[int(which)%len(paths)]
		req := httptest.NewRequest("POST", path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, req)
		if rec.Code >= 500 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
			t.Errorf("%s %q: %d %s", path, body, rec.Code, rec.Body.String())
		}
	})
}

// Whatever a path parameter holds, every address that takes one answers
// below 500 (JSON on the API), and a session id not of its form is 404.
func FuzzPathParams(f *testing.F) {
	for _, s := range []string{"nope", "0123456789abcdef01234567", "back-fan-stroke", "\x00", "caf\xe9", "..", "a/b", "%00", strings.Repeat("a", 300), "<script>"} {
		f.Add(s)
	}
	app, _ := newApp(f, false)
	f.Fuzz(func(t *testing.T, id string) {
		esc := url.PathEscape(id)
		for _, r := range []struct{ method, path string }{
			{"GET", "/api/sessions/" + esc}, {"POST", "/api/sessions/" + esc + "/progress"},
			{"POST", "/api/sessions/" + esc + "/feedback"}, {"POST", "/api/sessions/" + esc + "/finish"},
			{"GET", "/api/techniques/" + esc}, {"GET", "/session/" + esc}, {"GET", "/library/" + esc},
		} {
			req := httptest.NewRequest(r.method, r.path, strings.NewReader(`{"offset":1,"key":"k","kind":"good","rating":3}`))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			app.ServeHTTP(rec, req)
			if rec.Code >= 500 {
				t.Errorf("%s %s: %d %s", r.method, r.path, rec.Code, rec.Body.String())
			}
			if strings.HasPrefix(r.path, "/api/") && !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
				t.Errorf("%s %s: %s is not JSON", r.method, r.path, rec.Header().Get("Content-Type"))
			}
			if strings.Contains(rec.Body.String(), "<script>") {
				t.Errorf("%s %s: the id came back unescaped", r.method, r.path)
			}
		}
	})
}

// Whatever a stored row holds (another Knead, an older one, or a hand
// edit may have left it), the pages and the API that read it back answer
// without a panic, escape its text, and stay below 500 while its plan and
// script are ones the planner made.
func FuzzStoredSession(f *testing.F) {
	f.Add("Feet · 5 min", "lovely", "sore", "feet", "foot-knuckles", `{"areas":["feet"]}`, false, "", "")
	f.Add("<script>alert(1)</script>", "<b>x</b>", "tickles", "", "", `null`, false, "", "")
	f.Add("", "", "", "", "", ``, true, `{"areas":[""],"items":[{"technique":"x"}]}`, `{"total":5,"moves":[{"index":0,"start":3,"seconds":1}]}`)
	f.Add("t", "n", "good", "wings", "nope", `{"minutes":"x"}`, true, `{}`, `{"total":-1}`)
	app, st := newApp(f, false)
	good := func() (json.RawMessage, json.RawMessage) {
		req := httptest.NewRequest("POST", "/api/sessions", strings.NewReader(`{"areas":["feet"],"minutes":5}`))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, req)
		var x struct{ Plan, Script json.RawMessage }
		json.Unmarshal(rec.Body.Bytes(), &x)
		return x.Plan, x.Script
	}
	goodPlan, goodScript := good()
	n := 0
	f.Fuzz(func(t *testing.T, title, note, kind, area, technique, request string, raw bool, planJSON, scriptJSON string) {
		n++
		id := fmt.Sprintf("%024x", n)
		x := &store.Session{ID: id, Title: title, Request: json.RawMessage(request), Plan: goodPlan, Script: goodScript, Total: 300}
		if !json.Valid(x.Request) {
			x.Request = nil
		}
		if raw {
			x.Plan, x.Script = json.RawMessage(planJSON), json.RawMessage(scriptJSON)
		}
		ctx := context.Background()
		if err := st.CreateSession(ctx, x); err != nil {
			return // refused by the store: nothing to read back
		}
		st.AddFeedback(ctx, id, store.Feedback{Key: "k", Kind: kind, Area: area, Technique: technique, Offset: 1})
		st.Finish(ctx, id, store.Ending{Rating: 3, Note: note})
		for _, path := range []string{"/session/" + id, "/api/sessions/" + id, "/history", "/", "/api/sessions", "/api/choices"} {
			rec := httptest.NewRecorder()
			app.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			if rec.Code >= 500 && !raw {
				t.Errorf("%s: %d %.300s", path, rec.Code, rec.Body.String())
			}
			if b := rec.Body.String(); strings.Contains(b, "<script>alert") {
				t.Errorf("%s: stored text came back unescaped", path)
			}
		}
	})
}

// Whatever a /plan address holds, the page answers below 500 and repeats
// nothing unescaped.
func FuzzPlanPage(f *testing.F) {
	for _, s := range []string{"area=feet&minutes=10", "area=<b>&minutes=x", "minutes=other&minutes_other=7&area=scalp&cond.injury=feet", "seed=abc&area=feet&minutes=5"} {
		f.Add(s)
	}
	app, _ := newApp(f, false)
	f.Fuzz(func(t *testing.T, q string) {
		v, err := url.ParseQuery(q)
		if err != nil {
			return
		}
		req := httptest.NewRequest("GET", "/plan?"+v.Encode(), nil)
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Errorf("%q: %d", q, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "<script>alert") {
			t.Errorf("%q: unescaped input in the page", q)
		}
	})
}
