package plan

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/knead/knead/massage"
)

// cand is a technique that may be planned in a section: safe, in the mode,
// with the pressure it gets there.
type cand struct {
	t        *massage.Technique
	f        *facts
	area     string // the finest area it works on inside the section
	v        verdict
	sides    int      // 2 when it is done one side at a time, planned for both
	side     string   // for sides == 1: both or none
	cover    int      // how many of the section's finest areas it works on
	covers   areaSet  // the areas it works on or in
	cautions []string // ids of the cautions that matter where it is planned
	rank     int      // its place in the seeded shuffle
}

// section is the plan for one area asked for: the techniques that may fill
// each slot, what was left out, and later its time and chosen units.
type section struct {
	area     string
	weight   float64
	w1, w2   *cand   // warm-up: light stroking, then deeper stroking
	work     []*cand // work techniques, in the seeded order of choice
	fdeep    *cand   // finish: deep stroking after the work
	fextra   *cand   // finish: a closing move of the source's own (circles over the foot)
	excluded []Excluded
	known    int    // techniques for the area in the mode, safe or not
	mode     string // the plan's mode

	budget  float64
	units   []*unit
	dropped []string
}

func (s *section) empty() bool {
	return s.w1 == nil && s.w2 == nil && len(s.work) == 0 && s.fdeep == nil && s.fextra == nil
}

// emptyWhy says, after the area's name, why an empty section has no move.
func (s *section) emptyWhy() string {
	if s.known == 0 {
		if s.mode == "both" {
			return " (the catalog has no technique for it)"
		}
		return " (the catalog has no technique for it " + massage.Modes.Name(s.mode) + ")"
	}
	var conds []string
	pressure := false
	for _, e := range s.excluded {
		if e.Condition == "" {
			pressure = true
		} else if !slices.Contains(conds, e.Condition) {
			conds = append(conds, e.Condition)
		}
	}
	var why []string
	if len(conds) > 0 {
		why = append(why, "ruled out by "+strings.Join(conds, ", "))
	}
	if pressure {
		why = append(why, "every other move needs deeper pressure than was asked")
	}
	if len(why) == 0 {
		return ""
	}
	return " (" + strings.Join(why, "; ") + ")"
}

// fitsMode is Technique.FitsMode, except that a plan for both modes takes
// only moves that suit both.
func fitsMode(t *massage.Technique, mode string) bool {
	if mode == "both" {
		return t.Mode == "both"
	}
	return t.FitsMode(mode)
}

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
	for k, t := range ix.cat.Techniques {
		if t == nil {
			continue
		}
		for i, pl := range out {
			if !ix.covers[k].has(at[i]) {
				continue
			}
			f := ix.factsOf(k)
			c := &cand{t: t, f: f, area: finest(t, at[i]), v: ix.judge(t, f, conds, req.Pressure), covers: ix.covers[k]}
			if c.v.out {
				pl.excluded = append(pl.excluded, c)
				continue
			}
			c.cover = ix.covers[k].count(leavesOf[at[i]])
			c.sides, c.side = sidesOf(f, c.area)
			c.cautions = ix.relevant(t, c.area, c.v.made)
			pl.cands = append(pl.cands, c)
		}
	}
	return out
}

// sections builds one section per area asked, for the mode.
func (ix *index) sections(req Request, pools []*pool, mode string) []*section {
	out := make([]*section, len(pools))
	for i, pl := range pools {
		s := &section{area: pl.area, weight: req.weight(pl.area), mode: mode}
		for _, c := range pl.excluded {
			if fitsMode(c.t, mode) {
				s.known++
				s.excluded = append(s.excluded, Excluded{Technique: c.t.ID, Name: c.t.Name, Area: c.area, Reason: c.v.reason, Condition: c.v.condition})
			}
		}
		var cands []*cand
		for _, c := range pl.cands {
			if fitsMode(c.t, mode) {
				cands = append(cands, c)
			}
		}
		s.known += len(cands)
		rng := rand.New(rand.NewPCG(uint64(req.Seed), streamOf(pl.area)))
		rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		for i, c := range cands {
			c.rank = i
		}
		s.fill(cands)
		out[i] = s
	}
	return out
}

// streamOf gives each area its own random stream, so that adding an area
// does not change the choices made for another.
func streamOf(area string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(area))
	return h.Sum64()
}

// sidesOf says how a move is planned for the body's two sides. The
// catalog's seconds count every pass and both sides, so a move whose steps
// work one side and then the other (or left and right in turn) is one item
// with side "each". A move written for one side only (its steps name left
// or right, not both) is planned twice, once per side. Steps that work both
// sides at once make it "both"; a limb move that says nothing is "each";
// the back and shoulders are "both"; the rest (scalp, abdomen) "none".
func sidesOf(f *facts, area string) (int, string) {
	left, right, each := f.side("left"), f.side("right"), f.side("each")
	both, none := f.side("both") || f.side("alternate"), f.side("none")
	limb := massage.Within(area, "arms") || massage.Within(area, "legs")
	switch {
	case left != right:
		return 2, ""
	case each || left:
		return 1, "each"
	case both:
		return 1, "both"
	case limb && !none:
		return 1, "each"
	case massage.Within(area, "back") || area == "shoulders":
		return 1, "both"
	}
	return 1, "none"
}

// fill picks the candidates for each slot. Warm-up and finish go to the
// technique that covers most of the section, preferring moves made for that
// phase and moves from the source texts over Knead's own; the seed breaks
// the remaining ties. Work keeps the seeded order, taking turns between the
// finer areas so a coarse request spreads over its parts.
func (s *section) fill(cands []*cand) {
	var work []*cand
	for _, c := range cands {
		if c.t.FitsPhase("work") {
			work = append(work, c)
		}
	}
	// Warm up and finish where the first work goes, when no stroke covers
	// the whole section.
	var target areaSet
	if len(work) > 0 {
		target = leavesOf[areaIndex[s.area]]
		first := spreadOver(work)[0].covers
		target = areaSet{target[0] & first[0], target[1] & first[1]}
	}
	used := map[*cand]bool{}
	best := func(ok func(*cand) bool, phase string, avoid *cand) *cand {
		var b *cand
		key := func(c *cand) [6]int {
			near := -c.covers.count(target)
			pure := 0
			if c.t.FitsPhase("work") {
				pure = 1
			}
			own, same := 0, 0
			if c.t.Own() {
				own = 1
			}
			if c == avoid {
				same = 1
			}
			return [6]int{-c.cover, near, same, pure, own, c.rank}
		}
		for _, c := range cands {
			if used[c] || !c.t.FitsPhase(phase) || !ok(c) {
				continue
			}
			if b == nil {
				b = c
				continue
			}
			if kc, kb := key(c), key(b); slices.Compare(kc[:], kb[:]) < 0 {
				b = c
			}
		}
		if b != nil {
			used[b] = true
		}
		return b
	}
	family := func(f string) func(*cand) bool {
		return func(c *cand) bool { return c.t.Family == f }
	}
	s.w1 = best(family("light-stroking"), "warm-up", nil)
	s.w2 = best(family("deep-stroking"), "warm-up", nil)
	// The finish may repeat the warm-up's deep stroke when nothing else fits.
	if s.w2 != nil {
		delete(used, s.w2)
	}
	s.fdeep = best(family("deep-stroking"), "finish", s.w2)
	s.fextra = best(func(c *cand) bool {
		return c.t.Family != "deep-stroking" && !c.t.Own()
	}, "finish", nil)
	if s.fdeep == nil && s.fextra == nil {
		s.fextra = best(func(*cand) bool { return true }, "finish", nil)
	}
	if s.w2 != nil {
		used[s.w2] = true
	}
	s.work = spreadOver(slices.DeleteFunc(work, func(c *cand) bool { return used[c] }))
	if len(s.work) == 0 && s.fdeep == s.w2 {
		s.fdeep = nil // with no work between, it would be the same stroke twice in a row
	}
}

// spreadOver reorders work candidates so that the finer areas take turns:
// the first of each area (in seeded order), then the second, and so on.
func spreadOver(work []*cand) []*cand {
	groups := map[string][]*cand{}
	var areas []string
	for _, c := range work {
		if _, ok := groups[c.area]; !ok {
			areas = append(areas, c.area)
		}
		groups[c.area] = append(groups[c.area], c)
	}
	if len(areas) < 2 {
		return work
	}
	out := make([]*cand, 0, len(work))
	for i := 0; len(out) < len(work); i++ {
		for _, a := range areas {
			if g := groups[a]; i < len(g) {
				out = append(out, g[i])
			}
		}
	}
	return out
}

// pickMode chooses self or partner when the request leaves it open: the
// mode with more of the source texts' techniques safe for the areas, so
// that what the texts teach decides (partner on a tie). When neither has
// any, the plan keeps to moves that suit both.
func pickMode(pools []*pool) string {
	score := func(mode string) (covered, n int) {
		for _, pl := range pools {
			k := 0
			for _, c := range pl.cands {
				if !c.t.Own() && fitsMode(c.t, mode) {
					k++
				}
			}
			if k > 0 {
				covered++
			}
			n += k
		}
		return covered, n
	}
	pc, pn := score("partner")
	sc, sn := score("self")
	switch {
	case sc > pc || sc == pc && sn > pn:
		return "self"
	case pn > 0:
		return "partner"
	}
	return "both"
}
