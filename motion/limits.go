package motion

import (
	"fmt"
	"math"
	"strings"
)

// Limits are the bounds every exported motion keeps. Knead's defaults may
// be lowered by the user, never raised.
type Limits struct {
	ContactSpeed float64 // m/s, a hand moving while it presses
	TravelSpeed  float64 // m/s, a lifted hand moving to a new place
	Accel        float64 // m/s², either way
	ForceRate    float64 // N/s, how fast the pressing force may change
}

// DefaultLimits are Knead's own bounds for a device. The sources give no
// figures for these; they are chosen from what massage looks like:
//   - contact speed 0.5 m/s: a slow gliding stroke covers the back (about
//     0.5–0.7 m) in one to two seconds, at the 40–50 strokes a minute of
//     effleurage (shared/reference/motion-and-limits.md, "Tempo of hand
//     strokes");
//   - travel 1 m/s between places, with the hand lifted;
//   - acceleration 5 m/s², half a g, so a hand never snaps;
//   - force rate 50 N/s: the 2.5–10 N contact targets of open
//     robotic-massage code reached in a fifth of a second at most.
var DefaultLimits = Limits{ContactSpeed: 0.5, TravelSpeed: 1, Accel: 5, ForceRate: 50}

// LimitSources say where each default comes from, for export headers.
var LimitSources = map[string]string{
	"contact_speed": "Knead default: a slow gliding stroke covers the back in one to two seconds",
	"travel_speed":  "Knead default: a lifted hand moving between places",
	"accel":         "Knead default: half a g",
	"force_rate":    "Knead default: 2.5-10 N contact targets reached within 0.2 s",
	"region_force":  "ISO/TS 15066:2016 Annex A, Table A.2 (quasi-static contact), as an upper bound only; ISO 13482:2014 (personal care robots) is the standard that applies to robots meant to touch people",
}

// orDefault gives the limits with Knead's default in every zero field.
func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.ContactSpeed == 0 {
		l.ContactSpeed = d.ContactSpeed
	}
	if l.TravelSpeed == 0 {
		l.TravelSpeed = d.TravelSpeed
	}
	if l.Accel == 0 {
		l.Accel = d.Accel
	}
	if l.ForceRate == 0 {
		l.ForceRate = d.ForceRate
	}
	return l
}

// check fills in defaults and refuses a limit above Knead's default, zero
// or not a number.
func (l *Limits) check() error {
	d := DefaultLimits
	for _, f := range []struct {
		name, unit string
		v          *float64
		def        float64
	}{
		{"contact speed", "m/s", &l.ContactSpeed, d.ContactSpeed},
		{"travel speed", "m/s", &l.TravelSpeed, d.TravelSpeed},
		{"acceleration", "m/s²", &l.Accel, d.Accel},
		{"force rate", "N/s", &l.ForceRate, d.ForceRate},
	} {
		if *f.v == 0 {
			*f.v = f.def
			continue
		}
		if math.IsNaN(*f.v) || *f.v < 0 || *f.v > f.def {
			return fmt.Errorf("%s %v %s: expected above 0 and at most Knead's %v %s (a limit may be lowered, not raised)",
				f.name, *f.v, f.unit, f.def, f.unit)
		}
	}
	return nil
}

// The builder lays moves out within a share of the limits, so a body a
// little larger than the charts' average adult (or rounding) stays inside
// them.
const planShare = 0.8

// minJerk is the time law of every move: the hand starts and ends at rest
// and its speed rises and falls smoothly (a minimum-jerk profile). Its top
// speed is 1.875 times the mean, its top acceleration 5.77 times the
// distance over the time squared.
func minJerk(f float64) float64 {
	if f <= 0 {
		return 0
	}
	if f >= 1 {
		return 1
	}
	return f * f * f * (10 + f*(-15+6*f))
}

const (
	mjSpeed = 1.875
	mjAccel = 5.7735
)

// minDuration is the least time (s) a move of length L metres may take
// within the limits, for a hand in contact or lifted; r is the radius (m)
// of a circle, 0 for a line.
func minDuration(L, r float64, contact bool, l Limits, share float64) float64 {
	if L <= 0 {
		return 0
	}
	v := l.TravelSpeed * share
	if contact {
		v = l.ContactSpeed * share
	}
	a := l.Accel * share * 0.9 // room for the lift and the body's curve
	t := math.Max(mjSpeed*L/v, math.Sqrt(mjAccel*L/a))
	if r > 0 {
		// along a circle the hand turns too: v²/r adds to the acceleration
		t = math.Max(t, math.Sqrt((mjSpeed*mjSpeed*L*L/r+mjAccel*L)/a))
	}
	return t
}

// limitShare is the share of the limits a compiled step keeps to on its
// chart: the rest is room for a body larger than the chart's.
const limitShare = 0.9

// overLimits says how far a step's fastest motion goes past the limits: 1
// is at them; the acceleration counts by its square root, as it grows with
// the square of the tempo. On the chart says the same of the motion on the
// chart alone.
func overLimits(p *StepPath, v *View, l Limits) (over, onChart float64) {
	// on the chart first: well within the limits there, a step is within
	// them on the body too (the body bends the chart's distances by a
	// fraction), and placing every sample on the body costs time
	// with lowered limits a step is laid out far slower than its tempo,
	// and where the body bends the chart most (round the ankle) the
	// shortcut no longer holds: the body decides
	onChart = overLimits2D(p, v.MM, l)
	if onChart < 0.6 && l == DefaultLimits {
		return onChart, onChart
	}
	pl := DefaultBody.placer(v.ID)
	var m motionPeaks
	for _, h := range p.Hands {
		s := h.Samples
		// on the average body, where the chart's distances bend round
		// it: the last three places are all it needs (a buffer of every
		// place was 3 MB an hour's export)
		var p0, p1, p2 Vec3 // samples i, i-1 and i-2
		var last lastPos
		for i := range s {
			p0, p1, p2 = last.pos(&pl, 0, s[i].X, s[i].Y), p0, p1
			if i == 0 || len(v.Panels) > 1 && (s[i].X < v.Panels[1].X0) != (s[i-1].X < v.Panels[1].X0) {
				continue // from one panel to the other: the export lifts round the edge
			}
			d := p0.sub(p1)
			m.move(s[i].Contact && s[i-1].Contact, d.dot(d))
			if i >= 2 {
				// the acceleration keeps room for a lift off the skin
				q := p0.sub(p1.mul(2)).add(p2)
				m.accel, m.accels = max(m.accel, q.dot(q)), true
			}
		}
	}
	worst := 0.0
	if m.contacts {
		worst = max(worst, math.Sqrt(m.contact)*Rate/l.ContactSpeed)
	}
	if m.travels {
		worst = max(worst, math.Sqrt(m.travel)*Rate/l.TravelSpeed)
	}
	if m.accels {
		worst = max(worst, math.Sqrt(math.Sqrt(m.accel)*Rate*Rate/(l.Accel*0.85))*limitShare)
	}
	return worst, onChart
}

// motionPeaks are the most of a step's moves from sample to sample, in
// contact and lifted, and of its changes of move, each as the measure's
// square (on the body) or as it is (on the chart). The limits' shares
// are worked out from these once a step: each is a rounded square root,
// product or quotient of the measure, which never makes a larger value
// smaller, so the most share is the share of the most measure, to the
// bit, without a square root and a division per sample.
type motionPeaks struct {
	contact, travel, accel    float64
	contacts, travels, accels bool // whether any sample had one
}

func (m *motionPeaks) move(contact bool, d float64) {
	if contact {
		m.contact, m.contacts = max(m.contact, d), true
	} else {
		m.travel, m.travels = max(m.travel, d), true
	}
}

// MotionError is a refusal: a step whose motion breaks a limit.
type MotionError struct {
	Technique string
	Step      int
	Hand      string
	What      string // "contact speed", "travel speed", "acceleration", "jump"
	Value     float64
	Limit     float64
	Unit      string
	At        float64 // seconds into the step
	// Slowest is set when the limits were lowered and the step, laid out
	// as slowly as its time allows (this many seconds), still breaks them
	Slowest float64
	// Needs is then the least limit the slowest layout keeps to
	Needs float64
	// FromTechnique and FromStep are set when the motion refused is a
	// lifted hand on its way from that step to this one (Technique, Step);
	// At is then counted from this step's start (negative: before it)
	FromTechnique string
	FromStep      int

	index int // the step's place among those exported, for the body check
}

func (e *MotionError) Error() string {
	if e.What == "jump" {
		return fmt.Sprintf("technique %s step %d: the %s hand would jump %.1f cm while pressing at %.2f s; a hand that moves to a new place lifts, travels and sets down",
			e.Technique, e.Step, e.Hand, e.Value*100, e.At)
	}
	value, limit := figures(e.Value, e.Limit)
	msg := fmt.Sprintf("technique %s step %d: the %s hand would reach %s %s of %s %s at %.2f s, above the %s %s limit",
		e.Technique, e.Step, e.Hand, article(e.What), e.What, value, e.Unit, e.At, limit, e.Unit)
	if e.FromTechnique != "" {
		msg = fmt.Sprintf("moving from technique %s step %d to technique %s step %d: the %s hand, lifted, would reach %s %s of %s %s %.2f s %s the second step starts, above the %s %s limit",
			e.FromTechnique, e.FromStep, e.Technique, e.Step, e.Hand, article(e.What), e.What, value, e.Unit, math.Abs(e.At), beforeAfter(e.At), limit, e.Unit)
		if e.Slowest > 0 {
			msg += ", even with the move between them laid out twenty times slower: the routine cannot fit within this limit"
		}
		return msg
	}
	if e.Slowest > 0 {
		msg += fmt.Sprintf(", even laid out as slowly as its %.0f s allow: the technique cannot fit within this limit", e.Slowest)
		if e.Needs > 0 {
			needs, _ := figures(e.Needs, e.Limit)
			msg += fmt.Sprintf(" (it needs %s %s at least)", needs, e.Unit)
		}
	}
	return msg
}

// figures writes a value and the limit it is set against with as many
// decimals as tell them apart (two, three below 0.1, up to five).
func figures(v, limit float64) (string, string) {
	a, b := figure(v), figure(limit)
	for d := 3; a == b && d <= 5; d++ {
		a, b = fmt.Sprintf("%.*f", d, v), fmt.Sprintf("%.*f", d, limit)
	}
	return a, b
}

func beforeAfter(at float64) string {
	if at < 0 {
		return "before"
	}
	return "after"
}

// figure writes a limit or a value with two decimals, three below 0.1 so
// that a value just over a small limit never reads as equal to it.
func figure(v float64) string {
	if v < 0.1 {
		return fmt.Sprintf("%.3f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// checkMotion refuses a step whose samples on its chart break a limit:
// moving faster in contact or lifted, or turning harder, than allowed.
func checkMotion(p *StepPath, mm float64, l Limits) error {
	k := mm / 1000 * Rate
	for _, h := range p.Hands {
		s := h.Samples
		for i := 1; i < len(s); i++ {
			d := math.Hypot(s[i].X-s[i-1].X, s[i].Y-s[i-1].Y) * mm / 1000
			// the error is made only when there is one: this loop runs for
			// every sample of every step
			var e MotionError
			if l.overSpeed(&e, s[i].Contact && s[i-1].Contact, d) {
				return p.motionError(e, h.Hand, s[i].T)
			}
			if i >= 2 {
				a := math.Hypot(s[i].X-2*s[i-1].X+s[i-2].X, s[i].Y-2*s[i-1].Y+s[i-2].Y) * k * Rate
				if a > l.Accel+1e-9 {
					e.What, e.Value, e.Limit, e.Unit = "acceleration", a, l.Accel, "m/s²"
					return p.motionError(e, h.Hand, s[i].T)
				}
			}
		}
	}
	return nil
}

// motionError completes e with the step, the hand and the time.
func (p *StepPath) motionError(e MotionError, hand string, at float64) *MotionError {
	e.Technique, e.Step, e.Hand, e.At = p.Technique, p.Step, hand, at
	if e.Unit == "" {
		e.Unit = "m/s"
	}
	return &e
}

func overLimits2D(p *StepPath, mm float64, l Limits) float64 {
	k := mm / 1000 * Rate
	// the most of each measure's square first, then the measure itself
	// (math.Hypot, as before) only where its square is that close to the
	// most: the most measure to the bit, with a Hypot for a few samples
	var top [3]float64 // contact, travel and acceleration, squared
	for _, h := range p.Hands {
		topSquares(h.Samples, &top)
	}
	var m motionPeaks
	for _, h := range p.Hands {
		nearTop(h.Samples, &top, &m)
	}
	worst := 0.0
	if m.contacts {
		worst = max(worst, m.contact*k/l.ContactSpeed)
	}
	if m.travels {
		worst = max(worst, m.travel*k/l.TravelSpeed)
	}
	if m.accels {
		worst = max(worst, math.Sqrt(m.accel*k*Rate/(l.Accel*0.85))*limitShare)
	}
	return worst
}

// topSquares keeps in top the most square of a hand's moves on the chart
// from sample to sample, in contact (top[0]) and lifted (top[1]), and of
// its changes of move (top[2]).
func topSquares(s []Sample, top *[3]float64) {
	for i := 1; i < len(s); i++ {
		dx, dy := s[i].X-s[i-1].X, s[i].Y-s[i-1].Y
		j := 1
		if s[i].Contact && s[i-1].Contact {
			j = 0
		}
		top[j] = max(top[j], dx*dx+dy*dy)
		if i >= 2 {
			ax, ay := s[i].X-2*s[i-1].X+s[i-2].X, s[i].Y-2*s[i-1].Y+s[i-2].Y
			top[2] = max(top[2], ax*ax+ay*ay)
		}
	}
}

// nearTop adds to m the moves of a hand (math.Hypot) whose square could
// be the most, within what rounding moves a square (a ten-millionth is
// ample); any square when the most is too small (or not a number) for
// that to hold.
func nearTop(s []Sample, top *[3]float64, m *motionPeaks) {
	var lo [3]float64
	for j, t := range top {
		lo[j] = t * (1 - 1e-7)
		if !(t >= 1e-250) {
			lo[j] = math.Inf(-1)
		}
	}
	for i := 1; i < len(s); i++ {
		dx, dy := s[i].X-s[i-1].X, s[i].Y-s[i-1].Y
		contact := s[i].Contact && s[i-1].Contact
		m.contacts, m.travels = m.contacts || contact, m.travels || !contact
		j := 1
		if contact {
			j = 0
		}
		if dx*dx+dy*dy >= lo[j] || lo[j] < 0 {
			m.move(contact, math.Hypot(dx, dy))
		}
		if i >= 2 {
			m.accels = true
			ax, ay := s[i].X-2*s[i-1].X+s[i-2].X, s[i].Y-2*s[i-1].Y+s[i-2].Y
			if ax*ax+ay*ay >= lo[2] || lo[2] < 0 {
				m.accel = max(m.accel, math.Hypot(ax, ay))
			}
		}
	}
}

// peak is the highest contact speed, travel speed or acceleration (what)
// a step's samples reach on its chart.
func peak(p *StepPath, mm float64, what string) float64 {
	k := mm / 1000 * Rate
	top := 0.0
	for _, h := range p.Hands {
		s := h.Samples
		for i := 1; i < len(s); i++ {
			contact := s[i].Contact && s[i-1].Contact
			switch what {
			case "contact speed", "travel speed":
				if contact == (what == "contact speed") {
					top = max(top, math.Hypot(s[i].X-s[i-1].X, s[i].Y-s[i-1].Y)*k)
				}
			case "acceleration":
				if i >= 2 {
					top = max(top, math.Hypot(s[i].X-2*s[i-1].X+s[i-2].X, s[i].Y-2*s[i-1].Y+s[i-2].Y)*k*Rate)
				}
			}
		}
	}
	return top
}

// overSpeed checks one sample's move of d metres, in contact with the skin
// or not, and fills e when it breaks a limit: a jump (twice the contact
// speed while pressing), the contact speed while pressing, or the travel
// speed while lifted (a travel limit set below the contact one leaves the
// strokes on the skin to theirs).
func (l Limits) overSpeed(e *MotionError, contact bool, d float64) bool {
	v := d * Rate
	switch {
	case contact && v > 2*l.ContactSpeed:
		e.What, e.Value = "jump", d
	case contact && v > l.ContactSpeed+1e-9:
		e.What, e.Value, e.Limit = "contact speed", v, l.ContactSpeed
	case !contact && v > l.TravelSpeed+1e-9:
		e.What, e.Value, e.Limit = "travel speed", v, l.TravelSpeed
	default:
		return false
	}
	return true
}
