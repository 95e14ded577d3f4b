package plan

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/knead/knead/massage"
)

// itemAreas are the areas an item works on: the technique's own areas
// inside the item's area, or the item's area when one of them holds it.
func itemAreas(t *massage.Technique, it Item) []string {
	var out []string
	for _, a := range t.Areas {
		switch {
		case massage.Within(a, it.Area):
			out = append(out, a)
		case massage.Within(it.Area, a):
			out = append(out, it.Area)
		}
	}
	return out
}

// stroked reports whether some item of the section in the phase, of one of
// the families, works on part (or on some of it).
func stroked(cat *massage.Catalog, p *Plan, section, phase, part string, families ...string) bool {
	return slices.ContainsFunc(p.Items, func(x Item) bool {
		t := cat.Technique(x.Technique)
		return x.Section == section && x.Phase == phase && slices.Contains(families, t.Family) &&
			slices.ContainsFunc(t.Areas, func(a string) bool { return massage.Overlaps(a, part) })
	})
}

// The fixes of the therapist's review of the planner, one row each. Each
// row plans its request over a few seeds and checks what a massage
// therapist reading the card would check.
func TestTherapistReview(t *testing.T) {
	cat := builtin(t)
	tests := []struct {
		name  string
		reqs  []Request
		seeds int64 // plans each request with seeds 0 … seeds-1 (at least 1)
		// check looks at one plan; err at the error when the planner refuses.
		check func(t *testing.T, req Request, p *Plan)
		err   func(t *testing.T, req Request, err error)
		// drop leaves techniques out of the catalog for the row: a row about
		// a gap the built-in catalog has since filled keeps its gap.
		drop func(*massage.Technique) bool
	}{
		{
			name: "warm-up and finish cover every part the work touches",
			reqs: []Request{
				{Areas: []string{"legs"}, Minutes: 30, Mode: "self"},
				{Areas: []string{"arms"}, Minutes: 10, Mode: "self"},
				{Areas: []string{"head"}, Minutes: 10, Mode: "self"},
				{Areas: []string{"head"}, Minutes: 20, Mode: "partner"},
				{Areas: []string{"shoulders", "arms"}, Minutes: 10, Mode: "self"},
			},
			seeds: 8,
			check: func(t *testing.T, req Request, p *Plan) {
				for _, it := range p.Items {
					if it.Phase != "work" {
						continue
					}
					for _, part := range itemAreas(cat.Technique(it.Technique), it) {
						if !stroked(cat, p, it.Section, "warm-up", part, "light-stroking") {
							t.Errorf("seed %d: %s works the %s, which no light stroke warms up", req.Seed, it.Technique, part)
						}
						if !stroked(cat, p, it.Section, "warm-up", part, "deep-stroking") {
							t.Errorf("seed %d: %s works the %s, which no deeper stroke warms up", req.Seed, it.Technique, part)
						}
						// unless the finish was dropped for lack of time, and Dropped says so
						finishDropped := slices.ContainsFunc(p.Dropped, func(d string) bool {
							return strings.Contains(d, "finish on the "+massage.AreaName(it.Section))
						})
						if !finishDropped && !stroked(cat, p, it.Section, "finish", part, "deep-stroking") {
							t.Errorf("seed %d: %s works the %s, which the finish does not stroke", req.Seed, it.Technique, part)
						}
					}
				}
			},
		},
		{
			name:  "a coarse request opens with the work that spans most of it",
			reqs:  []Request{{Areas: []string{"arms"}, Minutes: 5, Mode: "self"}},
			seeds: 10,
			check: func(t *testing.T, req Request, p *Plan) {
				if first := firstOf(p, "arms", "work"); first != "kneading-method" {
					t.Errorf("seed %d: a short arm massage opens with %s, not the kneading that spans the whole arm", req.Seed, first)
				}
			},
		},
		{
			name:  "the toes get moves that reach the toes, not the sole",
			reqs:  []Request{{Areas: []string{"toes"}, Minutes: 5, Mode: "partner"}},
			seeds: 10,
			check: func(t *testing.T, req Request, p *Plan) {
				if !slices.ContainsFunc(p.Items, func(it Item) bool { return it.Phase == "work" }) {
					t.Errorf("seed %d: toes without any work", req.Seed)
				}
				for _, it := range p.Items {
					named, toes := false, false
					landmarksOf(cat.Technique(it.Technique), func(id string) bool {
						l, _ := massage.LandmarkByID(id)
						named, toes = true, toes || l.Area == "toes"
						return false
					})
					if named && !toes {
						t.Errorf("seed %d: %s is planned for the toes, but its steps never reach them", req.Seed, it.Technique)
					}
				}
			},
		},
		{
			name:  "with no deeper warm-up, a deep stroke opens the work before any kneading",
			reqs:  []Request{{Areas: []string{"feet"}, Minutes: 15, Conditions: []string{"inflamed-joint:ankle"}}},
			seeds: 10,
			check: func(t *testing.T, req Request, p *Plan) {
				first := firstOf(p, "feet", "work")
				if f := cat.Technique(first).Family; f != "deep-stroking" {
					t.Errorf("seed %d: the work opens with %s (%s) straight after light stroking", req.Seed, first, f)
				}
			},
		},
		{
			name:  "an inflamed knee keeps kneading off the whole thigh, not off the calves",
			reqs:  []Request{{Areas: []string{"legs"}, Minutes: 15, Mode: "self", Conditions: []string{"inflamed-joint:knee"}}},
			seeds: 10,
			check: func(t *testing.T, req Request, p *Plan) {
				for _, it := range p.Items {
					tc := cat.Technique(it.Technique)
					if tc.Family != "light-stroking" && slices.ContainsFunc(itemAreas(tc, it), func(a string) bool { return massage.Overlaps(a, "thighs") }) {
						t.Errorf("seed %d: %s (%s) works the thighs by the inflamed knee", req.Seed, it.Technique, tc.Family)
					}
				}
				if !slices.ContainsFunc(p.Excluded, func(e Excluded) bool {
					return e.Technique == "kneading-method" && e.Area == "thighs" && e.Condition == "inflamed-joint:knee"
				}) {
					t.Errorf("seed %d: the kneading of the thighs is not listed as left out: %+v", req.Seed, p.Excluded)
				}
				if slices.ContainsFunc(p.Excluded, func(e Excluded) bool { return e.Area == "calves" && e.Condition == "inflamed-joint:knee" }) ||
					!slices.ContainsFunc(p.Items, func(it Item) bool { return it.Phase == "work" && it.Area == "calves" }) {
					t.Errorf("seed %d: the calves lost their work to the knee: %+v", req.Seed, p.Excluded)
				}
			},
		},
		{
			name:  "a wound on the feet leaves the arms' rotations alone",
			reqs:  []Request{{Areas: []string{"arms"}, Minutes: 20, Mode: "self", Conditions: []string{"wound:feet"}}},
			seeds: 3,
			check: func(t *testing.T, req Request, p *Plan) {
				if excludedIDs(p)["finger-thumb-rotations"] {
					t.Errorf("seed %d: rotations on the arms left out for a wound on the feet: %+v", req.Seed, p.Excluded)
				}
			},
		},
		{
			name:  "no work on a part that no stroke can warm up",
			reqs:  []Request{{Areas: []string{"legs"}, Minutes: 10, Mode: "self", Conditions: []string{"injury:thighs"}}},
			seeds: 10,
			check: func(t *testing.T, req Request, p *Plan) {
				for _, it := range p.Items {
					if it.Phase == "work" && massage.Overlaps(it.Area, "calves") {
						t.Errorf("seed %d: %s works the calves, which nothing warmed up", req.Seed, it.Technique)
					}
				}
				if !slices.ContainsFunc(p.Excluded, func(e Excluded) bool {
					return e.Technique == "finger-thumb-rotations" && e.Area == "calves" &&
						strings.Contains(e.Reason, "no stroke is left to warm up the calves") && strings.Contains(e.Reason, "injury:thighs")
				}) {
					t.Errorf("seed %d: the calves' rotations are not listed as left out for want of a warm-up: %+v", req.Seed, p.Excluded)
				}
			},
		},
		{
			name: "extra time goes to rounds of the work, not to longer strokes",
			reqs: []Request{
				{Areas: []string{"back", "scalp"}, Minutes: 30, Mode: "partner", Weights: map[string]float64{"back": 2}},
				{Areas: []string{"back"}, Minutes: 20, Mode: "partner"},
			},
			check: func(t *testing.T, req Request, p *Plan) {
				for _, it := range p.Items {
					if b, _ := pace(cat.Technique(it.Technique), boundsOf(cat.Technique(it.Technique)), it.Side, p.Mode); it.Section == "back" && it.Phase != "work" && it.Seconds > b.Usual {
						t.Errorf("%s in the %s takes %v s, above its usual %v s, while the work could repeat", it.Technique, it.Phase, it.Seconds, b.Usual)
					}
				}
				if !slices.ContainsFunc(p.Items, func(it Item) bool { return it.Section == "back" && strings.Contains(it.Note, "round 2") }) {
					t.Error("no second round of the back's work")
				}
			},
		},
		{
			name: "a partner plan over self-massage areas says the work there is self-massage",
			drop: func(t *massage.Technique) bool {
				return slices.Contains(t.Areas, "thighs") && t.FitsMode("partner") && t.FitsPhase("work")
			},
			reqs: []Request{
				{Areas: []string{"legs"}, Minutes: 20, Mode: "partner"},
				{Areas: []string{"thighs"}, Minutes: 10, Mode: "partner"},
			},
			check: func(t *testing.T, req Request, p *Plan) {
				if !slices.ContainsFunc(p.Notes, func(n string) bool {
					return strings.Contains(n, "thighs") && strings.Contains(n, "self-massage")
				}) {
					t.Errorf("notes %q do not say the thighs' work is self-massage", p.Notes)
				}
				if !stroked(cat, p, "legs", "warm-up", "thighs", "light-stroking") {
					t.Error("the thighs are not even stroked in a partner's leg massage")
				}
			},
			err: func(t *testing.T, req Request, err error) {
				var pe *Error
				if !errors.As(err, &pe) || pe.Field != "minutes" || !strings.Contains(pe.Message, "self-massage") || !strings.Contains(pe.Message, "at most 3") {
					t.Errorf("%v: want the minutes refused, saying the thighs' work is self-massage", err)
				}
			},
		},
		{
			name:  "no deep stroke safe to warm up or finish: the plan says what to do instead",
			reqs:  []Request{{Areas: []string{"hands"}, Minutes: 5, Mode: "self", Conditions: []string{"inflamed-joint:wrist"}}},
			seeds: 5,
			check: func(t *testing.T, req Request, p *Plan) {
				notes := strings.Join(p.Notes, " | ")
				// the warm-up's word is owed where kneading follows light stroking alone
				kneads := slices.ContainsFunc(p.Items, func(it Item) bool { return cat.Technique(it.Technique).Family == "kneading" })
				if kneads && !strings.Contains(notes, "no deeper stroke is safe to warm up the hands (with inflamed-joint:wrist)") ||
					!strings.Contains(notes, "nothing is safe to finish the hands with (with inflamed-joint:wrist)") {
					t.Errorf("seed %d: kneading after light stroking only, and no finish, without a word: notes %q", req.Seed, p.Notes)
				}
			},
		},
		{
			name: "an area Knead has nothing for says so, and what is near",
			drop: func(t *massage.Technique) bool { return t.Covers("lower-back") && t.FitsMode("self") },
			reqs: []Request{
				{Areas: []string{"lower-back"}, Minutes: 5, Mode: "self"},
			},
			err: func(t *testing.T, req Request, err error) {
				var pe *Error
				if !errors.As(err, &pe) || pe.Field != "areas" ||
					pe.Message != "Knead has no technique for the lower back in self-massage; nearby areas that have some: back, upper-back" {
					t.Errorf("%v: want the lower back said to have no self-massage, with the back and upper back near", err)
				}
			},
		},
		{
			name: "nothing safe left: the condition in plain words",
			reqs: []Request{{Areas: []string{"scalp"}, Minutes: 10, Conditions: []string{"unhealthy-scalp"}}},
			err: func(t *testing.T, req Request, err error) {
				var pe *Error
				if !errors.As(err, &pe) || pe.Field != "conditions" || !strings.Contains(pe.Message, "unhealthy-scalp, an unhealthy scalp") {
					t.Errorf("%v: want the scalp ruled out by an unhealthy scalp, said so", err)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat := cat
			if tt.drop != nil {
				c := *cat
				c.Techniques = slices.DeleteFunc(slices.Clone(cat.Techniques), tt.drop)
				cat = &c
			}
			for _, req := range tt.reqs {
				for seed := range max(tt.seeds, 1) {
					req.Seed = seed
					p, err := Make(cat, req)
					switch {
					case err != nil && tt.err != nil:
						tt.err(t, req, err)
					case err != nil:
						t.Fatalf("%+v: %v", req, err)
					case tt.check == nil:
						t.Fatalf("%+v: planned, want it refused", req)
					default:
						if ps := problems(cat, req, p); len(ps) > 0 {
							t.Errorf("%+v: broken promises:\n  %s", req, strings.Join(ps, "\n  "))
						}
						tt.check(t, req, p)
					}
				}
			}
		})
	}
}
