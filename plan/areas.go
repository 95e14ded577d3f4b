package plan

import (
	"math/bits"

	"github.com/knead/knead/massage"
)

// areaSet is a set of areas as bits, so that the planner can ask "does this
// technique work on that area" of thousands of techniques without walking
// the area tree each time. It holds up to 128 areas (the body has 23).
type areaSet [2]uint64

func (s areaSet) has(i int) bool        { return i >= 0 && s[i/64]&(1<<(i%64)) != 0 }
func (s *areaSet) add(i int)            { s[i/64] |= 1 << (i % 64) }
func (s areaSet) or(o areaSet) areaSet  { return areaSet{s[0] | o[0], s[1] | o[1]} }
func (s areaSet) and(o areaSet) areaSet { return areaSet{s[0] & o[0], s[1] & o[1]} }
func (s areaSet) minus(o areaSet) areaSet {
	return areaSet{s[0] &^ o[0], s[1] &^ o[1]}
}
func (s areaSet) empty() bool { return s[0] == 0 && s[1] == 0 }
func (s areaSet) size() int   { return bits.OnesCount64(s[0]) + bits.OnesCount64(s[1]) }

// each calls fn with the position of every area in the set, head to toe.
func (s areaSet) each(fn func(i int)) {
	for w := range s {
		for x := s[w]; x != 0; x &= x - 1 {
			fn(w*64 + bits.TrailingZeros64(x))
		}
	}
}

// count is the number of areas in both sets.
func (s areaSet) count(o areaSet) int {
	return bits.OnesCount64(s[0]&o[0]) + bits.OnesCount64(s[1]&o[1])
}

// on reports whether the set holds area.
func (s areaSet) on(area string) bool {
	i, ok := areaIndex[area]
	return ok && s.has(i)
}

var (
	areaIndex  = map[string]int{} // position of each area in massage.Areas
	areaParent []int              // position of each area's parent, -1 for none
	// reachOf holds, for each area, the areas that overlap it: the area,
	// those it lies in and those inside it.
	reachOf []areaSet
	// leavesOf holds, for each area, the finest areas inside it (itself
	// when it has none).
	leavesOf []areaSet
	// belowOf holds, for each area, the areas inside it and itself.
	belowOf []areaSet
	// landmarkReach holds, for each landmark, the areas overlapping its area.
	landmarkReach = map[string]areaSet{}
)

func init() {
	n := len(massage.Areas)
	areaParent = make([]int, n)
	reachOf = make([]areaSet, n)
	leavesOf = make([]areaSet, n)
	belowOf = make([]areaSet, n)
	for i, a := range massage.Areas {
		areaIndex[a.ID] = i
	}
	for i, a := range massage.Areas {
		areaParent[i] = -1
		if p, ok := areaIndex[a.Parent]; ok {
			areaParent[i] = p
		}
	}
	for i, a := range massage.Areas {
		leaf := len(massage.Children(a.ID)) == 0
		for j, b := range massage.Areas {
			if j < 128 && massage.Overlaps(a.ID, b.ID) {
				reachOf[i].add(j)
			}
			if leaf && j < 128 && massage.Within(a.ID, b.ID) {
				leavesOf[j].add(i)
			}
			if i < 128 && massage.Within(a.ID, b.ID) {
				belowOf[j].add(i)
			}
		}
	}
	for _, l := range massage.Landmarks {
		landmarkReach[l.ID] = overlapping([]string{l.Area})
	}
}

// overlapping gives the set of areas that overlap any of areas.
func overlapping(areas []string) areaSet {
	var s areaSet
	for _, a := range areas {
		if i, ok := areaIndex[a]; ok {
			s = s.or(reachOf[i])
		}
	}
	return s
}

// partsIn gives the parts of section that a technique over areas works on: each
// of its areas that lies inside the section, and the section itself when
// one of its areas holds the section. "feet" is then a part of "legs"
// beside "toes", so a move over the sole and a move over the toes are told
// apart.
func partsIn(areas areaSet, section int) areaSet {
	var s areaSet
	areas.each(func(a int) {
		switch {
		case within(a, section):
			s.add(a)
		case within(section, a):
			s.add(section)
		}
	})
	return s
}

// within reports whether area a lies inside area b (or is b), by position.
func within(a, b int) bool {
	for ; a >= 0; a = areaParent[a] {
		if a == b {
			return true
		}
	}
	return false
}

// finest gives the finest area that holds every part of section the
// technique works on.
func finest(t *massage.Technique, section int) string {
	out := -1
	for _, id := range t.Areas {
		a, ok := areaIndex[id]
		switch {
		case !ok:
			continue
		case within(a, section):
		case within(section, a):
			a = section
		default:
			continue
		}
		if out < 0 {
			out = a
			continue
		}
		for !within(a, out) { // climb to the smallest area holding both
			out = areaParent[out]
		}
	}
	if out < 0 {
		out = section
	}
	return massage.Areas[out].ID
}
