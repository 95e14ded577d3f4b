package motion

import (
	"bufio"
	"fmt"
	"math"
	"strings"

	"github.com/knead/knead/massage"
)

// A panel's box holds one picture of a chart, or a few (the same step on
// other charts): each is a cell. A cell shows the part of its chart where
// the step happens, zoomed in when that is small (the toes, a hand), and
// on a chart with panels only the step's panel; a hand that holds the
// other face (the top of the foot while the knuckles work the sole) is
// shown in a small picture of that face in a corner.

// frame maps the unit square into a cell: box = (unit × 1000 − o) × z + d.
type frame struct{ z, ox, oy, dx, dy float64 }

func (f frame) at(p Point) Point {
	return Point{(p.X*1000-f.ox)*f.z + f.dx, (p.Y*1000-f.oy)*f.z + f.dy}
}

// fitFrame shows region r of the unit square as large as it fits in the
// box in, centred.
func fitFrame(r, in box) frame {
	rw, rh := (r.x1-r.x0)*1000, (r.y1-r.y0)*1000
	z := math.Min((in.x1-in.x0)/rw, (in.y1-in.y0)/rh)
	return frame{z: z, ox: r.x0 * 1000, oy: r.y0 * 1000,
		dx: in.x0 + ((in.x1-in.x0)-rw*z)/2, dy: in.y0 + ((in.y1-in.y0)-rh*z)/2}
}

// panelRange is the span of x a panel takes (the whole chart without panels).
func panelRange(v *View, panel string) (float64, float64) {
	for _, pn := range v.Panels {
		if pn.ID == panel {
			return pn.X0, pn.X1
		}
	}
	return 0, 1
}

// offPanel reports whether a hold mark rests on another panel of its chart.
func offPanel(v *View, panel string, m mark) bool {
	if m.kind != mkHold || len(v.Panels) == 0 {
		return false
	}
	x0, x1 := panelRange(v, panel)
	return m.pts[0].X < x0 || m.pts[0].X > x1
}

// region is the part of the chart a cell shows: the whole chart (or
// panel), widened when a mark strays off it; and, zoomed, the step's marks
// and named places with room around them (ok is false when there are none).
func region(p *StepPath, s *massage.Step, least float64) (full, zoomed box, ok bool) {
	v := viewByID[p.View]
	px0, px1 := panelRange(v, p.Panel)
	lo, hi := Point{math.Inf(1), math.Inf(1)}, Point{math.Inf(-1), math.Inf(-1)}
	add := func(q Point) {
		lo = Point{math.Min(lo.X, q.X), math.Min(lo.Y, q.Y)}
		hi = Point{math.Max(hi.X, q.X), math.Max(hi.Y, q.Y)}
	}
	for _, m := range p.marks {
		if offPanel(v, p.Panel, m) {
			continue
		}
		for _, q := range m.pts {
			add(q)
		}
	}
	for _, id := range stepMarks(s) {
		for _, sp := range spots[p.View][id] {
			if sp.Panel == p.Panel {
				add(sp.At)
			}
		}
	}
	full = box{px0, 0, px1, 1}
	if math.IsInf(lo.X, 0) {
		return full, full, false
	}
	const edge = 0.04
	full.y0, full.y1 = math.Min(full.y0, lo.Y-edge), math.Max(full.y1, hi.Y+edge)
	if len(v.Panels) == 0 {
		full.x0, full.x1 = math.Min(full.x0, lo.X-edge), math.Max(full.x1, hi.X+edge)
	}
	const room = 0.14
	side := math.Max(math.Max(hi.X-lo.X, hi.Y-lo.Y)+2*room, least)
	if side >= 1 {
		return full, full, false
	}
	c := lo.add(hi).mul(0.5)
	x0 := c.X - side/2
	if side <= px1-px0 {
		x0 = math.Max(px0, math.Min(px1-side, x0))
	} else {
		x0 = (px0+px1)/2 - side/2
	}
	y0 := math.Max(0, math.Min(1-side, c.Y-side/2))
	return full, box{x0, y0, x0 + side, y0 + side}, true
}

// boxed is a mark with its points in the cell's box.
type boxed struct {
	mark
	bp     []Point
	at     Point // where a number was laid out
	placed bool
	hidden bool // a spot number left out for want of room
}

// drawCell draws one picture: the chart cut to the part shown, the hands'
// marks, and the words, laid out so none covers another.
func drawCell(w *bufio.Writer, id string, cell box, p *StepPath, s *massage.Step, cap string) {
	v := viewByID[p.View]
	content := cell
	if cap != "" {
		content.y0 += 48
	}
	// a small picture among several shows more of its chart around the
	// place, so the chart can be recognised
	least := 1 / 1.8
	if cell.x1-cell.x0 < 600 {
		least = 0.8
	}
	full, zoomed, ok := region(p, s, least)
	f := fitFrame(full, content)
	// zoom in when that shows the place at least 1.2 times as large
	if fz := fitFrame(zoomed, content); ok && fz.z >= 1.2*f.z {
		f = fz
	}
	clip := content
	if len(v.Panels) > 0 {
		x0, x1 := panelRange(v, p.Panel)
		// a little inside the panel, so the line between the panels goes too
		clip.x0 = math.Max(clip.x0, f.at(Point{x0, 0}).X+4)
		clip.x1 = math.Min(clip.x1, f.at(Point{x1, 0}).X-4)
	}
	fmt.Fprintf(w, `<clipPath id="%s-c"><rect x="%.0f" y="%.0f" width="%.0f" height="%.0f"/></clipPath>`, id, clip.x0, clip.y0, clip.x1-clip.x0, clip.y1-clip.y0)
	fmt.Fprintf(w, `<clipPath id="%s-m"><rect x="%.0f" y="%.0f" width="%.0f" height="%.0f"/></clipPath>`, id, content.x0, content.y0, content.x1-content.x0, content.y1-content.y0)
	fmt.Fprintf(w, `<g clip-path="url(#%s-c)"><g transform="translate(%.1f,%.1f) scale(%.4f) translate(%.1f,%.1f)">`, id, f.dx, f.dy, f.z, -f.ox, -f.oy)
	writeChart(w, v, false)
	w.WriteString("</g></g>")
	lay := &layout{bounds: cell}
	if cap != "" {
		cx := (cell.x0 + cell.x1) / 2
		fmt.Fprintf(w, `<text class="kn-sub" x="%.0f" y="%.0f" text-anchor="middle">%s</text>`, cx, cell.y0+32, esc(cap))
		wd := textWidth(cap, sizeSub, false)
		lay.take(box{cx - wd/2, cell.y0, cx + wd/2, cell.y0 + 44})
	}
	drawMarks(w, id, f, content, p, s, lay, cap)
}

// drawMarks draws the hands' paths (strokes under loops under dots,
// numbers on top, each hand's start tagged with its letter) and then the
// words: "×N", what a holding hand holds, and the names of the places.
func drawMarks(w *bufio.Writer, id string, f frame, content box, p *StepPath, s *massage.Step, lay *layout, cap string) {
	v := viewByID[p.View]
	var ms []boxed
	var away []mark
	for _, m := range p.marks {
		if offPanel(v, p.Panel, m) {
			away = append(away, m)
			continue
		}
		b := boxed{mark: m, bp: make([]Point, len(m.pts))}
		for i, q := range m.pts {
			b.bp[i] = f.at(q)
		}
		if m.kind == mkLoop {
			b.bp = visibleLoop(b.bp)
		}
		ms = append(ms, b)
	}

	// the start tags, one per hand, at the start of its first move
	tagged := map[string]bool{}
	var tags []boxed
	layers := [][]markKind{
		{mkGuide, mkLift, mkReturn, mkTrace},
		{mkStroke, mkBoth, mkLoop, mkTick, mkDot},
	}
	for _, ks := range layers {
		for _, m := range ms {
			if hasKind(ks, m.kind) && m.kind != mkGuide && m.kind != mkLift && m.kind != mkReturn && !tagged[m.hand] {
				tagged[m.hand] = true
				tags = append(tags, m)
			}
		}
	}
	var tagAt []Point
	for _, m := range tags {
		pt := m.bp[0]
		if m.kind == mkLoop {
			// beside the loop, where it starts, so the loop stays in sight
			c := loopCentre(m.bp)
			if d := pt.sub(c); d.len() > 0 {
				pt = c.add(d.mul(1 + 24/d.len()))
			}
		}
		for j, q := range tagAt {
			if q.dist(pt) < 36 {
				// two hands starting together: tags side by side, each
				// to its own hand's side
				sg := 1.0
				if m.hand == "left" {
					sg = -1
				}
				tagAt[j].X -= sg * 21
				pt.X = q.X + sg*21
			}
		}
		tagAt = append(tagAt, pt)
	}
	for i := range tagAt {
		pt := &tagAt[i]
		pt.X = math.Max(content.x0+22, math.Min(content.x1-22, pt.X))
		pt.Y = math.Max(content.y0+22, math.Min(content.y1-22, pt.Y))
		lay.take(boxAt(*pt, 44, 44))
	}

	// what must stay uncovered: numbers, rings, the named spots; what
	// words should rather not cover: the paths
	for _, m := range ms {
		switch m.kind {
		case mkStroke, mkReturn, mkTrace, mkGuide, mkBoth, mkLift, mkLoop, mkTick:
			lay.soft = append(lay.soft, resample(m.bp, 12)...)
			if m.kind == mkStroke || m.kind == mkBoth {
				// an arrowhead says the way: no word covers it
				lay.take(boxAt(m.bp[len(m.bp)-1], 28, 28))
			}
		case mkDot:
			lay.take(boxAt(m.bp[0], 22, 22))
		case mkHold:
			lay.take(boxAt(m.bp[0], 76, 76))
		}
	}
	placeSpotNumbers(ms, lay, content)
	// pass numbers beside the starts: to the outside, else below, above or
	// to the inside, wherever no tag or other number is
	for i := range ms {
		m := &ms[i]
		if m.kind != mkNum || m.hand != "pass" {
			continue
		}
		c, wd := numPlace(*m, content)
		q := m.bp[0]
		var cands []box
		for _, o := range []Point{c.sub(q), {0, 46}, {0, -46}, q.sub(c)} {
			cands = append(cands, boxAt(q.add(o), wd+4, 42))
		}
		m.at = lay.place(cands).centre()
		m.placed = true
	}
	named := namedSpots(f, p, s)
	for _, n := range named {
		lay.take(boxAt(n.at, 14, 14))
	}

	// the paths
	fmt.Fprintf(w, `<g clip-path="url(#%s-m)">`, id)
	for _, n := range named {
		fmt.Fprintf(w, `<circle class="kn-spot" cx="%.0f" cy="%.0f" r="6"/>`, n.at.X, n.at.Y)
	}
	for _, ks := range append(layers, []markKind{mkHold}, []markKind{mkNum}) {
		for _, m := range ms {
			if hasKind(ks, m.kind) && !m.hidden {
				drawMark(w, m, content)
			}
		}
	}
	w.WriteString("</g>")
	for i, m := range tags {
		pt := tagAt[i]
		fmt.Fprintf(w, `<g class="kn-%s"><circle class="kn-dot" cx="%.0f" cy="%.0f" r="19"/><text x="%.0f" y="%.0f" style="fill:var(--bg);font-size:24px;font-weight:700;text-anchor:middle;dominant-baseline:central">%s</text></g>`,
			m.hand, pt.X, pt.Y, pt.X, pt.Y+1, tagLetter(s, m.hand))
	}

	// the words, the most important first
	var holdWords []holdWord
	if len(away) > 0 {
		holdWords = append(holdWords, inset(w, id, v, away, content, lay)...)
	}
	for _, m := range ms {
		if m.kind == mkTimes {
			timesBadge(w, m, lay)
		}
	}
	for _, m := range ms {
		if m.kind == mkHold {
			holdWords = append(holdWords, holdWord{hand: m.hand, at: m.bp[0], r: 34, text: m.text})
		}
	}
	for _, h := range holdWords {
		h.draw(w, lay)
	}
	for _, n := range named {
		if n.label && n.name != cap {
			// (a place the caption names already is not named again)
			nameLabel(w, n, lay)
		}
	}
}

func loopCentre(pts []Point) Point {
	c := Point{}
	for _, q := range pts[:len(pts)-1] {
		c = c.add(q)
	}
	return c.mul(1 / float64(len(pts)-1))
}

// visibleLoop enlarges a loop too small to see at handout size (a kneading
// roll, a fingertip circle on a big chart) about its middle.
func visibleLoop(pts []Point) []Point {
	if len(pts) < 3 {
		return pts
	}
	c := loopCentre(pts)
	rmax, rmin := 0.0, math.Inf(1)
	for _, q := range pts {
		d := q.dist(c)
		rmax, rmin = math.Max(rmax, d), math.Min(rmin, d)
	}
	if rmax <= 0 {
		return pts
	}
	k := math.Max(1, math.Max(36/rmax, 22/math.Max(rmin, 1e-6)))
	k = math.Min(k, 4)
	if k == 1 {
		return pts
	}
	out := make([]Point, len(pts))
	for i, q := range pts {
		out[i] = c.add(q.sub(c).mul(k))
	}
	return out
}

func drawMark(w *bufio.Writer, m boxed, content box) {
	fmt.Fprintf(w, `<g class="kn-%s">`, m.hand)
	defer w.WriteString("</g>")
	pts := m.bp
	switch m.kind {
	case mkStroke, mkReturn, mkTrace, mkGuide, mkBoth:
		class, size := map[markKind]string{mkStroke: "kn-stroke", mkReturn: "kn-return", mkTrace: "kn-trace", mkGuide: "kn-return", mkBoth: "kn-stroke"}[m.kind],
			map[markKind]float64{mkStroke: 34, mkReturn: 24, mkTrace: 20, mkGuide: 24, mkBoth: 34}[m.kind]
		style := ""
		if m.kind == mkGuide {
			style = ` style="stroke-dasharray:14 10"`
		}
		fmt.Fprintf(w, `<path class="%s" d="%s"%s/>`, class, polyline(pts, false), style)
		size = math.Min(size, math.Max(16, pathLen(pts)*0.5))
		end, d := tip(pts, false)
		if m.kind == mkReturn && pathLen(pts) < 70 {
			// a short glide on between spots: the chain's own marks say the way
			d = Point{}
		}
		arrow(w, end, d, size, "kn-head")
		if m.kind == mkBoth || m.text == "both" {
			st, d0 := tip(pts, true)
			arrow(w, st, d0, size, "kn-head")
		}
		if (m.kind == mkStroke || m.kind == mkReturn) && pathLen(pts) > 300 {
			// a long way: an arrowhead halfway too, so the way reads from anywhere
			mid, dm := midway(pts)
			arrow(w, mid, dm, size, "kn-head")
		}
	case mkLift:
		fmt.Fprintf(w, `<path class="kn-lift" d="%s"/>`, polyline(pts, false))
	case mkLoop:
		fmt.Fprintf(w, `<path class="kn-stroke" style="stroke-width:5" d="%s"/>`, polyline(pts, true))
		// the arrowhead near the end of the loop shows which way it turns
		k := len(pts) * 7 / 8
		d := pts[k].sub(pts[k-1]).norm()
		arrow(w, pts[k], d, 26, "kn-head")
	case mkDot:
		fmt.Fprintf(w, `<circle class="kn-dot" cx="%.0f" cy="%.0f" r="10"/>`, pts[0].X, pts[0].Y)
	case mkTick:
		fmt.Fprintf(w, `<path class="kn-stroke" d="%s"/>`, polyline(pts, false))
	case mkHold:
		fmt.Fprintf(w, `<circle class="kn-hold" cx="%.0f" cy="%.0f" r="34"/>`, pts[0].X, pts[0].Y)
	case mkNum:
		c, wd := numPlace(m, content)
		if wd > 38 {
			fmt.Fprintf(w, `<rect class="kn-num" x="%.0f" y="%.0f" width="%.0f" height="38" rx="19"/>`, c.X-wd/2, c.Y-19, wd)
		} else {
			fmt.Fprintf(w, `<circle class="kn-num" cx="%.0f" cy="%.0f" r="19"/>`, c.X, c.Y)
		}
		fmt.Fprintf(w, `<text class="kn-numtext" x="%.0f" y="%.0f">%s</text>`, c.X, c.Y+1, esc(m.text))
	}
}

// numPlace is where a number sits and how wide its badge is: a pass
// number beside the hand's start, to the outside; a spot's number on it.
func numPlace(m boxed, content box) (Point, float64) {
	c := m.bp[0]
	wd := 38.0
	if m.hand == "pass" && strings.Contains(m.text, ",") {
		wd = float64(len(m.text))*15 + 20
	}
	if m.placed {
		return m.at, wd
	}
	if m.hand == "pass" {
		if c.X < (content.x0+content.x1)/2 {
			c.X -= 52
		} else {
			c.X += 52
		}
	}
	return c, wd
}

// timesBadge says how many times a pass goes over the same place, beside
// its start.
func timesBadge(w *bufio.Writer, m boxed, lay *layout) {
	p := m.bp[0]
	wd, h := float64(len([]rune(m.text)))*18+16, 40.0
	side := -1.0
	if p.X > (lay.bounds.x0+lay.bounds.x1)/2 {
		side = 1
	}
	var cands []box
	for _, o := range []Point{{75 * side, -30}, {75 * side, 30}, {-75 * side, -30}, {-75 * side, 30}, {0, -58}, {0, 58},
		{120 * side, 0}, {-120 * side, 0}, {90 * side, -80}, {-90 * side, -80}, {90 * side, 80}, {-90 * side, 80}} {
		cands = append(cands, boxAt(p.add(o), wd+6, h+6))
	}
	b := lay.place(cands)
	c := b.centre()
	fmt.Fprintf(w, `<g class="kn-%s"><rect class="kn-num" x="%.0f" y="%.0f" width="%.0f" height="%.0f" rx="20"/><text class="kn-numtext" x="%.0f" y="%.0f">%s</text></g>`,
		m.hand, c.X-wd/2, c.Y-h/2, wd, h, c.X, c.Y+1, esc(m.text))
}

// holdWord says what a holding hand holds, beside its ring.
type holdWord struct {
	hand string
	at   Point
	r    float64
	text string
	// below is where the words go first (under a small picture), if set
	below *box
}

const halo = ` style="paint-order:stroke;stroke:var(--body);stroke-width:6px;stroke-linejoin:round"`

func (h holdWord) draw(w *bufio.Writer, lay *layout) {
	wd := textWidth("holds", sizeName, true)
	ht := sizeName * 1.25
	if h.text != "" {
		wd = math.Max(wd, textWidth(h.text, sizeName, false))
		ht += 30
	}
	var cands []box
	if h.below != nil {
		b := *h.below
		cands = append(cands, box{b.x0, b.y1 + 6, b.x0 + wd, b.y1 + 6 + ht}, box{b.x1 - wd, b.y1 + 6, b.x1, b.y1 + 6 + ht},
			box{b.x0 - 10 - wd, b.y0, b.x0 - 10, b.y0 + ht}, box{b.x1 + 10, b.y0, b.x1 + 10 + wd, b.y0 + ht})
	}
	cands = append(cands, besideCandidates(h.at, wd, ht, h.r+8)...)
	b := lay.place(cands)
	x, y := b.x0, b.y0+sizeName*0.95
	fmt.Fprintf(w, `<text class="kn-holdtext kn-%s" x="%.0f" y="%.0f"%s>holds</text>`, h.hand, x, y, halo)
	if h.text != "" {
		fmt.Fprintf(w, `<text class="kn-name" x="%.0f" y="%.0f"%s>%s</text>`, x, y+30, halo, esc(h.text))
	}
}

// inset draws the other face of a chart with panels, small, in a corner of
// the cell, with the rings of the hands that hold it; the words go under it.
func inset(w *bufio.Writer, id string, v *View, holds []mark, content box, lay *layout) []holdWord {
	pn := Panel{X0: 0, X1: 1}
	for _, q := range v.Panels {
		if holds[0].pts[0].X >= q.X0 && holds[0].pts[0].X <= q.X1 {
			pn = q
		}
	}
	const iw, ih = 230.0, 330.0
	var cands []box
	for _, c := range []Point{{content.x1 - 8 - iw, content.y0 + 8}, {content.x0 + 8, content.y0 + 8},
		{content.x1 - 8 - iw, content.y1 - 8 - ih - 70}, {content.x0 + 8, content.y1 - 8 - ih - 70}} {
		cands = append(cands, box{c.X, c.Y, c.X + iw, c.Y + ih})
	}
	b := lay.place(cands)
	inner := box{b.x0 + 10, b.y0 + 40, b.x1 - 10, b.y1 - 10}
	f := fitFrame(box{pn.X0, 0, pn.X1, 1}, inner)
	fmt.Fprintf(w, `<rect class="kn-inset" x="%.0f" y="%.0f" width="%.0f" height="%.0f" rx="12"/>`, b.x0, b.y0, iw, ih)
	fmt.Fprintf(w, `<text class="kn-name" x="%.0f" y="%.0f" text-anchor="middle">%s</text>`, (b.x0+b.x1)/2, b.y0+30, esc(pn.Name))
	ic := inner
	ic.x0 = math.Max(ic.x0, f.at(Point{pn.X0, 0}).X+3)
	ic.x1 = math.Min(ic.x1, f.at(Point{pn.X1, 0}).X-3)
	fmt.Fprintf(w, `<clipPath id="%s-i"><rect x="%.0f" y="%.0f" width="%.0f" height="%.0f"/></clipPath>`, id, ic.x0, ic.y0, ic.x1-ic.x0, ic.y1-ic.y0)
	fmt.Fprintf(w, `<g clip-path="url(#%s-i)"><g transform="translate(%.1f,%.1f) scale(%.4f) translate(%.1f,%.1f)">`, id, f.dx, f.dy, f.z, -f.ox, -f.oy)
	writeChart(w, v, false)
	w.WriteString("</g></g>")
	var out []holdWord
	for _, m := range holds {
		c := f.at(m.pts[0])
		fmt.Fprintf(w, `<g class="kn-%s"><circle class="kn-hold" cx="%.0f" cy="%.0f" r="24"/></g>`, m.hand, c.X, c.Y)
		bb := b
		out = append(out, holdWord{hand: m.hand, at: c, r: 24, text: m.text, below: &bb})
	}
	return out
}

// namedSpot is a place the step names, where the chart shows it; label is
// false for the second spot of a pair, which is named once.
type namedSpot struct {
	at    Point
	name  string
	label bool
}

// namedSpots lists the places the step names on the cell's panel, except
// those a holding hand's words name already.
func namedSpots(f frame, p *StepPath, s *massage.Step) []namedSpot {
	if toeOrder(s.At) != "" {
		return nil // numbered, and named in the notes
	}
	seen := map[string]bool{}
	for _, h := range s.Hands {
		if h.Role == "hold" {
			for _, id := range h.At {
				seen[id] = true // named beside the holding hand
			}
		}
	}
	for _, m := range p.marks {
		if m.kind == mkHold && m.id != "" {
			seen[m.id] = true
		}
	}
	var out []namedSpot
	for _, id := range stepMarks(s) {
		if seen[id] {
			continue
		}
		seen[id] = true
		l, _ := massage.LandmarkByID(id)
		var on []Spot
		for _, sp := range spots[p.View][id] {
			if sp.Panel == p.Panel {
				on = append(on, sp)
			}
		}
		for i, sp := range on {
			// a pair is named once, at its right-hand spot
			label := sp.Side == "" || sp.Side == "right" || len(on) == 1 || i == len(on)-1 && !hasSide(on, "right")
			out = append(out, namedSpot{at: f.at(sp.At), name: shortName(l.Name), label: label})
			if sp.Side == "" {
				break
			}
		}
	}
	return out
}

func hasSide(ss []Spot, side string) bool {
	for _, s := range ss {
		if s.Side == side {
			return true
		}
	}
	return false
}

// nameLabel names a place beside its spot, with a thin leader line when the
// nearest free room is a little way off.
func nameLabel(w *bufio.Writer, n namedSpot, lay *layout) {
	wd, ht := textWidth(n.name, sizeName, false)+4, sizeName*1.25
	b := lay.place(besideCandidates(n.at, wd, ht, 12))
	if q := b.nearest(n.at); q.dist(n.at) > 30 {
		fmt.Fprintf(w, `<path class="kn-leader" d="M%.0f,%.0f L%.0f,%.0f"/>`, n.at.X, n.at.Y, q.X, q.Y)
	}
	fmt.Fprintf(w, `<text class="kn-name" x="%.0f" y="%.0f"%s>%s</text>`, b.x0+2, b.y0+sizeName*0.95, halo, esc(n.name))
}
