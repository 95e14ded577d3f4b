package plan

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"unicode"

	"github.com/knead/knead/massage"
)

// What a person's history does to their next plan (see MakeFor).
const (
	pressureDecay = 0.5  // a press counts half as much for each later session without it
	pressureShift = 0.75 // the weight of presses that moves the pressure one step
	soreMemory    = 3    // sessions without a sore press there before a sore spot is forgotten
	soreWeight    = 1.5  // a sore area's share of the time, against 1
	dislikedOut   = 2    // thumbs-down that leave a technique out until restored
	hurtMemory    = 5    // sessions an "It hurts" is remembered for
)

// lesson is what the history teaches, ready to apply. It is never changed
// once learnt: plans made at the same time share it (see learnOnce).
type lesson struct {
	shift  map[string]int      // area: -1 lighter, +1 firmer
	why    map[string]string   // area: why, said plainly
	tshift map[string]int      // technique: -1 lighter, +1 firmer, from presses during it
	twhy   map[string]string   // technique: why, said plainly
	sore   map[string]soreSpot // area: a sore spot still remembered
	likes  map[string]int      // technique: thumbs-up less thumbs-down
	out    map[string]int      // technique: thumbs-down, when dislikedOut or more
	names  map[string]bool     // techniques named in the history
	hurt   map[string]hurtSpot // area: where "It hurts" was pressed
	order  []string            // areas of shift and sore, in a stable order
}

// hurtSpot is an area where the person pressed "It hurts": the next plans
// go a step lighter there and leave out the techniques that hurt.
type hurtSpot struct {
	techniques map[string]bool
	ago        int // sessions since the latest press there
}

type soreSpot struct {
	presses int // sore presses in the latest session that had any there
	ago     int // sessions since that one (0: the latest session)
	first   bool
}

// noLesson is what an empty history teaches: nothing.
var noLesson = learn(nil)

// tally is what a history says of one area or one technique.
type tally struct {
	lighter, firmer int     // presses in all
	now             int     // this session's: -1 lighter, +1 firmer, summed
	touched         bool    // pressed in this session
	score           float64 // sessions with a net press, each weighted by its age
	likes, downs    int     // thumbs (techniques)
	sore            int     // this session's sore presses (areas)
	firstSore       int     // index of the first session with one, +1 (0: none)
}

// learn reads a history. A nil or empty history teaches nothing. It reads
// every press once, keeping one tally per area and per technique.
func learn(h *History) *lesson {
	l := &lesson{shift: map[string]int{}, why: map[string]string{}, tshift: map[string]int{}, twhy: map[string]string{}, sore: map[string]soreSpot{},
		likes: map[string]int{}, out: map[string]int{}, names: map[string]bool{}, hurt: map[string]hurtSpot{}}
	if h == nil || len(h.Sessions) == 0 {
		return l
	}
	n := len(h.Sessions)
	sigs := 0
	for i := range h.Sessions {
		sigs += len(h.Sessions[i].Signals)
	}
	areas := make(map[string]*tally, 16)
	techs := make(map[string]*tally, min(sigs, 128))
	pool := make([]tally, 0, min(sigs, 128)+32) // tallies, allocated together
	get := func(m map[string]*tally, k string) *tally {
		if t := m[k]; t != nil {
			return t
		}
		if len(pool) == cap(pool) {
			pool = make([]tally, 0, 2*cap(pool))
		}
		pool = append(pool, tally{})
		t := &pool[len(pool)-1]
		m[k] = t
		return t
	}
	var touched []*tally // this session's, to settle and reset
	press := func(t *tally, d int) {
		if !t.touched {
			t.touched = true
			touched = append(touched, t)
		}
		t.now += d
		if d < 0 {
			t.lighter++
		} else {
			t.firmer++
		}
	}
	var sorePressed []string
	for i, s := range h.Sessions {
		ago := n - 1 - i
		w := math.Pow(pressureDecay, float64(ago))
		touched, sorePressed = touched[:0], sorePressed[:0]
		for _, sg := range s.Signals {
			d := 0
			switch sg.Kind {
			case "lighter":
				d = -1
			case "firmer":
				d = 1
			}
			if sg.Technique != "" && d != 0 {
				press(get(techs, sg.Technique), d)
			}
			if _, ok := areaIndex[sg.Area]; !ok && sg.Kind != "up" && sg.Kind != "down" {
				continue
			}
			switch sg.Kind {
			case "lighter", "firmer":
				press(get(areas, sg.Area), d)
			case "sore":
				a := get(areas, sg.Area)
				if a.sore == 0 {
					sorePressed = append(sorePressed, sg.Area)
				}
				a.sore++
			case "hurt":
				if ago < hurtMemory {
					hs, ok := l.hurt[sg.Area]
					if !ok {
						hs.techniques = map[string]bool{}
					}
					hs.ago = ago
					if sg.Technique != "" {
						hs.techniques[sg.Technique] = true
					}
					l.hurt[sg.Area] = hs
				}
			case "up":
				if sg.Technique != "" {
					get(techs, sg.Technique).likes++
				}
			case "down":
				if sg.Technique != "" {
					t := get(techs, sg.Technique)
					t.likes--
					t.downs++
				}
			}
		}
		for _, t := range touched {
			switch {
			case t.now < 0:
				t.score -= w
			case t.now > 0:
				t.score += w
			}
			t.now, t.touched = 0, false
		}
		for _, id := range sorePressed {
			a := areas[id]
			if a.firstSore == 0 {
				a.firstSore = i + 1
			}
			if ago < soreMemory {
				l.sore[id] = soreSpot{presses: a.sore, ago: ago}
			}
			a.sore = 0
		}
	}
	for id, sp := range l.sore {
		sp.first = areas[id].firstSore == n-sp.ago && sp.ago == 0
		l.sore[id] = sp
	}
	l.likes = make(map[string]int, len(techs))
	for id, t := range techs {
		if t.likes != 0 {
			l.likes[id] = t.likes
		}
		if t.downs >= dislikedOut {
			l.out[id] = t.downs
		}
		switch {
		case t.score <= -pressureShift:
			l.tshift[id] = -1
			l.twhy[id] = "you asked for lighter during it " + times(t.lighter)
		case t.score >= pressureShift:
			l.tshift[id] = 1
			l.twhy[id] = "you asked for firmer during it " + times(t.firmer)
		}
	}
	for id, a := range areas {
		switch {
		case a.score <= -pressureShift:
			l.shift[id] = -1
			l.why[id] = "you asked for lighter " + times(a.lighter)
		case a.score >= pressureShift:
			l.shift[id] = 1
			l.why[id] = "you asked for firmer " + times(a.firmer)
		}
	}
	for a, hs := range l.hurt {
		l.shift[a] = -1
		l.why[a] = "it hurt there " + agoSaid(hs.ago)
	}
	for a := range l.shift {
		l.order = append(l.order, a)
	}
	for a := range l.sore {
		if !slices.Contains(l.order, a) {
			l.order = append(l.order, a)
		}
	}
	sort.Strings(l.order)
	return l
}

func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

func (l *lesson) empty() bool {
	return len(l.shift) == 0 && len(l.tshift) == 0 && len(l.sore) == 0 && len(l.likes) == 0 && len(l.out) == 0 && len(l.hurt) == 0
}

// soreOn gives the remembered sore spots that overlap area.
func (l *lesson) soreOn(area string) []string {
	var out []string
	for _, a := range l.order {
		if _, ok := l.sore[a]; ok && massage.Overlaps(a, area) {
			out = append(out, a)
		}
	}
	return out
}

// hurtBy says where technique t hurt on or near area, or "".
func (l *lesson) hurtBy(t, area string) string {
	for _, a := range sortedKeys(l.hurt) {
		if l.hurt[a].techniques[t] && massage.Overlaps(a, area) {
			return a
		}
	}
	return ""
}

// weigh gives sections with a sore spot more of the time when the request
// has other areas to take it from, and says so.
func (l *lesson) weigh(req *Request, notes *[]string) {
	if len(req.Areas) < 2 {
		return
	}
	for _, area := range req.Areas {
		spots := l.soreOn(area)
		if len(spots) == 0 {
			continue
		}
		if req.Weights == nil {
			req.Weights = map[string]float64{}
		}
		req.Weights[area] = req.weight(area) * soreWeight
		var k int
		for _, a := range spots {
			k += l.sore[a].presses
		}
		*notes = append(*notes, fmt.Sprintf("More time on the %s: %s sore last time you had it", massage.AreaName(area), spotsSaid(spots, k)))
	}
}

func spotsSaid(spots []string, presses int) string {
	var names []string
	for _, a := range spots {
		names = append(names, "the "+massage.AreaName(a))
	}
	what := massage.JoinAnd(names)
	if presses > 1 {
		return fmt.Sprintf("%s was pressed %s as", what, times(presses))
	}
	return what + " was pressed as"
}

// rank puts liked techniques first and disliked ones last in a section's
// seeded order, so that the plan takes liked ones more often; ranked keeps
// those it moved (id to name), for the notes.
func (l *lesson) rank(cands []*cand, ranked *map[string]string) {
	if len(l.likes) == 0 {
		return
	}
	for _, c := range cands {
		if l.likes[c.t.ID] != 0 {
			if *ranked == nil {
				*ranked = map[string]string{}
			}
			(*ranked)[c.t.ID] = c.t.Name
		}
	}
	slices.SortStableFunc(cands, func(a, b *cand) int { return l.likes[b.t.ID] - l.likes[a.t.ID] })
}

// apply changes the planned items as the lesson says, and notes each change.
func (l *lesson) apply(ix *index, p *Plan) {
	guarded := len(p.Conditions) > 0 || len(p.Safety) > 0
	said := map[string]bool{}
	note := func(s string) {
		if !said[s] {
			said[s] = true
			p.Notes = append(p.Notes, s)
		}
	}
	for i := range p.Items {
		it := &p.Items[i]
		t := ix.cat.Technique(it.Technique)
		// Presses during the technique move it one step, wherever it is
		// planned; an area's presses then move only what they have not.
		// Firmer for the technique gives way to lighter for the area.
		tech := false
		lighterHere := slices.ContainsFunc(l.order, func(a string) bool { return l.shift[a] < 0 && massage.Overlaps(a, it.Area) })
		if d, ok := l.tshift[t.ID]; ok && !(d > 0 && (guarded || lighterHere)) {
			if lv := l.capped(p, t, it.Pressure, d, note); lv != it.Pressure {
				it.Pressure, tech = lv, true
				note(fmt.Sprintf("%s for %s: %s", lighterFirmer(d), lowerFirst(t.Name), l.twhy[t.ID]))
			}
		}
		for _, a := range l.order {
			if !massage.Overlaps(a, it.Area) {
				continue
			}
			// firmer only where nothing asked the planner to keep it light
			if d, ok := l.shift[a]; ok && !tech && !(d > 0 && guarded) {
				if lv := l.capped(p, t, it.Pressure, d, note); lv != it.Pressure {
					it.Pressure = lv
					note(fmt.Sprintf("%s on the %s: %s there", lighterFirmer(d), massage.AreaName(a), l.why[a]))
				}
			}
			if sp, ok := l.sore[a]; ok && sp.first && it.Pressure == "deep" {
				it.Pressure = "moderate"
				note(fmt.Sprintf("No deep pressure on the %s this time: it was sore last time, so it starts gently", massage.AreaName(a)))
			}
		}
	}
	for _, a := range l.order {
		if _, ok := l.sore[a]; !ok {
			continue
		}
		for _, it := range p.Items {
			if massage.Overlaps(a, it.Area) {
				note(fmt.Sprintf("Gentle strokes first on the %s, where it was sore %s", massage.AreaName(a), agoSaid(l.sore[a].ago)))
				break
			}
		}
	}
	var outs []string
	for _, e := range p.Excluded {
		if e.Source == "your feedback" && e.Condition != hurtCondition && !slices.Contains(outs, e.Name) {
			outs = append(outs, e.Name)
		}
	}
	var hurts []string
	for _, e := range p.Excluded {
		if e.Condition == hurtCondition && !slices.Contains(hurts, e.Name) {
			hurts = append(hurts, e.Name)
		}
	}
	if len(hurts) > 0 {
		note("Left out because it hurt: " + massage.JoinAnd(hurts))
	}
	if len(outs) > 0 {
		note("Left out after two thumbs-down: " + massage.JoinAnd(outs) + " (restore them in History)")
	}
	var liked, disliked []string
	for _, id := range sortedKeys(ix.ranked) {
		if l.likes[id] > 0 {
			liked = append(liked, ix.ranked[id])
		} else {
			disliked = append(disliked, ix.ranked[id])
		}
	}
	if len(liked) > 0 {
		note("Tried first because you liked them: " + massage.JoinAnd(liked))
	}
	if len(disliked) > 0 {
		note("Tried last after a thumbs-down: " + massage.JoinAnd(disliked))
	}
}

// capped is shifted, firmer never past the most pressure the request asked
// for: a press on Firmer last time does not overrule what is asked now, and
// the plan says so when it held a move back.
func (l *lesson) capped(p *Plan, t *massage.Technique, level string, d int, note func(string)) string {
	lv := shifted(t, level, d)
	if d > 0 && p.Pressure != "" && massage.LevelRank(lv) > massage.LevelRank(p.Pressure) {
		if massage.LevelRank(level) < massage.LevelRank(p.Pressure) {
			lv = p.Pressure
		} else {
			lv = level
		}
		if lv == level {
			note(fmt.Sprintf("Kept at %s at most, the pressure asked for this time, though you asked for firmer before", p.Pressure))
		}
	}
	return lv
}

// shifted moves a pressure level d steps, firmer never past what the
// technique allows.
func shifted(t *massage.Technique, level string, d int) string {
	lv := stepLevel(level, d)
	if d > 0 {
		top := firmer(t.Pressure.Level, t.Pressure.Most)
		if massage.LevelRank(lv) > massage.LevelRank(top) && top != "" {
			lv = top
		}
	}
	return lv
}

func lighterFirmer(d int) string {
	if d > 0 {
		return "Firmer"
	}
	return "Lighter"
}

// lowerFirst lowers a name's first letter for the middle of a sentence,
// unless the second is a capital too (an abbreviation).
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 || len(r) > 1 && unicode.IsUpper(r[1]) {
		return s
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

func agoSaid(ago int) string {
	switch ago {
	case 0:
		return "last time"
	case 1:
		return "two sessions ago"
	}
	return fmt.Sprintf("%d sessions ago", ago+1)
}

// stepLevel moves a pressure level d steps, within light and deep.
func stepLevel(level string, d int) string {
	levels := []string{"light", "moderate", "deep"}
	i := slices.Index(levels, level)
	if i < 0 {
		return level
	}
	return levels[min(max(i+d, 0), len(levels)-1)]
}

// hurtCondition marks a technique left out because the person pressed
// "It hurts" during it (see Excluded.Condition).
const hurtCondition = "it-hurt"

// LeftOut lists the techniques a history leaves out (thumbs-down twice or
// more, not restored since), by id, sorted.
func LeftOut(h *History) []string {
	l := learn(h)
	out := make([]string, 0, len(l.out))
	for t := range l.out {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
