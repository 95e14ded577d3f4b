package motion_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"math/rand"
	"os"
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
	n := 300
	if v, err := strconv.Atoi(os.Getenv("KNEAD_PROPERTY_N")); err == nil && v > 0 {
		n = v
	}
	if testing.Short() {
		n = 60
	}
	var areas []string
	for _, a := range massage.Areas {
		areas = append(areas, a.ID)
	}
	rng := rand.New(rand.NewSource(16))
	planned := 0
	var refused []string
	for i := 0; i < n; i++ {
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
			if v > lim.TravelSpeed+slack {
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

// TestLowAccelerationFitsOrSaysSo exports every technique under an
// acceleration limit well below Knead's: a technique is laid out slowly
// enough to fit (the scalp tapping must, its joins up the curve of the
// skull slowed on the body), or refused as one that cannot fit, with the
// step, the time and the limit, never with a bare figure.
func TestLowAccelerationFitsOrSaysSo(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []float64{1.5, 1} {
		low := motion.Limits{Accel: a}
		for _, x := range cat.Techniques {
			if testing.Short() && x.ID != "scalp-tapping" {
				continue
			}
			paths, err := motion.TechniquePathsWithin(x, low)
			var b bytes.Buffer
			if err == nil {
				err = motion.Export(&b, paths, motion.ExportOptions{Rate: 50, MaxForce: 6, Limits: low})
			}
			if err != nil {
				if x.ID == "scalp-tapping" {
					t.Errorf("%s at %v m/s²: refused: %v", x.ID, a, err)
				}
				t.Logf("refused at %v m/s²: %v", a, err)
				var me *motion.MotionError
				if !errors.As(err, &me) || !strings.Contains(err.Error(), "cannot fit within this limit") ||
					!strings.Contains(err.Error(), fmt.Sprintf("above the %.2f m/s² limit", a)) {
					t.Errorf("%s at %v m/s²: refused without saying it cannot fit: %v", x.ID, a, err)
				}
				continue
			}
			lim := motion.DefaultLimits
			lim.Accel = a
			checkRows(t, x.ID, b.String(), "deep", lim)
		}
	}
}
