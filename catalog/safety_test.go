package catalog_test

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
)

var update = flag.Bool("update", false, "rewrite docs/safety.md from the catalog")

// docs/safety.md is generated from the screen files and the body model; it
// must match what they say now.
func TestSafetyDocUpToDate(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	got := catalog.SafetyDoc(cat)
	const path = "../docs/safety.md"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./catalog -update)", err)
	}
	if string(want) != got {
		t.Errorf("docs/safety.md is out of date with catalog/data/screen.yaml: run go test ./catalog -update")
	}
	for _, must := range []string{"not medical advice", "possible-clot", "see a doctor", "back-of-knee", "https://www.abmp.com/"} {
		if !strings.Contains(got, must) {
			t.Errorf("docs/safety.md lacks %q", must)
		}
	}
}

// A step that kneads, presses deep or with a point on an endangerment site is
// refused with its position; a light palm glide over it is fine.
func TestEndangermentSiteRefused(t *testing.T) {
	cases := []struct {
		step string
		want string // "" = accepted
	}{
		{"motion: glide\n        hands: [both palms]\n        pressure: light\n        at: [back-of-knee]", ""},
		{"motion: knead\n        hands: [both palms]\n        pressure: light\n        at: [back-of-knee]", "not knead and roll"},
		{"motion: glide\n        hands: [both palms]\n        pressure: deep\n        at: [groin]", "only light pressure"},
		{"motion: glide\n        hands: [right thumbs]\n        pressure: light\n        at: [front-of-neck]", "not the thumbs"},
		{"motion: tap\n        hands: [both fingertips]\n        pressure: light\n        at: [kidney-area]", "endangerment site"},
		{"motion: circle\n        hands: [both fingertips]\n        pressure: light\n        at: [calf]", ""},
	}
	for _, c := range cases {
		dir := t.TempDir()
		f := dir + "/site.yaml"
		body := "technique:\n  id: site-test\n  name: Site test\n  areas: [legs]\n  mode: both\n  family: light-stroking\n  phases: [warm-up]\n  steps:\n      - say: Move.\n        " + c.step + "\n"
		if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		errs := catalog.Check(nil, []string{f})
		switch {
		case c.want == "" && errs != nil:
			t.Errorf("%q: want accepted, got %v", c.step, errs)
		case c.want != "" && (errs == nil || !strings.Contains(errs.Error(), c.want) || !strings.Contains(errs.Error(), "site.yaml:13:")):
			t.Errorf("%q: want %q at line 13, got %v", c.step, c.want, errs)
		}
	}
}
