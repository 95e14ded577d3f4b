package motion

import "math"

// Point is a place on a chart, in the chart's unit square: x to the right,
// y down (as drawn), both 0–1.
type Point struct{ X, Y float64 }

func (p Point) add(q Point) Point      { return Point{p.X + q.X, p.Y + q.Y} }
func (p Point) sub(q Point) Point      { return Point{p.X - q.X, p.Y - q.Y} }
func (p Point) mul(k float64) Point    { return Point{p.X * k, p.Y * k} }
func (p Point) len() float64           { return math.Hypot(p.X, p.Y) }
func (p Point) dist(q Point) float64   { return p.sub(q).len() }
func lerp(a, b Point, f float64) Point { return Point{a.X + (b.X-a.X)*f, a.Y + (b.Y-a.Y)*f} }
func (p Point) norm() Point {
	l := p.len()
	if l == 0 {
		return Point{}
	}
	return p.mul(1 / l)
}

func polar(c Point, r, a float64) Point {
	sin, cos := math.Sincos(a) // the same values as math.Sin and math.Cos, in one call
	return Point{c.X + r*cos, c.Y + r*sin}
}

// perp turns a direction a quarter turn clockwise on the chart.
func (p Point) perp() Point { return Point{-p.Y, p.X} }

// SignedArea is the shoelace area of a closed loop of points on the chart.
// Because y points down, a loop that turns clockwise as drawn has a positive
// area and a counterclockwise one a negative area.
func SignedArea(pts []Point) float64 {
	var s float64
	for i := range pts {
		j := (i + 1) % len(pts)
		s += pts[i].X*pts[j].Y - pts[j].X*pts[i].Y
	}
	return s / 2
}

// curve is a smooth line through points, sampled densely and measured so a
// position can be found by the fraction of its length.
type curve struct {
	pts []Point
	cum []float64 // cumulative length at each point
}

// smooth passes a centripetal Catmull–Rom spline through the anchors.
func smooth(anchors []Point) curve { return smoothIn(nil, anchors) }

// smoothIn is smooth, the curve's points and lengths in arena a.
func smoothIn(a *arena, anchors []Point) curve {
	var pts []Point
	n := len(anchors)
	switch n {
	case 0:
		return curve{}
	case 1:
		return measureIn(a, append(a.points(2), anchors[0], anchors[0]))
	}
	const per = 24
	pts = a.points((n-1)*per + 1)
	for i := 0; i+1 < n; i++ {
		p0, p1, p2, p3 := anchors[max(i-1, 0)], anchors[i], anchors[i+1], anchors[min(i+2, n-1)]
		if i == 0 {
			p0 = p1.sub(p2.sub(p1))
		}
		if i+2 >= n {
			p3 = p2.add(p2.sub(p1))
		}
		sg := newCatmull(p0, p1, p2, p3)
		for k := 0; k < per; k++ {
			pts = append(pts, sg.at(float64(k)/per))
		}
	}
	pts = append(pts, anchors[n-1])
	return measureIn(a, pts)
}

func measure(pts []Point) curve { return measureIn(nil, pts) }

// measureIn is measure, the lengths in arena a.
func measureIn(a *arena, pts []Point) curve {
	c := curve{pts: pts, cum: a.floats(len(pts))}
	for i := 1; i < len(pts); i++ {
		c.cum[i] = c.cum[i-1] + pts[i].dist(pts[i-1])
	}
	return c
}

func (c curve) length() float64 {
	if len(c.cum) == 0 {
		return 0
	}
	return c.cum[len(c.cum)-1]
}

// at gives the point at fraction f (0–1) of the curve's length.
func (c curve) at(f float64) Point {
	if len(c.pts) == 0 {
		return Point{}
	}
	L := c.length()
	if L == 0 || f <= 0 {
		return c.pts[0]
	}
	if f >= 1 {
		return c.pts[len(c.pts)-1]
	}
	d := f * L
	lo, hi := 0, len(c.cum)-1
	for hi-lo > 1 {
		m := (lo + hi) / 2
		if c.cum[m] <= d {
			lo = m
		} else {
			hi = m
		}
	}
	seg := c.cum[hi] - c.cum[lo]
	if seg == 0 {
		return c.pts[lo]
	}
	return lerp(c.pts[lo], c.pts[hi], (d-c.cum[lo])/seg)
}

// reverse gives the same curve run the other way.
func (c curve) reverse() curve {
	pts := make([]Point, len(c.pts))
	for i, p := range c.pts {
		pts[len(pts)-1-i] = p
	}
	return measure(pts)
}

// offset shifts every point sideways by d (positive: to the right of travel).
func (c curve) offset(d float64) curve {
	if d == 0 || len(c.pts) < 2 {
		return c
	}
	pts := make([]Point, len(c.pts))
	for i := range c.pts {
		a, b := c.pts[max(i-1, 0)], c.pts[min(i+1, len(c.pts)-1)]
		n := b.sub(a).norm().perp()
		pts[i] = c.pts[i].add(n.mul(d))
	}
	return measure(pts)
}

// catmullSeg is a centripetal Catmull–Rom segment from p1 to p2, its knots
// worked out once for all the points taken along it.
type catmullSeg struct {
	p0, p1, p2, p3 Point
	t0, t1, t2, t3 float64
}

func newCatmull(p0, p1, p2, p3 Point) catmullSeg {
	knot := func(ti float64, a, b Point) float64 {
		d := math.Sqrt(a.dist(b))
		if d < 1e-9 {
			d = 1e-9
		}
		return ti + d
	}
	s := catmullSeg{p0: p0, p1: p1, p2: p2, p3: p3}
	s.t1 = knot(s.t0, p0, p1)
	s.t2 = knot(s.t1, p1, p2)
	s.t3 = knot(s.t2, p2, p3)
	return s
}

// at evaluates the segment at t, 0 at p1 and 1 at p2.
func (s *catmullSeg) at(t float64) Point {
	u := s.t1 + (s.t2-s.t1)*t
	l := func(a, b Point, ta, tb float64) Point {
		return lerp(a, b, (u-ta)/(tb-ta))
	}
	a1, a2, a3 := l(s.p0, s.p1, s.t0, s.t1), l(s.p1, s.p2, s.t1, s.t2), l(s.p2, s.p3, s.t2, s.t3)
	b1, b2 := l(a1, a2, s.t0, s.t2), l(a2, a3, s.t1, s.t3)
	return l(b1, b2, s.t1, s.t2)
}
