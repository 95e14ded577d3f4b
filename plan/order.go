package plan

import (
	"slices"

	"github.com/knead/knead/massage"
)

// matches reports whether a technique is named by a rule's list of
// families or technique ids.
func matches(t *massage.Technique, list []string) bool {
	return slices.Contains(list, t.Family) || slices.Contains(list, t.ID)
}

// before reports whether some sequencing rule puts a before b.
func (ix *index) before(a, b *massage.Technique) bool {
	for _, r := range ix.rules {
		if r != nil && matches(a, r.First) && matches(b, r.Then) {
			return true
		}
	}
	return false
}

// mustPrecede reports whether a has to come before b: a rule says so and no
// rule says the opposite (kneading sits between stroking before and after it,
// so stroking and kneading name each other; phases settle those).
func (ix *index) mustPrecede(a, b *massage.Technique) bool {
	return a != b && ix.before(a, b) && !ix.before(b, a)
}

// order puts the section's units in phase order (warm-up, work, finish)
// and, within each phase, in an order the sequencing rules accept; where
// they leave a choice, by slot (light before deeper stroking, deep strokes
// before the closing move), a deep stroke that opens the work first, then
// head to toe by the parts they work on, then as chosen.
func (s *section) order(ix *index) {
	phase := map[string][]*unit{}
	for _, u := range s.units {
		p := u.slot.phase()
		phase[p] = append(phase[p], u)
	}
	out := s.units[:0:0]
	for _, p := range massage.Phases.IDs() {
		us := phase[p]
		slices.SortStableFunc(us, func(a, b *unit) int {
			if a.slot != b.slot {
				return int(a.slot) - int(b.slot)
			}
			if a.c.lead != b.c.lead {
				return boolRank(b.c.lead) - boolRank(a.c.lead)
			}
			return a.c.top - b.c.top
		})
		out = append(out, ix.ruleSort(us)...)
	}
	s.units = out
}

// ruleSort orders units so that every rule that binds one way holds,
// keeping the given order wherever the rules leave a choice (Kahn's
// algorithm, taking the earliest free unit each time; a cycle of rules,
// which a catalog should not have, is broken at its earliest unit).
func (ix *index) ruleSort(us []*unit) []*unit {
	n := len(us)
	if n < 2 || len(ix.rules) == 0 {
		return us
	}
	indeg := make([]int, n)
	after := make([][]int, n)
	for i := range n {
		for j := range n {
			if i != j && ix.mustPrecede(us[i].c.t, us[j].c.t) {
				after[i] = append(after[i], j)
				indeg[j]++
			}
		}
	}
	done := make([]bool, n)
	out := make([]*unit, 0, n)
	for len(out) < n {
		pick := -1
		for i := range n {
			if !done[i] && indeg[i] == 0 {
				pick = i
				break
			}
		}
		if pick < 0 {
			for i := range n {
				if !done[i] {
					pick = i
					break
				}
			}
		}
		done[pick] = true
		out = append(out, us[pick])
		for _, j := range after[pick] {
			indeg[j]--
		}
	}
	return out
}
