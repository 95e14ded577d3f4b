package motion

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSlewAsMin checks slew against the plain form it replaces (min, sample
// by sample), to the bit (any NaN for a NaN): random forces and touches,
// with runs held, NaN, zeros and infinities among them.
func TestSlewAsMin(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	odd := []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), 1e-300, 400}
	for round := range 300 {
		n := rnd.IntN(400)
		f, c := make([]float64, n), make([]bool, n)
		for k := range f {
			switch rnd.IntN(6) {
			case 0:
				if round%3 == 0 {
					f[k] = odd[rnd.IntN(len(odd))]
				}
			case 1, 2:
				if k > 0 {
					f[k] = f[k-1]
				}
			default:
				f[k] = rnd.Float64() * 30
			}
			c[k] = rnd.IntN(8) != 0
		}
		rate := []float64{50, 10, 0.5, 1e-9}[round%4]
		want := append([]float64(nil), f...)
		d := rate / Rate
		for k := range want {
			if !c[k] || k > 0 && !c[k-1] || k < len(want)-1 && !c[k+1] || k == 0 || k == len(want)-1 {
				want[k] = 0
			}
			if k > 0 {
				want[k] = min(want[k], want[k-1]+d)
			}
		}
		for k := len(want) - 2; k >= 0; k-- {
			want[k] = min(want[k], want[k+1]+d)
		}
		tr := &trajectory{limits: Limits{ForceRate: rate}}
		st := &stream{f: f, touch: c}
		tr.slew(st)
		for k := range f {
			nan := math.IsNaN(f[k]) && math.IsNaN(want[k]) // a NaN is a NaN, whatever its bits
			if !nan && math.Float64bits(f[k]) != math.Float64bits(want[k]) {
				t.Fatalf("round %d, sample %d of %d: %v, want %v", round, k, n, f[k], want[k])
			}
		}
	}
}
