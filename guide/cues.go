package guide

import (
	"math"
	"sort"

	"github.com/knead/knead/massage"
)

// Cues are planned, not queued: each is given a moment at which it can be
// said in full before the next one, so a player that says them in order is
// never behind. What must always be said — a move's start, its switch and
// what comes next — is placed first, at its moment, and fit made sure there
// is room for it. The rest is placed after, highest priority first, where
// it fits and while speech stays within its share of the move and of the
// session:
//
//  1. three, two, one before the next move;
//  2. halfway, in a long move that does not switch;
//  3. the plan's note on the move;
//  4. cautions: in full the first time one applies in a session, as a few
//     words (massage.Caution.Brief) when it applies again at a technique's
//     first move or after a move without it; never more than once in a move.
//
// A caution not yet said in full may take more of its move than the rest
// (firstShare), so it is heard early; the session's share still holds.
const (
	halfwayFrom = 30   // a move this long or longer hears "halfway"
	moveShare   = 0.33 // speech in a move, at most, once anything optional is added
	firstShare  = 1    // … the first full saying of a caution needs only room
	totalShare  = 0.34 // speech in the whole session, at most, with everything optional
)

// countdown is said just before the next move, ending a moment before it.
const countdown = "Three, two, one."

// lane is what is already said in one move: spans of [at, at+seconds).
type lane [][2]float64

// free reports whether [t, t+d) keeps gap seconds from everything in l.
func (l lane) free(t, d float64) bool {
	for _, sp := range l {
		if t < sp[1]+gap && sp[0] < t+d+gap {
			return false
		}
	}
	return true
}

// earliest finds the first moment in [lo, hi] where d seconds are free.
func (l lane) earliest(lo, hi, d float64) (float64, bool) {
	ts := []float64{up(lo)}
	for _, sp := range l {
		if t := up(sp[1] + gap); t > lo {
			ts = append(ts, t)
		}
	}
	sort.Float64s(ts)
	for _, t := range ts {
		if t <= hi && l.free(t, d) {
			return t, true
		}
	}
	return 0, false
}

type movePlan struct {
	lane    lane
	cues    []Cue
	spoken  float64 // seconds of speech at the script's rate
	countAt float64 // where three, two, one would go; < 0 when it has no room
}

func (p *movePlan) add(move int, at float64, kind, say string, d float64) {
	p.cues = append(p.cues, Cue{At: at, Move: move, Kind: kind, Say: say, Seconds: round2(massage.SpokenSeconds(say, 0))})
	p.lane = append(p.lane, [2]float64{at, at + d})
	p.spoken += d
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// Moments are kept to tenths of a second: up rounds later, down earlier.
func up(x float64) float64   { return math.Ceil(x*10-1e-6) / 10 }
func down(x float64) float64 { return math.Floor(x*10+1e-6) / 10 }

// planCues gives the script its cues and chimes, fitted at wpm.
// cautions holds, per move, the cautions said in it.
func planCues(s *Script, wpm float64, cautions [][]*massage.Caution) {
	plans := make([]movePlan, len(s.Moves))
	var said float64
	// What must be said, at its moment.
	for i := range s.Moves {
		m, p := s.Moves[i], &plans[i]
		p.countAt = -1
		say := startSay(s, i)
		p.add(i, m.Start, CueStart, say, spoken(say, wpm))
		if i > 0 {
			s.Chimes = append(s.Chimes, Chime{At: m.Start, Move: i, Kind: ChimeNext})
		}
		if m.Switches() {
			half := m.Start + m.Seconds/2
			say := switchSay(m)
			p.add(i, half, CueSwitch, say, spoken(say, wpm))
			s.Chimes = append(s.Chimes, Chime{At: half, Move: i, Kind: ChimeSwitch})
		}
		if i+1 < len(s.Moves) {
			say := nextSay(s, i)
			d := spoken(say, wpm)
			countAt := down(m.End() - 0.2 - spoken(countdown, wpm))
			at := down(countAt - gap - d)
			if at >= m.Start && p.lane.free(at, d) {
				p.countAt = countAt
			} else {
				at = down(m.End() - tail - d)
			}
			p.add(i, at, CueNext, say, d)
		}
		said += p.spoken
	}
	budget := totalShare*s.Total - said
	fits := func(p *movePlan, m Move, d, share float64) bool {
		return d <= budget && p.spoken+d <= share*m.Seconds
	}
	// The rest, where it fits.
	full := map[string]bool{}
	var before map[string]bool
	for i := range s.Moves {
		m, p := s.Moves[i], &plans[i]
		if d := spoken(countdown, wpm); p.countAt >= 0 && fits(p, m, d, moveShare) && p.lane.free(p.countAt, d) {
			p.add(i, p.countAt, CueCount, countdown, d)
			budget -= d
		}
		try := func(kind, say string, lo, hi, share float64) bool {
			d := spoken(say, wpm)
			if !fits(p, m, d, share) {
				return false
			}
			at, ok := p.lane.earliest(lo, hi-d, d)
			if !ok {
				return false
			}
			p.add(i, at, kind, say, d)
			budget -= d
			return true
		}
		if !m.Switches() && m.Seconds >= halfwayFrom {
			half := m.Start + m.Seconds/2
			try(CueHalfway, "Halfway.", half, half+3+spoken("Halfway.", wpm), moveShare)
		}
		if m.Note != "" {
			try(CueNote, sentence(m.Note), m.Start, m.End()-tail, firstShare)
		}
		now := map[string]bool{}
		for _, c := range cautions[i] {
			now[c.ID] = true
			switch {
			case !full[c.ID]:
				full[c.ID] = try(CueCaution, c.Say, m.Start, m.End()-tail, firstShare)
			case !before[c.ID] || firstOf(s, i):
				try(CueCaution, c.Brief(), m.Start, m.End()-tail, moveShare)
			}
		}
		before = now
		sort.SliceStable(p.cues, func(a, b int) bool { return p.cues[a].At < p.cues[b].At })
		s.Cues = append(s.Cues, p.cues...)
	}
	sort.SliceStable(s.Chimes, func(a, b int) bool { return s.Chimes[a].At < s.Chimes[b].At })
	if len(s.Moves) > 0 {
		say := "That is the end of the routine. Rest a moment."
		s.Cues = append(s.Cues, Cue{At: s.Total, Move: len(s.Moves) - 1, Kind: CueDone, Say: say, Seconds: round2(massage.SpokenSeconds(say, 0))})
	}
}
