package cli

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/knead/knead/tui"
)

func TestExport(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		code int
		out  []string
		err  []string
	}{
		{name: "csv", args: []string{"export", "--technique", "back-raking"}, code: 0,
			out: []string{"# knead trajectory", "# frame: {\"name\":\"knead_body\"", "ISO 13482", "ISO/TS 15066",
				"\nt,x,y,force_n,hand,region,chart,contact,px,py,pz,qx,qy,qz,qw\n0.00,", ",left,shoulders,back,", ",right,lower-back,back,", "\n60.00,"}},
		{name: "csv 2d", args: []string{"export", "--technique", "back-raking", "--columns", "2d"}, code: 0,
			out: []string{"\nt,x,y,force_n,hand,region,chart,contact\n0.00,", ",right,lower-back,back,0\n"}},
		{name: "jsonl", args: []string{"export", "--technique", "back-raking", "--format", "jsonl", "--rate", "10"}, code: 0,
			out: []string{`{"knead_header":{"schema":"knead.trajectory","version":2,`, "\n" + `{"t":0.0,"x":`, `"hand":"right","region":"lower-back","chart":"back","contact":`, `"qw":`, `{"t":60.0,`}},
		{name: "rate from the environment", args: []string{"export", "--technique", "back-raking"}, env: map[string]string{"KNEAD_RATE": "1000"}, code: 0,
			out: []string{"\n0.001,", "\n60.000,"}},
		{name: "feet need a limit", args: []string{"export", "--technique", "toe-rotation"}, code: 1,
			err: []string{"refused", "toe-rotation step 1", "no force limit", "--max-force"}},
		{name: "feet with a limit", args: []string{"export", "--technique", "toe-rotation", "--max-force", "12"}, code: 0,
			out: []string{",left,toes,foot,"}},
		{name: "feet with a region limit", args: []string{"export", "--technique", "toe-rotation", "--limit", "foot=12"}, code: 0,
			out: []string{",left,toes,foot,", `"limit_n":12,"source":"set by the user"`}},
		{name: "a cap of 0", args: []string{"export", "--technique", "toe-rotation", "--max-force", "0"}, code: 1,
			err: []string{"invalid --max-force 0: expected newtons above 0"}},
		{name: "a cap of 0 on the back", args: []string{"export", "--technique", "back-raking", "--max-force", "0"}, code: 1,
			err: []string{"invalid --max-force 0"}},
		{name: "a cap above the limit", args: []string{"export", "--technique", "back-raking", "--max-force", "1e9"}, code: 1,
			err: []string{"refused", "--max-force 1000000000 N is above the 210 N limit for the back and shoulders"}},
		{name: "a cap above the feet's ceiling", args: []string{"export", "--technique", "toe-rotation", "--max-force", "500"}, code: 1,
			err: []string{"refused", "above the 130 N limit for the foot"}},
		{name: "a limit raised", args: []string{"export", "--technique", "back-raking", "--limit", "back=300"}, code: 1,
			err: []string{"--limit", "at most 210 N for the back and shoulders"}},
		{name: "an unknown region", args: []string{"export", "--technique", "back-raking", "--limit", "bak=30"}, code: 1,
			err: []string{`unknown region "bak"`}},
		{name: "a speed raised", args: []string{"export", "--technique", "back-raking", "--contact-speed", "2"}, code: 1,
			err: []string{"invalid --contact-speed 2", "at most 0.5 m/s"}},
		{name: "a lower speed slows the strokes", args: []string{"export", "--technique", "back-fan-stroke", "--contact-speed", "0.1"}, code: 0,
			out: []string{`# limits: {"contact_speed_m_s":0.1,`, "\n85.00,"}},
		{name: "a lower acceleration slows the scalp tapping", args: []string{"export", "--technique", "scalp-tapping", "--accel", "1.5", "--max-force", "5", "--rate", "10"}, code: 0,
			out: []string{`"acceleration_m_s2":1.5,`, ",left,scalp,"}},
		{name: "a step that cannot slow enough", args: []string{"export", "--technique", "scalp-tapping", "--accel", "0.1", "--max-force", "5"}, code: 1,
			err: []string{"refused", "scalp-tapping step", "acceleration", "above the 0.10 m/s² limit", "even laid out as slowly as its", "cannot fit within this limit"}},
		{name: "a bad height", args: []string{"export", "--technique", "back-raking", "--height", "3"}, code: 1,
			err: []string{"invalid --height", "1.2 to 2.2"}},
		{name: "bad columns", args: []string{"export", "--technique", "back-raking", "--columns", "4d"}, code: 1,
			err: []string{`invalid --columns "4d"`}},
		{name: "above the limit", args: []string{"export", "--technique", "back-raking", "--force", "light=300"}, code: 1,
			err: []string{"refused", "back-raking step 1", "300.0 N", "210 N limit"}},
		{name: "bad force", args: []string{"export", "--technique", "back-raking", "--force", "firm=3"}, code: 1,
			err: []string{`unknown pressure "firm"`}},
		{name: "rate too high", args: []string{"export", "--technique", "back-raking", "--rate", "1001"}, code: 1,
			err: []string{"invalid --rate 1001"}},
		{name: "rate zero", args: []string{"export", "--technique", "back-raking", "--rate", "0"}, code: 1, err: []string{"invalid --rate 0"}},
		{name: "bad format", args: []string{"export", "--technique", "back-raking", "--format", "xml"}, code: 1,
			err: []string{`invalid --format "xml": expected csv, jsonl, ros2-json or urdf`}},
		{name: "ros2 json", args: []string{"export", "--technique", "back-raking", "--format", "ros2-json", "--rate", "5"}, code: 0,
			out: []string{`{"knead_header":{"schema":"knead.ros2_trajectory",`, `"frame_id":"knead_body"`, `"tracked_frame":"knead_tool_right"`, `"wrench":{"force":{`, `"contact_type":"sustained"`, `"abort_threshold_n":`}},
		{name: "urdf", args: []string{"export", "--format", "urdf", "--build", "broad"}, code: 0,
			out: []string{`<robot name="knead_body">`, `<link name="knead_body"/>`, "</robot>\n"}},
		{name: "urdf takes no technique", args: []string{"export", "--format", "urdf", "--technique", "back-raking"}, code: 2,
			err: []string{"takes no technique or routine"}},
		{name: "urdf with a bad build", args: []string{"export", "--format", "urdf", "--build", "huge"}, code: 1,
			err: []string{"invalid --height or --build", `unknown build "huge"`}},
		{name: "negative cap", args: []string{"export", "--technique", "back-raking", "--max-force", "-2"}, code: 1, err: []string{"invalid --max-force -2"}},
		{name: "unknown technique", args: []string{"export", "--technique", "back-rakin"}, code: 1, err: []string{`no technique has the id "back-rakin"`}},
		{name: "nothing to export", args: []string{"export"}, code: 2, err: []string{"export needs --technique ID or a routine file"}},
		{name: "both", args: []string{"export", "--technique", "back-raking", "r.yaml"}, code: 2, err: []string{"not both"}},
		{name: "missing file", args: []string{"export", "no-such-routine.yaml"}, code: 1, err: []string{"no-such-routine.yaml"}},
	}
	for _, tc := range tests {
		r := run(t, tc.env, tc.args...)
		if r.code != tc.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tc.name, r.code, tc.code, r.err)
		}
		for _, s := range tc.out {
			if !strings.Contains(r.out, s) {
				t.Errorf("%s: stdout lacks %q (starts %q)", tc.name, s, r.out[:min(len(r.out), 120)])
			}
		}
		for _, s := range tc.err {
			if !strings.Contains(r.err, s) {
				t.Errorf("%s: stderr %q lacks %q", tc.name, r.err, s)
			}
		}
		if tc.code != 0 && r.out != "" {
			t.Errorf("%s: a failed export printed %d bytes", tc.name, len(r.out))
		}
	}
}

const routineYAML = `routine:
  id: short-back
  name: A short back massage
  mode: partner
  pressure: moderate
  items:
    - technique: back-fan-stroke
      area: upper-back
      phase: warm-up
      seconds: 90
      pressure: light
    - name: Shoulder squeeze
      area: shoulders
      phase: work
      seconds: 30
      steps:
        - say: Squeeze the tops of the shoulders slowly.
          motion: squeeze
          at: tops-of-shoulders
`

func TestExportRoutine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "short.yaml")
	if err := os.WriteFile(path, []byte(routineYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "short.csv")
	r := run(t, nil, "export", path, "--rate", "20", "--out", out)
	if r.code != 0 {
		t.Fatalf("export routine: exit %d, %s", r.code, r.err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comment = '#'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	last := recs[len(recs)-1]
	if last[0] != "120.00" {
		t.Errorf("the routine's last row is at %s s, want 120.00 (90 + 30)", last[0])
	}
	areas := map[string]bool{}
	for _, rec := range recs[1:] {
		areas[rec[5]] = true
		f, _ := strconv.ParseFloat(rec[3], 64)
		if f < 0 || f > 210 {
			t.Fatalf("row %v: force out of bounds", rec)
		}
	}
	if !areas["back"] || !areas["shoulders"] {
		t.Errorf("areas %v, want the back and the shoulders", areas)
	}

	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte(strings.Replace(routineYAML, "back-fan-stroke", "back-fan-strok", 1)), 0o644)
	r = run(t, nil, "export", bad, "--out", filepath.Join(dir, "bad.csv"))
	if r.code != 1 || !strings.Contains(r.err, "bad.yaml:") || !strings.Contains(r.err, "back-fan-strok") {
		t.Errorf("a bad routine: exit %d, stderr %q; want exit 1 naming file:line:col", r.code, r.err)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.csv")); err == nil {
		t.Error("a failed export left a file")
	}
}

func TestExportJSONLines(t *testing.T) {
	r := run(t, nil, "export", "--technique", "scalp-chopping", "--format", "jsonl", "--rate", "5")
	lines := strings.Split(strings.TrimSuffix(r.out, "\n"), "\n")
	if r.code != 0 || len(lines) != 1+2*(20*5+1) {
		t.Fatalf("exit %d, %d lines", r.code, len(lines))
	}
	for _, l := range lines[1:] {
		var row struct {
			T, X, Y, ForceN float64
			Hand, Region    string
		}
		if err := json.Unmarshal([]byte(strings.Replace(l, "force_n", "forceN", 1)), &row); err != nil || row.Region != "scalp" {
			t.Fatalf("line %q: %v", l, err)
		}
	}
}

// A routine's pressure caps every item that gives none, alike in check,
// play and export: a light routine stays light.
func TestRoutinePressureCapsItems(t *testing.T) {
	const light = `routine:
  id: light-back
  name: A light back
  mode: partner
  pressure: light
  items:
    - technique: back-fan-stroke
      seconds: 60
    - technique: back-circling-hands
      seconds: 40
`
	path := filepath.Join(t.TempDir(), "light.yaml")
	if err := os.WriteFile(path, []byte(light), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, nil, "check", path); r.code != 0 {
		t.Fatalf("check: exit %d, %s", r.code, r.err)
	}
	_, s := playHeadless(t, func(m *tui.Model, advance func(time.Duration)) { key(m, "q") }, "play", path)
	for _, mv := range s.Script.Moves {
		if mv.Pressure != "light" {
			t.Errorf("play: %s step %d at %q, want light", mv.Technique, mv.Step, mv.Pressure)
		}
	}
	r := run(t, nil, "export", path, "--rate", "50", "--columns", "2d")
	if r.code != 0 {
		t.Fatalf("export: exit %d, %s", r.code, r.err)
	}
	cr := csv.NewReader(strings.NewReader(r.out))
	cr.Comment = '#'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	top := 0.0
	for _, rec := range recs[1:] {
		f, _ := strconv.ParseFloat(rec[3], 64)
		top = math.Max(top, f)
	}
	// light is 0.3 of the 14 N of a full press (motion.levelPressure)
	if top > 4.2+1e-9 || top < 3 {
		t.Errorf("export: the firmest force of a light routine is %v N, want the light level's (about 4.2 N)", top)
	}
}

// --preview draws the 3D path over the body: both hands, contact solid,
// travel dotted, in the body frame.
func TestExportPreview(t *testing.T) {
	dir := t.TempDir()
	svg := filepath.Join(dir, "p.svg")
	r := run(t, nil, "export", "--technique", "back-circling-hands", "--preview", svg, "--out", filepath.Join(dir, "p.csv"))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{"<svg", "knead_body", `stroke="#0072b2"`, `stroke="#d55e00"`, "stroke-dasharray", "from behind"} {
		if !strings.Contains(s, want) {
			t.Errorf("the preview lacks %q", want)
		}
	}
}
