package catalog

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/massage"
)

func baseCatalog(t testing.TB) *massage.Catalog {
	t.Helper()
	l := newLoader()
	l.addFile("base.yaml", []byte(base))
	cat, errs := l.finish()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return cat
}

// A routine written by EncodeRoutine reads back as the same routine.
func TestEncodeRoutineRoundTrip(t *testing.T) {
	cat := baseCatalog(t)
	r := &massage.Routine{
		ID: "evening", Name: "Evening: back, then a move of my own", Summary: "Two parts; the second: with a colon.",
		Mode: "partner", Pressure: "moderate", Prep: []string{"apply-oil"}, Cautions: []string{"spine"},
		Claims:  []massage.Claim{{Say: "said to relax", Source: "text.txt"}},
		Sources: []string{"text.txt"}, Notes: []string{"# not a comment", "yes"},
		Items: []massage.Item{
			{Technique: "glide-back", Area: "upper-back", Phase: "warm-up", Seconds: 90, Pressure: "light", Side: "both", Repeat: massage.Count{Least: 4, Most: 5}, Play: []int{0}},
			{Name: "Shoulder squeeze", Area: "shoulders", Phase: "work", Seconds: 60, Pressure: "moderate", Steps: []massage.Step{{
				Title: "Squeeze", Say: "Squeeze: slowly, then let go.", Motion: "squeeze", At: []string{"tops-of-shoulders"},
				Hands:     []massage.HandUse{{Hand: "left", Part: "palms", Role: "hold", At: []string{"chin"}}, {Hand: "right", Part: "fingertips", Role: "work", Turn: "clockwise"}},
				Direction: []string{"up", "away-from-spine"}, Turn: "counterclockwise",
				Pressure: massage.Pressure{Level: "light", Most: "deep", Profile: "receiver-choice"},
				Repeat:   massage.Count{Least: 4, Most: 4}, Increment: massage.Distance{Value: 1, Unit: "in"},
				Radius: massage.Distance{Value: 2.5, Unit: "cm"}, Tempo: 60,
				Seconds: massage.Bounds{Least: 5, Usual: 10, Most: 15}, Side: "swap-hands", Cautions: []string{"spine"}, Note: "Keep contact.",
			}}},
		},
		Transitions: []massage.Transition{{Before: 1, Kind: "position", Say: "Ask them to sit up. Move to their head.", Seconds: 20}},
	}
	data, err := EncodeRoutine(r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseRoutine(cat, "evening.yaml", data)
	if err != nil {
		t.Fatalf("reading back:\n%v\n---\n%s", err, data)
	}
	if d := cmp.Diff(r, got); d != "" {
		t.Fatalf("round trip changed the routine (-wrote +read):\n%s\n---\n%s", d, data)
	}
	if !strings.HasPrefix(string(data), "# A Knead routine") {
		t.Errorf("file does not open with its comment:\n%s", data)
	}
}

func TestParseRoutineNeedsOne(t *testing.T) {
	cat := baseCatalog(t)
	_, err := ParseRoutine(cat, "x.yaml", []byte("sources:\n  - id: a.txt\n    title: A\n"))
	if err == nil || !strings.Contains(err.Error(), "no routine in this file") {
		t.Fatalf("got %v", err)
	}
}

// FuzzLoad: any bytes give errors or a catalog, never a panic, and every
// error names a position inside the file.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(tech("", okStep)))
	f.Add([]byte("routine:\n  id: r\n  name: R\n  items:\n    - technique: glide-back\n      seconds: 60\n"))
	f.Add([]byte("techniques:\n  - id: [x\n"))
	f.Add([]byte("a: &a [1]\nb: *a\n"))
	f.Add([]byte("techniques: {id: 1}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l := newLoader()
		l.addFile("base.yaml", []byte(base))
		l.addFile("f.yaml", data)
		_, errs := l.finish()
		// YAML breaks lines at \n, \r\n and a lone \r.
		lines := strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") + strings.Count(string(data), "\r") + 1
		for _, e := range errs {
			if e.File == "f.yaml" && e.Line > lines+1 {
				t.Fatalf("error past the end of a %d-line file: %v", lines, e)
			}
			if e.Msg == "" {
				t.Fatalf("error without a message: %#v", e)
			}
		}
	})
}
