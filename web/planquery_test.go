package web

import (
	"context"
	"html"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// formError is the start page's error line as a person reads it, or "".
var formError = regexp.MustCompile(`(?s)<div class="alert" role="alert" id="form-error" tabindex="-1">(.*?)</div>`)

func errorLine(body string) string {
	m := formError.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return strings.Join(strings.Fields(html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], ""))), " ")
}

var pageTitle = regexp.MustCompile(`<title>(.*?)</title>`)

// The plan page and its handout read one query through one function: the
// same query is planned or refused the same way on both, the refusal on
// the start page with the field named and the choices kept. A case that
// drifts on one page fails here.
func TestPlanQueryBothPages(t *testing.T) {
	app, _ := routinesApp(t)
	srv := httptest.NewServer(app)
	defer srv.Close()
	routine := keepTestRoutine(t, srv.URL, shoulderRoutine)
	for _, c := range []struct {
		name   string
		query  string
		status int
		title  string // the page's title on a plan; the handout adds " (handout)"
		line   string // the start page's error line, exactly, on a refusal
		has    []string
	}{
		{name: "a plan", query: "area=back&area=scalp&minutes=20&mode=partner", status: 200, title: "Scalp and back · 20 min",
			// the title's time is the hands-on time, and the page says so beside the whole
			has: []string{"20 min of hands-on time (21 min 15 s with the changes between moves)"}},
		{name: "a plan cut short is titled by the time it lasts", query: "area=jaw&minutes=20&mode=self", status: 200, title: "Jaw · 14 min 50 s",
			has: []string{"Cut short: this plan lasts 14 min 50 s, not the 20 minutes asked"}},
		{name: "a routine then the feet", query: "routine=" + routine + "&area=feet&minutes=5", status: 200, title: "Desk shoulders, then feet · 6 min 45 s"},
		{name: "a routine alone", query: "routine=" + routine + "&minutes=10", status: 200, title: "Desk shoulders"},
		{name: "no minutes", query: "area=feet&minutes=other", status: 422,
			line: "Minutes: say how many minutes, from 1 to 120"},
		{name: "minutes not a number", query: "area=feet&minutes=lots", status: 422,
			line: `Minutes: minutes must be a number, got "lots"`},
		{name: "an unknown area (validation keeps its field)", query: "area=wings&minutes=10", status: 422,
			has: []string{"Areas:", "wings"}},
		{name: "minutes out of range", query: "area=feet&minutes=500", status: 422, has: []string{"Minutes:"}},
		{name: "more minutes than the moves fill (the planner's field)", query: "area=ears&minutes=30&mode=self", status: 422,
			has: []string{"Minutes:", "at most"}},
		{name: "a stop given as a condition", query: "area=feet&minutes=10&condition=possible-clot", status: 422,
			has: []string{"No session today: with a swollen, hot, painful calf", "See a doctor"}},
		{name: "a stop from the safety screen", query: "area=calves&minutes=10&q.calf=yes&a.calf=clot", status: 422,
			has: []string{"No session today: with a swollen, hot, painful calf", "See a doctor"}},
		{name: "ask first from the safety screen", query: "area=back&minutes=10&q.pregnant=yes&a.pregnant=not-yet", status: 422,
			has: []string{"Ask a health professional first: with pregnancy"}},
		{name: "a yes with no answer under it", query: "area=back&minutes=10&q.bleeding=yes", status: 422,
			has: []string{"Safety check: you answered yes to"}},
		{name: "an answer the screen cannot apply", query: "area=back&minutes=10&q.recent=yes&a.recent=fracture", status: 422,
			has: []string{"Safety check:"}},
		{name: "an unknown age group", query: "area=back&minutes=10&age=ancient", status: 422,
			has: []string{"Age:", "unknown age group"}},
		{name: "nobody by that name", query: "area=back&minutes=10&for=Nobody", status: 422,
			line: `Whose session: nobody called "Nobody" is kept: add them first`},
		{name: "a routine that is gone", query: "routine=gone&area=feet&minutes=5", status: 422,
			has: []string{"Your routine: there is no such routine"}},
		{name: "a bad seed", query: "area=back&minutes=10&seed=x", status: 422, line: `Seed: seed must be a whole number, got "x"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var lines [2]string
			for i, path := range []string{"/plan?", "/plan/handout?"} {
				rec := do(t, app, scenario{path: path + c.query})
				body := rec.Body.String()
				if rec.Code != c.status {
					t.Fatalf("%s: status %d, want %d: %.400s", path, rec.Code, c.status, body)
				}
				lines[i] = errorLine(body)
				if c.status == 200 {
					want := c.title
					if i == 1 {
						want += " (handout)"
					}
					if m := pageTitle.FindStringSubmatch(body); m == nil || html.UnescapeString(m[1]) != want+" · Knead" {
						t.Errorf("%s: title %q, want %q", path, m, want+" · Knead")
					}
					if !strings.Contains(body, "<h1>"+html.EscapeString(c.title)+"</h1>") {
						t.Errorf("%s: no heading %q", path, c.title)
					}
					for _, h := range c.has {
						if n := strings.Count(strings.ReplaceAll(html.UnescapeString(body), "\u00a0", " "), h); n != 1 {
							t.Errorf("%s: %q is said %d times, want once", path, h, n)
						}
					}
					continue
				}
				if !strings.Contains(body, `<form class="start"`) {
					t.Errorf("%s: the refusal is not on the start page with the choices", path)
				}
				if c.line != "" && lines[i] != c.line {
					t.Errorf("%s: error line %q, want %q", path, lines[i], c.line)
				}
				for _, h := range c.has {
					if !strings.Contains(lines[i], h) {
						t.Errorf("%s: error line %q lacks %q", path, lines[i], h)
					}
				}
				if strings.HasPrefix(lines[i], ":") || lines[i] == "" {
					t.Errorf("%s: error line %q names no field or says nothing", path, lines[i])
				}
			}
			if lines[0] != lines[1] {
				t.Errorf("the pages drifted:\n plan page: %q\n handout:   %q", lines[0], lines[1])
			}
		})
	}
}

// A database that does not answer is a fault, not the person's input: both
// pages say to wait and reload (503), not a form error.
func TestPlanQueryStoreDown(t *testing.T) {
	app, st := newApp(t, true)
	st.Close()
	for _, path := range []string{"/plan?", "/plan/handout?"} {
		rec := do(t, app, scenario{path: path + "area=back&minutes=10"})
		if rec.Code != 503 || !strings.Contains(rec.Body.String(), "cannot be reached just now") || rec.Header().Get("Retry-After") == "" {
			t.Errorf("%s: status %d, Retry-After %q: %.300s", path, rec.Code, rec.Header().Get("Retry-After"), rec.Body.String())
		}
	}
}

// planInputError says a stop and an ask-first under their own headings,
// keeps a plan error's field, and puts any other error on the field given.
func TestPlanInputError(t *testing.T) {
	app, _ := newApp(t, true)
	pq, e := app.planFromQuery(context.Background(), map[string][]string{"area": {"back"}, "minutes": {"10"}, "q.calf": {"yes"}, "a.calf": {"clot"}}, "test")
	if e == nil || e.Field != "stop" || e.Status != 422 || !strings.HasPrefix(e.Message, "with a swollen") {
		t.Fatalf("a stop from the screen: %+v", e)
	}
	if !pq.Answered {
		t.Error("answers that apply (and stop the plan) are not marked to keep")
	}
	if e := planInputError(context.DeadlineExceeded, "answers"); e.Field != "answers" || e.Message == "" {
		t.Errorf("a plain error: %+v", e)
	}
}

// A session of a plan cut short is kept under the time it lasts: History,
// the session page and its handout say it.
func TestSessionCutShortTitle(t *testing.T) {
	app, _ := newApp(t, true)
	rec := check(t, app, scenario{name: "start the jaw for 20 minutes", method: "POST", path: "/api/sessions",
		body: `{"areas":["jaw"],"minutes":20,"mode":"self"}`, status: 201, contain: []string{`"title":"Jaw · 14 min 50 s"`}})
	loc := rec.Header().Get("Location")
	check(t, app, scenario{name: "its handout", path: loc + "/handout", status: 200, contain: []string{"<h1>Jaw · 14 min 50 s</h1>"}})
	check(t, app, scenario{name: "history", path: "/history", status: 200, contain: []string{"Jaw · 14 min 50 s"}, absent: []string{"Jaw · 20 min"}})
}
