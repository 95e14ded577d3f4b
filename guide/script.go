package guide

import (
	"fmt"
	"math"
	"strings"

	"github.com/knead/knead/massage"
)

// Script is a routine laid out in time.
type Script struct {
	Name   string  `json:"name,omitempty"`
	Total  float64 `json:"total"` // seconds of the whole timeline: hands-on moves and any transitions between them
	Rate   string  `json:"rate"`  // the speech rate the cues were fitted for: slower, normal or faster
	Moves  []Move  `json:"moves"`
	Cues   []Cue   `json:"cues"`   // ordered by At, then by the order they are said
	Chimes []Chime `json:"chimes"` // sounds, not words: ordered by At
}

// Move is one step of one routine item, placed on the timeline.
type Move struct {
	Index     int      `json:"index"`
	Item      int      `json:"item"`           // index of the routine item
	Technique string   `json:"technique"`      // catalog id; "" for a routine's own steps
	Kind      string   `json:"kind,omitempty"` // "transition" for a change between items (see Transition); "" for hands-on moves
	Step      int      `json:"step"`           // index of the step within its technique or item
	Steps     int      `json:"steps"`          // how many steps the technique has
	Name      string   `json:"name"`           // the technique's (or item's) name
	Title     string   `json:"title"`          // the step's short name
	Say       string   `json:"say"`            // the step's whole instruction, shown; the start cue says a short form
	Cautions  []string `json:"cautions"`       // the cautions that reach the user during the move, in full, shown
	Note      string   `json:"note,omitempty"`
	Area      string   `json:"area"`
	Phase     string   `json:"phase,omitempty"`
	Hands     string   `json:"hands,omitempty"` // what the hands do, in words
	Motion    string   `json:"motion,omitempty"`
	Pressure  string   `json:"pressure,omitempty"`
	Side      string   `json:"side,omitempty"` // none, left, right, both, each, alternate, swap-hands
	Passes    int      `json:"passes,omitempty"`
	Tempo     float64  `json:"tempo,omitempty"` // strokes a minute, for a rhythm tick; 0 when the technique keeps none
	Start     float64  `json:"start"`
	Seconds   float64  `json:"seconds"`
}

// KindTransition marks a move that is a change between items: a position
// to take, oil to spread, hands to wipe. It is said, not hands-on time.
const KindTransition = "transition"

// transitionName names a transition move by what it asks.
func transitionName(kind string) string {
	switch {
	case strings.Contains(kind, "position"):
		return "Change position"
	case strings.Contains(kind, "wipe"):
		return "Wipe your hands"
	case strings.Contains(kind, "oil"):
		return "Oil"
	}
	return "Get ready"
}

// firstOf reports whether move i is the first hands-on move of its item.
func firstOf(s *Script, i int) bool {
	return i == 0 || s.Moves[i-1].Item != s.Moves[i].Item || s.Moves[i-1].Kind == KindTransition
}

// End is the moment the move is over.
func (m Move) End() float64 { return m.Start + m.Seconds }

// Switches reports whether the move changes side or hands halfway.
func (m Move) Switches() bool { return m.Side == "each" || m.Side == "swap-hands" }

// Cue kinds.
const (
	CueStart   = "start"   // the move as it starts, in a short form: what, where, how
	CueCaution = "caution" // a safety word that belongs to the move: in full once a session, then a few words
	CueNote    = "note"    // the plan's word on this move, such as why it is lighter
	CueHalfway = "halfway" // halfway through a long move
	CueSwitch  = "switch"  // change side or hands
	CueCount   = "count"   // three, two, one before the next move
	CueNext    = "next"    // what comes next
	CueDone    = "done"    // the routine is over
)

// Cue is something said at a moment of the routine.
type Cue struct {
	At      float64 `json:"at"`
	Move    int     `json:"move"`
	Kind    string  `json:"kind"`
	Say     string  `json:"say"`     // exactly the words spoken
	Seconds float64 `json:"seconds"` // how long Say takes at the normal rate, breath included
}

// Chime kinds: a short sound at the moment of a switch or of a new move,
// for a person who turned the voice off.
const (
	ChimeSwitch = "switch"
	ChimeNext   = "next"
)

// Chime is a sound at a moment of the routine. It is no cue: it takes no
// speaking time and sounds even when the voice is off.
type Chime struct {
	At   float64 `json:"at"`
	Move int     `json:"move"` // the move it sounds in (for next: the move that begins)
	Kind string  `json:"kind"`
}

// Build lays routine r out in time at the normal speech rate.
func Build(cat *massage.Catalog, r *massage.Routine) (*Script, error) {
	return BuildWith(cat, r, Options{})
}

// BuildWith lays routine r out in time, looking its techniques up in cat.
// Each item's seconds are shared among its steps in proportion to the
// steps' usual seconds, in whole seconds, so the moves add up to the item
// exactly; then a move too short for what must be said in it (its start,
// its switch, what comes next) takes seconds from the item's other moves,
// or is lengthened (see fit). The cues are planned last (see cues.go).
func BuildWith(cat *massage.Catalog, r *massage.Routine, opt Options) (*Script, error) {
	if r == nil {
		return nil, fmt.Errorf("guide: no routine")
	}
	wpm, err := RateWPM(opt.Rate)
	if err != nil {
		return nil, fmt.Errorf("guide: %w", err)
	}
	rate := opt.Rate
	if rate == "" {
		rate = RateNormal
	}
	s := &Script{Name: r.Name, Rate: rate, Moves: []Move{}, Cues: []Cue{}, Chimes: []Chime{}}
	var cautions [][]*massage.Caution // per move, those behind Move.Cautions
	for i, it := range r.Items {
		var t *massage.Technique
		steps := it.Steps
		name := it.Name
		if it.Technique != "" {
			if cat != nil {
				t = cat.Technique(it.Technique)
			}
			if t == nil {
				return nil, fmt.Errorf("guide: item %d: technique %q is not in the catalog", i+1, it.Technique)
			}
			steps = t.Steps
			if name == "" {
				name = t.Name
			}
		}
		index := make([]int, len(steps))
		for j := range index {
			index[j] = j
		}
		if t != nil && len(it.Play) > 0 {
			index = index[:0]
			var sub []massage.Step
			for _, j := range it.Play {
				if j < 0 || j >= len(t.Steps) {
					return nil, fmt.Errorf("guide: item %d (%s): step %d is not one of its %d", i+1, name, j+1, len(t.Steps))
				}
				index = append(index, j)
				sub = append(sub, t.Steps[j])
			}
			steps = sub
		}
		if len(steps) == 0 {
			return nil, fmt.Errorf("guide: item %d (%s): no steps to play", i+1, name)
		}
		for _, tr := range r.Transitions {
			if tr.Before == i && tr.Seconds > 0 {
				s.Moves = append(s.Moves, Move{Index: len(s.Moves), Item: i, Kind: KindTransition, Steps: 1,
					Name: transitionName(tr.Kind), Title: transitionName(tr.Kind), Say: tr.Say, Cautions: []string{},
					Area: it.Area, Phase: KindTransition, Seconds: tr.Seconds})
				cautions = append(cautions, nil)
			}
		}
		if it.Seconds <= 0 || math.IsNaN(it.Seconds) || math.IsInf(it.Seconds, 0) {
			return nil, fmt.Errorf("guide: item %d (%s): seconds must be above zero, got %v", i+1, name, it.Seconds)
		}
		for j, sec := range share(it.Seconds, steps) {
			st := steps[j]
			m := Move{
				Index:     len(s.Moves),
				Item:      i,
				Technique: it.Technique,
				Step:      index[j],
				Steps:     len(steps),
				Name:      name,
				Title:     st.Title,
				Say:       st.Say,
				Cautions:  []string{},
				Area:      it.Area,
				Phase:     it.Phase,
				Hands:     handsText(st.Hands),
				Motion:    st.Motion,
				Pressure:  pressureOf(it, st, t),
				Side:      sideOf(it, st),
				Passes:    st.Repeat.Least,
				Tempo:     st.Tempo,
				Seconds:   sec,
			}
			if m.Title == "" {
				m.Title = name
			}
			if len(steps) == 1 && !it.Repeat.IsZero() {
				m.Passes = it.Repeat.Least
			}
			if j == 0 {
				m.Note = it.Note
			}
			var cs []*massage.Caution
			for _, c := range moveCautions(cat, r, m, j == 0) {
				if c.When == "start" || c.When == "during" {
					m.Cautions = append(m.Cautions, c.Say)
					cs = append(cs, c)
				}
			}
			s.Moves = append(s.Moves, m)
			cautions = append(cautions, cs)
		}
	}
	fit(s, wpm)
	planCues(s, wpm, cautions)
	return s, nil
}

// share splits total seconds among steps by their usual seconds, whole
// seconds each when total is whole, the last step taking the remainder.
func share(total float64, steps []massage.Step) []float64 {
	w := make([]float64, len(steps))
	var sum float64
	for i, st := range steps {
		w[i] = st.Seconds.Usual
		if w[i] <= 0 {
			w[i] = (st.Seconds.Least + st.Seconds.Most) / 2
		}
		if w[i] <= 0 {
			w[i] = 1
		}
		sum += w[i]
	}
	out := make([]float64, len(steps))
	var used float64
	for i := range steps {
		if i == len(steps)-1 {
			out[i] = total - used
			break
		}
		v := total * w[i] / sum
		if total == math.Trunc(total) {
			v = math.Max(1, math.Round(v))
		}
		out[i] = v
		used += v
	}
	// A long list of tiny steps could leave the last one at or below zero
	// after rounding; even them out instead.
	if out[len(out)-1] <= 0 {
		for i := range out {
			out[i] = total / float64(len(out))
		}
	}
	return out
}

func sideOf(it massage.Item, st massage.Step) string {
	if it.Side != "" && it.Side != "none" {
		return it.Side
	}
	if st.Side != "" {
		return st.Side
	}
	return it.Side
}

func pressureOf(it massage.Item, st massage.Step, t *massage.Technique) string {
	p := st.Pressure.Level
	if p == "" && t != nil {
		p = t.Pressure.Level
	}
	if it.Pressure != "" {
		// The routine's pressure is the most the person asked for.
		p = massage.Lighter(p, it.Pressure)
		if p == "" {
			p = it.Pressure
		}
	}
	return p
}

func handsText(hs []massage.HandUse) string {
	parts := make([]string, 0, len(hs))
	for _, h := range hs {
		s := massage.HandPhrase(h)
		if h.Role == "hold" {
			s += " holds"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// moveCautions gives the cautions of a move: those of the step, and on a
// technique's first step those of the technique and the item, once each,
// leaving out those that do not speak to the routine's mode.
func moveCautions(cat *massage.Catalog, r *massage.Routine, m Move, first bool) []*massage.Caution {
	if cat == nil {
		return nil
	}
	it := r.Items[m.Item]
	var ids []string
	var steps []massage.Step
	if t := cat.Technique(m.Technique); t != nil {
		steps = t.Steps
		if first {
			ids = append(ids, t.Cautions...)
			ids = append(ids, it.Cautions...)
		}
	} else {
		steps = it.Steps
		if first {
			ids = append(ids, it.Cautions...)
		}
	}
	if m.Step < len(steps) {
		ids = append(ids, steps[m.Step].Cautions...)
	}
	seen := map[string]bool{}
	var out []*massage.Caution
	for _, id := range ids {
		c := cat.Caution(id)
		if c == nil || seen[id] || !c.FitsMode(r.Mode) {
			continue
		}
		seen[id] = true
		out = append(out, c)
	}
	return out
}

// MoveAt gives the index of the move playing at offset seconds: the last
// move that has started. Past the end it gives the last move.
func (s *Script) MoveAt(offset float64) int {
	i := 0
	for j, m := range s.Moves {
		if m.Start <= offset {
			i = j
		}
	}
	return i
}
