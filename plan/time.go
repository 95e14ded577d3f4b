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
func (c *cand) least() float64 { return c.f.bounds.Least * c.n() }
func (c *cand) usual() float64 { return c.f.bounds.Usual * c.n() }
func (c *cand) most() float64  { return c.f.bounds.Most * c.n() }
func (u *unit) total() float64 { return u.per * u.c.n() }
func sumOf(us []*unit, f func(*cand) float64) float64 {
	var s float64
	for _, u := range us {
		s += f(u.c)
	}
	return s
}

// minWork is the work technique that needs the least time.
func (s *section) minWork() *cand {
	var b *cand
	for _, c := range s.work {
		if b == nil || c.least() < b.least() {
			b = c
		}
	}
	return b
}

// minimal is the least time the section can take: a light warm-up and one
// work technique, everything else dropped.
func (s *section) minimal() float64 {
	var t float64
	warm := s.w1
	if warm == nil {
		warm = s.w2
	}
	if warm != nil {
		t += warm.least()
	}
	if w := s.minWork(); w != nil {
		t += w.least()
	} else if warm == nil {
		f := s.fdeep
		if f == nil {
			f = s.fextra
		}
		t += f.least()
	}
	return t
}

// complete is the least time the section takes with every phase.
func (s *section) complete() float64 {
	var t float64
	for _, c := range []*cand{s.w1, s.w2, s.minWork(), s.fdeep, s.fextra} {
		if c != nil {
			t += c.least()
		}
	}
	return t
}

// capacity is the most time the section can fill without staying on one
// move too long: unbounded when two or more work techniques can take turns,
// else every move at its longest.
func (s *section) capacity() float64 {
	if len(s.work) >= 2 {
		return math.Inf(1)
	}
	var t float64
	for _, c := range []*cand{s.w1, s.w2, s.fdeep, s.fextra} {
		if c != nil {
			t += c.most()
		}
	}
	for _, c := range s.work {
		t += c.most()
	}
	return t
}

// allot splits the seconds over the sections by weight, giving each at
// least its minimal time and at most its capacity.
func allot(secs []*section, total float64) error {
	var low, full, high float64
	var names []string
	for _, s := range secs {
		low += s.minimal()
		full += s.complete()
		high += s.capacity()
		names = append(names, "the "+areaName(s.area))
	}
	what := andList(names)
	if low > total+1e-9 {
		return fieldError("minutes", "%s is too few for %s: at least %s would do, or %s with every phase",
			num(total/60), what, minutesUp(low), minutesUp(full))
	}
	if high < total-1e-9 {
		return fieldError("minutes", "%s is more than the safe moves for %s can fill without staying too long on one spot: at most %s would do",
			num(total/60), what, minutesDown(high))
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
// order, repeat adds rounds of the work, spread gives them their time): every phase with as many
// work techniques as their usual times allow, more (and repeats) when the
// budget is above what they can fill, fewer phases when it is below what
// they need.
func (s *section) choose() {
	b := s.budget
	var us []*unit
	add := func(c *cand, sl slot) {
		if c != nil {
			us = append(us, &unit{c: c, slot: sl})
		}
	}
	add(s.w1, slotW1)
	add(s.w2, slotW2)
	inPlan := map[*cand]bool{}
	if len(s.work) > 0 {
		w := s.work[0]
		if w.least() > b-sumOf(us, (*cand).least) {
			w = s.minWork()
		}
		add(w, slotWork)
		inPlan[w] = true
	}
	add(s.fdeep, slotFDeep)
	add(s.fextra, slotFExtra)

	if sumOf(us, (*cand).least) > b {
		s.drop(&us, b)
	}
	least, usual, most := sumOf(us, (*cand).least), sumOf(us, (*cand).usual), sumOf(us, (*cand).most)
	take := func(c *cand, round int) {
		us = s.insertWork(us, c, round)
		inPlan[c] = true
		least, usual, most = least+c.least(), usual+c.usual(), most+c.most()
	}
	// More work while the usual times fit; then, if the moves cannot fill
	// the time even at their longest, more work and rounds of it, as long
	// as their least times fit.
	for _, c := range s.work {
		if !inPlan[c] && usual+c.usual() <= b {
			take(c, 0)
		}
	}
	for _, c := range s.work {
		if most < b && !inPlan[c] && least+c.least() <= b {
			take(c, 0)
		}
	}
	s.units = us
}

// repeat adds rounds of the work when the moves cannot fill the section's
// time even at their longest. Each round takes the work in the order the
// first round has, as many as their least times allow; a round never
// starts with the move the round before ended with.
func (s *section) repeat() {
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
	least, most := sumOf(s.units, (*cand).least), sumOf(s.units, (*cand).most)
	var more []*unit
	last := work[len(work)-1].c
	for r := 1; most < b; r++ {
		added := false
		for _, u := range work {
			c := u.c
			if most < b && least+c.least() <= b && !(c == last && !added) {
				more = append(more, &unit{c: c, slot: slotWork, round: r})
				least, most = least+c.least(), most+c.most()
				last, added = c, true
			}
		}
		if !added {
			break
		}
	}
	if len(more) > 0 {
		s.units = append(append(s.units[:at:at], more...), rest...)
	}
}

// insertWork adds a work unit after the other work units.
func (s *section) insertWork(us []*unit, c *cand, round int) []*unit {
	at := len(us)
	for i, u := range us {
		if u.slot > slotWork {
			at = i
			break
		}
	}
	return slices.Insert(us, at, &unit{c: c, slot: slotWork, round: round})
}

// drop removes phases, least needed first (the finish's closing move, its
// deep stroke, the deeper warm-up stroke), until the units fit the budget,
// puts back what fits again after a later removal, and says what it dropped.
func (s *section) drop(us *[]*unit, b float64) {
	fits := func(extra float64) bool { return sumOf(*us, (*cand).least)+extra <= b }
	has := func(sl slot) bool { return slices.ContainsFunc(*us, func(u *unit) bool { return u.slot == sl }) }
	removed := map[slot]*unit{}
	for _, sl := range []slot{slotFExtra, slotFDeep, slotW2} {
		if fits(0) {
			break
		}
		i := slices.IndexFunc(*us, func(u *unit) bool { return u.slot == sl })
		if i < 0 {
			continue
		}
		// Keep a warm-up and something after it.
		others := slices.ContainsFunc(*us, func(u *unit) bool { return u.slot != sl && u.slot.phase() != "finish" })
		if sl == slotW2 && !has(slotW1) || sl.phase() == "finish" && !others {
			continue
		}
		removed[sl] = (*us)[i]
		*us = slices.Delete(*us, i, i+1)
	}
	for _, sl := range []slot{slotW2, slotFDeep, slotFExtra} {
		if u := removed[sl]; u != nil && fits(u.c.least()) {
			at := slices.IndexFunc(*us, func(x *unit) bool { return x.slot > sl })
			if at < 0 {
				at = len(*us)
			}
			*us = slices.Insert(*us, at, u)
			delete(removed, sl)
		}
	}
	name := areaName(s.area)
	var finish []string
	for _, sl := range []slot{slotFDeep, slotFExtra} {
		if u := removed[sl]; u != nil {
			finish = append(finish, u.c.t.Name)
		}
	}
	switch {
	case len(finish) == 0:
	case removed[slotFDeep] != nil && (removed[slotFExtra] != nil || s.fextra == nil):
		s.dropped = append(s.dropped, fmt.Sprintf("the finish on the %s (%s)", name, strings.Join(finish, ", ")))
	default:
		s.dropped = append(s.dropped, fmt.Sprintf("part of the finish on the %s (%s)", name, strings.Join(finish, ", ")))
	}
	if u := removed[slotW2]; u != nil {
		s.dropped = append(s.dropped, fmt.Sprintf("the deeper stroking of the warm-up on the %s (%s)", name, u.c.t.Name))
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
			u.want = u.c.f.bounds.Usual
		}
		scale(work, b-restUsual)
		return
	}
	for _, u := range work {
		u.want = u.c.f.bounds.Most
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
			t += u.c.f.bounds.Clamp(u.c.f.bounds.Usual*k) * u.c.n()
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
		u.want = u.c.f.bounds.Clamp(u.c.f.bounds.Usual * hi)
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
			b := u.c.f.bounds
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
		b := u.c.f.bounds
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
				b := u.c.f.bounds
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
