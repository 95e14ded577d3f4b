package guide

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/knead/knead/massage"
)

// Script is a routine laid out in time.
type Script struct {
	Name  string  `json:"name,omitempty"`
	Total float64 `json:"total"` // seconds of hands-on time
	Moves []Move  `json:"moves"`
	Cues  []Cue   `json:"cues"` // ordered by At, then by the order they are said
}

// Move is one step of one routine item, placed on the timeline.
type Move struct {
	Index     int     `json:"index"`
	Item      int     `json:"item"`      // index of the routine item
	Technique string  `json:"technique"` // catalog id; "" for a routine's own steps
	Step      int     `json:"step"`      // index of the step within its technique or item
	Steps     int     `json:"steps"`     // how many steps the technique has
	Name      string  `json:"name"`      // the technique's (or item's) name
	Title     string  `json:"title"`     // the step's short name
	Say       string  `json:"say"`       // the step's cue text
	Area      string  `json:"area"`
	Phase     string  `json:"phase,omitempty"`
	Hands     string  `json:"hands,omitempty"` // what the hands do, in words
	Motion    string  `json:"motion,omitempty"`
	Pressure  string  `json:"pressure,omitempty"`
	Side      string  `json:"side,omitempty"` // none, left, right, both, each, alternate, swap-hands
	Passes    int     `json:"passes,omitempty"`
	Start     float64 `json:"start"`
	Seconds   float64 `json:"seconds"`
}

// End is the moment the move is over.
func (m Move) End() float64 { return m.Start + m.Seconds }

// Switches reports whether the move changes side or hands halfway.
func (m Move) Switches() bool { return m.Side == "each" || m.Side == "swap-hands" }

// Cue kinds.
const (
	CueStart   = "start"    // the move as it starts
	CueCaution = "caution"  // a safety word that belongs to the move
	CueNote    = "note"     // the plan's word on this move, such as why it is lighter
	CueHalfway = "halfway"  // halfway through a long move
	CueSwitch  = "switch"   // change side or hands
	CueTenLeft = "ten-left" // ten seconds to go
	CueNext    = "next"     // what comes next
	CueDone    = "done"     // the routine is over
)

// Cue is something said at a moment of the routine.
type Cue struct {
	At   float64 `json:"at"`
	Move int     `json:"move"`
	Kind string  `json:"kind"`
	Say  string  `json:"say"`
}

// Thresholds for the cues of a move, in seconds. Short moves get fewer cues
// so that the voice never talks over itself.
const (
	halfwayFrom = 30 // a move this long or longer hears "halfway"
	tenLeftFrom = 30 // … and "ten seconds left"
	nextFrom    = 15 // a move this long hears what comes next, 5 s before its end
	nextBefore  = 5
)

// Build lays routine r out in time, looking its techniques up in cat. Each
// item's seconds are shared among its steps in proportion to the steps'
// usual seconds, in whole seconds, so the moves add up to the item exactly.
func Build(cat *massage.Catalog, r *massage.Routine) (*Script, error) {
	if r == nil {
		return nil, fmt.Errorf("guide: no routine")
	}
	s := &Script{Name: r.Name, Moves: []Move{}, Cues: []Cue{}}
	var at float64
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
		if len(steps) == 0 {
			return nil, fmt.Errorf("guide: item %d (%s): no steps to play", i+1, name)
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
				Step:      j,
				Steps:     len(steps),
				Name:      name,
				Title:     st.Title,
				Say:       st.Say,
				Area:      it.Area,
				Phase:     it.Phase,
				Hands:     handsText(st.Hands),
				Motion:    st.Motion,
				Pressure:  pressureOf(it, st, t),
				Side:      sideOf(it, st),
				Passes:    st.Repeat.Least,
				Start:     at,
				Seconds:   sec,
			}
			if m.Title == "" {
				m.Title = name
			}
			if len(steps) == 1 && !it.Repeat.IsZero() {
				m.Passes = it.Repeat.Least
			}
			s.Moves = append(s.Moves, m)
			at += sec
		}
	}
	s.Total = at
	for i := range s.Moves {
		s.Cues = append(s.Cues, movesCues(cat, r, s, i)...)
	}
	sort.SliceStable(s.Cues, func(a, b int) bool { return s.Cues[a].At < s.Cues[b].At })
	if len(s.Moves) > 0 {
		s.Cues = append(s.Cues, Cue{At: s.Total, Move: len(s.Moves) - 1, Kind: CueDone, Say: "That is the end of the routine. Rest a moment."})
	}
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

func movesCues(cat *massage.Catalog, r *massage.Routine, s *Script, i int) []Cue {
	m := s.Moves[i]
	var cs []Cue
	say := m.Say
	if m.Step == 0 {
		lead := m.Name + "."
		if m.Pressure != "" {
			lead += " " + massage.UpperFirst(m.Pressure) + " pressure."
		}
		say = strings.TrimSpace(lead + " " + say)
	}
	switch {
	case m.Passes > 1 && m.Side == "each":
		say += fmt.Sprintf(" %d times on each side.", m.Passes)
	case m.Passes > 1 && m.Side == "swap-hands":
		say += fmt.Sprintf(" %d times with each hand.", m.Passes)
	case m.Passes > 1:
		say += fmt.Sprintf(" %d times.", m.Passes)
	}
	cs = append(cs, Cue{At: m.Start, Move: i, Kind: CueStart, Say: say})
	for _, c := range moveCautions(cat, r, m) {
		cs = append(cs, Cue{At: m.Start, Move: i, Kind: CueCaution, Say: c})
	}
	// A planner's own word for this item (why it is lighter than usual) is
	// said after the cautions, as a note of its own.
	if it := r.Items[m.Item]; m.Step == 0 && it.Note != "" {
		cs = append(cs, Cue{At: m.Start, Move: i, Kind: CueNote, Say: it.Note})
	}
	half := m.Start + m.Seconds/2
	switch {
	case m.Switches():
		word := "Switch sides."
		if m.Side == "swap-hands" {
			word = "Swap hands and do the same."
		}
		cs = append(cs, Cue{At: half, Move: i, Kind: CueSwitch, Say: word})
	case m.Seconds >= halfwayFrom:
		cs = append(cs, Cue{At: half, Move: i, Kind: CueHalfway, Say: "Halfway."})
	}
	if m.Seconds >= tenLeftFrom {
		cs = append(cs, Cue{At: m.End() - 10, Move: i, Kind: CueTenLeft, Say: "Ten seconds left."})
	}
	if i+1 < len(s.Moves) && m.Seconds >= nextFrom {
		n := s.Moves[i+1]
		what := n.Title
		if n.Item != m.Item {
			what = n.Name
			if n.Area != "" && n.Area != m.Area {
				area := n.Area
				if a, ok := massage.AreaByID(n.Area); ok {
					area = a.Name
				}
				what += ", on the " + area
			}
		}
		cs = append(cs, Cue{At: m.End() - nextBefore, Move: i, Kind: CueNext, Say: "Next: " + what + "."})
	}
	return cs
}

// moveCautions gives the cautions said as a move starts: those of the step,
// and on a technique's first step those of the technique, that reach the
// user at the start of a move or during it.
func moveCautions(cat *massage.Catalog, r *massage.Routine, m Move) []string {
	if cat == nil {
		return nil
	}
	it := r.Items[m.Item]
	var ids []string
	var steps []massage.Step
	if t := cat.Technique(m.Technique); t != nil {
		steps = t.Steps
		if m.Step == 0 {
			ids = append(ids, t.Cautions...)
			ids = append(ids, it.Cautions...)
		}
	} else {
		steps = it.Steps
		if m.Step == 0 {
			ids = append(ids, it.Cautions...)
		}
	}
	if m.Step < len(steps) {
		ids = append(ids, steps[m.Step].Cautions...)
	}
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		c := cat.Caution(id)
		if c == nil || seen[id] || (c.When != "start" && c.When != "during") {
			continue
		}
		if !c.FitsMode(r.Mode) {
			continue
		}
		seen[id] = true
		out = append(out, c.Say)
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
