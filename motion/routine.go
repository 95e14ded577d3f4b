package motion

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/knead/knead/massage"
)

// TechniquePaths compiles a technique's steps for export, one after the
// other at their usual times.
func TechniquePaths(t *massage.Technique) ([]StepPath, error) { return CompileTechnique(t) }

// TechniquePathsWithin is TechniquePaths laid out within limits that may be
// lower than Knead's: the moves slower and fewer in each step's time (up to
// the most seconds of a step that gives a range), refused only when a step
// cannot fit.
func TechniquePathsWithin(t *massage.Technique, l Limits) ([]StepPath, error) {
	out := make([]StepPath, 0, len(t.Steps))
	sc := &scratch{}
	for i := range t.Steps {
		p, err := CompileStep(t, i+1, Options{Limits: l, sc: sc})
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// RoutinePaths compiles a routine for export, item after item. An item
// naming a technique plays that technique's steps in order, looped and
// stretched to fill exactly the item's seconds; an item with steps of its
// own plays those the same way. The item's pressure is used within each
// step's own range, and never above a step's own level when it gives no
// range.
func RoutinePaths(cat *massage.Catalog, r *massage.Routine) ([]StepPath, error) {
	return RoutinePathsWithin(cat, r, Limits{})
}

// RoutinePathsWithin is RoutinePaths laid out within limits that may be
// lower than Knead's (zero fields keep the defaults).
func RoutinePathsWithin(cat *massage.Catalog, r *massage.Routine, l Limits) ([]StepPath, error) {
	// items compile apart from each other, a few at a time
	type result struct {
		paths []StepPath
		err   error
	}
	results := make([]result, len(r.Items))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, min(runtime.GOMAXPROCS(0), 4)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := &scratch{} // this worker's, step after step
			for i := range next {
				ps, err := routineItem(cat, r, i, l, sc)
				results[i] = result{ps, err}
			}
		}()
	}
	for i := range r.Items {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []StepPath
	for _, res := range results {
		if res.err != nil {
			return nil, res.err
		}
		out = append(out, res.paths...)
	}
	return out, nil
}

func routineItem(cat *massage.Catalog, r *massage.Routine, i int, l Limits, sc *scratch) ([]StepPath, error) {
	it := r.Items[i]
	{
		t := cat.Technique(it.Technique)
		if it.Technique == "" {
			t = &massage.Technique{ID: itemID(i, it), Name: it.Name, Mode: r.Mode, Steps: it.Steps}
			if it.Area != "" {
				t.Areas = []string{it.Area}
			}
		}
		if t == nil {
			return nil, fmt.Errorf("routine %s item %d: no technique has the id %q", r.ID, i+1, it.Technique)
		}
		if len(t.Steps) == 0 {
			return nil, fmt.Errorf("routine %s item %d: %s has no steps to play", r.ID, i+1, t.ID)
		}
		if r.Pressure != "" {
			// the routine's pressure caps every item's
			it.Pressure = massage.Lighter(it.Pressure, r.Pressure)
			if it.Pressure == "" {
				it.Pressure = r.Pressure
			}
		}
		ps, err := itemPaths(t, it, l, sc)
		if err != nil {
			return nil, fmt.Errorf("routine %s item %d: %w", r.ID, i+1, err)
		}
		return ps, nil
	}
}

func itemID(i int, it massage.Item) string {
	id := strings.ToLower(strings.Join(strings.Fields(it.Name), "-"))
	if id == "" {
		id = fmt.Sprintf("item-%d", i+1)
	}
	return id
}

// itemPaths fits a technique into an item's seconds: as many rounds of its
// steps as fit best, each step stretched by the same factor, the time
// counted in whole samples so the item lasts exactly its seconds.
func itemPaths(t *massage.Technique, it massage.Item, l Limits, sc *scratch) ([]StepPath, error) {
	// the steps played: those the planner chose (play), else all
	steps := it.Play
	if len(steps) == 0 {
		steps = make([]int, len(t.Steps))
		for i := range steps {
			steps[i] = i
		}
	}
	for _, i := range steps {
		if i < 0 || i >= len(t.Steps) {
			return nil, fmt.Errorf("play names step %d of %s, which has %s", i+1, t.ID, plural(len(t.Steps), "step"))
		}
	}
	base := make([]StepPath, len(steps))
	var total int // samples of one round at the usual times
	for i, si := range steps {
		p, err := CompileStep(t, si+1, Options{Level: it.Pressure, Limits: l, measure: it.Seconds > 0, sc: sc})
		if err != nil {
			return nil, err
		}
		base[i] = p
		total += int(math.Round(p.Seconds * Rate))
	}
	if it.Seconds <= 0 {
		return base, nil
	}
	want := int(math.Round(it.Seconds * Rate))
	rounds := max(1, int(math.Round(float64(want)/float64(total))))
	var share []float64 // each step's share of the item, when not the usual
	for tries := 0; ; {
		out, err := itemRounds(t, it, l, base, total, want, rounds, share, sc)
		var me *MotionError
		if !errors.As(err, &me) {
			return out, err
		}
		if rounds > 1 {
			// a step too short for its moves within the limits: fewer
			// rounds, each step longer
			rounds--
			continue
		}
		// one round and a step still too short (an item shorter than the
		// technique's usual time, under lowered limits): that step takes
		// a larger share of the item from the others, up to half again
		// as much at a time, as long as there are others to take from
		i := slices.IndexFunc(base, func(p StepPath) bool { return p.Step == me.Step })
		if i < 0 || len(base) < 2 || tries >= 12 {
			return out, err
		}
		if share == nil {
			share = make([]float64, len(base))
			for k := range share {
				share[k] = 1
			}
		}
		share[i] *= 1.5
		tries++
	}
}

// itemRounds lays out an item as rounds of its steps in want samples.
func itemRounds(t *massage.Technique, it massage.Item, l Limits, base []StepPath, total, want, rounds int, share []float64, sc *scratch) ([]StepPath, error) {
	n := rounds * len(base)
	// the usual samples of a round, each step's weighted by its share
	shared := 0.0
	for k, p := range base {
		if share != nil {
			shared += p.Seconds * Rate * share[k]
		}
	}
	var out []StepPath
	// rounds of a step given the same number of samples compile the same:
	// compiled once, shared (the samples are only read from then on)
	type key struct{ step, ticks int }
	made := map[key]StepPath{}
	done := 0
	for k := 0; k < n; k++ {
		p := base[k%len(base)]
		// every round alike (so it compiles once); the last step takes
		// what rounding leaves over
		ticks := int(math.Round(p.Seconds * Rate * float64(want) / float64(rounds*total)))
		if share != nil {
			ticks = int(math.Round(p.Seconds * Rate * share[k%len(base)] * float64(want) / (float64(rounds) * shared)))
		}
		ticks = min(ticks, want-done-(n-1-k)) // room for one tick each after
		if k == n-1 {
			ticks = want - done
		}
		if ticks < 1 {
			continue
		}
		done += ticks
		q, ok := made[key{p.Step, ticks}]
		if !ok {
			var err error
			q, err = CompileStep(t, p.Step, Options{Seconds: float64(ticks) / Rate, Level: it.Pressure, Limits: l, sc: sc})
			if err != nil {
				return nil, err
			}
			made[key{p.Step, ticks}] = q
		}
		out = append(out, q)
	}
	return out, nil
}
