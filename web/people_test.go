package web

import (
	"context"
	"errors"
	"strings"

	"encoding/json"
	"github.com/knead/knead/store"
	"net/url"
	"testing"
)

// Feedback kept with a session for me changes my next plan, and the plan
// page says how; a request for someone not kept is refused on "for".
func TestPlanLearnsFromMySessions(t *testing.T) {
	app, _ := newApp(t, false)
	body := `{"areas":["back"],"minutes":10,"mode":"partner"}`
	for i, key := range []string{"a", "b"} {
		rec := check(t, app, scenario{name: "create", method: "POST", path: "/api/sessions", body: body, status: 201})
		var s sessionJSON
		if err := json.Unmarshal(rec.Body.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		base := "/api/sessions/" + s.ID
		check(t, app, scenario{name: "lighter", method: "POST", path: base + "/feedback", body: `{"key":"` + key + `","kind":"lighter","offset":200}`, status: 201})
		check(t, app, scenario{name: "thumbs down", method: "POST", path: base + "/feedback", body: `{"key":"d` + key + `","kind":"down","offset":1}`, status: 201})
		check(t, app, scenario{name: "finish", method: "POST", path: base + "/finish", body: `{"rating":4,"note":"go lighter"}`, status: 200})
		_ = i
	}
	q := url.Values{"area": {"back"}, "minutes": {"10"}, "mode": {"partner"}}
	check(t, app, scenario{name: "the plan says what it adapted", path: "/plan?" + q.Encode(), status: 200,
		contain: []string{"Lighter on the", "you asked for lighter twice there", "Left out after two thumbs-down"}})
	check(t, app, scenario{name: "api plan for me", method: "POST", path: "/api/plan", body: body, status: 200,
		contain: []string{`"notes":["`, "Lighter on the"}})
	check(t, app, scenario{name: "nobody", method: "POST", path: "/api/plan", body: `{"areas":["back"],"minutes":10,"for":"Nobody"}`,
		status: 422, code: codeInvalid, field: "for"})
}

// The start page picks a person in one tap (me by default); a person added
// inline is picked; the plan is for the person picked and their safety
// answers are kept and offered for them alone; History forgets a sore spot,
// restores a technique and deletes the person with everything about them.
func TestPeopleInTheWebApp(t *testing.T) {
	app, st := newApp(t, false)
	form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	check(t, app, scenario{name: "me by default", path: "/", status: 200,
		contain: []string{`id="people"`, `aria-current="true"><span>Me</span>`, "Someone new"}, absent: []string{`name="for"`}})
	rec := check(t, app, scenario{name: "add", method: "POST", path: "/people", body: "name=Sam", header: form, status: 303})
	if loc := rec.Header().Get("Location"); loc != "/?for=sam" {
		t.Fatalf("add goes to %q, want /?for=sam", loc)
	}
	check(t, app, scenario{name: "add again", method: "POST", path: "/people", body: "name=sam", header: form, status: 422,
		contain: []string{"already kept"}})
	check(t, app, scenario{name: "Sam picked", path: "/?for=sam", status: 200,
		contain: []string{`aria-current="true"><span>Sam</span>`, `<input type="hidden" name="for" value="sam">`}})
	q := url.Values{"area": {"back"}, "minutes": {"10"}, "mode": {"partner"}, "for": {"sam"}, "age": {"adult"}, "cleared": {"on"}}
	check(t, app, scenario{name: "plan for Sam", path: "/plan?" + q.Encode(), status: 200})
	if _, err := st.ScreenOf(context.Background(), "sam"); err != nil {
		t.Fatalf("Sam's screen answers were not kept: %v", err)
	}
	if _, err := st.ScreenOf(context.Background(), store.Me); err == nil {
		t.Fatal("Sam's screen answers were kept for me too")
	}
	check(t, app, scenario{name: "Sam's answers offered", path: "/?for=sam", status: 200, contain: []string{"Sam's answers from"}})
	check(t, app, scenario{name: "not mine", path: "/", status: 200, absent: []string{"answers from"}})

	// a session for Sam with a sore scalp and two thumbs-down
	rec = check(t, app, scenario{name: "create", method: "POST", path: "/api/sessions", body: `{"areas":["back"],"minutes":10,"mode":"partner","for":"sam"}`, status: 201})
	var s sessionJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	base := "/api/sessions/" + s.ID
	check(t, app, scenario{name: "sore", method: "POST", path: base + "/feedback", body: `{"key":"s","kind":"sore","offset":5}`, status: 201})
	check(t, app, scenario{name: "down", method: "POST", path: base + "/feedback", body: `{"key":"d1","kind":"down","offset":6}`, status: 201})
	check(t, app, scenario{name: "down again", method: "POST", path: base + "/feedback", body: `{"key":"d2","kind":"down","offset":7}`, status: 201})
	page := check(t, app, scenario{name: "Sam's history", path: "/history?for=sam", status: 200,
		contain: []string{"History of Sam", "Sore spots remembered", "Left out after two thumbs-down", `action="/people/sam/forget"`, `action="/people/sam/restore"`}}).Body.String()
	check(t, app, scenario{name: "my history is not Sam's", path: "/history", status: 200, absent: []string{"Sore spots remembered", "Left out"}})
	area := between(page, `name="area" value="`, `"`)
	tech := between(page, `name="technique" value="`, `"`)
	rec = check(t, app, scenario{name: "forget", method: "POST", path: "/people/sam/forget", body: "area=" + area, header: form, status: 303})
	check(t, app, scenario{name: "forgotten", path: rec.Header().Get("Location"), status: 200,
		contain: []string{"Forgot the sore spot"}, absent: []string{"Sore spots remembered"}})
	rec = check(t, app, scenario{name: "restore", method: "POST", path: "/people/sam/restore", body: "technique=" + tech, header: form, status: 303})
	check(t, app, scenario{name: "restored", path: rec.Header().Get("Location"), status: 200,
		contain: []string{"can be planned again"}, absent: []string{"Left out after"}})
	check(t, app, scenario{name: "forget nowhere", method: "POST", path: "/people/sam/forget", body: "area=nowhere", header: form, status: 422})
	check(t, app, scenario{name: "restore nothing", method: "POST", path: "/people/sam/restore", body: "technique=nothing", header: form, status: 422})
	check(t, app, scenario{name: "forget for nobody", method: "POST", path: "/people/nobody/forget", body: "area=back", header: form, status: 404})

	rec = check(t, app, scenario{name: "delete unsure", method: "POST", path: "/people/sam/delete", body: "", header: form, status: 303})
	check(t, app, scenario{name: "kept", path: rec.Header().Get("Location"), status: 200, contain: []string{"Nothing deleted"}})
	check(t, app, scenario{name: "delete", method: "POST", path: "/people/sam/delete", body: "sure=yes", header: form, status: 303})
	check(t, app, scenario{name: "gone from the picker", path: "/", status: 200, absent: []string{"<span>Sam</span>"}})
	if _, err := st.ScreenOf(context.Background(), "sam"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Sam's screen answers outlived Sam: %v", err)
	}
	if _, err := st.Session(context.Background(), s.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Sam's session outlived Sam: %v", err)
	}
}

func between(s, from, to string) string {
	_, after, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(after, to)
	return v
}
