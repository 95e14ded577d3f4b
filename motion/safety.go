package motion

import (
	"fmt"
	"math"
)

// spineClearance is the least distance (mm) a contact may come to the spine
// line on the back: the catalog's caution says to work beside the spine,
// never on it (001_c37508f760ff466b.txt). The builder keeps every move on
// the back a margin further out; checkSpine refuses a path that still
// comes closer.
const spineClearance = 15.0

// checkSpine refuses a path on the back with a contact sample (or one of
// its fingertip traces) within spineClearance of the spine line.
func checkSpine(p *StepPath, v *View) error {
	sp, ok := spotOn(v, "", "spine-line", "")
	if !ok {
		return nil
	}
	x := sp.At.X
	for _, h := range p.Hands {
		offs := h.Traces
		if len(offs) == 0 {
			offs = []float64{0}
		}
		for i, s := range h.Samples {
			if !s.Contact {
				continue
			}
			// traces lie across the direction of travel
			var n Point
			if len(h.Traces) > 0 {
				j := min(i+1, len(h.Samples)-1)
				k := max(i-1, 0)
				n = Point{h.Samples[j].X - h.Samples[k].X, h.Samples[j].Y - h.Samples[k].Y}.norm().perp()
			}
			for _, o := range offs {
				d := math.Abs(s.X+n.X*o-x) * v.MM
				if d < spineClearance-1e-6 {
					return fmt.Errorf("the %s hand touches the back %.1f cm from the spine line at %.2f s; moves on the back keep at least %.1f cm beside it",
						h.Hand, d/10, s.T, spineClearance/10)
				}
			}
		}
	}
	return nil
}
