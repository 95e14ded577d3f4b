package motion

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestRowWords checks the JSON keys stored as constant words against
// their text.
func TestRowWords(t *testing.T) {
	for _, c := range []struct {
		w    uint64
		text string
	}{
		{keyX, `,"x":`}, {keyY, `,"y":`}, {keyF0, `,"force_`}, {keyF1, `n":`},
		{keyPX, `,"px":`}, {keyPY, `,"py":`}, {keyPZ, `,"pz":`},
		{keyQX, `,"qx":`}, {keyQY, `,"qy":`}, {keyQZ, `,"qz":`}, {keyQW, `,"qw":`}, {endJSON, "}\n" + `{"t":`},
	} {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], c.w)
		if got := strings.TrimRight(string(b[:]), "\x00"); got != c.text {
			t.Errorf("word %#x is %q, want %q", c.w, got, c.text)
		}
	}
}

// TestRowNumberForms writes rows whose numbers sit on every edge of the
// forms the hot loop takes for granted between two samples (a sign, a
// length: 0.9999 and 1 m, -0.0001 and 0, 9.99 and 10 N, 99.99 and 100 N)
// and checks them, byte for byte, against rows written number by number
// with put4 and put2, the general forms.
func TestRowNumberForms(t *testing.T) {
	edges := []float64{0, 0.4, 0.6, 1, 998.6, 999.4, 999.6, 1000, 9998.4, 9998.9, 9999.2, 9999.6, 10000, 12345.6,
		-0.2, -0.6, -1, -1.2, -9998.9, -9999.2, -9999.6, -20000}
	rnd := rand.New(rand.NewPCG(1, 2))
	val := func() float64 {
		if rnd.IntN(3) == 0 {
			return edges[rnd.IntN(len(edges))]
		}
		return (rnd.Float64()*2 - 0.5) * 12000
	}
	const n = 400
	mk := func(format string, d3 bool, hand string) handCols {
		// straight from a stream of n samples, in the rows' own units
		c := handCols{s: make([]spot, n), touch: make([]bool, n), f: make([]float64, n), n: n - 1, scale: 1, fscale: 1}
		for i := range n {
			c.s[i] = spot{X: val(), Y: val()}
			c.touch[i] = rnd.IntN(2) == 1
			c.f[i] = max(0, val())
		}
		if d3 {
			c.p7 = make([][7]float64, n)
			for i := range n {
				for a := range 7 {
					c.p7[i][a] = val()
				}
			}
		}
		// runs of samples where the hand rests (every number the same)
		// or the force holds, which the rows write once for the run
		for i := 1; i < n; i++ {
			switch rnd.IntN(4) {
			case 0:
				c.s[i], c.touch[i], c.f[i] = c.s[i-1], c.touch[i-1], c.f[i-1]
				if d3 {
					c.p7[i] = c.p7[i-1]
				}
			case 1:
				c.f[i] = c.f[i-1]
			}
		}
		c.tails = rowTails(format, hand, "back", "back", d3)
		return c
	}
	for _, format := range []string{"csv", "jsonl"} {
		for _, d3 := range []bool{false, true} {
			for _, rate := range []int{1000, 100, 30} {
				steps := []exportStep{{start: 0, cols: []handCols{mk(format, d3, "left"), mk(format, d3, "right")}}}
				R := int64(rate)
				last := int64(n-1) * R / Rate
				tf := newTimeFormat(rate)
				got := appendRows(nil, steps, 0, last+1, R, tf, format == "jsonl", d3)
				// the same rows, number by number
				var want []byte
				b := make([]byte, 1024)
				for k := int64(0); k <= last; k++ {
					num := k * Rate
					i, frac := int(num/R), float64(num%R)*(1/float64(R)) // as appendRows makes it
					for h := range steps[0].cols {
						c := &steps[0].cols[h]
						i0, i1 := min(i, n-1), min(i+1, n-1)
						at := func(v func(int) float64) float64 { return v(i0) + (v(i1)-v(i0))*frac }
						xs := func(i int) float64 { return c.s[i].X }
						ys := func(i int) float64 { return c.s[i].Y }
						fs := func(i int) float64 { return c.f[i] }
						// touching at this sample and the next
						contact := 0
						if c.touch[i0] && i0+1 < n && c.touch[i0+1] {
							contact = 1
						}
						j := 0
						if format == "jsonl" {
							j += copy(b[j:], `{"t":`)
						}
						j += copy(b[j:], tf.append(nil, k))
						sep := func(key string) {
							if format == "jsonl" {
								j += copy(b[j:], `,"`+key+`":`)
							} else {
								b[j] = ','
								j++
							}
						}
						sep("x")
						j = put4(b, j, at(xs))
						sep("y")
						j = put4(b, j, at(ys))
						sep("force_n")
						j = put2(b, j, at(fs))
						tail := c.tails[contact]
						// the row's own end (the stored one carries the next row's start)
						j += copy(b[j:], strings.TrimSuffix(string(tail.b[:tail.n]), `{"t":`))
						if d3 {
							for a, key := range []string{"px", "py", "pz", "qx", "qy", "qz", "qw"} {
								sep(key)
								j = put4(b, j, c.p7[i0][a]+(c.p7[i1][a]-c.p7[i0][a])*frac)
							}
							if format == "jsonl" {
								b[j] = '}'
								j++
							}
							b[j] = '\n'
							j++
						}
						want = append(want, b[:j]...)
					}
				}
				if !bytes.Equal(got, want) {
					gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
					for i := range min(len(gl), len(wl)) {
						if gl[i] != wl[i] {
							t.Fatalf("%s %v at %d Hz, row %d:\n got %s\nwant %s", format, d3, rate, i, gl[i], wl[i])
						}
					}
					t.Fatalf("%s %v at %d Hz: %d rows, want %d", format, d3, rate, len(gl), len(wl))
				}
			}
		}
	}
}

// failAfter takes n bytes, then fails every write.
type failAfter struct{ n int }

var errFull = errors.New("disk full")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteFailsCleanly: a writer that fails part way (a full disk, a
// closed pipe) gets its error back from the export, in every format, and
// every goroutine that made rows has ended when Export returns, whichever
// block the failure fell on.
func TestWriteFailsCleanly(t *testing.T) {
	paths, err := TechniquePaths(technique(t, "back-fan-stroke"))
	if err != nil {
		t.Fatal(err)
	}
	before := runtime.NumGoroutine()
	for _, format := range []string{"csv", "jsonl"} {
		for _, n := range []int{0, 10_000, 1_000_000, 5_000_000} {
			ch := make(chan error, 1)
			go func() { ch <- Export(&failAfter{n}, paths, ExportOptions{Format: format, Columns: "2d", Rate: 1000}) }()
			var err error
			select {
			case err = <-ch:
			case <-time.After(time.Minute):
				t.Fatalf("%s failing after %d bytes: the export did not return", format, n)
			}
			if !errors.Is(err, errFull) {
				t.Errorf("%s failing after %d bytes: %v, want the writer's error", format, n, err)
			}
		}
	}
	// a worker that has said it is done may take a moment to be gone
	after := runtime.NumGoroutine()
	for end := time.Now().Add(5 * time.Second); after > before && time.Now().Before(end); after = runtime.NumGoroutine() {
		time.Sleep(10 * time.Millisecond)
	}
	if after > before {
		t.Errorf("%d goroutines before the exports, %d after", before, after)
	}
}
