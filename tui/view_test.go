package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/knead/knead/plan"
)

// TestScreens keeps goldens of the screens a person sees, at the smallest
// size Knead supports and a roomier one.
func TestScreens(t *testing.T) {
	scenes := []struct {
		name  string
		id    string
		w, h  int
		steps func(m *Model, fc *fakeClock)
	}{
		{"start-80x24", "scalp-petrissage", 80, 24, func(m *Model, fc *fakeClock) { press(m, "1") }},
		{"start-100x30", "back-fan-stroke", 100, 30, func(m *Model, fc *fakeClock) {}},
		{"first-move-80x24", "scalp-petrissage", 80, 24, func(m *Model, fc *fakeClock) { press(m, "space"); wait(m, fc, 12.4) }},
		{"first-move-100x30", "scalp-petrissage", 100, 30, func(m *Model, fc *fakeClock) { press(m, "space"); wait(m, fc, 12.4) }},
		{"swap-80x24", "scalp-petrissage", 80, 24, func(m *Model, fc *fakeClock) { press(m, "space"); wait(m, fc, 31) }},
		{"passes-80x24", "scalp-petrissage", 80, 24, func(m *Model, fc *fakeClock) { press(m, "space", "right"); wait(m, fc, 9) }},
		{"paused-100x30", "back-fan-stroke", 100, 30, func(m *Model, fc *fakeClock) {
			press(m, "space")
			wait(m, fc, 20)
			press(m, "space", "g")
		}},
		{"narrow-60x20", "back-fan-stroke", 60, 20, func(m *Model, fc *fakeClock) { press(m, "space"); wait(m, fc, 3) }},
		{"end-100x30", "knead-ankles", 100, 30, func(m *Model, fc *fakeClock) {
			press(m, "space")
			wait(m, fc, 25)
			press(m, "f")
			wait(m, fc, 10)
			press(m, "g")
			for i := 0; i < 100; i++ {
				wait(m, fc, 10)
			}
		}},
	}
	for _, sc := range scenes {
		t.Run(sc.name, func(t *testing.T) {
			m, fc, _ := player(t, sc.id, sc.w, sc.h)
			sc.steps(m, fc)
			v := m.View()
			checkFits(t, v, sc.w, sc.h)
			golden(t, sc.name, v)
		})
	}
}

// TestEveryScreenFits plays every technique of the built-in catalog, and a
// long plan, at sizes from a small terminal to a large one, and checks at
// every move that the screen is exactly as high as the terminal and no
// line is wider.
func TestEveryScreenFits(t *testing.T) {
	sizes := [][2]int{{80, 24}, {100, 30}, {60, 18}, {200, 60}, {40, 12}, {20, 6}, {1, 1}}
	c := cat(t)
	var sessions []Session
	for _, tech := range c.Techniques {
		s, err := FromRoutine(c, TechniqueRoutine(tech))
		if err != nil {
			t.Fatalf("%s: %v", tech.ID, err)
		}
		sessions = append(sessions, s)
	}
	p, err := plan.Make(c, plan.Request{Areas: []string{"back", "scalp", "feet"}, Minutes: 45, Mode: "partner"})
	if err != nil {
		t.Fatal(err)
	}
	s, err := FromRoutine(c, p.Routine())
	if err != nil {
		t.Fatal(err)
	}
	sessions = append(sessions, s)
	for _, s := range sessions {
		for _, size := range sizes {
			fc := newFakeClock()
			m := New(s, Options{Now: fc.now})
			m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			name := fmt.Sprintf("%s at %d×%d", s.Title, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				checkFits(t, m.View(), size[0], size[1])
				press(m, "space")
				for i := range s.Script.Moves {
					wait(m, fc, s.Script.Moves[i].Seconds/2)
					checkFits(t, m.View(), size[0], size[1])
					wait(m, fc, s.Script.Moves[i].Seconds/2)
				}
				wait(m, fc, 1)
				if !m.Done() {
					t.Fatalf("not done at the end: %+v", m.Position())
				}
				checkFits(t, m.View(), size[0], size[1])
			})
		}
	}
}

func TestBigTitleOnlyWhenItFits(t *testing.T) {
	m, fc, _ := player(t, "scalp-petrissage", 80, 24)
	press(m, "space")
	wait(m, fc, 1)
	if v := m.View(); !strings.Contains(v, "█") || strings.Contains(v, "CRADLE THE CHIN") {
		t.Errorf("at 80×24 the title is not in big letters:\n%s", v)
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 16})
	if v := m.View(); !strings.Contains(v, "CRADLE THE CHIN, CIRCLE THE SKULL BASE") {
		t.Errorf("at 80×16 the title is not in plain bold capitals:\n%s", v)
	}
}

// BenchmarkView measures drawing one playing screen, which the program
// does up to five times a second.
func BenchmarkView(b *testing.B) {
	m, fc, _ := player(b, "back-petrissage", 100, 30)
	press(m, "space")
	wait(m, fc, 20)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

func TestAnEmptySessionDoesNotBreak(t *testing.T) {
	m := New(Session{}, Options{})
	checkFits(t, m.View(), 80, 24)
	press(m, "space", "right", "left", "l")
	checkFits(t, m.View(), 80, 24)
	if !m.Done() {
		t.Errorf("an empty session is not over at once")
	}
	_ = m.Result().Summary(80)
}
