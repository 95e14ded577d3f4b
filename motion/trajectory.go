package motion

import (
	"math"
	"sync"
)

// A trajectory is what an export writes: for each hand, the samples of all
// the steps one after another (every 1/Rate s), with the force in newtons
// and the hand's place on the body. Building it joins the steps: a hand
// that ends one step in one place and starts the next in another lifts,
// travels and sets down; the force changes no faster than the limit; and
// every motion is checked on the body before anything is written.
type trajectory struct {
	paths  []StepPath
	starts []int // the first sample of each step in the streams
	n      int   // the last sample's index: samples 0..n
	step   []int32
	hands  [2]stream // left, right
	views  []*View   // each step's chart
	pls    []placer  // and its placer on the body
	limits Limits
	body   Body
	// normals: every sample's normal is kept (the 3D columns and ROS 2
	// write the tool's orientation from it); without, n is nil and only
	// the lifts work normals out
	normals bool
}

type stream struct {
	hand  string
	s     []spot
	touch []bool    // whether the hand touches at each sample
	f     []float64 // newtons
	p     []Vec3    // the hand's place on the body (m), lifted off the skin when not touching
	n     []Vec3    // the skin's outward normal under it
}

var handIDs = [2]string{"left", "right"}

// Lifting: a hand rises off the skin over liftRamp seconds (liftRampCross
// when it goes to another chart), to liftHeight (crossLift), no higher
// than keeps its upward acceleration within liftAccel.
const (
	liftRamp      = 0.3
	liftRampCross = 0.6
	liftAccel     = 0.5 // m/s²
)

func buildTrajectory(paths []StepPath, o *ExportOptions) (*trajectory, error) {
	tr := &trajectory{paths: paths, limits: o.Limits, body: o.Body, normals: o.Columns == "3d" || o.Format == "ros2-json"}
	for i := range paths {
		tr.views = append(tr.views, viewByID[paths[i].View])
		tr.pls = append(tr.pls, tr.body.placer(paths[i].View))
		tr.starts = append(tr.starts, tr.n)
		tr.n += len(paths[i].Hands[0].Samples) - 1
	}
	tr.step = make([]int32, tr.n+1)
	for i := range paths {
		end := tr.n + 1
		if i+1 < len(paths) {
			end = tr.starts[i+1]
		}
		for k := tr.starts[i]; k < end; k++ {
			tr.step[k] = int32(i)
		}
	}
	// each step's forces checked, a few steps at a time; the first
	// refusal in order
	forces := make([]*forcer, len(paths))
	ferrs := make([]error, len(paths))
	parallel(len(paths), func(i int) {
		forces[i], ferrs[i] = newForcer(&paths[i], o)
		if ferrs[i] == nil {
			ferrs[i] = forces[i].check()
		}
	})
	for _, err := range ferrs {
		if err != nil {
			return nil, err
		}
	}
	// the two hands are joined, placed and checked apart, at the same time
	var errs [2]error
	var wg sync.WaitGroup
	for h := range tr.hands {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[h] = tr.buildHand(h, forces)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return tr, nil
}

// joinSlack are the margins a hand's joins are laid out with, tried in
// turn: a join between places timed for the chart's distance can still
// turn too hard on the body (up the curve of the skull under a lowered
// acceleration limit), and is then laid out slower.
var joinSlack = [...]float64{1, 1.5, 2.25, 3.5, 5, 8, 12, 20}

// buildHand fills hand h's stream from the steps, joins, slews, places and
// checks it. A motion refused on the body is tried again with slower
// joins; what still breaks a lowered limit is refused as a step that
// cannot fit.
func (tr *trajectory) buildHand(h int, forces []*forcer) error {
	var err error
	for _, slack := range joinSlack {
		tr.fill(h, forces)
		st := &tr.hands[h]
		tr.join(st, slack)
		tr.slew(st)
		// placed and checked in one pass; the places kept only when
		// the export writes the body frame
		if err = tr.place(st, tr.normals); err == nil {
			return nil
		}
		if _, ok := err.(*MotionError); !ok {
			return err
		}
	}
	if me := err.(*MotionError); tr.limits != DefaultLimits {
		me.Slowest = tr.paths[me.index].Seconds
	}
	return err
}

// fill makes hand h's stream: its samples and forces in every step, one
// after the other. A hand laid out again with slower joins fills the
// stream it had (every sample is written).
func (tr *trajectory) fill(h int, forces []*forcer) {
	paths, id := tr.paths, handIDs[h]
	st := &tr.hands[h]
	st.hand = id
	if st.s == nil {
		st.s, st.touch, st.f = make([]spot, tr.n+1), make([]bool, tr.n+1), make([]float64, tr.n+1)
	}
	for i := range paths {
		p := &paths[i]
		end := len(p.Hands[0].Samples) - 1
		if i == len(paths)-1 {
			end++
		}
		hp := handIn(p, id)
		// the step's part of the stream, sliced once (no bounds check
		// per sample)
		at := tr.starts[i]
		s, touch, f := st.s[at:at+end], st.touch[at:at+end], st.f[at:at+end]
		if hp == nil {
			// a hand the step does not use waits, lifted, where the other starts
			s0 := p.Hands[0].Samples[0]
			for k := range s {
				s[k], touch[k], f[k] = spot{X: s0.X, Y: s0.Y}, false, 0
			}
			continue
		}
		fc, smp := forces[i], hp.Samples[:end]
		for k := range smp {
			x := &smp[k]
			s[k] = spot{X: x.X, Y: x.Y}
			touch[k] = x.Contact
			f[k] = fc.at(x)
		}
	}
}

func handIn(p *StepPath, id string) *HandPath {
	for i := range p.Hands {
		if p.Hands[i].Hand == id {
			return &p.Hands[i]
		}
	}
	return nil
}

func (tr *trajectory) view(k int) *View { return tr.views[tr.step[k]] }

// surface names the piece of skin a sample is on: its chart, and on a
// chart of panels (the sole and the top of the foot) its panel, for the
// panels are different sides of the body.
type surface struct {
	v     *View
	panel bool
}

func (tr *trajectory) surf(st *stream, k int) surface {
	v := tr.view(k)
	return surface{v, len(v.Panels) > 1 && st.s[k].X >= v.Panels[1].X0}
}

// gap is the distance (m) between samples a and b of a stream: on their
// chart, or on the body when they are on different charts.
func (tr *trajectory) gap(st *stream, a, b int) float64 {
	if tr.surf(st, a) == tr.surf(st, b) {
		return st.s[a].pt().dist(st.s[b].pt()) * tr.view(a).MM / 1000 * tr.pls[tr.step[a]].L
	}
	pa, _ := tr.pls[tr.step[a]].at(st.s[a].X, st.s[a].Y)
	pb, _ := tr.pls[tr.step[b]].at(st.s[b].X, st.s[b].Y)
	return pa.sub(pb).len()
}

func (s Sample) pt() Point { return Point{s.X, s.Y} }

// A spot is a sample's place on the chart in a hand's stream: 16 bytes
// against a Sample's 40 (whether it touches is in the stream's touch, 1
// byte where a bool in the spot took 8 with its padding; the pressure is
// in the stream's forces, the time in the step's own samples).
type spot struct {
	X, Y float64
}

func (s spot) pt() Point { return Point{s.X, s.Y} }

// sampleT is the time into its step of sample k of hand st's stream, as
// the step's own samples have it.
func (tr *trajectory) sampleT(st *stream, k int) float64 {
	i := int(tr.step[k])
	p := &tr.paths[i]
	for h := range p.Hands {
		if p.Hands[h].Hand == st.hand {
			return p.Hands[h].Samples[k-tr.starts[i]].T
		}
	}
	return float64(k-tr.starts[i]) / Rate
}

// join finds every place where a hand would jump (a new place at a step's
// start, another chart) and makes it lift, travel and set down: from a
// moment it rests in contact before to one after, long enough for the
// distance at the travel limit, with time to lift and to settle.
func (tr *trajectory) join(st *stream, slack float64) {
	s := st.s
	done := 0
	// at rest: no faster than 2 cm/s either side, and under a lowered
	// acceleration limit slow enough that stopping (or starting) within
	// one sample keeps to half of it
	still := min(0.02, tr.limits.Accel/2/Rate)
	rest := func(k int) bool {
		for _, j := range []int{k - 1, k + 1} {
			if j < 0 || j > tr.n || tr.step[j] != tr.step[k] {
				continue
			}
			if s[j].pt().dist(s[k].pt())*tr.view(k).MM/1000*Rate > still {
				return false
			}
		}
		return true
	}
	for k := 1; k <= tr.n; k++ {
		if k <= done || !tr.jumps(st, k) {
			continue
		}
		a, b := k-1, k
		for a > done && !st.touch[a] {
			a--
		}
		for b < tr.n && !st.touch[b] {
			b++
		}
		need := func() bool {
			if tr.surf(st, a) != tr.surf(st, b) {
				pa, na := tr.body.place(tr.view(a).ID, s[a].X, s[a].Y)
				pb, nb := tr.body.place(tr.view(b).ID, s[b].X, s[b].Y)
				c := crossPath(pa, na, pb, nb)
				L := c[1].sub(c[0]).len() + c[2].sub(c[1]).len() + c[3].sub(c[2]).len()
				return float64(b-a)/Rate < minDuration(L, 0, false, tr.limits, planShare)*1.2*slack
			}
			return float64(b-a)/Rate < minDuration(tr.gap(st, a, b), 0, false, tr.limits, planShare)*slack+2*liftRamp
		}
	widen:
		for back := true; ; back = !back {
			switch {
			case a > done && !rest(a):
				a--
			case b < tr.n && !rest(b):
				b++
			case !need():
				break widen
			case back && a > done || b >= tr.n && a > done:
				a--
			case b < tr.n:
				b++
			default:
				break widen
			}
		}
		va, vb := tr.view(a), tr.view(b)
		same := tr.surf(st, a) == tr.surf(st, b)
		for j := a + 1; j < b; j++ {
			f := minJerk(float64(j-a) / float64(b-a))
			switch v := tr.view(j); {
			case same && v == va:
				p := lerp(s[a].pt(), s[b].pt(), f)
				s[j].X, s[j].Y = p.X, p.Y
			case v == va && (v != vb || j-a <= b-j):
				s[j].X, s[j].Y = s[a].X, s[a].Y
			case v == vb:
				s[j].X, s[j].Y = s[b].X, s[b].Y
			}
			st.touch[j] = false
			st.f[j] = 0
		}
		done = b
	}
}

// jumps reports whether going from sample k-1 to k changes place where
// the steps do not join up: another chart or panel, or a new step.
func (tr *trajectory) jumps(st *stream, k int) bool {
	if tr.surf(st, k) != tr.surf(st, k-1) {
		return true
	}
	// between steps, any change of place (the steps do not know where the
	// hand was); within one, the compiler has kept the motion smooth, and
	// the check says whether it is slow enough
	return tr.step[k] != tr.step[k-1] && tr.gap(st, k-1, k) > 0.0005
}

// slew keeps the force from changing faster than the limit: it falls to
// zero before the hand lifts and rises after it sets down, so it is only
// ever lowered. It is zero at the first and last moment of each touch.
func (tr *trajectory) slew(st *stream) {
	d := tr.limits.ForceRate / Rate
	f, c := st.f, st.touch
	last := len(f) - 1
	prev := 0.0 // f[k-1], or f[k+1] going back, as set
	for k := range f {
		x := f[k]
		if !c[k] || k > 0 && !c[k-1] || k < last && !c[k+1] || k == 0 || k == last {
			x = 0
		}
		if k > 0 {
			x = lower(x, prev+d)
		}
		f[k], prev = x, x
	}
	for k := last - 1; k >= 0; k-- {
		prev = lower(f[k], prev+d)
		f[k] = prev
	}
}

// lower is min(x, v) for a v that is never -0 (the force rate is above
// 0): NaN when either is, else the smaller. As a branch the processor
// guesses (the force is seldom lowered), where min's instructions made
// each sample wait on the one before.
func lower(x, v float64) float64 {
	if v < x || v != v {
		return v
	}
	return x
}

// place puts every sample on the body, in order, and hands each place
// (and, when the trajectory keeps normals, the normal) to the check: on
// the skin while touching, lifted along the skin's normal while not, and
// on a curve through the air between charts. It keeps the places (and
// normals) when asked; without, an export with the chart columns checks
// a hand's motion without a stream of places, a square root per sample
// or a pass more. It returns the check's refusal, the first in time.
func (tr *trajectory) place(st *stream, keep bool) error {
	s := st.s
	// every sample's place is put (again, on a hand laid out again)
	if !keep {
		st.p, st.n = nil, nil
	}
	if keep && st.p == nil {
		st.p = make([]Vec3, tr.n+1)
	}
	if keep && tr.normals && st.n == nil {
		st.n = make([]Vec3, tr.n+1)
	}
	ck := checker{tr: tr, st: st}
	var last lastPos
	// put hands sample k's place (and normal, when kept) on
	put := func(k int, p, n Vec3) {
		if st.p != nil {
			st.p[k] = p
		}
		if st.n != nil {
			st.n[k] = n
		}
		ck.add(k, p)
	}
	// base is sample k's place and normal on the skin
	base := func(k int) (Vec3, Vec3) { return tr.pls[tr.step[k]].at(s[k].X, s[k].Y) }
	for k := 0; k <= tr.n && ck.err == nil; {
		if st.touch[k] {
			if st.n != nil {
				p, n := base(k)
				put(k, p, n)
			} else {
				put(k, last.pos(&tr.pls[tr.step[k]], int(tr.step[k]), s[k].X, s[k].Y), Vec3{})
			}
			k++
			continue
		}
		a := k - 1 // the last touch before, or -1
		b := k
		for b <= tr.n && !st.touch[b] {
			b++
		}
		// samples a+1 .. b-1 are lifted
		cross := false
		for j := max(a, 0) + 1; j <= min(b, tr.n); j++ {
			cross = cross || tr.surf(st, j) != tr.surf(st, j-1)
		}
		lo, hi := max(a, 0), min(b, tr.n)
		if cross && a >= 0 && b <= tr.n {
			// off one surface onto another: up along the first's normal,
			// round, and down along the second's, on one smooth curve
			pa, na := base(a)
			pb, nb := base(b)
			c := crossPath(pa, na, pb, nb)
			for j := a + 1; j < b; j++ {
				u := minJerk(float64(j-a) / float64(b-a))
				var n Vec3
				if st.n != nil {
					n = lerp3(na, nb, u).add(c[4].mul(math.Sin(math.Pi * u))).norm()
				}
				put(j, bezier(c, u), n)
			}
			k = b
			continue
		}
		T := float64(b-a) / Rate
		ramp := math.Min(liftRamp, T/2)
		top := math.Min(liftHeight, math.Min(liftAccel, tr.limits.Accel*0.1)*ramp*ramp/mjAccel)
		var pq, nq Vec3
		if cross {
			// at the very start or end, from or to another surface: on
			// the one where the hand touches
			q := lo
			if a < 0 {
				q = hi
			}
			pq, nq = base(q)
		}
		for j := a + 1; j < b; j++ {
			t := float64(j-a) / Rate
			h := top
			switch {
			case a < 0 && b > tr.n:
			case a >= 0 && t < ramp:
				h = top * minJerk(t/ramp)
			case b <= tr.n && T-t < ramp:
				h = top * minJerk((T-t)/ramp)
			}
			p, n := pq, nq
			if !cross {
				p, n = base(j)
			}
			put(j, p.add(n.mul(h)), n)
		}
		k = b
	}
	return ck.err
}

// checker refuses a hand's motion that jumps, moves, turns or presses
// faster than the limits, on the body, sample by sample as it is placed:
// the last two places are all it keeps.
type checker struct {
	tr     *trajectory
	st     *stream
	p1, p2 Vec3 // the places of samples k-1 and k-2
	err    error
}

func (c *checker) add(k int, p Vec3) {
	tr, st := c.tr, c.st
	touch, l := st.touch, tr.limits
	p1, p2 := c.p1, c.p2
	c.p1, c.p2 = p, p1
	if k == 0 || c.err != nil {
		return
	}
	var e MotionError
	fail := func() {
		e.index = int(tr.step[k])
		me := tr.paths[tr.step[k]].motionError(e, st.hand, tr.sampleT(st, k))
		if !touch[k] {
			// lifted: on the way from one step to another, the refusal
			// names both (the step the moment falls in may be neither's
			// moves)
			a, b := k, k
			for a > 0 && !touch[a] {
				a--
			}
			for b < tr.n && !touch[b] {
				b++
			}
			if from, to := &tr.paths[tr.step[a]], &tr.paths[tr.step[b]]; from != to {
				me.FromTechnique, me.FromStep = from.Technique, from.Step
				me.Technique, me.Step = to.Technique, to.Step
				me.At = float64(k-tr.starts[tr.step[b]]) / Rate
			}
		}
		c.err = me
	}
	if l.overSpeed(&e, touch[k] && touch[k-1], p.sub(p1).len()) {
		fail()
		return
	}
	if k >= 2 {
		a := p.sub(p1.mul(2)).add(p2).len() * Rate * Rate
		if a > l.Accel+1e-9 {
			e.What, e.Value, e.Limit, e.Unit = "acceleration", a, l.Accel, "m/s²"
			fail()
			return
		}
	}
	if r := math.Abs(st.f[k]-st.f[k-1]) * Rate; r > l.ForceRate+1e-6 {
		e.What, e.Value, e.Limit, e.Unit = "force rate", r, l.ForceRate, "N/s"
		fail()
	}
}

// withNormals places both hands again keeping every sample's place and
// normal, for the 3D columns and the preview of a trajectory built
// without them: the same places, as placing is the same, and checked
// already.
func (tr *trajectory) withNormals() {
	if tr.normals && tr.hands[0].p != nil {
		return
	}
	tr.normals = true
	for h := range tr.hands {
		tr.place(&tr.hands[h], true)
	}
}

// crossPath gives the control points of the curve a lifted hand follows
// from a place (pa, normal na) on one surface to one on another: crossLift
// out along each normal, pushed round the edge between them when the two
// faces turn away from each other (the back of the hand and the palm), and
// that push as a fifth point.
func crossPath(pa, na, pb, nb Vec3) [5]Vec3 {
	m := lerp3(pa, pb, 0.5)
	out := m.sub(na.mul(m.dot(na))) // away from the body's middle, across the first normal
	if out.len() < 1e-6 {
		out = Vec3{0, 0, 1}
	}
	out = out.norm()
	push := out.mul(crossLift * (1 - na.dot(nb)) / 2 * 1.5)
	return [5]Vec3{pa, pa.add(na.mul(crossLift)).add(push), pb.add(nb.mul(crossLift)).add(push), pb, out}
}

func bezier(c [5]Vec3, u float64) Vec3 {
	v := 1 - u
	return c[0].mul(v * v * v).add(c[1].mul(3 * v * v * u)).add(c[2].mul(3 * v * u * u)).add(c[3].mul(u * u * u))
}
