package motion

import (
	"math"
	"strings"
)

// A move lays one pass of a motion onto the hands' tracks, in nominal
// seconds (the builder stretches the pass to its time), and adds what the
// drawing shows. k counts the passes of the phase from 0.
type move func(b *builder, rs []*run, k int)

var moves map[string]move

func init() {
	moves = map[string]move{
		"glide":        moveGlide,
		"fan":          moveFan,
		"circle":       moveCircle,
		"knead":        moveKnead,
		"squeeze":      moveSqueeze,
		"rake":         moveRake,
		"rotate":       moveRotate,
		"tap":          moveStrike,
		"chop":         moveStrike,
		"press-climb":  movePressClimb,
		"rub":          moveRub,
		"draw-through": moveRake,
		"hold":         func(*builder, []*run, int) {},
	}
}

// moveGlide strokes along the route; back the same way in contact when the
// step says so (up and down), else lifted back to the start. Grooves side by
// side (the tendons on the foot) take one pass each; toes are stroked one
// after the other, out toward their tips.
func moveGlide(b *builder, rs []*run, k int) {
	c := b.c
	P := c.period
	for _, r := range rs {
		if allToes(r) {
			glideToes(b, r)
			continue
		}
		pts, back := b.route(r)
		if s := r.spots[0]; s.Lanes > 1 {
			lane := k % s.Lanes
			off := c.v.mm(12) * (float64(lane) - float64(s.Lanes-1)/2)
			pts = shift(pts, across(c.v).mul(off))
		} else if c.incr > 0 && k > 0 {
			pts = shift(pts, b.awayFromMiddle(r, pts[0]).mul(c.incr*float64(k)))
		}
		cv := b.curveOf(pts)
		if back {
			r.tr.along(cv, P/2, true, pressEven)
			r.tr.along(cv.reverse(), P/2, true, pressLight)
			if b.drawing {
				// the way back, drawn beside the stroke on its outer side
				rv := cv.reverse()
				off := c.v.mm(7)
				if n := rv.at(0.05).sub(rv.at(0)).norm().perp(); n.X*b.awayFromMiddle(r, cv.at(0)).X < 0 {
					off = -off
				}
				b.markRun(r, mkStroke, thin(cv, 3)...)
				b.markRun(r, mkReturn, thin(rv.offset(off), 3)...)
			}
			continue
		}
		r.tr.along(cv, P*0.65, true, pressEven)
		r.tr.move([]Point{cv.at(1), cv.at(0)}, P*0.35, false, nil)
		if b.drawing {
			b.markRun(r, mkStroke, thin(cv, 3)...)
		}
		b.markRun(r, mkLift, cv.at(1), cv.at(0))
	}
}

func allToes(r *run) bool {
	if len(r.spots) < 2 {
		return false
	}
	for _, s := range r.spots {
		if !strings.HasSuffix(s.Landmark, "-toe") {
			return false
		}
	}
	return true
}

// glideToes strokes each toe from its base out to its tip.
func glideToes(b *builder, r *run) {
	c := b.c
	base, ok := spotOn(c.v, c.panel, "ball-of-foot", "")
	if !ok {
		base.At = Point{b.midX(), 0.5}
	}
	for i, s := range r.spots {
		d := s.At.sub(base.At).norm()
		from, to := s.At.sub(d.mul(c.v.mm(22))), s.At.add(d.mul(c.v.mm(8)))
		if i > 0 {
			prev, _ := r.tr.last()
			r.tr.move([]Point{prev, from}, c.period*0.3, false, nil)
			b.markRun(r, mkLift, prev, from)
		}
		r.tr.move([]Point{from, to}, c.period*0.7, true, pressEven)
		b.markRun(r, mkStroke, from, to)
	}
	b.numbered = true
	for i, s := range r.spots {
		b.label(r.a.id, s.At.add(s.At.sub(base.At).norm().mul(c.v.mm(24))), i+1)
	}
}

func shift(pts []Point, d Point) []Point {
	out := make([]Point, len(pts))
	for i, p := range pts {
		out[i] = p.add(d)
	}
	return out
}

// moveFan sweeps up, out away from the middle, and back round to the start,
// the return lighter.
func moveFan(b *builder, rs []*run, _ int) {
	P := b.c.period
	for _, r := range rs {
		pts, _ := b.route(r)
		top := 0
		for i, p := range pts {
			if p.Y < pts[top].Y {
				top = i
			}
		}
		// the sweep: up to the highest place and out; the return: down and
		// back in to where it started
		out := top + 1
		if out >= len(pts) {
			out = len(pts) - 1
		}
		sweep := b.curveOf(pts[:out+1])
		ret := b.curveOf(append(append([]Point(nil), pts[out:]...), pts[0]))
		r.tr.along(sweep, P*0.6, true, pressEven)
		r.tr.along(ret, P*0.4, true, pressLight)
		if b.drawing {
			b.markRun(r, mkStroke, thin(sweep, 3)...)
			b.markRun(r, mkReturn, thin(ret, 3)...)
		}
	}
}

// moveRake draws spread fingertips along the route as parallel traces:
// together down and lifted back, or, when the hands' routes run opposite
// ways and come back, one hand up while the other goes down.
func moveRake(b *builder, rs []*run, _ int) {
	c := b.c
	P := c.period
	for _, r := range rs {
		pts, back := b.route(r)
		if c.has("along-spine") && c.v.spine() {
			// keep the lane straight beside the spine, where it is closest
			lane := pts[0].X
			for _, p := range pts {
				if math.Abs(p.X-0.5) < math.Abs(lane-0.5) {
					lane = p.X
				}
			}
			for i := range pts {
				pts[i].X = lane
			}
		}
		cv := b.curveOf(pts)
		press := pressEven
		if back {
			r.tr.along(cv, P/2, true, press)
			r.tr.along(cv.reverse(), P/2, true, press)
		} else {
			r.tr.along(cv, P*0.65, true, press)
			r.tr.move([]Point{cv.at(1), cv.at(0)}, P*0.35, false, nil)
		}
		if !b.drawing {
			continue
		}
		for _, o := range traces(c) {
			b.markRun(r, mkTrace, thin(cv.offset(o), 4)...)
		}
		if back {
			// the way back, drawn beside the traces on their outer side
			rv := cv.reverse()
			off := traceHalf(c) + c.v.mm(10)
			n := rv.at(0.05).sub(rv.at(0)).norm().perp()
			if n.X*b.awayFromMiddle(r, cv.at(0)).X < 0 {
				off = -off
			}
			b.markRun(r, mkReturn, thin(rv.offset(off), 4)...)
		} else {
			b.markRun(r, mkLift, cv.at(1), cv.at(0))
		}
	}
}

// moveCircle makes circles: on one spot, at each named spot, at steps along
// the route ("climb an inch, circle, climb again"), around a place with a
// whole hand, or in small circles all round a joint.
func moveCircle(b *builder, rs []*run, k int) {
	c := b.c
	press := pressEven
	if b.profile == "firmer-upward-half" {
		press = pressUpward
	}
	if c.has("around") {
		circleAround(b, rs, press)
		return
	}
	for _, r := range rs {
		phase0 := 0.0
		if r.a.h.role == "trail" && len(rs) > 1 {
			phase0 = math.Pi
		}
		rad := c.radius
		var centres []Point
		pts, back := b.route(r)
		switch {
		case c.has("in-place") || len(pts) == 1:
			centres = r.pts
		case len(r.pts) == 1 && b.curveOf(pts).length() < 4.8*rad:
			// too short a way to step along: circle on the spot, the way it
			// moves the skin shown beside it
			centres = r.pts
			if !r.hide {
				guide(b, r, pts, rad)
			}
		default:
			step := c.incr
			if step > 0 {
				rad = math.Min(rad, 0.42*step)
			} else {
				step = 2.4 * rad
			}
			centres = spaced(b.curveOf(pts), step, c.incr == 0)
			if b.lim != DefaultLimits && b.passTime > 0 && len(centres) > 1 {
				// under lowered limits, laid out slower than one circle
				// at each spot allows: the spots spread out along the
				// way (fewer circles, the same way up), so the slower
				// circles still fit the pass
				if fit := b.passTime / (c.period * b.stretch); fit < float64(len(centres))*0.75 {
					centres = spaced(b.curveOf(pts), step*float64(len(centres))/max(fit, 1), c.incr == 0)
				}
			}
			if back && len(centres) > 1 {
				for j := len(centres) - 2; j >= 0; j-- {
					centres = append(centres, centres[j])
				}
			}
			if len(centres) > 1 && !r.hide {
				guide(b, r, centres, rad)
			}
		}
		// a few circles at each spot before moving on
		n := b.count(c.period, len(centres), 3)
		circles(b, r, centres, rad, rad, n, phase0, press)
	}
}

// circles runs n circles at each centre, gliding in contact from one to the
// next: each circle starts on the side it came from and leaves toward the
// next.
func circles(b *builder, r *run, centres []Point, rx, ry float64, n int, phase0 float64, press pressFn) {
	c := b.c
	s := r.turn
	for i, ctr := range centres {
		var ae, ax float64
		switch {
		case len(centres) == 1:
			ae = -math.Pi/2 + phase0
			ax = ae
		case i == 0:
			ax = angle(centres[1].sub(ctr))
			ae = ax + math.Pi
		case i == len(centres)-1:
			ae = angle(centres[i-1].sub(ctr))
			ax = ae
		default:
			ae = angle(centres[i-1].sub(ctr))
			ax = angle(centres[i+1].sub(ctr))
		}
		if i > 0 && centres[i-1].dist(ctr) < 1e-9 {
			ae = ax
		}
		delta := math.Mod(s*(ax-ae), 2*math.Pi)
		if delta < 0 {
			delta += 2 * math.Pi
		}
		sweep := s * (2*math.Pi*float64(n) + delta)
		if i > 0 {
			prev, _ := r.tr.last()
			entry := Point{ctr.X + rx*math.Cos(ae), ctr.Y + ry*math.Sin(ae)}
			gl := prev.dist(entry)
			if gl > 1e-6 {
				r.tr.move([]Point{prev, entry}, c.period*math.Max(0.15, math.Min(0.6, gl/(2*math.Pi*rx))), true, pressLight)
				if gl > 0.012 {
					b.markRun(r, mkReturn, prev, entry)
				}
			}
		}
		r.tr.arc(ctr, rx, ry, ae, sweep, c.period*(math.Abs(sweep)/(2*math.Pi)), press)
		if b.drawing {
			b.markRun(r, mkLoop, loop(ctr, rx, ry, ae, s)...)
		}
	}
}

// loop is a closed polygon round a circle, in the direction it turns, from
// angle a0; the drawing puts the arrowhead near its end.
func loop(ctr Point, rx, ry, a0, s float64) []Point {
	const n = 36
	pts := make([]Point, 0, n+1)
	for i := 0; i <= n; i++ {
		a := a0 + s*2*math.Pi*float64(i)/n
		sin, cos := math.Sincos(a)
		pts = append(pts, Point{ctr.X + rx*cos, ctr.Y + ry*sin})
	}
	return pts
}

func angle(d Point) float64 { return math.Atan2(d.Y, d.X) }

// guide is a thin arrow beside a chain of circles that shows which way the
// chain travels.
func guide(b *builder, r *run, centres []Point, rad float64) {
	if !b.drawing {
		return
	}
	cv := smooth(dedupPoints(centres))
	if cv.length() < 1e-6 {
		return
	}
	side := b.awayFromMiddle(r, cv.at(0)).X
	d := cv.at(1).sub(cv.at(0)).norm()
	off := rad + b.c.v.mm(6) + 0.018
	// to the outer side of the chain
	if d.perp().X*side < 0 {
		off = -off
	}
	b.markRun(r, mkGuide, thin(cv.offset(off), 3)...)
}

func dedupPoints(ps []Point) []Point {
	var out []Point
	for _, p := range ps {
		if len(out) == 0 || out[len(out)-1].dist(p) > 1e-9 {
			out = append(out, p)
		}
	}
	// a chain that comes back: draw the way out only
	for i := 1; i < len(out)-1; i++ {
		if out[i+1].dist(out[i-1]) < 1e-9 {
			return out[:i+1]
		}
	}
	return out
}

// circleAround circles round a place: a flat hand makes one big circle
// round it (two hands turning opposite ways side by side, or the same way
// one inside the other); fingers and thumbs make small circles all round it.
func circleAround(b *builder, rs []*run, press pressFn) {
	c := b.c
	ctr, R := rs[0].pts[0], c.v.mm(c.v.Travel/2)
	for _, s := range rs[0].spots {
		if s.Size > 0 {
			R = c.v.mm(s.Size)
			break
		}
	}
	if len(rs) == 2 {
		ctr = lerp(rs[0].pts[0], rs[1].pts[0], 0.5)
		for _, s := range rs[0].spots {
			if s.Size > 0 && s.Side == "" {
				ctr = lerp(rs[0].pts[indexOf(rs[0].spots, s)], rs[1].pts[indexOf(rs[0].spots, s)], 0.5)
				break
			}
		}
	}
	big := c.radius >= c.v.mm(25) || c.s.Tempo > 0 && c.s.Tempo <= 40
	if big {
		n := b.count(c.period, 1, 2)
		for i, r := range rs {
			rr, cc, a0 := R, ctr, -math.Pi/2
			if len(rs) == 2 {
				if rs[0].turn != rs[1].turn {
					// opposite ways, side by side
					rr = R * 0.6
					sg := -1.0
					if r.a.id == "right" {
						sg = 1
					}
					cc = ctr.add(across(c.v).mul(sg * R * 0.55))
				} else if i == 0 {
					rr, a0 = R*0.72, math.Pi/2
				}
			}
			r.tr.arc(cc, rr, rr, a0, r.turn*2*math.Pi*float64(n), c.period*float64(n), press)
			if b.drawing {
				b.markRun(r, mkLoop, loop(cc, rr, rr, a0, r.turn)...)
			}
		}
		return
	}
	small := math.Min(c.radius, R*0.45)
	for _, r := range rs {
		// each hand takes its half of the ring, or the whole ring alone
		a0, a1 := -math.Pi/2, 3*math.Pi/2
		if len(rs) == 2 {
			if r.a.id == "left" {
				a0, a1 = -math.Pi/2, -3*math.Pi/2
			} else {
				a0, a1 = -math.Pi/2, math.Pi/2
			}
		}
		var ring []Point
		const m = 48
		for i := 0; i <= m; i++ {
			a := a0 + (a1-a0)*float64(i)/m
			ring = append(ring, polar(ctr, R, a))
		}
		centres := spaced(measure(ring), 2.2*small, true)
		n := b.count(c.period, len(centres), 1)
		circles(b, r, centres, small, small, n, 0, press)
	}
}

func indexOf(ss []Spot, s Spot) int {
	for i := range ss {
		if ss[i] == s {
			return i
		}
	}
	return 0
}

// places are the spots a hand works in turn: the named places themselves
// when it stays on each, or points every step along its route.
func (b *builder) places(r *run, step float64) []Point {
	c := b.c
	if c.has("in-place") || len(r.pts) == 1 && !travels(c) {
		return r.pts
	}
	pts, back := b.route(r)
	if c.incr > 0 {
		step = c.incr
	} else {
		// a pass too full for its time works fewer places
		step *= math.Sqrt(b.stretch)
	}
	out := spaced(b.curveOf(pts), step, c.incr == 0)
	if back && len(out) > 1 {
		for j := len(out) - 2; j >= 0; j-- {
			out = append(out, out[j])
		}
	}
	return out
}

// moveKnead grasps and releases in turn. Two hands on the same spot grasp
// toward each other, one after the other; a hand alone rolls the flesh in
// small loops.
func moveKnead(b *builder, rs []*run, _ int) {
	c := b.c
	P := c.period
	step := c.v.mm(45)
	if len(rs) == 2 && b.facing(rs[0], rs[1]) {
		L, R := b.places(rs[0], step), b.places(rs[1], step)
		m := min(len(L), len(R))
		n := b.count(P, m, 3)
		for i := 0; i < m; i++ {
			mid := lerp(L[i], R[i], 0.5)
			gl, gr := lerp(L[i], mid, 0.45), lerp(R[i], mid, 0.45)
			if i > 0 {
				rs[0].tr.move([]Point{L[i-1], L[i]}, P*0.4, true, pressLight)
				rs[1].tr.move([]Point{R[i-1], R[i]}, P*0.4, true, pressLight)
				b.markRun(rs[0], mkReturn, L[i-1], L[i])
				b.markRun(rs[1], mkReturn, R[i-1], R[i])
			}
			for j := 0; j < n; j++ {
				// the left hand grasps while the right rests, then the other way
				grasp(rs[0].tr, L[i], gl, P/2)
				rs[1].tr.still(R[i], P/2, true, pressLight)
				rs[0].tr.still(L[i], P/2, true, pressLight)
				grasp(rs[1].tr, R[i], gr, P/2)
			}
			// drawn a little longer than the grasp, so its arrow can be seen
			if b.drawing {
				b.markRun(rs[0], mkStroke, bulge(L[i], lerp(L[i], mid, 0.8), c.v.mm(5))...)
				b.markRun(rs[1], mkStroke, bulge(R[i], lerp(R[i], mid, 0.8), -c.v.mm(5))...)
			}
		}
		return
	}
	for i, r := range rs {
		ps := b.places(r, step)
		n := b.count(P, len(ps), 3)
		rx, ry := c.v.mm(12), c.v.mm(7)
		ax := across(c.v)
		if ax.Y != 0 {
			rx, ry = ry, rx
		}
		for j, p := range ps {
			if j > 0 {
				r.tr.move([]Point{ps[j-1], p}, P*0.4, true, pressLight)
				b.markRun(r, mkReturn, ps[j-1], p)
			}
			a0 := -math.Pi / 2
			if i == 1 {
				a0 += math.Pi // the second hand half a grasp behind
			}
			for l := 0; l < n; l++ {
				r.tr.arc(p, rx, ry, a0, 2*math.Pi*r.turn, P, pressPulse)
			}
			if b.drawing {
				b.markRun(r, mkLoop, loop(p, rx, ry, a0, r.turn)...)
			}
		}
	}
}

// facing reports whether two hands work the same places from either side
// (their places pair up within a hand's breadth or so).
func (b *builder) facing(r0, r1 *run) bool {
	gap := b.c.v.mm(b.c.v.Gap)
	n := min(len(r0.pts), len(r1.pts))
	for i := 0; i < n; i++ {
		if r0.pts[i].dist(r1.pts[i]) > gap*1.05 {
			return false
		}
	}
	return n > 0
}

// grasp moves a hand in to grip and back out, the pressure rising and
// falling once.
func grasp(t *track, from, to Point, d float64) {
	t.add(seg{kind: kCurve, c: smoothIn(t.ar, []Point{from, lerp(from, to, 0.5).add(to.sub(from).perp().mul(0.25)), to, from}), dur: d, contact: true, press: pressPulse})
}

// bulge is a slightly curved line from a to b, for drawing a grasp.
func bulge(a, b Point, h float64) []Point {
	m := lerp(a, b, 0.5).add(b.sub(a).norm().perp().mul(h))
	return thin(smooth([]Point{a, m, b}), 6)
}

// moveSqueeze squeezes from spot to spot: both hands press in toward each
// other, let go, lift and move on.
func moveSqueeze(b *builder, rs []*run, _ int) {
	c := b.c
	P := c.period
	step := c.v.mm(35)
	var spots [][]Point
	for _, r := range rs {
		spots = append(spots, b.places(r, step))
	}
	m := len(spots[0])
	for _, s := range spots {
		m = min(m, len(s))
	}
	for i := 0; i < m; i++ {
		mid := Point{}
		for _, s := range spots {
			mid = mid.add(s[i])
		}
		mid = mid.mul(1 / float64(len(spots)))
		for h, r := range rs {
			p := spots[h][i]
			in := lerp(p, mid, 0.3)
			if len(rs) == 1 {
				in = p.add(across(c.v).mul(c.v.mm(10)))
			}
			if i > 0 {
				r.tr.move([]Point{spots[h][i-1], p}, P*0.3, false, nil)
				b.markRun(r, mkLift, spots[h][i-1], p)
			}
			r.tr.move([]Point{p, in}, P*0.35, true, pressPulse)
			r.tr.move([]Point{in, p}, P*0.35, true, pressLight)
			// drawn twice as long as the squeeze, so its arrow can be seen
			b.markRun(r, mkStroke, p, lerp(p, in, 2))
		}
		if m > 1 {
			b.label(rs[0].a.id, mid, i+1)
		}
	}
	b.numbered = m > 1
}

// movePressClimb presses and holds, lifts, moves a step on and presses
// again.
func movePressClimb(b *builder, rs []*run, _ int) {
	c := b.c
	P := c.period
	for _, r := range rs {
		pts, _ := b.route(r)
		step := c.incr
		if step <= 0 {
			step = c.v.mm(25)
		}
		ps := spaced(b.curveOf(pts), step, c.incr == 0)
		for i, p := range ps {
			if i > 0 {
				r.tr.move([]Point{ps[i-1], p}, P*0.3, false, nil)
				b.markRun(r, mkLift, ps[i-1], p)
			}
			r.tr.still(p, P*0.7, true, pressRamp)
			b.markRun(r, mkDot, p)
			if !r.hide && len(ps) > 1 {
				b.label(r.a.id, p.add(b.awayFromMiddle(r, p).mul(c.v.mm(12))), i+1)
			}
		}
		b.numbered = len(ps) > 1
	}
}

// jointRadius is the size (mm) of the arc a hand draws turning a joint.
func jointRadius(id string, def float64) float64 {
	switch {
	case strings.HasSuffix(id, "-toe"):
		return 9
	case id == "fingers":
		return 10
	case id == "wrist":
		return 22
	case id == "ankle" || id == "ankle-bones":
		return 30
	case id == "elbow" || id == "knee":
		return 40
	}
	return def
}

// moveRotate turns each joint in turn: the hand holding it draws an arc
// all the way round, a few times, then lifts to the next.
func moveRotate(b *builder, rs []*run, _ int) {
	c := b.c
	P := c.period
	for _, r := range rs {
		n := b.count(P, len(r.pts), 2)
		for i, p := range r.pts {
			rad := c.v.mm(jointRadius(r.spots[i].Landmark, c.radius*c.v.MM))
			if i > 0 {
				prev, _ := r.tr.last()
				start := polar(p, rad, -math.Pi/2)
				r.tr.move([]Point{prev, start}, P*0.3, false, nil)
				b.markRun(r, mkLift, prev, start)
			}
			r.tr.arc(p, rad, rad, -math.Pi/2, r.turn*2*math.Pi*float64(n), P*float64(n), pressEven)
			if b.drawing {
				b.markRun(r, mkLoop, loop(p, rad, rad, -math.Pi/2, r.turn)...)
			}
			if !r.hide && len(r.pts) > 1 {
				// the number sits outside the arc, away from the middle of the foot or hand
				out := p.sub(Point{b.midX(), 0.5}).norm()
				b.label(r.a.id, p.add(out.mul(rad+c.v.mm(9))), i+1)
			}
		}
		b.numbered = len(r.pts) > 1
	}
}

// moveStrike taps or chops along the route, the hands striking in turn:
// each strike a short contact, then the hand lifts and moves on.
func moveStrike(b *builder, rs []*run, _ int) {
	c := b.c
	slot := c.period // one strike of either hand
	var curves []curve
	var backs []bool
	L := 0.0
	for _, r := range rs {
		pts, back := b.route(r)
		backs = append(backs, back)
		if back {
			for j := len(pts) - 2; j >= 0; j-- {
				pts = append(pts, pts[j])
			}
		}
		cv := b.curveOf(pts)
		curves = append(curves, cv)
		L = math.Max(L, cv.length())
	}
	usual := max(8, int(L/c.v.mm(6)))
	total := usual
	if b.passTime > 0 {
		total = max(len(rs), int(b.passTime/(slot*b.stretch)+0.25))
	}
	for h, r := range rs {
		cv := curves[h]
		var hits []Point
		for j := 0; j < total; j++ {
			f := 0.0
			if total > 1 {
				f = float64(j) / float64(total-1)
			}
			p := cv.at(f)
			if j%len(rs) == h {
				// this hand strikes
				if prev, ok := r.tr.last(); ok && prev.dist(p) > 1e-9 {
					r.tr.move([]Point{prev, p}, slot*0.5, false, nil)
				} else {
					r.tr.still(p, slot*0.5, false, nil)
				}
				r.tr.still(p, slot*0.5, true, pressPulse)
				hits = append(hits, p)
			} else {
				prev, ok := r.tr.last()
				if !ok {
					prev = p
				}
				r.tr.still(prev, slot, false, nil)
			}
		}
		// draw the strikes of the way out, no closer than a finger's breadth
		gap := c.v.mm(14)
		if c.s.Motion == "chop" {
			gap = c.v.mm(18)
		}
		var last Point
		out := len(hits)
		if backs[h] {
			out = (len(hits) + 1) / 2
		}
		for j, p := range hits[:out] {
			if j > 0 && p.dist(last) < gap {
				continue
			}
			d := cv.at(math.Min(1, float64(j)/float64(max(len(hits)-1, 1))+0.01)).sub(cv.at(math.Max(0, float64(j)/float64(max(len(hits)-1, 1))-0.01))).norm()
			if c.s.Motion == "chop" {
				bar := d.perp().mul(c.v.mm(6))
				b.markRun(r, mkTick, p.sub(bar), p.add(bar))
			} else {
				b.markRun(r, mkDot, p)
			}
			last = p
		}
		if r.guideless || !b.drawing {
			continue
		}
		side := c.v.mm(14)
		if b.awayFromMiddle(r, cv.at(0)).X < 0 {
			side = -side
		}
		g := smooth(dedupPoints(cv.pts))
		kind := mkGuide
		if g.length() < cv.length()*0.75 {
			kind = mkBoth // there and back: a guide with two heads
		}
		pts := thin(g.offset(side), 3)
		if kind == mkBoth {
			b.markText(r, mkGuide, "both", pts...)
		} else {
			b.markRun(r, kind, pts...)
		}
	}
}

// moveRub rubs back and forth: between two named places, or on one place
// across the chart, or in a zigzag while it travels.
func moveRub(b *builder, rs []*run, _ int) {
	c := b.c
	P := c.period
	amp := rubAmp(c)
	for h, r := range rs {
		pts, _ := b.route(r)
		oscillate := c.has("across") || c.has("side-to-side") || c.has("back-and-forth") || c.has("in-place") || len(pts) == 1
		if oscillate {
			var a, z Point
			if pair, ok := b.pairAcross(r); ok {
				// across a place that comes in pairs (the sides of the
				// foot): from one side to the other
				a, z = pair[0], pair[1]
			} else if len(pts) >= 2 {
				a, z = pts[0], pts[len(pts)-1]
			} else {
				ax := across(c.v)
				if c.has("back-and-forth") || c.has("up-and-down") {
					ax = ax.perp()
				}
				a, z = pts[0].sub(ax.mul(amp)), pts[0].add(ax.mul(amp))
			}
			n := b.count(P, 1, 6)
			for j := 0; j < n; j++ {
				from, to := a, z
				if (j+h)%2 == 1 {
					from, to = z, a
				}
				r.tr.move([]Point{from, to}, P/2, true, pressEven)
				r.tr.move([]Point{to, from}, P/2, true, pressEven)
			}
			b.markRun(r, mkBoth, a, z)
			continue
		}
		cv := b.curveOf(pts)
		m := max(3, int(cv.length()/amp))
		n := b.count(P/2, m, 1)
		var zz []Point
		for j := 0; j <= m*n; j++ {
			f := float64(j) / float64(m*n)
			d := cv.at(math.Min(1, f+0.01)).sub(cv.at(math.Max(0, f-0.01))).norm().perp()
			sg := 1.0
			if j%2 == 1 {
				sg = -1
			}
			zz = append(zz, cv.at(f).add(d.mul(sg*amp*0.6)))
		}
		r.tr.along(smoothIn(r.tr.ar, zz), P/2*float64(m*n), true, pressEven)
		draw := zz
		if len(draw) > 2*m+1 {
			draw = draw[:2*m+1]
		}
		b.markRun(r, mkStroke, draw...)
	}
}

// pairAcross gives the two spots of a paired place a rub goes across, when
// the step rubs across and names one.
func (b *builder) pairAcross(r *run) ([2]Point, bool) {
	c := b.c
	if !c.has("across") {
		return [2]Point{}, false
	}
	for _, s := range r.spots {
		if s.Side == "" {
			continue
		}
		l, okl := spotOn(c.v, c.panel, s.Landmark, "left")
		rt, okr := spotOn(c.v, c.panel, s.Landmark, "right")
		if okl && okr && l.Side == "left" && rt.Side == "right" {
			return [2]Point{l.At, rt.At}, true
		}
	}
	return [2]Point{}, false
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
