package motion

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

func builtin(t testing.TB) *massage.Catalog {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func technique(t testing.TB, id string) *massage.Technique {
	t.Helper()
	x := builtin(t).Technique(id)
	if x == nil {
		t.Fatalf("the catalog has no technique %s", id)
	}
	return x
}

func compileStep(t testing.TB, x *massage.Technique, n int) StepPath {
	t.Helper()
	p, err := CompileStep(x, n, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// tech makes a one-area technique of the given steps.
func tech(area string, steps ...massage.Step) *massage.Technique {
	return &massage.Technique{ID: "test", Name: "Test", Areas: []string{area}, Mode: "partner",
		Pressure: massage.Pressure{Level: "moderate"}, Steps: steps}
}

func hands(uses ...string) []massage.HandUse {
	var out []massage.HandUse
	for _, u := range uses {
		h, part, _ := strings.Cut(u, " ")
		out = append(out, massage.HandUse{Hand: h, Part: part, Role: "work"})
	}
	return out
}

func handOf(p StepPath, id string) HandPath {
	for _, h := range p.Hands {
		if h.Hand == id {
			return h
		}
	}
	return HandPath{}
}

// Every step of the catalog compiles, and its samples keep the rules every
// path keeps.
func TestCompileCatalog(t *testing.T) {
	cat := builtin(t)
	for _, x := range cat.Techniques {
		for i := range x.Steps {
			name := fmt.Sprintf("%s#%d", x.ID, i+1)
			p, err := CompileStep(x, i+1, Options{})
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			checkPath(t, name, p, &x.Steps[i])
		}
	}
}

func checkPath(t *testing.T, name string, p StepPath, s *massage.Step) {
	t.Helper()
	n := int(math.Round(p.Seconds * Rate))
	if p.Seconds <= 0 || math.Abs(float64(n)/Rate-p.Seconds) > 1e-9 {
		t.Errorf("%s: %v s is not a whole number of samples", name, p.Seconds)
	}
	if len(p.Hands) == 0 {
		t.Fatalf("%s: no hands", name)
	}
	if _, ok := viewByID[p.View]; !ok {
		t.Errorf("%s: unknown chart %q", name, p.View)
	}
	if _, ok := RegionOf(p.Area); !ok {
		t.Errorf("%s: area %q has no force region", name, p.Area)
	}
	numbers := map[int]bool{}
	for _, h := range p.Hands {
		if len(h.Samples) != n+1 {
			t.Errorf("%s %s: %d samples, want %d", name, h.Hand, len(h.Samples), n+1)
			continue
		}
		for k, sm := range h.Samples {
			if sm.T != float64(k)/Rate {
				t.Errorf("%s %s: sample %d at %v s, want exactly %d/%d", name, h.Hand, k, sm.T, k, Rate)
				break
			}
			if sm.Pressure < 0 || sm.Pressure > 1 || !sm.Contact && sm.Pressure != 0 {
				t.Errorf("%s %s: sample %d pressure %v contact %v", name, h.Hand, k, sm.Pressure, sm.Contact)
				break
			}
			if sm.X < -0.1 || sm.X > 1.1 || sm.Y < -0.1 || sm.Y > 1.1 {
				t.Errorf("%s %s: sample %d at %v,%v is off the chart", name, h.Hand, k, sm.X, sm.Y)
				break
			}
		}
		end := 0
		for _, ps := range h.Passes {
			if ps.Start < end || ps.End <= ps.Start || ps.End > n+1 {
				t.Errorf("%s %s: pass %+v overlaps or leaves the samples", name, h.Hand, ps)
			}
			end = ps.End
			numbers[ps.Number] = true
		}
	}
	for k := 1; k <= p.Passes; k++ {
		if !numbers[k] {
			t.Errorf("%s: no hand makes pass %d of %d", name, k, p.Passes)
		}
	}
	if len(numbers) != p.Passes {
		t.Errorf("%s: hands make passes %v, the step counts %d", name, numbers, p.Passes)
	}
	if !s.Repeat.IsZero() && s.Motion != "hold" {
		want := (s.Repeat.Least + s.Repeat.Most + 1) / 2
		if s.Side == "each" || s.Side == "swap-hands" {
			want *= 2
		}
		if s.Side == "alternate" && want < 2 {
			want = 2
		}
		if p.Passes != want {
			t.Errorf("%s: %d passes, want %d (repeat %v, side %s)", name, p.Passes, want, s.Repeat, s.Side)
		}
	}
	if p.View == "back" {
		if d := spineDistance(p); d < spineClearance {
			t.Errorf("%s: a contact comes %.1f mm from the spine line", name, d)
		}
	}
}

// spineDistance is the least distance (mm) of any contact sample, or any of
// its fingertip traces, to the spine line, worked out apart from the
// compiler's own check.
func spineDistance(p StepPath) float64 {
	v := viewByID["back"]
	spine := Spots("back", "spine-line")[0].At.X
	least := math.Inf(1)
	for _, h := range p.Hands {
		for i, s := range h.Samples {
			if !s.Contact {
				continue
			}
			offs := []float64{0}
			var nrm Point
			if len(h.Traces) > 0 {
				offs = h.Traces
				a, b := h.Samples[max(i-1, 0)], h.Samples[min(i+1, len(h.Samples)-1)]
				nrm = Point{b.X - a.X, b.Y - a.Y}.norm().perp()
			}
			for _, o := range offs {
				least = math.Min(least, math.Abs(s.X+nrm.X*o-spine)*v.MM)
			}
		}
	}
	return least
}

// contactRuns splits a hand's samples into runs of contact.
func contactRuns(h HandPath) [][]Sample {
	var out [][]Sample
	var cur []Sample
	for _, s := range h.Samples {
		if s.Contact {
			cur = append(cur, s)
			continue
		}
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func points(ss []Sample) []Point {
	out := make([]Point, len(ss))
	for i, s := range ss {
		out[i] = Point{s.X, s.Y}
	}
	return out
}

func passSamples(h HandPath, n int) []Sample {
	for _, ps := range h.Passes {
		if ps.Number == n {
			return h.Samples[ps.Start:ps.End]
		}
	}
	return nil
}

// A circle's signed area says which way it turns: positive clockwise as
// drawn, negative counterclockwise, for each hand as the step says.
func TestCircleTurns(t *testing.T) {
	circle := func(turn string, uses ...string) massage.Step {
		return massage.Step{Motion: "circle", Hands: hands(uses...), At: []string{"crown"}, Direction: []string{"in-place"},
			Turn: turn, Seconds: massage.Bounds{Usual: 10}}
	}
	tests := []struct {
		name string
		x    *massage.Technique
		step int
		want map[string]float64 // sign of the area per hand
	}{
		{"clockwise", tech("scalp", circle("clockwise", "right finger-pads")), 1, map[string]float64{"right": 1}},
		{"counterclockwise", tech("scalp", circle("counterclockwise", "right finger-pads")), 1, map[string]float64{"right": -1}},
		{"opposite", tech("scalp", circle("opposite", "both palms")), 1, map[string]float64{"left": 1, "right": -1}},
		{"mirrored when not said", tech("scalp", circle("", "both fingertips")), 1, map[string]float64{"left": -1, "right": 1}},
		{"back-circling-hands", technique(t, "back-circling-hands"), 1, map[string]float64{"left": -1, "right": -1}},
		{"knead-stomach", technique(t, "knead-stomach"), 1, map[string]float64{"left": 1, "right": 1}},
		{"foot-opposite-circles", technique(t, "foot-opposite-circles"), 1, map[string]float64{"left": 1, "right": -1}},
	}
	for _, tc := range tests {
		p := compileStep(t, tc.x, tc.step)
		got := map[string]float64{}
		for _, h := range p.Hands {
			area := 0.0
			for _, run := range contactRuns(h) {
				area += SignedArea(points(run))
			}
			got[h.Hand] = math.Copysign(1, area)
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("%s: sign of each hand's area (-want +got):\n%s", tc.name, d)
		}
	}
}

// SignedArea itself: a square run clockwise as drawn (y down) is positive.
func TestSignedArea(t *testing.T) {
	cw := []Point{{0, 0}, {1, 0}, {1, 1}, {0, 1}}
	if a := SignedArea(cw); a != 1 {
		t.Errorf("clockwise unit square: area %v, want 1", a)
	}
	ccw := []Point{{0, 0}, {0, 1}, {1, 1}, {1, 0}}
	if a := SignedArea(ccw); a != -1 {
		t.Errorf("counterclockwise unit square: area %v, want -1", a)
	}
}

// Increments are the stated distance apart: presses climbing the sole,
// circles climbing the head an inch at a time, glides moving over.
func TestIncrements(t *testing.T) {
	press := tech("feet", massage.Step{Motion: "press-climb", Hands: hands("right fist"), At: []string{"heel", "ball-of-foot"},
		Direction: []string{"up"}, Increment: massage.Distance{Value: 2, Unit: "cm"}, Seconds: massage.Bounds{Usual: 30}})
	p := compileStep(t, press, 1)
	v := viewByID[p.View]
	var spots []Point
	for _, run := range contactRuns(handOf(p, "right")) {
		spots = append(spots, Point{run[len(run)/2].X, run[len(run)/2].Y})
	}
	if len(spots) < 4 {
		t.Fatalf("press-climb: %d presses, want several", len(spots))
	}
	for i := 1; i < len(spots); i++ {
		d := spots[i].dist(spots[i-1]) * v.MM
		if math.Abs(d-20) > 0.2 && spots[i].dist(spots[0]) > 1e-9 {
			t.Errorf("press %d is %.2f mm from the one before, want 20", i+1, d)
		}
	}

	// circles an inch apart, from the step's own drawing
	sp := technique(t, "scalp-petrissage")
	q, err := CompileStep(sp, 3, Options{draw: true})
	if err != nil {
		t.Fatal(err)
	}
	var centres []Point
	for _, m := range q.marks {
		if m.kind == mkLoop && m.hand == "left" {
			c := Point{}
			for _, pt := range m.pts[:len(m.pts)-1] {
				c = c.add(pt)
			}
			centres = append(centres, c.mul(1/float64(len(m.pts)-1)))
		}
	}
	if len(centres) < 3 {
		t.Fatalf("scalp-petrissage#3: %d circles, want a chain", len(centres))
	}
	for i := 1; i < len(centres); i++ {
		d := centres[i].dist(centres[i-1]) * viewByID[q.View].MM
		if math.Abs(d-25.4) > 0.3 {
			t.Errorf("scalp-petrissage#3: circle %d is %.2f mm from the one before, want 25.4 (1 inch)", i+1, d)
		}
	}

	// glides one centimetre further out each pass
	glide := tech("back", massage.Step{Motion: "glide", Hands: hands("left palms"), At: []string{"lower-back", "middle-back"},
		Repeat: massage.Count{Least: 3, Most: 3}, Increment: massage.Distance{Value: 1, Unit: "cm"}, Side: "left"})
	g := compileStep(t, glide, 1)
	h := handOf(g, "left")
	var starts []Point
	for n := 1; n <= 3; n++ {
		// the first sample in contact: a pass may begin with the hand
		// travelling, lifted, to its start
		for _, s := range passSamples(h, n) {
			if s.Contact {
				starts = append(starts, Point{s.X, s.Y})
				break
			}
		}
	}
	for i := 1; i < 3; i++ {
		d := starts[i].dist(starts[i-1]) * viewByID[g.View].MM
		if math.Abs(d-10) > 0.2 {
			t.Errorf("glide pass %d starts %.2f mm from the one before, want 10", i+1, d)
		}
	}
}

// Repetitions are counted as passes, once for each side or hand swap.
func TestRepeatsArePasses(t *testing.T) {
	step := func(side string) massage.Step {
		return massage.Step{Motion: "glide", Hands: hands("both thumbs"), At: []string{"instep"}, Direction: []string{"up"},
			Repeat: massage.Count{Least: 5, Most: 5}, Side: side, Seconds: massage.Bounds{Usual: 20}}
	}
	tests := []struct {
		side   string
		passes int
	}{{"both", 5}, {"each", 10}, {"swap-hands", 10}, {"alternate", 5}}
	for _, tc := range tests {
		p := compileStep(t, tech("feet", step(tc.side)), 1)
		if p.Passes != tc.passes {
			t.Errorf("side %s: %d passes, want %d", tc.side, p.Passes, tc.passes)
		}
		per := 0
		for _, h := range p.Hands {
			per += len(h.Passes)
		}
		want := 2 * tc.passes
		if tc.side == "alternate" {
			want = tc.passes
		}
		if per != want {
			t.Errorf("side %s: hands make %d passes in all, want %d", tc.side, per, want)
		}
	}
	p := compileStep(t, technique(t, "scalp-petrissage"), 2)
	for _, h := range p.Hands {
		if len(h.Passes) != 4 {
			t.Errorf("scalp-petrissage#2 %s hand: %d passes, want 4", h.Hand, len(h.Passes))
		}
	}
}

// The hands alternate where a move says so.
func TestHandsAlternate(t *testing.T) {
	// circling hands: right, left, right; one hand on the back at a time
	p := compileStep(t, technique(t, "back-circling-hands"), 1)
	got := map[string][]int{}
	for _, h := range p.Hands {
		for _, ps := range h.Passes {
			got[h.Hand] = append(got[h.Hand], ps.Number)
		}
	}
	if d := cmp.Diff(map[string][]int{"right": {1, 3}, "left": {2}}, got); d != "" {
		t.Errorf("back-circling-hands: passes by hand (-want +got):\n%s", d)
	}
	l, r := handOf(p, "left"), handOf(p, "right")
	for k := range l.Samples {
		if l.Samples[k].Contact && r.Samples[k].Contact {
			t.Fatalf("back-circling-hands: both hands touch at %.2f s", l.Samples[k].T)
		}
	}

	// raking, one hand up while the other goes down
	q := compileStep(t, technique(t, "back-raking"), 2)
	l, r = handOf(q, "left"), handOf(q, "right")
	opposite, same := 0, 0
	for k := 1; k < len(l.Samples); k++ {
		dl, dr := l.Samples[k].Y-l.Samples[k-1].Y, r.Samples[k].Y-r.Samples[k-1].Y
		if math.Abs(dl) < 1e-6 || math.Abs(dr) < 1e-6 {
			continue
		}
		if dl*dr < 0 {
			opposite++
		} else {
			same++
		}
	}
	if opposite < 9*same || opposite == 0 {
		t.Errorf("back-raking#2: hands moved opposite ways %d times, the same way %d times", opposite, same)
	}

	// two hands kneading one place grasp in turn: when one presses, the other eases
	k := compileStep(t, technique(t, "knead-thighs-calves"), 2)
	l, r = handOf(k, "left"), handOf(k, "right")
	both, one := 0, 0
	for i := range l.Samples {
		hl, hr := l.Samples[i].Pressure > 0.45, r.Samples[i].Pressure > 0.45
		switch {
		case hl && hr:
			both++
		case hl || hr:
			one++
		}
	}
	if one == 0 || both > one/10 {
		t.Errorf("knead-thighs-calves#2: one hand grasps %d samples, both at once %d", one, both)
	}
}

// No move on the back touches within 1.5 cm of the spine; a path that
// would is refused.
func TestSpineClearance(t *testing.T) {
	across := tech("lower-back", massage.Step{Motion: "glide", Hands: hands("right palms"), At: []string{"waist", "waist"},
		Seconds: massage.Bounds{Usual: 10}})
	_, err := CompileStep(across, 1, Options{})
	if err == nil || !strings.Contains(err.Error(), "from the spine line") || !strings.Contains(err.Error(), "step 1") {
		t.Errorf("a glide across the spine: got %v, want a refusal naming the spine line", err)
	}
	// beside the spine, even when the step names the spine itself
	along := tech("back", massage.Step{Motion: "circle", Hands: hands("both palms"), At: []string{"spine-line"},
		Direction: []string{"up"}, Seconds: massage.Bounds{Usual: 20}})
	p := compileStep(t, along, 1)
	if d := spineDistance(p); d < spineClearance {
		t.Errorf("circles named on the spine line come %.1f mm from it", d)
	}
}

// Timing: a step's time is its usual seconds, or its passes at its tempo;
// the tempo defaults come from the reference figures.
func TestTiming(t *testing.T) {
	// four glides and no time given: four strokes at 45 a minute, unless
	// the contact speed holds them back (a glide up the back is long)
	p := compileStep(t, tech("back", massage.Step{Motion: "glide", Hands: hands("both palms"), At: []string{"lower-back", "middle-back"},
		Repeat: massage.Count{Least: 4, Most: 4}}), 1)
	if want := math.Round(4*60.0/45*Rate) / Rate; p.Seconds < want {
		t.Errorf("four glides take %v s, want at least %v", p.Seconds, want)
	} else if top, _ := overLimits(&p, viewByID[p.View], DefaultLimits); p.Seconds > want && top < 0.5 {
		t.Errorf("four glides take %v s, longer than %v s at their tempo, yet move at only %.0f%% of the limits", p.Seconds, want, top*100)
	}
	// small circles on one spot for a minute: 60–70 a minute
	c := compileStep(t, tech("scalp", massage.Step{Motion: "circle", Hands: hands("right finger-pads"), At: []string{"crown"},
		Direction: []string{"in-place"}, Seconds: massage.Bounds{Usual: 60}}), 1)
	if turns := turnsOf(handOf(c, "right")); turns < 60 || turns > 70 {
		t.Errorf("a minute of small circles turns %.1f times, want 60–70", turns)
	}
	// tapping: 4–10 strikes a second, both hands together
	tp := compileStep(t, tech("scalp", massage.Step{Motion: "tap", Hands: hands("both fingertips"), At: []string{"base-of-neck", "crown"},
		Seconds: massage.Bounds{Usual: 10}}), 1)
	strikes := len(contactRuns(handOf(tp, "left"))) + len(contactRuns(handOf(tp, "right")))
	if strikes < 40 || strikes > 100 {
		t.Errorf("10 s of tapping strikes %d times, want 40–100", strikes)
	}
	// a step's own tempo wins
	c2 := compileStep(t, tech("scalp", massage.Step{Motion: "circle", Hands: hands("right finger-pads"), At: []string{"crown"},
		Direction: []string{"in-place"}, Tempo: 30, Seconds: massage.Bounds{Usual: 60}}), 1)
	if turns := turnsOf(handOf(c2, "right")); math.Abs(turns-30) > 1 {
		t.Errorf("a minute of circles at 30 a minute turns %.1f times", turns)
	}
}

// turnsOf counts how many times a hand goes round, by the angle it sweeps
// about the middle of its path.
func turnsOf(h HandPath) float64 {
	c := Point{}
	for _, s := range h.Samples {
		c = c.add(Point{s.X, s.Y})
	}
	c = c.mul(1 / float64(len(h.Samples)))
	total := 0.0
	for i := 1; i < len(h.Samples); i++ {
		a0 := math.Atan2(h.Samples[i-1].Y-c.Y, h.Samples[i-1].X-c.X)
		a1 := math.Atan2(h.Samples[i].Y-c.Y, h.Samples[i].X-c.X)
		d := math.Remainder(a1-a0, 2*math.Pi)
		total += d
	}
	return math.Abs(total) / (2 * math.Pi)
}

// Pressure follows the step: firmer on the upward half of a circle,
// building over the passes.
func TestPressureProfiles(t *testing.T) {
	p := compileStep(t, technique(t, "finger-thumb-rotations"), 1)
	h := p.Hands[0]
	var up, down []float64
	for k := 1; k < len(h.Samples); k++ {
		dy := h.Samples[k].Y - h.Samples[k-1].Y
		switch {
		case dy < -1e-4:
			up = append(up, h.Samples[k].Pressure)
		case dy > 1e-4:
			down = append(down, h.Samples[k].Pressure)
		}
	}
	if mean(up) <= mean(down)+0.05 {
		t.Errorf("firmer on the upward half: mean pressure up %.3f, down %.3f", mean(up), mean(down))
	}
	b := compileStep(t, technique(t, "back-fan-stroke"), 2)
	r := handOf(b, "right")
	first, last := passSamples(r, 1), passSamples(r, b.Passes)
	if maxPressure(last) <= maxPressure(first) {
		t.Errorf("building pressure: last pass %.3f is not above the first %.3f", maxPressure(last), maxPressure(first))
	}
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(max(len(xs), 1))
}

func maxPressure(ss []Sample) float64 {
	m := 0.0
	for _, s := range ss {
		m = math.Max(m, s.Pressure)
	}
	return m
}

// A holding hand stays still, in contact, where the step puts it.
func TestHoldIsStill(t *testing.T) {
	p := compileStep(t, technique(t, "scalp-petrissage"), 1)
	l := handOf(p, "left")
	half := len(l.Samples) / 2
	chin := Spots("head-side", "chin")[0].At
	for _, s := range l.Samples[:half-1] {
		if !s.Contact || (Point{s.X, s.Y}).dist(chin) > 1e-9 {
			t.Fatalf("scalp-petrissage#1: the left hand at %.2f s is at %v (contact %v), want holding the chin at %v", s.T, Point{s.X, s.Y}, s.Contact, chin)
		}
	}
	// after the swap, the left hand works and the right holds
	r := handOf(p, "right")
	s := r.Samples[len(r.Samples)-2]
	if (Point{s.X, s.Y}).dist(chin) > 1e-9 {
		t.Errorf("after the swap the right hand is at %v, want holding the chin", Point{s.X, s.Y})
	}
}

// Bad requests get clear errors, not panics.
func TestCompileErrors(t *testing.T) {
	x := technique(t, "toe-rotation")
	for _, n := range []int{0, 2, -1} {
		if _, err := CompileStep(x, n, Options{}); err == nil || !strings.Contains(err.Error(), "no step") {
			t.Errorf("step %d: got %v, want an error", n, err)
		}
	}
	bad := tech("scalp", massage.Step{Motion: "wiggle", At: []string{"crown"}})
	if _, err := CompileStep(bad, 1, Options{}); err == nil || !strings.Contains(err.Error(), `unknown motion "wiggle"`) {
		t.Errorf("unknown motion: got %v", err)
	}
	if _, err := CompileStep(nil, 1, Options{}); err == nil {
		t.Error("nil technique: no error")
	}
}

// Every motion of the model compiles, on a chart of its own kind.
func TestEveryMotion(t *testing.T) {
	for _, m := range massage.Motions.IDs() {
		x := tech("upper-back", massage.Step{Motion: m, At: []string{"lower-back", "shoulder-blades"}, Seconds: massage.Bounds{Usual: 12}})
		p, err := CompileStep(x, 1, Options{})
		if err != nil {
			t.Errorf("motion %s: %v", m, err)
			continue
		}
		checkPath(t, m, p, &x.Steps[0])
		touched := false
		for _, h := range p.Hands {
			for _, s := range h.Samples {
				touched = touched || s.Contact
			}
		}
		if !touched {
			t.Errorf("motion %s never touches", m)
		}
	}
	if len(moves) != len(massage.Motions.Words) {
		ids := make([]string, 0, len(moves))
		for id := range moves {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		t.Errorf("moves %v do not match the model's motions %v", ids, massage.Motions.IDs())
	}
}

// Circling hands, as the source has it: the right hand works the
// receiver's left side (the chart's left: the back is seen from behind),
// circling counterclockwise as the giver sees it, climbing the back; the
// left hand then does the same on the right side.
func TestCirclingHands(t *testing.T) {
	p := compileStep(t, technique(t, "back-circling-hands"), 1)
	for _, tc := range []struct {
		pass int
		hand string
		left bool // on the receiver's (and the chart's) left
	}{
		{1, "right", true},
		{2, "left", false},
		{3, "right", true},
	} {
		var ss []Sample
		for _, h := range p.Hands {
			if h.Hand == tc.hand {
				for _, s := range passSamples(h, tc.pass) {
					if s.Contact {
						ss = append(ss, s)
					}
				}
			}
		}
		if len(ss) < 10 {
			t.Fatalf("pass %d: the %s hand touches %d samples", tc.pass, tc.hand, len(ss))
		}
		for _, s := range ss {
			if (s.X < 0.5) != tc.left {
				t.Fatalf("pass %d: the %s hand at x %.3f at %.2f s, want the receiver's %s side", tc.pass, tc.hand, s.X, s.T, map[bool]string{true: "left", false: "right"}[tc.left])
			}
		}
		if a := SignedArea(points(ss)); a >= 0 {
			t.Errorf("pass %d: the %s hand turns clockwise (signed area %.4f), want counterclockwise", tc.pass, tc.hand, a)
		}
		if first, last := ss[0].Y, ss[len(ss)-1].Y; last >= first-0.1 {
			t.Errorf("pass %d: the %s hand goes from y %.3f to %.3f, want up the back", tc.pass, tc.hand, first, last)
		}
	}
}
