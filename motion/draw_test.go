package motion

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden drawings in testdata/golden")

// The drawings a person looked at and understood; any change to them shows
// up here, to be looked at again (render with ../shared/tools/shoot) and
// then accepted with -update.
var goldens = []struct {
	id   string
	step int
}{
	{"scalp-petrissage", 0},
	{"scalp-petrissage", 3},
	{"back-fan-stroke", 0},
	{"back-circling-hands", 0},
	{"back-raking", 0},
	{"knead-stomach", 0},
	{"toe-rotation", 0},
	{"foot-fist-press", 0},
	{"scalp-chopping", 0},
}

func TestGoldenDrawings(t *testing.T) {
	for _, g := range goldens {
		name := g.id
		if g.step > 0 {
			name = fmt.Sprintf("%s-step%d", g.id, g.step)
		}
		var b bytes.Buffer
		if err := DrawSVG(&b, technique(t, g.id), g.step); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "golden", name+".svg")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./motion -run TestGoldenDrawings -update)", err)
		}
		if !bytes.Equal(want, b.Bytes()) {
			t.Errorf("%s differs from %s: look at the new drawing, then accept it with -update", name, path)
		}
	}
}

// Every technique draws: a well-formed SVG of modest size, with a start tag
// for each working hand, arrowheads, and the keep-off band on the back.
func TestDrawEveryTechnique(t *testing.T) {
	for _, x := range builtin(t).Techniques {
		var b bytes.Buffer
		if err := DrawSVG(&b, x, 0); err != nil {
			t.Errorf("%s: %v", x.ID, err)
			continue
		}
		s := b.String()
		if err := wellFormed(s); err != nil {
			t.Errorf("%s: %v", x.ID, err)
		}
		if b.Len() > 40_000*len(x.Steps)+20_000 {
			t.Errorf("%s: %d bytes for %d steps; keep drawings small", x.ID, b.Len(), len(x.Steps))
		}
		if !strings.Contains(s, `class="kn-head"`) && !strings.Contains(s, `class="kn-dot"`) {
			t.Errorf("%s: no arrowheads or dots", x.ID)
		}
		for i := range x.Steps {
			p, err := CompileStep(x, i+1, Options{draw: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range p.Hands {
				if h.Role != "hold" && len(h.Passes) > 0 && !drawnHand(p, h.Hand) {
					t.Errorf("%s#%d: the %s hand works but is not drawn", x.ID, i+1, h.Hand)
				}
			}
			if p.View == "back" && !strings.Contains(s, "kn-keep") {
				t.Errorf("%s: the back without the keep-off band", x.ID)
			}
		}
	}
}

// drawnHand reports whether the drawing shows a hand's work (or says that
// the hand mirrors the other on the far side, or takes its turn after a swap).
func drawnHand(p StepPath, id string) bool {
	for _, m := range p.marks {
		if m.hand == id && m.kind != mkHold {
			return true
		}
	}
	for _, n := range p.Notes {
		if strings.Contains(n, "far side") || strings.Contains(n, "swap hands") || strings.Contains(n, "take turns") {
			return true
		}
	}
	return false
}

func TestDrawErrors(t *testing.T) {
	x := technique(t, "back-raking")
	for _, n := range []int{-1, 3} {
		if err := DrawSVG(&bytes.Buffer{}, x, n); err == nil || !strings.Contains(err.Error(), "no step") {
			t.Errorf("step %d: %v", n, err)
		}
	}
	if err := DrawSVG(&bytes.Buffer{}, nil, 0); err == nil {
		t.Error("nil technique: no error")
	}
}
