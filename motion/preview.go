package motion

import (
	"fmt"
	"io"
	"strings"
)

// WritePreview draws the trajectory's 3D path over the body, as an SVG of
// two views side by side: from behind (y across, z up) and from the
// receiver's left side (x across, z up). The body is drawn as the skin its
// charts cover; contact is a solid line, travel with the hand lifted a
// dotted one; the left hand blue, the right orange.
func (t *Trajectory) WritePreview(w io.Writer, title string) error {
	tr := t.tr
	tr.withNormals() // the places on the body, kept
	const W, H, pad = 460.0, 760.0, 20.0
	// the body's extent in z: head top to sole
	L, _ := tr.body.Scale()
	ztop, zbot := (headZ+headRZ+0.05)*L, (soleZ-0.03)*L
	scale := (H - 2*pad) / (ztop - zbot)
	type view struct {
		x0    float64
		h     func(p Vec3) float64 // across
		name  string
		depth func(p Vec3) float64
	}
	views := []view{
		{0, func(p Vec3) float64 { return p.Y }, "from behind (the receiver's left on the left)", func(p Vec3) float64 { return -p.X }},
		{W, func(p Vec3) float64 { return -p.X }, "from the receiver's left side (front to the right)", func(p Vec3) float64 { return p.Y }},
	}
	proj := func(v view, p Vec3) (float64, float64) {
		return v.x0 + W/2 - v.h(p)*scale, pad + (ztop-p.Z)*scale
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" font-family="sans-serif">`, 2*W, H+40, 2*W, H+40)
	b.WriteString(`<rect width="100%" height="100%" fill="#fff"/>`)
	fmt.Fprintf(&b, `<text x="10" y="%.0f" font-size="14" fill="#333">%s — frame %s, %.0f s; solid: touching, dotted: lifted; blue left hand, orange right</text>`, H+28, esc(title), BodyFrame, float64(tr.n)/Rate)
	for _, v := range views {
		fmt.Fprintf(&b, `<text x="%.0f" y="16" font-size="13" fill="#555">%s</text>`, v.x0+10, v.name)
		// the skin: every chart's square sampled on a grid
		b.WriteString(`<g fill="#d9cfc4">`)
		for _, c := range views3DCharts {
			for i := 0; i <= 40; i++ {
				for j := 0; j <= 40; j++ {
					p, _ := tr.body.place(c, float64(i)/40, float64(j)/40)
					x, y := proj(v, p)
					fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="1.4"/>`, x, y)
				}
			}
		}
		b.WriteString(`</g>`)
		for h := range tr.hands {
			st := &tr.hands[h]
			colour := LeftColour
			if st.hand == "right" {
				colour = RightColour
			}
			// runs of contact and of travel, thinned to every other sample
			for k := 0; k < tr.n; {
				c := st.touch[k]
				e := k
				for e < tr.n && st.touch[e+1] == c {
					e++
				}
				e = min(e+1, tr.n)
				var pts []string
				for j := k; j <= e; j += 2 {
					x, y := proj(v, st.p[j])
					pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
				}
				x, y := proj(v, st.p[e])
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
				style := `stroke-width="1.6"`
				if !c {
					style = `stroke-width="1.2" stroke-dasharray="2 3" opacity="0.8"`
				}
				fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" %s points="%s"/>`, colour, style, strings.Join(pts, " "))
				k = e
				if e == tr.n {
					break
				}
			}
		}
	}
	b.WriteString(`</svg>` + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// views3DCharts are the charts drawn as the body's skin in a preview.
var views3DCharts = []string{"back", "hips", "torso-front", "neck-shoulders", "head-back", "head-side", "head-top", "arm", "leg", "foot"}
