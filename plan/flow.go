package plan

import (
	"slices"
	"strings"

	"github.com/knead/knead/massage"
)

// Seconds a transition takes, off the hands-on time.
const (
	turnSeconds  = 20 // the receiver turns over or sits up
	moveSeconds  = 10 // the giver moves round them
	startSeconds = 15 // getting into the first position
	wipeSeconds  = 15 // wiping oil off the hands
)

// need is where a move can be done: the receiver postures it allows (nil:
// any) and the giver's place ("": anywhere).
type need struct {
	recv  []string
	giver string
}

func needOf(t *massage.Technique, mode string) need {
	if mode == "self" {
		switch t.Posture.Self {
		case "":
			return need{}
		case "seated": // sitting on the floor is sitting too
			return need{recv: []string{"seated", "floor"}}
		}
		return need{recv: []string{t.Posture.Self}}
	}
	return need{recv: t.Posture.Receiver, giver: t.Posture.Giver}
}

// needOf is needOf with the receiver postures the conditions rule out
// (index.banned) taken away: a partner is never placed in them.
func (ix *index) needOf(t *massage.Technique, mode string) need {
	n := needOf(t, mode)
	if mode == "self" || len(ix.banned) == 0 {
		return n
	}
	if len(n.recv) == 0 {
		n.recv = massage.Receivers.IDs()
	}
	n.recv = slices.DeleteFunc(slices.Clone(n.recv), func(p string) bool { return ix.banned[p] })
	return n
}

func (n need) fits(recv string) bool { return len(n.recv) == 0 || slices.Contains(n.recv, recv) }

// placesFor gives each need a place, changing the receiver's posture as
// seldom as it can: when a change is due, it takes the posture that lasts
// longest from there. The giver stays put when a move does not say.
// The receiver's postures, for a partner and for oneself, read once.
var receiverIDs, selfPostureIDs = massage.Receivers.IDs(), massage.SelfPostures.IDs()

func placesFor(needs []need, mode string) []massage.Place {
	return placesInto(make([]massage.Place, len(needs)), needs, mode)
}

// placesInto is placesFor into out, which holds len(needs) places.
func placesInto(out []massage.Place, needs []need, mode string) []massage.Place {
	out = out[:len(needs)]
	all := receiverIDs
	if mode == "self" {
		all = selfPostureIDs
	}
	recv, giver := "", ""
	for i, n := range needs {
		if recv == "" || !n.fits(recv) {
			opts := n.recv
			if len(opts) == 0 {
				opts = all
			}
			best, run := "", -1
			for _, o := range opts {
				k := 0
				for j := i; j < len(needs) && needs[j].fits(o); j++ {
					k++
				}
				if k > run {
					best, run = o, k
				}
			}
			recv = best
		}
		if mode != "self" {
			if n.giver != "" {
				giver = n.giver
			} else if giver == "" {
				giver = firstGiver(needs[i:])
			}
		}
		out[i] = massage.Place{Receiver: recv, Giver: giver}
	}
	return out
}

func firstGiver(needs []need) string {
	for _, n := range needs {
		if n.giver != "" {
			return n.giver
		}
	}
	return "side"
}

// changes counts the changes of place: a turn costs two, a move of the
// giver one.
func changes(ps []massage.Place) int {
	n := 0
	for i := 1; i < len(ps); i++ {
		if ps[i].Receiver != ps[i-1].Receiver {
			n += 2
		}
		if ps[i].Giver != ps[i-1].Giver {
			n++
		}
	}
	return n
}

// hairWork reports whether a move on area touches the hair.
func hairWork(area string) bool { return massage.Overlaps(area, "scalp") }

// oilyPreps gives the oily preparations a technique on area needs.
func (ix *index) oilyFor(t *massage.Technique, area, mode string) []*massage.Preparation {
	var out []*massage.Preparation
	for _, p := range ix.cat.Preparations {
		if p == nil || !p.Oily || !prepFits(p.Mode, mode) {
			continue
		}
		named := slices.Contains(t.Prep, p.ID)
		byArea := p.Kind != "position" && len(p.Areas) > 0 && overlapping(p.Areas).on(area)
		if named || byArea {
			out = append(out, p)
		}
	}
	return out
}

// arrange orders the sections so that the receiver changes posture as
// seldom as it can, and hair work comes before any oil; ties keep the
// order asked. Up to six sections every order is tried, beyond that the
// hair sections simply go first.
func (ix *index) arrange(secs []*section, mode string) []*section {
	if len(secs) < 2 {
		return secs
	}
	needs := make([][]need, len(secs))
	hair, oily := make([]bool, len(secs)), make([]bool, len(secs))
	for i, s := range secs {
		for _, u := range s.units {
			needs[i] = append(needs[i], ix.needOf(u.c.t, mode))
			hair[i] = hair[i] || hairWork(u.c.area)
			oily[i] = oily[i] || len(ix.oilyFor(u.c.t, u.c.area, mode)) > 0
		}
	}
	total := 0
	for _, n := range needs {
		total += len(n)
	}
	all := make([]need, 0, total)
	places := make([]massage.Place, total)
	cost := func(order []int) int {
		all = all[:0]
		c := 0
		oiled := false
		for _, i := range order {
			all = append(all, needs[i]...)
			if hair[i] && oiled {
				c += 100
			}
			oiled = oiled || oily[i]
		}
		return c + changes(placesInto(places, all, mode))
	}
	order := make([]int, len(secs))
	for i := range order {
		order[i] = i
	}
	best := slices.Clone(order)
	if len(secs) <= 6 {
		bc := cost(order)
		permute(order, 0, func(o []int) {
			if c := cost(o); c < bc {
				bc, best = c, slices.Clone(o)
			}
		})
	} else {
		slices.SortStableFunc(best, func(a, b int) int { return boolRank(hair[b]) - boolRank(hair[a]) })
	}
	out := make([]*section, len(secs))
	for k, i := range best {
		out[k] = secs[i]
	}
	return out
}

// permute calls fn with every order of a[k:], the first being a as given.
func permute(a []int, k int, fn func([]int)) {
	if k == len(a) {
		fn(a)
		return
	}
	for i := k; i < len(a); i++ {
		a[k], a[i] = a[i], a[k]
		permute(a, k+1, fn)
		a[k], a[i] = a[i], a[k]
	}
}

// flow places every item, keeps the preparations that belong before the
// hands go on (away tasks, then the first position, then oil), and makes
// the transitions: a change of place, oil spread when its area comes, and
// a wipe of the hands before hair work after oil.
func (ix *index) flow(p *Plan, preps []Prep, mode string) {
	if len(p.Items) == 0 {
		return
	}
	needs := make([]need, len(p.Items))
	techs := make([]*massage.Technique, len(p.Items))
	for i, it := range p.Items {
		techs[i] = ix.cat.Technique(it.Technique)
		needs[i] = ix.needOf(techs[i], mode)
	}
	places := placesFor(needs, mode)
	for i := range p.Items {
		p.Items[i].Position = places[i]
	}
	byID := map[string]*massage.Preparation{}
	for _, x := range ix.cat.Preparations {
		if x != nil {
			byID[x.ID] = x
		}
	}
	// serves reports whether preparation x is for item i: its technique
	// names it, or it is a task for the item's area.
	serves := func(x *massage.Preparation, i int) bool {
		if slices.Contains(techs[i].Prep, x.ID) {
			return true
		}
		return x.Kind != "position" && (len(x.Areas) == 0 || overlapping(x.Areas).on(p.Items[i].Area))
	}
	first := p.Items[0].Section
	inFirst := func(x *massage.Preparation) bool {
		for i, it := range p.Items {
			if it.Section == first && serves(x, i) {
				return true
			}
		}
		return false
	}
	var tasks, positions, oils []Prep
	later := map[int][]*massage.Preparation{} // oil spread as a transition, by item
	for _, pr := range preps {
		x := byID[pr.ID]
		switch {
		case x == nil:
			tasks = append(tasks, pr)
		case x.Kind == "position":
			if inFirst(x) {
				positions = append(positions, pr)
			}
		case x.Oily:
			oils = append(oils, pr)
		default:
			tasks = append(tasks, pr)
		}
	}
	var kept []Prep
	for _, pr := range oils {
		x := byID[pr.ID]
		if len(positions) > 0 && inFirst(x) {
			kept = append(kept, pr)
			continue
		}
		for i := range p.Items {
			if serves(x, i) {
				later[i] = append(later[i], x)
				break
			}
		}
	}
	p.Prep = append(append(append([]Prep{}, tasks...), positions...), kept...)

	var oiled areaSet
	oily := false
	for _, pr := range kept {
		oiled = oiled.or(overlapping(byID[pr.ID].Areas))
		oily = true
	}
	for i, it := range p.Items {
		var kinds, say []string
		var secs float64
		var moved *massage.Place
		switch {
		case i == 0 && len(positions) == 0 && !(mode == "self" && places[0].Receiver == "seated"):
			kinds, say, secs = append(kinds, "position"), append(say, startWords(places[0])), startSeconds
			moved = &places[0]
		case i > 0 && places[i] != places[i-1]:
			kinds, say = append(kinds, "position"), append(say, places[i-1].Move(places[i]))
			if places[i].Receiver != places[i-1].Receiver {
				secs += turnSeconds
			}
			if places[i].Giver != places[i-1].Giver {
				secs += moveSeconds
			}
			moved = &places[i]
		}
		for _, x := range later[i] {
			kinds, say = append(kinds, "oil"), append(say, x.Say)
			secs += prepOf(x).Seconds
			oiled = oiled.or(overlapping(x.Areas))
			oily = true
		}
		if hairWork(it.Area) && oily {
			kinds, say = append(kinds, "wipe"), append(say, "Wipe the oil off your hands on a towel before you touch the hair.")
			secs += wipeSeconds
			oily = false
		}
		if len(kinds) > 0 {
			p.Transitions = append(p.Transitions, Transition{Before: i, Kind: strings.Join(kinds, "+"), Say: strings.Join(say, " "), Seconds: secs, Position: moved})
		}
		if oiled.on(it.Area) {
			oily = true
		}
	}
}

// startWords says how to take the first place.
func startWords(pl massage.Place) string {
	if pl.Giver == "" {
		return massage.UpperFirst(massage.SelfPostures.Name(pl.Receiver)) + " to begin."
	}
	var who string
	switch pl.Receiver {
	case "face-down":
		who = "Have them lie face down"
	case "face-up":
		who = "Have them lie on their back"
	default:
		who = "Have them sit comfortably"
	}
	return who + ", and settle " + massage.Givers.Name(pl.Giver) + "."
}
