package motion

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/massage"
)

// Every landmark of the model has a place on some chart, inside the unit
// square and inside its panel; a pair has exactly a left and a right spot.
func TestEveryLandmarkHasASpot(t *testing.T) {
	for _, l := range massage.Landmarks {
		vs := ViewsOf(l.ID)
		if len(vs) == 0 {
			t.Errorf("landmark %s is on no chart", l.ID)
		}
		for _, v := range vs {
			view, _ := ViewByID(v)
			sides := map[string]map[string]int{}
			for _, s := range Spots(v, l.ID) {
				if s.At.X < 0 || s.At.X > 1 || s.At.Y < 0 || s.At.Y > 1 {
					t.Errorf("%s on %s at %v: outside the unit square", l.ID, v, s.At)
				}
				if len(view.Panels) > 0 {
					in := false
					for _, p := range view.Panels {
						in = in || p.ID == s.Panel && s.At.X >= p.X0 && s.At.X <= p.X1
					}
					if !in {
						t.Errorf("%s on %s: spot %v is not inside its panel %q", l.ID, v, s.At, s.Panel)
					}
				}
				if sides[s.Panel] == nil {
					sides[s.Panel] = map[string]int{}
				}
				sides[s.Panel][s.Side]++
			}
			for panel, n := range sides {
				want := map[string]int{"": 1}
				if n["left"]+n["right"] > 0 {
					want = map[string]int{"left": 1, "right": 1}
					if n["left"] > 0 && n["right"] > 0 {
						// the left spot lies left of the right one
						var lx, rx float64
						for _, s := range Spots(v, l.ID) {
							if s.Panel == panel && s.Side == "left" {
								lx = s.At.X
							}
							if s.Panel == panel && s.Side == "right" {
								rx = s.At.X
							}
						}
						if lx >= rx {
							t.Errorf("%s on %s: the left spot (x %.3f) is not left of the right one (x %.3f)", l.ID, v, lx, rx)
						}
					}
				}
				if d := cmp.Diff(want, n); d != "" {
					t.Errorf("%s on %s panel %q: spots by side (-want +got):\n%s", l.ID, v, panel, d)
				}
			}
		}
	}
	// and no chart names a landmark the model does not have
	for _, v := range Views() {
		for _, r := range spotRows[v.ID] {
			if _, ok := massage.LandmarkByID(r.id); !ok {
				t.Errorf("chart %s names unknown landmark %q", v.ID, r.id)
			}
		}
	}
}

// A chart draws as a well-formed SVG that names each landmark it shows.
func TestChartSVG(t *testing.T) {
	for _, v := range Views() {
		s, err := ChartSVG(v.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := wellFormed(s); err != nil {
			t.Errorf("chart %s: %v", v.ID, err)
		}
		for _, r := range spotRows[v.ID] {
			if !strings.Contains(s, ">"+r.id+"<") && r.side != "right" {
				t.Errorf("chart %s does not name %s", v.ID, r.id)
			}
		}
	}
	if _, err := ChartSVG("elbow-view"); err == nil || !strings.Contains(err.Error(), "expected one of back,") {
		t.Errorf("unknown chart: got %v, want an error listing the charts", err)
	}
}

func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return nil
			}
			return err
		}
	}
}

// Mirroring a path flips every x about the middle and keeps every y.
func TestMirrorPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"M100,20 L300,40", "M900,20 L700,40"},
		{"M0,0 C10,20 30,40 50,60", "M1000,0 C990,20 970,40 950,60"},
		{"M500,5 L499.5,6", "M500,5 L500.5,6"},
	}
	for _, tc := range tests {
		if got := formatPath(mirrorSegs(parsePath(tc.in))); got != tc.want {
			t.Errorf("mirror %q = %q, want %q", tc.in, got, tc.want)
		}
	}
	// a body outline becomes one closed shape that ends where it began
	full := mirrored(shape{"body", "M500,0 L300,100 C250,300 250,600 500,900"})
	segs := parsePath(full[0].d)
	last := segs[len(segs)-1].pts[len(segs[len(segs)-1].pts)-1]
	if d := cmp.Diff(Point{500, 0}, last); d != "" {
		t.Errorf("outline does not close (-want +got):\n%s", d)
	}
}

// A step's chart is the one showing most of its landmarks; a tie goes to
// the chart its area prefers.
func TestViewFor(t *testing.T) {
	tests := []struct {
		marks []string
		view  string
	}{
		{[]string{"base-of-skull", "chin"}, "head-side"},
		{[]string{"sides-of-head", "top-of-head"}, "head-back"},
		{[]string{"front-hairline", "top-of-head"}, "head-top"},
		{[]string{"middle-back", "shoulder-blades", "ribs"}, "back"},
		{[]string{"ankle-bones", "ankle"}, "foot"},
		{[]string{"heel", "arch", "ball-of-foot"}, "foot"},
		{[]string{"stomach", "navel"}, "torso-front"},
		{[]string{"lower-thigh", "upper-thigh"}, "leg"},
		{[]string{"back-of-hand", "wrist"}, "hand"},
		{[]string{"ear", "earlobe"}, "head-back"},
		{[]string{"jaw-line", "jaw-joint"}, "head-side"},
	}
	for _, tc := range tests {
		v, err := viewFor(tc.marks, "")
		if err != nil {
			t.Fatal(err)
		}
		if v.ID != tc.view {
			t.Errorf("view for %v = %s, want %s", tc.marks, v.ID, tc.view)
		}
	}
}
