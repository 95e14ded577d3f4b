package motion

import "testing"

// A device path keeps its force light over an endangerment site, and
// leaves it as asked elsewhere.
func TestForceLightOverSites(t *testing.T) {
	v, ok := ViewByID("leg")
	if !ok {
		t.Fatal("no leg view")
	}
	knee, ok := spotOn(&v, "", "back-of-knee", "")
	if !ok {
		t.Fatal("no spot for the back of the knee")
	}
	calf, _ := spotOn(&v, "", "calf", "")
	deep := levelPressure("deep")
	p := &StepPath{Technique: "t", Step: 1, View: "leg", Area: "calves", Hands: []HandPath{{Hand: "right", Samples: []Sample{
		{T: 0, X: knee.At.X, Y: knee.At.Y, Pressure: deep, Contact: true},
		{T: 1, X: calf.At.X, Y: calf.At.Y, Pressure: deep, Contact: true},
	}}}}
	fs, err := stepForces(p, &ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := RegionOf("calves")
	light := newForceCurve(r, nil).at(levelPressure("light"))
	if fs[0][0] > light+1e-9 {
		t.Errorf("%.2f N on the back of the knee, want at most the light %.2f N", fs[0][0], light)
	}
	if fs[0][1] <= light {
		t.Errorf("%.2f N on the calf: deep work away from the site should stay deep", fs[0][1])
	}
}
