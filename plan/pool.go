package plan

import (
	"fmt"
	"slices"

	"github.com/knead/knead/massage"
)

// pool is what the catalog offers for one area asked, before a mode is
// chosen: the safe candidates and the techniques left out.
type pool struct {
	area     string
	cands    []*cand
	excluded []*cand // with v.out set
}

// pools judges every technique that works on the areas asked, once, for
// all modes.
func (ix *index) pools(req Request, conds []massage.Condition) []*pool {
	out := make([]*pool, len(req.Areas))
	at := make([]int, len(req.Areas))
	for i, area := range req.Areas {
		out[i] = &pool{area: area}
		at[i] = areaIndex[area]
	}
	// the candidates, allocated together: at most one per technique and
	// area it works on
	n := 0
	for k, t := range ix.cat.Techniques {
		for i := range out {
			if t != nil && ix.covers[k].has(at[i]) {
				n++
			}
		}
	}
	slab := make([]cand, 0, n)
	for k, t := range ix.cat.Techniques {
		if t == nil {
			continue
		}
		for i, pl := range out {
			if !ix.covers[k].has(at[i]) {
				continue
			}
			f := ix.factsOf(k)
			if !reaches(t, f, at[i]) {
				continue
			}
			if len(slab) == cap(slab) {
				slab = make([]cand, 0, 8) // never, as counted; appending must not move the ones handed out
			}
			slab = append(slab, cand{t: t, f: f, area: finest(t, at[i]), v: ix.judge(t, f, conds, req.Pressure), covers: ix.covers[k]})
			c := &slab[len(slab)-1]
			if c.v.out {
				if c.v.condition != "" {
					part, unsafe := ix.onPart(t, k, at[i], conds, req.Pressure)
					if part != nil {
						pl.cands = append(pl.cands, part)
						if unsafe.empty() {
							continue
						}
						c.area = finestOf(unsafe)
					}
				}
				pl.excluded = append(pl.excluded, c)
				continue
			}
			if t.Mode == "both" && ix.banned != nil && onlyIn(t, sortedKeys(ix.banned)) {
				// for a partner it is done only in a posture ruled out:
				// it stays for oneself alone
				self := *t
				self.Mode = "self"
				c.t = &self
			}
			ix.ready(c, at[i])
			pl.cands = append(pl.cands, c)
		}
	}
	return out
}

// ready fills in what the planner needs of a safe candidate in a section.
func (ix *index) ready(c *cand, section int) {
	c.parts = partsIn(c.f.areas, section)
	c.holds = c.f.holds
	c.top = len(massage.Areas)
	c.parts.each(func(a int) { c.top = min(c.top, a) })
	c.sides, c.side = sidesOf(c.f, c.area)
	c.cautions = ix.relevant(c.t, c.area, c.v.made)
}

// onPart tries a technique that a condition rules out somewhere on the
// parts of the section it works on. First on all of them together: a move
// over the arms and the feet is not ruled out of an arm massage by a wound
// on the feet, unless its steps go there. Then, for a coarse section, on
// each part, head to toe. It returns a candidate for all the parts, or for
// the first part where the technique is safe and its steps name no place of
// the section outside that part (so that its cues keep to that part), or
// nil; and the parts where the technique is not safe.
func (ix *index) onPart(t *massage.Technique, k, section int, conds []massage.Condition, asked string) (*cand, areaSet) {
	parts := partsIn(ix.factsOf(k).areas, section)
	try := func(on areaSet) *cand {
		one := *t
		one.Areas = nil
		on.each(func(p int) { one.Areas = append(one.Areas, massage.Areas[p].ID) })
		f := factsFor(&one, overlapping(one.Areas))
		v := ix.judge(&one, &f, conds, asked)
		if v.out {
			return nil
		}
		c := &cand{t: t, f: &f, area: finest(&one, section), v: v, covers: overlapping(one.Areas)}
		ix.ready(c, section)
		return c
	}
	// Restricted to its parts here, a move whose areas all lie in the
	// section is the move itself, already judged.
	if !ix.factsOf(k).areas.minus(belowOf[section]).empty() {
		if c := try(parts); c != nil {
			return c, areaSet{}
		}
	}
	if parts.size() < 2 {
		return nil, parts
	}
	var got *cand
	var unsafe areaSet
	parts.each(func(p int) {
		var on areaSet
		on.add(p)
		c := try(on)
		if c == nil {
			unsafe.add(p)
			return
		}
		if got == nil && !landmarksOf(t, func(id string) bool {
			l, ok := massage.LandmarkByID(id)
			a, in := areaIndex[l.Area]
			return ok && in && within(a, section) && !within(a, p)
		}) {
			got = c
		}
	})
	return got, unsafe
}

// finestOf gives the finest area that holds every area in the set.
func finestOf(s areaSet) string {
	out := -1
	s.each(func(a int) {
		if out < 0 {
			out = a
			return
		}
		for !within(a, out) {
			out = areaParent[out]
		}
	})
	if out < 0 {
		return ""
	}
	return massage.Areas[out].ID
}

// reaches reports whether a technique works on the section. One whose
// areas lie inside the section (or are it) does. One whose area holds the
// section, a foot move asked for the toes, does only when its steps name a
// place inside the section, or name no place at all: a fist pressed on the
// sole is not toe work.
func reaches(t *massage.Technique, f *facts, section int) bool {
	named, inside := false, false
	if !f.areas.and(belowOf[section]).empty() {
		return true
	}
	landmarksOf(t, func(id string) bool {
		named = true
		if l, ok := massage.LandmarkByID(id); ok {
			if a, ok := areaIndex[l.Area]; ok && within(a, section) {
				inside = true
			}
		}
		return inside
	})
	return inside || !named
}

// otherMode says which parts of the section get no work in the mode while
// the other mode has work for them, so that a partner plan for the thighs
// can say the kneading there is written for self-massage. "" when none.
func otherMode(pl *pool, mode string) string {
	other := map[string]string{"self": "partner", "partner": "self"}[mode]
	if other == "" {
		return ""
	}
	var have, lack areaSet
	var names []string
	// What the mode has there counts even when a condition rules it out:
	// then the mode is not what lacks.
	for _, c := range append(slices.Clone(pl.cands), pl.excluded...) {
		if c.t.FitsPhase("work") && fitsMode(c.t, mode) {
			have = have.or(partsIn(c.f.areas, areaIndex[pl.area]))
		}
	}
	for _, c := range pl.cands {
		if c.t.FitsPhase("work") && !fitsMode(c.t, mode) && !c.parts.minus(have).empty() {
			lack = lack.or(c.parts.minus(have))
			names = append(names, c.t.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	var where []string
	lack.each(func(a int) { where = append(where, massage.Areas[a].Name) })
	slices.Sort(names)
	such := "“" + names[0] + "”"
	if len(names) > 1 {
		such = fmt.Sprintf("%d techniques, such as %s", len(names), such)
	}
	return fmt.Sprintf("no work for the %s%s: Knead's work there (%s) is %s",
		massage.JoinAnd(where), modeWords(mode), such, massage.Modes.Name(other))
}

// unwarmed leaves out the work on parts that no safe stroke can warm up,
// when a condition has ruled out the strokes there (the calves, when the
// only strokes over them also pass an injured thigh): nothing is worked
// that was not warmed first. It lists what it leaves out and why.
func (s *section) unwarmed(cands, out []*cand) []*cand {
	var warm areaSet
	for _, c := range cands {
		if c.t.FitsPhase("warm-up") && (c.t.Family == "light-stroking" || c.t.Family == "deep-stroking") {
			warm = warm.or(c.holds)
		}
	}
	cold := func(c *cand) (areaSet, string) {
		var left areaSet
		c.parts.each(func(p int) {
			if warm.and(belowOf[p]).empty() {
				left.add(p)
			}
		})
		if left.empty() {
			return left, ""
		}
		for _, x := range out {
			if x.t.FitsPhase("warm-up") && (x.t.Family == "light-stroking" || x.t.Family == "deep-stroking") &&
				x.v.condition != "" && fitsMode(x.t, s.mode) && !x.f.holds.and(left).empty() {
				return left, x.v.condition
			}
		}
		return areaSet{}, "" // the catalog has no stroke there at all: nothing was ruled out
	}
	return slices.DeleteFunc(cands, func(c *cand) bool {
		if !c.t.FitsPhase("work") {
			return false
		}
		left, cond := cold(c)
		if cond == "" {
			return false
		}
		where := finestOf(left)
		s.excluded = append(s.excluded, Excluded{Technique: c.t.ID, Name: c.t.Name, Area: where, Condition: cond,
			Reason: fmt.Sprintf("no stroke is left to warm up the %s first: with %s, the strokes there are left out", massage.AreaName(where), saidOf(cond))})
		return true
	})
}
