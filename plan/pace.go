package plan

import (
	"math"

	"github.com/knead/knead/massage"
)

// Pacing floors: every item lasts long enough to settle into, and every
// move the players make of it (one step, on one side) at least MoveFloor.
const (
	PartnerItemLeast = massage.ItemFloor // seconds
	PartnerItemMost  = 180               // seconds
	SelfItemLeast    = 30
	SelfItemMost     = 120
	MoveFloor        = 20
	maxWork          = 3   // distinct work techniques in one section: few, done well
	maxRounds        = 3   // times one technique comes round in a plan, at most; a third only when the area has too few
	shortCut         = 600 // seconds: a plan cut short (too few moves) lasts this or half the time asked, else the minutes are refused
)

// ItemLimits gives the least and most seconds of one item in a mode. A
// plan whose moves suit both modes keeps within both.
func ItemLimits(mode string) (least, most float64) {
	switch mode {
	case "self":
		return SelfItemLeast, SelfItemMost
	case "partner":
		return PartnerItemLeast, PartnerItemMost
	}
	return PartnerItemLeast, SelfItemMost
}

// stepWeight is the share of an item's time a step gets, as guide shares it.
func stepWeight(st massage.Step) float64 {
	w := st.Seconds.Usual
	if w <= 0 {
		w = (st.Seconds.Least + st.Seconds.Most) / 2
	}
	if w <= 0 {
		w = 1
	}
	return w
}

// switches reports whether the players split a step's move in two halves
// (one per side or hand), as guide does: the item's side wins over the
// step's, except none.
func switches(itemSide string, st massage.Step) bool {
	side := itemSide
	if side == "" || side == "none" {
		side = st.Side
	}
	return side == "each" || side == "swap-hands"
}

// pace gives the bounds of one item of the technique in the mode, per
// side, and the steps it plays (nil: all). A technique whose steps would
// not each get MoveFloor within the item's most (or the technique's, when
// that is less) plays fewer of them: the shortest are left out first, the
// order kept. An item is never shorter than the mode's least, even when
// the catalog allows less.
func pace(t *massage.Technique, whole massage.Bounds, itemSide, mode string) (massage.Bounds, []int) {
	lo, hi := ItemLimits(mode)
	n := len(t.Steps)
	if n == 0 {
		return clampBounds(whole, lo, hi, 0), nil
	}
	keep := make([]bool, n)
	for i := range keep {
		keep[i] = true
	}
	var total float64
	for _, st := range t.Steps {
		total += stepWeight(st)
	}
	need := func() (float64, int, float64) {
		var w float64
		k := 0
		for i, st := range t.Steps {
			if keep[i] {
				w += stepWeight(st)
				k++
			}
		}
		// a little over the floor for each step: the players round each
		// move to whole seconds, the last taking what is left
		floor := MoveFloor + 0.5*float64(k)
		var most float64
		worst := -1
		for i, st := range t.Steps {
			if !keep[i] {
				continue
			}
			f := 1.0
			if switches(itemSide, st) {
				f = 2
			}
			if v := floor * f * w / stepWeight(st); v > most {
				most, worst = v, i
			}
		}
		return most, worst, w
	}
	// The technique's own most holds too, unless below the item's least.
	capAt := max(min(hi, whole.Most), lo)
	least, worst, w := need()
	kept := n
	for least > capAt && kept > 1 {
		keep[worst] = false
		kept--
		least, worst, w = need()
	}
	var play []int
	if kept < n {
		for i, k := range keep {
			if k {
				play = append(play, i)
			}
		}
	}
	frac := w / total
	// fewer steps take less time at least and usually, but each may be
	// done for longer: the most stays the technique's
	b := massage.Bounds{Least: whole.Least * frac, Usual: whole.Usual * frac, Most: whole.Most}
	return clampBounds(b, lo, hi, least), play
}

// clampBounds holds b within the item limits, at least need.
func clampBounds(b massage.Bounds, lo, hi, need float64) massage.Bounds {
	least := math.Ceil(max(b.Least, lo, need))
	most := min(max(b.Most, least), max(hi, least))
	usual := min(max(b.Usual, least), most)
	return massage.Bounds{Least: least, Usual: usual, Most: most}
}
