package guide

import (
	"math"
	"sort"

	"github.com/knead/knead/massage"
)

// Timing is how a script sounds under the speech model: each cue is said
// one after another at a rate, starting at its moment or when the one
// before it ends, whichever is later.
type Timing struct {
	Total    float64   // seconds of the session
	Spoken   float64   // seconds of speech
	Share    float64   // Spoken / Total
	Lags     []float64 // per cue, seconds it starts after its moment
	Late     int       // cues that start more than LateAfter after their moment
	KeyLate  int       // start, switch and next cues late by more than LateAfter
	WorstKey float64   // the largest lag of a start, switch or next cue
}

// LateAfter is how far behind its moment a cue may start and still be on time.
const LateAfter = 1.0

// Key reports whether a cue kind must never be dropped or late: the start of
// a move, a switch of side and what comes next.
func Key(kind string) bool {
	return kind == CueStart || kind == CueSwitch || kind == CueNext
}

// Sound plays script s through the speech model at wpm words a minute (the
// normal rate when wpm <= 0) and measures it. The closing "done" cue is
// said after the hands-on time and is left out of the share.
func Sound(s *Script, wpm float64) Timing {
	t := Timing{Total: s.Total, Lags: make([]float64, 0, len(s.Cues))}
	free := math.Inf(-1)
	for _, c := range s.Cues {
		d := massage.SpokenSeconds(c.Say, wpm)
		start := math.Max(c.At, free)
		lag := start - c.At
		free = start + d
		t.Lags = append(t.Lags, lag)
		if c.Kind != CueDone {
			t.Spoken += d
		}
		if lag > LateAfter {
			t.Late++
			if Key(c.Kind) {
				t.KeyLate++
			}
		}
		if Key(c.Kind) && lag > t.WorstKey {
			t.WorstKey = lag
		}
	}
	if t.Total > 0 {
		t.Share = t.Spoken / t.Total
	}
	return t
}

// Quantile gives the q-th quantile (0..1) of the lags, nearest rank.
func (t Timing) Quantile(q float64) float64 {
	if len(t.Lags) == 0 {
		return 0
	}
	ls := append([]float64(nil), t.Lags...)
	sort.Float64s(ls)
	i := int(math.Ceil(q*float64(len(ls)))) - 1
	if i < 0 {
		i = 0
	}
	return ls[i]
}
