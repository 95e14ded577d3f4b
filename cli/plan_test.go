package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
)

func TestPlanExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		code int
		out  []string
		err  []string
	}{
		{name: "card", args: []string{"plan", "--area", "back", "--area", "scalp", "--minutes", "20", "--mode", "partner"}, code: 0,
			out: []string{"BEFORE YOU START", "Wash the hair", "BACK", "SCALP", "Warm-up", "Work", "Finish", "Hands-on time: 20:00", "Knead is not medical advice."}},
		{name: "comma list", args: []string{"plan", "--area", "shoulders,arms", "--minutes", "10", "--mode", "self"}, code: 0,
			out: []string{"SHOULDERS", "ARMS", "Warm your hands"}},
		{name: "environment twins", args: []string{"plan"}, env: map[string]string{"KNEAD_AREA": "feet", "KNEAD_MINUTES": "15", "KNEAD_CONDITION": "inflamed-joint:ankle"}, code: 0,
			out: []string{"FEET", "LEFT OUT", "inflamed-joint:ankle"}},
		{name: "no area", args: []string{"plan", "--minutes", "10"}, code: 2, err: []string{"needs at least one --area"}},
		{name: "no minutes", args: []string{"plan", "--area", "back"}, code: 2, err: []string{"needs --minutes"}},
		{name: "arguments", args: []string{"plan", "back"}, code: 2, err: []string{"takes no arguments"}},
		{name: "bad area", args: []string{"plan", "--area", "bak", "--minutes", "10"}, code: 1, err: []string{`unknown area "bak"`, "did you mean back?"}},
		{name: "zero minutes is out of range, not missing", args: []string{"plan", "--area", "back", "--minutes", "0"}, code: 1, err: []string{"--minutes: 0 is outside 1–120"}},
		{name: "minutes in words", args: []string{"plan", "--area", "back", "--minutes", "ten"}, code: 1, err: []string{`invalid value "ten" for --minutes: expected a number of minutes`}},
		{name: "a switch in words", args: []string{"plan", "--area", "back", "--minutes", "10"}, env: map[string]string{"KNEAD_JSON": "yes"}, code: 1,
			err: []string{`invalid value "yes" in KNEAD_JSON (the twin of --json): expected true or false`}},
		{name: "minutes out of range", args: []string{"plan", "--area", "back", "--minutes", "200"}, code: 1, err: []string{"--minutes: 200 is outside 1–120"}},
		{name: "bad mode", args: []string{"plan", "--area", "back", "--minutes", "10", "--mode", "robot"}, code: 1, err: []string{`--mode: unknown mode "robot"`}},
		{name: "bad condition", args: []string{"plan", "--area", "feet", "--minutes", "10", "--condition", "inflamed-joint:paw"}, code: 1,
			err: []string{"--condition:", "needs a joint after the colon"}},
		{name: "bad weight", args: []string{"plan", "--area", "back", "--minutes", "10", "--weight", "back"}, code: 1, err: []string{`invalid --weight "back": expected AREA=N`}},
		{name: "weight for another area", args: []string{"plan", "--area", "back", "--minutes", "10", "--weight", "feet=2"}, code: 1, err: []string{"--weight:", "not one of the areas asked for"}},
		{name: "nothing safe", args: []string{"plan", "--area", "scalp", "--minutes", "10", "--condition", "unhealthy-scalp"}, code: 1,
			err: []string{"--condition: nothing safe is left", "unhealthy-scalp"}},
		{name: "stop: a possible clot", args: []string{"plan", "--area", "legs", "--minutes", "10", "--condition", "possible-clot"}, code: 1,
			err: []string{"--condition: no session today", "blood clot", "See a doctor today", "https://"}},
		{name: "stop: fever", args: []string{"plan", "--area", "back", "--minutes", "10", "--condition", "fever"}, code: 1,
			err: []string{"no session today", "see a doctor"}},
		{name: "ask first", args: []string{"plan", "--area", "back", "--minutes", "10", "--condition", "pregnancy"}, code: 1,
			err: []string{"--condition: ask a health professional first", "--cleared"}},
		{name: "cleared pregnancy plans no face-down work", args: []string{"plan", "--area", "back,feet", "--minutes", "10", "--condition", "pregnancy", "--cleared", "--mode", "partner"}, code: 0,
			out: []string{"SAFETY", "face down", "FEET"}},
		{name: "blood thinners keep it light and say why", args: []string{"plan", "--area", "scalp", "--minutes", "10", "--condition", "blood-thinners", "--pressure", "deep"}, code: 0,
			out: []string{"SAFETY", "every move stays light", "nccam.nih.gov", "no tapping and chopping"}},
		{name: "a recent fracture leaves the area out", args: []string{"plan", "--area", "legs", "--minutes", "10", "--condition", "recent-fracture:calves", "--mode", "self"}, code: 0,
			out: []string{"LEFT OUT", "recent-fracture:calves"}},
		{name: "bad age", args: []string{"plan", "--area", "back", "--minutes", "10", "--age", "toddler"}, code: 1,
			err: []string{`--age: unknown age group "toddler"`}},
		{name: "too few minutes", args: []string{"plan", "--area", "back,scalp,feet", "--minutes", "1", "--mode", "partner"}, code: 1,
			err: []string{"--minutes: 1 is too few", "would do"}},
		{name: "too many minutes", args: []string{"plan", "--area", "jaw", "--minutes", "60", "--mode", "partner", "--condition", "inflamed-joint:jaw"}, code: 1,
			err: []string{"--minutes: 60 is more than", "at most"}},
		{name: "short plan drops phases", args: []string{"plan", "--area", "back", "--minutes", "2", "--mode", "partner"}, code: 0,
			out: []string{"DROPPED FOR LACK OF TIME", "finish on the back"}},
		{name: "help lists the conditions", args: []string{"plan", "--help"}, code: 0,
			out: []string{"unhealthy-scalp", "inflamed-joint:JOINT", "sensitive:AREA", "wound:AREA", "fever", "possible-clot", "pregnancy",
				"blood-thinners", "recent-fracture:AREA", "numbness:AREA", "epilepsy", "--cleared", "--age", "infant", "docs/safety.md", "--screen"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.env, tt.args...)
			if r.code != tt.code {
				t.Fatalf("knead %q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, r.code, tt.code, r.out, r.err)
			}
			for _, s := range tt.out {
				if !strings.Contains(r.out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.out)
				}
			}
			for _, s := range tt.err {
				if !strings.Contains(r.err, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.err)
				}
			}
		})
	}
}

func TestPlanJSON(t *testing.T) {
	r := run(t, nil, "plan", "--area", "feet", "--minutes", "15", "--condition", "inflamed-joint:ankle", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(r.out), &got); err != nil {
		t.Fatalf("not one JSON value: %v\n%s", err, r.out)
	}
	for _, k := range []string{"total_seconds", "prep", "items", "excluded", "cautions", "notes", "transitions"} {
		if _, ok := got[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if got["total_seconds"] != 900.0 {
		t.Errorf("total_seconds %v, want 900", got["total_seconds"])
	}
	item := got["items"].([]any)[0].(map[string]any)
	for _, k := range []string{"technique", "area", "phase", "seconds", "pressure", "side"} {
		if _, ok := item[k]; !ok {
			t.Errorf("item lacks %q: %v", k, item)
		}
	}
	ex := got["excluded"].([]any)[0].(map[string]any)
	for _, k := range []string{"technique", "area", "reason"} {
		if _, ok := ex[k]; !ok {
			t.Errorf("excluded entry lacks %q: %v", k, ex)
		}
	}
	for _, x := range got["prep"].([]any) {
		prep := x.(map[string]any)
		for _, k := range []string{"id", "seconds"} {
			if _, ok := prep[k]; !ok {
				t.Errorf("prep entry lacks %q: %v", k, prep)
			}
		}
	}
	// the cream comes once they are in position, as a transition
	tr := got["transitions"].([]any)[0].(map[string]any)
	for _, k := range []string{"before", "kind", "say", "seconds"} {
		if _, ok := tr[k]; !ok {
			t.Errorf("transition lacks %q: %v", k, tr)
		}
	}
}

func TestPlanOut(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "evening.yaml")
	args := []string{"plan", "--area", "back,scalp", "--minutes", "20", "--mode", "partner", "--out", path}
	r := run(t, nil, args...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	if r.out != "" || !strings.Contains(r.err, "to "+path+"; 'knead check") || strings.Count(strings.TrimSpace(r.err), "\n") != 0 {
		t.Errorf("with --out FILE, stdout should be empty and stderr one line saying where the routine went:\nstdout %q\nstderr %q", r.out, r.err)
	}
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	rt, err := catalog.ReadRoutine(cat, path)
	if err != nil {
		t.Fatalf("the written routine does not read back: %v", err)
	}
	if rt.TotalSeconds() != 1200 || rt.Mode != "partner" || len(rt.Prep) == 0 {
		t.Errorf("routine: %v s, mode %s, prep %v", rt.TotalSeconds(), rt.Mode, rt.Prep)
	}
	if c := run(t, nil, "check", path); c.code != 0 {
		t.Errorf("knead check rejects the plan's routine: %s%s", c.out, c.err)
	}

	// An existing file is kept unless --force.
	before, _ := os.ReadFile(path)
	r = run(t, nil, "plan", "--area", "feet", "--minutes", "10", "--out", path)
	if r.code != 1 || !strings.Contains(r.err, "exists") || !strings.Contains(r.err, "--force") {
		t.Errorf("overwriting without --force: exit %d, %s", r.code, r.err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the refused --out changed the file")
	}
	r = run(t, nil, "plan", "--area", "feet", "--minutes", "10", "--out", path, "--force", "--json")
	if r.code != 0 || !strings.Contains(r.err, "Wrote \"Feet · 10 min\"") {
		t.Fatalf("--force: exit %d, %s", r.code, r.err)
	}
	var js map[string]any
	if err := json.Unmarshal([]byte(r.out), &js); err != nil {
		t.Errorf("--json with --out printed more than JSON on stdout: %v", err)
	}
	rt, err = catalog.ReadRoutine(cat, path)
	if err != nil || rt.TotalSeconds() != 600 {
		t.Errorf("after --force: %v, %v s", err, rt)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind in the folder: %v", entries)
	}

	// A folder that does not exist is an input error, and nothing is written.
	r = run(t, nil, "plan", "--area", "feet", "--minutes", "10", "--out", filepath.Join(dir, "no", "such", "x.yaml"))
	if r.code != 1 || !strings.Contains(r.err, "--out") {
		t.Errorf("--out into a missing folder: exit %d, %s", r.code, r.err)
	}
}

// The recipe cards of the three scenarios.
func TestPlanGolden(t *testing.T) {
	tests := []struct {
		file string
		args []string
	}{
		{"plan-back-scalp-partner-20.txt", []string{"plan", "--area", "back,scalp", "--minutes", "20", "--mode", "partner", "--width", "80"}},
		{"plan-shoulders-arms-self-10.txt", []string{"plan", "--area", "shoulders,arms", "--minutes", "10", "--mode", "self", "--width", "80"}},
		{"plan-feet-inflamed-ankle-15.txt", []string{"plan", "--area", "feet", "--minutes", "15", "--condition", "inflamed-joint:ankle", "--width", "80"}},
		{"plan-sensitive-scalp-40.txt", []string{"plan", "--area", "scalp", "--minutes", "6", "--condition", "sensitive:scalp", "--mode", "partner", "--width", "40"}},
		// cut short: titled by the time it lasts, the minutes asked said in its note
		{"plan-jaw-self-20-cut-short.txt", []string{"plan", "--area", "jaw", "--minutes", "20", "--mode", "self", "--width", "80"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := run(t, nil, tt.args...)
			if r.code != 0 || r.err != "" {
				t.Fatalf("knead %q: exit %d\n%s", tt.args, r.code, r.err)
			}
			path := filepath.Join("testdata", "golden", tt.file)
			if *update {
				if err := os.WriteFile(path, []byte(r.out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./cli -run TestPlanGolden -update to write it)", err)
			}
			if d := cmp.Diff(string(want), r.out); d != "" {
				t.Errorf("knead %q differs from %s (-want +got):\n%s", tt.args, path, d)
			}
			width := 80
			if strings.HasSuffix(tt.file, "-40.txt") {
				width = 40
			}
			for _, l := range strings.Split(r.out, "\n") {
				if n := len([]rune(l)); n > width && !strings.Contains(strings.TrimSpace(l), " ") {
					continue // one word longer than the line
				} else if n > width {
					t.Errorf("line wider than %d: %q", width, l)
				}
			}
		})
	}
}

// cardMoves splits a plan card into its moves: each move's name (with its
// clock) and the lines under it.
func cardMoves(card string) [][]string {
	move := regexp.MustCompile(`^\s+\d+:\d\d\s+\d+:\d\d  `)
	var out [][]string
	for _, l := range strings.Split(card, "\n") {
		switch {
		case move.MatchString(l):
			out = append(out, []string{l})
		case len(out) > 0 && strings.HasPrefix(l, "                   "):
			out[len(out)-1] = append(out[len(out)-1], l)
		case len(out) > 0 && strings.TrimSpace(l) != "":
			out = append(out, nil) // a phase or section heading ends the move
		}
	}
	return out
}

// Every move on the card shows every caution its JSON item carries (those
// said before the session are in CHECK FIRST): in full the first time, its
// first sentence after that.
func TestPlanCardShowsEveryCaution(t *testing.T) {
	for _, args := range [][]string{
		{"plan", "--area", "back", "--minutes", "20", "--mode", "partner", "--pressure", "deep", "--width", "200"},
		{"plan", "--area", "back", "--area", "scalp", "--area", "feet", "--minutes", "30", "--mode", "partner", "--width", "200"},
		{"plan", "--area", "shoulders", "--area", "arms", "--minutes", "15", "--mode", "self", "--width", "200"},
	} {
		r := run(t, nil, args...)
		j := run(t, nil, append(args, "--json")...)
		if r.code != 0 || j.code != 0 {
			t.Fatalf("knead %q: exit %d %d: %s%s", args, r.code, j.code, r.err, j.err)
		}
		var p plan.Plan
		if err := json.Unmarshal([]byte(j.out), &p); err != nil {
			t.Fatal(err)
		}
		say := map[string]plan.Caution{}
		for _, c := range p.Cautions {
			say[c.ID] = c
		}
		var moves [][]string
		for _, m := range cardMoves(r.out) {
			if m != nil {
				moves = append(moves, m)
			}
		}
		if len(moves) != len(p.Items) {
			t.Fatalf("knead %q: %d moves on the card, %d items in the JSON", args, len(moves), len(p.Items))
		}
		for i, it := range p.Items {
			var want []string
			for _, id := range it.Cautions {
				if say[id].When != "before" {
					want = append(want, firstSentence(say[id].Say))
				}
			}
			var got []string
			for _, l := range moves[i][1:] {
				if l = strings.TrimSpace(l); strings.HasPrefix(l, "! ") {
					got = append(got, strings.TrimPrefix(l, "! "))
				}
			}
			if len(got) != len(want) {
				t.Errorf("knead %q: item %d (%s) shows %q, want the %d cautions %q", args, i, it.Technique, got, len(want), want)
				continue
			}
			for k := range want {
				if !strings.HasPrefix(got[k], strings.TrimSuffix(want[k], ".")) {
					t.Errorf("knead %q: item %d (%s) caution %d reads %q, want %q", args, i, it.Technique, k, got[k], want[k])
				}
			}
		}
	}
}

// The LEFT OUT lines read as sentences: a name, what it is left out of,
// and why, each ending in a full stop.
func TestLeftOutSentences(t *testing.T) {
	tests := []struct {
		e    plan.Excluded
		want string
	}{
		{plan.Excluded{Name: "Deep stroking of the legs", Area: "legs", Reason: "works on the thighs: with a recent injury at the thighs (injury:thighs), that area is left out"},
			"Deep stroking of the legs is left out of the legs. It works on the thighs, and with a recent injury at the thighs (injury:thighs), that area is left out."},
		{plan.Excluded{Name: "Back petrissage", Area: "lower-back", Reason: "needs deep pressure, and light pressure was asked for"},
			"Back petrissage is left out of the lower back. It needs deep pressure, and light pressure was asked for."},
		{plan.Excluded{Name: "Knead your ankles", Area: "ankles", Reason: "kneading over the ankle: with an inflamed ankle, only light stroking stays there"},
			"Knead your ankles is left out of the ankles. It is kneading over the ankle, and with an inflamed ankle, only light stroking stays there."},
	}
	for _, tt := range tests {
		if got := leftOut(tt.e); got != tt.want {
			t.Errorf("leftOut:\n got  %q\n want %q", got, tt.want)
		}
	}
}

func TestClock(t *testing.T) {
	for s, want := range map[float64]string{0: "0:00", 5: "0:05", 59.6: "1:00", 60: "1:00", 605: "10:05", 7200: "120:00"} {
		if got := clock(s); got != want {
			t.Errorf("clock(%v) = %q, want %q", s, got, want)
		}
	}
	for _, s := range massage.Sides.IDs() {
		if s != "none" && s != "alternate" && s != "swap-hands" && sideWords(s) == "" {
			t.Errorf("side %q has no words on the card", s)
		}
	}
}

// The flags and their environment twins make the request the planner gets.
func TestPlanParse(t *testing.T) {
	tests := []struct {
		args []string
		env  map[string]string
		want plan.Request
	}{
		{[]string{"plan", "--area", "back", "--area", "scalp", "--minutes", "20", "--mode", "partner"}, nil,
			plan.Request{Areas: []string{"back", "scalp"}, Minutes: 20, Mode: "partner", Pressure: "moderate"}},
		{[]string{"plan", "--area=legs,back", "--minutes=12.5", "--weight", "back=2,legs=0.5", "--condition", "injury:calves", "--condition", "sensitive:back", "--seed", "-4", "--pressure", "light"}, nil,
			plan.Request{Areas: []string{"legs", "back"}, Minutes: 12.5, Pressure: "light", Seed: -4,
				Weights: map[string]float64{"back": 2, "legs": 0.5}, Conditions: []string{"injury:calves", "sensitive:back"}}},
		{[]string{"plan"}, map[string]string{"KNEAD_AREA": "feet, hands", "KNEAD_MINUTES": "9", "KNEAD_CONDITION": "wound:toes,inflamed-joint:ankle", "KNEAD_SEED": "3"},
			plan.Request{Areas: []string{"feet", "hands"}, Minutes: 9, Pressure: "moderate", Seed: 3, Conditions: []string{"wound:toes", "inflamed-joint:ankle"}}},
		{[]string{"plan", "--minutes", "5"}, map[string]string{"KNEAD_AREA": "back", "KNEAD_MINUTES": "50"},
			plan.Request{Areas: []string{"back"}, Minutes: 5, Pressure: "moderate"}},
	}
	for _, tt := range tests {
		inv, err := Parse(tt.args[0:], func(k string) string { return tt.env[k] })
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		got := inv.Options.(*planOptions).req
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%q with %v (-want +got):\n%s", tt.args, tt.env, d)
		}
	}
}

// --screen asks the questions on standard error and reads the answers from
// standard input: "yes" to blood thinners lightens the plan; a possible clot
// stops it.
func TestPlanScreen(t *testing.T) {
	ask := func(input string, args ...string) result {
		var out, errb bytes.Buffer
		code := Main(context.Background(), append([]string{"plan", "--screen"}, args...), Streams{In: strings.NewReader(input), Out: &out, Err: &errb, Getenv: func(string) string { return "" }})
		return result{code, out.String(), errb.String()}
	}
	// age: adult; unwell: no; calf: no; pregnant: no; bleeding: yes, thinners
	r := ask("1\nn\nn\nn\ny\n1\n", "--area", "scalp", "--minutes", "10", "--pressure", "deep")
	if r.code != 0 || !strings.Contains(r.err, "blood thinners") || !strings.Contains(r.out, "every move stays light") || strings.Contains(r.out, "moderate,") {
		t.Errorf("blood thinners: exit %d\nstderr:\n%s\nstdout:\n%s", r.code, r.err, r.out)
	}
	r = ask("\nn\ny\n1\n", "--area", "legs", "--minutes", "10")
	if r.code != 1 || !strings.Contains(r.err, "no session today") || !strings.Contains(r.err, "See a doctor") {
		t.Errorf("possible clot: exit %d\nstderr:\n%s", r.code, r.err)
	}
	// a fracture asks where; a wrong place is asked again
	r = ask("\nn\nn\nn\nn\ny\n1\npaw\ncalves\n", "--area", "legs", "--minutes", "10", "--mode", "self")
	if r.code != 0 || !strings.Contains(r.err, "Where?") || !strings.Contains(r.out, "recent-fracture:calves") {
		t.Errorf("fracture: exit %d\nstderr:\n%s\nstdout:\n%s", r.code, r.err, r.out)
	}
}
