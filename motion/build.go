package motion

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/knead/knead/massage"
)

// builder lays a step out in phases and passes, runs the move for each
// pass, and samples the tracks.
type builder struct {
	c       *stepCtx
	p       *StepPath
	profile string
	tracks  map[string]*track // by physical hand: left, right
	order   []string

	passTime float64 // seconds for the pass being built; 0 while measuring
	draw     bool    // keep marks for a drawing
	measure  bool    // stop once the step's duration is known
	drawing  bool    // marks of this pass are drawn
	marks    []mark
	spans    map[string][]span
	curves   []cachedCurve // smooth curves already made for this step
	starts   []start       // where each drawn pass starts (for numbering)
	numbered bool          // the move numbered its own spots
	passes   int           // passes in the step
	limShare float64       // the share of the limits moves are laid out within
	lim      Limits        // the limits: Knead's or lower ones
	stretch  float64       // how much longer than the tempo's a repeat within a pass is
	fewer    float64       // by how much to cut a step's repeats to fit a routine's time
	spare    [][]Sample    // samples of the step's earlier tries not kept, to lay out again
	sc       *scratch      // the compiling goroutine's segments to reuse, or nil
}

// start is where a drawn pass starts, in which phase and by which hand.
type start struct {
	at    Point
	phase int
	hand  string
}

type span struct {
	n      int
	t0, t1 float64
}

// assign puts a hand in a phase: which hand (after a swap), which side's
// spots it uses.
type assign struct {
	h    *hand
	id   string
	side string
}

type phase struct {
	work, holds []assign
	passes      int
	alternate   bool
	draw        bool
}

// run is one working hand in one pass.
type run struct {
	a     assign
	pts   []Point
	spots []Spot
	tr    *track
	turn  float64 // +1 clockwise as drawn, -1 counterclockwise
	hide  bool    // the far hand of a profile: not drawn
	// guideless: the hand shares its line with the other; one guide shows both
	guideless bool
}

func other(id string) string {
	if id == "left" {
		return "right"
	}
	return "left"
}

func (b *builder) run(hands []*hand, seconds float64) error {
	c := b.c
	var work, holds []*hand
	for _, h := range hands {
		if h.role == "hold" {
			holds = append(holds, h)
		} else {
			work = append(work, h)
		}
	}
	phases := b.phases(work, holds)

	// The step's time: what the routine gives, the step's usual time, or the
	// time its passes take at its tempo.
	d := seconds
	if d <= 0 {
		s := c.s.Seconds
		switch {
		case s.Usual > 0:
			d = s.Usual
		case s.Least > 0 && s.Most > 0:
			d = (s.Least + s.Most) / 2
		}
	}
	reps := 0
	if !c.s.Repeat.IsZero() {
		reps = (c.s.Repeat.Least + c.s.Repeat.Most + 1) / 2
		if b.fewer > 1 && (seconds > 0 || b.lim != DefaultLimits) {
			// a routine gives the step less time than its repeats need
			// within the limits (or the limits are lowered): fewer of them
			reps = max(1, int(float64(reps)/b.fewer))
		}
	}
	natural := b.natural(phases[0])
	if d <= 0 {
		n := reps
		if n == 0 {
			n = 3
		}
		d = natural * float64(n) * float64(len(phases))
	}
	d = math.Max(math.Round(d*Rate), 1) / Rate
	b.p.Seconds = d
	if b.measure {
		return nil
	}

	per := d / float64(len(phases))
	for i := range phases {
		ph := &phases[i]
		switch {
		case len(ph.work) == 0 || c.s.Motion == "hold":
			ph.passes = 1
		case reps > 0:
			ph.passes = reps
		case onePass(c):
			ph.passes = 1
		default:
			// whole passes that fit: a pass is never squeezed much below
			// its time at the step's tempo
			ph.passes = max(1, int(per/natural+0.25))
		}
		if ph.alternate && ph.passes < 2 {
			ph.passes = 2
		}
		if lanes := b.lanes(); lanes > 1 && reps == 0 {
			// grooves side by side: every groove as often as the others
			ph.passes = (ph.passes + lanes - 1) / lanes * lanes
		}
		b.passes += ph.passes
	}

	used := map[string]bool{}
	for _, ph := range phases {
		for _, a := range append(append([]assign(nil), ph.work...), ph.holds...) {
			used[a.id] = true
		}
	}
	for _, id := range []string{"left", "right"} {
		if used[id] {
			b.tracks[id] = b.newTrack()
			b.order = append(b.order, id)
		}
	}
	b.spans = map[string][]span{}
	now, n := 0.0, 0
	for pi, ph := range phases {
		pt := per / float64(ph.passes)
		for k := 0; k < ph.passes; k++ {
			n++
			ws := ph.work
			if ph.alternate {
				ws = []assign{ph.work[k%len(ph.work)]}
			}
			b.passTime = pt
			b.drawing = ph.draw && b.draw
			from := map[string]int{}
			for id, tr := range b.tracks {
				from[id] = len(tr.segs)
				tr.pass = n
			}
			// a pass whose moves need more time than it has is laid out
			// again with fewer repeats in it (a few times at most)
			nmarks, numbered := len(b.marks), b.numbered
			var runs []*run
			for try, last := 0, math.Inf(1); ; try++ {
				runs = b.runs(ws)
				if len(runs) == 0 {
					break
				}
				moves[c.s.Motion](b, runs, k)
				full := 0.0
				for id, tr := range b.tracks {
					var d float64
					for _, g := range tr.segs[from[id]:] {
						d += g.dur
					}
					full = math.Max(full, d/pt)
				}
				if full <= 1.02 || full >= last*0.98 || try == 4 {
					break
				}
				last = full
				b.stretch *= full
				for id, tr := range b.tracks {
					tr.segs = tr.segs[:from[id]]
				}
				b.marks, b.numbered = b.marks[:nmarks], numbered
			}
			if len(runs) > 0 {
				if b.drawing {
					if p, ok := firstPoint(runs[0].tr, from[runs[0].a.id]); ok {
						b.starts = append(b.starts, start{p, pi, runs[0].a.id})
					}
				}
			}
			busy := map[string]bool{}
			for _, r := range runs {
				busy[r.a.id] = true
				b.spans[r.a.id] = append(b.spans[r.a.id], span{n, now, now + pt})
			}
			for _, a := range ph.holds {
				if busy[a.id] {
					// the hand holds with some fingers while others work:
					// drawn as holding, its track follows the work
					b.holdMark(a)
					continue
				}
				busy[a.id] = true
				hp := b.holdPoint(a)
				b.tracks[a.id].still(hp, pt, true, pressLight)
				b.holdMark(a)
				if len(ph.work) == 0 {
					b.spans[a.id] = append(b.spans[a.id], span{n, now, now + pt})
				}
			}
			for id, tr := range b.tracks {
				if !busy[id] {
					p, ok := tr.last()
					if !ok {
						p = b.restPoint(id)
					}
					tr.still(p, pt, false, nil)
				}
				tr.fit(from[id], pt)
			}
			now += pt
		}
	}
	b.sample(hands)
	b.number()
	b.notes(phases)
	b.p.marks = dedupe(b.marks)
	b.p.Passes = b.passes
	return nil
}

// lanes is how many grooves side by side a glide works in turn (the
// tendons on top of the foot), or 0.
func (b *builder) lanes() int {
	c := b.c
	if c.s.Motion != "glide" || len(c.route) == 0 {
		return 0
	}
	if s, ok := spotOn(c.v, c.panel, c.route[0], ""); ok {
		return s.Lanes
	}
	return 0
}

// onePass is true for moves that make one long pass unless the step counts
// repeats: circles on one spot or around a place, a joint turned.
func onePass(c *stepCtx) bool {
	switch c.s.Motion {
	case "rotate", "hold":
		return true
	case "circle":
		return c.has("around") || c.has("in-place") || len(c.route) == 1 && c.incr == 0
	case "knead", "rub":
		return c.has("in-place")
	}
	return false
}

// travels reports whether the step's directions move it from place to place.
func travels(c *stepCtx) bool {
	for d := range c.dirs {
		switch d {
		case "in-place", "around", "across", "side-to-side", "back-and-forth":
		default:
			return true
		}
	}
	return false
}

// phases lays the step's sides out in time.
func (b *builder) phases(work, holds []*hand) []phase {
	c := b.c
	as := func(hs []*hand, side func(h *hand) string, swap bool) []assign {
		var out []assign
		for _, h := range hs {
			id := h.id
			if swap {
				id = other(id)
			}
			out = append(out, assign{h: h, id: id, side: side(h)})
		}
		return out
	}
	own := func(h *hand) string { return h.id }
	fixed := func(s string) func(*hand) string { return func(*hand) string { return s } }
	one := phase{work: as(work, own, false), holds: as(holds, own, false), draw: true}
	switch c.s.Side {
	case "left", "right":
		one.work, one.holds = as(work, fixed(c.s.Side), false), as(holds, fixed(c.s.Side), false)
		return []phase{one}
	case "each":
		if c.v.Sides {
			l := phase{work: as(work, fixed("left"), false), holds: as(holds, fixed("left"), false), draw: true}
			r := phase{work: as(work, fixed("right"), false), holds: as(holds, fixed("right"), false), draw: true}
			return []phase{l, r}
		}
		two := one
		two.draw = false
		return []phase{one, two}
	case "swap-hands":
		two := phase{work: as(work, own, true), holds: as(holds, own, true)}
		return []phase{one, two}
	case "alternate":
		ws := work
		if len(ws) == 1 {
			// one hand named: the two hands take turns, each on its side
			h := *ws[0]
			h2 := h
			h2.id = other(h.id)
			ws = []*hand{&h, &h2}
		}
		side := own
		if c.v.Sides {
			// a hand taking its turn works the side across from it: on
			// yourself it reaches over to the other side; on a partner
			// lying face down, the giver at their side, the right hand
			// works the receiver's left (back-circling-hands, after
			// 001_c37508f760ff466b.txt)
			side = func(h *hand) string { return other(h.id) }
		}
		// the hand the step names first starts
		ph := phase{work: as(ws, side, false), holds: as(holds, own, false), alternate: true, draw: true}
		return []phase{ph}
	}
	return []phase{one}
}

// natural measures how long one pass takes at the step's tempo.
func (b *builder) natural(ph phase) float64 {
	if len(ph.work) == 0 {
		return b.c.period
	}
	save := b.tracks
	b.tracks = map[string]*track{"left": b.newTrack(), "right": b.newTrack()}
	b.passTime, b.drawing = 0, false
	ws := ph.work
	if ph.alternate {
		ws = ws[:1]
	}
	runs := b.runs(ws)
	moves[b.c.s.Motion](b, runs, 0)
	d := 0.0
	for _, tr := range b.tracks {
		d = math.Max(d, tr.total())
	}
	b.sc.keep(b.tracks)
	b.tracks = save
	if d <= 0 {
		d = b.c.period
	}
	return d
}

func firstPoint(tr *track, from int) (Point, bool) {
	for _, s := range tr.segs[from:] {
		if s.contact {
			return s.at(0), true
		}
	}
	return Point{}, false
}

// runs places the working hands of a pass on the chart.
func (b *builder) runs(as []assign) []*run {
	c := b.c
	var out []*run
	for _, a := range as {
		r := &run{a: a, tr: b.tracks[a.id]}
		ids := a.h.at
		if len(ids) == 0 {
			ids = c.route
		}
		r.pts, r.spots = make([]Point, 0, len(ids)), make([]Spot, 0, len(ids))
		count := map[string]int{}
		for _, id := range ids {
			count[id]++
		}
		seen := map[string]int{}
		for _, id := range ids {
			side := a.side
			if count[id] > 1 && paired[id] {
				// a pair named twice: from one side to the other
				side = []string{"left", "right"}[seen[id]%2]
			}
			seen[id]++
			s, ok := spotOn(c.v, c.panel, id, side)
			if !ok {
				c.missing[id] = true
				continue
			}
			r.pts = append(r.pts, s.At)
			r.spots = append(r.spots, s)
		}
		if len(r.pts) == 0 {
			p := b.restPoint(a.id)
			r.pts, r.spots = []Point{p}, []Spot{{At: p}}
		}
		r.turn = b.turnOf(a, len(as))
		out = append(out, r)
	}
	if len(out) == 2 {
		if c.s.Motion == "tap" || c.s.Motion == "chop" {
			// strikes take turns on one line: the second hand's drawn guide
			// would lie on the first's
			out[1].guideless = true
		} else {
			b.share(out[0], out[1])
		}
	}
	if c.v.spine() {
		for _, r := range out {
			b.clearSpine(r)
		}
	}
	return out
}

// share moves two hands apart where they would meet the same spot: across
// the route, the left hand to the left. On a profile, a place that comes
// in pairs is met by both hands, the far one hidden.
func (b *builder) share(r0, r1 *run) {
	c := b.c
	if r0.a.id == "right" {
		r0, r1 = r1, r0
	}
	gap := c.v.Gap
	if allParts(r0, "thumbs") && allParts(r1, "thumbs") {
		gap = math.Min(gap, thumbGap) // thumbs side by side
	}
	half := c.v.mm(gap) / 2
	n := min(len(r0.pts), len(r1.pts))
	if c.s.Motion == "glide" && strings.Contains(strings.ToLower(c.s.Say), "stack") {
		// the cue stacks one hand on the other: they move as one, the
		// lower hand drawn
		r0.hide, c.stacked = true, true
		return
	}
	if c.v.Profile && len(r0.pts) == len(r1.pts) && c.s.Motion != "knead" && c.s.Motion != "squeeze" {
		// on a profile, two hands on the same way work the two sides of
		// the head or limb: the near hand is drawn, the far one is not
		// (hands that grasp toward each other are drawn side by side)
		same := true
		for i := range r0.pts {
			same = same && r0.pts[i].dist(r1.pts[i]) <= 1e-9
		}
		if same {
			r0.hide, c.mirror = true, true
			return
		}
	}
	for i := 0; i < n; i++ {
		if r0.pts[i].dist(r1.pts[i]) > 1e-9 {
			continue
		}
		if c.v.Profile && isBilateral(r0.spots[i].Landmark) {
			r0.hide, c.mirror = true, true
			continue
		}
		// the way the two hands travel there, together
		d := Point{}
		for _, r := range []*run{r0, r1} {
			if len(r.pts) > 1 {
				d = d.add(r.pts[min(i+1, len(r.pts)-1)].sub(r.pts[max(i-1, 0)]).norm())
			}
		}
		// off points from the left hand to the right: across the route, to
		// the right of the chart (or down it, for a route that runs across)
		off := across(c.v)
		if d.len() > 1e-9 {
			off = d.norm().perp()
			if off.X < -1e-6 || math.Abs(off.X) <= 1e-6 && off.Y < 0 {
				off = off.mul(-1)
			}
		}
		r0.pts[i] = r0.pts[i].sub(off.mul(half))
		r1.pts[i] = r1.pts[i].add(off.mul(half))
	}
}

// thumbGap is how far apart (mm) two thumbs side by side work.
const thumbGap = 28.0

func allParts(r *run, part string) bool {
	for _, p := range r.a.h.parts {
		if p != part {
			return false
		}
	}
	return len(r.a.h.parts) > 0
}

// across is the direction across a chart's limb: sideways, or up and down
// for the arm held out.
func across(v *View) Point {
	if v.ID == "arm" {
		return Point{0, 1}
	}
	return Point{1, 0}
}

// reach is how far a hand's contact strays from its route: a circle's
// radius, the spread of raking fingers.
func (b *builder) reach() float64 {
	c := b.c
	switch c.s.Motion {
	case "circle", "rotate":
		return c.radius
	case "rake", "draw-through":
		return traceHalf(c)
	case "knead":
		return c.v.mm(12)
	case "rub":
		return rubAmp(c)
	}
	return 0
}

// margin keeps geometry a little further from the spine than the least it
// may come, so rounding never decides.
const margin = 8.0

// clearSpine moves a hand's places on the back out from the spine far
// enough that nothing it does in contact comes within spineClearance.
func (b *builder) clearSpine(r *run) {
	v := b.c.v
	need := v.mm(spineClearance+margin) + b.reach()
	for i, p := range r.pts {
		dx := p.X - 0.5
		if math.Abs(dx) >= need {
			continue
		}
		sg := 1.0
		if dx < 0 || dx == 0 && r.a.side == "left" {
			sg = -1
		}
		r.pts[i].X = 0.5 + sg*need
	}
}

// turnOf says which way a hand circles: its own turn, the step's, or, for
// "opposite", the left hand clockwise and the right counterclockwise. With
// no turn given, two hands on a chart of both sides mirror each other (left
// counterclockwise, right clockwise); one hand goes clockwise.
func (b *builder) turnOf(a assign, hands int) float64 {
	t := a.h.turn
	if t == "" {
		t = b.c.s.Turn
	}
	switch t {
	case "clockwise":
		return 1
	case "counterclockwise":
		return -1
	case "opposite":
		if a.id == "left" {
			return 1
		}
		return -1
	}
	if hands == 2 && b.c.v.Sides && a.id == "left" {
		return -1
	}
	return 1
}

// holdPoint is where a holding hand rests.
func (b *builder) holdPoint(a assign) Point {
	c := b.c
	ids := a.h.at
	apart := false
	if len(ids) == 0 {
		if c.s.Motion == "hold" {
			// the whole step holds: both hands on its place, side by side
			ids, apart = c.marks, true
		} else {
			ids = []string{c.v.Hold[c.panel]}
		}
	}
	for _, id := range ids {
		s, ok := spotOn(c.v, c.panel, id, a.side)
		for _, pn := range c.v.Panels {
			if !ok {
				// a hand may hold the foot on its other face
				s, ok = spotOn(c.v, pn.ID, id, a.side)
			}
		}
		if ok {
			p := s.At
			if apart && s.Side == "" {
				sg := 1.0
				if a.id == "left" {
					sg = -1
				}
				p = p.add(across(c.v).mul(sg * c.v.mm(c.v.Gap) / 2))
			}
			return p
		}
		c.missing[id] = true
	}
	return Point{0.5, 0.5}
}

func (b *builder) holdMark(a assign) {
	if !b.drawing {
		return
	}
	name := ""
	ids := a.h.at
	if len(ids) == 0 && b.c.s.Motion != "hold" {
		ids = []string{b.c.v.Hold[b.c.panel]}
	}
	id := ""
	if len(ids) > 0 {
		l, _ := massage.LandmarkByID(ids[0])
		name, id = shortName(l.Name), ids[0]
	}
	b.marks = append(b.marks, mark{kind: mkHold, hand: a.id, pts: []Point{b.holdPoint(a)}, text: name, id: id})
}

// restPoint is where a hand waits when the step names nothing for it.
func (b *builder) restPoint(id string) Point {
	c := b.c
	for _, m := range c.marks {
		if s, ok := spotOn(c.v, c.panel, m, id); ok {
			return s.At
		}
	}
	if m := areaViews[c.t.Areas[0]].mark; m != "" {
		if s, ok := spotOn(c.v, c.panel, m, id); ok {
			return s.At
		}
	}
	for _, p := range c.v.Panels {
		if p.ID == c.panel {
			return Point{(p.X0 + p.X1) / 2, 0.5}
		}
	}
	return Point{0.5, 0.5}
}

// mark adds a piece of the drawing while the pass is drawn.
func (b *builder) mark(k markKind, hand string, pts ...Point) {
	if b.drawing {
		b.marks = append(b.marks, mark{kind: k, hand: hand, pts: pts})
	}
}

// label numbers a spot the hands work in order.
func (b *builder) label(hand string, p Point, n int) {
	if b.drawing {
		b.marks = append(b.marks, mark{kind: mkNum, hand: hand, pts: []Point{p}, text: itoa(n)})
	}
}

func (b *builder) markText(r *run, k markKind, text string, pts ...Point) {
	if b.drawing && !r.hide {
		b.marks = append(b.marks, mark{kind: k, hand: r.a.id, pts: pts, text: text})
	}
}

// markRun marks a piece of run r's drawing. Points that take work to make
// (thin, loop, bulge) are made only while drawing: an export lays out
// every step with no drawing (they were about 1 MB of an hour's export).
func (b *builder) markRun(r *run, k markKind, pts ...Point) {
	if !r.hide {
		b.mark(k, r.a.id, pts...)
	}
}

// count is how many times a unit of nominal seconds fits n times into the
// pass; when measuring, the usual number.
func (b *builder) count(unit float64, n, usual int) int {
	if b.passTime <= 0 {
		return usual
	}
	return max(1, int(b.passTime/(unit*b.stretch*float64(max(n, 1)))+0.25))
}

// sample turns the tracks into samples every 1/Rate seconds.
func (b *builder) sample(hands []*hand) {
	p := b.p
	N := int(math.Round(p.Seconds * Rate))
	for _, id := range b.order {
		tr := b.tracks[id]
		hp := HandPath{Hand: id, Colour: colourOf(id), Role: "hold"}
		var parts []string
		for _, h := range hands {
			if h.id == id && h.role != "hold" {
				hp.Role = h.role
				parts = append(parts, h.part())
			}
		}
		if len(b.spans[id]) > 0 && hp.Role == "hold" && b.c.s.Motion != "hold" {
			// a hand that takes its turn in place of the one the step names
			hp.Role = "work"
		}
		if len(parts) == 0 {
			for _, h := range hands {
				if h.id == id {
					parts = append(parts, h.part())
				}
			}
		}
		if len(parts) == 0 {
			// a hand the step does not name, taking its turn
			for _, h := range hands {
				if h.role != "hold" {
					parts = append(parts, h.part())
					break
				}
			}
		}
		hp.Part = join(parts)
		if b.c.s.Motion == "rake" || b.c.s.Motion == "draw-through" {
			hp.Traces = traces(b.c)
		}
		hp.Samples = b.samples(N + 1)
		si, t0 := 0, 0.0
		for k := 0; k <= N; k++ {
			t := float64(k) / Rate
			for si < len(tr.segs)-1 && t >= t0+tr.segs[si].dur-1e-9 {
				t0 += tr.segs[si].dur
				si++
			}
			g := &tr.segs[si]
			f := 1.0
			if g.dur > 0 {
				f = min(1, max(0, (t-t0)/g.dur))
			}
			pt := g.at(minJerk(f))
			s := Sample{T: t, X: pt.X, Y: pt.Y, Contact: g.contact}
			if g.contact {
				pr := b.base(g.pass)
				if g.press != nil {
					var d Point
					if g.needDir {
						d = g.dir(minJerk(f))
					}
					pr *= g.press(f, d)
				}
				s.Pressure = min(1, max(0, pr))
			}
			hp.Samples[k] = s
		}
		for _, sp := range b.spans[id] {
			hp.Passes = append(hp.Passes, Pass{Number: sp.n, Start: sampleAt(sp.t0), End: min(sampleAt(sp.t1), N+1)})
		}
		if n := len(hp.Passes); n > 0 && hp.Passes[n-1].End == N {
			hp.Passes[n-1].End = N + 1
		}
		p.Hands = append(p.Hands, hp)
	}
}

// samples gives n samples to fill, every one of them: a spare buffer
// when one is large enough.
func (b *builder) samples(n int) []Sample {
	for i, s := range b.spare {
		if cap(s) >= n {
			b.spare = append(b.spare[:i], b.spare[i+1:]...)
			return s[:n]
		}
	}
	return make([]Sample, n)
}

func sampleAt(t float64) int { return int(math.Ceil(t*Rate - 1e-6)) }

// base is the pressure of a pass before the shape of the stroke: even, or
// building from the level to the top of its range over the passes.
func (b *builder) base(pass int) float64 {
	lo, hi := b.p.levels[0], b.p.levels[1]
	if b.profile != "build" || b.passes < 2 {
		return lo
	}
	f := float64(pass-1) / float64(b.passes-1)
	if hi == lo {
		return lo * (0.75 + 0.25*f)
	}
	return lo + (hi-lo)*f
}

func join(ss []string) string {
	switch len(ss) {
	case 0:
		return ""
	case 1:
		return ss[0]
	}
	out := ss[0]
	for _, s := range ss[1:] {
		out += "; " + s
	}
	return out
}

// number labels the drawn passes: a number at each start when the passes
// start in different places, "×N" when they lie on top of each other. The
// passes of one side (a phase) that all start together are "×N" for that
// side, the note saying the other side follows; passes the hands take in
// turn from one place are left to the note that says so.
func (b *builder) number() {
	if len(b.starts) == 0 {
		return
	}
	hand := b.order[len(b.order)-1]
	for _, m := range b.marks {
		if m.kind != mkHold {
			hand = m.hand
			break
		}
	}
	// every phase's passes start at one place: ×N, N counted per phase
	together, hands := true, map[string]bool{}
	perPhase := map[int]int{}
	first := map[int]Point{}
	for _, s := range b.starts {
		hands[s.hand] = true
		if p, ok := first[s.phase]; ok && p.dist(s.at) > 0.01 {
			together = false
		} else if !ok {
			first[s.phase] = s.at
		}
		perPhase[s.phase]++
	}
	samePlace := true
	for _, p := range first {
		samePlace = samePlace && p.dist(b.starts[0].at) <= 0.01
	}
	if together && samePlace {
		n := perPhase[b.starts[0].phase]
		if n > 1 && len(hands) == 1 {
			b.marks = append(b.marks, mark{kind: mkTimes, hand: hand, pts: []Point{b.starts[0].at}, text: fmt.Sprintf("×%d", n)})
		}
		return
	}
	if b.numbered {
		return
	}
	// passes that start at the same place share one label: "1, 3"
	var at []Point
	labels := map[int][]string{}
	for i, s := range b.starts {
		k := -1
		for j, q := range at {
			if q.dist(s.at) < 0.01 {
				k = j
			}
		}
		if k < 0 {
			k = len(at)
			at = append(at, s.at)
		}
		labels[k] = append(labels[k], fmt.Sprint(i+1))
	}
	// a cycle of places gone round again and again (grooves side by side,
	// or each side's passes on top of each other): number the first round,
	// and say how many rounds
	rounds := len(labels[0])
	for k := range at {
		if len(labels[k]) != rounds {
			rounds = 0
		}
	}
	for k, p := range at {
		text := labels[k][0]
		if rounds >= 2 {
			// the places in the order first met: a side's passes done
			// one after another (1, 2 on the left, 3, 4 on the right)
			// read 1 and 2, with "×2"
			text = fmt.Sprint(k + 1)
		}
		if rounds < 2 {
			for _, l := range labels[k][1:] {
				text += ", " + l
			}
		}
		b.marks = append(b.marks, mark{kind: mkNum, hand: "pass", pts: []Point{p}, text: text})
	}
	if rounds >= 2 {
		b.marks = append(b.marks, mark{kind: mkTimes, hand: hand, pts: []Point{at[0]}, text: fmt.Sprintf("×%d", rounds)})
	}
}

// notes say in words what the drawing shows once but the hands do again.
func (b *builder) notes(phases []phase) {
	c, p := b.c, b.p
	limb := map[string]string{"foot": "foot", "hand": "hand", "arm": "arm", "leg": "leg"}[c.v.ID]
	if limb == "" {
		limb = "side"
	}
	switch c.s.Side {
	case "swap-hands":
		p.Notes = append(p.Notes, "Then swap hands and do it again.")
	case "each":
		if c.v.Sides {
			p.Notes = append(p.Notes, "One side first, then the other.")
		} else {
			p.Notes = append(p.Notes, "Then the same on the other "+limb+".")
		}
	case "alternate":
		p.Notes = append(p.Notes, "The hands take turns, one side after the other.")
	}
	if c.mirror {
		p.Notes = append(p.Notes, "The left hand does the same on the far side.")
	}
	if c.stacked {
		p.Notes = append(p.Notes, "The hands are stacked, one on the other, and move together.")
	}
}

func dedupe(ms []mark) []mark {
	seen := map[string]bool{}
	var out []mark
	for _, m := range ms {
		k := []byte(fmt.Sprint(m.kind, m.hand, m.text))
		for _, p := range m.pts {
			k = append(k, ' ')
			k = strconv.AppendInt(k, int64(math.Round(p.X*1000)), 10)
			k = append(k, ',')
			k = strconv.AppendInt(k, int64(math.Round(p.Y*1000)), 10)
		}
		if !seen[string(k)] {
			seen[string(k)] = true
			out = append(out, m)
		}
	}
	return out
}
