package web

import (
	"math"

	"github.com/knead/knead/motion"
)

// The animation data a page carries for one step. Package motion compiles a
// step to samples every 1/50 s. A page needs far fewer to move a marker
// faithfully: each hand's path is cut into the longest pieces that a
// straight line or a circular arc, travelled at an even pace, follows
// within a fraction of a millimetre on screen at every sample's moment
// (keyPoints). Circles, which most moves are made of, take three or four
// arcs a turn instead of dozens of lines. The points are whole numbers,
// each after the first written as the change from the one before, which
// gzip packs tightly:
//
//	"d": [t, x, y, p, b,  dt, dx, dy, dp, b, …]
//
// t in samples (1/50 s) from the step's start, x and y in thousandths of
// the chart's square, p the pressure 0–9 (0 when the hand is lifted), and b
// the bend of the piece that ends at this point: 0 for a straight line,
// else 1000·tan(θ/4) for an arc turning θ radians (positive turns the way
// x goes to y, clockwise as drawn). Between two points the hand moves at an
// even pace along the piece, and its pressure changes evenly.

// stepAnim is one step's animation.
type stepAnim struct {
	View    string     `json:"view"`
	Seconds float64    `json:"seconds"`
	Passes  int        `json:"passes"`
	Hands   []handAnim `json:"hands"`
}

type handAnim struct {
	Hand string `json:"hand"`
	Role string `json:"role"`
	// First is the sample (t) where the hand's first pass ends, for the
	// small drawings and the arrow; 0 when the hand makes no passes.
	First int   `json:"first,omitempty"`
	D     []int `json:"d"`
}

// point is one moment of a hand, in the page's whole units; b is the bend
// of the piece that ends here (see above).
type point struct{ t, x, y, p, b int }

// How far (thousandths of the chart) the drawn path may stray from the
// compiled one at any moment, and the pressure (0–9). A player chart is at
// most about 400 px across: 3 thousandths is about a pixel.
const (
	keepTolerance     = 3.0
	pressureTolerance = 1.0
	// maxBend caps an arc at three quarters of a turn (tan(3π/8) = 2.414).
	maxBend = 2414
	// maxKept caps one hand's points: past it the tolerances grow until the
	// hand fits, so no step, however long or busy, makes a page heavy.
	maxKept = 600
	// timeSlack is how much further than keepTolerance a hand may run ahead
	// of or behind its moment, along its own path: about six pixels on a
	// player's chart, which no eye following the marker can tell.
	timeSlack = 5.0
)

// samplePoints turns a hand's samples into whole units.
func samplePoints(samples []motion.Sample) []point {
	pts := make([]point, len(samples))
	for i, s := range samples {
		p := 0
		if s.Contact {
			p = int(math.Round(s.Pressure * 9))
		}
		pts[i] = point{t: i, x: int(math.Round(s.X * 1000)), y: int(math.Round(s.Y * 1000)), p: p}
	}
	return pts
}

// encodeHand thins a hand's samples within tol and ptol and writes them as
// deltas.
func encodeHand(samples []motion.Sample, tol, ptol float64) []int {
	pts := samplePoints(samples)
	kept := keyPoints(pts, tol, ptol)
	for f := 1.5; len(kept) > maxKept; f *= 1.5 {
		// Both tolerances grow: past 9 the pressure no longer splits, past
		// the chart's size nothing does, so this ends.
		kept = keyPoints(pts, tol*f, ptol*f)
	}
	out := make([]int, 0, 5*len(kept))
	var prev point
	for _, p := range kept {
		out = append(out, p.t-prev.t, p.x-prev.x, p.y-prev.y, p.p-prev.p, p.b)
		prev = p
	}
	return out
}

// decodeHand reads what encodeHand wrote (the page's anim.js does the same).
func decodeHand(d []int) []point {
	var out []point
	var at point
	for i := 0; i+4 < len(d); i += 5 {
		at = point{at.t + d[i], at.x + d[i+1], at.y + d[i+2], at.p + d[i+3], d[i+4]}
		out = append(out, at)
	}
	return out
}

// keyPoints keeps the first point and then, again and again, the furthest
// point that the piece from the last kept one reaches within tol at every
// sample between (and within ptol of its pressure). Each piece is the arc
// through its ends and the sample halfway in time, or the straight line
// when that fits as well. The search doubles its reach and then halves back
// to the furthest piece that fits, so it costs about n log n fits of short
// length each.
func keyPoints(pts []point, tol, ptol float64) []point {
	if len(pts) == 0 {
		return nil
	}
	out := []point{pts[0]}
	a := 0
	for a < len(pts)-1 {
		// The furthest b with a fitting piece: grow, then search back.
		good, bend := a+1, 0
		step := 1
		bad := -1
		for {
			b := a + step
			if b >= len(pts) {
				b = len(pts) - 1
			}
			if k, ok := fit(pts, a, b, tol, ptol); ok {
				good, bend = b, k
				if b == len(pts)-1 {
					break
				}
				step *= 2
				continue
			}
			bad = b
			break
		}
		for bad > good+1 {
			mid := (good + bad) / 2
			if k, ok := fit(pts, a, mid, tol, ptol); ok {
				good, bend = mid, k
			} else {
				bad = mid
			}
		}
		p := pts[good]
		p.b = bend
		out = append(out, p)
		a = good
	}
	return out
}

// fit tries the piece from pts[a] to pts[b]: an arc through the sample
// halfway between them in time, else a straight line. It gives the bend of
// the piece that fits, as written to the page.
func fit(pts []point, a, b int, tol, ptol float64) (int, bool) {
	if b-a <= 1 {
		return 0, true
	}
	if k := arcBend(pts[a], pts[(a+b)/2], pts[b]); k != 0 && fits(pts, a, b, k, tol, ptol) {
		return k, true
	}
	return 0, fits(pts, a, b, 0, tol, ptol)
}

// arcBend gives the bend (1000·tan(θ/4)) of the arc from p through m to q,
// 0 when they lie on a line or the arc would turn more than maxBend allows.
func arcBend(p, m, q point) int {
	ax, ay := float64(p.x), float64(p.y)
	bx, by := float64(m.x), float64(m.y)
	cx, cy := float64(q.x), float64(q.y)
	d := 2 * (ax*(by-cy) + bx*(cy-ay) + cx*(ay-by))
	if math.Abs(d) < 1e-9 || (p.x == q.x && p.y == q.y) {
		return 0
	}
	// The centre of the circle through the three.
	a2, b2, c2 := ax*ax+ay*ay, bx*bx+by*by, cx*cx+cy*cy
	ox := (a2*(by-cy) + b2*(cy-ay) + c2*(ay-by)) / d
	oy := (a2*(cx-bx) + b2*(ax-cx) + c2*(bx-ax)) / d
	angle := func(x, y float64) float64 { return math.Atan2(y-oy, x-ox) }
	wrap := func(t float64) float64 {
		for t <= -math.Pi {
			t += 2 * math.Pi
		}
		for t > math.Pi {
			t -= 2 * math.Pi
		}
		return t
	}
	d1 := wrap(angle(bx, by) - angle(ax, ay))
	d2 := wrap(angle(cx, cy) - angle(bx, by))
	if d1*d2 < 0 { // keep turning the way it started
		d2 += math.Copysign(2*math.Pi, d1)
	}
	k := int(math.Round(1000 * math.Tan((d1+d2)/4)))
	if k > maxBend || k < -maxBend {
		return 0
	}
	return k
}

// along gives the place a fraction u of the way along the piece from p to
// q with bend k (anim.js does the same).
func along(p, q point, k int, u float64) (float64, float64) {
	ax, ay := float64(p.x), float64(p.y)
	vx, vy := float64(q.x)-ax, float64(q.y)-ay
	if k == 0 {
		return ax + u*vx, ay + u*vy
	}
	th := 4 * math.Atan(float64(k)/1000)
	// The centre: off the chord's middle, square to it, by half the chord
	// times cot(θ/2); then turn the start about it by u·θ.
	h := 0.5 / math.Tan(th/2)
	ox, oy := ax+vx/2-h*vy, ay+vy/2+h*vx
	s, c := math.Sincos(u * th)
	rx, ry := ax-ox, ay-oy
	return ox + rx*c - ry*s, oy + rx*s + ry*c
}

// fits checks every sample between a and b against the piece with bend k:
// its place must lie within tol of the piece's path, and within
// timeSlack·tol of where an even pace along the piece puts the hand at that
// moment. A stroke that eases in and out (motion's time law) keeps its
// shape exactly and its timing to a few pixels, without a point for every
// change of speed.
func fits(pts []point, a, b, k int, tol, ptol float64) bool {
	p, q := pts[a], pts[b]
	span := float64(q.t - p.t)
	for i := a + 1; i < b; i++ {
		u := float64(pts[i].t-p.t) / span
		x, y := along(p, q, k, u)
		sx, sy := float64(pts[i].x), float64(pts[i].y)
		if d := math.Hypot(x-sx, y-sy); d > timeSlack*tol || d > tol && offPath(p, q, k, sx, sy) > tol {
			return false
		}
		if math.Abs(float64(p.p)+u*float64(q.p-p.p)-float64(pts[i].p)) > ptol {
			return false
		}
	}
	return true
}

// offPath gives how far (x, y) lies from the piece from p to q with bend
// k: from the line segment, or from the arc's circle within its sweep
// (else from the nearer end).
func offPath(p, q point, k int, x, y float64) float64 {
	ax, ay := float64(p.x), float64(p.y)
	bx, by := float64(q.x), float64(q.y)
	vx, vy := bx-ax, by-ay
	if k == 0 {
		l2 := vx*vx + vy*vy
		if l2 == 0 {
			return math.Hypot(x-ax, y-ay)
		}
		u := math.Max(0, math.Min(1, ((x-ax)*vx+(y-ay)*vy)/l2))
		return math.Hypot(x-(ax+u*vx), y-(ay+u*vy))
	}
	th := 4 * math.Atan(float64(k)/1000)
	h := 0.5 / math.Tan(th/2)
	ox, oy := ax+vx/2-h*vy, ay+vy/2+h*vx
	r := math.Hypot(ax-ox, ay-oy)
	// the point's angle from the start, the way the arc turns
	a0 := math.Atan2(ay-oy, ax-ox)
	rel := math.Atan2(y-oy, x-ox) - a0
	for th > 0 && rel < 0 {
		rel += 2 * math.Pi
	}
	for th < 0 && rel > 0 {
		rel -= 2 * math.Pi
	}
	if rel/th >= 0 && rel/th <= 1 {
		return math.Abs(math.Hypot(x-ox, y-oy) - r)
	}
	return math.Min(math.Hypot(x-ax, y-ay), math.Hypot(x-bx, y-by))
}
