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
}

func (s *seg) at(f float64) Point {
	switch s.kind {
	case kCurve:
		return s.c.at(f)
	case kArc:
		a := s.a0 + s.sw*f
		return Point{s.ctr.X + s.rx*math.Cos(a), s.ctr.Y + s.ry*math.Sin(a)}
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
		return Point{-s.rx * math.Sin(a) * sg, s.ry * math.Cos(a) * sg}.norm()
	case kCurve:
		const e = 0.01
		return s.c.at(math.Min(1, f+e)).sub(s.c.at(math.Max(0, f-e))).norm()
	}
	return Point{}
}

func (s *seg) end() Point { return s.at(1) }

type track struct {
	segs []seg
	pass int
}

func (t *track) last() (Point, bool) {
	if len(t.segs) == 0 {
		return Point{}, false
	}
	return t.segs[len(t.segs)-1].end(), true
}

func (t *track) add(s seg) {
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
	t.add(seg{kind: kCurve, c: smooth(pts), dur: dur, contact: contact, press: press})
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
