package motion

import "math"

// route gives the places a hand travels through, in order, and whether it
// comes back the same way (up and down, front to back and back again).
// A step that names one place travels from it the way its first direction
// says; "away from the spine" and "outward" add a sweep away from the
// middle line.
// curveOf is smooth(pts), remembered for the step: passes go the same way
// again and again.
func (b *builder) curveOf(pts []Point) curve {
	for _, k := range b.curves {
		if len(k.pts) == len(pts) {
			same := true
			for i := range pts {
				same = same && k.pts[i] == pts[i]
			}
			if same {
				return k.c
			}
		}
	}
	c := smooth(pts)
	b.curves = append(b.curves, cachedCurve{append([]Point(nil), pts...), c})
	return c
}

type cachedCurve struct {
	pts []Point
	c   curve
}

func (b *builder) route(r *run) (pts []Point, back bool) {
	c := b.c
	pts = append(pts, r.pts...)
	if len(pts) == 1 {
		if t, ok := b.target(r, pts[0]); ok {
			pts = append(pts, t)
		}
	}
	if len(pts) >= 2 && (c.has("away-from-spine") || c.has("outward") || c.s.Motion == "fan") {
		pts = b.outward(r, pts)
	}
	back = c.has("up-and-down") || c.has("back-and-forth") || c.has("side-to-side") ||
		c.has("front-to-back") && c.has("back-to-front")
	return pts, back
}

// midX is the x of the middle line of the chart (or of its panel).
func (b *builder) midX() float64 {
	for _, p := range b.c.v.Panels {
		if p.ID == b.c.panel {
			return (p.X0 + p.X1) / 2
		}
	}
	return 0.5
}

// awayFromMiddle is the sideways direction from the middle line at p.
func (b *builder) awayFromMiddle(r *run, p Point) Point {
	dx := p.X - b.midX()
	if math.Abs(dx) < 1e-6 {
		if r.a.id == "left" {
			return Point{-1, 0}
		}
		return Point{1, 0}
	}
	if dx < 0 {
		return Point{-1, 0}
	}
	return Point{1, 0}
}

// outward adds the sweep away from the middle: at the end when it is the
// last direction, else after the highest place (a fan sweeps up, then out).
func (b *builder) outward(r *run, pts []Point) []Point {
	c := b.c
	at := -1
	for i, d := range c.s.Direction {
		if d == "away-from-spine" || d == "outward" {
			at = i
		}
	}
	L := c.v.mm(c.v.Travel) * 0.4
	if at == len(c.s.Direction)-1 && c.s.Motion != "fan" {
		end := pts[len(pts)-1]
		return append(pts, end.add(b.awayFromMiddle(r, end).mul(L)))
	}
	top := 0
	for i, p := range pts {
		if p.Y < pts[top].Y {
			top = i
		}
	}
	p := pts[top]
	w := p.add(b.awayFromMiddle(r, p).mul(L)).add(Point{0, L * 0.15})
	out := append([]Point(nil), pts[:top+1]...)
	out = append(out, w)
	return append(out, pts[top+1:]...)
}

// target is where a move that names one place travels to.
func (b *builder) target(r *run, p Point) (Point, bool) {
	c := b.c
	L := c.v.mm(c.v.Travel)
	up, down := p.add(upOf(c.v).mul(L)), p.add(upOf(c.v).mul(-L))
	toward := func(id string) (Point, bool) {
		s, ok := spotOn(c.v, c.panel, id, "")
		if !ok || s.At.dist(p) < 1e-6 {
			return up, true
		}
		return s.At, true
	}
	for _, d := range c.s.Direction {
		switch d {
		case "up", "along-spine", "up-and-down":
			return up, true
		case "down":
			return down, true
		case "toward-crown":
			return toward("crown")
		case "toward-top":
			return toward("top-of-head")
		case "toward-middle":
			return Point{b.midX(), p.Y}, true
		case "inward":
			dx := b.midX() - p.X
			stop := c.v.mm(c.v.Gap) / 2
			if math.Abs(dx) <= stop {
				return up, true
			}
			return Point{p.X + dx - math.Copysign(stop, dx), p.Y}, true
		case "outward", "away-from-spine":
			return p.add(b.awayFromMiddle(r, p).mul(L)), true
		case "front-to-back", "back-to-front":
			f := Point{0, L}
			if c.v.ID == "head-side" {
				f = Point{L, 0}
			}
			if d == "back-to-front" {
				f = f.mul(-1)
			}
			return p.add(f), true
		case "toes-up":
			if c.panel == "sole" {
				return down, true
			}
			return up, true
		case "across":
			if c.s.Motion == "glide" {
				return p.add(across(c.v).mul(L)), true
			}
		}
	}
	switch c.s.Motion {
	case "glide", "fan", "rake", "draw-through", "tap", "chop", "press-climb":
		// a stroke has to go somewhere: up the chart
		return up, true
	}
	return Point{}, false
}

// upOf is the way "up" goes on a chart: up the page, but on the arm held
// out (the shoulder on the left) up the arm, toward the shoulder, not off
// its edge.
func upOf(v *View) Point {
	if v.ID == "arm" {
		return Point{-1, 0}
	}
	return Point{0, -1}
}

// spaced gives points along a curve every step (unit square), from its
// start; the end is added when it lies at least half a step past the last.
func spaced(cv curve, step float64, withEnd bool) []Point {
	L := cv.length()
	if L < 1e-9 || step <= 0 {
		return []Point{cv.at(0)}
	}
	var out []Point
	slack := 1e-9
	if !withEnd {
		// exact steps may run a little past the last place rather than stop
		// well short of it
		slack = 0.3
	}
	n := int(math.Floor(L/step + slack))
	for i := 0; i <= n; i++ {
		f := float64(i) * step / L
		if f <= 1 {
			out = append(out, cv.at(f))
			continue
		}
		// past the end: carry on the way the curve ends
		e := cv.at(1)
		d := e.sub(cv.at(1 - math.Min(1, step/L))).norm()
		out = append(out, e.add(d.mul(float64(i)*step-L)))
	}
	if withEnd && L-float64(n)*step > step/2 {
		out = append(out, cv.at(1))
	}
	return out
}

// thin keeps every nth point of a curve for drawing, and its last.
func thin(cv curve, n int) []Point {
	var out []Point
	for i := 0; i < len(cv.pts); i += n {
		out = append(out, cv.pts[i])
	}
	if len(cv.pts) > 0 && (len(cv.pts)-1)%n != 0 {
		out = append(out, cv.pts[len(cv.pts)-1])
	}
	return out
}

// traces are the sideways offsets of spread fingertips (mm): raking fingers
// spread wide, combing fingers close.
func traceOffsets(c *stepCtx) []float64 {
	if c.s.Motion == "rake" {
		return []float64{-27, -9, 9, 27}
	}
	return []float64{-15, -5, 5, 15}
}

func traces(c *stepCtx) []float64 {
	var out []float64
	for _, o := range traceOffsets(c) {
		out = append(out, c.v.mm(o))
	}
	return out
}

func traceHalf(c *stepCtx) float64 {
	m := 0.0
	for _, o := range traceOffsets(c) {
		m = math.Max(m, math.Abs(o))
	}
	return c.v.mm(m)
}

// rubAmp is how far a rubbing hand goes each way.
func rubAmp(c *stepCtx) float64 { return c.v.mm(math.Min(25, c.v.Gap/3)) }
