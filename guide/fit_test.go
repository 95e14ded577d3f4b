package guide_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
)

// requests sweeps areas × minutes × mode over the built-in catalog.
func requests() []plan.Request {
	var areas [][]string
	for _, a := range massage.Areas {
		areas = append(areas, []string{a.ID})
	}
	areas = append(areas, []string{"back", "scalp"}, []string{"shoulders", "arms"}, []string{"feet", "scalp"},
		[]string{"back", "shoulders", "neck"}, []string{"head", "neck", "shoulders", "back", "arms", "legs"})
	var out []plan.Request
	for _, a := range areas {
		for _, min := range []float64{3, 5, 10, 15, 30, 60} {
			for _, mode := range []string{"", "self", "partner"} {
				out = append(out, plan.Request{Areas: a, Minutes: min, Mode: mode})
			}
		}
	}
	return out
}

// TestSpeechFitsEveryPlan plays the script of many real plans through the
// speech model (each cue said at 160 words a minute plus a breath, after
// the one before): every start, switch and next begins within a second of
// its moment and speech fills at most 35% of the session; at every rate
// no start, switch or next is missing, and a caution is said in full
// before any short form of it and never twice in a move.
func TestSpeechFitsEveryPlan(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	full := map[string]bool{}
	for _, c := range cat.Cautions {
		full[c.Say] = true
	}
	planned := 0
	for _, req := range requests() {
		p, err := plan.Make(cat, req)
		if err != nil {
			continue // nothing safe for the area in that mode, or too short
		}
		planned++
		name := fmt.Sprintf("%v %g min %q", req.Areas, req.Minutes, req.Mode)
		for _, rate := range guide.Rates {
			s, err := guide.BuildWith(cat, p.Routine(), guide.Options{Rate: rate})
			if err != nil {
				t.Fatalf("%s %s: %v", name, rate, err)
			}
			var secs float64
			for _, it := range p.Routine().Items {
				secs += it.Seconds
			}
			if s.Total+0.5 < secs {
				t.Errorf("%s %s: the script plays %v s of a %v s routine", name, rate, s.Total, secs)
			}
			if rate == guide.RateNormal {
				tm := guide.Sound(s, 0)
				if tm.KeyLate > 0 || tm.WorstKey > guide.LateAfter {
					t.Errorf("%s: %d start, switch or next cues late, the worst by %.1f s", name, tm.KeyLate, tm.WorstKey)
				}
				if tm.Share > 0.35 {
					t.Errorf("%s: speech fills %.1f%% of the session", name, tm.Share*100)
				}
			}
			checkMoves(t, name+" "+rate, s, full)
		}
	}
	if planned < 100 {
		t.Fatalf("only %d requests could be planned", planned)
	}
}

func checkMoves(t *testing.T, name string, s *guide.Script, full map[string]bool) {
	t.Helper()
	for i, m := range s.Moves {
		kinds := map[string]int{}
		cautions := map[string]int{}
		for _, q := range s.Cues {
			if q.Move != i || q.Kind == guide.CueDone {
				continue
			}
			kinds[q.Kind]++
			if q.At < m.Start-1e-9 || q.At+q.Seconds > m.End()+1e-9 {
				t.Errorf("%s: move %d (%v–%v s): %s cue %q at %v runs outside it", name, i, m.Start, m.End(), q.Kind, q.Say, q.At)
			}
			want := math.Round(massage.SpokenSeconds(q.Say, 0)*100) / 100
			if q.Seconds != want {
				t.Errorf("%s: cue %q has seconds %v, want %v", name, q.Say, q.Seconds, want)
			}
			switch q.Kind {
			case guide.CueStart:
				if q.At != m.Start {
					t.Errorf("%s: move %d starts at %v, its start cue at %v", name, i, m.Start, q.At)
				}
			case guide.CueSwitch:
				if q.At != m.Start+m.Seconds/2 {
					t.Errorf("%s: move %d switches at %v, not half time", name, i, q.At)
				}
			case guide.CueCaution:
				if full[q.Say] {
					cautions[q.Say]++
				} else if len(strings.Fields(q.Say)) > massage.ShortWords {
					t.Errorf("%s: caution %q is neither whole nor short", name, q.Say)
				}
			}
		}
		for c, n := range cautions {
			if n > 1 {
				t.Errorf("%s: move %d says %q %d times", name, i, c, n)
			}
		}
		if kinds[guide.CueStart] != 1 {
			t.Errorf("%s: move %d has %d start cues", name, i, kinds[guide.CueStart])
		}
		if m.Switches() && kinds[guide.CueSwitch] != 1 {
			t.Errorf("%s: move %d switches but has %d switch cues", name, i, kinds[guide.CueSwitch])
		}
		if i+1 < len(s.Moves) && kinds[guide.CueNext] != 1 {
			t.Errorf("%s: move %d has %d next cues", name, i, kinds[guide.CueNext])
		}
	}
	// Every chime sounds at a switch or at a move's start.
	for _, c := range s.Chimes {
		m := s.Moves[c.Move]
		if (c.Kind == guide.ChimeNext && c.At != m.Start) || (c.Kind == guide.ChimeSwitch && c.At != m.Start+m.Seconds/2) {
			t.Errorf("%s: %s chime at %v in move %d (%v–%v)", name, c.Kind, c.At, c.Move, m.Start, m.End())
		}
	}
}
