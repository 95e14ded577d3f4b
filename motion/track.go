package motion

import "math"

// A track is one hand's timeline: segments, each a shape run over a time.
// Moves build tracks in nominal seconds; the compiler then stretches each
// pass to the time the step gives it and samples the result.

type segKind uint8

const (
	kStill segKind = iota
	kCurve
	kArc
)

// pressFn gives a pressure factor (about 0–1) at fraction f of a segment,
// moving in direction dir (a unit vector on the chart).
type pressFn func(f float64, dir Point) float64

type seg struct {
	kind    segKind
	dur     float64
	c       curve // kCurve
	ctr     Point // kArc: centre, radii, start angle and sweep (radians,
	rx, ry  float64
	a0, sw  float64 // positive: clockwise as drawn)
	p       Point   // kStill
	contact bool
	press   pressFn
	needDir bool // the pressure depends on the way the hand moves
	pass    int  // the step's pass number this segment belongs to
	// warp is the time law along a kCurve: the share of the segment's time
	// spent up to each of the curve's points, larger where it bends hard,
	// so the hand slows through a tight turn; nil runs it evenly
	warp []float64
}

func (s *seg) at(f float64) Point {
	switch s.kind {
	case kCurve:
		if s.warp != nil {
			return s.c.atWarp(f, s.warp)
		}
		return s.c.at(f)
	case kArc:
		a := s.a0 + s.sw*f
		sin, cos := math.Sincos(a) // the same values as math.Sin and math.Cos, in one call
		return Point{s.ctr.X + s.rx*cos, s.ctr.Y + s.ry*sin}
	}
	return s.p
}

// dir is the unit direction of travel at fraction f.
func (s *seg) dir(f float64) Point {
	switch s.kind {
	case kArc:
		a := s.a0 + s.sw*f
		sg := 1.0
		if s.sw < 0 {
			sg = -1
		}
		sin, cos := math.Sincos(a)
		return Point{-s.rx * sin * sg, s.ry * cos * sg}.norm()
	case kCurve:
		const e = 0.01
		return s.c.at(math.Min(1, f+e)).sub(s.c.at(math.Max(0, f-e))).norm()
	}
	return Point{}
}

func (s *seg) end() Point { return s.at(1) }

// minDur is the least time a segment may take within Knead's limits.
func (t *track) minDur(s *seg) float64 {
	k := t.mm / 1000
	switch s.kind {
	case kCurve:
		L := s.c.length() * k
		if L > 0 && len(s.c.pts) > 2 {
			var eff float64
			s.warp, eff = s.c.warpIn(t.ar, bendRadius/k)
			return minDuration(eff*k, bendRadius, s.contact, t.lim, t.share)
		}
		return minDuration(L, 0, s.contact, t.lim, t.share)
	case kArc:
		r := math.Min(s.rx, s.ry) * k
		return minDuration(math.Abs(s.sw)*(s.rx+s.ry)/2*k, r, true, t.lim, t.share)
	}
	return 0
}

type track struct {
	segs []seg
	pass int
	// mm is how many millimetres the chart's unit square spans: with it,
	// every move is given at least the time the limits ask for, and a hand
	// that must get to a new place lifts, travels and sets down.
	mm float64
	// share is the share of the limits the moves are laid out within
	share float64
	// lim are the limits: Knead's, or lower ones a user set
	lim Limits
	// ar holds the curves' points and time laws (nil: each its own)
	ar *arena
}

func (t *track) last() (Point, bool) {
	if len(t.segs) == 0 {
		return Point{}, false
	}
	return t.segs[len(t.segs)-1].end(), true
}

func (t *track) add(s seg) {
	if t.mm > 0 {
		if p, ok := t.last(); ok {
			q := s.at(0)
			if gap := p.dist(q) * t.mm / 1000; gap > 0.0005 {
				// never a jump: a glide of a few millimetres in contact,
				// else the hand lifts, travels and sets down
				prev := t.segs[len(t.segs)-1]
				contact := prev.contact && s.contact && gap <= 0.003
				var press pressFn
				if contact {
					press = pressLight
				}
				t.segs = append(t.segs, seg{kind: kCurve, c: measureIn(t.ar, append(t.ar.points(2), p, q)), contact: contact, press: press, pass: t.pass,
					dur: minDuration(gap, 0, contact, t.lim, t.share)})
			}
		}
		s.dur = math.Max(s.dur, t.minDur(&s))
	}
	s.pass = t.pass
	s.needDir = s.press != nil && s.kind != kStill && s.press(0, Point{0, 1}) != s.press(0, Point{0, -1})
	t.segs = append(t.segs, s)
}

// still holds the hand at p for dur.
func (t *track) still(p Point, dur float64, contact bool, press pressFn) {
	t.add(seg{kind: kStill, p: p, dur: dur, contact: contact, press: press})
}

// move runs the hand along a smooth line through pts.
func (t *track) move(pts []Point, dur float64, contact bool, press pressFn) {
	t.add(seg{kind: kCurve, c: smoothIn(t.ar, pts), dur: dur, contact: contact, press: press})
}

// along runs the hand along a curve.
func (t *track) along(c curve, dur float64, contact bool, press pressFn) {
	t.add(seg{kind: kCurve, c: c, dur: dur, contact: contact, press: press})
}

// arc runs the hand round a circle (or an ellipse) in contact.
func (t *track) arc(ctr Point, rx, ry, a0, sweep, dur float64, press pressFn) {
	t.add(seg{kind: kArc, ctr: ctr, rx: rx, ry: ry, a0: a0, sw: sweep, dur: dur, contact: true, press: press})
}

func (t *track) total() float64 {
	var s float64
	for _, g := range t.segs {
		s += g.dur
	}
	return s
}

// fit stretches the segments from index from on so they last exactly d.
func (t *track) fit(from int, d float64) {
	var s float64
	for _, g := range t.segs[from:] {
		s += g.dur
	}
	if s <= 0 {
		if from < len(t.segs) {
			t.segs[len(t.segs)-1].dur = d
		}
		return
	}
	if s > d {
		// too much for the time: the still parts give first (a press held
		// a little shorter), as far as a third of their time, so the moves
		// keep their speed
		var still float64
		for _, g := range t.segs[from:] {
			if g.kind == kStill {
				still += g.dur
			}
		}
		if still > 0 {
			ks := math.Max(1.0/3, (d-(s-still))/still)
			s = s - still + still*ks
			for i := from; i < len(t.segs); i++ {
				if t.segs[i].kind == kStill {
					t.segs[i].dur *= ks
				}
			}
		}
	}
	if s > d && t.lim != DefaultLimits {
		// still too much, under lowered limits: a lifted move (a hand
		// travelling to where it takes over) keeps the least time the
		// limits give it, and the moves in contact give way (the step is
		// laid out slower until they fit). Knead's own limits leave room
		// for both, and their layouts stay as they were.
		var lifted float64
		for _, g := range t.segs[from:] {
			if g.kind == kCurve && !g.contact {
				lifted += g.dur
			}
		}
		if lifted > 0 && lifted < d && lifted < s {
			k := (d - lifted) / (s - lifted)
			for i := from; i < len(t.segs); i++ {
				if g := &t.segs[i]; !(g.kind == kCurve && !g.contact) {
					g.dur *= k
				}
			}
			return
		}
	}
	k := d / s
	for i := from; i < len(t.segs); i++ {
		t.segs[i].dur *= k
	}
}

// Pressure shapes of a segment.
var (
	pressEven  pressFn = func(float64, Point) float64 { return 1 }
	pressLight pressFn = func(float64, Point) float64 { return 0.6 }
)

// pressUpward is firmer on the upward half of a circle (the hand moving up
// the chart) and eases on the way down.
func pressUpward(_ float64, d Point) float64 { return 0.8 - 0.2*d.Y }

// pressPulse rises and falls once over the segment: a grasp, a squeeze, a
// press, a strike.
func pressPulse(f float64, _ Point) float64 { return 0.25 + 0.75*math.Sin(math.Pi*f) }

// pressRamp eases in, holds, and eases out: a press held still.
func pressRamp(f float64, _ Point) float64 {
	switch {
	case f < 0.25:
		return 0.2 + 0.8*f/0.25
	case f > 0.8:
		return 0.2 + 0.8*(1-f)/0.2
	}
	return 1
}

// bendRadius (m) is where a hand starts to slow in a turn: through a
// tighter one its speed falls with the square root of the turn's radius,
// so the sideways acceleration stays what it is on a bend of this radius.
const bendRadius = 0.1

// warpIn gives the cumulative share of time at each point of the curve when
// the hand's speed falls as the square root of the radius of the turn
// under r0 (chart units), and the curve's effective length: the length it
// would have at full speed in the same time. The shares are in arena a.
func (c curve) warpIn(a *arena, r0 float64) ([]float64, float64) {
	n := len(c.pts)
	w := a.floats(n)
	g, next := 1.0, math.NaN() // next: the distance from point i to i+1, once known
	for i := 1; i < n; i++ {
		// the radius of the circle through the points either side; the
		// last point's are those of the one before it
		if i+1 < n || i < 2 {
			g, next = bendAt(c.pts, i, r0, next)
		}
		w[i] = w[i-1] + (c.cum[i]-c.cum[i-1])*g
	}
	total := w[n-1]
	if total <= 0 {
		return nil, c.length()
	}
	for i := range w {
		w[i] /= total
	}
	return w, total
}

// bendAt is how much slower than full speed a hand goes at point i of pts
// (of more than i+1 points, or i = 1), on a turn tighter than r0, and the
// distance from point i to i+1; ab is the distance from point i-1 to i
// when known (not NaN).
func bendAt(pts []Point, i int, r0, ab float64) (g, bd float64) {
	a, b, d := pts[max(i-2, 0)], pts[i-1], pts[i]
	if i+1 < len(pts) {
		a, b, d = pts[i-1], pts[i], pts[i+1]
	}
	if ab != ab {
		ab = a.dist(b)
	}
	bd = b.dist(d)
	cross := math.Abs((b.X-a.X)*(d.Y-a.Y) - (b.Y-a.Y)*(d.X-a.X))
	if cross > 1e-12 && ab > 0 && bd > 0 {
		if r := ab * bd * a.dist(d) / (2 * cross); r < r0 {
			return math.Sqrt(r0 / r), bd
		}
	}
	return 1, bd
}

// atWarp gives the point reached at time share f under a warp.
func (c curve) atWarp(f float64, w []float64) Point {
	if f <= 0 {
		return c.pts[0]
	}
	if f >= 1 {
		return c.pts[len(c.pts)-1]
	}
	lo, hi := 0, len(w)-1
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if w[m] <= f {
			lo = m
		} else {
			hi = m
		}
	}
	d := w[hi] - w[lo]
	if d <= 0 {
		return c.pts[lo]
	}
	return lerp(c.pts[lo], c.pts[hi], (f-w[lo])/d)
}
