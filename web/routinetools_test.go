package web

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// feetRoutine works the feet, for which the force standard gives no limit.
const feetRoutine = `routine:
  id: warm-feet
  name: Warm feet
  mode: self
  items:
    - technique: deep-stroking-feet
      area: feet
      seconds: 60
`

// The routine page's plan, check, drawings and export, with bad input.
func TestRoutineTools(t *testing.T) {
	app, _ := routinesApp(t)
	srv := httptest.NewServer(app)
	defer srv.Close()
	id := keepTestRoutine(t, srv.URL, shoulderRoutine)
	feet := keepTestRoutine(t, srv.URL, feetRoutine)
	for _, sc := range []scenario{
		{name: "routine page", path: "/routines/" + id, status: 200,
			contain: []string{`href="/?routine=` + id + `"`, "Knead's check:</strong> passes", "2 steps, 2 of them the library's techniques",
				"no answers from the last 30 days are kept for you", `action="/routines/` + id + `/export"`, "knead export " + id + ".yaml --rate 100", "back and shoulders (back, lower-back, shoulders, upper-back): 210 N"}},
		{name: "start page with the routine", path: "/?routine=" + id, status: 200,
			contain: []string{`name="routine" value="` + id + `"`, "Plan a session with your routine", `name="mode" value="self"`, "Where else, after the routine?"},
			absent:  []string{"Same as last time"}},
		{name: "routine and the feet", path: "/plan?routine=" + id + "&area=feet&minutes=5", status: 200,
			contain: []string{"<title>Desk shoulders, then feet · 6 min 45 s", "First your routine “Desk shoulders” as you kept it (1 min 45 s), then the feet, planned for 5 min."}},
		{name: "the routine alone", path: "/plan?routine=" + id + "&minutes=10", status: 200,
			contain: []string{"<title>Desk shoulders · Knead"}},
		{name: "light only rules out the firm squeeze", path: "/plan?routine=" + id + "&condition=blood-thinners", status: 422,
			contain: []string{"Anything to avoid:", "is played at moderate pressure: with blood-thinners, nothing firmer than light there", "nothing firmer than light", `name="routine" value="` + id + `"`}},
		{name: "a clot: no session", path: "/plan?routine=" + id + "&area=feet&minutes=5&condition=possible-clot", status: 422,
			contain: []string{"No session today"}},
		{name: "no such routine", path: "/plan?routine=gone&area=feet&minutes=5", status: 422,
			contain: []string{"Your routine:</strong> there is no such routine"}},
		{name: "drawings page", path: "/routines/" + id + "/drawings", status: 200,
			contain: []string{"01-light-stroking-neck-shoulders.svg", "02-shoulder-squeeze.svg", "<svg"}},
		{name: "one drawing", path: "/routines/" + id + "/drawings/02-shoulder-squeeze.svg", status: 200, contain: []string{"<svg"}},
		{name: "no such drawing", path: "/routines/" + id + "/drawings/03-nothing.svg", status: 404, contain: []string{"has no picture 03-nothing.svg"}},
		{name: "csv export", path: "/routines/" + id + "/export?format=csv&rate=10&columns=2d", status: 200,
			contain: []string{"# knead trajectory", "t,x,y,force_n,hand,region,chart,contact"}},
		{name: "unknown format", path: "/routines/" + id + "/export?format=xml", status: 422, contain: []string{"Not exported:", "choose CSV or JSON lines"}},
		{name: "rate not a number", path: "/routines/" + id + "/export?rate=fast", status: 422, contain: []string{"Rows per second must be a whole number from 1 to 1000"}},
		{name: "rate too high", path: "/routines/" + id + "/export?rate=5000", status: 422, contain: []string{"Rate 5000 Hz is out of range: expected 1 to 1000"}},
		{name: "force below zero", path: "/routines/" + id + "/export?max_force=-3", status: 422, contain: []string{"Most force (--max-force) must be newtons above 0"}},
		{name: "force above the limit", path: "/routines/" + id + "/export?max_force=900", status: 422, contain: []string{"Refused: --max-force 900 N is above the"}},
		{name: "feet need a most force", path: "/routines/" + feet + "/export", status: 422, contain: []string{"Refused:", "gives no force limit; give one with --max-force NEWTONS"}},
		{name: "feet with a most force", path: "/routines/" + feet + "/export?max_force=15&rate=5", status: 200, contain: []string{"# knead trajectory"}},
	} {
		rec := check(t, app, sc)
		if sc.name == "csv export" {
			if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="`+id+`.csv"` {
				t.Errorf("csv export is sent as %q", cd)
			}
		}
	}
	if !strings.Contains(id, "desk-shoulders") {
		t.Errorf("kept as %q", id)
	}
}
