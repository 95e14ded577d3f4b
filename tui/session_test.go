package tui

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/massage"
)

// fixture is a small catalog of our own: two techniques sharing a
// preparation and a caution.
func fixture() *massage.Catalog {
	return &massage.Catalog{
		Preparations: []*massage.Preparation{
			{ID: "oil", Name: "Oil the skin", Say: "Spread a little oil.", Needs: []string{"oil"}, Seconds: massage.Bounds{Usual: 30}},
			{ID: "lie-down", Name: "Lie down", Say: "Lie face down.", Kind: "position"},
		},
		Cautions: []*massage.Caution{
			{ID: "spine", Say: "Beside the spine only.", When: "during"},
			{ID: "skin", Say: "Not on broken skin.", When: "before"},
			{ID: "ask", Say: "Ask how it feels.", When: "start"},
		},
		Techniques: []*massage.Technique{
			{ID: "sweep", Name: "Sweep", Areas: []string{"back"}, Mode: "partner", Family: "light-stroking",
				Phases: []string{"warm-up"}, Prep: []string{"oil", "lie-down"}, Cautions: []string{"spine"},
				Position: "Face down.", Seconds: massage.Bounds{Least: 30, Usual: 60, Most: 120},
				Steps: []massage.Step{{Title: "Glide", Say: "Glide up.", Motion: "glide", Cautions: []string{"skin"}}}},
			{ID: "press", Name: "Press", Areas: []string{"back"}, Mode: "partner", Family: "compression",
				Phases: []string{"work"}, Prep: []string{"oil"}, Cautions: []string{"spine", "ask"},
				Steps: []massage.Step{
					{Title: "Press", Say: "Press down.", Motion: "squeeze", Seconds: massage.Bounds{Usual: 20}},
					{Title: "Release", Say: "Let go.", Motion: "hold", Seconds: massage.Bounds{Usual: 10}},
				}},
		},
	}
}

func TestFromRoutine(t *testing.T) {
	cat := fixture()
	r := &massage.Routine{
		Name: "Back", Mode: "partner", Pressure: "moderate", Prep: []string{"lie-down"},
		Cautions: []string{"ask"}, Notes: []string{"Left out: nothing."},
		Items: []massage.Item{
			{Technique: "sweep", Area: "back", Seconds: 60},
			{Technique: "press", Area: "back", Seconds: 30},
		},
	}
	s, err := FromRoutine(cat, r)
	if err != nil {
		t.Fatal(err)
	}
	want := Session{
		Title: "Back",
		About: "For a partner, moderate pressure at most",
		Prep: []Prep{
			{Name: "Lie down", Say: "Lie face down."},
			{Name: "Oil the skin", Say: "Spread a little oil.", Needs: []string{"oil"}, Seconds: 30},
		},
		Cautions: []Caution{
			{Say: "Not on broken skin.", First: true},
			{Say: "Ask how it feels."},
			{Say: "Beside the spine only."},
		},
		Notes:  []string{"Left out: nothing."},
		Script: s.Script,
	}
	if d := cmp.Diff(want, s); d != "" {
		t.Errorf("session (-want +got):\n%s", d)
	}
	if len(s.Script.Moves) != 3 || s.Script.Total != 90 {
		t.Errorf("script: %d moves, %v s; want 3 moves, 90 s", len(s.Script.Moves), s.Script.Total)
	}
}

func TestFromRoutineOfOneTechnique(t *testing.T) {
	cat := fixture()
	s, err := FromRoutine(cat, TechniqueRoutine(cat.Technique("sweep")))
	if err != nil {
		t.Fatal(err)
	}
	if s.Position != "Face down." || s.Script.Total != 60 || s.Title != "Sweep" || s.About != "For a partner" {
		t.Errorf("session %+v", s)
	}
	// No usual time: the steps' times.
	s, err = FromRoutine(cat, TechniqueRoutine(cat.Technique("press")))
	if err != nil {
		t.Fatal(err)
	}
	if s.Script.Total != 30 {
		t.Errorf("press plays %v s, want its steps' 30 s", s.Script.Total)
	}
}

func TestFromRoutineErrors(t *testing.T) {
	cat := fixture()
	if _, err := FromRoutine(cat, &massage.Routine{Items: []massage.Item{{Technique: "nothing", Seconds: 10}}}); err == nil {
		t.Error("a routine naming an unknown technique was accepted")
	}
	if _, err := FromRoutine(nil, nil); err == nil {
		t.Error("no routine was accepted")
	}
}
