package guide

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/knead/knead/massage"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixture is a small catalog of our own: a two-step stroke, a one-step
// kneading move done on each side, and a caution said during it.
func fixture() (*massage.Catalog, *massage.Routine) {
	cat := &massage.Catalog{
		Cautions: []*massage.Caution{
			{ID: "spine", Say: "Stay beside the spine.", Kind: "never-press", When: "during"},
			{ID: "oil", Say: "Warm the oil first.", Kind: "practice", When: "before"},
		},
		Techniques: []*massage.Technique{
			{
				ID: "sweep", Name: "Long sweep", Areas: []string{"back"}, Mode: "partner",
				Family: "light-stroking", Phases: []string{"warm-up"},
				Pressure: massage.Pressure{Level: "moderate"},
				Cautions: []string{"spine", "oil"},
				Steps: []massage.Step{
					{Title: "Glide up", Say: "Glide both palms up the back.", Motion: "glide",
						Hands:   []massage.HandUse{{Hand: "both", Part: "palms", Role: "work"}},
						Seconds: massage.Bounds{Usual: 30}, Repeat: massage.Count{Least: 3, Most: 3}},
					{Title: "Fan out", Say: "Fan the hands out over the shoulders.", Motion: "fan",
						Seconds: massage.Bounds{Usual: 10}},
				},
			},
			{
				ID: "knead-calf", Name: "Calf kneading", Areas: []string{"calves"}, Mode: "both",
				Family: "kneading", Phases: []string{"work"},
				Steps: []massage.Step{
					{Title: "Knead", Say: "Roll the calf between fingers and palm.", Motion: "knead",
						Side: "each", Pressure: massage.Pressure{Level: "deep"}},
				},
			},
		},
	}
	r := &massage.Routine{
		Name: "Test routine",
		Items: []massage.Item{
			{Technique: "sweep", Area: "back", Phase: "warm-up", Seconds: 60, Pressure: "light"},
			{Technique: "knead-calf", Area: "calves", Phase: "work", Seconds: 40, Repeat: massage.Count{Least: 4, Most: 4}},
		},
	}
	return cat, r
}

func TestBuildGolden(t *testing.T) {
	cat, r := fixture()
	s, err := Build(cat, r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "script.golden.json")
	if *update {
		if err := os.WriteFile(path, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./guide -update to write it)", err)
	}
	if d := cmp.Diff(string(want), string(got)+"\n"); d != "" {
		t.Errorf("script differs from %s (-want +got):\n%s", path, d)
	}
}

func TestBuildShape(t *testing.T) {
	cat, r := fixture()
	s, err := Build(cat, r)
	if err != nil {
		t.Fatal(err)
	}
	type mv struct {
		Start, Seconds float64
		Side, Pressure string
		Passes         int
	}
	var got []mv
	for _, m := range s.Moves {
		got = append(got, mv{m.Start, m.Seconds, m.Side, m.Pressure, m.Passes})
	}
	want := []mv{
		{0, 45, "", "light", 3},  // 60 s shared 30:10, and the routine caps pressure at light
		{45, 15, "", "light", 0}, // the remainder
		{60, 40, "each", "deep", 4},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("moves (-want +got):\n%s", d)
	}
	if s.Total != 100 {
		t.Errorf("total = %v, want 100", s.Total)
	}
	kinds := map[string]int{}
	for i, c := range s.Cues {
		kinds[c.Kind]++
		if i > 0 && c.At < s.Cues[i-1].At {
			t.Errorf("cue %d at %v comes before cue %d at %v", i, c.At, i-1, s.Cues[i-1].At)
		}
	}
	wantKinds := map[string]int{
		CueStart: 3, CueCaution: 1, // "oil" is said before the session, not during it
		CueHalfway: 1, CueSwitch: 1, CueCount: 1, CueNext: 2, CueDone: 1, // the last move has no next
	}
	if d := cmp.Diff(wantKinds, kinds); d != "" {
		t.Errorf("cue kinds (-want +got):\n%s", d)
	}
}

func TestBuildErrors(t *testing.T) {
	cat, _ := fixture()
	tests := []struct {
		name string
		r    *massage.Routine
		want string
	}{
		{"nil", nil, "guide: no routine"},
		{"unknown technique", &massage.Routine{Items: []massage.Item{{Technique: "nope", Seconds: 10}}},
			`guide: item 1: technique "nope" is not in the catalog`},
		{"no steps", &massage.Routine{Items: []massage.Item{{Name: "empty", Seconds: 10}}},
			"guide: item 1 (empty): no steps to play"},
		{"zero seconds", &massage.Routine{Items: []massage.Item{{Technique: "sweep"}}},
			"guide: item 1 (Long sweep): seconds must be above zero, got 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build(cat, tt.r)
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestShareAddsUp(t *testing.T) {
	steps := make([]massage.Step, 7)
	for i := range steps {
		steps[i].Seconds.Usual = float64(i%3 + 1)
	}
	for _, total := range []float64{1, 7, 13, 60, 61, 300, 12.5} {
		var sum float64
		for _, v := range share(total, steps) {
			if v <= 0 {
				t.Errorf("share(%v) has a step of %v s", total, v)
			}
			sum += v
		}
		if math.Abs(sum-total) > 1e-9 {
			t.Errorf("share(%v) adds up to %v", total, sum)
		}
	}
}

var t0 = time.Date(2025, 1, 1, 20, 0, 0, 0, time.UTC)

func at(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }

func kinds(cs []Cue) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Kind)
	}
	return out
}

func TestClockPlaysCuesInOrder(t *testing.T) {
	cat, r := fixture()
	s, _ := Build(cat, r)
	c := NewClock(s)
	if got := c.Due(at(0)); len(got) != 0 {
		t.Fatalf("a stopped clock handed out %v", kinds(got))
	}
	c.Start(at(0))
	// Tick every half second: every cue is handed out once, in order, at
	// the first tick at or after its moment.
	var got []Cue
	for tk := 0.0; tk <= 120; tk += 0.5 {
		for _, q := range c.Due(at(tk)) {
			if q.At > tk || q.At <= tk-0.5 {
				t.Errorf("cue %s at %v handed out at %v", q.Kind, q.At, tk)
			}
			got = append(got, q)
		}
	}
	if d := cmp.Diff(s.Cues, got); d != "" {
		t.Errorf("cues handed out (-script +got):\n%s", d)
	}
	if p := c.At(at(120)); !p.Done || p.Running || p.Offset != 100 {
		t.Errorf("at the end: %+v", p)
	}
}

func TestClockControls(t *testing.T) {
	cat, r := fixture()
	s, _ := Build(cat, r)
	type step struct {
		name string
		do   func(c *Clock)
		want Position
	}
	tests := []step{
		{"start and run 10 s", func(c *Clock) { c.Start(at(0)) },
			Position{Offset: 10, Move: 0, Elapsed: 10, Left: 35, Pass: 1, Running: true}},
		{"pause holds the place", func(c *Clock) { c.Pause(at(10)) },
			Position{Offset: 10, Move: 0, Elapsed: 10, Left: 35, Pass: 1}},
		{"skip goes to the next move, paused", func(c *Clock) { c.Skip(at(10)) },
			Position{Offset: 45, Move: 1, Elapsed: 0, Left: 15}},
		{"back within 3 s goes to the previous move", func(c *Clock) { c.Back(at(10)) },
			Position{Offset: 0, Move: 0, Elapsed: 0, Left: 45, Pass: 1}},
		{"resume runs again", func(c *Clock) { c.Resume(at(0)) },
			Position{Offset: 10, Move: 0, Elapsed: 10, Left: 35, Pass: 1, Running: true}},
		{"back after 3 s restarts the move", func(c *Clock) { c.Back(at(10)) },
			Position{Offset: 0, Move: 0, Elapsed: 0, Left: 45, Pass: 1, Running: true}},
		{"seek into the sided move", func(c *Clock) { c.Seek(at(10), 75) },
			Position{Offset: 75, Move: 2, Elapsed: 15, Left: 25, Pass: 4, Half: 1, Running: true}},
		{"skip from the last move ends it", func(c *Clock) { c.Skip(at(10)) },
			Position{Offset: 100, Move: 2, Elapsed: 40, Left: 0, Pass: 4, Half: 2, Done: true}},
		{"back from the end goes to the last move", func(c *Clock) { c.Back(at(10)) },
			Position{Offset: 60, Move: 2, Elapsed: 0, Left: 40, Pass: 1, Half: 1}},
	}
	c := NewClock(s)
	for _, tt := range tests {
		tt.do(c)
		if got := c.At(at(10)); !cmp.Equal(tt.want, got) {
			t.Fatalf("%s (-want +got):\n%s", tt.name, cmp.Diff(tt.want, got))
		}
	}
}

func TestSkipMakesStartCueDue(t *testing.T) {
	cat, r := fixture()
	s, _ := Build(cat, r)
	c := NewClock(s)
	c.Start(at(0))
	c.Due(at(5))
	c.Skip(at(5))
	if got := kinds(c.Due(at(5))); !cmp.Equal(got, []string{CueStart}) {
		t.Errorf("after skip: %v, want the next move's start cue", got)
	}
	c.Back(at(6)) // 1 s into move 1: back to move 0
	if got := kinds(c.Due(at(6))); !cmp.Equal(got, []string{CueStart}) {
		t.Errorf("after back: %v, want move 0's start", got)
	}
}

func TestRestoreResumes(t *testing.T) {
	cat, r := fixture()
	s, _ := Build(cat, r)
	c := NewClock(s)
	c.Start(at(0))
	saved := c.State(at(50))
	if saved != (State{Offset: 50, Running: true}) {
		t.Fatalf("state = %+v", saved)
	}
	d := Restore(s, saved, at(1000))
	if p := d.At(at(1005)); p.Offset != 55 || p.Move != 1 || !p.Running {
		t.Errorf("restored position: %+v", p)
	}
	if got := kinds(d.Recap(at(1005))); !cmp.Equal(got, []string{CueStart}) {
		t.Errorf("recap = %v", got)
	}
	if got := kinds(d.Due(at(1005))); !cmp.Equal(got, []string{CueNext}) {
		t.Errorf("due after restore = %v, want only what fell since the save", got)
	}
	// Saved states from outside are clamped.
	for _, o := range []float64{-4, 1e9} {
		e := Restore(s, State{Offset: o}, at(0))
		if p := e.At(at(0)); p.Offset < 0 || p.Offset > s.Total {
			t.Errorf("Restore(%v) gave offset %v", o, p.Offset)
		}
	}
}

func TestEmptyScript(t *testing.T) {
	s, err := Build(nil, &massage.Routine{})
	if err != nil {
		t.Fatal(err)
	}
	c := NewClock(s)
	c.Start(at(0))
	c.Skip(at(1))
	c.Back(at(1))
	if p := c.At(at(2)); !p.Done || p.Running {
		t.Errorf("empty script position: %+v", p)
	}
}

func BenchmarkBuild(b *testing.B) {
	cat, r := fixture()
	for b.Loop() {
		if _, err := Build(cat, r); err != nil {
			b.Fatal(err)
		}
	}
}

func TestItemNoteIsSaid(t *testing.T) {
	cat, r := fixture()
	r.Items[1].Note = "Go gently: the calves are sensitive."
	s, err := Build(cat, r)
	if err != nil {
		t.Fatal(err)
	}
	var notes, cautions []string
	for _, c := range s.Cues {
		switch {
		case c.Move == 2 && c.Kind == CueNote:
			notes = append(notes, c.Say)
		case c.Move == 2 && c.Kind == CueCaution:
			cautions = append(cautions, c.Say)
		}
	}
	if d := cmp.Diff([]string{"Go gently: the calves are sensitive."}, notes); d != "" {
		t.Errorf("notes of the noted move (-want +got):\n%s", d)
	}
	if len(cautions) != 0 {
		t.Errorf("the plan's note was also said as a caution: %q", cautions)
	}
}

// In a self-massage nobody is there to ask: cautions that ask the receiver
// are not said; for a partner they are.
func TestSelfMassageAsksNobody(t *testing.T) {
	cat, r := fixture()
	cat.Cautions = append(cat.Cautions, &massage.Caution{ID: "ask", Say: "Ask how the pressure feels.", Kind: "ask", When: "during"})
	cat.Techniques[1].Cautions = []string{"ask"}
	said := func(mode string) bool {
		r.Mode = mode
		s, err := Build(cat, r)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range s.Cues {
			if c.Say == "Ask how the pressure feels." {
				return true
			}
		}
		return false
	}
	if said("self") {
		t.Error("a self-massage asks the receiver about pressure")
	}
	if !said("partner") {
		t.Error("a partner massage does not ask about pressure")
	}
}

// A transition plays as a short move of its own before its item, said once
// and off the items' time; an item that picks its steps plays those alone,
// numbered as the technique numbers them, and its first move says its name.
func TestTransitionsAndPickedSteps(t *testing.T) {
	cat, r := fixture()
	r.Items[0].Play = []int{1}
	r.Transitions = []massage.Transition{{Before: 1, Kind: "position", Say: "Move to their feet.", Seconds: 10}}
	s, err := Build(cat, r)
	if err != nil {
		t.Fatal(err)
	}
	type mv struct {
		Kind, Title    string
		Item, Step     int
		Start, Seconds float64
	}
	var got []mv
	for _, m := range s.Moves {
		got = append(got, mv{m.Kind, m.Title, m.Item, m.Step, m.Start, m.Seconds})
	}
	want := []mv{
		{"", "Fan out", 0, 1, 0, 60},
		{KindTransition, "Change position", 1, 0, 60, 10},
		{"", "Knead", 1, 0, 70, 40},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("moves (-want +got):\n%s", d)
	}
	if s.Total != 110 {
		t.Errorf("total = %v, want 110: the items' 100 s and the transition's 10 s", s.Total)
	}
	var said []string
	for _, c := range s.Cues {
		if c.Kind == CueStart {
			said = append(said, c.Say)
		}
	}
	// after a transition the next move is introduced in full
	if len(said) != 3 || !strings.HasPrefix(said[0], "Long sweep") || said[1] != "Move to their feet." || !strings.HasPrefix(said[2], "Calf kneading.") {
		t.Errorf("start cues = %q", said)
	}
	r.Items[0].Play = []int{5}
	if _, err := Build(cat, r); err == nil {
		t.Error("a step the technique lacks was played")
	}
}
