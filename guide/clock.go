package guide

import (
	"math"
	"time"

	"github.com/knead/knead/massage"
)

// BackGrace is how far into a move Back still goes to the previous move;
// later than this, Back restarts the current move.
const BackGrace = 3.0

// State is what a player saves to resume later: where in the routine it
// was and whether the clock was running.
type State struct {
	Offset  float64 `json:"offset"`
	Running bool    `json:"running"`
}

// Position is where the clock is at a moment.
type Position struct {
	Offset  float64 `json:"offset"`  // seconds from the start of the routine
	Move    int     `json:"move"`    // index of the move playing
	Elapsed float64 `json:"elapsed"` // seconds into the move
	Left    float64 `json:"left"`    // seconds left in the move
	Pass    int     `json:"pass"`    // 1-based pass within the move (or within its half, for moves that switch), 0 when uncounted
	Half    int     `json:"half"`    // 1 or 2 for moves that switch side or hands halfway, else 0
	Running bool    `json:"running"`
	Done    bool    `json:"done"`
}

// Clock plays a Script. It is driven by the moments handed to it, never by
// a timer of its own, so tests and players control time completely. The
// zero time means "the clock is not running".
type Clock struct {
	s       *Script
	offset  float64   // position at mark
	mark    time.Time // when offset was taken, while running
	running bool
	heard   float64 // cues at or before this offset have been handed out
	fresh   bool    // heard is exclusive: cues exactly at heard are still due
}

// NewClock makes a stopped clock at the start of s.
func NewClock(s *Script) *Clock {
	return &Clock{s: s, fresh: true}
}

// Restore makes a clock at a saved state; it runs from now if st.Running.
// Only cues due exactly at the saved offset are handed out again; Recap
// gives what to say so that a resumed session hears where it is.
func Restore(s *Script, st State, now time.Time) *Clock {
	c := NewClock(s)
	c.seek(st.Offset)
	if st.Running && c.offset < s.Total {
		c.running, c.mark = true, now
	}
	return c
}

// Script is the script the clock plays.
func (c *Clock) Script() *Script { return c.s }

// offsetAt is the position at now.
func (c *Clock) offsetAt(now time.Time) float64 {
	o := c.offset
	if c.running {
		o += now.Sub(c.mark).Seconds()
	}
	if o > c.s.Total {
		o = c.s.Total
	}
	return o
}

// settle moves the mark to now, and stops the clock at the end.
func (c *Clock) settle(now time.Time) {
	c.offset = c.offsetAt(now)
	c.mark = now
	if c.offset >= c.s.Total {
		c.running = false
	}
}

func (c *Clock) seek(o float64) {
	if math.IsNaN(o) || o < 0 {
		o = 0
	}
	if o > c.s.Total {
		o = c.s.Total
	}
	c.offset = o
	c.heard, c.fresh = o, true
}

// Recap gives the cues that open the move playing at now (what to do, with
// the technique's name, see Script.Intro, and its cautions), to say again
// after a resume, a reload or a question.
func (c *Clock) Recap(now time.Time) []Cue {
	o := c.offsetAt(now)
	if len(c.s.Moves) == 0 || o >= c.s.Total {
		return nil
	}
	i := c.s.MoveAt(o)
	var out []Cue
	for _, q := range c.s.Cues {
		if q.Move != i {
			continue
		}
		switch q.Kind {
		case CueStart:
			// said in full short form, the technique's name too
			q.Say = c.s.Intro(i)
			q.Seconds = round2(massage.SpokenSeconds(q.Say, 0))
			out = append(out, q)
		case CueCaution, CueNote:
			out = append(out, q)
		}
	}
	return out
}

// Start starts (or resumes) the clock at now.
func (c *Clock) Start(now time.Time) {
	c.settle(now)
	if c.offset < c.s.Total {
		c.running = true
	}
}

// Resume is Start, for a clock that was paused.
func (c *Clock) Resume(now time.Time) { c.Start(now) }

// Pause stops the clock at now, keeping its place.
func (c *Clock) Pause(now time.Time) {
	c.settle(now)
	c.running = false
}

// Toggle pauses a running clock and resumes a paused one.
func (c *Clock) Toggle(now time.Time) {
	if c.running {
		c.Pause(now)
	} else {
		c.Start(now)
	}
}

// Skip goes to the start of the next move, or to the end after the last.
func (c *Clock) Skip(now time.Time) {
	c.settle(now)
	i := c.s.MoveAt(c.offset)
	if i+1 < len(c.s.Moves) {
		c.seek(c.s.Moves[i+1].Start)
	} else {
		c.seek(c.s.Total)
		c.running = false
	}
}

// Back restarts the current move, or goes to the previous move's start
// when the current one began less than BackGrace seconds ago.
func (c *Clock) Back(now time.Time) {
	c.settle(now)
	if len(c.s.Moves) == 0 {
		return
	}
	i := c.s.MoveAt(c.offset)
	m := c.s.Moves[i]
	if c.offset-m.Start < BackGrace && i > 0 && c.offset < c.s.Total {
		m = c.s.Moves[i-1]
	} else if c.offset >= c.s.Total {
		// From the end, back goes to the last move's start.
		m = c.s.Moves[len(c.s.Moves)-1]
	}
	c.seek(m.Start)
	if !c.running && c.offset < c.s.Total {
		c.mark = now
	}
}

// Seek goes to offset seconds, keeping the clock running or paused.
func (c *Clock) Seek(now time.Time, offset float64) {
	c.settle(now)
	c.seek(offset)
	if c.offset >= c.s.Total {
		c.running = false
	}
}

// State gives what to save at now.
func (c *Clock) State(now time.Time) State {
	o := c.offsetAt(now)
	return State{Offset: o, Running: c.running && o < c.s.Total}
}

// At gives the position at now.
func (c *Clock) At(now time.Time) Position {
	return c.s.PositionAt(c.offsetAt(now), c.running)
}

// PositionAt describes offset seconds into the script.
func (s *Script) PositionAt(o float64, running bool) Position {
	p := Position{Offset: o, Running: running && o < s.Total, Done: o >= s.Total && len(s.Moves) > 0}
	if len(s.Moves) == 0 {
		p.Done = true
		return p
	}
	p.Move = s.MoveAt(o)
	m := s.Moves[p.Move]
	p.Elapsed = math.Min(o-m.Start, m.Seconds)
	p.Left = m.Seconds - p.Elapsed
	span, in := m.Seconds, p.Elapsed
	if m.Switches() {
		span = m.Seconds / 2
		p.Half = 1
		if in >= span {
			p.Half, in = 2, in-span
		}
	}
	if m.Passes > 0 && span > 0 {
		p.Pass = int(in/(span/float64(m.Passes))) + 1
		if p.Pass > m.Passes {
			p.Pass = m.Passes
		}
	}
	return p
}

// Due hands out the cues that have come due since the last call, in order.
// After a skip, back or seek, the cues at the new place are due again. A
// paused clock says nothing; what is due is said once it runs.
func (c *Clock) Due(now time.Time) []Cue {
	if !c.running {
		return nil
	}
	o := c.offsetAt(now)
	var out []Cue
	for _, q := range c.s.Cues {
		if (q.At > c.heard || (c.fresh && q.At == c.heard)) && q.At <= o {
			out = append(out, q)
		}
	}
	if o > c.heard || (c.fresh && len(out) > 0) {
		c.heard, c.fresh = o, false
	}
	return out
}
