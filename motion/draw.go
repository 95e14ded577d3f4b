package motion

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"math"
	"strings"

	"github.com/knead/knead/massage"
)

// DrawSVG draws a technique's moves on their body charts: step n alone
// (counted from 1), or every step, one panel each, when n is 0. Paths show
// where each hand goes: a tag marks where a hand starts, arrowheads the way
// it moves, numbers the order of passes or spots, a dashed ring a hand that
// holds still; the two hands have two colours. The drawing is one SVG,
// styled by Style (CSS classes and variables, light and dark).
func DrawSVG(w io.Writer, t *massage.Technique, n int) error {
	if t == nil {
		return fmt.Errorf("no technique to draw")
	}
	if n < 0 || n > len(t.Steps) {
		return fmt.Errorf("technique %s has %s; there is no step %d", t.ID, plural(len(t.Steps), "step"), n)
	}
	var paths []StepPath
	if n == 0 {
		for i := range t.Steps {
			p, err := CompileStep(t, i+1, Options{draw: true})
			if err != nil {
				return err
			}
			paths = append(paths, p)
		}
	} else {
		p, err := CompileStep(t, n, Options{draw: true})
		if err != nil {
			return err
		}
		paths = []StepPath{p}
	}
	bw := bufio.NewWriter(w)
	drawPanels(bw, t, paths)
	return bw.Flush()
}

const (
	panelW   = 1000
	chartTop = 120 // the chart starts below the step's title lines
	lineH    = 36
)

func drawPanels(w *bufio.Writer, t *massage.Technique, paths []StepPath) {
	cols := 1
	if len(paths) > 1 {
		cols = 2
	}
	notes := 0
	for _, p := range paths {
		notes = max(notes, len(wrapNotes(p)))
	}
	panelH := chartTop + 1000 + 20 + notes*lineH + 10
	rows := (len(paths) + cols - 1) / cols
	const gap, head = 40, 150
	W := cols*panelW + (cols-1)*gap + 40
	H := head + rows*panelH + (rows-1)*gap + 20
	back := false
	for _, p := range paths {
		back = back || p.View == "back"
	}
	title := t.Name
	if len(paths) == 1 {
		title = fmt.Sprintf("%s — step %d of %d", t.Name, paths[0].Step, len(t.Steps))
	}
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" class="kn" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">`,
		W, H, W/2, H/2, esc(title+": how the hands move"))
	fmt.Fprintf(w, "<style>%s</style>", Style)
	fmt.Fprintf(w, `<rect class="kn-bg" width="%d" height="%d"/>`, W, H)
	fmt.Fprintf(w, `<text class="kn-title" x="20" y="56" style="font-size:46px">%s</text>`, esc(title))
	legend(w, 20, 112, back)
	for i, p := range paths {
		x := 20 + (i%cols)*(panelW+gap)
		y := head + (i/cols)*(panelH+gap)
		fmt.Fprintf(w, `<g transform="translate(%d,%d)">`, x, y)
		panel(w, t, &p)
		w.WriteString("</g>")
	}
	w.WriteString("</svg>\n")
}

// legend explains the marks once, above the panels.
func legend(w *bufio.Writer, x, y int, back bool) {
	fmt.Fprintf(w, `<g class="kn-legend" transform="translate(%d,%d)">`, x, y)
	item := func(dx int, hand, label string) {
		fmt.Fprintf(w, `<g class="kn-%s"><path class="kn-stroke" d="M%d,-10 L%d,-10"/>`, hand, dx, dx+50)
		arrow(w, Point{float64(dx + 40), -10}, Point{1, 0}, 26, "kn-head")
		fmt.Fprintf(w, `</g><text class="kn-key" x="%d" y="0">%s</text>`, dx+76, label)
	}
	item(0, "left", "left hand")
	item(250, "right", "right hand")
	fmt.Fprintf(w, `<g class="kn-right"><path class="kn-lift" d="M520,-10 L570,-10"/></g><text class="kn-key" x="586" y="0">hand lifted</text>`)
	fmt.Fprintf(w, `<g class="kn-right"><circle class="kn-hold" cx="800" cy="-10" r="17"/></g><text class="kn-key" x="830" y="0">holds still</text>`)
	if back {
		fmt.Fprintf(w, `<rect class="kn-keep" x="1040" y="-32" width="40" height="44" style="opacity:.3"/><text class="kn-key" x="1094" y="0">keep off the spine</text>`)
	}
	w.WriteString("</g>")
}

// panel draws one step: its title, what it is in words, the chart and the
// hands' paths, and notes.
func panel(w *bufio.Writer, t *massage.Technique, p *StepPath) {
	v := viewByID[p.View]
	s := &t.Steps[p.Step-1]
	title := p.Title
	if title == "" {
		title = massage.Motions.Name(p.Motion)
	}
	fmt.Fprintf(w, `<text class="kn-title" x="0" y="40">%d. %s</text>`, p.Step, esc(title))
	fmt.Fprintf(w, `<text class="kn-sub" x="0" y="84">%s</text>`, esc(summary(p, s)))
	f := zoom(p, s)
	fmt.Fprintf(w, `<g transform="translate(0,%d)"><clipPath id="kn-clip-%d"><rect width="1000" height="1000"/></clipPath><g clip-path="url(#kn-clip-%d)">`, chartTop, p.Step, p.Step)
	if f.z != 1 {
		fmt.Fprintf(w, `<g transform="scale(%.3f) translate(%.0f,%.0f)">`, f.z, -f.ox, -f.oy)
		writeChart(w, v, false)
		w.WriteString("</g>")
	} else {
		writeChart(w, v, true)
	}
	names(w, f, p, s)
	drawMarks(w, f, p)
	w.WriteString("</g></g>")
	y := chartTop + 1000 + 20 + lineH - 8
	for _, line := range wrapNotes(*p) {
		fmt.Fprintf(w, `<text class="kn-note" x="0" y="%d">%s</text>`, y, esc(line))
		y += lineH
	}
}

// summary says the move in a line: motion, hands, passes, time, pressure.
func summary(p *StepPath, s *massage.Step) string {
	var parts []string
	name := massage.Motions.Name(p.Motion)
	if p.Motion == "circle" && hasDir(s, "around") {
		name = "circles around"
	}
	parts = append(parts, capital(name))
	if s.Turn != "" && s.Turn != "opposite" {
		parts[0] += ", " + massage.Turns.Name(s.Turn)
	} else if s.Turn == "opposite" {
		parts[0] += ", hands turning opposite ways"
	}
	var hs []string
	for _, h := range p.Hands {
		if h.Role == "hold" {
			continue
		}
		hs = append(hs, h.Hand)
	}
	switch len(hs) {
	case 1:
		parts = append(parts, hs[0]+" hand")
	case 2:
		parts = append(parts, "both hands")
	}
	if p.Passes > 1 {
		parts = append(parts, fmt.Sprintf("%d passes", p.Passes))
	}
	parts = append(parts, massage.Seconds(math.Round(p.Seconds)))
	parts = append(parts, p.Level)
	for _, pn := range viewByID[p.View].Panels {
		if pn.ID == p.Panel {
			parts = append(parts, "on the "+pn.Name)
		}
	}
	return strings.Join(parts, " · ")
}

// wrapNotes gives the notes as lines short enough for a panel.
func wrapNotes(p StepPath) []string {
	var out []string
	for _, n := range p.Notes {
		line := ""
		for _, word := range strings.Fields(n) {
			if len(line)+len(word)+1 > 62 && line != "" {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += word
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// names labels the landmarks the step uses, beside their spots.
func names(w *bufio.Writer, f frame, p *StepPath, s *massage.Step) {
	v := viewByID[p.View]
	seen := map[string]bool{}
	for _, h := range s.Hands {
		if h.Role == "hold" {
			for _, id := range h.At {
				seen[id] = true // named beside the holding hand
			}
		}
	}
	ids := stepMarks(s)
	if toeOrder(s.At) != "" {
		return // numbered, and named in the notes
	}
	var placed []Point
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		l, _ := massage.LandmarkByID(id)
		for _, sp := range spots[v.ID][id] {
			if sp.Panel != p.Panel {
				continue
			}
			at := f.at(sp.At)
			x, y := at.X, at.Y
			fmt.Fprintf(w, `<circle class="kn-spot" cx="%.0f" cy="%.0f" r="6"/>`, x, y)
			if sp.Side == "left" {
				continue // the pair is named once, at its right-hand spot
			}
			crowded := false
			for _, q := range placed {
				crowded = crowded || q.dist(at) < 40
			}
			if crowded {
				continue // two names on one spot cannot both be read
			}
			placed = append(placed, at)
			anchor, dx := "start", 14.0
			if x > 660 {
				anchor, dx = "end", -14
			}
			fmt.Fprintf(w, `<text class="kn-name" x="%.0f" y="%.0f" text-anchor="%s" style="paint-order:stroke;stroke:var(--body);stroke-width:6px">%s</text>`, x+dx, y-12, anchor, esc(shortName(l.Name)))
			if sp.Side == "" {
				break
			}
		}
	}
}

// shortName drops an explanation in brackets or after a comma.
func shortName(s string) string {
	if i := strings.IndexAny(s, "(,"); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

func esc(s string) string { return html.EscapeString(s) }

// drawMarks draws the hands' paths: strokes under loops under dots, numbers
// on top, each hand's start tagged with its letter.
func drawMarks(w *bufio.Writer, f frame, p *StepPath) {
	layers := [][]markKind{
		{mkGuide, mkLift, mkReturn, mkTrace},
		{mkStroke, mkBoth, mkLoop, mkTick, mkDot},
		{mkHold},
		{mkNum, mkTimes},
	}
	tagged := map[string]bool{}
	var tags []mark
	for _, ks := range layers {
		for _, m := range p.marks {
			if !hasKind(ks, m.kind) {
				continue
			}
			drawMark(w, f, m)
			if !tagged[m.hand] && m.kind != mkGuide && m.kind != mkLift && m.kind != mkHold && m.kind != mkNum && m.kind != mkTimes && m.kind != mkReturn {
				tagged[m.hand] = true
				tags = append(tags, m)
			}
		}
	}
	var put []Point
	for _, m := range tags {
		pt := f.at(m.pts[0])
		for _, q := range put {
			if q.dist(pt) < 36 {
				pt.X += 40 // two hands starting together: tags side by side
			}
		}
		put = append(put, pt)
		fmt.Fprintf(w, `<g class="kn-%s"><circle class="kn-dot" cx="%.0f" cy="%.0f" r="19"/><text x="%.0f" y="%.0f" style="fill:var(--bg);font-size:24px;font-weight:700;text-anchor:middle;dominant-baseline:central">%s</text></g>`,
			m.hand, pt.X, pt.Y, pt.X, pt.Y+1, strings.ToUpper(m.hand[:1]))
	}
}

func hasDir(s *massage.Step, d string) bool {
	for _, x := range s.Direction {
		if x == d {
			return true
		}
	}
	return false
}

func hasKind(ks []markKind, k markKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func drawMark(w *bufio.Writer, f frame, m mark) {
	hand := m.hand
	if hand == "pass" {
		hand = "pass"
	}
	fmt.Fprintf(w, `<g class="kn-%s">`, hand)
	defer w.WriteString("</g>")
	pts := make([]Point, len(m.pts))
	for i, p := range m.pts {
		pts[i] = f.at(p)
	}
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
		arrow(w, end, d, size, "kn-head")
		if m.kind == mkBoth || m.text == "both" {
			st, d0 := tip(pts, true)
			arrow(w, st, d0, size, "kn-head")
		}
		if m.kind == mkStroke && pathLen(pts) > 450 {
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
		x, y := pts[0].X, pts[0].Y
		fmt.Fprintf(w, `<circle class="kn-hold" cx="%.0f" cy="%.0f" r="34"/>`, x, y)
		tx, anchor := x+44, "start"
		if x > 700 {
			tx, anchor = x-44, "end"
		}
		halo := ` style="paint-order:stroke;stroke:var(--body);stroke-width:6px"`
		fmt.Fprintf(w, `<text class="kn-holdtext" x="%.0f" y="%.0f" text-anchor="%s"%s>holds</text>`, tx, y-2, anchor, halo)
		if m.text != "" {
			fmt.Fprintf(w, `<text class="kn-name" x="%.0f" y="%.0f" text-anchor="%s"%s>%s</text>`, tx, y+26, anchor, halo, esc(m.text))
		}
	case mkNum:
		x, y := pts[0].X, pts[0].Y
		if m.hand == "pass" {
			// a pass number sits beside the hand's start, to the outside
			dx := 52.0
			if x < 500 {
				dx = -52
			}
			x += dx
			if strings.Contains(m.text, ",") {
				wd := float64(len(m.text))*15 + 20
				fmt.Fprintf(w, `<rect class="kn-num" x="%.0f" y="%.0f" width="%.0f" height="38" rx="19"/><text class="kn-numtext" x="%.0f" y="%.0f">%s</text>`, x-wd/2, y-19, wd, x, y+1, esc(m.text))
				return
			}
		}
		fmt.Fprintf(w, `<circle class="kn-num" cx="%.0f" cy="%.0f" r="19"/><text class="kn-numtext" x="%.0f" y="%.0f">%s</text>`, x, y, x, y+1, esc(m.text))
	case mkTimes:
		x, y := pts[0].X-75, pts[0].Y-30
		if pts[0].X > 500 {
			x = pts[0].X + 75
		}
		fmt.Fprintf(w, `<rect class="kn-num" x="%.0f" y="%.0f" width="%d" height="40" rx="20"/><text class="kn-numtext" x="%.0f" y="%.0f">%s</text>`,
			x-float64(len(m.text))*9-8, y-20, len(m.text)*18+16, x, y+1, esc(m.text))
	}
}

// arrow draws an arrowhead with its tip at p (in the 1000 box), pointing along d.
func arrow(w *bufio.Writer, p, d Point, size float64, class string) {
	if d.len() == 0 {
		return
	}
	d = d.norm()
	n := d.perp()
	x, y := p.X, p.Y
	back := Point{x - d.X*size, y - d.Y*size}
	a := back.add(n.mul(size * 0.45))
	b := back.sub(n.mul(size * 0.45))
	fmt.Fprintf(w, `<path class="%s" d="M%.0f,%.0f L%.0f,%.0f L%.0f,%.0f Z"/>`, class, x, y, a.X, a.Y, b.X, b.Y)
}

// polyline writes points (already in the 1000 box) as path data.
func polyline(pts []Point, closed bool) string {
	var b strings.Builder
	last := ""
	for i, p := range pts {
		s := fmt.Sprintf("%.0f,%.0f", p.X, p.Y)
		if s == last && i != len(pts)-1 {
			continue
		}
		if i == 0 {
			b.WriteString("M" + s)
		} else {
			b.WriteString(" L" + s)
		}
		last = s
	}
	if closed {
		b.WriteString(" Z")
	}
	return b.String()
}

// tip is the end (or start) of a line and the way it points there.
func tip(pts []Point, start bool) (Point, Point) {
	if start {
		for i := 1; i < len(pts); i++ {
			if d := pts[0].sub(pts[i]); d.len() > 4 {
				return pts[0], d
			}
		}
		return pts[0], Point{}
	}
	e := pts[len(pts)-1]
	for i := len(pts) - 2; i >= 0; i-- {
		if d := e.sub(pts[i]); d.len() > 4 {
			return e, d
		}
	}
	return e, Point{}
}

func pathLen(pts []Point) float64 {
	l := 0.0
	for i := 1; i < len(pts); i++ {
		l += pts[i].dist(pts[i-1])
	}
	return l
}

// midway is the point halfway along a line and its direction there.
func midway(pts []Point) (Point, Point) {
	half, l := pathLen(pts)/2, 0.0
	for i := 1; i < len(pts); i++ {
		d := pts[i].dist(pts[i-1])
		if l+d >= half && d > 0 {
			return lerp(pts[i-1], pts[i], (half-l)/d), pts[i].sub(pts[i-1])
		}
		l += d
	}
	return pts[len(pts)-1], Point{}
}

// frame maps the unit square onto the panel's 1000 × 1000 box, zoomed in on
// where the step happens when that is a small part of its chart (the toes,
// a hand): box = (unit × 1000 − o) × z.
type frame struct{ z, ox, oy float64 }

func (f frame) at(p Point) Point {
	return Point{(p.X*1000 - f.ox) * f.z, (p.Y*1000 - f.oy) * f.z}
}

// zoom frames the marks and named places of a step, with room around
// them, up to twice the chart's size.
func zoom(p *StepPath, s *massage.Step) frame {
	lo, hi := Point{math.Inf(1), math.Inf(1)}, Point{math.Inf(-1), math.Inf(-1)}
	add := func(q Point) {
		lo = Point{math.Min(lo.X, q.X), math.Min(lo.Y, q.Y)}
		hi = Point{math.Max(hi.X, q.X), math.Max(hi.Y, q.Y)}
	}
	for _, m := range p.marks {
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
	if math.IsInf(lo.X, 0) {
		return frame{z: 1}
	}
	const room = 0.2
	size := math.Max(hi.X-lo.X, hi.Y-lo.Y) + 2*room
	z := math.Min(1.8, 1/size)
	if z < 1.2 {
		return frame{z: 1}
	}
	half := 500 / z
	c := lo.add(hi).mul(500)
	ox := math.Max(0, math.Min(1000-2*half, c.X-half))
	oy := math.Max(0, math.Min(1000-2*half, c.Y-half))
	return frame{z: z, ox: ox, oy: oy}
}
