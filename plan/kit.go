package plan

import "slices"

// kit is the warm-up and finish strokes for some parts of a section.
type kit struct {
	w1, w2, fdeep []*cand
	fextra        *cand
}

// of gives the strokes of a slot.
func (k *kit) of(sl slot) []*cand {
	switch sl {
	case slotW1:
		return k.w1
	case slotW2:
		return k.w2
	case slotFDeep:
		return k.fdeep
	case slotFExtra:
		if k.fextra != nil {
			return []*cand{k.fextra}
		}
	}
	return nil
}

// strokeSlots are the slots a kit fills, in order.
var strokeSlots = []slot{slotW1, slotW2, slotFDeep, slotFExtra}

// kitFor picks, from the section's strokes, those that warm up and finish
// the parts: light strokes, deeper strokes and finishing deep strokes
// covering every part, and the closing move where it touches them.
func (s *section) kitFor(parts areaSet, withWork bool) kit {
	k := kit{w1: coverOf(parts, s.lights, nil), w2: coverOf(parts, s.deeps, nil)}
	fd := s.fdeeps
	if !withWork {
		fd = slices.DeleteFunc(slices.Clone(fd), func(c *cand) bool { return slices.Contains(k.w2, c) })
	}
	k.fdeep = coverOf(parts, fd, k.w2)
	if c := s.fextra; c != nil && (!c.parts.and(parts).empty() || parts.empty()) {
		k.fextra = c
	}
	return k
}

// warmFor is the least warm-up for the parts: the light strokes, or the
// deeper ones when there are no light ones.
func (s *section) warmFor(parts areaSet) []*cand {
	if w := coverOf(parts, s.lights, nil); len(w) > 0 {
		return w
	}
	return coverOf(parts, s.deeps, nil)
}

// costOf is the least time a work technique needs with its least warm-up.
func (s *section) costOf(c *cand) float64 {
	if c.cost == 0 {
		c.cost = c.least() + sumCands(s.warmFor(c.parts), (*cand).least)
	}
	return c.cost
}

// minWork is the work technique that needs the least time with its warm-up.
func (s *section) minWork() *cand {
	if s.min != nil || len(s.work) == 0 {
		return s.min
	}
	var bc float64
	for _, c := range s.work {
		if cc := s.costOf(c); s.min == nil || cc < bc {
			s.min, bc = c, cc
		}
	}
	return s.min
}

func sumCands(cs []*cand, f func(*cand) float64) float64 {
	var t float64
	for _, c := range cs {
		t += f(c)
	}
	return t
}

// kitSum adds f over the kit's strokes in the slots kept.
func kitSum(k *kit, keep map[slot]bool, f func(*cand) float64) float64 {
	var t float64
	for _, sl := range strokeSlots {
		if keep == nil || keep[sl] {
			t += sumCands(k.of(sl), f)
		}
	}
	return t
}

// prefer reports whether stroke a is to be taken before b when both cover
// as much: one not in avoid, one made for its phase rather than also for
// the work, one from the source texts rather than Knead's own, then the seed.
func prefer(a, b *cand, avoid []*cand) bool {
	key := func(c *cand) [4]int {
		return [4]int{boolRank(slices.Contains(avoid, c)), boolRank(c.t.FitsPhase("work")), boolRank(c.t.Own()), c.rank}
	}
	ka, kb := key(a), key(b)
	return slices.Compare(ka[:], kb[:]) < 0
}

// coverOf picks strokes from pool, greedily, until every part in want is
// stroked: each time the stroke that covers most of what is left (see
// prefer for ties). A part no stroke holds whole is covered by one that
// strokes some of it.
func coverOf(want areaSet, pool []*cand, avoid []*cand) []*cand {
	var out []*cand
	left := want
	for _, loose := range []bool{false, true} {
		for !left.empty() {
			var best *cand
			var bestGot areaSet
			for _, c := range pool {
				if slices.Contains(out, c) {
					continue
				}
				got := strokes(c, left, loose)
				if got.empty() {
					continue
				}
				if best == nil || got.size() > bestGot.size() || got.size() == bestGot.size() && prefer(c, best, avoid) {
					best, bestGot = c, got
				}
			}
			if best == nil {
				break
			}
			out = append(out, best)
			left = left.minus(bestGot)
		}
	}
	return out
}

// strokes gives the parts of want that c strokes: those it holds whole, or
// when loose also those it strokes some of.
func strokes(c *cand, want areaSet, loose bool) areaSet {
	got := c.holds.and(want)
	if loose {
		want.minus(got).each(func(p int) {
			if !c.holds.and(belowOf[p]).empty() {
				got.add(p)
			}
		})
	}
	return got
}
