package plan

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/knead/knead/massage"
)

// slot is the part a unit plays in its section.
type slot int

const (
	slotW1     slot = iota // warm-up, light stroking
	slotW2                 // warm-up, deeper stroking
	slotWork               // the work
	slotFDeep              // finish, deep stroking
	slotFExtra             // finish, a closing move
)

func (sl slot) phase() string {
	switch sl {
	case slotW1, slotW2:
		return "warm-up"
	case slotWork:
		return "work"
	}
	return "finish"
}

// unit is one technique planned once in a section, for one side or for
// both sides in turn (then it becomes two items of equal time).
type unit struct {
	c     *cand
	slot  slot
	round int     // 0, or the number of the repeat of the work
	want  float64 // seconds per side the spread asks for
	per   float64 // seconds per side, settled
}

func (c *cand) n() float64     { return float64(c.sides) }
func (c *cand) least() float64 { return c.b.Least * c.n() }
func (c *cand) usual() float64 { return c.b.Usual * c.n() }
func (c *cand) most() float64  { return c.b.Most * c.n() }
func (u *unit) total() float64 { return u.per * u.c.n() }
func sumOf(us []*unit, f func(*cand) float64) float64 {
	var s float64
	for _, u := range us {
		s += f(u.c)
	}
	return s
}

// minimal is the least time the section can take: a light warm-up and one
// work technique, everything else dropped.
func (s *section) minimal() float64 {
	if w := s.minWork(); w != nil {
		return s.costOf(w)
	}
	if warm := s.warmFor(s.bare); len(warm) > 0 {
		return sumCands(warm, (*cand).least)
	}
	k := s.kitFor(s.bare, false)
	return kitSum(&k, nil, (*cand).least)
}

// complete is the least time the section takes with every phase.
func (s *section) complete() float64 {
	parts, withWork := s.bare, false
	var t float64
	if w := s.minWork(); w != nil {
		parts, withWork, t = w.parts, true, w.least()
	}
	k := s.kitFor(parts, withWork)
	return t + kitSum(&k, nil, (*cand).least)
}

// capacity is the most time the section can fill without staying on one
// move too long: every move at its longest, and when two or more work
// techniques can take turns, each of them maxRounds times.
func (s *section) capacity() float64 {
	parts := s.bare
	for _, c := range s.work {
		parts = parts.or(c.parts)
	}
	k := s.kitFor(parts, len(s.work) > 0)
	rounds := 1.0
	if len(s.work) >= 2 {
		rounds = maxRounds
	}
	return kitSum(&k, nil, (*cand).most) + rounds*sumCands(s.work, (*cand).most)
}

// allot splits the seconds over the sections by weight, giving each at
// least its minimal time and at most its capacity. When even every
// section's capacity falls short of the total, each gets its capacity:
// the plan is cut short (MakeFor says so).
func allot(secs []*section, total float64) error {
	var low, full, high float64
	var names []string
	for _, s := range secs {
		low += s.minimal()
		full += s.complete()
		high += s.capacity()
		names = append(names, "the "+massage.AreaName(s.area))
	}
	what := massage.JoinAnd(names)
	if low > total+1e-9 {
		return fieldError("minutes", "%s is too few for %s: at least %s would do, or %s with every phase",
			num(total/60), what, minutesUp(low), minutesUp(full))
	}
	if high < total-1e-9 {
		// Cut short: too few moves suit the areas to fill the time
		// without one coming round more than maxRounds times.
		for _, s := range secs {
			s.budget = s.capacity()
		}
		return nil
	}
	// Water-fill: find the share per unit of weight at which the sections,
	// each held between its least and its most, add up to the total.
	lows, highs := make([]float64, len(secs)), make([]float64, len(secs))
	for i, s := range secs {
		lows[i], highs[i] = s.minimal(), s.capacity()
	}
	at := func(share float64) float64 {
		var t float64
		for i, s := range secs {
			t += min(max(share*s.weight, lows[i]), highs[i])
		}
		return t
	}
	lo, hi := 0.0, 1.0
	for at(hi) < total && hi < 1e12 {
		hi *= 2
	}
	for range 100 {
		mid := (lo + hi) / 2
		if at(mid) < total {
			lo = mid
		} else {
			hi = mid
		}
	}
	for i, s := range secs {
		s.budget = min(max(hi*s.weight, lows[i]), highs[i])
	}
	return nil
}

func minutesUp(sec float64) string { return num(math.Ceil(sec/60 - 1e-9)) }

func minutesDown(sec float64) string {
	if sec < 60 {
		return massage.Seconds(math.Floor(sec))
	}
	return num(math.Floor(sec/60 + 1e-9))
}

// choose picks the section's units for its budget (order puts them in
// order, repeat adds rounds of the work, spread gives them their time):
// the first work technique with the strokes that warm up and finish the
// parts it works on, fewer phases when the budget is below what they need;
// then the strokes for parts that have no work, and more work techniques
// (with strokes for any new parts) while their usual times fit, and while
// the work cannot fill the time at its longest, as long as their least
// times fit.
func (s *section) choose(count map[string]int) {
	b := s.budget
	keep := map[slot]bool{slotW1: true, slotW2: true, slotFDeep: true, slotFExtra: true}
	var work []*cand
	parts := s.bare
	// work planned twice already in other sections is taken again only
	// when nothing else is left
	spent := func(c *cand) bool { return count[c.t.ID] >= 2 }
	if len(s.work) > 0 {
		w := s.work[0]
		if i := slices.IndexFunc(s.work, func(c *cand) bool { return !spent(c) }); i > 0 {
			w = s.work[i]
		}
		if k := s.kitFor(w.parts, true); sumCands(k.w1, (*cand).least)+sumCands(k.w2, (*cand).least)+w.least() > b {
			w = s.minWork()
		}
		work, parts = []*cand{w}, w.parts
	}
	sum := func(work []*cand, parts areaSet, f func(*cand) float64) float64 {
		k := s.kitFor(parts, len(work) > 0)
		return kitSum(&k, keep, f) + sumCands(work, f)
	}
	removed := s.drop(keep, func() bool { return sum(work, parts, (*cand).least) <= b }, len(work) > 0)
	if len(work) > 0 && !s.bare.empty() && sum(work, parts.or(s.bare), (*cand).usual) <= b {
		parts = parts.or(s.bare)
	}
	inPlan := map[*cand]bool{}
	for _, c := range work {
		inPlan[c] = true
	}
	// The strokes' and the work's sums so far, so that a technique on parts
	// already stroked costs only its own time.
	var have kit
	var kitLeast, kitUsual, workLeast, workUsual, workMost float64
	settle := func() {
		have = s.kitFor(parts, len(work) > 0)
		kitLeast, kitUsual = kitSum(&have, keep, (*cand).least), kitSum(&have, keep, (*cand).usual)
		workLeast, workUsual, workMost = sumCands(work, (*cand).least), sumCands(work, (*cand).usual), sumCands(work, (*cand).most)
	}
	settle()
	try := func(c *cand, usual bool) {
		p := parts.or(c.parts)
		var need float64
		switch {
		case p == parts && usual:
			need = kitUsual + workUsual + c.usual()
		case p == parts:
			need = kitLeast + workLeast + c.least()
		case usual:
			need = sum(work, p, (*cand).usual) + c.usual()
		default:
			need = sum(work, p, (*cand).least) + c.least()
		}
		if need <= b {
			work, parts, inPlan[c] = append(work, c), p, true
			settle()
		}
	}
	// Few distinct techniques: spare time goes to longer moves and a
	// second round of the best-liked (repeat), not to more different moves;
	// more than maxWork only when even two rounds of them at their longest
	// cannot fill the time, before any comes round a third time.
	for _, c := range s.work {
		if !inPlan[c] && !spent(c) && len(work) < maxWork {
			try(c, true)
		}
	}
	for _, c := range s.work {
		if !inPlan[c] && !spent(c) && (len(work) < maxWork && workMost+kitUsual < b || 2*workMost+kitUsual < b) {
			try(c, false)
		}
	}

	k := have
	var us []*unit
	for _, sl := range strokeSlots {
		if keep[sl] {
			for _, c := range k.of(sl) {
				us = append(us, &unit{c: c, slot: sl})
			}
		}
	}
	for _, c := range work {
		us = append(us, &unit{c: c, slot: slotWork})
	}
	s.units = us
	s.sayDropped(removed, &k)
	s.sayUnwarmed(us, removed)
}

// sayUnwarmed notes where a condition left no deep stroke to warm up
// before kneading, or nothing to finish with: the plan cannot keep the
// order then, and says what to do instead.
func (s *section) sayUnwarmed(us []*unit, removed []slot) {
	if len(s.deepOut) == 0 {
		return
	}
	has := func(ok func(u *unit) bool) bool { return slices.ContainsFunc(us, ok) }
	work := has(func(u *unit) bool { return u.slot == slotWork })
	why := "with " + strings.Join(s.deepOut, ", ")
	name := massage.AreaName(s.area)
	if work && !slices.Contains(removed, slotW2) && !has(func(u *unit) bool { return u.slot == slotW2 }) &&
		has(func(u *unit) bool { return u.slot == slotWork && u.c.t.Family == "kneading" && !u.c.lead }) &&
		!has(func(u *unit) bool { return u.c.lead }) {
		s.notes = append(s.notes, fmt.Sprintf("no deeper stroke is safe to warm up the %s (%s), so the kneading follows light stroking only: begin it gently", name, why))
	}
	if work && !slices.Contains(removed, slotFDeep) && !slices.Contains(removed, slotFExtra) &&
		!has(func(u *unit) bool { return u.slot.phase() == "finish" }) {
		s.notes = append(s.notes, fmt.Sprintf("nothing is safe to finish the %s with (%s): close with a few strokes as light as the warm-up's", name, why))
	}
}

// repeat adds rounds of the work when the work at its longest, with the
// warm-up and finish at their usual times, cannot fill the section's time:
// a second round of the best-liked work first (thumbs up less thumbs down,
// then those that can take the most time, so that fewest come round
// again), as many as it takes, tapping only when liked; a third round only when
// every work technique the area has is planned and two rounds cannot fill
// the time, which the notes then say. No technique comes round more than
// maxRounds times in the plan (count holds how often each is planned so
// far, over every section, and is kept up to date), and never twice in a
// row: each round keeps the order of the first, and a move that would
// follow itself goes into the latest gap between two others.
func (s *section) repeat(l *lesson, count map[string]int) {
	b := s.budget
	var work, rest []*unit
	at := -1
	for i, u := range s.units {
		if u.slot == slotWork {
			work = append(work, u)
			at = i + 1
		} else if at >= 0 {
			rest = append(rest, u)
		}
	}
	if len(work) < 2 {
		return
	}
	least := sumOf(s.units, (*cand).least)
	most := sumOf(work, (*cand).most)
	for _, u := range s.units {
		if u.slot != slotWork {
			most += u.c.usual()
		}
	}
	byLike := slices.Clone(work)
	slices.SortStableFunc(byLike, func(a, b *unit) int {
		if d := l.likes[b.c.t.ID] - l.likes[a.c.t.ID]; d != 0 {
			return d
		}
		return cmp.Compare(b.c.most(), a.c.most()) // the fewest extra moves
	})
	seq := slices.Clone(work)
	var liked, thrice []string
	for r := 1; r < maxRounds && most < b-1e-9; r++ {
		if r >= 2 && len(work) < len(s.work) {
			break // the area has other techniques: never a third round
		}
		pick := map[*cand]bool{}
		for _, u := range byLike {
			c := u.c
			// tapping is a short accent: it comes round again only when liked
			if most >= b-1e-9 || count[c.t.ID] > r || least+c.least() > b || c.t.Family == "percussion" && l.likes[c.t.ID] <= 0 {
				continue
			}
			pick[c] = true
			least, most = least+c.least(), most+c.most()
		}
		for _, u := range work {
			c := u.c
			if !pick[c] {
				continue
			}
			nu := &unit{c: c, slot: slotWork, round: r}
			if !placeApart(&seq, nu) {
				least, most = least-c.least(), most-c.most()
				continue
			}
			count[c.t.ID]++
			if r == 1 && l.likes[c.t.ID] > 0 {
				liked = append(liked, c.t.Name)
			}
			if count[c.t.ID] == maxRounds {
				thrice = append(thrice, c.t.Name)
			}
		}
	}
	if len(seq) > len(work) {
		// a round's number is the technique's turn, as played
		turn := map[*cand]int{}
		for _, u := range seq {
			u.round = turn[u.c]
			turn[u.c]++
		}
		s.units = append(append(s.units[:at-len(work):at-len(work)], seq...), rest...)
	}
	name := massage.AreaName(s.area)
	if len(liked) > 0 {
		s.notes = append(s.notes, fmt.Sprintf("A second round of %s on the %s: you gave it a thumbs-up", massage.JoinAnd(liked), name))
	}
	if len(thrice) > 0 {
		who := massage.JoinAnd(thrice) + " come"
		switch {
		case len(thrice) == len(work):
			who = "each comes"
		case len(thrice) == 1:
			who = thrice[0] + " comes"
		}
		s.notes = append(s.notes, fmt.Sprintf("Only %d moves suit the %s for this much time, so %s round three times", len(work), name, who))
	}
}

// placeApart puts u into the work sequence, never right after or before
// the same technique: at the end when the last move is another, else in
// the latest gap between two other moves (never before the first). It
// reports false when there is no such gap.
func placeApart(seq *[]*unit, u *unit) bool {
	s := *seq
	if s[len(s)-1].c != u.c {
		*seq = append(s, u)
		return true
	}
	for i := len(s) - 1; i >= 1; i-- {
		if s[i-1].c != u.c && s[i].c != u.c {
			*seq = slices.Insert(s, i, u)
			return true
		}
	}
	return false
}

// drop leaves out slots, least needed first (the finish's closing move, its
// deep strokes, the deeper warm-up strokes), until fits says the rest fit,
// then puts back what fits again after a later removal. It keeps a warm-up,
// and something after the warm-up. It returns the slots left out.
func (s *section) drop(keep map[slot]bool, fits func() bool, withWork bool) []slot {
	var removed []slot
	for _, sl := range []slot{slotFExtra, slotFDeep, slotW2} {
		if fits() {
			break
		}
		k := s.kitFor(s.bare, withWork)
		if sl == slotW2 && len(s.lights) == 0 || sl.phase() == "finish" && !withWork && len(k.w1)+len(k.w2) == 0 {
			continue
		}
		keep[sl] = false
		removed = append(removed, sl)
	}
	var out []slot
	for _, sl := range []slot{slotW2, slotFDeep, slotFExtra} {
		if !slices.Contains(removed, sl) {
			continue
		}
		keep[sl] = true
		if !fits() {
			keep[sl] = false
			out = append(out, sl)
		}
	}
	return out
}

// sayDropped says which slots were left out for lack of time, naming the
// moves they would have held.
func (s *section) sayDropped(removed []slot, k *kit) {
	names := func(sl slot) []string {
		var out []string
		for _, c := range k.of(sl) {
			out = append(out, c.t.Name)
		}
		return out
	}
	name := massage.AreaName(s.area)
	gone := func(sl slot) bool { return slices.Contains(removed, sl) && len(k.of(sl)) > 0 }
	finish := append(names(slotFDeep), names(slotFExtra)...)
	switch {
	case !gone(slotFDeep) && !gone(slotFExtra):
	case gone(slotFDeep) && (gone(slotFExtra) || k.fextra == nil):
		s.dropped = append(s.dropped, fmt.Sprintf("the finish on the %s (%s)", name, strings.Join(finish, ", ")))
	case gone(slotFDeep):
		s.dropped = append(s.dropped, fmt.Sprintf("part of the finish on the %s (%s)", name, strings.Join(names(slotFDeep), ", ")))
	default:
		s.dropped = append(s.dropped, fmt.Sprintf("part of the finish on the %s (%s)", name, strings.Join(names(slotFExtra), ", ")))
	}
	if gone(slotW2) {
		s.dropped = append(s.dropped, fmt.Sprintf("the deeper stroking of the warm-up on the %s (%s)", name, strings.Join(names(slotW2), ", ")))
	}
}

// spread sets each unit's wanted seconds so that they add up to b: when b
// is above the usual times, the work takes the extra first; when below,
// every unit shrinks alike. No unit leaves its bounds.
func spread(us []*unit, b float64) {
	usual := sumOf(us, (*cand).usual)
	if b <= usual {
		scale(us, b)
		return
	}
	var work, rest []*unit
	for _, u := range us {
		if u.slot == slotWork {
			work = append(work, u)
		} else {
			rest = append(rest, u)
		}
	}
	restUsual := sumOf(rest, (*cand).usual)
	if len(work) > 0 && sumOf(work, (*cand).most) >= b-restUsual {
		for _, u := range rest {
			u.want = u.c.b.Usual
		}
		scale(work, b-restUsual)
		return
	}
	for _, u := range work {
		u.want = u.c.b.Most
	}
	scale(rest, b-sumOf(work, (*cand).most))
}

// scale sets want = clamp(usual·k) per side, finding k so that the units
// add up to target (as near as their bounds allow).
func scale(us []*unit, target float64) {
	if len(us) == 0 {
		return
	}
	at := func(k float64) float64 {
		var t float64
		for _, u := range us {
			t += u.c.b.Clamp(u.c.b.Usual*k) * u.c.n()
		}
		return t
	}
	lo, hi := 0.0, 1.0
	for at(hi) < target && hi < 1e6 {
		hi *= 2
	}
	for range 60 {
		mid := (lo + hi) / 2
		if at(mid) < target {
			lo = mid
		} else {
			hi = mid
		}
	}
	for _, u := range us {
		u.want = u.c.b.Clamp(u.c.b.Usual * hi)
	}
}

// settle rounds every unit to whole seconds, to 5 s where its bounds
// allow, keeping each section's time: what rounding loses or gains is given
// back in steps of 5 s, then 1 s, to the units furthest from what they
// wanted. A section that cannot hit its time exactly passes the difference
// on to the next; what is left at the end (less than a second, an odd
// second over two sides, or what a section's bounds could not take) goes
// to the first units with room for it.
func settle(secs []*section) {
	var carry float64
	for _, s := range secs {
		carry = roundUnits(s.units, s.budget+carry)
	}
	for _, s := range secs {
		for _, u := range s.units {
			if math.Abs(carry) <= 1e-9 {
				return
			}
			b := u.c.b
			v := min(max(u.per+carry/u.c.n(), b.Least), b.Most)
			carry -= (v - u.per) * u.c.n()
			u.per = round3(v)
		}
	}
}

// roundUnits rounds the units' wanted seconds so that they add up to
// target as near as whole seconds allow, and returns what is left over.
func roundUnits(us []*unit, target float64) float64 {
	for _, u := range us {
		b := u.c.b
		u.per = b.Clamp(math.Round(u.want/5) * 5)
		if u.per < b.Least || u.per > b.Most {
			u.per = b.Clamp(math.Round(u.want))
		}
	}
	diff := target - sumTotal(us)
	order := slices.Clone(us)
	for _, step := range []float64{5, 1} {
		for moved := true; moved && math.Abs(diff) >= step-1e-9; {
			moved = false
			slices.SortStableFunc(order, func(a, b *unit) int {
				return cmp.Compare((b.want-b.per)*sign(diff), (a.want-a.per)*sign(diff))
			})
			for _, u := range order {
				d := step * sign(diff)
				if math.Abs(d*u.c.n()) > math.Abs(diff)+1e-9 {
					continue
				}
				b := u.c.b
				if v := u.per + d; v >= b.Least-1e-9 && v <= b.Most+1e-9 {
					u.per = v
					diff -= d * u.c.n()
					moved = true
					break
				}
			}
		}
	}
	return diff
}

func sumTotal(us []*unit) float64 {
	var t float64
	for _, u := range us {
		t += u.total()
	}
	return t
}

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
