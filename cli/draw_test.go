package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDraw(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		out  []string
		err  []string
	}{
		{name: "a technique", args: []string{"draw", "back-fan-stroke"}, code: 0,
			out: []string{"<svg", "Fan stroke", "1. Sweep up and fan out", "2. Deepen a little each pass", "kn-keep", "</svg>"}},
		{name: "one step", args: []string{"draw", "scalp-petrissage#3"}, code: 0,
			out: []string{"<svg", "step 3 of 7", "Climb an inch"}},
		{name: "unknown id", args: []string{"draw", "back-fan-strok"}, code: 1,
			err: []string{`no technique has the id "back-fan-strok"`, "back-fan-stroke"}},
		{name: "no such step", args: []string{"draw", "toe-rotation#2"}, code: 1,
			err: []string{"toe-rotation has 1 step; there is no step 2"}},
		{name: "a preparation", args: []string{"draw", "foot-soak"}, code: 1,
			err: []string{"foot-soak is a preparation", "nothing to draw", "knead show foot-soak"}},
		{name: "a routine file without a folder", args: []string{"draw", "mine.yaml"}, code: 2,
			err: []string{"mine.yaml is a routine file", "--out-dir DIR"}},
		{name: "out-dir for a technique", args: []string{"draw", "toe-rotation", "--out-dir", "x"}, code: 2,
			err: []string{"--out-dir is for a routine file"}},
		{name: "step not a number", args: []string{"draw", "toe-rotation#one"}, code: 1,
			err: []string{`invalid step "one"`, "toe-rotation#1"}},
		{name: "step zero", args: []string{"draw", "toe-rotation#0"}, code: 1, err: []string{"expected a step number from 1"}},
		{name: "no id", args: []string{"draw"}, code: 2, err: []string{"draw needs the id of a technique"}},
		{name: "two ids", args: []string{"draw", "a", "b"}, code: 2, err: []string{"draw takes one id"}},
	}
	for _, tc := range tests {
		r := run(t, nil, tc.args...)
		if r.code != tc.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tc.name, r.code, tc.code, r.err)
		}
		for _, s := range tc.out {
			if !strings.Contains(r.out, s) {
				t.Errorf("%s: stdout lacks %q", tc.name, s)
			}
		}
		for _, s := range tc.err {
			if !strings.Contains(r.err, s) {
				t.Errorf("%s: stderr %q lacks %q", tc.name, r.err, s)
			}
		}
	}
}

func TestDrawOutAndJSON(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "toes.svg")
	r := run(t, nil, "draw", "toe-rotation", "--out", path)
	if r.code != 0 || r.out != "" {
		t.Fatalf("draw --out: exit %d, stdout %q, stderr %q", r.code, r.out, r.err)
	}
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(data), "<svg") || !strings.HasSuffix(string(data), "</svg>\n") {
		t.Fatalf("draw --out wrote %d bytes (%v)", len(data), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("draw --out left %d files, want 1", len(entries))
	}
	// a failure leaves no file behind
	r = run(t, nil, "draw", "toe-rotation#5", "--out", filepath.Join(dir, "none.svg"))
	if _, err := os.Stat(filepath.Join(dir, "none.svg")); r.code != 1 || err == nil {
		t.Errorf("a failed draw --out: exit %d, file exists: %v", r.code, err == nil)
	}

	r = run(t, map[string]string{"KNEAD_JSON": "1"}, "draw", "scalp-chopping")
	var got struct {
		Technique string `json:"technique"`
		Steps     []struct {
			View  string `json:"view"`
			Hands []struct {
				Hand    string    `json:"hand"`
				T       []float64 `json:"t"`
				X       []float64 `json:"x"`
				Contact []int     `json:"contact"`
			} `json:"hands"`
		} `json:"steps"`
	}
	if err := json.Unmarshal([]byte(r.out), &got); err != nil {
		t.Fatalf("draw --json: %v\n%s", err, r.out[:min(len(r.out), 200)])
	}
	if got.Technique != "scalp-chopping" || len(got.Steps) != 1 || got.Steps[0].View != "head-back" || len(got.Steps[0].Hands) != 2 {
		t.Fatalf("draw --json: %+v", got)
	}
	h := got.Steps[0].Hands[0]
	if len(h.T) == 0 || len(h.T) != len(h.X) || len(h.T) != len(h.Contact) {
		t.Errorf("draw --json: arrays of %d, %d, %d", len(h.T), len(h.X), len(h.Contact))
	}
	if strings.Count(strings.TrimSpace(r.out), "\n") != 0 {
		t.Error("draw --json is not one line")
	}
}

func TestParseStepRef(t *testing.T) {
	tests := []struct {
		in   string
		id   string
		step int
		ok   bool
	}{
		{"back-raking", "back-raking", 0, true},
		{"back-raking#2", "back-raking", 2, true},
		{"back-raking#", "", 0, false},
		{"#2", "", 0, false},
		{"back-raking#-1", "", 0, false},
		{"back-raking#2#3", "", 0, false},
	}
	for _, tc := range tests {
		id, step, err := parseStepRef(tc.in)
		if (err == nil) != tc.ok || id != tc.id || step != tc.step {
			t.Errorf("parseStepRef(%q) = %q, %d, %v", tc.in, id, step, err)
		}
	}
}

func FuzzParseStepRef(f *testing.F) {
	for _, s := range []string{"a#1", "x", "#", "a#999999999999999999999", "a#0", "é#٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, step, err := parseStepRef(s)
		if err == nil && (id == "" || step < 0 || strings.Contains(id, "#")) {
			t.Errorf("%q gave %q, %d", s, id, step)
		}
	})
}

func TestDrawRoutineFile(t *testing.T) {
	dir := t.TempDir()
	routine := filepath.Join(dir, "mine.yaml")
	if r := run(t, nil, "plan", "--area", "feet", "--minutes", "10", "--seed", "3", "--out", routine); r.code != 0 {
		t.Fatalf("plan --out: exit %d: %s", r.code, r.err)
	}
	out := filepath.Join(dir, "handout")
	r := run(t, nil, "draw", routine, "--out-dir", out)
	if r.code != 0 {
		t.Fatalf("draw ROUTINE --out-dir: exit %d: %s", r.code, r.err)
	}
	files, err := filepath.Glob(filepath.Join(out, "*.svg"))
	if err != nil || len(files) < 2 {
		t.Fatalf("drew %d pictures (%v), want one per technique of the plan", len(files), err)
	}
	if !strings.HasSuffix(files[0], "01-"+strings.TrimPrefix(filepath.Base(files[0]), "01-")) || !strings.Contains(r.err, "Drew ") {
		t.Errorf("pictures %v, stderr %q", files, r.err)
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if !strings.HasPrefix(string(data), "<svg") {
			t.Errorf("%s is not an SVG", f)
		}
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("routine:\n  id: x\n  name: X\n  items:\n    - technique: nosuch\n      seconds: 60\n"), 0o644)
	if r := run(t, nil, "draw", bad, "--out-dir", out); r.code != 1 || !strings.Contains(r.err, "bad.yaml:") {
		t.Errorf("a routine with a mistake: exit %d, stderr %q; want 1 and its place", r.code, r.err)
	}
}
