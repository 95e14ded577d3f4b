package web

import (
	"slices"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/plan"
)

// The player page leaves the script's chimes out and finds them in the
// cues (player.js): a next-move chime at each start cue after the first
// move, a switch chime at each switch cue. This holds for every plan here,
// so the page chimes where package guide does.
func TestChimesFromCues(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, req := range []plan.Request{
		{Areas: []string{"upper-back", "scalp"}, Minutes: 20, Mode: "partner"},
		{Areas: []string{"feet", "hands", "calves"}, Minutes: 30, Mode: "self"},
		{Areas: []string{"shoulders", "forearms", "thighs"}, Minutes: 45, Mode: "partner", Pressure: "deep"},
	} {
		p, err := plan.Make(cat, req)
		if err != nil {
			t.Fatal(err)
		}
		s, err := guide.Build(cat, p.Routine())
		if err != nil {
			t.Fatal(err)
		}
		var got []guide.Chime
		for _, c := range s.Cues {
			switch {
			case c.Kind == guide.CueStart && c.Move > 0:
				got = append(got, guide.Chime{At: c.At, Move: c.Move, Kind: guide.ChimeNext})
			case c.Kind == guide.CueSwitch:
				got = append(got, guide.Chime{At: c.At, Move: c.Move, Kind: guide.ChimeSwitch})
			}
		}
		slices.SortStableFunc(got, func(a, b guide.Chime) int {
			switch {
			case a.At < b.At:
				return -1
			case a.At > b.At:
				return 1
			}
			return 0
		})
		if !slices.Equal(got, s.Chimes) || len(got) == 0 {
			t.Errorf("%v: chimes found in the cues %v, guide's %v", req.Areas, got, s.Chimes)
		}
	}
}
