package motion

// scratch is what one goroutine lays its steps out in, handed on from try
// to try and from step to step: the tracks' segments, garbage once a try
// is sampled. Each track of each try (and of each measure of a pass's
// time) grew its own, 3 MB of an hour's export, while the heap is small
// and every few megabytes start a collection. A nil scratch hands out
// nothing.
type scratch struct {
	segs [][]seg
	ar   arena // the curves of the try being laid out
}

// newTrack is a track within the builder's limits, its segments and its
// curves' room from the scratch.
func (b *builder) newTrack() *track {
	t := &track{mm: b.c.v.MM, share: b.limShare, lim: b.lim}
	if b.sc != nil {
		t.ar = &b.sc.ar
	}
	if sc := b.sc; sc != nil && len(sc.segs) > 0 {
		t.segs = sc.segs[len(sc.segs)-1]
		sc.segs = sc.segs[:len(sc.segs)-1]
	}
	return t
}

// keep takes back the segments of tracks no longer used, cleared so they
// hold no curve alive.
func (sc *scratch) keep(tracks map[string]*track) {
	if sc == nil {
		return
	}
	for _, t := range tracks {
		if cap(t.segs) > 0 {
			clear(t.segs[:cap(t.segs)]) // those cut off a pass laid out again too
			sc.segs = append(sc.segs, t.segs[:0])
			t.segs = nil
		}
	}
}

// An arena hands out the points and numbers of one try's curves from a
// few large blocks, all free again when the try is sampled (reset). The
// curves of a step's moves and their time laws were 4 MB of an hour's
// export, each a small slice of its own. A nil arena allocates as make.
type arena struct {
	pts []Point
	fs  []float64
}

// points is room for n points: length 0, capacity n, so an append beyond
// it takes a new slice and never writes over another's.
func (a *arena) points(n int) []Point {
	if a == nil {
		return make([]Point, 0, n)
	}
	return carve(&a.pts, n)[:0]
}

// floats is n numbers, all 0.
func (a *arena) floats(n int) []float64 {
	if a == nil {
		return make([]float64, n)
	}
	s := carve(&a.fs, n)
	clear(s)
	return s
}

// carve cuts n elements off the end of block *b, or off a new block
// twice as large when it is full (the old one stays with those who hold
// its slices, and goes at the next reset).
func carve[T any](b *[]T, n int) []T {
	l := len(*b)
	if l+n > cap(*b) {
		*b = make([]T, 0, max(2*cap(*b), n, 1024))
		l = 0
	}
	*b = (*b)[:l+n]
	return (*b)[l : l+n : l+n]
}

// reset frees everything handed out: no slice from the arena may be used
// after it.
func (a *arena) reset() {
	if a != nil {
		a.pts, a.fs = a.pts[:0], a.fs[:0]
	}
}

func (sc *scratch) reset() {
	if sc != nil {
		sc.ar.reset()
	}
}
