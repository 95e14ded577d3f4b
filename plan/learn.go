package plan

import (
	"fmt"
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

// lesson is what the history teaches, ready to apply.
type lesson struct {
	ranked map[string]string   // techniques whose place rank moved: id to name
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

// learn reads a history. A nil or empty history teaches nothing.
func learn(h *History) *lesson {
	l := &lesson{shift: map[string]int{}, why: map[string]string{}, tshift: map[string]int{}, twhy: map[string]string{}, sore: map[string]soreSpot{},
		likes: map[string]int{}, out: map[string]int{}, names: map[string]bool{}, hurt: map[string]hurtSpot{}}
	if h == nil || len(h.Sessions) == 0 {
		return l
	}
	n := len(h.Sessions)
	score := map[string]float64{}
	presses := map[string][2]int{} // area: lighter, firmer presses in all
	tscore := map[string]float64{}
	tpresses := map[string][2]int{} // technique: lighter, firmer presses during it
	firstSore := map[string]int{}   // area: the index of the first session with a sore press
	for i, s := range h.Sessions {
		ago := n - 1 - i
		w := 1.0
		for k := 0; k < ago; k++ {
			w *= pressureDecay
		}
		pressed := map[string]int{}  // area: -1, +1 or 0 for this session
		tpressed := map[string]int{} // technique: the same
		sore := map[string]int{}
		for _, sg := range s.Signals {
			if sg.Technique != "" && (sg.Kind == "lighter" || sg.Kind == "firmer") {
				c := tpresses[sg.Technique]
				if sg.Kind == "lighter" {
					tpressed[sg.Technique]--
					c[0]++
				} else {
					tpressed[sg.Technique]++
					c[1]++
				}
				tpresses[sg.Technique] = c
			}
			if _, ok := massage.AreaByID(sg.Area); !ok && sg.Kind != "up" && sg.Kind != "down" {
				continue
			}
			switch sg.Kind {
			case "lighter":
				pressed[sg.Area]--
				c := presses[sg.Area]
				c[0]++
				presses[sg.Area] = c
			case "firmer":
				pressed[sg.Area]++
				c := presses[sg.Area]
				c[1]++
				presses[sg.Area] = c
			case "sore":
				sore[sg.Area]++
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
					l.likes[sg.Technique]++
				}
			case "down":
				if sg.Technique != "" {
					l.likes[sg.Technique]--
					l.out[sg.Technique]++
				}
			}
		}
		for a, d := range pressed {
			switch {
			case d < 0:
				score[a] -= w
			case d > 0:
				score[a] += w
			}
		}
		for t, d := range tpressed {
			switch {
			case d < 0:
				tscore[t] -= w
			case d > 0:
				tscore[t] += w
			}
		}
		for a, k := range sore {
			if _, seen := firstSore[a]; !seen {
				firstSore[a] = i
			}
			if ago < soreMemory {
				l.sore[a] = soreSpot{presses: k, ago: ago}
			}
		}
	}
	for a, sp := range l.sore {
		sp.first = firstSore[a] == n-1-sp.ago && sp.ago == 0
		l.sore[a] = sp
	}
	for t, k := range l.out {
		if k < dislikedOut {
			delete(l.out, t)
		}
	}
	for a, v := range score {
		c := presses[a]
		switch {
		case v <= -pressureShift:
			l.shift[a] = -1
			l.why[a] = fmt.Sprintf("you asked for lighter %s", times(c[0]))
		case v >= pressureShift:
			l.shift[a] = 1
			l.why[a] = fmt.Sprintf("you asked for firmer %s", times(c[1]))
		}
	}
	for t, v := range tscore {
		c := tpresses[t]
		switch {
		case v <= -pressureShift:
			l.tshift[t] = -1
			l.twhy[t] = fmt.Sprintf("you asked for lighter during it %s", times(c[0]))
		case v >= pressureShift:
			l.tshift[t] = 1
			l.twhy[t] = fmt.Sprintf("you asked for firmer during it %s", times(c[1]))
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
// seeded order, so that the plan takes liked ones more often.
func (l *lesson) rank(cands []*cand) {
	if len(l.likes) == 0 {
		return
	}
	for _, c := range cands {
		if l.likes[c.t.ID] != 0 {
			if l.ranked == nil {
				l.ranked = map[string]string{}
			}
			l.ranked[c.t.ID] = c.t.Name
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
			if lv := shifted(t, it.Pressure, d); lv != it.Pressure {
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
				if lv := shifted(t, it.Pressure, d); lv != it.Pressure {
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
	for _, id := range sortedKeys(l.ranked) {
		if l.likes[id] > 0 {
			liked = append(liked, l.ranked[id])
		} else {
			disliked = append(disliked, l.ranked[id])
		}
	}
	if len(liked) > 0 {
		note("Tried first because you liked them: " + massage.JoinAnd(liked))
	}
	if len(disliked) > 0 {
		note("Tried last after a thumbs-down: " + massage.JoinAnd(disliked))
	}
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
