package motion

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/knead/knead/massage"
)

// Options change how a step is compiled, for routines that give a
// technique more or less time, or a lighter pressure, than its own.
type Options struct {
	Seconds float64 // the step's duration; 0 keeps the step's usual time
	Level   string  // pressure level; "" keeps the step's own
	// Limits are the motion limits the step is laid out within: zero
	// fields keep Knead's defaults; lower ones make the moves slower and
	// fewer within the step's time (a step with a range of seconds and no
	// Seconds given may take up to its most).
	Limits Limits

	draw    bool // keep what the drawing needs (DrawSVG)
	measure bool // only work out the step's duration
	sc      *scratch
}

// CompileTechnique compiles every step of a technique to timed paths.
func CompileTechnique(t *massage.Technique) ([]StepPath, error) {
	out := make([]StepPath, 0, len(t.Steps))
	sc := &scratch{}
	for i := range t.Steps {
		p, err := CompileStep(t, i+1, Options{sc: sc})
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// CompileStep compiles step n (counted from 1) of a technique.
func CompileStep(t *massage.Technique, n int, o Options) (StepPath, error) {
	if t == nil {
		return StepPath{}, fmt.Errorf("no technique to compile")
	}
	if n < 1 || n > len(t.Steps) {
		return StepPath{}, fmt.Errorf("technique %s has %s; there is no step %d", t.ID, plural(len(t.Steps), "step"), n)
	}
	p, err := compile(t, n, o)
	var me *MotionError
	if err != nil && !errors.As(err, &me) { // a motion error names the step itself
		return StepPath{}, fmt.Errorf("technique %s step %d: %w", t.ID, n, err)
	}
	if err != nil {
		return StepPath{}, err
	}
	return p, nil
}

// Tempo defaults, strokes (or strikes) per minute, from
// shared/reference/motion-and-limits.md: gliding strokes 40–50 a minute and
// small circles 60–70 a minute (scienceofmassage.com, "speed of massage
// strokes"; integrativehealthcare.org), tapping 4–10 strikes a second and
// hacking 4–6 (integrativehealthcare.org; ivyroses.com). The sources give
// no figure for kneading, squeezing, pressing or turning a joint ("slow,
// rhythmical"); those are Knead's own, slow choices.
var tempo = map[string]float64{
	"glide":        45,
	"fan":          45,
	"rake":         45,
	"draw-through": 40,
	"circle":       65,
	"knead":        30,
	"squeeze":      24,
	"rotate":       30,
	"press-climb":  24,
	"rub":          90,
	"tap":          360, // 6 a second, both hands together
	"chop":         300, // 5 a second
	"hold":         30,
}

// defaultPart is the hand part a motion uses when a step names none.
var defaultPart = map[string]string{
	"glide": "palms", "fan": "palms", "circle": "finger-pads", "knead": "palms",
	"squeeze": "palms", "rake": "fingertips", "rotate": "fingers", "tap": "fingertips",
	"chop": "fingers", "press-climb": "fist", "rub": "palms", "draw-through": "fingers",
	"hold": "palms",
}

// circleRadius is the usual size (mm) of a circle made with a hand part:
// small circles cover about 3 cm (integrativehealthcare.org, friction), a
// flat hand about 3 cm of radius (open robotic-massage code, see
// shared/reference/motion-and-limits.md).
func circleRadius(parts []string) float64 {
	r := 0.0
	for _, p := range parts {
		v := 15.0
		switch p {
		case "palms", "whole-hand", "heels-of-hands":
			v = 30
		case "fist", "knuckles":
			v = 20
		case "forearm", "elbow":
			v = 25
		}
		r = math.Max(r, v)
	}
	if r == 0 {
		r = 15
	}
	return r
}

// bilateral landmarks come one on each side of the body, even where a chart
// (a profile) shows only one of them.
var bilateral = map[string]bool{"cheeks": true, "jaw-line": true, "jaw-joint": true}

func isBilateral(id string) bool { return bilateral[id] || paired[id] }

// hand is one physical hand in one role.
type hand struct {
	id    string // left, right
	role  string // work, hold, trail
	parts []string
	at    []string
	turn  string
}

func (h *hand) part() string {
	names := make([]string, len(h.parts))
	for i, p := range h.parts {
		names[i] = massage.HandParts.Name(p)
	}
	return strings.Join(names, " and ")
}

// stepCtx is what the moves need to know about the step being compiled.
type stepCtx struct {
	t       *massage.Technique
	s       *massage.Step
	n       int
	v       *View
	panel   string
	marks   []string // the step's landmarks and its hands' (inherited when it names none)
	route   []string // the places the working hands go, in order
	period  float64  // seconds per stroke
	radius  float64  // circle radius, unit square
	incr    float64  // increment, unit square (0 when none)
	dirs    map[string]int
	missing map[string]bool // landmarks the chart (or panel) does not show
	mirror  bool            // two hands on a profile meet the same spot, one on the far side
	stacked bool            // two hands stacked one on the other move as one
}

func (c *stepCtx) has(dir string) bool { _, ok := c.dirs[dir]; return ok }

func compile(t *massage.Technique, n int, o Options) (StepPath, error) {
	s := &t.Steps[n-1]
	if err := massage.Motions.Check(s.Motion); err != nil {
		return StepPath{}, err
	}
	marks, area := placeOf(t, n-1)
	v, err := viewFor(marks, area)
	if err != nil {
		return StepPath{}, err
	}
	if len(marks) == 0 {
		marks = []string{areaViews[area].mark}
	}
	c := &stepCtx{t: t, s: s, n: n, v: v, marks: marks, dirs: map[string]int{}, missing: map[string]bool{}}
	c.panel = panelFor(v, marks)
	c.route = s.At
	if len(c.route) == 0 {
		c.route = placeRoute(t, n-1, marks)
	}
	for i, d := range s.Direction {
		if _, ok := c.dirs[d]; !ok {
			c.dirs[d] = i
		}
	}
	tp := s.Tempo
	if tp <= 0 {
		tp = tempo[s.Motion]
	}
	c.period = 60 / tp
	hands := handsOf(s)
	var parts []string
	for _, h := range hands {
		if h.role != "hold" {
			parts = append(parts, h.parts...)
		}
	}
	rmm := circleRadius(parts)
	if !s.Radius.IsZero() {
		rmm = s.Radius.Metres() * 1000
	}
	rmm = math.Min(rmm, v.MaxRadius)
	c.radius = v.mm(rmm)
	if !s.Increment.IsZero() {
		c.incr = v.mm(s.Increment.Metres() * 1000)
	}

	p := StepPath{
		Technique: t.ID, Step: n, Title: s.Title, Say: s.Say, View: v.ID, Panel: c.panel,
		Motion: s.Motion, Transient: s.Motion == "tap" || s.Motion == "chop",
	}
	p.Area = areaOfStep(marks, t)
	pr := s.Pressure
	if pr.IsZero() {
		pr = t.Pressure
	}
	p.Level = pr.Level
	if p.Level == "" {
		p.Level = "moderate"
	}
	most := pr.Most
	if o.Level != "" {
		p.Level, most = routineLevel(pr, o.Level), ""
	}
	p.levels = [2]float64{levelPressure(p.Level), levelPressure(p.Level)}
	if pr.Profile == "build" && most != "" && o.Level == "" {
		p.levels[1] = levelPressure(most)
	}

	// a step whose moves come out faster than the limits allow is laid out
	// again at a slower tempo, a few times at most; what is still too fast
	// is refused
	lim := o.Limits.orDefault()
	// with lower limits and no time given, a step that has a range of
	// seconds may take up to its most when its usual time is too short
	durations := []float64{o.Seconds}
	if sec := s.Seconds; o.Seconds <= 0 && lim != DefaultLimits && sec.Most > 0 && sec.Most > sec.Usual {
		durations = append(durations, sec.Most)
	}
	first, period := p, c.period
	var best StepPath
	bestOver, bestChart := math.Inf(1), math.Inf(1)
	// the samples of a try that is not kept are laid out again by the
	// next one (a tenth of an hour's export was tries thrown away)
	var spare [][]Sample
	drop := func(q *StepPath) {
		for _, h := range q.Hands {
			spare = append(spare, h.Samples)
		}
	}
	// Knead's own limits fit every step within ten tries; lowered ones may
	// need a step far slower, so the tries go on, each a tenth slower than
	// the one before, up to about forty times the usual tempo
	tries := 10
	if lim != DefaultLimits {
		tries = 40
	}
	for _, secs := range durations {
		for try := 0; try < tries; try++ {
			p = first
			slow := slowdown(try)
			c.period = period * slow
			b := &builder{c: c, p: &p, profile: pr.Profile, tracks: map[string]*track{}, draw: o.draw, measure: o.measure,
				limShare: planShare / slow, lim: lim, stretch: 1, fewer: slow * slow, spare: spare, sc: o.sc}
			err := b.run(hands, secs)
			o.sc.keep(b.tracks)
			o.sc.reset() // the try is sampled: its curves are done with
			if err != nil {
				return StepPath{}, err
			}
			if o.measure {
				return p, nil
			}
			spare = b.spare
			over, onChart := overLimits(&p, v, lim)
			p.slow = slow
			if over < bestOver {
				drop(&best)
				best, bestOver, bestChart = p, over, onChart
			} else {
				drop(&p)
			}
			if over <= limitShare {
				break
			}
		}
		if bestOver <= limitShare {
			break
		}
	}
	p = best
	// a step whose fastest motion on the chart is well within every limit
	// (overLimits2D: its shares are those the check compares, to a few
	// bits) breaks none of them: the check would find nothing
	if bestChart > 0.95 {
		if err := checkMotion(&p, v.MM, lim); err != nil {
			var me *MotionError
			if errors.As(err, &me) && lim != DefaultLimits {
				me.Slowest = p.Seconds
				me.Needs = peak(&p, v.MM, me.What)
			}
			return StepPath{}, err
		}
	}
	if pr.Profile == "receiver-choice" && most != "" && o.Level == "" {
		p.Notes = append(p.Notes, fmt.Sprintf("Pressure from %s to %s, as the receiver likes it.", p.Level, most))
	}
	if pr.Profile == "firmer-upward-half" && s.Motion == "circle" {
		p.Notes = append(p.Notes, "Press on the upward half of each circle, ease on the way down.")
	}
	if o.draw {
		for _, m := range c.route {
			if c.missing[m] {
				p.elsewhere = append(p.elsewhere, m)
			}
		}
	}
	if len(c.missing) > 0 {
		var names []string
		for _, m := range marks {
			if c.missing[m] {
				l, _ := massage.LandmarkByID(m)
				names = append(names, l.Name)
				delete(c.missing, m)
			}
		}
		if len(names) > 0 {
			p.Notes = append(p.Notes, "The step also works on the "+strings.Join(names, ", ")+" (not drawn here).")
		}
	}
	if toes := toeOrder(c.route); toes != "" && (s.Motion == "rotate" || s.Motion == "glide") {
		p.Notes = append(p.Notes, "Toes in turn: "+toes+".")
	}
	if v.spine() {
		if err := checkSpine(&p, v); err != nil {
			return StepPath{}, err
		}
	}
	return p, nil
}

// slowdown is how many times slower than its tempo a step is laid out at
// its try'th try: 15% more each try up to 2.35 times, then a tenth more.
func slowdown(try int) float64 {
	if try < 10 {
		return 1 + 0.15*float64(try)
	}
	return 2.35 * math.Pow(1.1, float64(try-9))
}

// toeOrder says which toe each number is, when a step goes from toe to toe.
func toeOrder(ids []string) string {
	var out []string
	for i, id := range ids {
		if !strings.HasSuffix(id, "-toe") {
			return ""
		}
		l, _ := massage.LandmarkByID(id)
		out = append(out, fmt.Sprintf("%d %s", i+1, l.Name))
	}
	if len(out) < 2 {
		return ""
	}
	return strings.Join(out, ", ")
}

// routineLevel picks the pressure for a step of a routine item: what the
// item asks for, which is never exceeded, but no deeper than the step goes
// (the top of its range, or its level).
func routineLevel(pr massage.Pressure, want string) string {
	top := pr.Level
	if pr.Most != "" {
		top = pr.Most
	}
	if top == "" {
		return want
	}
	return massage.Lighter(top, want)
}

// placeOf gives the landmarks a step works on: its own and its hands', or
// those of the nearest earlier step that names some; with none at all, the
// area that best shows the technique.
func placeOf(t *massage.Technique, i int) ([]string, string) {
	for k := i; k >= 0; k-- {
		if ms := stepMarks(&t.Steps[k]); len(ms) > 0 {
			return ms, ""
		}
	}
	best, rank := "", len(showcase)+1
	for _, a := range t.Areas {
		for r, s := range showcase {
			if s == a && r < rank {
				best, rank = a, r
			}
		}
	}
	if best == "" && len(t.Areas) > 0 {
		best = t.Areas[0]
	}
	return nil, best
}

// placeRoute is the route of a step that names no places of its own: that
// of the nearest earlier step that does, or the area's landmark.
func placeRoute(t *massage.Technique, i int, marks []string) []string {
	for k := i - 1; k >= 0; k-- {
		if len(t.Steps[k].At) > 0 {
			return t.Steps[k].At
		}
	}
	for _, h := range t.Steps[i].Hands {
		if h.Role != "hold" && len(h.At) > 0 {
			return h.At
		}
	}
	return marks[:1]
}

func stepMarks(s *massage.Step) []string {
	seen := map[string]bool{}
	var out []string
	add := func(ids []string) {
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	add(s.At)
	for _, h := range s.Hands {
		add(h.At)
	}
	return out
}

// areaOfStep is the finest area of the step's first landmark.
func areaOfStep(marks []string, t *massage.Technique) string {
	for _, m := range marks {
		if l, ok := massage.LandmarkByID(m); ok {
			return l.Area
		}
	}
	if len(t.Areas) > 0 {
		return t.Areas[0]
	}
	return ""
}

// handsOf turns a step's hand uses into physical hands with roles. "one" and
// "either" are the right hand and "other" the left; uses of the same hand in
// the same role merge (thumbs and fingertips together).
func handsOf(s *massage.Step) []*hand {
	uses := s.Hands
	if len(uses) == 0 {
		uses = []massage.HandUse{{Hand: "both", Part: defaultPart[s.Motion], Role: "work"}}
	}
	var out []*hand
	find := func(id, role string) *hand {
		for _, h := range out {
			if h.id == id && h.role == role {
				return h
			}
		}
		h := &hand{id: id, role: role}
		out = append(out, h)
		return h
	}
	for _, u := range uses {
		role := u.Role
		if role == "" {
			role = "work"
		}
		if s.Motion == "hold" {
			role = "hold"
		}
		part := u.Part
		if part == "" {
			part = defaultPart[s.Motion]
		}
		var ids []string
		switch u.Hand {
		case "both":
			ids = []string{"left", "right"}
		case "left":
			ids = []string{"left"}
		case "other":
			ids = []string{"left"}
		default: // right, one, either
			ids = []string{"right"}
		}
		for _, id := range ids {
			h := find(id, role)
			dup := false
			for _, p := range h.parts {
				dup = dup || p == part
			}
			if !dup {
				h.parts = append(h.parts, part)
			}
			if len(h.at) == 0 {
				h.at = u.At
			}
			if h.turn == "" {
				h.turn = u.Turn
			}
		}
	}
	// working hands first, in the order the step names them
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].role != "hold" && out[j].role == "hold"
	})
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
