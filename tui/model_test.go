package tui

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fakeClock is the time the player sees; tests move it by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time   { return c.t }
func (c *fakeClock) add(secs float64) { c.t = c.t.Add(time.Duration(secs * float64(time.Second))) }
func newFakeClock() *fakeClock        { return &fakeClock{t: time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)} }

// recorder is a Speaker that remembers what it was asked to say.
type recorder struct {
	said   []string
	hushes int
}

func (r *recorder) Say(s string) { r.said = append(r.said, s) }
func (r *recorder) Hush()        { r.hushes++ }

var builtin *massage.Catalog

func cat(t testing.TB) *massage.Catalog {
	t.Helper()
	if builtin == nil {
		c, err := catalog.Builtin()
		if err != nil {
			t.Fatal(err)
		}
		builtin = c
	}
	return builtin
}

// player makes a player for one technique of the built-in catalog at w×h.
func player(t testing.TB, id string, w, h int) (*Model, *fakeClock, *recorder) {
	t.Helper()
	c := cat(t)
	tech := c.Technique(id)
	if tech == nil {
		t.Fatalf("no technique %q in the built-in catalog", id)
	}
	s, err := FromRoutine(c, TechniqueRoutine(tech))
	if err != nil {
		t.Fatal(err)
	}
	fc := newFakeClock()
	rec := &recorder{}
	m := New(s, Options{Now: fc.now, Speaker: rec})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m, fc, rec
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "space":
			msg = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
		case "right":
			msg = tea.KeyMsg{Type: tea.KeyRight}
		case "left":
			msg = tea.KeyMsg{Type: tea.KeyLeft}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		case "up":
			msg = tea.KeyMsg{Type: tea.KeyUp}
		case "ctrl+c":
			msg = tea.KeyMsg{Type: tea.KeyCtrlC}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		m.Update(msg)
	}
}

// wait moves the fake clock on and lets the player look at it.
func wait(m *Model, fc *fakeClock, secs float64) {
	fc.add(secs)
	m.Update(TickMsg{})
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -update to write it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", path, d)
	}
}
