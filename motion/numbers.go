package motion

import (
	"math"
	"strconv"
)

// The numbers that say in which order a hand works its spots (presses
// climbing the sole, circles on each toe) are laid out after the tags,
// dots, rings and arrowheads: each beside its spot where the compile put it
// if that is free, else on another side of the spot. Spots closer together
// than a number is wide (presses an inch apart on a zoomed-out chart) cannot
// all carry one: the first and the last of each run always do, and a number
// between them is left out when no free place beside its spot is left, so
// that no number covers another, a tag or a dot; the dotted lifts between
// the dots still say the way.

// numGap is how far a number's middle stays from its spot: its own radius,
// the dot's and a little air.
const numGap = 34

// placeSpotNumbers lays out the hands' spot numbers among ms (in the box's
// units), marking each placed or hidden, and takes their room in lay.
func placeSpotNumbers(ms []boxed, lay *layout, content box) {
	// the runs: one hand's numbers counting up from 1, in the order made
	var runs [][]int
	last := map[string]int{} // hand → its open run
	prev := map[string]int{} // hand → the number before
	for i, m := range ms {
		if m.kind != mkNum || m.hand == "pass" {
			continue
		}
		n, err := strconv.Atoi(m.text)
		k, open := last[m.hand]
		if err != nil || !open || n <= prev[m.hand] {
			k = len(runs)
			runs = append(runs, nil)
			last[m.hand] = k
		}
		prev[m.hand] = n
		runs[k] = append(runs[k], i)
	}
	// a run over the same spots as an earlier one of its hand (a pass
	// repeated, which a "×N" says) is not numbered again
	var kept [][]int
	for _, r := range runs {
		if retraces(ms, r, kept) {
			for _, i := range r {
				ms[i].hidden = true
			}
			continue
		}
		kept = append(kept, r)
	}
	runs = kept
	// spots closer than a number is wide: every k-th number only, and
	// the last; the first and the last come first
	var order []int
	must := map[int]bool{}
	for _, r := range runs {
		k := stride(ms, r)
		must[r[0]], must[r[len(r)-1]] = true, true
		order = append(order, r[0])
		if len(r) > 1 {
			order = append(order, r[len(r)-1])
		}
		for j := 1; j < len(r)-1; j++ {
			if j%k != 0 || len(r)-1-j < k {
				ms[r[j]].hidden = true
			}
		}
	}
	for _, r := range runs {
		for _, i := range r {
			if !must[i] && !ms[i].hidden {
				order = append(order, i)
			}
		}
	}
	// the way each run goes at each of its numbers
	way := map[int]Point{}
	for _, r := range runs {
		for j, i := range r {
			a, b := ms[r[max(0, j-1)]].bp[0], ms[r[min(len(r)-1, j+1)]].bp[0]
			way[i] = b.sub(a)
		}
	}
	for _, i := range order {
		m := &ms[i]
		q, wd := numPlace(*m, content)
		cands := numberCands(q, spotOf(ms, *m), way[i], wd, must[i])
		b, ok := freePlace(lay, cands)
		if !ok {
			if !must[i] {
				m.hidden = true
				continue
			}
			b = lay.place(cands)
		} else {
			lay.take(b)
		}
		m.at, m.placed = b.centre(), true
	}
}

// retraces reports whether run r goes over the line of one of runs, its
// numbers in the middle of the badges of that run's spots or between them
// (a pass repeated a little further on).
func retraces(ms []boxed, r []int, runs [][]int) bool {
	for _, o := range runs {
		if ms[o[0]].hand != ms[r[0]].hand || len(o) < 2 {
			continue
		}
		var line []Point
		for _, i := range o {
			line = append(line, ms[i].bp[0])
		}
		same := true
		for _, i := range r {
			if distToLine(ms[i].bp[0], line) > 12 {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// distToLine is how far p is from a polyline.
func distToLine(p Point, line []Point) float64 {
	d := math.Inf(1)
	for j := 1; j < len(line); j++ {
		a, b := line[j-1], line[j]
		ab := b.sub(a)
		f := 0.0
		if l2 := ab.X*ab.X + ab.Y*ab.Y; l2 > 0 {
			f = math.Max(0, math.Min(1, ((p.X-a.X)*ab.X+(p.Y-a.Y)*ab.Y)/l2))
		}
		d = math.Min(d, p.dist(lerp(a, b, f)))
	}
	return d
}

// stride is how many spots apart the numbers of a run can be shown: 1
// when its spots are a number's width apart, more when they crowd.
func stride(ms []boxed, run []int) int {
	least := math.Inf(1)
	for j := 1; j < len(run); j++ {
		least = math.Min(least, ms[run[j]].bp[0].dist(ms[run[j-1]].bp[0]))
	}
	if math.IsInf(least, 0) || least >= 44 {
		return 1
	}
	return min(int(math.Ceil(44/math.Max(least, 1))), max(1, len(run)-1))
}

// spotOf is the dot (or the middle of the loop) a number belongs to: the
// nearest of its hand's, when one is near; else the number's own place.
func spotOf(ms []boxed, n boxed) Point {
	q := n.bp[0]
	best, bd := q, 70.0
	for _, m := range ms {
		if m.hand != n.hand {
			continue
		}
		var c Point
		switch m.kind {
		case mkDot:
			c = m.bp[0]
		case mkLoop:
			c = loopCentre(m.bp)
		default:
			continue
		}
		if d := c.dist(q); d < bd {
			best, bd = c, d
		}
	}
	return best
}

// numberCands are the places for a number of width wd: where the compile
// put it (q), then beside its spot d across the run's way t (on q's side,
// else above), straight out, a little ahead or behind, a little further
// out, so that a number stays on the side its neighbours' are and reads
// as theirs; with all, then the other sides too (for the first and the
// last of a run, which must show).
func numberCands(q, d, t Point, wd float64, all bool) []box {
	cands := []box{boxAt(q, wd+4, 42)}
	o := q.sub(d)
	if o.len() < 1 {
		// a number on its spot (inside a loop, on a squeeze): there if
		// that is free, else above it
		o = Point{0, -numGap}
	}
	u := o.norm()
	side := u
	if t.len() > 0 {
		t = t.norm()
		side = t.perp()
		dot := side.X*u.X + side.Y*u.Y
		switch {
		case math.Abs(dot) < 0.3 && side.Y > 0, math.Abs(dot) >= 0.3 && dot < 0:
			side = side.mul(-1)
		}
	}
	n := side.perp()
	r := math.Max(o.len(), numGap)
	ring := func(dirs ...Point) {
		// a ring further out clears a start tag on the spot
		for _, k := range []float64{r, r + 14} {
			for _, dir := range dirs {
				cands = append(cands, boxAt(d.add(dir.norm().mul(k)), wd+4, 42))
			}
		}
	}
	ring(side, side.add(n.mul(0.6)), side.sub(n.mul(0.6)))
	if all {
		ring(n, n.mul(-1), side.mul(-1).add(n), side.mul(-1).sub(n), side.mul(-1))
	}
	return cands
}

// freePlace is the first candidate that covers nothing taken and stays in
// the picture, preferring the first (where the compile put it), else the
// one covering the fewest points of the paths.
func freePlace(l *layout, cands []box) (box, bool) {
	best, bc, found := box{}, math.Inf(1), false
	for i, b := range cands {
		if b.area()-b.overlap(l.bounds) > 1 {
			continue
		}
		hard := false
		for _, t := range l.taken {
			if t.overlap(b) > 1 {
				hard = true
				break
			}
		}
		if hard {
			continue
		}
		if i == 0 {
			return b, true
		}
		soft := 0.0
		for _, p := range l.soft {
			if b.has(p) {
				soft++
			}
		}
		if soft < bc {
			best, bc, found = b, soft, true
		}
	}
	return best, found
}
