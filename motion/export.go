package motion

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
)

// ExportOptions say how to write a device trajectory.
type ExportOptions struct {
	Format string // "csv" (default) or "jsonl"
	Rate   int    // rows per second for each hand, 1–1000 (default 100)
	// MaxForce caps every force (newtons); 0 leaves Knead's forces as they
	// are. A region the standard gives no limit for (the feet) needs it.
	MaxForce float64
	// Forces replace Knead's force (newtons) for a pressure word, in every
	// region: {"deep": 12}.
	Forces map[string]float64
}

// MaxRate is the highest export rate: devices stream at 1 kHz.
const MaxRate = 1000

func (o *ExportOptions) check() error {
	if o.Format == "" {
		o.Format = "csv"
	}
	if o.Format != "csv" && o.Format != "jsonl" {
		return fmt.Errorf("unknown format %q: expected csv or jsonl", o.Format)
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
	return nil
}

// Export writes the steps one after the other as rows of a trajectory: for
// every tick t = k/rate seconds (k counting from 0, so no time drifts), one
// row per hand with its place on the chart in metres (x right, y down, from
// the chart's top-left corner), the force in newtons (0 when lifted), the
// hand and the area. Every force is checked against its region's limit
// before anything is written: a refused export writes nothing.
func Export(w io.Writer, paths []StepPath, o ExportOptions) error {
	if err := o.check(); err != nil {
		return err
	}
	steps := make([]exportStep, len(paths))
	var ticks int64 // the steps' start times, in 1/Rate ticks of the paths
	for i := range paths {
		p := &paths[i]
		fs, err := stepForces(p, o.Forces, o.MaxForce)
		if err != nil {
			return err
		}
		scale := viewByID[p.View].MM / 1000 * 10000
		st := exportStep{start: ticks}
		for h, hp := range p.Hands {
			c := handCols{x: make([]float64, len(hp.Samples)), y: make([]float64, len(hp.Samples)), f: fs[h],
				suffix: rowSuffix(o.Format, hp.Hand, p.Area)}
			for k, s := range hp.Samples {
				c.x[k], c.y[k] = s.X*scale, s.Y*scale
				c.f[k] *= 100
			}
			st.cols = append(st.cols, c)
		}
		steps[i] = st
		ticks += int64(len(p.Hands[0].Samples) - 1)
	}
	R := int64(o.Rate)
	// ticks of the paths (1/Rate s) to ticks of the export (1/o.Rate s):
	// the last row falls on the end of the last step
	last := ticks * R / Rate
	if o.Format == "csv" {
		if _, err := io.WriteString(w, "t,x,y,force_n,hand,region\n"); err != nil {
			return err
		}
	}
	tf := newTimeFormat(o.Rate)
	// rows are made in blocks, a few at a time in parallel, and written in order
	const block = 20000
	nblocks := (last + block) / block
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	type result struct {
		buf []byte
		err error
	}
	results := make([]chan result, nblocks)
	for i := range results {
		results[i] = make(chan result, 1)
	}
	// a few buffers go round: filled by a worker, written, handed back
	free := make(chan []byte, workers+1)
	for i := 0; i < workers+1; i++ {
		free <- make([]byte, 0, block*2*rowGuess(o.Format)+64*1024)
	}
	var wg sync.WaitGroup
	go func() {
		for b := int64(0); b < nblocks; b++ {
			buf := <-free
			wg.Add(1)
			go func(b int64, buf []byte) {
				defer wg.Done()
				lo, hi := b*block, min((b+1)*block, last+1)
				results[b] <- result{buf: appendRows(buf[:0], steps, lo, hi, R, tf, o.Format == "jsonl")}
			}(b, buf)
		}
	}()
	var werr error
	for b := int64(0); b < nblocks; b++ {
		r := <-results[b]
		if werr == nil {
			_, werr = w.Write(r.buf)
		}
		free <- r.buf
	}
	wg.Wait()
	return werr
}

type exportStep struct {
	start int64 // first sample tick (1/Rate s) of the step in the whole export
	cols  []handCols
}

// handCols are one hand's samples ready to print: x and y in tenths of a
// millimetre, the force in hundredths of a newton, and the row's tail.
type handCols struct {
	x, y, f []float64
	suffix  chunk // ",left,scalp\n" or the JSON tail
}

func rowGuess(format string) int {
	if format == "jsonl" {
		return 90
	}
	return 44
}

func rowSuffix(format, hand, area string) chunk {
	if format == "jsonl" {
		return newChunk(`,"hand":"` + hand + `","region":"` + area + "\"}\n")
	}
	return newChunk("," + hand + "," + area + "\n")
}

// appendRows writes the rows for export ticks lo up to hi. It is the hot
// loop of an export (millions of rows): fixed-size array stores instead of
// small copies, table lookups instead of formatting.
func appendRows(buf []byte, steps []exportStep, lo, hi, R int64, tf timeFormat, json bool) []byte {
	si := 0
	var kT, kX, kY, kF chunk
	if json {
		kT, kX, kY, kF = newChunk(`{"t":`), newChunk(`,"x":`), newChunk(`,"y":`), newChunk(`,"force_n":`)
	} else {
		kX, kY, kF = newChunk(","), newChunk(","), newChunk(",")
	}
	invR := 1 / float64(R)
	var t chunk
	for k := lo; k < hi; k++ {
		// the tick in the paths' 1/Rate s units: k*Rate/R, kept exact as a
		// whole part and a remainder of R
		num := k * Rate
		for si+1 < len(steps) && num >= steps[si+1].start*R {
			si++
		}
		for si > 0 && num < steps[si].start*R {
			si--
		}
		st := &steps[si]
		local := num - st.start*R
		i := int(local / R)
		frac := float64(local%R) * invR
		tf.put(&t, k)
		for h := range st.cols {
			c := &st.cols[h]
			i0, i1 := min(i, len(c.x)-1), min(i+1, len(c.x)-1)
			x := c.x[i0] + (c.x[i1]-c.x[i0])*frac
			y := c.y[i0] + (c.y[i1]-c.y[i0])*frac
			f := c.f[i0] + (c.f[i1]-c.f[i0])*frac
			if cap(buf)-len(buf) < 256 {
				buf = append(buf, make([]byte, 256*1024)...)[:len(buf)]
			}
			n := len(buf)
			b := buf[n:cap(buf)]
			j := kT.put(b, 0)
			j = t.put(b, j)
			j = kX.put(b, j)
			j = put4(b, j, x)
			j = kY.put(b, j)
			j = put4(b, j, y)
			j = kF.put(b, j)
			j = put2(b, j, f)
			j = c.suffix.put(b, j)
			buf = buf[:n+j]
		}
	}
	return buf
}

// chunk is a short piece of a row, stored whole and counted by its length.
type chunk struct {
	b [48]byte
	n int
}

func newChunk(s string) chunk {
	var c chunk
	c.n = copy(c.b[:], s)
	return c
}

func (c *chunk) put(b []byte, j int) int {
	if c.n <= 16 {
		*(*[16]byte)(b[j : j+16]) = *(*[16]byte)(c.b[:16])
	} else {
		*(*[48]byte)(b[j : j+48]) = c.b
	}
	return j + c.n
}

// put4 writes v (in units of 1e-4) with 4 decimals.
func put4(b []byte, j int, v float64) int {
	if v >= 0 && v < 9999.5 {
		// under a metre: "0.dddd" in one store
		*(*[8]byte)(b[j : j+8]) = under1[int(v+0.5)]
		return j + 6
	}
	if v < 0 {
		b[j] = '-'
		j++
		v = -v
	}
	n := int64(v + 0.5)
	ip, fp := n/10000, n%10000
	j = putInt(b, j, ip)
	b[j] = '.'
	*(*[4]byte)(b[j+1 : j+5]) = digits4[fp]
	return j + 5
}

// put2 writes v (in units of 1e-2) with 2 decimals.
func put2(b []byte, j int, v float64) int {
	if v >= 0 && v < 9999.5 {
		// under 100 N: from a table, in one store
		n := int(v + 0.5)
		*(*[8]byte)(b[j : j+8]) = under100[n]
		return j + int(under100Len[n])
	}
	if v < 0 {
		b[j] = '-'
		j++
		v = -v
	}
	n := int64(v + 0.5)
	ip, fp := n/100, n%100
	j = putInt(b, j, ip)
	b[j] = '.'
	*(*[2]byte)(b[j+1 : j+3]) = digits2[fp]
	return j + 3
}

func putInt(b []byte, j int, n int64) int {
	switch {
	case n < 10:
		b[j] = byte('0' + n)
		return j + 1
	case n < 100:
		*(*[2]byte)(b[j : j+2]) = digits2[n]
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

// under1 holds "0.0000" to "0.9999"; under100 holds "0.00" to "99.99"
// with their lengths: the usual places (metres) and forces (newtons).
var under1, under100, under100Len = func() (a [10000][8]byte, b [10000][8]byte, l [10000]uint8) {
	for i := range a {
		copy(a[i][:], fmt.Sprintf("0.%04d", i))
		s := fmt.Sprintf("%d.%02d", i/100, i%100)
		copy(b[i][:], s)
		l[i] = uint8(len(s))
	}
	return
}()

// digits4 and digits2 hold every 4- and 2-digit group, zero-padded.
var digits4, digits2 = func() ([10000][4]byte, [100][2]byte) {
	var d4 [10000][4]byte
	for i := range d4 {
		d4[i] = [4]byte{byte('0' + i/1000), byte('0' + i/100%10), byte('0' + i/10%10), byte('0' + i%10)}
	}
	var d2 [100][2]byte
	for i := range d2 {
		d2[i] = [2]byte{byte('0' + i/10), byte('0' + i%10)}
	}
	return d4, d2
}()

// timeFormat prints t = k/rate exactly: with as many decimals as the rate
// needs when it divides a power of ten (100 Hz: 2, 1000 Hz: 3, 8 Hz: 3),
// else rounded to the microsecond.
type timeFormat struct {
	decimals int
	mul      int64 // k*mul is t in units of 10^-decimals s
	rate     int64

	lastIP int64 // whole seconds last written by put, and their length
	ipLen  int
}

func newTimeFormat(rate int) timeFormat {
	p := int64(1)
	for d := 0; d <= 6; d++ {
		if p%int64(rate) == 0 {
			return timeFormat{decimals: d, mul: p / int64(rate), rate: int64(rate)}
		}
		p *= 10
	}
	return timeFormat{decimals: 6, rate: int64(rate)}
}

// put writes t for tick k into c, reusing the whole seconds written for
// the tick before when they have not changed (they change once a second).
func (tf *timeFormat) put(c *chunk, k int64) {
	if tf.mul == 0 || tf.decimals == 0 || tf.decimals > 4 {
		c.n = len(tf.append(c.b[:0], k))
		return
	}
	n := k * tf.mul
	unit := pow10i[tf.decimals]
	ip, fp := n/unit, n%unit
	if ip != tf.lastIP || tf.ipLen == 0 {
		tf.lastIP = ip
		tf.ipLen = putInt(c.b[:], 0, ip)
		c.b[tf.ipLen] = '.'
	}
	d := digits4[fp]
	copy(c.b[tf.ipLen+1:], d[4-tf.decimals:])
	c.n = tf.ipLen + 1 + tf.decimals
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
