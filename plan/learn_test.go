package plan

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/knead/knead/massage"
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
	kinds := []string{"lighter", "firmer", "sore", "up", "down", "good", "hurt"}
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
					return strings.Contains(n, "on the ") && (strings.HasPrefix(n, "Lighter") || strings.HasPrefix(n, "Firmer") || strings.HasPrefix(n, "No deep")) ||
						strings.HasPrefix(n, lighterFirmer(massage.LevelRank(b.Pressure)-massage.LevelRank(a.Pressure))+" for "+lowerFirst(b.Name)+": ")
				}) {
					t.Fatalf("request %d: %s went from %s to %s with no note: %q", i, b.Technique, a.Pressure, b.Pressure, p.Notes)
				}
			}
		}
		if !l.empty() && !slices.ContainsFunc(p.Notes, func(n string) bool { return !slices.Contains(base.Notes, n) }) && !samePlan(base, p) {
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

// "It hurts" pressed during a move: the next plan leaves that technique out
// of the area, goes a step lighter there, and says both; other areas keep
// their techniques.
func TestLearningHurt(t *testing.T) {
	cat := builtin(t)
	req := Request{Areas: []string{"back", "scalp"}, Minutes: 20, Mode: "partner", Pressure: "moderate"}
	base, err := Make(cat, req)
	if err != nil {
		t.Fatal(err)
	}
	var tech, area string
	for _, it := range base.Items {
		if strings.Contains(it.Area, "back") && it.Pressure == "moderate" {
			tech, area = it.Technique, it.Area
			break
		}
	}
	if tech == "" {
		t.Fatal("the base plan has no moderate move on the back")
	}
	h := &History{Sessions: []Past{{Signals: []Signal{{Kind: "hurt", Technique: tech, Area: area}}}}}
	p, err := MakeFor(cat, req, h)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range p.Items {
		if it.Technique == tech && massage.Overlaps(area, it.Area) {
			t.Errorf("%s planned on the %s after it hurt there", tech, it.Area)
		}
		if massage.Overlaps(area, it.Area) && it.Pressure != "light" {
			t.Errorf("%s on the %s at %s after it hurt there, want light", it.Technique, it.Area, it.Pressure)
		}
	}
	if !slices.ContainsFunc(p.Excluded, func(e Excluded) bool {
		return e.Technique == tech && strings.Contains(e.Reason, "it hurt") && e.Source == "your feedback"
	}) {
		t.Errorf("%s not listed as left out because it hurt: %+v", tech, p.Excluded)
	}
	for _, want := range []string{"Left out because it hurt: ", "Lighter on the " + massage.AreaName(area) + ": it hurt there last time"} {
		if !slices.ContainsFunc(p.Notes, func(n string) bool { return strings.HasPrefix(n, want) }) {
			t.Errorf("no note %q in %q", want, p.Notes)
		}
	}
	if slices.ContainsFunc(p.Notes, func(n string) bool { return strings.Contains(n, "thumbs-down") }) {
		t.Errorf("a hurt is said as a thumbs-down: %q", p.Notes)
	}
	// Five sessions later it is forgotten.
	old := &History{Sessions: []Past{h.Sessions[0], {}, {}, {}, {}, {}}}
	if p, _ := MakeFor(cat, req, old); !slices.Equal(p.Notes, base.Notes) {
		t.Errorf("a hurt five sessions back still changes the plan: %q", p.Notes)
	}
}

// Spare time after every move is at its longest goes to a second round
// of the best-liked work: a thumbs-up on a technique that came round once
// gives it the second round when its time fits, and the notes say so.
func TestLearningSecondRoundLiked(t *testing.T) {
	cat := builtin(t)
	rounds := func(p *Plan) map[string]int {
		n := map[string]int{}
		for _, it := range p.Items {
			if it.Phase == "work" && it.Side != "right" {
				n[it.Technique]++
			}
		}
		return n
	}
	moved := 0
	for _, areas := range [][]string{{"back", "scalp"}, {"feet"}, {"neck", "shoulders"}, {"calves"}, {"hands"}} {
		for _, mode := range []string{"self", "partner"} {
			for _, minutes := range []float64{12, 20, 30} {
				req := Request{Areas: areas, Minutes: minutes, Mode: mode}
				base, err := Make(cat, req)
				if err != nil {
					continue
				}
				before := rounds(base)
				again := false
				for _, n := range before {
					again = again || n > 1
				}
				for _, it := range base.Items {
					if !again || it.Phase != "work" || before[it.Technique] != 1 || cat.Technique(it.Technique).Family == "percussion" {
						continue
					}
					h := &History{Sessions: []Past{{Signals: []Signal{{Kind: "up", Technique: it.Technique, Area: it.Area}}}}}
					p, err := MakeFor(cat, req, h)
					if err != nil {
						t.Fatalf("%+v liking %s: %v", req, it.Technique, err)
					}
					if ps := roundProblems(p); len(ps) > 0 {
						t.Errorf("%+v liking %s: %s", req, it.Technique, strings.Join(ps, "; "))
					}
					if rounds(p)[it.Technique] < 2 {
						continue // its time did not fit a second round
					}
					moved++
					if !slices.ContainsFunc(p.Notes, func(n string) bool {
						return strings.HasPrefix(n, "A second round of ") && strings.Contains(n, it.Name) && strings.HasSuffix(n, "you gave it a thumbs-up")
					}) {
						t.Errorf("%+v: notes %q do not say %s comes round again because it was liked", req, p.Notes, it.Name)
					}
				}
			}
		}
	}
	if moved < 3 {
		t.Errorf("a thumbs-up gave a second round in only %d plans", moved)
	}
	t.Logf("a thumbs-up gave a second round in %d plans", moved)
}

// Lighter or Firmer pressed during a move shifts that technique's pressure
// one step next time, wherever it is planned, says so, and decays: one
// press followed by a session without any no longer shifts it. Lighter for
// the area wins over firmer for the technique.
func TestLearningTechniquePressure(t *testing.T) {
	cat := builtin(t)
	var req Request
	var base *Plan
	var it Item
	for _, area := range []string{"back", "feet", "calves", "shoulders", "neck"} {
		req = Request{Areas: []string{area}, Minutes: 20, Mode: "partner", Pressure: "moderate"}
		var err error
		if base, err = Make(cat, req); err != nil {
			t.Fatal(err)
		}
		for _, x := range base.Items {
			if t := cat.Technique(x.Technique); x.Phase == "work" && x.Pressure == "moderate" && firmer(t.Pressure.Level, t.Pressure.Most) == "deep" {
				it = x
				break
			}
		}
		if it.Technique != "" {
			break
		}
	}
	if it.Technique == "" {
		t.Fatal("no work item at moderate pressure that may go deeper in the base plans")
	}
	name := lowerFirst(it.Name)
	pressed := func(kind, area string) Signal { return Signal{Kind: kind, Technique: it.Technique, Area: area} }
	tests := []struct {
		name     string
		sessions []Past
		want     string // the technique's pressure next time
		note     string // "" for none about it
	}{
		{"lighter once", []Past{{Signals: []Signal{pressed("lighter", "")}}}, "light", "Lighter for " + name + ": you asked for lighter during it once"},
		{"firmer twice, moderate asked", []Past{{Signals: []Signal{pressed("firmer", ""), pressed("firmer", "")}}}, "moderate", ""},
		{"decayed", []Past{{Signals: []Signal{pressed("lighter", "")}}, {Signals: []Signal{}}}, "moderate", ""},
		{"kept up", []Past{{Signals: []Signal{pressed("lighter", "")}}, {Signals: []Signal{pressed("lighter", "")}}, {Signals: []Signal{}}}, "light",
			"Lighter for " + name + ": you asked for lighter during it twice"},
		{"firmer for it, lighter for its area", []Past{{Signals: []Signal{pressed("firmer", ""), {Kind: "lighter", Area: it.Area}}}}, "light", ""},
	}
	// Firmer never goes past the most pressure asked for this time; the plan
	// says why it held back.
	held, err := MakeFor(cat, req, &History{Sessions: tests[1].sessions})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(held.Notes, "Kept at moderate at most, the pressure asked for this time, though you asked for firmer before") {
		t.Errorf("firmer twice, moderate asked: notes %q, want the pressure asked named", held.Notes)
	}
	for _, x := range held.Items {
		if massage.LevelRank(x.Pressure) > massage.LevelRank("moderate") {
			t.Errorf("firmer twice, moderate asked: %s at %s", x.Technique, x.Pressure)
		}
	}
	for _, tt := range tests {
		p, err := MakeFor(cat, req, &History{Sessions: tt.sessions})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for _, x := range p.Items {
			if x.Technique == it.Technique && x.Pressure != tt.want {
				t.Errorf("%s: %s at %s, want %s; notes %q", tt.name, x.Technique, x.Pressure, tt.want, p.Notes)
			}
		}
		about := slices.IndexFunc(p.Notes, func(n string) bool { return strings.Contains(n, " for "+name+":") })
		switch {
		case tt.note == "" && about >= 0:
			t.Errorf("%s: note %q, want none about %s", tt.name, p.Notes[about], name)
		case tt.note != "" && !slices.Contains(p.Notes, tt.note):
			t.Errorf("%s: notes %q, want %q", tt.name, p.Notes, tt.note)
		}
		// every other item keeps its pressure unless a note names its area
		for k, x := range p.Items {
			if x.Technique == it.Technique || k >= len(base.Items) || base.Items[k].Technique != x.Technique {
				continue
			}
			if x.Pressure != base.Items[k].Pressure && !slices.ContainsFunc(p.Notes, func(n string) bool {
				return slices.ContainsFunc(massage.Areas, func(a massage.Area) bool {
					return massage.Overlaps(a.ID, x.Area) && strings.Contains(n, "on the "+massage.AreaName(a.ID)+":")
				})
			}) {
				t.Errorf("%s: %s went from %s to %s with no note", tt.name, x.Technique, base.Items[k].Pressure, x.Pressure)
			}
		}
	}
}

// Plans made at the same time from one catalog and one person's history
// share what is read of them once, and come out as made one at a time.
func TestPlansAtTheSameTime(t *testing.T) {
	cat := builtin(t)
	h := hundredSessions(cat)
	rng := rand.New(rand.NewPCG(3, 3))
	var reqs []Request
	for len(reqs) < 40 {
		r := randomRequest(rng)
		if _, err := MakeFor(cat, r, &History{Sessions: h.Sessions}); err == nil {
			reqs = append(reqs, r)
		}
	}
	want := make([]*Plan, len(reqs))
	for i, r := range reqs {
		want[i], _ = MakeFor(cat, r, &History{Sessions: h.Sessions})
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(reqs))
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range reqs {
				i := (k + g*7) % len(reqs)
				p, err := MakeFor(cat, reqs[i], h)
				if err != nil || !reflect.DeepEqual(p, want[i]) {
					errs <- fmt.Sprintf("request %d: %v, or another plan", i, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
