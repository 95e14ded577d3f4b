package web

import (
	"bytes"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/motion"
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
				"no answers from the last 30 days are kept for you", `action="/routines/` + id + `/export#export"`, "knead export " + id + ".yaml --rate 100", "back and shoulders (back, lower-back, shoulders, upper-back): 210 N"}},
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
		{name: "the page offers every format knead export writes", path: "/routines/" + id, status: 200,
			contain: []string{`action="/routines/` + id + `/export#export"`, `value="csv"`, `value="jsonl"`, `value="ros2-json"`, `value="urdf"`, `name="height" inputmode="decimal" value="1.75"`, `<option value="average" selected>`}},
		{name: "unknown format", path: "/routines/" + id + "/export?format=xml", status: 422, contain: []string{"Not exported:", "choose CSV, JSON lines, ROS 2 JSON or URDF"}},
		{name: "height not a number", path: "/routines/" + id + "/export?format=urdf&height=tall", status: 422, contain: []string{"Height (--height) must be metres from 1.2 to 2.2", `value="tall"`}},
		{name: "height out of range", path: "/routines/" + id + "/export?format=ros2-json&height=3", status: 422, contain: []string{"Height 3 m is out of range: expected 1.2 to 2.2 metres"}},
		{name: "unknown build", path: "/routines/" + id + "/export?height=1.7&build=giant", status: 422, contain: []string{"Unknown build &#34;giant&#34;: expected slim, average or broad"}},
		{name: "the command for ROS 2 JSON", path: "/routines/" + id + "/export?format=ros2-json&rate=5000", status: 422,
			contain: []string{"knead export " + id + ".yaml --format ros2-json --rate 5000"}},
		{name: "the command for a URDF", path: "/routines/" + id + "/export?format=urdf&height=1.6&build=slim&rate=x", status: 200},
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

// The routine page's export writes what `knead export` writes, byte for
// byte, in each of its four formats: the same code with the same options.
func TestRoutineExportFormats(t *testing.T) {
	app, _ := routinesApp(t)
	srv := httptest.NewServer(app)
	defer srv.Close()
	id := keepTestRoutine(t, srv.URL, shoulderRoutine)
	rt, err := catalog.ParseRoutine(app.cat, id+".yaml", []byte(shoulderRoutine))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query, file, typ string
		opts             motion.ExportOptions
		has              string
	}{
		{"format=csv&rate=10&columns=2d", id + ".csv", "text/csv; charset=utf-8",
			motion.ExportOptions{Format: "csv", Rate: 10, Columns: "2d"}, "t,x,y,force_n,hand,region,chart,contact\n"},
		{"format=jsonl&rate=10&height=1.62&build=slim", id + ".jsonl", "application/x-ndjson",
			motion.ExportOptions{Format: "jsonl", Rate: 10, Body: motion.Body{Height: 1.62, Build: "slim"}}, `"height_m":1.62`},
		{"format=ros2-json&rate=10&max_force=20", id + ".ros2.json", "application/json",
			motion.ExportOptions{Format: "ros2-json", Rate: 10, MaxForce: 20}, `"tracked_frame":"knead_tool_left"`},
		{"format=urdf&height=1.62&build=slim&rate=ignored", "knead-body.urdf", "application/xml; charset=utf-8",
			motion.ExportOptions{Format: "urdf", Body: motion.Body{Height: 1.62, Build: "slim"}}, `<robot name="knead_body">`},
	} {
		rec := check(t, app, scenario{name: c.query, path: "/routines/" + id + "/export?" + c.query, status: 200})
		if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="`+c.file+`"` {
			t.Errorf("%s: sent as %q, want %s", c.query, cd, c.file)
		}
		if ct := rec.Header().Get("Content-Type"); ct != c.typ {
			t.Errorf("%s: Content-Type %q, want %q", c.query, ct, c.typ)
		}
		var want bytes.Buffer
		if c.opts.Format == "urdf" {
			if err := motion.WriteURDF(&want, c.opts.Body); err != nil {
				t.Fatal(err)
			}
		} else {
			c.opts.Limits = motion.DefaultLimits
			paths, err := motion.RoutinePathsWithin(app.cat, rt, c.opts.Limits)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := motion.Prepare(paths, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := tr.Write(&want); err != nil {
				t.Fatal(err)
			}
		}
		if got := rec.Body.String(); got != want.String() {
			t.Errorf("%s: the page's export (%d bytes) is not what knead export writes (%d bytes)", c.query, len(got), want.Len())
		}
		if !strings.Contains(rec.Body.String(), c.has) {
			t.Errorf("%s: the export lacks %q", c.query, c.has)
		}
	}
}

// Planning around a routine starts from the routine alone: the places of
// the last session are not picked for it (they would be added unasked).
func TestRoutineStartPicksNoPlaces(t *testing.T) {
	app, _ := routinesApp(t)
	srv := httptest.NewServer(app)
	defer srv.Close()
	id := keepTestRoutine(t, srv.URL, shoulderRoutine)
	check(t, app, scenario{name: "a session of the feet", method: "POST", path: "/api/sessions", body: `{"areas":["feet"],"minutes":10,"mode":"self"}`, status: 201})
	check(t, app, scenario{name: "the plain start page repeats them", path: "/", status: 200, contain: []string{`name="area" value="feet" checked`}})
	check(t, app, scenario{name: "the routine's start page does not", path: "/?routine=" + id, status: 200,
		contain: []string{`name="area" value="feet"`}, absent: []string{`name="area" value="feet" checked`}})
}
