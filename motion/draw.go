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
// holds still; the two hands have two colours. A step whose places are on
// more than one chart (the jaw, the palm and the sole) shows each in a
// picture of its own within its panel. The drawing is one SVG, styled by
// Style (CSS classes and variables, light and dark).
func DrawSVG(w io.Writer, t *massage.Technique, n int) error {
	if t == nil {
		return fmt.Errorf("no technique to draw")
	}
	if n < 0 || n > len(t.Steps) {
		return fmt.Errorf("technique %s has %s; there is no step %d", t.ID, plural(len(t.Steps), "step"), n)
	}
	var items []drawItem
	for i := range t.Steps {
		if n != 0 && i+1 != n {
			continue
		}
		p, err := CompileStep(t, i+1, Options{draw: true})
		if err != nil {
			return err
		}
		it := drawItem{cells: []cellPath{{p: p, s: &t.Steps[i]}}}
		it.cells = append(it.cells, elsewhere(t, &it.cells[0].p)...)
		items = append(items, it)
	}
	bw := bufio.NewWriter(w)
	drawPanels(bw, t, items, n != 0)
	return bw.Flush()
}

// drawItem is one step's panel: the step on its chart, and the same step
// at the places other charts (or the chart's other panel) show.
type drawItem struct{ cells []cellPath }

type cellPath struct {
	p StepPath
	s *massage.Step // the step as drawn in this picture
}

// maxCells is how many pictures one panel holds.
const maxCells = 4

// elsewhere compiles a step again at each group of its places that its
// chart (or panel) does not show, one group per chart and panel, and drops
// the note that said they were not drawn.
func elsewhere(t *massage.Technique, p *StepPath) []cellPath {
	if len(p.elsewhere) == 0 {
		return nil
	}
	type group struct {
		key string
		ids []string
	}
	var groups []group
	for _, id := range p.elsewhere {
		v, err := viewFor([]string{id}, "")
		if err != nil {
			continue
		}
		key := v.ID + "/" + panelFor(v, []string{id})
		k := -1
		for i := range groups {
			if groups[i].key == key {
				k = i
			}
		}
		if k < 0 {
			k = len(groups)
			groups = append(groups, group{key: key})
		}
		if !containsStr(groups[k].ids, id) {
			groups[k].ids = append(groups[k].ids, id)
		}
	}
	var out []cellPath
	drawn := map[string]bool{}
	for _, g := range groups {
		if len(out)+1 >= maxCells {
			break
		}
		tc := *t
		tc.Steps = append([]massage.Step(nil), t.Steps...)
		s := tc.Steps[p.Step-1]
		s.At = g.ids
		tc.Steps[p.Step-1] = s
		q, err := compile(&tc, p.Step, Options{draw: true})
		if err != nil || len(q.elsewhere) > 0 {
			continue
		}
		out = append(out, cellPath{p: q, s: &tc.Steps[p.Step-1]})
		for _, id := range g.ids {
			drawn[id] = true
		}
	}
	var left []string
	for _, id := range p.elsewhere {
		if !drawn[id] && !containsStr(left, id) {
			left = append(left, id)
		}
	}
	notes := p.Notes[:0:0]
	for _, n := range p.Notes {
		if strings.HasPrefix(n, alsoWorks) {
			if len(left) == 0 {
				continue
			}
			var names []string
			for _, id := range left {
				l, _ := massage.LandmarkByID(id)
				names = append(names, l.Name)
			}
			n = alsoWorks + strings.Join(names, ", ") + " (not drawn here)."
		}
		notes = append(notes, n)
	}
	p.Notes = notes
	return out
}

// alsoWorks starts the note naming places a drawing does not show.
const alsoWorks = "The step also works on the "

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

const (
	panelW = 1000
	lineH  = 36
)

// Type sizes, in the drawing's units; a drawing is shown at half its units
// (a panel 500 px wide), so the smallest, 24, is 12 px on a handout.
const (
	sizeTitle = 46.0
	sizeStep  = 38.0
	sizeSub   = 27.0
	sizeName  = 26.0
	sizeKey   = 28.0
	sizeNote  = 28.0
)

func drawPanels(w *bufio.Writer, t *massage.Technique, items []drawItem, one bool) {
	cols := 1
	if len(items) > 1 {
		cols = 2
	}
	const gap = 40
	W := cols*panelW + (cols-1)*gap + 40
	title := t.Name
	if one && len(t.Steps) > 1 {
		title = fmt.Sprintf("%s — step %d of %d", t.Name, items[0].cells[0].p.Step, len(t.Steps))
	}
	titleLines := wrapText(title, sizeTitle, true, float64(W-40))
	keys := legendKeys(items)
	rows := legendRows(keys, float64(W-40))
	y := 56.0
	var titleYs []float64
	for range titleLines {
		titleYs = append(titleYs, y)
		y += 54
	}
	legendY := y + 2
	head := legendY + float64(len(rows)-1)*48 + 40

	// every panel's header and notes take the room the tallest needs
	top, notes := 0.0, 0
	heads := make([]panelHead, len(items))
	for i, it := range items {
		heads[i] = headOf(&it.cells[0].p, it.cells[0].s)
		top = math.Max(top, heads[i].height)
		notes = max(notes, len(wrapNotes(it.cells[0].p)))
	}
	panelH := top + 1000 + 20 + float64(notes*lineH) + 10
	nrows := (len(items) + cols - 1) / cols
	H := head + float64(nrows)*panelH + float64(nrows-1)*gap + 20

	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" class="kn" viewBox="0 0 %d %.0f" width="%d" height="%.0f" role="img" aria-label="%s">`,
		W, H, W/2, H/2, esc(title+": how the hands move"))
	fmt.Fprintf(w, "<style>%s</style>", Style)
	fmt.Fprintf(w, `<rect class="kn-bg" width="%d" height="%.0f"/>`, W, H)
	for i, line := range titleLines {
		fmt.Fprintf(w, `<text class="kn-title" x="20" y="%.0f" style="font-size:%.0fpx">%s</text>`, titleYs[i], sizeTitle, esc(line))
	}
	legend(w, 20, legendY, rows)
	for i, it := range items {
		x := 20 + (i%cols)*(panelW+gap)
		y := head + float64(i/cols)*(panelH+gap)
		fmt.Fprintf(w, `<g transform="translate(%d,%.0f)">`, x, y)
		panel(w, t, it, heads[i], top)
		w.WriteString("</g>")
	}
	w.WriteString("</svg>\n")
}

// wrapText breaks a line into lines no wider than width.
func wrapText(s string, size float64, bold bool, width float64) []string {
	var out []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && textWidth(try, size, bold) > width {
			out = append(out, line)
			line = word
			continue
		}
		line = try
	}
	if line != "" || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// legendKey is one mark the legend explains.
type legendKey struct {
	kind  string // left, right, lift, hold, keep
	label string
}

func (k legendKey) width() float64 { return 72 + textWidth(k.label, sizeKey, false) + 30 }

// legendKeys lists the marks the drawing uses: always the two hands, and a
// lifted hand, a holding hand and the band beside the spine when they appear.
func legendKeys(items []drawItem) []legendKey {
	var lift, hold, back, site bool
	for _, it := range items {
		for _, c := range it.cells {
			if v, ok := ViewByID(c.p.View); ok {
				back = back || v.spine()
				site = site || len(siteSpots(&v)) > 0
			}
			for _, m := range c.p.marks {
				lift = lift || m.kind == mkLift
				hold = hold || m.kind == mkHold
			}
		}
	}
	// a hand that works through a tool (a ball) is named by the tool; with
	// a tool the legend lists only what is drawn
	named := map[string][]string{}
	anyTool := false
	for _, it := range items {
		for _, c := range it.cells {
			for _, h := range c.p.Hands {
				if h.Role == "hold" || len(h.Passes) == 0 {
					continue
				}
				l := handLabel(c.s, h.Hand)
				anyTool = anyTool || l != h.Hand+" hand"
				if !containsStr(named[h.Hand], l) {
					named[h.Hand] = append(named[h.Hand], l)
				}
			}
		}
	}
	var keys []legendKey
	for _, id := range []string{"left", "right"} {
		switch {
		case len(named[id]) > 0:
			keys = append(keys, legendKey{id, strings.Join(named[id], " or ")})
		case !anyTool:
			keys = append(keys, legendKey{id, id + " hand"})
		}
	}
	if lift {
		keys = append(keys, legendKey{"lift", "hand lifted"})
	}
	if hold {
		keys = append(keys, legendKey{"hold", "holds still"})
	}
	if back {
		keys = append(keys, legendKey{"keep", "keep off the spine"})
	}
	if site {
		keys = append(keys, legendKey{"site", "light, flat touch only"})
	}
	return keys
}

// handLabel names what a hand works with in a step: "right hand", or the
// tool it presses through ("ball") when every part it works with is one.
func handLabel(s *massage.Step, id string) string {
	tool := ""
	for _, h := range handsOf(s) {
		if h.id != id || h.role == "hold" {
			continue
		}
		for _, p := range h.parts {
			if !massage.IsTool(p) {
				return id + " hand"
			}
			tool = massage.PartName(p)
		}
	}
	if tool == "" {
		return id + " hand"
	}
	return tool
}

// tagLetter is the letter on a hand's start tag: L, R, or the tool's first.
func tagLetter(s *massage.Step, id string) string {
	return strings.ToUpper(handLabel(s, id)[:1])
}

func legendRows(keys []legendKey, width float64) [][]legendKey {
	var rows [][]legendKey
	var row []legendKey
	used := 0.0
	for _, k := range keys {
		if len(row) > 0 && used+k.width() > width {
			rows = append(rows, row)
			row, used = nil, 0
		}
		row = append(row, k)
		used += k.width()
	}
	return append(rows, row)
}

// legend explains the marks once, above the panels.
func legend(w *bufio.Writer, x, y float64, rows [][]legendKey) {
	fmt.Fprintf(w, `<g class="kn-legend" transform="translate(%.0f,%.0f)">`, x, y)
	for r, row := range rows {
		dx, dy := 0.0, float64(r)*48
		for _, k := range row {
			switch k.kind {
			case "left", "right":
				fmt.Fprintf(w, `<g class="kn-%s"><path class="kn-stroke" d="M%.0f,%.0f L%.0f,%.0f"/>`, k.kind, dx, dy-10, dx+50, dy-10)
				arrow(w, Point{dx + 60, dy - 10}, Point{1, 0}, 26, "kn-head")
				w.WriteString("</g>")
			case "lift":
				fmt.Fprintf(w, `<g class="kn-right"><path class="kn-lift" d="M%.0f,%.0f L%.0f,%.0f"/></g>`, dx, dy-10, dx+56, dy-10)
			case "hold":
				fmt.Fprintf(w, `<g class="kn-right"><circle class="kn-hold" cx="%.0f" cy="%.0f" r="17"/></g>`, dx+30, dy-10)
			case "keep":
				fmt.Fprintf(w, `<rect class="kn-keep" x="%.0f" y="%.0f" width="44" height="40" style="opacity:.3"/>`, dx+8, dy-30)
			case "site":
				fmt.Fprintf(w, `<circle class="kn-keep" cx="%.0f" cy="%.0f" r="18" style="opacity:.3"/>`, dx+30, dy-10)
			}
			fmt.Fprintf(w, `<text class="kn-key" x="%.0f" y="%.0f">%s</text>`, dx+72, dy, esc(k.label))
			dx += k.width()
		}
	}
	w.WriteString("</g>")
}

// panelHead is a step's title and summary, broken into lines.
type panelHead struct {
	title, sub []string
	height     float64
}

func headOf(p *StepPath, s *massage.Step) panelHead {
	title := p.Title
	if title == "" {
		title = massage.Motions.Name(p.Motion)
	}
	h := panelHead{
		title: wrapText(fmt.Sprintf("%d. %s", p.Step, title), sizeStep, true, panelW),
		sub:   wrapText(summary(p, s), sizeSub, false, panelW),
	}
	h.height = 40 + float64(len(h.title)-1)*46 + 44 + float64(len(h.sub)-1)*36 + 36
	return h
}

// panel draws one step: its title, what it is in words, the pictures of
// the chart with the hands' paths, and notes.
func panel(w *bufio.Writer, t *massage.Technique, it drawItem, h panelHead, top float64) {
	y := 40.0
	for _, line := range h.title {
		fmt.Fprintf(w, `<text class="kn-title" x="0" y="%.0f">%s</text>`, y, esc(line))
		y += 46
	}
	y += 44 - 46
	for _, line := range h.sub {
		fmt.Fprintf(w, `<text class="kn-sub" x="0" y="%.0f">%s</text>`, y, esc(line))
		y += 36
	}
	p := &it.cells[0].p
	fmt.Fprintf(w, `<g transform="translate(0,%.0f)">`, top)
	rects := cellRects(len(it.cells))
	for i, c := range it.cells {
		id := fmt.Sprintf("kn-%s-%d-%d", t.ID, p.Step, i)
		drawCell(w, id, rects[i], &c.p, c.s, caption(&c.p, c.s, len(it.cells) > 1))
	}
	w.WriteString("</g>")
	y = top + 1000 + 20 + lineH - 8
	for _, line := range wrapNotes(*p) {
		fmt.Fprintf(w, `<text class="kn-note" x="0" y="%.0f">%s</text>`, y, esc(line))
		y += lineH
	}
}

// cellRects splits a panel's 1000 × 1000 box into n pictures: one, two
// side by side, or two by two.
func cellRects(n int) []box {
	switch {
	case n <= 1:
		return []box{{0, 0, 1000, 1000}}
	case n == 2:
		return []box{{0, 0, 490, 1000}, {510, 0, 1000, 1000}}
	}
	out := []box{{0, 0, 490, 490}, {510, 0, 1000, 490}, {0, 510, 490, 1000}, {510, 510, 1000, 1000}}
	if n == 3 {
		out[2] = box{255, 510, 745, 1000}
	}
	return out[:min(n, maxCells)]
}

// caption names what a picture shows: the panel of a chart with panels (the
// sole), or, among several pictures, the places.
func caption(p *StepPath, s *massage.Step, several bool) string {
	for _, pn := range viewByID[p.View].Panels {
		if pn.ID == p.Panel {
			return pn.Name
		}
	}
	if !several {
		return ""
	}
	var names []string
	for _, id := range s.At {
		if len(spots[p.View][id]) == 0 {
			continue
		}
		l, _ := massage.LandmarkByID(id)
		if n := shortName(l.Name); !containsStr(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
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
		hs = append(hs, handLabel(s, h.Hand))
	}
	switch {
	case len(hs) == 1:
		parts = append(parts, hs[0])
	case len(hs) == 2 && hs[0] == "left hand" && hs[1] == "right hand", len(hs) == 2 && hs[0] == "right hand" && hs[1] == "left hand":
		parts = append(parts, "both hands")
	case len(hs) == 2:
		parts = append(parts, hs[0]+" and "+hs[1])
	}
	if p.Passes > 1 && p.Motion != "hold" {
		if s.Side == "each" && p.Passes%2 == 0 {
			// the drawing shows one side; the note says the other follows
			limb := map[string]string{"foot": "foot", "hand": "hand", "arm": "arm", "leg": "leg"}[p.View]
			if limb == "" {
				limb = "side"
			}
			parts = append(parts, fmt.Sprintf("%s on each %s", passes(p.Passes/2), limb))
		} else {
			parts = append(parts, passes(p.Passes))
		}
	}
	parts = append(parts, massage.Seconds(math.Round(p.Seconds)))
	parts = append(parts, p.Level)
	return strings.Join(parts, " · ")
}

func passes(n int) string {
	if n == 1 {
		return "1 pass"
	}
	return fmt.Sprintf("%d passes", n)
}

// wrapNotes gives the notes as lines short enough for a panel.
func wrapNotes(p StepPath) []string {
	var out []string
	for _, n := range p.Notes {
		out = append(out, wrapText(n, sizeNote, false, panelW-20)...)
	}
	return out
}

// shortName drops an explanation in brackets or after a comma.
func shortName(s string) string {
	if i := strings.IndexAny(s, "(,"); i > 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

func esc(s string) string { return html.EscapeString(s) }

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
