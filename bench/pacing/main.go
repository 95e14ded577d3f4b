// Command pacing prints how a plan's moves are paced: for each of a set of
// plans from the built-in catalog (the golden scenarios and seeded random
// requests), the number of items and of moves the players play, the
// average and the shortest move (one step on one side), and the shortest
// item, against the floors: every move at least 20 s, every item at least
// 45 s for a partner and 30 s for oneself.
//
//	go run ./bench/pacing            (from the repository's root)
//
// The last line sums up all plans. It exits 1 when a floor is broken.
package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
)

func main() {
	cat, err := catalog.Builtin()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	reqs := []plan.Request{
		{Areas: []string{"back", "scalp"}, Minutes: 20, Mode: "partner"},
		{Areas: []string{"shoulders", "arms"}, Minutes: 10, Mode: "self"},
		{Areas: []string{"feet"}, Minutes: 15, Conditions: []string{"inflamed-joint:ankle"}},
		{Areas: []string{"scalp"}, Minutes: 10, Mode: "partner"},
		{Areas: []string{"back"}, Minutes: 10, Mode: "partner"},
		{Areas: []string{"head", "back", "feet"}, Minutes: 45, Mode: "partner"},
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for len(reqs) < 40 {
		r := plan.Request{Minutes: float64(5 + rng.IntN(56)), Seed: rng.Int64N(1000), Mode: []string{"self", "partner"}[rng.IntN(2)]}
		for n := 1 + rng.IntN(3); len(r.Areas) < n; {
			a := massage.Areas[rng.IntN(len(massage.Areas))].ID
			if !slices.ContainsFunc(r.Areas, func(b string) bool { return massage.Overlaps(a, b) }) {
				r.Areas = append(r.Areas, a)
			}
		}
		if _, err := plan.Make(cat, r); err == nil {
			reqs = append(reqs, r)
		}
	}
	fmt.Printf("%-44s %5s %5s %6s %8s %8s %8s %6s\n", "plan", "items", "moves", "techs", "avg move", "min move", "min item", "turns")
	var all []float64
	worstMove, worstItem := math.Inf(1), math.Inf(1)
	broken := false
	for _, r := range reqs {
		p, err := plan.Make(cat, r)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%v: %v\n", r, err)
			os.Exit(2)
		}
		s, err := guide.Build(cat, p.Routine())
		if err != nil {
			fmt.Fprintf(os.Stderr, "%v: %v\n", r, err)
			os.Exit(2)
		}
		var moves []float64
		for _, m := range s.Moves {
			if m.Kind == guide.KindTransition {
				continue
			}
			per := m.Seconds
			if m.Switches() {
				per /= 2
			}
			moves = append(moves, per)
		}
		minItem := math.Inf(1)
		techs := map[string]bool{}
		for _, it := range p.Items {
			minItem = min(minItem, it.Seconds)
			techs[it.Technique] = true
		}
		lo, _ := plan.ItemLimits(p.Mode)
		shortest := slices.Min(moves)
		if shortest < plan.MoveFloor || minItem < lo {
			broken = true
		}
		worstMove, worstItem = min(worstMove, shortest), min(worstItem, minItem)
		all = append(all, moves...)
		name := fmt.Sprintf("%s %gmin %s", strings.Join(p.Areas, "+"), r.Minutes, p.Mode)
		fmt.Printf("%-44s %5d %5d %6d %7.1fs %7.1fs %7.0fs %6d\n", name, len(p.Items), len(moves), len(techs), avg(moves), shortest, minItem, len(p.Transitions))
	}
	fmt.Printf("all %d plans: %d moves, average move %.1f s, shortest move %.1f s (floor %d s), shortest item %.0f s\n",
		len(reqs), len(all), avg(all), worstMove, plan.MoveFloor, worstItem)
	if broken {
		os.Exit(1)
	}
}

func avg(xs []float64) float64 {
	var t float64
	for _, x := range xs {
		t += x
	}
	return t / float64(len(xs))
}
