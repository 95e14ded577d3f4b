package tui

import (
	"math"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/guide"
)

func TestPausedClockDoesNotAdvance(t *testing.T) {
	m, fc, _ := player(t, "scalp-petrissage", 80, 24)
	wait(m, fc, 30) // on the start screen the clock has not begun
	if got := m.Position().Offset; got != 0 {
		t.Fatalf("before space the clock stands at %v, want 0", got)
	}
	press(m, "space")
	wait(m, fc, 10)
	if got := m.Position().Offset; got != 10 {
		t.Fatalf("after 10 s of play the offset is %v, want 10", got)
	}
	press(m, "space") // pause
	for i := 0; i < 5; i++ {
		wait(m, fc, 60)
	}
	p := m.Position()
	if p.Offset != 10 || p.Running {
		t.Fatalf("after 5 min paused: offset %v running %v, want 10 and paused", p.Offset, p.Running)
	}
	if v := m.View(); !strings.Contains(v, "PAUSED") {
		t.Errorf("the paused screen does not say so:\n%s", v)
	}
	press(m, "space") // resume
	wait(m, fc, 5)
	if got := m.Position().Offset; got != 15 {
		t.Fatalf("5 s after resuming the offset is %v, want 15", got)
	}
}

func TestSkipAndBack(t *testing.T) {
	m, fc, rec := player(t, "scalp-petrissage", 80, 24)
	moves := m.s.Script.Moves
	press(m, "space")
	wait(m, fc, 5)
	type want struct {
		move   int
		offset float64
	}
	steps := []struct {
		keys []string
		wait float64
		want want
	}{
		{[]string{"right"}, 0, want{1, moves[1].Start}},
		{[]string{"n"}, 0, want{2, moves[2].Start}},
		// Within BackGrace of a move's start, back goes to the move before.
		{[]string{"left"}, 0, want{1, moves[1].Start}},
		// Later in a move, back restarts it.
		{nil, 5, want{1, moves[1].Start + 5}},
		{[]string{"b"}, 0, want{1, moves[1].Start}},
		{[]string{"b"}, 0, want{0, 0}},
		// Back at the first move's start stays there.
		{[]string{"b"}, 0, want{0, 0}},
	}
	for i, st := range steps {
		hushes := rec.hushes
		press(m, st.keys...)
		if st.wait > 0 {
			wait(m, fc, st.wait)
		}
		p := m.Position()
		if got := (want{p.Move, p.Offset}); got != st.want {
			t.Fatalf("step %d (%v): at move %d offset %v, want move %d offset %v", i, st.keys, got.move, got.offset, st.want.move, st.want.offset)
		}
		if len(st.keys) > 0 && rec.hushes == hushes {
			t.Errorf("step %d (%v): what was being said was not cut short", i, st.keys)
		}
		if v := m.View(); !strings.Contains(v, "move "+itoa(st.want.move+1)+" of 7") {
			t.Errorf("step %d: the screen does not show move %d:\n%s", i, st.want.move+1, v)
		}
	}
	// Skipping past the last move ends the routine.
	for i := 0; i < len(moves); i++ {
		press(m, "right")
	}
	if !m.Done() {
		t.Fatalf("after skipping every move the routine is not done: %+v", m.Position())
	}
	r := m.Result()
	if len(r.Skipped) != len(moves) {
		t.Errorf("skipped %q, want all %d moves", r.Skipped, len(moves))
	}
}

func TestSkippedMovesPlayedLaterAreNotSkipped(t *testing.T) {
	m, fc, _ := player(t, "scalp-petrissage", 80, 24)
	moves := m.s.Script.Moves
	press(m, "space", "right") // skip move 1
	press(m, "left", "left")   // back to move 1
	wait(m, fc, moves[0].Seconds)
	wait(m, fc, moves[1].Seconds+1)
	if got := m.Result().Skipped; len(got) != 0 {
		t.Errorf("moves played through after a skip are still counted skipped: %q", got)
	}
	press(m, "right")
	if got, want := m.Result().Skipped, []string{moves[2].Title}; !cmp.Equal(got, want) {
		t.Errorf("skipped %q, want %q", got, want)
	}
}

func TestFeedbackIsRecordedWithItsMoment(t *testing.T) {
	m, fc, _ := player(t, "scalp-petrissage", 80, 24)
	mv := m.s.Script.Moves
	press(m, "l") // before the start: nothing to note
	press(m, "space")
	wait(m, fc, 42)
	press(m, "l")
	at1 := fc.t
	if v := m.View(); !strings.Contains(v, "Noted: lighter, at 0:42") {
		t.Errorf("no acknowledgement on the screen:\n%s", v)
	}
	press(m, "right")
	wait(m, fc, 3)
	press(m, "s", "g")
	at2 := fc.t
	press(m, "space") // paused, the moment stays put
	wait(m, fc, 30)
	press(m, "f")
	at3 := fc.t
	want := []Feedback{
		{Kind: "lighter", Offset: 42, Move: 0, Title: mv[0].Title, Name: "Scalp petrissage", Technique: "scalp-petrissage", Area: "scalp", At: at1},
		{Kind: "sore", Offset: mv[1].Start + 3, Move: 1, Title: mv[1].Title, Name: "Scalp petrissage", Technique: "scalp-petrissage", Area: "scalp", At: at2},
		{Kind: "good", Offset: mv[1].Start + 3, Move: 1, Title: mv[1].Title, Name: "Scalp petrissage", Technique: "scalp-petrissage", Area: "scalp", At: at2},
		{Kind: "firmer", Offset: mv[1].Start + 3, Move: 1, Title: mv[1].Title, Name: "Scalp petrissage", Technique: "scalp-petrissage", Area: "scalp", At: at3},
	}
	if d := cmp.Diff(want, m.Feedback()); d != "" {
		t.Errorf("feedback (-want +got):\n%s", d)
	}
	// The acknowledgement is brief.
	press(m, "space")
	wait(m, fc, 4)
	if v := m.View(); strings.Contains(v, "Noted:") {
		t.Errorf("the acknowledgement is still there 4 s later:\n%s", v)
	}
}

func TestEndSummary(t *testing.T) {
	m, fc, rec := player(t, "scalp-petrissage", 80, 24)
	press(m, "space")
	wait(m, fc, 100)
	press(m, "s")
	for i := 0; i < 60; i++ {
		wait(m, fc, 5)
	}
	if !m.Done() {
		t.Fatalf("after 5 min the routine is not over: %+v", m.Position())
	}
	v := m.View()
	for _, s := range []string{"played to the end, 5:00 of hands-on time, all 7 moves", "How it felt (1 note)", "sore spot", "Sore spots: scalp."} {
		if !strings.Contains(v, s) {
			t.Errorf("the end screen lacks %q:\n%s", s, v)
		}
	}
	if last := rec.said[len(rec.said)-1]; !strings.Contains(last, "end of the routine") {
		t.Errorf("the last cue said was %q, want the end", last)
	}
	golden(t, "end-80x24", v)
	r := m.Result()
	if !r.Finished || r.Offset != 300 {
		t.Errorf("result %+v, want finished at 300 s", r)
	}
	golden(t, "summary-finished", r.Summary(80))

	// Back from the end goes to the last move, paused.
	press(m, "left")
	if m.Done() || m.Position().Move != 6 || m.Position().Running {
		t.Errorf("back from the end: %+v, want the last move, paused", m.Position())
	}
	press(m, "q")
	if !m.Quitting() {
		t.Error("q did not quit")
	}
}

func TestQuitSaysHowFar(t *testing.T) {
	m, fc, _ := player(t, "scalp-petrissage", 80, 24)
	press(m, "space")
	wait(m, fc, 80)
	press(m, "f", "esc")
	if !m.Quitting() {
		t.Fatal("esc did not quit")
	}
	golden(t, "summary-stopped", m.Result().Summary(60))

	m2, _, _ := player(t, "scalp-petrissage", 80, 24)
	press(m2, "q")
	if got := m2.Result().Summary(80); got != "Scalp petrissage: stopped before the first move.\n" {
		t.Errorf("quitting on the start screen says %q", got)
	}
}

func TestCuesAreSaidOnceWhenDue(t *testing.T) {
	m, fc, rec := player(t, "scalp-petrissage", 80, 24)
	rings := 0
	m.bell = func() { rings++ }
	press(m, "space")
	if len(rec.said) == 0 || !strings.HasPrefix(rec.said[0], "Scalp petrissage.") {
		t.Fatalf("the first move was not announced: %q", rec.said)
	}
	if rings != 1 {
		t.Errorf("the bell rang %d times for the first cues, want 1", rings)
	}
	n := len(rec.said)
	wait(m, fc, 0.2)
	if len(rec.said) != n {
		t.Errorf("cues said twice: %q", rec.said[n:])
	}
	press(m, "space")
	wait(m, fc, 120)
	if len(rec.said) != n {
		t.Errorf("a paused player spoke: %q", rec.said[n:])
	}
	press(m, "space")
	for i := 0; i < 298; i++ { // to 0:59.8, at the program's pace
		wait(m, fc, 0.2)
	}
	got := rec.said[n:]
	want := []string{"Swap hands.", "Next: Glide up to the top.", "Three, two, one."}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("cues of the first minute (-want +got):\n%s", d)
	}
	// A player held up for a long while says only what belongs to now.
	n = len(rec.said)
	wait(m, fc, 100)
	for _, s := range rec.said[n:] {
		if strings.Contains(s, "Glide up to the top.") {
			t.Errorf("a cue long overdue was said: %q", s)
		}
	}
}

func TestSwitchIsCalledOut(t *testing.T) {
	m, fc, _ := player(t, "scalp-petrissage", 80, 24)
	mv := m.s.Script.Moves[0]
	if mv.Side != "swap-hands" {
		t.Fatalf("the first move's side is %q; the test expects swap-hands", mv.Side)
	}
	press(m, "space")
	wait(m, fc, mv.Seconds/2-1)
	if v := m.View(); strings.Contains(v, "SWAP HANDS") || !strings.Contains(v, "First hand, then swap") {
		t.Errorf("before halfway:\n%s", v)
	}
	wait(m, fc, 2)
	if v := m.View(); !strings.Contains(v, "SWAP HANDS") {
		t.Errorf("no call-out at halfway:\n%s", v)
	}
	wait(m, fc, switchFor)
	if v := m.View(); !strings.Contains(v, "Hands swapped") {
		t.Errorf("after the call-out:\n%s", v)
	}
}

func TestChecklistAndScroll(t *testing.T) {
	m, _, _ := player(t, "scalp-petrissage", 80, 12)
	press(m, "2", "9")
	if !cmp.Equal(m.ticked, []bool{false, true}) {
		t.Errorf("ticked %v after 2 and 9, want the second only", m.ticked)
	}
	first := m.View()
	if !strings.Contains(first, "more below") {
		t.Fatalf("a start screen taller than the terminal does not say there is more:\n%s", first)
	}
	for i := 0; i < 50; i++ {
		press(m, "down")
	}
	if m.scroll != m.maxScroll(80, 12) || m.scroll == 0 {
		t.Errorf("scroll %d after many downs, want the end %d", m.scroll, m.maxScroll(80, 12))
	}
	if v := m.View(); !strings.Contains(v, "more above") || !strings.Contains(v, "whole head") {
		t.Errorf("scrolled to the end:\n%s", v)
	}
	press(m, "up")
	if m.scroll != m.maxScroll(80, 12)-1 {
		t.Errorf("up did not scroll back")
	}
}

func TestResizeRedraws(t *testing.T) {
	m, fc, _ := player(t, "scalp-petrissage", 100, 30)
	press(m, "space")
	wait(m, fc, 20)
	for _, size := range [][2]int{{100, 30}, {80, 24}, {60, 20}, {132, 43}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkFits(t, m.View(), size[0], size[1])
	}
}

// checkFits fails when a screen is not exactly h lines of at most w columns.
func checkFits(t *testing.T, v string, w, h int) {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("%d×%d: the screen has %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("%d×%d: line %d is %d columns wide: %q", w, h, i+1, n, l)
		}
	}
}

func TestMoveCautionsStayForTheTechnique(t *testing.T) {
	s := &guide.Script{
		Moves: []guide.Move{
			{Item: 0, Step: 0, Cautions: []string{"Beside the spine."}},
			{Item: 0, Step: 1, Cautions: []string{"Gently over the ribs."}},
			{Item: 1, Step: 0, Cautions: []string{"Ask about pressure."}},
		},
		// The voice says a caution in a few words the second time; the
		// screen keeps the whole of it.
		Cues: []guide.Cue{{Move: 1, Kind: guide.CueCaution, Say: "Spine."}},
	}
	m := New(Session{Script: s}, Options{})
	for i, want := range [][]string{{"Beside the spine."}, {"Beside the spine.", "Gently over the ribs."}, {"Ask about pressure."}} {
		if got := m.moveCautions(i); !cmp.Equal(got, want) {
			t.Errorf("move %d: cautions %q, want %q", i, got, want)
		}
	}
}

func TestKeysArrivingTogetherEachCount(t *testing.T) {
	m, fc, _ := player(t, "scalp-petrissage", 80, 24)
	press(m, "space")
	wait(m, fc, 5)
	press(m, "ffn") // one read of the terminal can hold several keys
	if got := len(m.Feedback()); got != 2 || m.Position().Move != 1 {
		t.Errorf("after \"ffn\": %d feedback presses, move %d; want 2 and move 1", got, m.Position().Move)
	}
	press(m, "qg")
	if !m.Quitting() || len(m.Feedback()) != 2 {
		t.Errorf("after \"qg\": quitting %v with %d presses; want to quit before the g", m.Quitting(), len(m.Feedback()))
	}
}

func TestReadKeySaysTheWholeInstruction(t *testing.T) {
	m, fc, rec := player(t, "scalp-petrissage", 80, 24)
	press(m, "space")
	wait(m, fc, 2)
	n := len(rec.said)
	press(m, "r")
	if got, want := rec.said[n:], []string{m.s.Script.Moves[0].Say}; !cmp.Equal(got, want) {
		t.Errorf("r said %q, want %q", got, want)
	}
}

func TestBellRingsForChimes(t *testing.T) {
	m, fc, _ := player(t, "scalp-petrissage", 80, 24)
	rings := 0
	m.bell = func() { rings++ }
	press(m, "space")
	if rings != 1 {
		t.Fatalf("the bell rang %d times as the first move began, want 1", rings)
	}
	sc := m.s.Script
	want := 1
	for _, c := range sc.Chimes {
		if c.At > 100 {
			break
		}
		want++
		if c.Kind == guide.ChimeSwitch {
			want++
		}
	}
	for i := 0; i < 500; i++ { // to 1:40, at the program's pace
		wait(m, fc, 0.2)
	}
	if rings != want || want < 3 {
		t.Errorf("the bell rang %d times in the first 100 s, want %d (once a new move, twice a switch)", rings, want)
	}
}

func TestNoFeedbackAfterTheStop(t *testing.T) {
	m, fc, _ := player(t, "scalp-petrissage", 80, 24)
	press(m, "space")
	wait(m, fc, 30)
	press(m, "s")
	press(m, "right") // skip the rest of move 1
	wait(m, fc, 10)
	press(m, "q")
	wait(m, fc, 1)
	press(m, "g") // after the stop: not noted
	r := m.Result()
	if len(r.Feedback) != 1 || r.Feedback[0].Kind != "sore" {
		t.Errorf("feedback %+v, want the one sore spot before the stop", r.Feedback)
	}
	if len(r.Skipped) != 1 || r.Done != 0 {
		t.Errorf("skipped %q, done %d: want the first move skipped and none done", r.Skipped, r.Done)
	}
	if math.Abs(r.Played-40) > 0.5 {
		t.Errorf("time spent %v s, want 40", r.Played)
	}
	if !strings.Contains(r.Summary(80), "Moves done: 0 of 7; skipped: 1; time spent: 0:40.") {
		t.Errorf("summary:\n%s", r.Summary(80))
	}
}

// u and d give the move's technique a thumbs up or down, as the web
// player's thumbs do: noted with the moment, said on screen, listed in the
// summary, the keys line names them, and a second thumbs-down says the
// technique will be left out.
func TestThumbsKeys(t *testing.T) {
	m, fc, _ := player(t, "scalp-petrissage", 100, 30)
	mv := m.s.Script.Moves
	press(m, "space")
	wait(m, fc, 10)
	if v := m.View(); !strings.Contains(v, "u/d thumbs") {
		t.Errorf("the keys line does not name the thumbs:\n%s", v)
	}
	press(m, "u")
	at1 := fc.t
	if v := m.View(); !strings.Contains(v, "Noted: thumbs up, at 0:10") {
		t.Errorf("no acknowledgement of the thumbs up:\n%s", v)
	}
	wait(m, fc, 2)
	press(m, "d")
	at2 := fc.t
	if v := m.View(); !strings.Contains(v, "Noted: thumbs down") || strings.Contains(v, "left out") {
		t.Errorf("the first thumbs down:\n%s", v)
	}
	wait(m, fc, 2)
	press(m, "d")
	at3 := fc.t
	if v := m.View(); !strings.Contains(v, "Second thumbs-down: left out of your plans until restored in History") {
		t.Errorf("the second thumbs down does not say what it does:\n%s", v)
	}
	want := []Feedback{
		{Kind: "up", Offset: 10, Move: 0, Title: mv[0].Title, Name: "Scalp petrissage", Technique: "scalp-petrissage", Area: "scalp", At: at1},
		{Kind: "down", Offset: 12, Move: 0, Title: mv[0].Title, Name: "Scalp petrissage", Technique: "scalp-petrissage", Area: "scalp", At: at2},
		{Kind: "down", Offset: 14, Move: 0, Title: mv[0].Title, Name: "Scalp petrissage", Technique: "scalp-petrissage", Area: "scalp", At: at3},
	}
	if d := cmp.Diff(want, m.Feedback()); d != "" {
		t.Errorf("feedback (-want +got):\n%s", d)
	}
	summary := m.Result().Summary(100)
	for _, s := range []string{"thumbs up    ", "thumbs down  "} {
		if !strings.Contains(summary, s) {
			t.Errorf("the summary lacks %q:\n%s", s, summary)
		}
	}
}
