package web

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/motion"
)

// sampled makes samples every 1/50 s of a hand at place(t), pressing press(t).
func sampled(seconds float64, place func(t float64) (x, y float64), press func(t float64) float64) []motion.Sample {
	var out []motion.Sample
	for i := 0; float64(i) <= seconds*motion.Rate+1e-9; i++ {
		t := float64(i) / motion.Rate
		x, y := place(t)
		p := press(t)
		out = append(out, motion.Sample{T: t, X: x, Y: y, Pressure: p, Contact: p > 0})
	}
	return out
}

// replay gives where the decoded path puts the hand at sample i, as the
// page's anim.js does: the place along the piece and the pressure.
func replay(pts []point, i int) (x, y, p float64) {
	if i <= pts[0].t {
		return float64(pts[0].x), float64(pts[0].y), float64(pts[0].p)
	}
	for k := 1; k < len(pts); k++ {
		a, b := pts[k-1], pts[k]
		if i <= b.t {
			u := float64(i-a.t) / float64(b.t-a.t)
			x, y := along(a, b, b.b, u)
			return x, y, float64(a.p) + u*float64(b.p-a.p)
		}
	}
	l := pts[len(pts)-1]
	return float64(l.x), float64(l.y), float64(l.p)
}

// checkReplay fails when the decoded path strays from any sample by more
// than the tolerances (plus half a unit of rounding each way).
func checkReplay(t *testing.T, name string, samples []motion.Sample, d []int) {
	t.Helper()
	pts := decodeHand(d)
	if len(pts) == 0 {
		t.Fatalf("%s: nothing decoded", name)
	}
	if pts[0].t != 0 || pts[len(pts)-1].t != len(samples)-1 {
		t.Errorf("%s: the path runs from sample %d to %d, want 0 to %d", name, pts[0].t, pts[len(pts)-1].t, len(samples)-1)
	}
	worst, worstTime, worstP := 0.0, 0.0, 0.0
	for i, s := range samples {
		x, y, p := replay(pts, i)
		sx, sy := s.X*1000, s.Y*1000
		worstTime = math.Max(worstTime, math.Hypot(x-sx, y-sy))
		// off the drawn path: the piece of the sample's moment, or the one
		// before or after it (a hand may run a little ahead or behind)
		near := math.Hypot(x-sx, y-sy)
		n := sort.Search(len(pts), func(n int) bool { return pts[n].t >= i })
		for m := max(1, n-1); m <= min(len(pts)-1, n+1); m++ {
			near = math.Min(near, offPath(pts[m-1], pts[m], pts[m].b, sx, sy))
		}
		worst = math.Max(worst, near)
		want := 0.0
		if s.Contact {
			want = s.Pressure * 9
		}
		worstP = math.Max(worstP, math.Abs(p-want))
	}
	// The kept points are whole numbers and the fit is checked against
	// whole-number samples; the true samples are up to 0.71 away from those.
	if worst > keepTolerance+0.75 {
		t.Errorf("%s: the replayed path strays %.2f thousandths from a sample, more than %.1f", name, worst, keepTolerance)
	}
	if worstTime > timeSlack*keepTolerance+0.75 {
		t.Errorf("%s: the replayed hand runs %.2f thousandths ahead of or behind a sample, more than %.1f", name, worstTime, timeSlack*keepTolerance)
	}
	if worstP > pressureTolerance+0.5 {
		t.Errorf("%s: the replayed pressure strays %.2f from a sample, more than %.1f", name, worstP, pressureTolerance)
	}
}

// Simple motions keep few points, and the replay follows every sample.
func TestKeyPoints(t *testing.T) {
	circle := func(cx, cy, r, turnsPerSecond float64) func(float64) (float64, float64) {
		return func(t float64) (float64, float64) {
			a := 2 * math.Pi * turnsPerSecond * t
			return cx + r*math.Cos(a), cy + r*math.Sin(a)
		}
	}
	steady := func(float64) float64 { return 0.5 }
	tests := []struct {
		name      string
		samples   []motion.Sample
		maxPoints int
		arcs      bool // some pieces must be arcs
	}{
		{"still hand", sampled(10, func(float64) (float64, float64) { return .5, .5 }, steady), 2, false},
		{"straight at an even pace", sampled(4, func(t float64) (float64, float64) { return .2 + .1*t, .3 }, steady), 2, false},
		{"straight, then a pause", sampled(4, func(t float64) (float64, float64) { return .2 + .1*math.Min(t, 2), .3 }, steady), 3, false},
		{"there and back", sampled(4, func(t float64) (float64, float64) { return .2 + .1*(2-math.Abs(t-2)), .3 }, steady), 3, false},
		{"ten circles", sampled(10, circle(.5, .5, .06, 1), steady), 10*4 + 1, true},
		{"circles, pressing on the way up", sampled(6, circle(.4, .6, .05, 1), func(t float64) float64 {
			return .5 + .3*math.Sin(2*math.Pi*t)
		}), 6*8 + 1, true},
		{"lifted between strokes", sampled(6, func(t float64) (float64, float64) {
			return .3 + .2*(t-math.Floor(t)), .5
		}, func(t float64) float64 {
			if t-math.Floor(t) > .8 {
				return 0
			}
			return .4
		}), 6*4 + 2, false},
	}
	for _, tc := range tests {
		d := encodeHand(tc.samples, keepTolerance, pressureTolerance)
		pts := decodeHand(d)
		if len(pts) > tc.maxPoints {
			t.Errorf("%s: %d points kept of %d samples, want at most %d", tc.name, len(pts), len(tc.samples), tc.maxPoints)
		}
		arcs := false
		for _, p := range pts {
			arcs = arcs || p.b != 0
		}
		if tc.arcs && !arcs {
			t.Errorf("%s: no piece is an arc", tc.name)
		}
		checkReplay(t, tc.name, tc.samples, d)
	}
}

// The arc through three points passes through the middle one halfway.
func TestArcBendAlong(t *testing.T) {
	tests := []struct{ p, m, q point }{
		{point{x: 100, y: 500}, point{x: 500, y: 100}, point{x: 900, y: 500}}, // a half turn, clockwise as drawn
		{point{x: 100, y: 500}, point{x: 500, y: 900}, point{x: 900, y: 500}}, // the other way
		{point{x: 600, y: 500}, point{x: 500, y: 400}, point{x: 400, y: 500}}, // a half turn the short way round
		{point{x: 500, y: 300}, point{x: 700, y: 500}, point{x: 500, y: 700}}, // down the right side
		{point{x: 500, y: 400}, point{x: 571, y: 429}, point{x: 600, y: 500}}, // a quarter turn
		{point{x: 200, y: 200}, point{x: 300, y: 300}, point{x: 400, y: 400}}, // a straight line: no bend
		{point{x: 500, y: 400}, point{x: 400, y: 500}, point{x: 500, y: 600}}, // down the left side
	}
	for _, tc := range tests {
		k := arcBend(tc.p, tc.m, tc.q)
		x, y := along(tc.p, tc.q, k, 0.5)
		if d := math.Hypot(x-float64(tc.m.x), y-float64(tc.m.y)); d > 2 {
			t.Errorf("arc %v→%v→%v (bend %d): halfway at (%.1f, %.1f), %.1f from the middle point", tc.p, tc.m, tc.q, k, x, y, d)
		}
		if ex, ey := along(tc.p, tc.q, k, 1); math.Hypot(ex-float64(tc.q.x), ey-float64(tc.q.y)) > 1e-6 {
			t.Errorf("arc %v→%v→%v ends at (%.3f, %.3f)", tc.p, tc.m, tc.q, ex, ey)
		}
	}
}

// Every step of the built-in catalog replays within tolerance, with far
// fewer points than samples.
func TestEveryStepReplays(t *testing.T) {
	app, _ := newApp(t, false)
	samples, kept := 0, 0
	for _, tech := range app.cat.Techniques {
		for i := range tech.Steps {
			p, err := motion.CompileStep(tech, i+1, motion.Options{})
			if err != nil {
				continue
			}
			for _, h := range p.Hands {
				d := encodeHand(h.Samples, keepTolerance, pressureTolerance)
				checkReplay(t, key(tech.ID, i)+" "+h.Hand, h.Samples, d)
				samples += len(h.Samples)
				kept += len(d) / 5
			}
		}
	}
	if kept*10 > samples {
		t.Errorf("%d points kept of %d samples: want under a tenth", kept, samples)
	}
}

// A plan's motion stays within the page's budget however many steps it
// plays: over it, the steps are drawn coarser, and every move still has
// its path.
func TestScriptMotionBudget(t *testing.T) {
	app, _ := newApp(t, false)
	var sc guide.Script
	for _, tech := range app.cat.Techniques {
		for i := range tech.Steps {
			sc.Moves = append(sc.Moves, guide.Move{Technique: tech.ID, Step: i})
		}
	}
	whole := newLibrary(app.cat)
	whole.budget = 1 << 30 // every step at its finest
	fine, _ := whole.scriptMotion(&sc)
	for _, budget := range []int{len(fine) * 3 / 4, len(fine) * 3 / 5} {
		lib := newLibrary(app.cat)
		lib.budget = budget
		raw, _ := lib.scriptMotion(&sc)
		if len(raw) > budget {
			t.Errorf("budget %d: the motion is %d bytes", budget, len(raw))
		}
		var m motionJSON
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		var f motionJSON
		json.Unmarshal(fine, &f)
		var want, got []string
		for k := range f.Steps {
			want = append(want, k)
		}
		for k, a := range m.Steps {
			got = append(got, k)
			for _, h := range a.Hands {
				if len(h.D) < 10 {
					t.Errorf("budget %d: %s %s has %d numbers, want a path", budget, k, h.Hand, len(h.D))
				}
			}
		}
		if d := cmp.Diff(len(want), len(got)); d != "" {
			t.Errorf("budget %d: steps drawn (-want +got):\n%s", budget, d)
		}
	}
}

// Every technique's small drawing is a well-formed SVG on its chart,
// framed inside the chart.
func TestThumbs(t *testing.T) {
	app, _ := newApp(t, false)
	drawn := 0
	for _, tech := range app.cat.Techniques {
		th := app.lib.thumbOf(tech.ID)
		if th == nil {
			continue
		}
		drawn++
		svg := string(th.SVG)
		if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
			t.Errorf("%s: not well-formed: %v", tech.ID, err)
		}
		if !strings.Contains(svg, `<use href="#`+chartID(th.View)+`"/>`) {
			t.Errorf("%s: the drawing does not use its chart %s", tech.ID, th.View)
		}
		var x, y, w, h float64
		if _, err := fmtSscanViewBox(svg, &x, &y, &w, &h); err != nil || x < 0 || y < 0 || x+w > 1000.5 || y+h > 1000.5 || w < thumbMinFrame-1 {
			t.Errorf("%s: viewBox %v %v %v %v (%v)", tech.ID, x, y, w, h, err)
		}
		if !strings.Contains(svg, "thumb-path") && !strings.Contains(svg, "thumb-hold") && !strings.Contains(svg, "thumb-dot") {
			t.Errorf("%s: the drawing shows no hand", tech.ID)
		}
	}
	if drawn < len(app.cat.Techniques)*9/10 {
		t.Errorf("%d of %d techniques have a drawing", drawn, len(app.cat.Techniques))
	}
}

// fmtSscanViewBox reads the viewBox of an svg tag.
func fmtSscanViewBox(svg string, x, y, w, h *float64) (int, error) {
	_, rest, _ := strings.Cut(svg, `viewBox="`)
	return fmt.Sscanf(rest, "%g %g %g %g", x, y, w, h)
}

// A player page carries its first moves' steps within the bytes given and lists the
// rest under "later", in play order; together they are every step the
// script plays, at the level scriptMotion chose, and /api/motion gives the
// later ones, refusing a key that names no step.
func TestPageMotionLater(t *testing.T) {
	app, _ := newApp(t, false)
	var sc guide.Script
	for _, tech := range app.cat.Techniques {
		for i := range tech.Steps {
			sc.Moves = append(sc.Moves, guide.Move{Technique: tech.ID, Step: i})
		}
	}
	all := map[string]bool{}
	var m motionJSON
	whole, _ := app.lib.scriptMotion(&sc)
	json.Unmarshal(whole, &m)
	for k := range m.Steps {
		all[k] = true
	}
	const first = 32 << 10
	raw, views := app.lib.pageMotion(&sc, first)
	var p pageMotionJSON
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Later) == 0 || len(p.Steps) == 0 {
		t.Fatalf("every step of the catalog: %d carried, %d later; want both", len(p.Steps), len(p.Later))
	}
	b, _ := json.Marshal(p.Steps)
	if len(b) > first+1024 {
		t.Errorf("the page carries %d bytes of motion, want about %d at most", len(b), first)
	}
	got := map[string]bool{}
	for k := range p.Steps {
		got[k] = true
	}
	for _, k := range p.Later {
		if got[k] {
			t.Errorf("%s is both carried and later", k)
		}
		got[k] = true
	}
	if d := cmp.Diff(all, got); d != "" {
		t.Errorf("steps (-script +page):\n%s", d)
	}
	if len(views) < 3 {
		t.Errorf("charts %v: want every chart the catalog draws on", views)
	}
	// The later ones come from the API, at the page's level.
	q := url.Values{"level": {fmt.Sprint(p.Level)}, "steps": {strings.Join(p.Later, ",")}}
	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("GET", "/api/motion?"+q.Encode(), nil))
	var later motionJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &later); rec.Code != 200 || err != nil {
		t.Fatalf("/api/motion: %d %v %.200s", rec.Code, err, rec.Body.String())
	}
	if len(later.Steps) != len(p.Later) {
		t.Errorf("/api/motion gave %d steps of %d", len(later.Steps), len(p.Later))
	}
	for _, bad := range []string{"steps=", "steps=nope%230", "steps=" + url.QueryEscape(p.Later[0]) + "&level=9", "steps=" + url.QueryEscape(strings.Split(p.Later[0], "#")[0]+"#99")} {
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest("GET", "/api/motion?"+bad, nil))
		if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), `"code":"invalid"`) {
			t.Errorf("/api/motion?%s: %d %s, want 422 invalid", bad, rec.Code, rec.Body.String())
		}
	}
}

// A plan of usual length carries all its motion: nothing is fetched later.
func TestUsualPlanCarriesAllMotion(t *testing.T) {
	app, _ := newApp(t, false)
	for _, q := range []string{"area=upper-back&area=scalp&minutes=20&mode=partner", "area=back&area=scalp&area=feet&minutes=60&mode=partner"} {
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest("GET", "/plan?"+q, nil))
		if rec.Code != 200 {
			t.Fatalf("%s: %d", q, rec.Code)
		}
		if strings.Contains(rec.Body.String(), `"later":`) {
			t.Errorf("%s: the page leaves motion for later; a plan of usual length carries it all", q)
		}
	}
}
