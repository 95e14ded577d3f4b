package web

import (
	"encoding/json"
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
