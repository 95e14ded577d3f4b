package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/knead/knead/massage"
)

func TestFourDifferent(t *testing.T) {
	tech := func(id string, phases ...string) *massage.Technique {
		return &massage.Technique{ID: id, Phases: phases}
	}
	tests := []struct {
		name string
		ts   []*massage.Technique
		want bool
	}{
		{"warm-up, two works and a finish", []*massage.Technique{tech("a", "warm-up"), tech("b", "work"), tech("c", "work"), tech("d", "finish")}, true},
		{"one technique for warm-up and finish is not two", []*massage.Technique{tech("a", "warm-up", "finish"), tech("b", "work"), tech("c", "work")}, false},
		{"a stroke that warms up or finishes, another that finishes", []*massage.Technique{tech("a", "warm-up", "finish"), tech("b", "work"), tech("c", "work"), tech("d", "warm-up", "finish")}, true},
		{"one work only", []*massage.Technique{tech("a", "warm-up"), tech("b", "work"), tech("c", "finish"), tech("d", "finish")}, false},
		{"nothing", nil, false},
	}
	for _, tt := range tests {
		if got := fourDifferent(tt.ts); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestListStats(t *testing.T) {
	r := run(t, nil, "list", "--stats", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	var st CatalogStats
	if err := json.Unmarshal([]byte(r.out), &st); err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, n := range st.Families {
		sum += n
	}
	if st.Techniques == 0 || sum != st.Techniques || st.Own == 0 {
		t.Errorf("techniques %d, families add up to %d, own %d", st.Techniques, sum, st.Own)
	}
	byPlace := map[string]Coverage{}
	for _, c := range st.Coverage {
		byPlace[c.Area+"/"+c.Mode] = c
	}
	// the scalp for a partner has the source's seven moves and Knead's strokes
	if c := byPlace["scalp/partner"]; !c.Complete || c.Techniques < 4 {
		t.Errorf("scalp for a partner: %+v", c)
	}
	// Issue 17's aim: a hundred techniques or more, and every place on the
	// map, for oneself and for a partner, with a warm-up, two work moves
	// and a finish, each a different technique naming the place itself.
	// (Each also checks, draws and compiles within the limits: the motion
	// package's TestCompileCatalog, TestDrawEveryTechnique and
	// TestExportLimits go over every built-in technique.)
	if st.Techniques < 100 {
		t.Errorf("the catalog has %d techniques, want 100 or more", st.Techniques)
	}
	for _, c := range st.Coverage {
		if !c.Complete {
			t.Errorf("%s for %s has no warm-up, two work moves and a finish of its own: %+v", c.Area, c.Mode, c)
		}
	}
	for _, place := range []string{"glutes/self", "glutes/partner", "hips/self", "hips/partner"} {
		if _, ok := byPlace[place]; !ok {
			t.Errorf("%s is not counted", place)
		}
	}
	if _, ok := byPlace["feet/partner"]; !ok {
		t.Error("the feet are a place of their own")
	}
	if _, ok := byPlace["legs/self"]; ok {
		t.Error("the legs are offered as their parts, not as one place")
	}
	text := run(t, nil, "list", "--stats").out
	for _, s := range []string{"techniques,", "By family:", "AREA", "SELF", "PARTNER", "scalp"} {
		if !strings.Contains(text, s) {
			t.Errorf("knead list --stats lacks %q", s)
		}
	}
}
