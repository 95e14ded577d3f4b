package plan

import (
	"fmt"
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
	sides    int            // 2 when it is done one side at a time, planned for both
	side     string         // for sides == 1: both or none
	parts    areaSet        // the parts of the section it works on (see partsIn)
	holds    areaSet        // the areas it works on and those inside them: what it strokes
	top      int            // the head-most of its parts, for a head-to-toe order
	covers   areaSet        // the areas it works on or in
	cautions []string       // ids of the cautions that matter where it is planned
	rank     int            // its place in the seeded shuffle
	lead     bool           // a deeper stroke that opens the work, when the warm-up has none
	cost     float64        // for work: costOf, once known (0: not yet)
	b        massage.Bounds // seconds per side in the plan's mode, paced (see pace)
	play     []int          // the steps played, when not all (see pace)
}

// section is the plan for one area asked for: the techniques that may fill
// each slot, what was left out, and later its time and chosen units.
type section struct {
	area   string
	weight float64
	// The strokes that may warm up and finish the section, in the order they
	// are preferred (see fill), and the closing move.
	lights, deeps, fdeeps []*cand
	fextra                *cand
	work                  []*cand // work techniques, in the seeded order of choice
	bare                  areaSet // parts with strokes but no work: stroked when time allows
	excluded              []Excluded
	known                 int      // techniques for the area in the mode, safe or not
	anyMode               int      // techniques for the area in any mode, safe or not
	mode                  string   // the plan's mode
	otherMode             string   // what the other mode has that this one lacks, said plainly
	deepOut               []string // conditions that ruled out deep strokes here, as written
	notes                 []string // what the plan could not do here, said plainly

	budget  float64
	units   []*unit
	dropped []string
	min     *cand // minWork, once known
}

func (s *section) empty() bool {
	return len(s.lights) == 0 && len(s.deeps) == 0 && len(s.work) == 0 && len(s.fdeeps) == 0 && s.fextra == nil
}

// emptyWhy says, after the area's name, why an empty section has no move.
func (s *section) emptyWhy() string {
	if s.known == 0 {
		why := " (the catalog has no technique for it"
		if s.anyMode > 0 {
			why += modeWords(s.mode)
		}
		if s.otherMode != "" {
			why += "; " + s.otherMode
		}
		return why + ")"
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
		var said []string
		for _, id := range conds {
			said = append(said, id+", "+plainOf(id))
		}
		why = append(why, "ruled out by "+strings.Join(said, "; "))
	}
	if pressure {
		why = append(why, "every other move needs deeper pressure than was asked")
	}
	if len(why) == 0 {
		return ""
	}
	return " (" + strings.Join(why, "; ") + ")"
}

// modeWords says a mode after "no technique for it": " in self-massage".
func modeWords(mode string) string {
	switch mode {
	case "self":
		return " in self-massage"
	case "partner":
		return " for a partner"
	}
	return ""
}

// saidOf names a condition, given as written, as said does.
func saidOf(written string) string {
	c, err := massage.ParseCondition(written)
	if err != nil {
		return written
	}
	return said(c)
}

// plainOf says a condition, given as written, in plain words: "an
// unhealthy scalp", "an arthritic, painful, hot or inflamed ankle".
func plainOf(written string) string {
	c, err := massage.ParseCondition(written)
	if err != nil {
		return written
	}
	name, _, _ := strings.Cut(said(c), " (")
	return name
}

// fitsMode is Technique.FitsMode, except that a plan for both modes takes
// only moves that suit both.
func fitsMode(t *massage.Technique, mode string) bool {
	if mode == "both" {
		return t.Mode == "both"
	}
	return t.FitsMode(mode)
}

// sections builds one section per area asked, for the mode.
func (ix *index) sections(req Request, pools []*pool, mode string) []*section {
	out := make([]*section, len(pools))
	for i, pl := range pools {
		s := &section{area: pl.area, weight: req.weight(pl.area), mode: mode, anyMode: len(pl.cands) + len(pl.excluded)}
		for _, c := range pl.excluded {
			if fitsMode(c.t, mode) && c.t.Family == "deep-stroking" && c.v.condition != "" && !slices.Contains(s.deepOut, c.v.condition) {
				s.deepOut = append(s.deepOut, c.v.condition)
			}
			if fitsMode(c.t, mode) {
				s.known++
				s.excluded = append(s.excluded, Excluded{Technique: c.t.ID, Name: c.t.Name, Area: c.area, Reason: c.v.reason, Condition: c.v.condition, Source: c.v.source})
			}
		}
		var cands []*cand
		for _, c := range pl.cands {
			if k := ix.lesson.out[c.t.ID]; k > 0 && fitsMode(c.t, mode) {
				s.known++
				s.excluded = append(s.excluded, Excluded{Technique: c.t.ID, Name: c.t.Name, Area: c.area,
					Reason: fmt.Sprintf("it had a thumbs-down %s: restore it in History to have it again", times(k)), Source: "your feedback"})
				continue
			}
			if a := ix.lesson.hurtBy(c.t.ID, c.area); a != "" && fitsMode(c.t, mode) {
				s.known++
				s.excluded = append(s.excluded, Excluded{Technique: c.t.ID, Name: c.t.Name, Area: c.area, Condition: hurtCondition,
					Reason: fmt.Sprintf("it hurt on the %s %s", massage.AreaName(a), agoSaid(ix.lesson.hurt[a].ago)), Source: "your feedback"})
				continue
			}
			if fitsMode(c.t, mode) {
				side := c.side
				if c.sides == 2 {
					side = "left" // planned once per side: the players never switch within it
				}
				c.b, c.play = pace(c.t, c.f.bounds, side, mode)
				cands = append(cands, c)
			}
		}
		s.known += len(cands)
		s.otherMode = otherMode(pl, mode)
		rng := rand.New(rand.NewPCG(uint64(req.Seed), streamOf(pl.area)))
		rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		ix.lesson.rank(cands, &ix.ranked)
		for i, c := range cands {
			c.rank = i
		}
		cands = s.unwarmed(cands, pl.excluded)
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

// fill sorts the candidates into the section's pools. The work keeps the
// seeded order, taking turns between the section's parts. The warm-up and
// finish strokes kept ready are those that together cover every part the
// work may touch, and the parts that have strokes but no work; among
// strokes that cover as much, moves made for the phase come first, then the
// source texts' moves before Knead's own, then the seed. Which of them a
// plan uses follows the work it plans (kitFor).
func (s *section) fill(cands []*cand) {
	var work []*cand
	var reach, stroked areaSet
	var lights, deeps, fdeeps, finish []*cand
	for _, c := range cands {
		if c.t.FitsPhase("work") {
			work = append(work, c)
			reach = reach.or(c.parts)
		}
		switch warm := c.t.FitsPhase("warm-up"); {
		case warm && c.t.Family == "light-stroking":
			lights = append(lights, c)
			stroked = stroked.or(c.parts)
		case warm && c.t.Family == "deep-stroking":
			deeps = append(deeps, c)
			stroked = stroked.or(c.parts)
		}
		if c.t.FitsPhase("finish") {
			finish = append(finish, c)
			if c.t.Family == "deep-stroking" {
				fdeeps = append(fdeeps, c)
			}
		}
	}
	s.bare = stroked.minus(reach)
	all := reach.or(s.bare)
	s.lights = coverOf(all, lights, nil)
	s.deeps = coverOf(all, deeps, nil)
	// The finish may repeat a warm-up's deep stroke when nothing else
	// covers a part, but never with no work between.
	if len(work) == 0 {
		fdeeps = slices.DeleteFunc(fdeeps, func(c *cand) bool { return slices.Contains(s.deeps, c) })
	}
	s.fdeeps = coverOf(all, fdeeps, s.deeps)
	used := func(c *cand) bool {
		return slices.Contains(s.lights, c) || slices.Contains(s.deeps, c) || slices.Contains(s.fdeeps, c)
	}
	// The closing move: the source's own (finishing circles for the feet),
	// else, when no deep stroke can finish, any move made to finish.
	pick := func(ok func(*cand) bool) *cand {
		var b *cand
		for _, c := range finish {
			if used(c) || !ok(c) || c.parts.and(all).empty() && !all.empty() {
				continue
			}
			if b == nil || c.parts.and(all).size() > b.parts.and(all).size() ||
				c.parts.and(all).size() == b.parts.and(all).size() && prefer(c, b, nil) {
				b = c
			}
		}
		return b
	}
	s.fextra = pick(func(c *cand) bool { return c.t.Family != "deep-stroking" && !c.t.Own() })
	if s.fextra == nil && len(s.fdeeps) == 0 {
		s.fextra = pick(func(*cand) bool { return true })
	}
	work = slices.DeleteFunc(work, func(c *cand) bool { return used(c) || c == s.fextra })
	s.work = spreadOver(work)
	// A coarse request opens with the work that spans most of it (the seed
	// breaks ties), so that a short plan for the arms is not all hands.
	if i := broadest(s.work); i > 0 {
		c := s.work[i]
		s.work = slices.Insert(slices.Delete(s.work, i, i+1), 0, c)
	}
	// With no deeper stroke to warm a part up, a deep stroke of the work
	// opens it, so that nothing is kneaded straight after light stroking.
	var deep areaSet
	for _, c := range s.deeps {
		deep = deep.or(c.holds)
	}
	if cold := reach.minus(deep); !cold.empty() {
		for _, c := range s.work {
			c.lead = c.t.Family == "deep-stroking" && !c.parts.and(cold).empty()
		}
		slices.SortStableFunc(s.work, func(a, b *cand) int { return boolRank(b.lead) - boolRank(a.lead) })
	}
}

// broadest gives the position of the first work technique that works on
// the most parts, or -1.
func broadest(work []*cand) int {
	at := -1
	for i, c := range work {
		if at < 0 || c.parts.size() > work[at].parts.size() {
			at = i
		}
	}
	return at
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
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
