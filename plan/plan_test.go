package plan

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

var update = flag.Bool("update", false, "rewrite the golden plans in testdata/golden")

// The three scenarios of the issue, kept as golden plans.
var scenarios = []struct {
	name string
	req  Request
}{
	{"back-scalp-partner-20", Request{Areas: []string{"back", "scalp"}, Minutes: 20, Mode: "partner"}},
	{"shoulders-arms-self-10", Request{Areas: []string{"shoulders", "arms"}, Minutes: 10, Mode: "self"}},
	{"feet-inflamed-ankle-15", Request{Areas: []string{"feet"}, Minutes: 15, Conditions: []string{"inflamed-joint:ankle"}}},
}

func TestGolden(t *testing.T) {
	cat := builtin(t)
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			p, err := Make(cat, sc.req)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(p, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", sc.name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./plan -run TestGolden -update to write it)", err)
			}
			if d := cmp.Diff(string(want), string(got)); d != "" {
				t.Errorf("plan differs from %s (-want +got):\n%s", path, d)
			}
			if ps := problems(cat, sc.req, p); len(ps) > 0 {
				t.Errorf("broken promises:\n  %s", strings.Join(ps, "\n  "))
			}
		})
	}
}

// The scenarios read as a therapist would want them to.
func TestScenarioShape(t *testing.T) {
	cat := builtin(t)
	plans := map[string]*Plan{}
	for _, sc := range scenarios {
		p, err := Make(cat, sc.req)
		if err != nil {
			t.Fatalf("%s: %v", sc.name, err)
		}
		plans[sc.name] = p
	}

	back := plans["back-scalp-partner-20"]
	if got := phasesOf(back, "back"); !slices.Equal(got, []string{"warm-up", "work", "finish"}) {
		t.Errorf("back phases %v", got)
	}
	if got := phasesOf(back, "scalp"); !slices.Equal(got, []string{"warm-up", "work", "finish"}) {
		t.Errorf("scalp phases %v", got)
	}
	for _, id := range []string{"back-petrissage", "scalp-petrissage"} {
		if !hasItem(back, id) {
			t.Errorf("a 20-minute back and scalp massage without %s", id)
		}
	}
	// The hair first, washed and brushed beforehand; the back's position
	// and oil come when the back does, position first.
	if got := prepIDs(back); !slices.Equal(got, []string{"wash-hair", "brush-hair"}) {
		t.Errorf("back and scalp preparations %v", got)
	}
	if back.Areas[0] != "scalp" {
		t.Errorf("areas played %v, want the scalp first (before any oil)", back.Areas)
	}
	if tr := transitionBefore(back, firstIndex(back, "back")); tr == nil || tr.Kind != "position+oil" || !strings.HasPrefix(tr.Say, "Ask them to lie down on their front. Move to their side.") {
		t.Errorf("before the back: %+v, want the turn, then the oil", tr)
	}
	warm := firstOf(back, "back", "warm-up")
	if f := cat.Technique(warm).Family; f != "light-stroking" {
		t.Errorf("the back warms up with %s (%s), want light stroking first", warm, f)
	}

	self := plans["shoulders-arms-self-10"]
	for _, it := range self.Items {
		if m := cat.Technique(it.Technique).Mode; m == "partner" {
			t.Errorf("self-massage plans the partner technique %s", it.Technique)
		}
		if slices.Contains(it.Cautions, "ask-pressure") {
			t.Errorf("self-massage item %s tells you to ask the receiver", it.Technique)
		}
	}
	if got := prepIDs(self); !slices.Equal(got, []string{"warm-hands"}) {
		t.Errorf("self-massage preparations %v, want warm-hands", got)
	}

	feet := plans["feet-inflamed-ankle-15"]
	if feet.Mode != "partner" {
		t.Errorf("the foot massage is for %q, want partner (the foot text is)", feet.Mode)
	}
	if !excludedIDs(feet)["deep-stroking-feet"] {
		t.Errorf("deep stroking over the inflamed ankle was not left out: %+v", feet.Excluded)
	}
	if got := prepIDs(feet); len(got) != 0 { // no warm soak for an inflamed ankle; the cream comes in position
		t.Errorf("foot preparations %v", got)
	}
	if tr := transitionBefore(feet, 0); tr == nil || tr.Kind != "position+oil" || !strings.Contains(tr.Say, "at their feet. Smooth cream") {
		t.Errorf("before the feet: %+v, want the position, then the cream", tr)
	}
	if first, last := feet.Items[0].Technique, feet.Items[len(feet.Items)-1].Technique; first != "foot-warm-up" || last != "foot-finishing-circles" {
		t.Errorf("the foot massage runs from %s to %s, want foot-warm-up to foot-finishing-circles", first, last)
	}
}

func phasesOf(p *Plan, section string) []string {
	var out []string
	for _, it := range p.Items {
		if it.Section == section && (len(out) == 0 || out[len(out)-1] != it.Phase) {
			out = append(out, it.Phase)
		}
	}
	return out
}

func hasItem(p *Plan, id string) bool {
	return slices.ContainsFunc(p.Items, func(it Item) bool { return it.Technique == id })
}

func firstOf(p *Plan, section, phase string) string {
	for _, it := range p.Items {
		if it.Section == section && it.Phase == phase {
			return it.Technique
		}
	}
	return ""
}

func prepIDs(p *Plan) []string {
	var out []string
	for _, x := range p.Prep {
		out = append(out, x.ID)
	}
	return out
}

func excludedIDs(p *Plan) map[string]bool {
	out := map[string]bool{}
	for _, e := range p.Excluded {
		out[e.Technique] = true
	}
	return out
}

// Each condition, and the asked pressure, against the built-in catalog.
func TestConditions(t *testing.T) {
	cat := builtin(t)
	tests := []struct {
		name     string
		req      Request
		errField string   // the field of the *Error expected, if any
		errHas   string   // and a part of its message
		out      []string // techniques that must be left out, naming the condition
		in       []string // techniques that must stay
		check    func(t *testing.T, p *Plan)
	}{
		{
			name: "unhealthy scalp leaves the back",
			req:  Request{Areas: []string{"back", "scalp"}, Minutes: 20, Mode: "partner", Conditions: []string{"unhealthy-scalp"}},
			out:  []string{"scalp-petrissage", "light-stroking-scalp", "hair-draw"},
			in:   []string{"back-petrissage"},
			check: func(t *testing.T, p *Plan) {
				if slices.Contains(p.Areas, "scalp") || !strings.Contains(strings.Join(p.Notes, " "), "scalp") {
					t.Errorf("areas %v, notes %q: want the scalp dropped and said so", p.Areas, p.Notes)
				}
				if slices.ContainsFunc(p.Prep, func(x Prep) bool { return x.ID == "wash-hair" }) {
					t.Error("the hair is washed for a scalp that is not massaged")
				}
			},
		},
		{
			name: "unhealthy scalp alone", req: Request{Areas: []string{"scalp"}, Minutes: 10, Conditions: []string{"unhealthy-scalp"}},
			errField: "conditions", errHas: "nothing safe is left",
		},
		{
			name: "unhealthy scalp keeps the ears", req: Request{Areas: []string{"head"}, Minutes: 5, Conditions: []string{"unhealthy-scalp"}},
			out: []string{"scalp-tapping"}, in: []string{"ear-rub"},
		},
		{
			name: "inflamed ankle in a foot massage",
			req:  Request{Areas: []string{"feet"}, Minutes: 15, Conditions: []string{"inflamed-joint:ankle"}},
			out:  []string{"deep-stroking-feet"},
			in:   []string{"foot-warm-up", "foot-knuckle-kneading"},
		},
		{
			name: "inflamed ankle leaves light stroking, light",
			req:  Request{Areas: []string{"ankles"}, Minutes: 1, Mode: "self", Conditions: []string{"inflamed-joint:ankle"}},
			out:  []string{"knead-ankles", "deep-stroking-feet"},
			in:   []string{"light-stroking-feet"},
			check: func(t *testing.T, p *Plan) {
				for _, it := range p.Items {
					if it.Pressure != "light" || !slices.Contains(it.Cautions, "inflamed-joint:ankle") {
						t.Errorf("%s at %s, cautions %v: want light with the ankle's caution", it.Technique, it.Pressure, it.Cautions)
					}
				}
			},
		},
		{
			name: "inflamed knee: no kneading of the thighs and calves",
			req:  Request{Areas: []string{"legs"}, Minutes: 10, Mode: "self", Conditions: []string{"inflamed-joint:knee"}},
			out:  []string{"knead-thighs-calves", "deep-stroking-legs"},
			in:   []string{"knead-ankles"},
		},
		{
			name: "inflamed wrist", req: Request{Areas: []string{"arms"}, Minutes: 10, Mode: "self", Conditions: []string{"inflamed-joint:wrist"}},
			out: []string{"knead-hands-wrists", "deep-stroking-hands"}, in: []string{"knead-arms"},
		},
		{
			name: "inflamed jaw keeps the scalp", req: Request{Areas: []string{"head"}, Minutes: 10, Mode: "partner", Conditions: []string{"inflamed-joint:jaw"}},
			out: []string{"deep-stroking-jaw"}, in: []string{"scalp-petrissage"},
		},
		{
			name: "injury to the calves", req: Request{Areas: []string{"legs"}, Minutes: 5, Mode: "self", Conditions: []string{"injury:calves"}},
			out: []string{"knead-thighs-calves", "light-stroking-legs", "finger-thumb-rotations"}, in: []string{"knead-ankles"},
		},
		{
			name: "a wound on the feet rules them out", req: Request{Areas: []string{"feet"}, Minutes: 10, Conditions: []string{"wound:feet"}},
			errField: "conditions", errHas: "wound:feet",
		},
		{
			name: "a skin condition on the upper back takes the whole back", req: Request{Areas: []string{"back", "scalp"}, Minutes: 10, Mode: "partner", Conditions: []string{"skin-condition:upper-back"}},
			out: []string{"back-fan-stroke", "back-petrissage"}, in: []string{"scalp-petrissage"},
		},
		{
			name: "a sensitive scalp is kept light", req: Request{Areas: []string{"scalp"}, Minutes: 10, Mode: "partner", Conditions: []string{"sensitive:scalp"}},
			in: []string{"scalp-petrissage"},
			check: func(t *testing.T, p *Plan) {
				for _, it := range p.Items {
					if it.Pressure != "light" || !slices.Contains(it.Cautions, "sensitive:scalp") {
						t.Errorf("%s at %s, cautions %v: want light with the sensitive caution", it.Technique, it.Pressure, it.Cautions)
					}
				}
				if !slices.ContainsFunc(p.Cautions, func(c Caution) bool { return c.ID == "sensitive:scalp" && strings.Contains(c.Say, "light") }) {
					t.Errorf("no caution says the scalp is kept light: %+v", p.Cautions)
				}
			},
		},
		{
			name: "sensitive arms leave out the deep rotations", req: Request{Areas: []string{"arms"}, Minutes: 10, Mode: "self", Conditions: []string{"sensitive:arms"}},
			out: []string{"finger-thumb-rotations"}, in: []string{"knead-arms"},
		},
		{
			// 20 minutes: in 5 the arms have room for one work technique,
			// the kneading that spans the whole arm.
			name: "light asked: nothing firmer, deep moves out", req: Request{Areas: []string{"shoulders", "arms"}, Minutes: 20, Mode: "self", Pressure: "light"},
			in: []string{"knead-arms"},
			check: func(t *testing.T, p *Plan) {
				for _, it := range p.Items {
					if it.Pressure != "light" {
						t.Errorf("%s at %s with light asked", it.Technique, it.Pressure)
					}
				}
				if !slices.ContainsFunc(p.Excluded, func(e Excluded) bool {
					return e.Technique == "finger-thumb-rotations" && strings.Contains(e.Reason, "light pressure was asked")
				}) {
					t.Errorf("the deep rotations were not left out for light pressure: %+v", p.Excluded)
				}
			},
		},
		{
			name: "deep asked: deep where the move goes deep", req: Request{Areas: []string{"back"}, Minutes: 20, Mode: "partner", Pressure: "deep", Seed: 3},
			check: func(t *testing.T, p *Plan) {
				if !slices.ContainsFunc(p.Items, func(it Item) bool { return it.Pressure == "deep" }) {
					t.Error("no deep item with deep asked")
				}
				for _, it := range p.Items {
					if it.Technique == "back-petrissage" && it.Pressure != "moderate" {
						t.Errorf("petrissage at %s: it goes no deeper than moderate", it.Pressure)
					}
				}
			},
		},
		{
			name: "conditions elsewhere change nothing", req: Request{Areas: []string{"back"}, Minutes: 20, Mode: "partner", Conditions: []string{"unhealthy-scalp", "inflamed-joint:ankle", "wound:feet", "sensitive:face"}},
			check: func(t *testing.T, p *Plan) {
				plain, err := Make(cat, Request{Areas: []string{"back"}, Minutes: 20, Mode: "partner"})
				if err != nil {
					t.Fatal(err)
				}
				if d := cmp.Diff(plain.Items, p.Items); d != "" || len(p.Excluded) > 0 {
					t.Errorf("conditions away from the back changed it (excluded %v):\n%s", p.Excluded, d)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Make(cat, tt.req)
			if tt.errField != "" {
				var pe *Error
				if !errors.As(err, &pe) || pe.Field != tt.errField || !strings.Contains(pe.Message, tt.errHas) {
					t.Fatalf("got %v, want a *plan.Error on %s saying %q", err, tt.errField, tt.errHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ps := problems(cat, tt.req, p); len(ps) > 0 {
				t.Errorf("broken promises:\n  %s", strings.Join(ps, "\n  "))
			}
			for _, id := range tt.out {
				i := slices.IndexFunc(p.Excluded, func(e Excluded) bool { return e.Technique == id })
				if i < 0 {
					t.Errorf("%s is not left out; excluded: %+v", id, p.Excluded)
					continue
				}
				if e := p.Excluded[i]; len(tt.req.Conditions) > 0 && (e.Condition == "" || !strings.Contains(e.Reason, e.Condition)) {
					t.Errorf("%s left out without naming the condition: %+v", id, e)
				}
				if hasItem(p, id) {
					t.Errorf("%s is left out and planned", id)
				}
			}
			for _, id := range tt.in {
				if excludedIDs(p)[id] {
					t.Errorf("%s was left out: %+v", id, p.Excluded)
				}
			}
			// What stays must be able to appear: some seed plans it.
			for _, id := range tt.in {
				found := hasItem(p, id)
				for seed := int64(1); seed < 40 && !found; seed++ {
					r := tt.req
					r.Seed = seed
					if q, err := Make(cat, r); err == nil {
						found = hasItem(q, id)
					}
				}
				if !found {
					t.Errorf("%s never appears in 40 seeds", id)
				}
			}
			if tt.check != nil {
				tt.check(t, p)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	ok := Request{Areas: []string{"back"}, Minutes: 10}
	tests := []struct {
		name  string
		edit  func(r *Request)
		field string
		has   string
	}{
		{"fine", func(r *Request) {}, "", ""},
		{"fine, messy case and spaces", func(r *Request) { r.Areas = []string{" Back "}; r.Mode = "Self"; r.Pressure = "LIGHT" }, "", ""},
		{"no areas", func(r *Request) { r.Areas = nil }, "areas", "name at least one area"},
		{"unknown area", func(r *Request) { r.Areas = []string{"back", "bak"} }, "areas[1]", `unknown area "bak"`},
		{"nested areas", func(r *Request) { r.Areas = []string{"back", "upper-back"} }, "areas[1]", `"upper-back" lies inside "back"`},
		{"same area twice is one", func(r *Request) { r.Areas = []string{"back", "back"} }, "", ""},
		{"zero minutes", func(r *Request) { r.Minutes = 0 }, "minutes", "0 is outside 1–120"},
		{"too many minutes", func(r *Request) { r.Minutes = 121 }, "minutes", "121 is outside 1–120"},
		{"NaN minutes", func(r *Request) { r.Minutes = nanOf() }, "minutes", "NaN is outside"},
		{"bad mode", func(r *Request) { r.Mode = "robot" }, "mode", `unknown mode "robot"`},
		{"both is what fits", func(r *Request) { r.Mode = "both" }, "", ""},
		{"bad pressure", func(r *Request) { r.Pressure = "hard" }, "pressure", "expected light, moderate or deep"},
		{"weight for another area", func(r *Request) { r.Weights = map[string]float64{"feet": 2} }, "weights.feet", "not one of the areas asked for"},
		{"zero weight", func(r *Request) { r.Weights = map[string]float64{"back": 0} }, "weights.back", "above 0"},
		{"bad condition", func(r *Request) { r.Conditions = []string{"sensitive:face", "broken-leg"} }, "conditions[1]", `unknown condition "broken-leg"`},
		{"joint missing", func(r *Request) { r.Conditions = []string{"inflamed-joint"} }, "conditions[0]", "needs a joint"},
		{"area on a joint condition", func(r *Request) { r.Conditions = []string{"inflamed-joint:calves"} }, "conditions[0]", "needs a joint"},
		{"scalp takes no place", func(r *Request) { r.Conditions = []string{"unhealthy-scalp:back"} }, "conditions[0]", "takes no place"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ok
			tt.edit(&r)
			err := r.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var pe *Error
			if !errors.As(err, &pe) || pe.Field != tt.field || !strings.Contains(pe.Message, tt.has) {
				t.Fatalf("got %v, want an error on %s saying %q", err, tt.field, tt.has)
			}
			if !strings.HasPrefix(err.Error(), tt.field+": ") {
				t.Errorf("message %q does not start with the field", err)
			}
			if _, err := Make(builtin(t), r); !errors.As(err, &pe) {
				t.Errorf("Make did not refuse it: %v", err)
			}
		})
	}
}

func nanOf() float64 { z := 0.0; return z / z }

// Time: too few minutes says how many would do, or drops phases and says
// so; more than the moves can fill says how many they can; weights share.
func TestTime(t *testing.T) {
	cat := builtin(t)
	var pe *Error

	_, err := Make(cat, Request{Areas: []string{"back", "scalp", "feet"}, Minutes: 1, Mode: "partner"})
	if !errors.As(err, &pe) || pe.Field != "minutes" || !strings.Contains(pe.Message, "at least") || !strings.Contains(pe.Message, "with every phase") {
		t.Errorf("1 minute for three areas: %v", err)
	}

	p, err := Make(cat, Request{Areas: []string{"back"}, Minutes: 2, Mode: "partner"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Dropped) == 0 || !strings.Contains(strings.Join(p.Dropped, " "), "finish on the back") {
		t.Errorf("a 2-minute back massage dropped %q, want the finish named", p.Dropped)
	}
	if phasesOf(p, "back")[0] != "warm-up" {
		t.Errorf("a short plan lost its warm-up: %v", phasesOf(p, "back"))
	}

	// The jaw as it was before it had two moves of work for a partner: far
	// more minutes than its moves fill are refused, saying what would do.
	few := *cat
	few.Techniques = slices.DeleteFunc(slices.Clone(cat.Techniques), func(t *massage.Technique) bool {
		return t.ID == "jaw-muscle-circles" || t.ID == "jaw-line-kneading"
	})
	_, err = Make(&few, Request{Areas: []string{"jaw"}, Minutes: 60, Mode: "partner"})
	if !errors.As(err, &pe) || pe.Field != "minutes" || !strings.Contains(pe.Message, "at most") {
		t.Errorf("an hour on the jaw with one move of work: %v", err)
	}

	// An hour of self-massage on the jaw: three moves of work, each at its
	// longest, three rounds, and the plan is cut short and says so.
	p, err = Make(cat, Request{Areas: []string{"jaw"}, Minutes: 60, Mode: "self"})
	if err != nil {
		t.Fatalf("an hour on the jaw: %v", err)
	}
	if say := "Cut short: this plan lasts " + minutesSaid(p.TotalSeconds) + ", not the 60 minutes asked"; p.TotalSeconds >= 3600 || p.TotalSeconds < shortCut ||
		!slices.ContainsFunc(p.Notes, func(n string) bool { return strings.HasPrefix(n, say) }) ||
		!slices.Contains(p.Notes, "Only 3 moves suit the jaw for this much time, so each comes round three times") {
		t.Errorf("an hour on the jaw lasts %v s, notes %q, want %q and each move three times", p.TotalSeconds, p.Notes, say)
	}
	if ps := roundProblems(p); len(ps) > 0 {
		t.Errorf("an hour on the jaw: %s", strings.Join(ps, "; "))
	}

	p, err = Make(cat, Request{Areas: []string{"back", "scalp"}, Minutes: 30, Mode: "partner", Weights: map[string]float64{"back": 2}})
	if err != nil {
		t.Fatal(err)
	}
	var back, scalp float64
	for _, it := range p.Items {
		if it.Section == "back" {
			back += it.Seconds
		} else {
			scalp += it.Seconds
		}
	}
	if back < 1190 || back > 1210 || scalp < 590 || scalp > 610 {
		t.Errorf("weights 2:1 over 30 minutes gave back %v s, scalp %v s", back, scalp)
	}

	// Two hours fill with rounds of the work, none longer than it may be.
	p, err = Make(cat, Request{Areas: []string{"scalp"}, Minutes: 120, Mode: "partner"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(p.Items, func(it Item) bool { return strings.Contains(it.Note, "round 2") }) {
		t.Error("two hours of scalp massage without a second round of the work")
	}
	if ps := roundProblems(p); len(ps) > 0 {
		t.Errorf("two hours of scalp massage: %s", strings.Join(ps, "; "))
	}
}

// A one-sided move (steps for the left only) is planned for both sides.
func TestOneSided(t *testing.T) {
	cat := &massage.Catalog{Techniques: []*massage.Technique{
		{ID: "light", Name: "Light", Areas: []string{"calves"}, Mode: "both", Family: "light-stroking", Phases: []string{"warm-up"},
			Seconds: massage.Bounds{Least: 20, Usual: 30, Most: 60}, Steps: []massage.Step{{Say: "Stroke.", Motion: "glide", Side: "each"}}},
		{ID: "left-only", Name: "Left calf", Areas: []string{"calves"}, Mode: "both", Family: "kneading", Phases: []string{"work"},
			Seconds: massage.Bounds{Least: 30, Usual: 60, Most: 120}, Steps: []massage.Step{{Say: "Knead the left calf.", Motion: "knead", Side: "left"}}},
		{ID: "other", Name: "Other", Areas: []string{"calves"}, Mode: "both", Family: "friction", Phases: []string{"work"},
			Seconds: massage.Bounds{Least: 30, Usual: 60, Most: 120}, Steps: []massage.Step{{Say: "Circle.", Motion: "circle", Side: "both"}}},
	}}
	p, err := Make(cat, Request{Areas: []string{"calves"}, Minutes: 4})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(p.Items, func(it Item) bool { return it.Technique == "left-only" })
	if i < 0 || i+1 >= len(p.Items) {
		t.Fatalf("left-only not planned: %+v", p.Items)
	}
	l, r := p.Items[i], p.Items[i+1]
	if l.Side != "left" || r.Side != "right" || r.Technique != "left-only" || l.Seconds != r.Seconds {
		t.Errorf("one-sided move planned as %+v then %+v, want left then right, equal time", l, r)
	}
	if p.Items[0].Side != "each" {
		t.Errorf("a move for one side then the other has side %q, want each", p.Items[0].Side)
	}
}

// Every golden plan's routine is a file knead check accepts, and reads back
// as the same routine.
func TestRoutineFile(t *testing.T) {
	cat := builtin(t)
	for _, sc := range scenarios {
		p, err := Make(cat, sc.req)
		if err != nil {
			t.Fatal(err)
		}
		r := p.Routine()
		data, err := catalog.EncodeRoutine(r)
		if err != nil {
			t.Fatal(err)
		}
		back, err := catalog.ParseRoutine(cat, sc.name+".yaml", data)
		if err != nil {
			t.Fatalf("%s: %v\n%s", sc.name, err, data)
		}
		if d := cmp.Diff(r, back); d != "" {
			t.Errorf("%s: the routine changed on the way through the file (-plan +file):\n%s", sc.name, d)
		}
		if r.TotalSeconds() != p.TotalSeconds || len(r.Items) != len(p.Items) || r.Pressure != p.Pressure {
			t.Errorf("%s: routine %v s in %d items, plan %v s in %d", sc.name, r.TotalSeconds(), len(r.Items), p.TotalSeconds, len(p.Items))
		}
		if !slices.Contains(r.Notes, notAdvice) {
			t.Errorf("%s: the routine does not say it is not medical advice", sc.name)
		}
	}
}

// Every condition kind is explained for the help text.
func TestConditionRules(t *testing.T) {
	rules := ConditionRules(builtin(t))
	if len(rules) != len(massage.ConditionKinds.Words) {
		t.Fatalf("%d rules for %d condition kinds", len(rules), len(massage.ConditionKinds.Words))
	}
	for _, r := range rules {
		if r.RulesOut == "" || r.Source == "" || r.Usage == "" || r.Name == "" {
			t.Errorf("condition %s is not fully explained: %+v", r.Kind, r)
		}
	}
}

func transitionBefore(p *Plan, i int) *Transition {
	for k := range p.Transitions {
		if p.Transitions[k].Before == i {
			return &p.Transitions[k]
		}
	}
	return nil
}

func firstIndex(p *Plan, section string) int {
	for i, it := range p.Items {
		if it.Section == section {
			return i
		}
	}
	return -1
}
