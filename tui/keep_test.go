package tui

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// fakeRecorder remembers what the player asked it to keep.
type fakeRecorder struct {
	begun    int
	progress []saved
	feedback []Feedback
	rating   int
	note     string
	finished int
}

func (r *fakeRecorder) Begin(time.Time) { r.begun++ }
func (r *fakeRecorder) Progress(o float64, move int, running bool) {
	r.progress = append(r.progress, saved{o, move, running})
}
func (r *fakeRecorder) Feedback(f Feedback) { r.feedback = append(r.feedback, f) }
func (r *fakeRecorder) Finish(rating int, note string, _ time.Time) {
	r.rating, r.note = rating, note
	r.finished++
}

// keptPlayer is player with a recorder.
func keptPlayer(t *testing.T, s Session, rec Recorder, w, h int) (*Model, *fakeClock) {
	t.Helper()
	fc := newFakeClock()
	m := New(s, Options{Now: fc.now, Recorder: rec})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m, fc
}

func techniqueSession(t testing.TB, id string) (*massage.Routine, Session) {
	t.Helper()
	c := cat(t)
	r := TechniqueRoutine(c.Technique(id))
	s, err := FromRoutine(c, r)
	if err != nil {
		t.Fatal(err)
	}
	return r, s
}

func TestProgressIsSavedAfterEveryMove(t *testing.T) {
	_, s := techniqueSession(t, "scalp-petrissage")
	rec := &fakeRecorder{}
	m, fc := keptPlayer(t, s, rec, 80, 24)
	press(m, "q")
	if rec.begun != 0 || len(rec.progress) != 0 {
		t.Fatalf("a player closed on its start screen kept something: %+v", rec)
	}

	rec = &fakeRecorder{}
	m, fc = keptPlayer(t, s, rec, 80, 24)
	press(m, "space")
	if rec.begun != 1 || len(rec.progress) != 1 || rec.progress[0] != (saved{0, 0, true}) {
		t.Fatalf("on begin: %+v", rec)
	}
	// Ticks every second at the program's pace, to the end.
	for i := 0; i < 300; i++ {
		wait(m, fc, 1)
	}
	if !m.Done() {
		t.Fatalf("not done after 5 min: %+v", m.Position())
	}
	// Each move is saved as it starts (within the tick), the place every
	// saveEvery while running, and the end.
	moves := s.Script.Moves
	var starts []int
	last := -1
	for i, p := range rec.progress {
		if p.Move != last {
			starts = append(starts, p.Move)
			if d := p.Offset - moves[p.Move].Start; d < 0 || d > 1 {
				t.Errorf("move %d saved at %v, %v s after it began", p.Move, p.Offset, d)
			}
			last = p.Move
		} else if i > 0 && p.Offset < s.Script.Total && p.Offset-rec.progress[i-1].Offset < saveEvery.Seconds()-1e-9 {
			t.Errorf("saved again after %v s in the same move", p.Offset-rec.progress[i-1].Offset)
		}
	}
	if d := cmp.Diff([]int{0, 1, 2, 3, 4, 5, 6}, starts); d != "" {
		t.Errorf("moves saved (-want +got):\n%s", d)
	}
	if end := rec.progress[len(rec.progress)-1]; end != (saved{300, 6, false}) {
		t.Errorf("the end was saved as %+v", end)
	}
	if n := len(rec.progress); n > 300/int(saveEvery.Seconds())+len(moves)+2 {
		t.Errorf("%d saves for a 5-minute session: too many", n)
	}
}

func TestPauseSkipBackAndQuitAreSaved(t *testing.T) {
	_, s := techniqueSession(t, "scalp-petrissage")
	mv := s.Script.Moves
	rec := &fakeRecorder{}
	m, fc := keptPlayer(t, s, rec, 80, 24)
	press(m, "space")
	wait(m, fc, 2)
	steps := []struct {
		key  string
		want saved
	}{
		{"space", saved{2, 0, false}},          // pause
		{"space", saved{2, 0, true}},           // resume
		{"right", saved{mv[1].Start, 1, true}}, // skip
		{"left", saved{0, 0, true}},            // back, in the grace: the move before
		{"s", saved{0, 0, true}},               // feedback saves no place …
		{"q", saved{0, 0, false}},              // … and the stop does, paused
	}
	for _, st := range steps {
		n := len(rec.progress)
		press(m, st.key)
		if st.key == "s" {
			if len(rec.progress) != n || len(rec.feedback) != 1 {
				t.Errorf("s: %d saves, %d presses", len(rec.progress)-n, len(rec.feedback))
			}
			continue
		}
		if len(rec.progress) != n+1 || rec.progress[n] != st.want {
			t.Errorf("%s: saved %+v, want %+v", st.key, rec.progress[n:], st.want)
		}
	}
}

func TestRatingAtTheEnd(t *testing.T) {
	_, s := techniqueSession(t, "knead-ankles")
	tests := []struct {
		name   string
		keys   []string
		rating int
		note   string
		saved  bool
	}{
		{"rating and note", []string{"4", "less", "space", "on the", "space", "lefx", "backspace", "t", "enter"}, 4, "less on the left", true},
		{"rating, esc skips the note", []string{"2", "too fast", "esc"}, 2, "", true},
		{"rating, ctrl-c keeps it", []string{"5", "ctrl+c"}, 5, "", true},
		{"pasted lines become one", []string{"3", "paste:a\nb\tc", "enter"}, 3, "a b c", true},
		{"enter skips the rating", []string{"enter"}, 0, "", false},
		{"esc skips the rating", []string{"esc"}, 0, "", false},
		{"q skips the rating", []string{"q"}, 0, "", false},
		{"6 is not a rating", []string{"6", "q"}, 0, "", false},
		{"space does not skip the question", []string{"space", "3", "enter"}, 3, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &fakeRecorder{}
			m, fc := keptPlayer(t, s, rec, 80, 24)
			press(m, "space")
			for !m.Done() {
				wait(m, fc, 5)
			}
			for _, k := range tt.keys {
				switch {
				case k == "backspace":
					m.Update(tea.KeyMsg{Type: tea.KeyBackspace})
				case strings.HasPrefix(k, "paste:"):
					m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.TrimPrefix(k, "paste:")), Paste: true})
				default:
					press(m, k)
				}
			}
			if !m.Quitting() {
				t.Fatalf("still running after %q:\n%s", tt.keys, m.View())
			}
			if got := (rec.finished == 1); got != tt.saved || rec.rating != tt.rating || rec.note != tt.note {
				t.Errorf("finished %d times with %d and %q, want %d and %q", rec.finished, rec.rating, rec.note, tt.rating, tt.note)
			}
			r := m.Result()
			if r.Rating != tt.rating || r.Note != tt.note {
				t.Errorf("result: %d %q", r.Rating, r.Note)
			}
			if tt.saved && !strings.Contains(r.Summary(80), "Rated "+itoa(tt.rating)+" of 5.") {
				t.Errorf("summary:\n%s", r.Summary(80))
			}
		})
	}
}

func TestNoRatingAskedWithoutARecorder(t *testing.T) {
	m, fc, _ := player(t, "knead-ankles", 80, 24)
	press(m, "space")
	for !m.Done() {
		wait(m, fc, 5)
	}
	press(m, "4")
	if m.Quitting() || strings.Contains(m.View(), "How was it") {
		t.Errorf("a rating was asked with nothing to keep it:\n%s", m.View())
	}
}

func TestKeptScreens(t *testing.T) {
	_, s := techniqueSession(t, "knead-ankles")
	toEnd := func(m *Model, fc *fakeClock) {
		press(m, "space")
		wait(m, fc, 25)
		press(m, "f")
		for !m.Done() {
			wait(m, fc, 10)
		}
	}
	_, resumed := techniqueSession(t, "back-fan-stroke")
	resumed.Resume = &Resume{ID: "abc", Offset: 61.5, Feedback: []Feedback{{Kind: "sore", Offset: 12, Move: 0, Title: resumed.Script.Moves[0].Title, Area: "back"}}}
	scenes := []struct {
		name  string
		s     Session
		w, h  int
		steps func(m *Model, fc *fakeClock)
	}{
		{"rate-80x24", s, 80, 24, toEnd},
		{"note-80x24", s, 80, 24, func(m *Model, fc *fakeClock) { toEnd(m, fc); press(m, "4", "gentler on the left ankle") }},
		{"note-40x12", s, 40, 12, func(m *Model, fc *fakeClock) {
			toEnd(m, fc)
			press(m, "4", "gentler on the left ankle, and slower at the start please")
		}},
		{"resume-80x24", resumed, 80, 24, func(m *Model, fc *fakeClock) {}},
		{"resumed-100x30", resumed, 100, 30, func(m *Model, fc *fakeClock) { press(m, "space"); wait(m, fc, 2) }},
	}
	for _, sc := range scenes {
		t.Run(sc.name, func(t *testing.T) {
			m, fc := keptPlayer(t, sc.s, &fakeRecorder{}, sc.w, sc.h)
			sc.steps(m, fc)
			v := m.View()
			checkFits(t, v, sc.w, sc.h)
			golden(t, sc.name, v)
		})
	}
}

func TestResumeGoesOnWhereItStopped(t *testing.T) {
	_, s := techniqueSession(t, "scalp-petrissage")
	mv := s.Script.Moves
	// Stopped 5 s into the third move, with a press kept.
	at := mv[2].Start + 5
	s.Resume = &Resume{ID: "x", Offset: at, Feedback: []Feedback{{Kind: "sore", Offset: 20, Move: 0, Title: mv[0].Title, Area: "scalp"}}}
	rec := &fakeRecorder{}
	fc := newFakeClock()
	said := &recorder{}
	m := New(s, Options{Now: fc.now, Recorder: rec, Speaker: said})
	if p := m.Position(); p.Offset != at || p.Move != 2 || p.Running {
		t.Fatalf("a resumed player starts at %+v, want %v, paused", p, at)
	}
	wait(m, fc, 60)
	if m.Position().Offset != at || rec.begun != 0 || len(rec.progress) != 0 {
		t.Fatalf("the start screen moved the clock or kept something: %+v %+v", m.Position(), rec)
	}
	press(m, "space")
	if rec.begun != 1 || len(rec.progress) != 1 || rec.progress[0] != (saved{at, 2, true}) {
		t.Errorf("on going on: %+v", rec)
	}
	// It says again what the move is, once.
	// (in its full short form, the technique's name too)
	if start := s.Script.Intro(2); len(said.said) == 0 || start == "" || said.said[0] != start {
		t.Errorf("said on going on: %q", said.said)
	}
	for i, x := range said.said {
		for _, y := range said.said[i+1:] {
			if x == y {
				t.Errorf("said twice: %q", x)
			}
		}
	}
	wait(m, fc, 10)
	press(m, "g")
	if got := m.Position().Offset; got != at+10 {
		t.Errorf("10 s later: %v", got)
	}
	r := m.Result()
	if len(r.Feedback) != 2 || r.Feedback[0].Kind != "sore" || r.Feedback[1].Offset != at+10 {
		t.Errorf("feedback: %+v", r.Feedback)
	}
	if len(rec.feedback) != 1 || rec.feedback[0].Kind != "good" {
		t.Errorf("only the new press is kept again: %+v", rec.feedback)
	}
}

// openStore opens a fresh SQLite store in a temp folder.
func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "knead.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func closeKeeper(t *testing.T, k *Keeper) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := k.Close(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestPlayedSessionIsStored plays a technique against a real SQLite store:
// the session, its place, its feedback with the moments and the sore spot
// are kept; it resumes where it stopped, and the rating and note at the
// end are kept too.
func TestPlayedSessionIsStored(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	c := cat(t)
	r, s := techniqueSession(t, "scalp-petrissage")
	fc := newFakeClock()
	x, err := NewRecord(c, r, s, Source{Technique: "scalp-petrissage"}, fc.t)
	if err != nil {
		t.Fatal(err)
	}
	k := NewKeeper(st, x, nil, nil)
	m := New(s, Options{Now: fc.now, Recorder: k})
	press(m, "space")
	began := fc.t
	for i := 0; i < 95; i++ {
		wait(m, fc, 1)
	}
	press(m, "s")
	soreAt := fc.t
	wait(m, fc, 7.5)
	press(m, "f")
	firmAt := fc.t
	wait(m, fc, 2)
	press(m, "q")
	closeKeeper(t, k)

	got, err := st.Session(ctx, x.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Scalp petrissage · 5 min" || !got.CreatedAt.Equal(began) || got.Total != 300 {
		t.Errorf("session %q made %v, %v s", got.Title, got.CreatedAt, got.Total)
	}
	if want := (store.Progress{Offset: 104.5, Move: s.Script.MoveAt(104.5), Running: false}); got.Progress.Offset != want.Offset || got.Progress.Move != want.Move || got.Progress.Running {
		t.Errorf("progress %+v, want %+v", got.Progress, want)
	}
	for i := range got.Feedback {
		if !strings.HasPrefix(got.Feedback[i].Key, "tui-") {
			t.Errorf("key %q", got.Feedback[i].Key)
		}
		got.Feedback[i].Key = ""
	}
	want := []store.Feedback{
		{Kind: "sore", Offset: 95, Move: s.Script.MoveAt(95), Technique: "scalp-petrissage", Area: "scalp", At: soreAt},
		{Kind: "firmer", Offset: 102.5, Move: s.Script.MoveAt(102.5), Technique: "scalp-petrissage", Area: "scalp", At: firmAt},
	}
	if d := cmp.Diff(want, got.Feedback); d != "" {
		t.Errorf("feedback (-want +got):\n%s", d)
	}
	spots, _ := st.SoreSpots(ctx)
	if len(spots) != 1 || spots[0].Area != "scalp" || spots[0].Count != 1 {
		t.Errorf("sore spots: %+v", spots)
	}
	// The web app reads the plan and the script.
	var p plan.Plan
	if err := json.Unmarshal(got.Plan, &p); err != nil || len(p.Items) != 1 || p.Items[0].Technique != "scalp-petrissage" || p.TotalSeconds != 300 {
		t.Errorf("plan %s: %v", got.Plan, err)
	}

	// Resume: the last unfinished session, where it stopped.
	id, err := LastUnfinished(ctx, st)
	if err != nil || id != x.ID {
		t.Fatalf("LastUnfinished = %q, %v; want %q", id, err, x.ID)
	}
	s2, err := LoadSession(ctx, st, c, id)
	if err != nil {
		t.Fatal(err)
	}
	if s2.Resume.Offset != 104.5 || len(s2.Resume.Feedback) != 2 || s2.Title != s.Title || len(s2.Prep) != len(s.Prep) || len(s2.Cautions) != len(s.Cautions) || s2.Position != s.Position {
		t.Errorf("loaded %+v (prep %d, cautions %d)", s2.Resume, len(s2.Prep), len(s2.Cautions))
	}
	if d := cmp.Diff(s.Script, s2.Script); d != "" {
		t.Errorf("the script came back changed (-before +after):\n%s", d)
	}
	k2 := ResumeKeeper(st, id, nil)
	fc.add(3600)
	m2 := New(s2, Options{Now: fc.now, Recorder: k2})
	if p := m2.Position(); p.Offset != 104.5 || p.Move != 2 {
		t.Errorf("resumed at %+v", p)
	}
	press(m2, "space")
	for !m2.Done() {
		wait(m2, fc, 1)
	}
	press(m2, "5")
	press(m2, "good", "space", "pace")
	press(m2, "enter")
	closeKeeper(t, k2)
	got, _ = st.Session(ctx, id)
	if got.Ending.Rating != 5 || got.Ending.Note != "good pace" || !got.Ending.FinishedAt.Equal(fc.t) {
		t.Errorf("ending %+v", got.Ending)
	}
	if got.Progress.Offset != 300 || len(got.Feedback) != 2 {
		t.Errorf("after the end: progress %+v, %d presses", got.Progress, len(got.Feedback))
	}
	if id, _ := LastUnfinished(ctx, st); id != "" {
		t.Errorf("a rated session is still waiting: %q", id)
	}
	if _, err := LoadSession(ctx, st, c, x.ID); err == nil || !strings.Contains(err.Error(), "nothing left to resume") {
		t.Errorf("loading a rated session: %v", err)
	}
}

func TestLastUnfinished(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	base := time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)
	add := func(id string, made time.Duration, offset float64, rating int) {
		x := &store.Session{ID: id, CreatedAt: base.Add(made), Title: id, Request: json.RawMessage(`{}`),
			Plan: json.RawMessage(`{}`), Script: json.RawMessage(`{"total":600,"moves":[]}`), Total: 600}
		if err := st.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
		if offset > 0 {
			if _, err := st.SaveProgress(ctx, id, store.Progress{Offset: offset}); err != nil {
				t.Fatal(err)
			}
		}
		if rating > 0 {
			if err := st.Finish(ctx, id, store.Ending{Rating: rating}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if id, err := LastUnfinished(ctx, st); id != "" || err != nil {
		t.Errorf("empty store: %q %v", id, err)
	}
	add("old", 0, 100, 0)
	time.Sleep(5 * time.Millisecond) // progress moments are the store's, in ms
	add("newer-rated", time.Hour, 50, 4)
	add("newer-at-the-end", 2*time.Hour, 600, 0)
	if id, _ := LastUnfinished(ctx, st); id != "old" {
		t.Errorf("got %q, want the one session left part-way", id)
	}
	time.Sleep(5 * time.Millisecond)
	add("newest", 3*time.Hour, 10, 0)
	if id, _ := LastUnfinished(ctx, st); id != "newest" {
		t.Errorf("got %q, want newest", id)
	}
	// Playing the old one again makes it the last played.
	time.Sleep(5 * time.Millisecond)
	st.SaveProgress(ctx, "old", store.Progress{Offset: 120})
	if id, _ := LastUnfinished(ctx, st); id != "old" {
		t.Errorf("got %q, want the one played last", id)
	}
}

func TestLoadSessionRefusesBrokenRecords(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	for id, script := range map[string]string{"bad-json": `{"moves":`, "no-moves": `{"total":60,"moves":[]}`} {
		st.CreateSession(ctx, &store.Session{ID: id, Title: id, Request: json.RawMessage(`{}`), Plan: json.RawMessage(`{}`), Script: json.RawMessage(script), Total: 60})
		if _, err := LoadSession(ctx, st, cat(t), id); err == nil || !strings.Contains(err.Error(), "session "+id) {
			t.Errorf("%s: err = %v", id, err)
		}
	}
	if _, err := LoadSession(ctx, st, cat(t), "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
}

// failing is a store whose writes all fail.
type failing struct{ store.Store }

func (failing) CreateSession(context.Context, *store.Session) error { return errors.New("disk full") }
func (failing) SaveProgress(context.Context, string, store.Progress) (store.Progress, error) {
	return store.Progress{}, store.ErrNotFound
}

func TestKeeperSaysWhatWasNotSaved(t *testing.T) {
	r, s := techniqueSession(t, "knead-ankles")
	x, _ := NewRecord(cat(t), r, s, Source{Technique: "knead-ankles"}, time.Now())
	k := NewKeeper(failing{}, x, nil, nil)
	k.Begin(time.Now())
	k.Progress(1, 0, true)
	err := k.Close(context.Background())
	if err == nil || !strings.Contains(err.Error(), "2 of 2 writes") || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v", err)
	}
	// After Close, writes are refused without blocking.
	k.Progress(2, 0, true)
}

func TestPlanOf(t *testing.T) {
	c := fixture()
	r := &massage.Routine{
		ID: "evening", Name: "Evening", Mode: "partner", Prep: []string{"lie-down"}, Cautions: []string{"skin"},
		Notes: []string{"Go slowly.", "Knead is not medical advice."},
		Items: []massage.Item{
			{Technique: "sweep", Area: "upper-back", Phase: "warm-up", Seconds: 60, Pressure: "light", Side: "both"},
			{Technique: "press", Seconds: 45},
			{Name: "Shoulder squeeze", Area: "shoulders", Seconds: 30, Cautions: []string{"ask"},
				Steps: []massage.Step{{Say: "Squeeze.", Motion: "squeeze", Pressure: massage.Pressure{Level: "deep"}, Side: "each"}}},
		},
	}
	s, err := FromRoutine(c, r)
	if err != nil {
		t.Fatal(err)
	}
	got := PlanOf(c, r, s.Script)
	want := &plan.Plan{
		TotalSeconds: 135, Minutes: 2.25, Areas: []string{"upper-back", "back", "shoulders"},
		Mode: "partner", Pressure: "deep",
		Prep: []plan.Prep{
			{ID: "lie-down", Name: "Lie down", Say: "Lie face down."},
			{ID: "oil", Name: "Oil the skin", Seconds: 30, Say: "Spread a little oil.", Needs: []string{"oil"}},
		},
		Items: []plan.Item{
			{Technique: "sweep", Name: "Sweep", Section: "upper-back", Area: "upper-back", Phase: "warm-up", Seconds: 60,
				Pressure: "light", Side: "both", Cautions: []string{"spine", "skin"}},
			{Technique: "press", Name: "Press", Section: "back", Area: "back", Phase: "work", Seconds: 45,
				Pressure: "", Side: "none", Cautions: []string{"spine", "ask"}},
			{Name: "Shoulder squeeze", Section: "shoulders", Area: "shoulders", Phase: "work", Seconds: 30,
				Pressure: "deep", Side: "each", Cautions: []string{"ask"}},
		},
		Excluded: []plan.Excluded{},
		Cautions: []plan.Caution{
			{ID: "skin", Say: "Not on broken skin.", When: "before", Techniques: []string{"sweep"}, Areas: []string{"upper-back"}},
			{ID: "spine", Say: "Beside the spine only.", When: "during", Techniques: []string{"sweep", "press"}, Areas: []string{"upper-back", "back"}},
			{ID: "ask", Say: "Ask how it feels.", When: "start", Techniques: []string{"press"}, Areas: []string{"back", "shoulders"}},
		},
		Notes: []string{"Go slowly"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("plan (-want +got):\n%s", d)
	}
	// The plan round-trips as the web app reads it.
	b, _ := json.Marshal(got)
	var back plan.Plan
	if err := json.Unmarshal(b, &back); err != nil || !cmp.Equal(*got, back) {
		t.Errorf("round trip: %v\n%s", err, cmp.Diff(*got, back))
	}
	// A routine with no mode says the plan suits either.
	if p := PlanOf(c, &massage.Routine{Name: "x", Items: r.Items[2:]}, nil); p.Mode != "both" || p.Items[0].Pressure != "" {
		t.Errorf("mode %q, pressure %q", p.Mode, p.Items[0].Pressure)
	}
}

// oneSession is a store that holds one session, as read back.
type oneSession struct {
	store.Store
	x *store.Session
}

func (o oneSession) Session(context.Context, string) (*store.Session, error) { return o.x, nil }

// FuzzLoadSession feeds LoadSession records as another Knead (an older one,
// or the web app) might have left them: it loads them or says why not, and
// what it loads plays without a panic.
func FuzzLoadSession(f *testing.F) {
	r, s := techniqueSession(f, "scalp-petrissage")
	script, _ := json.Marshal(s.Script)
	p, _ := json.Marshal(PlanOf(cat(f), r, s.Script))
	f.Add(string(script), string(p), 75.5)
	f.Add(`{"total":10,"moves":[{"index":0,"start":0,"seconds":10,"title":"x"}],"cues":[]}`, `{"areas":["nowhere"],"items":[{"technique":"nope","seconds":-1}]}`, -3.0)
	f.Add(`{"total":5,"moves":[{"index":0,"start":3,"seconds":1}]}`, `{}`, 1e300)
	// a stored plan naming an empty area once made plan.title panic
	f.Add(`{"total":10,"moves":[{"index":0,"start":0,"seconds":10,"title":"x"}]}`, `{"areas":[""],"items":[{"technique":"scalp-petrissage","seconds":10}]}`, 1.0)
	f.Fuzz(func(t *testing.T, script, plan string, offset float64) {
		x := &store.Session{ID: "f", Title: "fuzz", Script: json.RawMessage(script), Plan: json.RawMessage(plan),
			Progress: store.Progress{Offset: offset}, Feedback: []store.Feedback{{Kind: "good", Move: 99, Offset: offset}}}
		s, err := LoadSession(context.Background(), oneSession{x: x}, cat(t), "f")
		if err != nil {
			return
		}
		if s.Resume.Offset < 0 || s.Resume.Offset > s.Script.Total {
			t.Fatalf("offset %v outside 0–%v", s.Resume.Offset, s.Script.Total)
		}
		fc := newFakeClock()
		m := New(s, Options{Now: fc.now, Recorder: &fakeRecorder{}})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = m.View()
		press(m, "space")
		wait(m, fc, 1)
		press(m, "s", "right", "left")
		_ = m.View()
		_ = m.Result().Summary(80)
	})
}

// The time played and the moves skipped go to the store with the place, so
// History says what `knead play` printed, and a resume goes on counting
// from them.
func TestPlayedAndSkippedAreStored(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	c := cat(t)
	r, s := techniqueSession(t, "scalp-petrissage")
	fc := newFakeClock()
	x, err := NewRecord(c, r, s, Source{Technique: "scalp-petrissage"}, fc.t)
	if err != nil {
		t.Fatal(err)
	}
	k := NewKeeper(st, x, nil, nil)
	m := New(s, Options{Now: fc.now, Recorder: k})
	press(m, "space")
	wait(m, fc, 10)
	press(m, "right") // the first move skipped after 10 s
	wait(m, fc, 20)
	press(m, "q")
	closeKeeper(t, k)
	r1 := m.Result()
	got, err := st.Session(ctx, x.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Progress.Played < 29.5 || got.Progress.Played > 30.5 || !cmp.Equal(got.Progress.Skipped, []int{0}) {
		t.Errorf("kept %v s played and %v skipped, want 30 s and the first move", got.Progress.Played, got.Progress.Skipped)
	}
	if got.Progress.Done(got.Total) != r1.Done || len(got.Progress.Skipped) != len(r1.Skipped) {
		t.Errorf("the store says %d done, %d skipped; the summary %d and %d", got.Progress.Done(got.Total), len(got.Progress.Skipped), r1.Done, len(r1.Skipped))
	}
	back, err := LoadSession(ctx, st, c, x.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.Resume == nil || back.Resume.Played != got.Progress.Played || !cmp.Equal(back.Resume.Skipped, []int{0}) {
		t.Errorf("resumed with %+v", back.Resume)
	}
}

// Thumbs from the terminal player are kept as the web player keeps them
// (kinds up and down, with the technique and area), so that the person's
// next plans read them: two thumbs-down leave the technique out.
func TestThumbsAreStored(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	c := cat(t)
	r, s := techniqueSession(t, "scalp-petrissage")
	fc := newFakeClock()
	x, err := NewRecord(c, r, s, Source{Technique: "scalp-petrissage"}, fc.t)
	if err != nil {
		t.Fatal(err)
	}
	k := NewKeeper(st, x, nil, nil)
	m := New(s, Options{Now: fc.now, Recorder: k})
	press(m, "space")
	wait(m, fc, 5)
	press(m, "u")
	wait(m, fc, 5)
	press(m, "d")
	wait(m, fc, 5)
	press(m, "d")
	press(m, "q")
	closeKeeper(t, k)
	got, err := st.Session(ctx, x.ID)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, f := range got.Feedback {
		if f.Technique != "scalp-petrissage" || f.Area != "scalp" {
			t.Errorf("press %+v: not on the move's technique and area", f)
		}
		kinds = append(kinds, f.Kind)
	}
	if want := []string{store.Up, store.Down, store.Down}; !cmp.Equal(kinds, want) {
		t.Errorf("kept %q, want %q", kinds, want)
	}
	h, err := store.History(ctx, st, store.Me)
	if err != nil {
		t.Fatal(err)
	}
	if out := plan.LeftOut(h); !cmp.Equal(out, []string{"scalp-petrissage"}) {
		t.Errorf("left out after two thumbs-down: %q", out)
	}
}
