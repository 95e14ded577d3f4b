package plan

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// A history changes the plan exactly as its notes say, and only then.
func TestLearning(t *testing.T) {
	cat := builtin(t)
	req := Request{Areas: []string{"back", "scalp"}, Minutes: 20, Mode: "partner"}
	base, err := Make(cat, req)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := MakeFor(cat, req, &History{}); !slices.Equal(again.Notes, base.Notes) || len(again.Items) != len(base.Items) {
		t.Errorf("an empty history changed the plan: %q", again.Notes)
	}
	pressOf := func(p *Plan, area string) []string {
		var out []string
		for _, it := range p.Items {
			if it.Area == area || strings.HasPrefix(it.Area, area) {
				out = append(out, it.Pressure)
			}
		}
		return out
	}
	h := &History{Sessions: []Past{
		{Signals: []Signal{{Kind: "lighter", Technique: "back-petrissage", Area: "lower-back"}}},
		{Signals: []Signal{{Kind: "lighter", Technique: "back-petrissage", Area: "lower-back"},
			{Kind: "sore", Area: "scalp", Technique: "scalp-petrissage"}, {Kind: "sore", Area: "scalp", Technique: "scalp-petrissage"},
			{Kind: "down", Technique: "back-raking", Area: "upper-back"}}},
		{Signals: []Signal{{Kind: "down", Technique: "back-raking", Area: "upper-back"}, {Kind: "up", Technique: "back-circling-hands", Area: "lower-back"}}},
	}}
	p, err := MakeFor(cat, req, h)
	if err != nil {
		t.Fatal(err)
	}
	has := func(prefix string) bool {
		return slices.ContainsFunc(p.Notes, func(n string) bool { return strings.HasPrefix(n, prefix) })
	}
	for _, want := range []string{"More time on the scalp", "Lighter on the lower back: you asked for lighter twice", "Gentle strokes first on the scalp", "Tried first because you liked them: Circling hands"} {
		if !has(want) {
			t.Errorf("no note %q in %q", want, p.Notes)
		}
	}
	if slices.ContainsFunc(p.Items, func(it Item) bool { return it.Technique == "back-raking" }) {
		t.Error("a technique with two thumbs-down was planned")
	}
	if !slices.ContainsFunc(p.Excluded, func(e Excluded) bool {
		return e.Technique == "back-raking" && strings.Contains(e.Reason, "thumbs-down twice")
	}) {
		t.Errorf("raking is not listed as left out for its thumbs-down: %+v", p.Excluded)
	}
	var scalp, scalpBase float64
	for _, it := range p.Items {
		if it.Section == "scalp" {
			scalp += it.Seconds
		}
	}
	for _, it := range base.Items {
		if it.Section == "scalp" {
			scalpBase += it.Seconds
		}
	}
	if scalp <= scalpBase {
		t.Errorf("the sore scalp has %v s, no more than before (%v s)", scalp, scalpBase)
	}
	lower, lowerBase := pressOf(p, "lower-back"), pressOf(base, "lower-back")
	for i := range min(len(lower), len(lowerBase)) {
		_ = i
	}
	for _, it := range p.Items {
		if it.Area == "lower-back" || it.Area == "back" {
			if it.Pressure == "deep" {
				t.Errorf("%s on the %s is deep after two lighter presses", it.Technique, it.Area)
			}
		}
	}
	// One lighter press three sessions back has decayed: nothing changes.
	old := &History{Sessions: []Past{{Signals: []Signal{{Kind: "lighter", Area: "lower-back"}}}, {}, {}}}
	if p, _ := MakeFor(cat, req, old); len(p.Notes) != len(base.Notes) {
		t.Errorf("a decayed press still changes the plan: %q", p.Notes)
	}
	// A sore spot three sessions without a press is forgotten.
	gone := &History{Sessions: []Past{{Signals: []Signal{{Kind: "sore", Area: "scalp"}}}, {}, {}, {}}}
	if p, _ := MakeFor(cat, req, gone); len(p.Notes) != len(base.Notes) {
		t.Errorf("a forgotten sore spot still changes the plan: %q", p.Notes)
	}
}

// Over thousands of seeded requests with random histories: a technique
// with two thumbs-down is never planned, every plan keeps its promises,
// and every change from the plan without history is said in a note.
func TestLearningProperties(t *testing.T) {
	cat := builtin(t)
	rng := rand.New(rand.NewPCG(5, 5))
	ids := make([]string, 0, len(cat.Techniques))
	for _, x := range cat.Techniques {
		ids = append(ids, x.ID)
	}
	kinds := []string{"lighter", "firmer", "sore", "up", "down", "good"}
	planned := 0
	for i := range 2000 {
		req := randomRequest(rng)
		h := &History{}
		for range rng.IntN(5) {
			var s Past
			for range rng.IntN(6) {
				id := ids[rng.IntN(len(ids))]
				tc := cat.Technique(id)
				s.Signals = append(s.Signals, Signal{Kind: kinds[rng.IntN(len(kinds))], Technique: id, Area: tc.Areas[rng.IntN(len(tc.Areas))]})
			}
			h.Sessions = append(h.Sessions, s)
		}
		p, err := MakeFor(cat, req, h)
		if err != nil {
			continue
		}
		planned++
		l := learn(h)
		for _, it := range p.Items {
			if l.out[it.Technique] > 0 {
				t.Fatalf("request %d: %s planned after %d thumbs-down", i, it.Technique, l.out[it.Technique])
			}
		}
		if ps := flowProblems(cat, p); len(ps) > 0 {
			t.Fatalf("request %d %+v: %s", i, req, strings.Join(ps, "; "))
		}
		base, err := Make(cat, req)
		if err != nil {
			continue
		}
		// Every pressure changed from the plan without history is noted.
		if len(base.Items) == len(p.Items) {
			for k := range p.Items {
				a, b := base.Items[k], p.Items[k]
				if a.Technique == b.Technique && a.Pressure != b.Pressure && !slices.ContainsFunc(p.Notes, func(n string) bool {
					return strings.Contains(n, "on the ") && (strings.HasPrefix(n, "Lighter") || strings.HasPrefix(n, "Firmer") || strings.HasPrefix(n, "No deep"))
				}) {
					t.Fatalf("request %d: %s went from %s to %s with no note: %q", i, b.Technique, a.Pressure, b.Pressure, p.Notes)
				}
			}
		}
		if !l.empty() && len(p.Notes) == len(base.Notes) && !samePlan(base, p) {
			t.Fatalf("request %d: the history changed the plan but no note says so: %q", i, p.Notes)
		}
	}
	if planned < 500 {
		t.Errorf("only %d of 2000 planned", planned)
	}
}

func samePlan(a, b *Plan) bool {
	if len(a.Items) != len(b.Items) {
		return false
	}
	for i := range a.Items {
		x, y := a.Items[i], b.Items[i]
		if x.Technique != y.Technique || x.Seconds != y.Seconds || x.Pressure != y.Pressure {
			return false
		}
	}
	return true
}
