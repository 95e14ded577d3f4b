package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// thumb is the small, still drawing of a technique's first step that the
// library's cards and the plan's list show: the step's chart, framed on
// where the hands work, and the way each hand goes in its first pass.
type thumb struct {
	View string
	SVG  template.HTML
}

// A thumb is drawn from its step's animation at this level of detail
// (stepAt): a path that strays 10 thousandths, under two pixels of a thumb.
const thumbLevel = 3

// A thumb frames at least this much of the chart (thousandths), so the
// body around the hands stays recognisable.
const thumbMinFrame = 420.0

// drawThumb draws a step's animation small and still: per hand, its first
// pass (the whole path when it makes none) where it touches, an arrowhead
// where that pass ends, and a ring where a hand only holds. The page's
// anim.js draws the plan's thumbs from the same data in the same way.
func drawThumb(a *stepAnim) *thumb {
	type line struct {
		hand string
		hold bool
		pts  []point
	}
	var lines []line
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	grow := func(x, y float64) {
		minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	for _, h := range a.Hands {
		pts := touching(firstPass(decodeHand(h.D), h.First))
		if len(pts) == 0 {
			continue
		}
		for i, q := range pts {
			grow(float64(q.x), float64(q.y))
			if i > 0 && q.b != 0 {
				grow(along(pts[i-1], q, q.b, 0.5))
			}
		}
		lines = append(lines, line{h.Hand, h.Role == "hold", pts})
	}
	if len(lines) == 0 {
		return nil
	}
	// Frame the hands with room around them, square, inside the chart.
	side := math.Min(1000, math.Max(thumbMinFrame, 1.5*math.Max(maxX-minX, maxY-minY)))
	x0 := clampf((minX+maxX)/2-side/2, 0, 1000-side)
	y0 := clampf((minY+maxY)/2-side/2, 0, 1000-side)
	unit := side / 100 // marks are sized to the frame, so they look alike in every thumb

	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="%.0f %.0f %.0f %.0f" aria-hidden="true" focusable="false"><use href="#%s"/>`,
		x0, y0, side, side, chartID(a.View))
	for _, l := range lines {
		d := piecesPath(l.pts)
		if l.hold || d == "" || pathSpan(l.pts) < 2*unit {
			q := l.pts[0]
			cls := "thumb-dot"
			if l.hold {
				cls = "thumb-hold"
			}
			fmt.Fprintf(&b, `<circle class="%s hand-%s" cx="%d" cy="%d" r="%.0f"/>`, cls, l.hand, q.x, q.y, 5*unit)
			continue
		}
		fmt.Fprintf(&b, `<path class="thumb-path hand-%s" d="%s"/>`, l.hand, d)
		if head := arrowHead(l.pts, 7*unit); head != "" {
			fmt.Fprintf(&b, `<path class="thumb-head hand-%s" d="%s"/>`, l.hand, head)
		}
	}
	b.WriteString(`</svg>`)
	return &thumb{View: a.View, SVG: template.HTML(b.String())}
}

// firstPass keeps the points up to the end of the first pass (t <= first;
// all of them when first is 0).
func firstPass(pts []point, first int) []point {
	if first <= 0 {
		return pts
	}
	for i, q := range pts {
		if q.t >= first {
			return pts[:i+1]
		}
	}
	return pts
}

// touching trims the lifted pieces off both ends of a path, so it starts
// and ends where the hand touches; a path that never touches keeps its
// first point (a hand that only hovers, drawn as a dot).
func touching(pts []point) []point {
	a, b := 0, len(pts)
	for a+1 < b && pts[a].p == 0 && pts[a+1].p == 0 {
		a++
	}
	for b-1 > a && pts[b-1].p == 0 && pts[b-2].p == 0 {
		b--
	}
	return pts[a:b]
}

// piecesPath draws the pieces of a path where the hand touches (either end
// pressing) as SVG path data, lines and arcs; "" when it never touches.
func piecesPath(pts []point) string {
	var b strings.Builder
	pen := false
	for i := 1; i < len(pts); i++ {
		p, q := pts[i-1], pts[i]
		if p.p == 0 && q.p == 0 {
			pen = false
			continue
		}
		if !pen {
			fmt.Fprintf(&b, "M%d,%d", p.x, p.y)
			pen = true
		}
		if q.b == 0 {
			fmt.Fprintf(&b, "L%d,%d", q.x, q.y)
			continue
		}
		th := 4 * math.Atan(float64(q.b)/1000)
		chord := math.Hypot(float64(q.x-p.x), float64(q.y-p.y))
		r := chord / (2 * math.Abs(math.Sin(th/2)))
		large, sweep := 0, 0
		if math.Abs(th) > math.Pi {
			large = 1
		}
		if th > 0 {
			sweep = 1
		}
		fmt.Fprintf(&b, "A%.0f,%.0f 0 %d %d %d,%d", r, r, large, sweep, q.x, q.y)
	}
	return b.String()
}

// pathSpan is the largest distance of any point from the first.
func pathSpan(pts []point) float64 {
	d := 0.0
	for _, q := range pts[1:] {
		d = math.Max(d, math.Hypot(float64(q.x-pts[0].x), float64(q.y-pts[0].y)))
	}
	return d
}

// arrowHead draws a filled triangle of the given length at the end of a
// path, pointing the way it goes there; "" when the end does not move.
func arrowHead(pts []point, size float64) string {
	n := len(pts)
	end := pts[n-1]
	ex, ey := float64(end.x), float64(end.y)
	// Aim from a place a little way back along the path, so that a last
	// tiny piece (a hand settling) does not turn the arrow.
	fx, fy := ex, ey
	if n >= 2 && end.b != 0 {
		fx, fy = along(pts[n-2], end, end.b, 0.9)
	}
	for i := n - 2; i >= 0 && math.Hypot(ex-fx, ey-fy) < size/2; i-- {
		fx, fy = float64(pts[i].x), float64(pts[i].y)
	}
	dx, dy := ex-fx, ey-fy
	l := math.Hypot(dx, dy)
	if l == 0 {
		return ""
	}
	dx, dy = dx/l, dy/l
	bx, by := ex-dx*size, ey-dy*size
	w := size * 0.55
	return fmt.Sprintf("M%.0f,%.0fL%.0f,%.0fL%.0f,%.0fZ", ex, ey, bx-dy*w, by+dx*w, bx+dy*w, by-dx*w)
}

func clampf(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// thumbOf gives the small drawing of a technique's first step, or nil when
// motion cannot draw it.
func (l *library) thumbOf(id string) *thumb {
	t := l.cat.Technique(id)
	if t == nil || len(t.Steps) == 0 {
		return nil
	}
	l.stepAt(t, 0, thumbLevel) // compiles the step once and keeps its thumb
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.thumbs[id]
}
