package web

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// Whatever a client sends to the API, the answer is a JSON answer below 500.
func FuzzAPIBodies(f *testing.F) {
	for _, s := range []string{`{"areas":["feet"],"minutes":10}`, `{"areas":[1]}`, `[]`, `{"minutes":1e999}`, `{"areas":["feet"],"minutes":10,"weights":{"feet":-1}}`, "\x00"} {
		f.Add("/api/plan", s)
		f.Add("/api/sessions", s)
	}
	app, _ := newApp(f, false)
	f.Fuzz(func(t *testing.T, path, body string) {
		if path != "/api/plan" && path != "/api/sessions" {
			path = "/api/plan"
		}
		req := httptest.NewRequest("POST", path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, req)
		if rec.Code >= 500 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
			t.Errorf("%s %q: %d %s", path, body, rec.Code, rec.Body.String())
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
