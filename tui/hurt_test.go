package tui

import (
	"slices"
	"strings"
	"testing"
)

// h is "It hurts": the move stops at once and the clock waits at the next
// one, the calm words are said and shown, the press is noted as hurt with
// the move's technique and area, and every later move on that area is a
// step lighter, on screen and in its caution.
func TestHurtKey(t *testing.T) {
	m, fc, rec := player(t, "scalp-petrissage", 100, 40)
	mv := m.s.Script.Moves
	if len(mv) < 3 {
		t.Fatalf("%d moves, want at least 3", len(mv))
	}
	before := make([]string, len(mv))
	for i, x := range mv {
		before[i] = x.Pressure
	}
	if !slices.ContainsFunc(before[2:], func(p string) bool { return p == "moderate" || p == "deep" }) {
		t.Fatalf("no later move above light: %q", before)
	}
	press(m, "space")
	wait(m, fc, mv[1].Start+1)
	if got := m.Position().Move; got != 1 {
		t.Fatalf("at move %d, want 1", got)
	}
	if !strings.Contains(m.View(), "h IT HURTS") {
		t.Errorf("the keys line does not offer h IT HURTS:\n%s", m.View())
	}
	press(m, "h")
	p := m.Position()
	if p.Move != 2 || m.clock.State(fc.now()).Running {
		t.Errorf("after h: move %d, running %v; want move 2, waiting", p.Move, m.clock.State(fc.now()).Running)
	}
	if len(rec.said) == 0 || !strings.HasPrefix(rec.said[len(rec.said)-1], "Stopped. Ease off") {
		t.Errorf("said %q, want the calm words last", rec.said)
	}
	view := m.View()
	if !strings.Contains(strings.Join(strings.Fields(view), " "), "Stopped. Ease off") {
		t.Errorf("the screen does not show the calm words:\n%s", view)
	}
	fb := m.Feedback()
	if len(fb) != 1 || fb[0].Kind != "hurt" || fb[0].Technique != mv[1].Technique || fb[0].Area != mv[1].Area {
		t.Errorf("feedback %+v, want one hurt on move 1", fb)
	}
	lighter := map[string]string{"deep": "moderate", "moderate": "light", "light": "light", "": ""}
	for j := 2; j < len(mv); j++ {
		if got := m.s.Script.Moves[j].Pressure; got != lighter[before[j]] {
			t.Errorf("move %d at %q after h, want %q (was %q)", j, got, lighter[before[j]], before[j])
		}
		if !slices.ContainsFunc(m.s.Script.Moves[j].Cautions, func(c string) bool { return strings.Contains(c, "it hurt on the") }) {
			t.Errorf("move %d has no caution saying it hurt", j)
		}
	}
	if before[0] != m.s.Script.Moves[0].Pressure {
		t.Error("an earlier move changed")
	}
}
