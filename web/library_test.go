package web

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
)

// Every technique can be tried on its own: its plan is that technique
// alone, for its usual time, and the player's script plays it.
func TestTryEveryTechnique(t *testing.T) {
	app, _ := newApp(t, false)
	for _, tech := range app.cat.Techniques {
		p, script, err := app.makePlan(context.Background(), techniquesRequest(app.catTechniques(tech.ID), ""))
		if err != nil {
			t.Errorf("%s: %v", tech.ID, err)
			continue
		}
		if len(p.Items) != 1 || p.Items[0].Technique != tech.ID || p.TotalSeconds < 30 {
			t.Errorf("%s: plan items %+v, %v s", tech.ID, p.Items, p.TotalSeconds)
		}
		if len(script.Moves) == 0 {
			t.Errorf("%s: the script plays nothing", tech.ID)
		}
		for _, m := range script.Moves {
			if m.Technique != tech.ID {
				t.Errorf("%s: the script plays %s", tech.ID, m.Technique)
			}
		}
	}
}

func (s *Server) catTechniques(ids ...string) []*massage.Technique {
	ts, _ := s.techniquesOf(ids)
	return ts
}

// A session of techniques named by the API: made, titled after them, in
// their order; an unknown one or too many is refused on its field.
func TestTechniquesSession(t *testing.T) {
	app, _ := newApp(t, false)
	a, b := app.cat.Techniques[0], app.cat.Techniques[len(app.cat.Techniques)-1]
	body, _ := json.Marshal(techniquesRequest(app.catTechniques(a.ID, b.ID), ""))
	rec := check(t, app, scenario{name: "two techniques", method: "POST", path: "/api/sessions", body: string(body), status: 201,
		contain: []string{a.Name + " and 1 more"}})
	var got struct {
		Plan plan.Plan `json:"plan"`
	}
	json.Unmarshal(rec.Body.Bytes(), &got)
	if len(got.Plan.Items) != 2 || got.Plan.Items[0].Technique != a.ID || got.Plan.Items[1].Technique != b.ID {
		t.Errorf("the session plays %+v, want %s then %s", got.Plan.Items, a.ID, b.ID)
	}
	check(t, app, scenario{name: "unknown technique", method: "POST", path: "/api/sessions", status: 422, code: "invalid", field: "techniques[1]",
		body: `{"areas":["calves"],"minutes":2,"techniques":["` + a.ID + `","no-such-move"]}`})
	many := `{"areas":["calves"],"minutes":2,"techniques":[` + strings.TrimSuffix(strings.Repeat(`"`+a.ID+`",`, maxTechniques+1), ",") + `]}`
	check(t, app, scenario{name: "too many techniques", method: "POST", path: "/api/sessions", status: 422, code: "invalid", field: "techniques", body: many})
	check(t, app, scenario{name: "try page", path: "/try?technique=" + a.ID, status: 200, contain: []string{a.Name, `id="start"`, `"techniques":["` + a.ID + `"]`}})
	check(t, app, scenario{name: "try nothing", path: "/try?technique=nope", status: 404})
	check(t, app, scenario{name: "contact sheet", path: "/library/drawings", status: 200, contain: []string{"All the drawings", b.Name, `href="/library/` + b.ID + `"`},
		absent: []string{"steps have no drawing"}})

	// Trying a technique is not "Same as last time".
	rec = do(t, app, scenario{path: "/"})
	if strings.Contains(rec.Body.String(), "Same as last time") {
		t.Error("a session of techniques became the start page's last choice")
	}
}

var shownCard = regexp.MustCompile(`<li class="tcard" data-id="([a-z0-9-]+)"[^>]*?( hidden)?>`)

// The library's filters in the address: each card shown passes, each
// hidden one fails, and the count says how many.
func TestLibraryFilters(t *testing.T) {
	app, _ := newApp(t, false)
	for _, c := range []struct {
		query string
		least int
		want  func(id string) bool
	}{
		{"q=thumb", 3, func(id string) bool { return strings.Contains(app.card(app.cat.Technique(id)).Words, "thumb") }},
		{"area=glutes", 4, func(id string) bool { return app.cat.Technique(id).Covers("glutes") }},
		{"area=legs&mode=self", 8, func(id string) bool { t := app.cat.Technique(id); return t.Covers("legs") && t.FitsMode("self") }},
		{"pressure=deep&family=kneading", 2, func(id string) bool {
			t := app.cat.Technique(id)
			return t.Family == "kneading" && strings.Contains(app.card(t).Levels, "deep")
		}},
		{"time=2", 10, func(id string) bool { return app.cat.Technique(id).Seconds.Least <= 120 }},
		{"time=5&area=feet", 3, func(id string) bool { t := app.cat.Technique(id); return t.Covers("feet") && t.Seconds.Least <= 300 }},
		{"time=7", 20, func(string) bool { return true }}, // not a choice: no filter
		{"q=zzzz-nothing", 0, func(string) bool { return false }},
	} {
		rec := do(t, app, scenario{path: "/library?" + c.query})
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d", c.query, rec.Code)
		}
		shown := map[string]bool{}
		for _, m := range shownCard.FindAllStringSubmatch(rec.Body.String(), -1) {
			if ok := m[2] == ""; ok != c.want(m[1]) {
				t.Errorf("%s: %s shown %v", c.query, m[1], ok)
			} else if ok {
				shown[m[1]] = true
			}
		}
		if len(shown) < c.least {
			t.Errorf("%s: %d techniques shown, want at least %d", c.query, len(shown), c.least)
		}
		if len(shown) < len(app.cat.Techniques) && !strings.Contains(rec.Body.String(), "of "+itoa(len(app.cat.Techniques))+" techniques") {
			t.Errorf("%s: the page does not count what it shows", c.query)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
