package motion_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"math/rand"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/motion"
	"github.com/knead/knead/plan"
)

// Planned routines, many of them, export within every limit: no jump in
// contact, every speed, acceleration and force rate within Knead's
// defaults on the body, every force within its region's limit and the
// routine's pressure, the chart named on every row.
func TestPlannedRoutinesKeepTheLimits(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	// 300 requests here (about 200 routines planned); KNEAD_PROPERTY_N=1000
	// or more for a longer run
	n := propertyN(300, 60)
	planned := 0
	var refused []string
	for _, req := range randomRequests(n, 16) {
		p, err := plan.Make(cat, req)
		if err != nil {
			continue // nothing safe to plan there: the planner says so itself
		}
		r := p.Routine()
		paths, err := motion.RoutinePaths(cat, r)
		var me0 *motion.MotionError
		if errors.As(err, &me0) {
			// a step given too little time by the plan for its moves
			// within the limits: refused, with the step and time
			refused = append(refused, err.Error())
			if os.Getenv("KNEAD_PROPERTY_SHOW") != "" {
				t.Logf("refused: %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("plan %+v: %v", req, err)
		}
		planned++
		var b bytes.Buffer
		err = motion.Export(&b, paths, motion.ExportOptions{Rate: 50, MaxForce: 10})
		var me *motion.MotionError
		if errors.As(err, &me) {
			t.Fatalf("plan %+v: %v", req, err)
		}
		if err != nil {
			// a force limit: the only refusal a planned routine may meet,
			// and only where the cap is below a region's asked-for force
			t.Fatalf("plan %+v: %v", req, err)
		}
		checkRows(t, req, b.String(), r.Pressure, motion.DefaultLimits)
	}
	if planned < n/2 {
		t.Fatalf("only %d of %d requests planned", planned, n)
	}
	// the routine exporter honours the planner's steps (play) and gives a
	// step that its moves do not fit more time (fewer rounds, each
	// longer): no planned routine is refused for speed
	for _, r := range refused {
		t.Errorf("a planned routine refused for speed: %s", r)
	}
	t.Logf("%d planned routines exported within the limits, %d refused for speed", planned, len(refused))
}

// TestPlannedRoutinesAtLoweredLimits plans routines as the test above does
// and exports each with one of Knead's limits lowered, in turn: every one
// is laid out gentler (slower strokes, a step given a larger share of its
// item, slower joins), none is refused, and every row read back keeps the
// lowered limits.
func TestPlannedRoutinesAtLoweredLimits(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	grid := []motion.Limits{
		{Accel: 1.5}, {Accel: 1}, {ContactSpeed: 0.15}, {ContactSpeed: 0.1},
		{TravelSpeed: 0.3}, {ForceRate: 10},
	}
	n := propertyN(90, 24)
	exported := map[int]int{}
	for i, req := range randomRequests(n, 1616) {
		low := grid[i%len(grid)]
		p, err := plan.Make(cat, req)
		if err != nil {
			continue
		}
		r := p.Routine()
		paths, err := motion.RoutinePathsWithin(cat, r, low)
		var b bytes.Buffer
		if err == nil {
			err = motion.Export(&b, paths, motion.ExportOptions{Rate: 50, MaxForce: 10, Limits: low})
		}
		if err != nil {
			t.Errorf("plan %+v at %+v: refused: %v", req, low, err)
			continue
		}
		exported[i%len(grid)]++
		checkRows(t, req, b.String(), r.Pressure, withDefaults(low))
	}
	for g, low := range grid {
		if exported[g] < n/len(grid)/2 {
			t.Errorf("at %+v only %d planned routines exported", low, exported[g])
		}
	}
	t.Logf("planned routines exported at lowered limits: %v", exported)
}

// propertyN is how many requests a property test plans: def, short under
// -short, or KNEAD_PROPERTY_N for a longer run.
func propertyN(def, short int) int {
	if v, err := strconv.Atoi(os.Getenv("KNEAD_PROPERTY_N")); err == nil && v > 0 {
		return v
	}
	if testing.Short() {
		return short
	}
	return def
}

// randomRequests are n requests a person might make (one or two areas, 1
// to 6 minutes, any mode and pressure), the same for the same seed.
func randomRequests(n int, seed int64) []plan.Request {
	var areas []string
	for _, a := range massage.Areas {
		areas = append(areas, a.ID)
	}
	rng := rand.New(rand.NewSource(seed))
	reqs := make([]plan.Request, n)
	for i := range reqs {
		req := plan.Request{
			Areas:    []string{areas[rng.Intn(len(areas))]},
			Minutes:  float64(1 + rng.Intn(6)),
			Mode:     []string{"", "self", "partner"}[rng.Intn(3)],
			Pressure: []string{"light", "moderate", "deep"}[rng.Intn(3)],
			Seed:     int64(i),
		}
		if rng.Intn(3) == 0 {
			req.Areas = append(req.Areas, areas[rng.Intn(len(areas))])
		}
		reqs[i] = req
	}
	return reqs
}

// checkRows checks an export's rows by themselves, as a device would read
// them.
func checkRows(t *testing.T, req any, s, pressure string, lim motion.Limits) {
	t.Helper()
	cr := csv.NewReader(strings.NewReader(s))
	cr.Comment = '#'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// light and moderate as motion.levelPressure gives them (0.3, 0.5 of 14 N)
	top := map[string]float64{"light": 4.2, "moderate": 7, "deep": 10}[pressure] * 1.43 // a profile may press up to 1/0.7 of a level
	if pressure == "light" || pressure == "moderate" {
		top = map[string]float64{"light": 4.2, "moderate": 7}[pressure]
	}
	type state struct {
		p       [3]float64
		v       [3]float64
		f       float64
		contact bool
		ok      bool
	}
	var last [2]state
	const dt = 1.0 / 50
	for i, rec := range recs[1:] {
		if rec[6] == "" {
			t.Fatalf("plan %+v row %d names no chart", req, i+1)
		}
		h := 0
		if rec[4] == "right" {
			h = 1
		}
		var cur state
		for j := 0; j < 3; j++ {
			cur.p[j], _ = strconv.ParseFloat(rec[8+j], 64)
		}
		cur.f, _ = strconv.ParseFloat(rec[3], 64)
		cur.contact, cur.ok = rec[7] == "1", true
		if cur.f > top+0.01 || cur.f > 10+1e-9 {
			t.Fatalf("plan %+v (%s pressure) row %d: %v N", req, pressure, i+1, cur.f)
		}
		if pv := last[h]; pv.ok {
			d := math.Sqrt(sq(cur.p[0]-pv.p[0]) + sq(cur.p[1]-pv.p[1]) + sq(cur.p[2]-pv.p[2]))
			v := d / dt
			// the rows round places to 0.1 mm: allow for it
			slack := 0.0002 / dt
			if cur.contact && pv.contact && v > lim.ContactSpeed+slack {
				t.Fatalf("plan %+v row %d at %s s: %.2f m/s in contact", req, i+1, rec[0], v)
			}
			if !(cur.contact && pv.contact) && v > lim.TravelSpeed+slack {
				t.Fatalf("plan %+v row %d at %s s: %.2f m/s lifted", req, i+1, rec[0], v)
			}
			if math.Abs(cur.f-pv.f)/dt > lim.ForceRate+0.01/dt {
				t.Fatalf("plan %+v row %d at %s s: force changes %.1f N/s", req, i+1, rec[0], math.Abs(cur.f-pv.f)/dt)
			}
			for j := 0; j < 3; j++ {
				cur.v[j] = (cur.p[j] - pv.p[j]) / dt
			}
			if pv.v != [3]float64{} {
				a := math.Sqrt(sq(cur.v[0]-pv.v[0])+sq(cur.v[1]-pv.v[1])+sq(cur.v[2]-pv.v[2])) / dt
				if a > lim.Accel+2*slack/dt {
					t.Fatalf("plan %+v row %d at %s s: %.2f m/s²", req, i+1, rec[0], a)
				}
			}
		}
		last[h] = cur
	}
}

// Lowered limits lay every technique out slower (fewer, slower moves in
// its time, or up to its most seconds), instead of refusing it; what is
// exported keeps the lowered limits row by row.
func TestLoweredLimitsSlowTheLayout(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	low := motion.Limits{ContactSpeed: 0.15, TravelSpeed: 0.4, Accel: 2.5, ForceRate: 15}
	if testing.Short() {
		cat.Techniques = cat.Techniques[:10]
	}
	var refused []string
	for _, x := range cat.Techniques {
		paths, err := motion.TechniquePathsWithin(x, low)
		if err != nil {
			refused = append(refused, err.Error())
			continue
		}
		var b bytes.Buffer
		if err := motion.Export(&b, paths, motion.ExportOptions{Rate: 50, MaxForce: 6, Limits: low}); err != nil {
			refused = append(refused, err.Error())
			continue
		}
		checkRows(t, x.ID, b.String(), "deep", low)
	}
	for _, r := range refused {
		t.Errorf("refused at lowered limits: %s", r)
	}
}

func sq(x float64) float64 { return x * x }

// TestLoweredLimitsFitEveryTechnique exports every technique of the
// catalog with one of Knead's limits lowered at a time, far below its
// default, the others left as they are: each step is made gentler (its
// strokes slower and fewer in the same time) and exported, never refused,
// and every row keeps every limit.
func TestLoweredLimitsFitEveryTechnique(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	grid := []motion.Limits{
		{Accel: 2.5}, {Accel: 1.5}, {Accel: 1},
		{ContactSpeed: 0.2}, {ContactSpeed: 0.1},
		{TravelSpeed: 0.3},
		{ForceRate: 20}, {ForceRate: 10},
	}
	for _, low := range grid {
		for i, x := range cat.Techniques {
			if testing.Short() && i%10 != 0 && x.ID != "lower-back-palm-rub" && x.ID != "ear-rub" && x.ID != "ankle-rotation" {
				continue
			}
			paths, err := motion.TechniquePathsWithin(x, low)
			var b bytes.Buffer
			if err == nil {
				err = motion.Export(&b, paths, motion.ExportOptions{Rate: 50, MaxForce: 6, Limits: low})
			}
			if err != nil {
				t.Errorf("%s at %+v: refused: %v", x.ID, low, err)
				continue
			}
			checkRows(t, x.ID, b.String(), "deep", withDefaults(low))
		}
	}
}

// TestLowerBackPalmRubAtLowerAcceleration: the brisk rub of the lower back
// was refused at 2.5 m/s² with the speeds at their defaults ("acceleration
// of 2.60 m/s² at 8.88 s"); it is now rubbed slower, in the same 20 s, and
// the header says so.
func TestLowerBackPalmRubAtLowerAcceleration(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	x := cat.Technique("lower-back-palm-rub")
	low := motion.Limits{Accel: 2.5}
	paths, err := motion.TechniquePathsWithin(x, low)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := motion.Export(&b, paths, motion.ExportOptions{Rate: 50, Limits: low}); err != nil {
		t.Fatal(err)
	}
	lim := motion.DefaultLimits
	lim.Accel = 2.5
	checkRows(t, x.ID, b.String(), "light", lim)
	head := b.String()[:strings.Index(b.String(), "\nt,")]
	if !strings.Contains(head, "# seconds: 20\n") {
		t.Errorf("the rub no longer lasts its 20 s:\n%s", head)
	}
	if !strings.Contains(head, `# adapted: [{"technique":"lower-back-palm-rub","step":1,"tempo_share":`) {
		t.Errorf("the header does not say the rub was slowed:\n%s", head)
	}
	// at Knead's own limits nothing is listed as adapted
	paths, err = motion.TechniquePathsWithin(x, motion.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := motion.Export(&b, paths, motion.ExportOptions{Rate: 50}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "adapted") {
		t.Errorf("adapted steps listed at Knead's own limits")
	}
}

// TestImpossibleLimitIsRefusedWithWhatItNeeds: a limit below what any
// stroke of a technique can keep in its time is refused, naming the step,
// the hand, the time, the limit and the least limit that would do.
func TestImpossibleLimitIsRefusedWithWhatItNeeds(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	x := cat.Technique("back-fan-stroke")
	for _, tc := range []struct {
		low  motion.Limits
		want []string
	}{
		{motion.Limits{Accel: 0.05}, []string{"technique back-fan-stroke step 1:", "hand would reach an acceleration of", "above the 0.050", "cannot fit within this limit (it needs 0.0", "m/s² at least)"}},
		{motion.Limits{ContactSpeed: 0.01}, []string{"technique back-fan-stroke step 1:", "contact speed of", "above the 0.010", "cannot fit within this limit (it needs 0.01", "m/s at least)"}},
	} {
		_, err := motion.TechniquePathsWithin(x, tc.low)
		var me *motion.MotionError
		if !errors.As(err, &me) {
			t.Fatalf("%+v: want a motion error, got %v", tc.low, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%+v: %q does not say %q", tc.low, err, w)
			}
		}
		if me.Needs <= me.Limit {
			t.Errorf("%+v: needs %v, not above the limit %v", tc.low, me.Needs, me.Limit)
		}
	}
}

// TestHourRoutineAtLoweredLimits exports an hour of the whole catalog, item
// after item, with one limit lowered at a time: the steps and the joins
// between them are made gentler together, and every row keeps the limits.
// (At 1 m/s² and at 0.1 m/s in contact an hour of every technique is still
// refused: see docs/motion.md.)
func TestHourRoutineAtLoweredLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("an hour of rows per limit")
	}
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := &massage.Routine{ID: "hour", Name: "An hour"}
	for total := 0.0; total < 3600; {
		for _, x := range cat.Techniques {
			s := min(120, 3600-total)
			if s <= 0 {
				break
			}
			r.Items = append(r.Items, massage.Item{Technique: x.ID, Seconds: s})
			total += s
		}
	}
	for _, low := range []motion.Limits{{Accel: 1.5}, {ContactSpeed: 0.15}, {TravelSpeed: 0.3}, {ForceRate: 10}, {Accel: 1}, {ContactSpeed: 0.1}} {
		paths, err := motion.RoutinePathsWithin(cat, r, low)
		var b bytes.Buffer
		if err == nil {
			err = motion.Export(&b, paths, motion.ExportOptions{Rate: 50, MaxForce: 6, Limits: low})
		}
		if err != nil {
			t.Errorf("an hour at %+v: refused: %v", low, err)
			continue
		}
		checkRows(t, "hour", b.String(), "deep", withDefaults(low))
	}
}

// withDefaults fills the limits left at zero with Knead's own.
func withDefaults(low motion.Limits) motion.Limits {
	lim := motion.DefaultLimits
	for _, f := range []struct{ to, from *float64 }{
		{&lim.Accel, &low.Accel}, {&lim.ContactSpeed, &low.ContactSpeed},
		{&lim.TravelSpeed, &low.TravelSpeed}, {&lim.ForceRate, &low.ForceRate},
	} {
		if *f.from > 0 {
			*f.to = *f.from
		}
	}
	return lim
}

// TestCirclingHandsHandOverAtLowerContactSpeed: the circling hands of the
// back at a lowered contact speed, in items of the lengths a routine gives
// them. Half way through, the right hand lifts and the left takes over on
// the other side: the hand-over keeps the least time the limits give a
// lifted hand, and the circles give way (spread further apart up the
// back, one at each spot), so the step fits. Before, the circles left the
// hand-over whatever time they did not fill, and these were refused for
// an acceleration of 5.2 to 11 m/s² at the hand-over.
func TestCirclingHandsHandOverAtLowerContactSpeed(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ speed, seconds float64 }{
		{0.1, 40}, {0.1, 48}, {0.1, 51}, {0.1, 60}, {0.1, 90},
		{0.15, 30}, {0.15, 40}, {0.15, 48}, {0.15, 51}, {0.15, 60},
	} {
		low := motion.Limits{ContactSpeed: c.speed}
		r := &massage.Routine{ID: "circling", Name: "Circling hands", Items: []massage.Item{{Technique: "back-circling-hands", Seconds: c.seconds}}}
		paths, err := motion.RoutinePathsWithin(cat, r, low)
		var b bytes.Buffer
		if err == nil {
			err = motion.Export(&b, paths, motion.ExportOptions{Rate: 50, Limits: low})
		}
		if err != nil {
			t.Errorf("%g s at %g m/s in contact: refused: %v", c.seconds, c.speed, err)
			continue
		}
		checkRows(t, c, b.String(), "light", withDefaults(low))
		// both hands take their turn, each touching the back
		for _, hand := range []string{"left", "right"} {
			if !regexp.MustCompile(`(?m)^[^#].*,` + hand + `,[a-z-]+,back,1(,|$)`).MatchString(b.String()) {
				t.Errorf("%g s at %g m/s: the %s hand never touches the back", c.seconds, c.speed, hand)
			}
		}
	}
}
