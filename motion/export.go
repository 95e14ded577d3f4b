package motion

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
)

// ExportOptions say how to write a device trajectory.
type ExportOptions struct {
	Format string // "csv" (default), "jsonl" or "ros2-json" (WriteROS2)
	Rate   int    // rows per second for each hand, 1–1000 (default 100)
	// MaxForce caps every force (newtons); 0 means not given. It may not
	// be above the limit of a region the export works. A region the
	// standard gives no limit for (the feet) needs it, or a RegionLimits
	// entry.
	MaxForce float64
	// Forces replace Knead's force (newtons) for a pressure word, in every
	// region: {"deep": 12}.
	Forces map[string]float64
	// RegionLimits lower the force limit (newtons) of a region, by its id:
	// {"back": 40, "foot": 15}.
	RegionLimits map[string]float64
	// Limits lower Knead's motion limits; zero fields keep the defaults.
	Limits Limits
	// Body is the receiver's size, for the 3D columns.
	Body Body
	// Columns is "3d" (default: the chart columns and the body-frame ones)
	// or "2d" (the chart columns only).
	Columns string
}

// MaxRate is the highest export rate: devices stream at 1 kHz.
const MaxRate = 1000

// SchemaVersion is the version of the rows' layout: 2 added chart,
// contact and the body-frame columns to version 1's t, x, y, force_n,
// hand, region, and the header block.
const SchemaVersion = 2

func (o *ExportOptions) check() error {
	if o.Format == "" {
		o.Format = "csv"
	}
	if o.Format != "csv" && o.Format != "jsonl" && o.Format != "ros2-json" {
		return fmt.Errorf("unknown format %q: expected csv, jsonl or ros2-json", o.Format)
	}
	if o.Columns == "" {
		o.Columns = "3d"
	}
	if o.Columns != "2d" && o.Columns != "3d" {
		return fmt.Errorf("unknown columns %q: expected 2d or 3d", o.Columns)
	}
	if o.Rate == 0 {
		o.Rate = 100
	}
	if o.Rate < 1 || o.Rate > MaxRate {
		return fmt.Errorf("rate %d Hz is out of range: expected 1 to %d", o.Rate, MaxRate)
	}
	if o.MaxForce < 0 || math.IsNaN(o.MaxForce) || math.IsInf(o.MaxForce, 0) {
		return fmt.Errorf("max force %v N: expected a number of newtons above 0", o.MaxForce)
	}
	for id, n := range o.RegionLimits {
		r, ok := RegionByID(id)
		ceiling := r.Limit
		if ceiling <= 0 {
			ceiling = footCeiling
		}
		if !ok || math.IsNaN(n) || n <= 0 || n > ceiling {
			return fmt.Errorf("limit for region %q of %v N: expected a known region and newtons above 0, at most %v", id, n, ceiling)
		}
	}
	if err := o.Limits.check(); err != nil {
		return err
	}
	return o.Body.check()
}

// Export writes the steps one after the other as rows of a trajectory,
// after a header block: for every tick t = k/rate seconds (k counting
// from 0, so no time drifts), one row per hand with its place on the chart
// in metres (x right, y down, from the chart's top-left corner), the force
// in newtons (0 when lifted), the hand, the area, the chart, whether it
// touches, and (with 3D columns) its place and the tool's orientation in
// the body frame. The whole trajectory is built and checked (forces
// against their region's limits, speeds, accelerations, force rates, no
// jump while touching) before anything is written: a refused export writes
// nothing.
func Export(w io.Writer, paths []StepPath, o ExportOptions) error {
	t, err := Prepare(paths, o)
	if err != nil {
		return err
	}
	return t.Write(w)
}

// Trajectory is an export built and checked, ready to write.
type Trajectory struct {
	tr *trajectory
	o  ExportOptions
}

// Prepare builds the steps' trajectory and checks it, writing nothing:
// what Export would refuse, it refuses.
func Prepare(paths []StepPath, o ExportOptions) (*Trajectory, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("nothing to export")
	}
	tr, err := buildTrajectory(paths, &o)
	if err != nil {
		return nil, err
	}
	return &Trajectory{tr, o}, nil
}

// Write writes the trajectory's header and rows.
func (t *Trajectory) Write(w io.Writer) error {
	if t.o.Format == "ros2-json" {
		return t.WriteROS2(w)
	}
	tr, o, paths := t.tr, t.o, t.tr.paths
	d3 := o.Columns == "3d"
	if d3 {
		tr.withNormals()
	}
	steps := make([]exportStep, len(paths))
	// each step's columns are made apart, a few steps at a time
	parallel(len(paths), func(i int) { steps[i] = tr.exportStep(i, o.Format, d3) })
	R := int64(o.Rate)
	// ticks of the paths (1/Rate s) to ticks of the export (1/o.Rate s):
	// the last row falls on the end of the last step
	last := int64(tr.n) * R / Rate
	if err := writeHeader(w, tr, &o); err != nil {
		return err
	}
	tf := newTimeFormat(o.Rate)
	// rows are made in blocks, a few at a time in parallel, and written in order
	block := int64(blockTicks)
	nblocks := (last + block) / block
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	// a few buffers go round: filled by a worker, written in order, handed
	// back. A worker takes a buffer, then the next block: the oldest block
	// not written is always being made, and the others go on ahead while
	// it is. More buffers than workers let them run ahead of a block that
	// is slow to finish (with one buffer spare, the rows took a third
	// longer than their processor time over two cores).
	nbuf := 2*workers + 2
	free := make(chan []byte, nbuf)
	for range nbuf {
		free <- make([]byte, 0, int(block)*2*rowGuess(o.Format, d3)+64*1024)
	}
	// block b's rows come back on results[b%nbuf]: a block is taken only
	// with a free buffer, so the nbuf blocks after the oldest not yet
	// written are all that can be under way
	results := make([]chan []byte, nbuf)
	for i := range results {
		results[i] = make(chan []byte, 1)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	// done stops the workers: every block made, or the writer failed
	// (nothing more is made for it)
	done := make(chan struct{})
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				var buf []byte
				select {
				case <-done:
					return
				case buf = <-free:
				}
				b := next.Add(1) - 1
				if b >= nblocks {
					return
				}
				lo, hi := b*block, min((b+1)*block, last+1)
				results[b%int64(nbuf)] <- appendRows(buf[:0], steps, lo, hi, R, tf, o.Format == "jsonl", d3)
			}
		}()
	}
	var werr error
	for b := int64(0); b < nblocks && werr == nil; b++ {
		buf := <-results[b%int64(nbuf)]
		_, werr = w.Write(buf)
		free <- buf
	}
	close(done)
	wg.Wait()
	return werr
}

type exportStep struct {
	start int64 // first sample tick (1/Rate s) of the step in the whole export
	cols  []handCols
}

// handCols are one hand's samples in one step, read straight from the
// hand's stream when a row needs them (at every sample, not every row):
// x and y in tenths of a millimetre, the force in hundredths of a newton,
// contact (1 when the hand touches at this sample and the next), and with
// 3D columns the place (tenths of a millimetre) and the quaternion
// (ten-thousandths). Nothing is copied: an hour's columns copied were 9 MB
// (20 MB with the body frame's) made, zeroed and thrown away each export.
type handCols struct {
	s     []spot    // the stream from the step's first sample, one past its last when there is one
	touch []bool    // and whether the hand touches, over the same samples
	f     []float64 // the forces from the step's first sample
	n     int       // the step's last sample (s[n])
	// scale turns the chart's units to tenths of a millimetre, fscale
	// newtons to hundredths
	scale, fscale float64
	// lastPrev: the step's last sample is on the next chart; x and y stay
	// on this one's last place
	lastPrev bool
	p, nrm   []Vec3       // the body frame: place (m) and the skin's normal, from the first sample
	p7       [][7]float64 // the body frame's seven columns given as they are (tests)
	// the rest of the row after the force, for contact 0 and 1:
	// ",left,scalp,head-top,1" (or its JSON), and with 2D columns the
	// row's end too
	tails [2]chunk
}

// at gives sample k's x, y, force and contact as the row prints them.
func (c *handCols) at(k int) (x, y, f float64, contact uint8) {
	sp := c.s[k]
	if k == c.n && c.lastPrev {
		sp = c.s[k-1]
	}
	if c.touch[k] && k+1 < len(c.touch) && c.touch[k+1] {
		contact = 1
	}
	return sp.X * c.scale, sp.Y * c.scale, c.f[k] * c.fscale, contact
}

// body gives sample k's seven body-frame columns as the row prints them.
func (c *handCols) body(k int) [7]float64 {
	if c.p7 != nil {
		return c.p7[k]
	}
	pt, q := c.p[k], toolQuat(c.nrm[k])
	return [7]float64{pt.X * 1e4, pt.Y * 1e4, pt.Z * 1e4, q[0] * 1e4, q[1] * 1e4, q[2] * 1e4, q[3] * 1e4}
}

func rowGuess(format string, d3 bool) int {
	n := 60
	if format == "jsonl" {
		n = 120
	}
	if d3 {
		n += 60
		if format == "jsonl" {
			n += 30 // the 3D keys: a block's buffer never has to grow
		}
	}
	return n
}

// rowTails are the rows' ends after the force, for contact 0 and 1.
func rowTails(format, hand, area, chart string, d3 bool) [2]chunk {
	var t [2]chunk
	for c := range t {
		s := "," + hand + "," + area + "," + chart + "," + string(rune('0'+c))
		if format == "jsonl" {
			s = `,"hand":"` + hand + `","region":"` + area + `","chart":"` + chart + `","contact":` + string(rune('0'+c))
		}
		if !d3 {
			s += rowEnd(format)
		}
		t[c] = newChunk(s)
	}
	return t
}

func rowEnd(format string) string {
	if format == "jsonl" {
		return "}\n" + `{"t":` // the next row's start, taken off after a block's last row
	}
	return "\n"
}

// rowHand is one hand's sample and its change to the next, for the ticks
// between two samples.
type rowHand struct {
	x0, dx, y0, dy, f0, df float64
	tail                   *chunk
	p0, dp                 [7]float64
	// the body frame's columns at the later sample (at index b1k of
	// b1c), kept for the next pair of samples, which starts there: each
	// sample's quaternion is worked out once
	b1  [7]float64
	b1c *handCols
	b1k int
	// the form of every value between the two samples: x, y and the body
	// frame's seven (sgPos, sgNeg or sgAny), and the force's length (4:
	// under 10 N, 5: from 10 to 100 N, 0: any)
	sg [9]uint8
	fl int
	// what the rows between the two samples take from rest: keepNone,
	// keepForce or keepAll
	keep uint8
	// fast: every number of the rows between the two samples takes a
	// table form and what is copied after them fits 144 bytes, so
	// fastRows may write them
	fast bool
	// rest, and what it was written from (restKeep is keepNone when
	// it holds nothing)
	rest                chunk
	restKeep            uint8
	restF, restX, restY float64
	restTail            *chunk
	restP               [7]float64
}

// load makes r hand c's sample ii (of the step) and its change to the next,
// and, when some of the row's numbers do not change between the two
// samples, the text they make with the rest of the row (rest).
func (r *rowHand) load(c *handCols, ii int, json, d3 bool) {
	i0, i1 := min(ii, c.n), min(ii+1, c.n)
	x0, y0, f0, c0 := c.at(i0)
	x1, y1, f1, _ := c.at(i1)
	r.x0, r.dx = x0, x1-x0
	r.y0, r.dy = y0, y1-y0
	r.f0, r.df = f0, f1-f0
	r.tail = &c.tails[c0&1]
	r.sg[0], r.sg[1], r.fl = signOf(x0, x1), signOf(y0, y1), forceLen(f0, f1)
	still := r.dx == 0 && r.dy == 0
	if d3 {
		var p0 [7]float64
		if r.b1c == c && r.b1k == i0 {
			p0 = r.b1
		} else {
			p0 = c.body(i0)
		}
		p1 := c.body(i1)
		r.b1, r.b1c, r.b1k = p1, c, i1
		for a := range r.p0 {
			r.p0[a], r.dp[a] = p0[a], p1[a]-p0[a]
			r.sg[2+a] = signOf(p0[a], p1[a])
			still = still && r.dp[a] == 0
		}
	}
	keep := uint8(keepNone)
	if r.df == 0 {
		keep = keepForce
		if still {
			keep = keepAll
		}
	}
	// the rest is written again only when it changes: a force held, or a
	// hand at rest, is often so for many samples
	if keep != keepNone && (keep != r.restKeep || r.f0 != r.restF || r.tail != r.restTail ||
		keep == keepAll && (r.x0 != r.restX || r.y0 != r.restY || d3 && r.p0 != r.restP)) {
		r.keep = keep
		r.restKeep, r.restF, r.restTail, r.restX, r.restY, r.restP = keepNone, r.f0, r.tail, r.x0, r.y0, r.p0
		if r.rest.fill(r, json, d3) {
			r.restKeep = keep
		}
	}
	r.keep = min(keep, r.restKeep)
	switch {
	case d3:
		r.fast = false
	case r.keep == keepAll:
		r.fast = r.rest.n <= 144
	default:
		r.fast = r.sg[0] != sgAny && r.sg[1] != sgAny &&
			(r.keep == keepForce && r.rest.n <= 144 || r.fl != 0 && r.tail.n <= 144)
	}
}

// What a rowHand's rest holds, written once for all the rows between two
// samples: nothing (every number is written row by row), the force and the
// row's tail (the force does not change), or all of the row after the
// time (no number changes: a hand at rest).
const (
	keepNone = iota
	keepForce
	keepAll
)

// fill writes r's rest: from the force on, or from x on when r.keep is
// keepAll, as the rows would write them (put4 and put2 write every number
// as the hot loop's forms do: TestRowNumberForms). It is false when the
// text does not fit.
func (c *chunk) fill(r *rowHand, json, d3 bool) bool {
	var b [512]byte
	j := 0
	key := func(k int) {
		if json {
			j += copy(b[j:], restKeys[k])
		} else {
			b[j] = ','
			j++
		}
	}
	if r.keep == keepAll {
		key(0)
		j = put4(b[:], j, r.x0)
		key(1)
		j = put4(b[:], j, r.y0)
	}
	key(2)
	j = put2(b[:], j, r.f0)
	if r.tail.long != nil {
		return false
	}
	if j+r.tail.n > len(c.b) {
		return false
	}
	j += copy(b[j:], r.tail.b[:r.tail.n])
	if d3 && r.keep == keepAll {
		for a := range r.p0 {
			key(3 + a)
			j = put4(b[:], j, r.p0[a])
			if j > len(c.b)-8 {
				return false
			}
		}
		if json {
			j += copy(b[j:], "}\n"+`{"t":`)
		} else {
			b[j] = '\n'
			j++
		}
	}
	if j > len(c.b) {
		return false
	}
	c.n = copy(c.b[:], b[:j])
	return true
}

const (
	sgAny = iota // any number: put4
	sgPos        // 0 to 0.9999: "0.dddd"
	sgNeg        // -0.9999 to -0.0001: "-0.dddd"
)

// signOf is the form of every value interpolated between a and b (in
// units of 1e-4), with room for rounding.
func signOf(a, b float64) uint8 {
	switch {
	case a >= 0 && b >= 0 && a < 9999 && b < 9999:
		return sgPos
	case a <= -1 && b <= -1 && a > -9999 && b > -9999:
		return sgNeg
	}
	return sgAny
}

// forceLen is the length of every force interpolated between a and b
// (hundredths of a newton) as written, or 0.
func forceLen(a, b float64) int {
	switch {
	case a >= 0 && b >= 0 && a < 999 && b < 999:
		return 4
	case a >= 1000 && b >= 1000 && a < 9999 && b < 9999:
		return 5
	}
	return 0
}

// appendRows writes the rows for export ticks lo up to hi. It is the hot
// loop of an export (millions of rows): no division per row (the sample
// and the fraction between samples are carried from tick to tick, each
// hand's sample and its change looked up once between samples), digits
// made with a little arithmetic or taken from tables and stored eight
// bytes at a time from registers, and the rest of the row (the hand, the
// area, the chart, contact and the row's end) copied whole.
func appendRows(buf []byte, steps []exportStep, lo, hi, R int64, tf timeFormat, json, d3 bool) []byte {
	invR := 1 / float64(R)
	// the tick in the paths' 1/Rate s units is k*Rate/R: the step si, the
	// sample i within it and the remainder rem (of R) give it exactly
	si, i, rem := 0, int64(0), int64(0)
	locate := func(k int64) {
		num := k * Rate
		for si+1 < len(steps) && num >= steps[si+1].start*R {
			si++
		}
		local := num - steps[si].start*R
		i, rem = local/R, local%R
	}
	locate(lo)
	var next int64 = math.MaxInt64 // the first tick of the next step
	if si+1 < len(steps) {
		next = (steps[si+1].start*R + Rate - 1) / Rate
	}
	var t chunk
	tf.start(&t, lo)
	if json && lo < hi {
		// every JSON row's end carries the next row's start: the first
		// row's is written here, and the last row's taken off below
		buf = append(buf, `{"t":`...)
	}
	var hs [2]rowHand
	nh, reload := 0, true
	// room for a tick's rows: two of the longest
	room := 1024
	for si := range steps {
		for h := range steps[si].cols {
			room = max(room, 2*(512+steps[si].cols[h].tails[1].n))
		}
	}
	// the rows go into b from j on: b is all of buf's room
	b, j := buf[:cap(buf)], len(buf)
	for k := lo; k < hi; k++ {
		if k >= next {
			locate(k)
			next = math.MaxInt64
			if si+1 < len(steps) {
				next = (steps[si+1].start*R + Rate - 1) / Rate
			}
			reload = true
		}
		if reload {
			st := &steps[si]
			nh = len(st.cols)
			for h := range st.cols {
				hs[h].load(&st.cols[h], int(i), json, d3)
			}
			reload = false
		}
		if tf.ipn > 0 && (nh < 1 || hs[0].fast) && (nh < 2 || hs[1].fast) {
			// every row up to the next sample (or step, or whole second)
			// takes the usual forms: fastRows writes them
			n := min(hi-k, next-k, (R-rem+Rate-1)/Rate, (tf.unit-tf.fp+tf.mul-1)/tf.mul)
			if len(b)-j < int(n)*room {
				b = append(b[:j], make([]byte, 256*1024+int(n)*room)...)
				b = b[:cap(b)]
			}
			j = fastRows(b, j, hs[:nh], int(n), rem, invR, &tf, json)
			// the run's last tick is the one this pass of the loop
			// finishes: its time steps on and rem grows below
			k += n - 1
			rem += (n - 1) * Rate
		} else {
			frac := float64(rem) * invR
			if len(b)-j < room {
				b = append(b[:j], make([]byte, 256*1024+room)...)
				b = b[:cap(b)]
			}
			for h := 0; h < nh; h++ {
				r := &hs[h]
				x := r.x0 + r.dx*frac
				y := r.y0 + r.dy*frac
				f := r.f0 + r.df*frac
				// The row's start (the time, x and y, under 64 bytes) is
				// written at offsets o below 256 into a piece of fixed size:
				// no bounds check for any of its stores.
				p := (*[264]byte)(b[j : j+264])
				var o uint8
				if tf.ipn > 0 {
					// the time from two words: the fast form, whole seconds of at most 8 digits
					le.PutUint64(p[o:], tf.ipw)
					o += uint8(tf.ipn)
					le.PutUint64(p[o:], tf.fw)
					o += uint8(tf.fn)
				} else {
					o = uint8(t.put(b, j) - j)
				}
				// the rest of the row, or of a row after its numbers, written
				// once for all the rows between the samples: copied in place
				// with no call
				c := &r.rest
				if r.keep != keepAll {
					// Each number's form (its sign, its length) was found for all
					// the rows between the two samples: the branches below go the
					// same way row after row, and where the next number starts
					// never waits for this one's digits.
					// x and y (and the body frame's seven below) each keep
					// their own copy of the switch: no function for it that the
					// compiler inlines costs nothing (docs/motion.md, Speed).
					if json {
						le.PutUint64(p[o:], keyX)
						o += 5
					} else {
						p[o] = ','
						o++
					}
					switch r.sg[0] {
					case sgPos:
						*(*[8]byte)(p[o:]) = under1[int(x+0.5)]
						o += 6
					case sgNeg:
						p[o] = '-'
						*(*[8]byte)(p[o+1:]) = under1[int(-x+0.5)]
						o += 7
					default:
						o = uint8(put4(b, j+int(o), x) - j)
					}
					if json {
						le.PutUint64(p[o:], keyY)
						o += 5
					} else {
						p[o] = ','
						o++
					}
					switch r.sg[1] {
					case sgPos:
						*(*[8]byte)(p[o:]) = under1[int(y+0.5)]
						o += 6
					case sgNeg:
						p[o] = '-'
						*(*[8]byte)(p[o+1:]) = under1[int(-y+0.5)]
						o += 7
					default:
						o = uint8(put4(b, j+int(o), y) - j)
					}
					// then the force and the row's tail, or (keepForce) the two
					// written once for all the rows between the samples
					if r.keep != keepForce {
						if json {
							le.PutUint64(p[o:], keyF0)
							le.PutUint64(p[o+8:], keyF1)
							o += 11
						} else {
							p[o] = ','
							o++
						}
						switch r.fl {
						case 4: // d.dd
							le.PutUint64(p[o:], forces[int(f+0.5)])
							o += 4
						case 5: // dd.dd
							le.PutUint64(p[o:], forces[int(f+0.5)])
							o += 5
						default:
							o = uint8(put2(b, j+int(o), f) - j)
						}
						c = r.tail
					}
				}
				j += int(o)
				switch {
				case c.n <= 48:
					put48(b, j, (*[48]byte)(c.b[:48]))
				case c.n <= 96:
					put96(b, j, (*[96]byte)(c.b[:96]))
				case c.n <= 144:
					put96(b, j, (*[96]byte)(c.b[:96]))
					put48(b, j+96, (*[48]byte)(c.b[96:144]))
				default:
					c.putLong(b, j)
				}
				j += c.n
				if d3 && r.keep != keepAll {
					j = putBody(b, j, r, frac, json)
				}
			}
		}
		if tf.ipn > 0 && tf.fp+tf.mul < tf.unit {
			// the next time in the same second: only its fraction changes
			tf.fp += tf.mul
			tf.fw = tf.fws[tf.fp]
		} else {
			tf.step(&t, k+1)
		}
		rem += Rate
		if rem >= R {
			i += rem / R
			rem %= R
			reload = true
		}
	}
	buf = b[:j]
	if json && lo < hi {
		buf = buf[:len(buf)-len(`{"t":`)]
	}
	return buf
}

// fastRows writes n ticks' rows, from the tick whose remainder (of the
// export's rate) is rem, for hands whose numbers all take the usual
// forms up to the next sample (every hs[h].fast) and a time within one
// whole second in the fast form (tf.ipn > 0). It is appendRows' loop for
// those rows, with every branch to a general writer (put4, put2, putLong,
// putBody, the time's chunk) left out: with no call in it, the compiler
// keeps the loop's values in registers instead of saving them on the
// stack at every row for calls that almost never happen. The time is
// stepped on for the first n-1 ticks; the caller steps it past the last.
// b has room for the n ticks' rows from j.
func fastRows(b []byte, j int, hs []rowHand, n int, rem int64, invR float64, tf *timeFormat, json bool) int {
	ipw, ipn, fw, fn := tf.ipw, uint8(tf.ipn), tf.fw, uint8(tf.fn)
	for m := range n {
		frac := float64(rem) * invR
		for h := range hs {
			r := &hs[h]
			// the row in a piece of fixed size, at offsets o below 256:
			// its start, then the rest of up to 144 bytes, with no bounds
			// check
			p := (*[408]byte)(b[j : j+408])
			le.PutUint64(p[0:], ipw)
			o := ipn
			le.PutUint64(p[o:], fw)
			o += fn
			c := &r.rest
			if r.keep != keepAll {
				x := r.x0 + r.dx*frac
				y := r.y0 + r.dy*frac
				if json {
					le.PutUint64(p[o:], keyX)
					o += 5
				} else {
					p[o] = ','
					o++
				}
				if r.sg[0] == sgPos {
					*(*[8]byte)(p[o:]) = under1[int(x+0.5)]
					o += 6
				} else {
					p[o] = '-'
					*(*[8]byte)(p[o+1:]) = under1[int(-x+0.5)]
					o += 7
				}
				if json {
					le.PutUint64(p[o:], keyY)
					o += 5
				} else {
					p[o] = ','
					o++
				}
				if r.sg[1] == sgPos {
					*(*[8]byte)(p[o:]) = under1[int(y+0.5)]
					o += 6
				} else {
					p[o] = '-'
					*(*[8]byte)(p[o+1:]) = under1[int(-y+0.5)]
					o += 7
				}
				if r.keep != keepForce {
					f := r.f0 + r.df*frac
					if json {
						le.PutUint64(p[o:], keyF0)
						le.PutUint64(p[o+8:], keyF1)
						o += 11
					} else {
						p[o] = ','
						o++
					}
					// d.dd or dd.dd
					le.PutUint64(p[o:], forces[int(f+0.5)])
					o += uint8(r.fl)
					c = r.tail
				}
			}
			// The rest is copied in as many 16-byte pieces as it needs,
			// the last first, each case falling through to the one below
			// (a jump table; constant offsets, so no bounds checks): a
			// JSON row's rest is 64 to 112 bytes, a CSV row's 18 to 48.
			d, s := (*[144]byte)(p[o:]), (*[144]byte)(c.b[:144])
			switch (c.n + 15) >> 4 {
			case 9:
				*(*[16]byte)(d[128:]) = *(*[16]byte)(s[128:])
				fallthrough
			case 8:
				*(*[16]byte)(d[112:]) = *(*[16]byte)(s[112:])
				fallthrough
			case 7:
				*(*[16]byte)(d[96:]) = *(*[16]byte)(s[96:])
				fallthrough
			case 6:
				*(*[16]byte)(d[80:]) = *(*[16]byte)(s[80:])
				fallthrough
			case 5:
				*(*[16]byte)(d[64:]) = *(*[16]byte)(s[64:])
				fallthrough
			case 4:
				*(*[16]byte)(d[48:]) = *(*[16]byte)(s[48:])
				fallthrough
			case 3:
				*(*[16]byte)(d[32:]) = *(*[16]byte)(s[32:])
				fallthrough
			case 2:
				*(*[16]byte)(d[16:]) = *(*[16]byte)(s[16:])
				fallthrough
			case 1:
				*(*[16]byte)(d[0:]) = *(*[16]byte)(s[0:])
			}
			j += int(o) + c.n
		}
		if m < n-1 {
			// the next time in the same second: only its fraction changes
			tf.fp += tf.mul
			fw = tf.fws[tf.fp]
		}
		rem += Rate
	}
	tf.fw = fw
	return j
}

// putBody writes the body frame's seven columns at frac between r's two
// samples, and the row's end, at offsets below 256 into a piece of fixed
// size (no bounds check for any store).
func putBody(b []byte, j int, r *rowHand, frac float64, json bool) int {
	p := (*[264]byte)(b[j : j+264])
	var o uint8
	for a := range r.p0 {
		v := r.p0[a] + r.dp[a]*frac
		if json {
			le.PutUint64(p[o:], keys3[a])
			o += 6
		} else {
			p[o] = ','
			o++
		}
		switch r.sg[2+a] {
		case sgPos:
			*(*[8]byte)(p[o:]) = under1[int(v+0.5)]
			o += 6
		case sgNeg:
			p[o] = '-'
			*(*[8]byte)(p[o+1:]) = under1[int(-v+0.5)]
			o += 7
		default:
			o = uint8(put4(b, j+int(o), v) - j)
		}
	}
	if json {
		le.PutUint64(p[o:], endJSON)
		o += 7
	} else {
		p[o] = '\n'
		o++
	}
	return j + int(o)
}

var le = binary.LittleEndian

// The keys of a JSON row, as little-endian words (constants, so stored
// straight from the instruction): `,"x":`, `,"y":` (5 bytes each),
// `,"force_n":` (11 bytes, in two words), the body-frame keys (6 bytes
// each), and the row's end with the next row's `{"t":`. TestRowWords
// checks them against the text.
const (
	keyX    = 0x0000003a2278222c // ,"x":
	keyY    = 0x0000003a2279222c // ,"y":
	keyF0   = 0x5f6563726f66222c // ,"force_
	keyF1   = 0x00000000003a226e // n":
	keyPX   = 0x00003a227870222c // ,"px":
	keyPY   = 0x00003a227970222c // ,"py":
	keyPZ   = 0x00003a227a70222c // ,"pz":
	keyQX   = 0x00003a227871222c // ,"qx":
	keyQY   = 0x00003a227971222c // ,"qy":
	keyQZ   = 0x00003a227a71222c // ,"qz":
	keyQW   = 0x00003a227771222c // ,"qw":
	endJSON = 0x003a2274227b0a7d // }\n{"t": (a row's end and the next row's start)
)

// restKeys are a JSON row's keys after the time, in order.
var restKeys = [...]string{`,"x":`, `,"y":`, `,"force_n":`, `,"px":`, `,"py":`, `,"pz":`, `,"qx":`, `,"qy":`, `,"qz":`, `,"qw":`}

// keys3 are the body-frame keys of a JSON row.
var keys3 = [7]uint64{keyPX, keyPY, keyPZ, keyQX, keyQY, keyQZ, keyQW}

// chunk is a short piece of a row, stored whole in 96-byte pieces (one for a row's tail) and
// counted by its length (a longer one, which no catalog makes, is kept in
// long).
type chunk struct {
	b    [288]byte
	n    int
	long []byte
}

func newChunk(s string) chunk {
	var c chunk
	if len(s) > len(c.b) {
		c.long, c.n = []byte(s), len(s)
		return c
	}
	c.n = copy(c.b[:], s)
	return c
}

func (c *chunk) put(b []byte, j int) int {
	put96(b, j, (*[96]byte)(c.b[:96]))
	if c.n > 96 {
		return c.putLong(b, j)
	}
	return j + c.n
}

// put96 stores 96 bytes at b[j:] in 16-byte pieces: the compiler inlines
// it, with no call (a call in the rows' loop makes it save and restore
// every value it holds in a register) and no loop.
func put96(b []byte, j int, s *[96]byte) {
	d := (*[96]byte)(b[j : j+96])
	*(*[16]byte)(d[0:]) = *(*[16]byte)(s[0:])
	*(*[16]byte)(d[16:]) = *(*[16]byte)(s[16:])
	*(*[16]byte)(d[32:]) = *(*[16]byte)(s[32:])
	*(*[16]byte)(d[48:]) = *(*[16]byte)(s[48:])
	*(*[16]byte)(d[64:]) = *(*[16]byte)(s[64:])
	*(*[16]byte)(d[80:]) = *(*[16]byte)(s[80:])
}

// put48 is put96 for the first 48 bytes (a CSV row's tail).
func put48(b []byte, j int, s *[48]byte) {
	d := (*[48]byte)(b[j : j+48])
	*(*[16]byte)(d[0:]) = *(*[16]byte)(s[0:])
	*(*[16]byte)(d[16:]) = *(*[16]byte)(s[16:])
	*(*[16]byte)(d[32:]) = *(*[16]byte)(s[32:])
}

// putLong puts a chunk of more than 96 bytes: a row's numbers with its
// end (a rowHand's rest), or a longer one in long.
func (c *chunk) putLong(b []byte, j int) int {
	if c.long != nil {
		return j + copy(b[j:], c.long)
	}
	for o := 0; o < c.n; o += 96 {
		put96(b, j+o, (*[96]byte)(c.b[o:o+96]))
	}
	return j + c.n
}

// pairs holds every 2-digit group 00–99 as two ASCII bytes, the first in
// the low byte, ready to be shifted into place.
var pairs = func() (p [100]uint64) {
	for i := range p {
		p[i] = uint64('0'+i/10) | uint64('0'+i%10)<<8
	}
	return
}()

// put4 writes v (in units of 1e-4) with 4 decimals, any v: the hot loop
// writes the usual ones itself.
func put4(b []byte, j int, v float64) int {
	if v >= 0 && v < 9999.5 {
		// under a metre: "0.dddd" from a table, in one store
		*(*[8]byte)(b[j : j+8]) = under1[int(v+0.5)]
		return j + 6
	}
	if v < 0 {
		if v > -9999.5 {
			b[j] = '-'
			if r := int(-v + 0.5); r > 0 {
				*(*[8]byte)(b[j+1 : j+9]) = under1[r]
				return j + 7
			}
			*(*[8]byte)(b[j : j+8]) = under1[0] // -0.00004 rounds to 0
			return j + 6
		}
		b[j] = '-'
		j++
		v = -v
	}
	n := int64(v + 0.5)
	ip, fp := n/10000, n%10000
	j = putInt(b, j, ip)
	binary.LittleEndian.PutUint64(b[j:], '.'|pairs[fp/100]<<8|pairs[fp%100]<<24)
	return j + 5
}

// put2 writes v (in units of 1e-2) with 2 decimals, any v.
func put2(b []byte, j int, v float64) int {
	if v < 0 {
		b[j] = '-'
		j++
		v = -v
	}
	n := int64(v + 0.5)
	ip, fp := n/100, n%100
	j = putInt(b, j, ip)
	binary.LittleEndian.PutUint64(b[j:], '.'|pairs[fp]<<8)
	return j + 3
}

// forces holds the forces from 0 to 99.99 N as written, "d.dd" under
// 10 N and "dd.dd" from 10 N, indexed by hundredths of a newton.
var forces = func() (a [10000]uint64) {
	for n := range a {
		if n < 1000 {
			a[n] = '0' + uint64(n/100) | '.'<<8 | pairs[n%100]<<16
		} else {
			a[n] = pairs[n/100] | '.'<<16 | pairs[n%100]<<24
		}
	}
	return
}()

// under1 holds "0.0000" to "0.9999": the usual places (metres) and
// quaternion parts. Looked up, they are quicker than made.
var under1 = func() (a [10000][8]byte) {
	for n := range a {
		le.PutUint64(a[n][:], '0'|'.'<<8|pairs[n/100]<<16|pairs[n%100]<<32)
	}
	return
}()

func putInt(b []byte, j int, n int64) int {
	switch {
	case n < 10:
		b[j] = byte('0' + n)
		return j + 1
	case n < 100:
		binary.LittleEndian.PutUint16(b[j:], uint16(pairs[n]))
		return j + 2
	}
	var tmp [20]byte
	i := len(tmp)
	for n > 0 {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
	}
	return j + copy(b[j:], tmp[i:])
}

// timeFormat prints t = k/rate exactly: with as many decimals as the rate
// needs when it divides a power of ten (100 Hz: 2, 1000 Hz: 3, 8 Hz: 3),
// else rounded to the microsecond.
type timeFormat struct {
	decimals int
	mul      int64 // k*mul is t in units of 10^-decimals s
	rate     int64

	ip, fp int64 // the tick last written: whole seconds and fraction (units of 10^-decimals s)
	ipLen  int   // how long the whole seconds are as written (0: write them again)

	// the time last written as two words, for rows to store straight
	// from registers: the whole seconds' digits (ipn of them, at most 8)
	// and the point with the fraction's (fn bytes)
	ipw, fw uint64
	ipn, fn int
	unit    int64    // 10^decimals
	fws     []uint64 // fw for every fraction, in the fast form
}

func newTimeFormat(rate int) timeFormat {
	p := int64(1)
	for d := 0; d <= 6; d++ {
		if p%int64(rate) == 0 {
			tf := timeFormat{decimals: d, mul: p / int64(rate), rate: int64(rate), unit: p}
			if tf.fast() {
				tf.fws = make([]uint64, p)
				for fp := range tf.fws {
					tf.fws[fp] = tf.fracWord(int64(fp))
				}
			}
			return tf
		}
		p *= 10
	}
	return timeFormat{decimals: 6, rate: int64(rate)}
}

// start writes t for tick k into c.
func (tf *timeFormat) start(c *chunk, k int64) {
	if !tf.fast() {
		c.n = len(tf.append(c.b[:0], k))
		return
	}
	n := k * tf.mul
	unit := pow10i[tf.decimals]
	tf.ip, tf.fp, tf.ipLen = n/unit, n%unit, 0
	tf.write(c)
}

// step moves c on to tick k, the tick after the last: the fraction grows
// by mul, the whole seconds (and their digits) change once a second.
func (tf *timeFormat) step(c *chunk, k int64) {
	if !tf.fast() {
		c.n = len(tf.append(c.b[:0], k))
		return
	}
	tf.fp += tf.mul
	if unit := pow10i[tf.decimals]; tf.fp >= unit {
		tf.ip += tf.fp / unit
		tf.fp %= unit
		tf.ipLen = 0
	}
	tf.write(c)
}

// fast is true when the time has 1 to 4 decimals, written from the digits
// of the fraction.
func (tf *timeFormat) fast() bool { return tf.mul != 0 && tf.decimals > 0 && tf.decimals <= 4 }

func (tf *timeFormat) write(c *chunk) {
	if tf.ipLen == 0 {
		tf.ipLen = putInt(c.b[:], 0, tf.ip)
		c.b[tf.ipLen] = '.'
		tf.ipn = 0
		if tf.ipLen <= 8 {
			tf.ipw, tf.ipn = le.Uint64(c.b[:8]), tf.ipLen
		}
	}
	// the fraction's digits, zero-padded to 4, of which the last decimals
	// are kept: stored 4 bytes at once past the point
	d := pairs[tf.fp/100] | pairs[tf.fp%100]<<16
	d >>= 8 * uint(4-tf.decimals)
	tf.fw, tf.fn = tf.fracWord(tf.fp), 1+tf.decimals
	if tf.ipn == 0 {
		binary.LittleEndian.PutUint32(c.b[tf.ipLen+1:], uint32(d))
		c.n = tf.ipLen + 1 + tf.decimals
	}
}

// fracWord is the point and the fraction fp's digits (units of
// 10^-decimals s) as a little-endian word.
func (tf *timeFormat) fracWord(fp int64) uint64 {
	d := pairs[fp/100] | pairs[fp%100]<<16
	d >>= 8 * uint(4-tf.decimals)
	return '.' | d<<8
}

func (tf timeFormat) append(buf []byte, k int64) []byte {
	if tf.mul > 0 {
		return appendScaled(buf, k*tf.mul, tf.decimals)
	}
	// round(k * 1e6 / rate), in integers
	return appendScaled(buf, (k*2_000_000+tf.rate)/(2*tf.rate), 6)
}

var pow10i = [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000}

// appendScaled writes n / 10^d with exactly d decimals, straight into the
// buffer's spare room (the rows are millions; this is their hot loop).
func appendScaled(buf []byte, n int64, d int) []byte {
	neg := n < 0
	if neg {
		n = -n
	}
	ip := n / pow10i[d]
	digits := 1
	for x := ip; x >= 10; x /= 10 {
		digits++
	}
	size := digits
	if d > 0 {
		size += d + 1
	}
	if neg {
		size++
	}
	l := len(buf)
	if cap(buf)-l < size {
		buf = append(buf, make([]byte, size)...)[:l]
	}
	buf = buf[:l+size]
	i := l + size
	for j := 0; j < d; j++ {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if d > 0 {
		i--
		buf[i] = '.'
	}
	for j := 0; j < digits; j++ {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		buf[l] = '-'
	}
	return buf
}

// blockTicks is how many ticks a block of rows holds: small enough for
// its buffer to stay in a core's cache while it is filled and written,
// and for the few buffers going round to be a small part of what an
// export allocates (4,000 ticks: 6 MB of an hour's 39 MB in JSON lines;
// 1,024: 2 MB, but the hand-offs between blocks then cost more than that
// saves).
var blockTicks = 2048

// exportStep makes step i's columns ready to print.
func (tr *trajectory) exportStep(i int, format string, d3 bool) exportStep {
	p := &tr.paths[i]
	scale := viewByID[p.View].MM / 1000 * 10000
	st := exportStep{start: int64(tr.starts[i])}
	n := len(p.Hands[0].Samples) - 1
	last := tr.starts[i] + n
	for h := range tr.hands {
		hs := &tr.hands[h]
		c := handCols{
			s:        hs.s[tr.starts[i]:min(last+2, tr.n+1)],
			touch:    hs.touch[tr.starts[i]:min(last+2, tr.n+1)],
			f:        hs.f[tr.starts[i] : last+1],
			n:        n,
			scale:    scale,
			fscale:   100,
			lastPrev: tr.view(last) != viewByID[p.View],
			tails:    rowTails(format, hs.hand, p.Area, p.View, d3),
		}
		if d3 {
			c.p, c.nrm = hs.p[tr.starts[i]:last+1], hs.n[tr.starts[i]:last+1]
		}
		st.cols = append(st.cols, c)
	}
	return st
}

// parallel runs f(0) … f(n-1), a few at a time.
func parallel(n int, f func(int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < max(1, min(runtime.GOMAXPROCS(0), 4, n)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}
