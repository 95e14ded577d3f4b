package motion

import (
	"math"
	"unicode/utf8"
)

// The words of a drawing (landmark names, "holds", "×N") are laid out one
// by one, greedily: each tries a few places around what it names and takes
// the first that covers no other word, start tag or number, and as little
// of the hands' paths as it can.

// box is a rectangle in a panel's 1000 × 1000 box.
type box struct{ x0, y0, x1, y1 float64 }

func boxAt(c Point, w, h float64) box {
	return box{c.X - w/2, c.Y - h/2, c.X + w/2, c.Y + h/2}
}

func (a box) overlap(b box) float64 {
	w := math.Min(a.x1, b.x1) - math.Max(a.x0, b.x0)
	h := math.Min(a.y1, b.y1) - math.Max(a.y0, b.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

func (a box) area() float64 { return (a.x1 - a.x0) * (a.y1 - a.y0) }

func (a box) has(p Point) bool { return p.X >= a.x0 && p.X <= a.x1 && p.Y >= a.y0 && p.Y <= a.y1 }

func (a box) centre() Point { return Point{(a.x0 + a.x1) / 2, (a.y0 + a.y1) / 2} }

// nearest is the point of the box nearest to p.
func (a box) nearest(p Point) Point {
	return Point{math.Max(a.x0, math.Min(a.x1, p.X)), math.Max(a.y0, math.Min(a.y1, p.Y))}
}

// textWidth estimates how wide a line of text is drawn (system sans-serif):
// about half the font size a character, more when bold.
func textWidth(s string, size float64, bold bool) float64 {
	k := 0.5
	if bold {
		k = 0.6
	}
	return float64(utf8.RuneCountInString(s)) * size * k
}

type layout struct {
	bounds box
	taken  []box   // words, tags, numbers, rings: nothing may cover them
	soft   []Point // points along the paths: covered only when nothing else fits
}

func (l *layout) take(b box) { l.taken = append(l.taken, b) }

func (l *layout) cost(b box) float64 {
	c := 0.0
	for _, t := range l.taken {
		c += 1000 * t.overlap(b)
	}
	c += 2000 * (b.area() - b.overlap(l.bounds))
	for _, p := range l.soft {
		if b.has(p) {
			c += 40
		}
	}
	return c
}

// place takes the cheapest of the candidates (the first, on a tie) and
// returns it.
func (l *layout) place(cands []box) box {
	best, bc := cands[0], math.Inf(1)
	for _, b := range cands {
		if c := l.cost(b); c < bc-1e-9 {
			best, bc = b, c
		}
	}
	l.take(best)
	return best
}

// besideCandidates are places for a block w × h beside a point, nearest
// first: right and left (raised, then lowered), above, below, then the same
// further out.
func besideCandidates(p Point, w, h, gap float64) []box {
	var out []box
	for _, d := range []float64{gap, gap + 26, gap + 56} {
		out = append(out,
			box{p.X + d, p.Y - 4 - h, p.X + d + w, p.Y - 4},
			box{p.X + d, p.Y + 4, p.X + d + w, p.Y + 4 + h},
			box{p.X - d - w, p.Y - 4 - h, p.X - d, p.Y - 4},
			box{p.X - d - w, p.Y + 4, p.X - d, p.Y + 4 + h},
			box{p.X - w/2, p.Y - d - h, p.X + w/2, p.Y - d},
			box{p.X - w/2, p.Y + d, p.X + w/2, p.Y + d + h},
			box{p.X + d, p.Y - h/2, p.X + d + w, p.Y + h/2},
			box{p.X - d - w, p.Y - h/2, p.X - d, p.Y + h/2},
		)
	}
	return out
}

// resample gives points along a polyline no further apart than step.
func resample(pts []Point, step float64) []Point {
	var out []Point
	for i, p := range pts {
		if i == 0 {
			out = append(out, p)
			continue
		}
		q := pts[i-1]
		n := int(math.Ceil(p.dist(q) / step))
		for k := 1; k <= n; k++ {
			out = append(out, lerp(q, p, float64(k)/float64(n)))
		}
	}
	return out
}
