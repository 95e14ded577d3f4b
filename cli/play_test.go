package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
	"github.com/knead/knead/tui"
	"github.com/knead/knead/web"
)

func TestPlayExitCodes(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "play.log")
	routine := filepath.Join(t.TempDir(), "evening.yaml")
	if err := os.WriteFile(routine, []byte("routine:\n  id: evening\n  name: Evening\n  items:\n    - technique: scalp-petrisage\n      area: scalp\n      seconds: 60\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		env  map[string]string
		code int
		err  []string
	}{
		{name: "nothing to play", args: []string{"play"}, code: 2, err: []string{"play needs something to play", "knead play --help"}},
		{name: "two files", args: []string{"play", "a.yaml", "b.yaml"}, code: 2, err: []string{"one routine file"}},
		{name: "file and technique", args: []string{"play", "a.yaml", "--technique", "scalp-petrissage"}, code: 2,
			err: []string{"one of a routine file, --technique or --area; got a routine file and --technique"}},
		{name: "technique and area", args: []string{"play", "--technique", "x", "--area", "back", "--minutes", "5"}, code: 2, err: []string{"got --technique and --area"}},
		{name: "minutes without area", args: []string{"play", "--technique", "scalp-petrissage", "--minutes", "5", "--seed", "2"}, code: 2,
			err: []string{"--minutes and --seed belong to planning, with --area"}},
		{name: "area without minutes", args: []string{"play", "--area", "back"}, code: 2, err: []string{"needs --minutes"}},
		{name: "bad area", args: []string{"play", "--area", "bak", "--minutes", "10"}, code: 1, err: []string{`unknown area "bak"`, "did you mean back?"}},
		{name: "minutes out of range", args: []string{"play", "--area", "back", "--minutes", "500"}, code: 1, err: []string{"--minutes: 500 is outside 1–120"}},
		{name: "bad condition", args: []string{"play", "--area", "feet", "--minutes", "10", "--condition", "inflamed-joint:paw"}, code: 1, err: []string{"--condition:"}},
		{name: "nothing safe", args: []string{"play", "--area", "scalp", "--minutes", "10", "--condition", "unhealthy-scalp", "--log-file", logFile}, code: 1,
			err: []string{"--condition: nothing safe is left"}},
		{name: "bad rate", args: []string{"play", "--technique", "scalp-petrissage", "--rate", "quick"}, code: 1, err: []string{`--rate: speech rate "quick": expected slower, normal or faster`}},
		{name: "rate with resume", args: []string{"play", "--resume", "--rate", "slower"}, code: 1, err: []string{"--rate does not go with --resume"}},
		{name: "empty speak-cmd", args: []string{"play", "--technique", "scalp-petrissage", "--speak-cmd", "  "}, code: 1, err: []string{"names no program"}},
		{name: "unknown technique", args: []string{"play", "--technique", "scalp-petrisage", "--log-file", logFile}, code: 1,
			err: []string{`no technique has the id "scalp-petrisage"`, "did you mean one of scalp-petrissage"}},
		{name: "missing file", args: []string{"play", "nowhere.yaml", "--log-file", logFile}, code: 1, err: []string{"nowhere.yaml: no such file"}},
		{name: "bad routine file", args: []string{"play", routine, "--log-file", logFile}, code: 1, err: []string{routine + ":5:18:", "scalp-petrisage"}},
		{name: "speech program missing", args: []string{"play", "--technique", "scalp-petrissage", "--speak-cmd", "no-such-speaker-xyz", "--log-file", logFile}, code: 1,
			err: []string{`the speech program "no-such-speaker-xyz" is not on the PATH`}},
		{name: "not a terminal", args: []string{"play", "--technique", "scalp-petrissage", "--log-file", logFile}, code: 1,
			err: []string{"play needs a terminal"}},
		{name: "environment twins", args: []string{"play"}, env: map[string]string{"KNEAD_TECHNIQUE": "scalp-petrissage", "KNEAD_LOG_FILE": logFile}, code: 1,
			err: []string{"play needs a terminal"}},
		{name: "log file in a missing folder", args: []string{"play", "--technique", "scalp-petrissage", "--log-file", filepath.Join(logFile, "x", "y.log")}, code: 1,
			err: []string{"--log-file: cannot write the log"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.env, tt.args...)
			if r.code != tt.code {
				t.Fatalf("knead %q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, r.code, tt.code, r.out, r.err)
			}
			for _, s := range tt.err {
				if !strings.Contains(r.err, s) {
					t.Errorf("knead %q: stderr lacks %q:\n%s", tt.args, s, r.err)
				}
			}
			if r.out != "" {
				t.Errorf("knead %q printed to stdout:\n%s", tt.args, r.out)
			}
		})
	}
}

// playHeadless parses a play command line and runs it with a player driven
// by keys and a fake clock instead of a terminal, returning what it printed.
// The session is kept in a store of the test's own unless the command line
// names one or --no-save.
func playHeadless(t *testing.T, drive func(m *tui.Model, advance func(time.Duration)), args ...string) (string, tui.Session) {
	t.Helper()
	out, s, err := playWith(t, nil, drive, args...)
	if err != nil {
		t.Fatalf("knead %q: %v", args, err)
	}
	return out, s
}

// playWith is playHeadless with an environment, giving the command's error.
func playWith(t *testing.T, getenv map[string]string, drive func(m *tui.Model, advance func(time.Duration)), args ...string) (string, tui.Session, error) {
	t.Helper()
	args = append(args, "--log-file", filepath.Join(t.TempDir(), "play.log"), "--log-level", "debug")
	if !slices.Contains(args, "--db") && !slices.Contains(args, "--no-save") && getenv["KNEAD_DB"] == "" {
		args = append(args, "--db", filepath.Join(t.TempDir(), "knead.db"))
	}
	inv, err := Parse(args, func(k string) string { return getenv[k] })
	if err != nil {
		t.Fatalf("knead %q: %v", args, err)
	}
	o := inv.Options.(*playOptions)
	var played tui.Session
	o.run = func(ctx context.Context, env *Env, s tui.Session, opt tui.Options) (tui.Result, error) {
		played = s
		now := time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)
		opt.Now = func() time.Time { return now }
		m := tui.New(s, opt)
		drive(m, func(d time.Duration) {
			now = now.Add(d)
			m.Update(tui.TickMsg{})
		})
		return m.Result(), nil
	}
	var out, errb bytes.Buffer
	env := newEnv(Streams{Out: &out, Err: &errb, Getenv: func(k string) string { return getenv[k] }}, inv.Global)
	err = o.Run(context.Background(), env)
	// The safety screen's line comes before the player starts; nothing else
	// may be written to stderr.
	if rest := screenLines.ReplaceAllString(errb.String(), ""); rest != "" {
		t.Errorf("knead %q wrote to stderr while playing:\n%s", args, rest)
	}
	return out.String(), played, err
}

func key(m *tui.Model, s string) {
	switch s {
	case " ":
		m.Update(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
	default:
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
	}
}

func TestPlayTechnique(t *testing.T) {
	out, s := playHeadless(t, func(m *tui.Model, advance func(time.Duration)) {
		key(m, " ")
		advance(75 * time.Second)
		key(m, "s")
		key(m, "q")
	}, "play", "--technique", "scalp-petrissage")
	if s.Title != "Scalp petrissage" || s.Script.Total != 300 || len(s.Prep) != 2 {
		t.Errorf("session: %q, %v s, %d preparations", s.Title, s.Script.Total, len(s.Prep))
	}
	for _, want := range []string{"Scalp petrissage: stopped at 1:15 of 5:00, in move 2 of 7", "1:15  sore spot", "Sore spots: scalp."} {
		if !strings.Contains(out, want) {
			t.Errorf("the summary lacks %q:\n%s", want, out)
		}
	}
}

func TestPlayRateFitsTheCues(t *testing.T) {
	_, normal := playHeadless(t, func(m *tui.Model, advance func(time.Duration)) { key(m, "q") },
		"play", "--area", "back", "--minutes", "10", "--mode", "partner")
	_, slower := playHeadless(t, func(m *tui.Model, advance func(time.Duration)) { key(m, "q") },
		"play", "--area", "back", "--minutes", "10", "--mode", "partner", "--rate", "slower")
	if normal.Script.Rate != "normal" || slower.Script.Rate != "slower" {
		t.Fatalf("rates %q and %q", normal.Script.Rate, slower.Script.Rate)
	}
	// At the slower rate, reminders give way first: never fewer start,
	// switch or next cues, and no more words in all.
	count := func(s tui.Session) (key, all int) {
		for _, q := range s.Script.Cues {
			if guide.Key(q.Kind) {
				key++
			}
			all += massage.SpokenWords(q.Say)
		}
		return key, all
	}
	nk, nw := count(normal)
	sk, sw := count(slower)
	if sk != nk || sw > nw {
		t.Errorf("slower: %d key cues and %d words; normal: %d and %d", sk, sw, nk, nw)
	}
}

func TestPlayPlansFirst(t *testing.T) {
	out, s := playHeadless(t, func(m *tui.Model, advance func(time.Duration)) {
		key(m, " ")
		for i := 0; i < 10*60*5; i++ {
			advance(200 * time.Millisecond)
		}
	}, "play", "--area", "shoulders", "--minutes", "10", "--mode", "self", "--pressure", "light", "--seed", "3")
	if s.Script.Total != 600 {
		t.Errorf("the plan plays %v s, want 600", s.Script.Total)
	}
	if !strings.Contains(out, "played to the end, 10:00 of hands-on time") {
		t.Errorf("summary:\n%s", out)
	}
}

func TestPlayRoutineFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scalp.yaml")
	r := run(t, nil, "plan", "--area", "scalp", "--minutes", "8", "--out", path)
	if r.code != 0 {
		t.Fatalf("plan --out: %s", r.err)
	}
	out, s := playHeadless(t, func(m *tui.Model, advance func(time.Duration)) { key(m, "q") }, "play", path)
	// 480 s of hands-on moves, and the transitions (a place to take) as
	// short moves of their own
	var hands float64
	for _, m := range s.Script.Moves {
		if m.Kind != guide.KindTransition {
			hands += m.Seconds
		}
	}
	if hands != 480 || s.Script.Total <= 480 || len(s.Cautions) == 0 {
		t.Errorf("the routine file plays %v s (%v s hands-on) with %d cautions", s.Script.Total, hands, len(s.Cautions))
	}
	if !strings.Contains(out, "stopped before the first move") {
		t.Errorf("summary:\n%s", out)
	}
}

// flat puts text on one line with single spaces, so that wrapping does
// not matter.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// openTestStore opens the store at db, as the web app would.
func openTestStore(t *testing.T, db string) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestPlayKeepsAndResumes plays a technique into a temp SQLite store, stops
// it part-way, and goes on with --resume: the session, its feedback with
// the moment, its place and the rating end up in the store.
func TestPlayKeepsAndResumes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "knead.db")
	out, s := playHeadless(t, func(m *tui.Model, advance func(time.Duration)) {
		key(m, " ")
		for i := 0; i < 75; i++ {
			advance(time.Second)
		}
		key(m, "s")
		advance(1500 * time.Millisecond)
		key(m, "q")
	}, "play", "--technique", "scalp-petrissage", "--db", db)
	for _, want := range []string{"stopped at 1:16 of 5:00", "Kept in " + db + " (session ", "'knead play --resume' goes on from 1:16."} {
		if !strings.Contains(flat(out), want) {
			t.Errorf("the summary lacks %q:\n%s", want, out)
		}
	}
	ctx := context.Background()
	st := openTestStore(t, db)
	list, err := st.Sessions(ctx, 10)
	if err != nil || len(list) != 1 {
		t.Fatalf("sessions: %+v %v", list, err)
	}
	x, err := st.Session(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	started := time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)
	if x.Title != "Scalp petrissage · 5 min" || !x.CreatedAt.Equal(started) || x.Total != 300 {
		t.Errorf("session %q, made %v, %v s", x.Title, x.CreatedAt, x.Total)
	}
	if x.Progress.Offset != 76.5 || x.Progress.Move != s.Script.MoveAt(76.5) || x.Progress.Running {
		t.Errorf("progress %+v, want 76.5 s, paused", x.Progress)
	}
	if len(x.Feedback) != 1 {
		t.Fatalf("feedback %+v", x.Feedback)
	}
	f := x.Feedback[0]
	if f.Kind != "sore" || f.Offset != 75 || f.Move != s.Script.MoveAt(75) || f.Area != "scalp" || f.Technique != "scalp-petrissage" || !f.At.Equal(started.Add(75*time.Second)) {
		t.Errorf("feedback %+v", f)
	}
	if string(x.Request) != `{"play":"technique","technique":"scalp-petrissage"}` {
		t.Errorf("request %s", x.Request)
	}
	var p plan.Plan
	if err := json.Unmarshal(x.Plan, &p); err != nil || len(p.Items) != 1 || p.TotalSeconds != 300 || len(p.Prep) != 2 {
		t.Errorf("plan %s (%v)", x.Plan, err)
	}
	st.Close()

	// --resume goes on at the stored place; KNEAD_DB names the store.
	out, _, err = playWith(t, map[string]string{"KNEAD_DB": db}, func(m *tui.Model, advance func(time.Duration)) {
		if p := m.Position(); p.Offset != 76.5 || p.Running {
			t.Errorf("resumed at %+v, want 76.5 s, paused", p)
		}
		key(m, " ")
		advance(10 * time.Second)
		if p := m.Position(); p.Offset != 86.5 {
			t.Errorf("10 s after going on: %+v", p)
		}
		key(m, "g")
		for !m.Done() {
			advance(time.Second)
		}
		key(m, "4")
		key(m, "less")
		key(m, " ")
		key(m, "talk")
		m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	}, "play", "--resume")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"played to the end", "Rated 4 of 5. Note: less talk", "1:15 sore spot", "1:26 good", "Kept in " + db + " (session " + x.ID + "), as before."} {
		if !strings.Contains(flat(out), want) {
			t.Errorf("the summary lacks %q:\n%s", want, out)
		}
	}
	st = openTestStore(t, db)
	x, _ = st.Session(ctx, x.ID)
	if x.Ending.Rating != 4 || x.Ending.Note != "less talk" || x.Progress.Offset != 300 || len(x.Feedback) != 2 {
		t.Errorf("after the end: %+v, progress %+v, %d presses", x.Ending, x.Progress, len(x.Feedback))
	}
	spots, _ := st.SoreSpots(ctx)
	if len(spots) != 1 || spots[0].Area != "scalp" {
		t.Errorf("sore spots %+v", spots)
	}

	// Nothing is left to resume.
	_, _, err = playWith(t, nil, func(*tui.Model, func(time.Duration)) { t.Error("played") }, "play", "--resume", "--db", db)
	if err == nil || !strings.Contains(err.Error(), "no session in "+db+" is waiting to go on") || exitCode(err) != ExitInput {
		t.Errorf("resume with nothing left: %v", err)
	}
	_, _, err = playWith(t, nil, func(*tui.Model, func(time.Duration)) { t.Error("played") }, "play", "--resume="+x.ID, "--db", db)
	if err == nil || !strings.Contains(err.Error(), "nothing left to resume") {
		t.Errorf("resume a rated session: %v", err)
	}
	_, _, err = playWith(t, nil, func(*tui.Model, func(time.Duration)) { t.Error("played") }, "play", "--resume=0123abcd", "--db", db)
	if err == nil || !strings.Contains(err.Error(), `no session has the id "0123abcd"`) {
		t.Errorf("resume an unknown session: %v", err)
	}
	// A database that is not there is not made just to find nothing in it.
	missing := filepath.Join(t.TempDir(), "new.db")
	_, _, err = playWith(t, nil, func(*tui.Model, func(time.Duration)) { t.Error("played") }, "play", "--resume", "--db", missing)
	if err == nil || !strings.Contains(err.Error(), missing+" does not exist") || exitCode(err) != ExitInput {
		t.Errorf("resume from a missing database: %v", err)
	}
	if _, serr := os.Stat(missing); !errors.Is(serr, os.ErrNotExist) {
		t.Errorf("--resume made %s (%v)", missing, serr)
	}
}

// TestPlayedSessionsShowInTheWebApp keeps a planned session and one from a
// routine file with steps of its own, and asks the web app for its
// History and session pages on the same store.
func TestPlayedSessionsShowInTheWebApp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "knead.db")
	stop := func(m *tui.Model, advance func(time.Duration)) {
		key(m, " ")
		advance(40 * time.Second)
		key(m, "f")
		key(m, "q")
	}
	playHeadless(t, stop, "play", "--area", "shoulders", "--minutes", "5", "--mode", "self", "--seed", "2", "--db", db)
	routine := filepath.Join(t.TempDir(), "evening.yaml")
	if err := os.WriteFile(routine, []byte(`routine:
  id: evening
  name: Evening shoulders
  mode: self
  items:
    - technique: knead-neck-shoulders
      area: shoulders
      seconds: 120
    - name: Shoulder roll
      area: shoulders
      phase: finish
      seconds: 30
      steps:
        - say: Roll both shoulders back slowly, five times.
          motion: circle
`), 0o644); err != nil {
		t.Fatal(err)
	}
	playHeadless(t, func(m *tui.Model, advance func(time.Duration)) {
		key(m, " ")
		for !m.Done() {
			advance(time.Second)
		}
		key(m, "5")
		m.Update(tea.KeyMsg{Type: tea.KeyEsc})
	}, "play", routine, "--db", db)

	st := openTestStore(t, db)
	ctx := context.Background()
	list, _ := st.Sessions(ctx, 10)
	if len(list) != 2 {
		t.Fatalf("sessions: %+v", list)
	}
	if list[0].Title != "Evening shoulders · 2 min 30 s" {
		list[0], list[1] = list[1], list[0] // both began at the same (fake) moment
	}
	// The planned one keeps its request as the web app keeps it, and as the last choices.
	planned, _ := st.Session(ctx, list[1].ID)
	var req plan.Request
	if err := json.Unmarshal(planned.Request, &req); err != nil || req.Minutes != 5 || req.Seed != 2 {
		t.Errorf("request %s", planned.Request)
	}
	if c, _ := st.Choices(ctx); string(c) != string(planned.Request) {
		t.Errorf("choices %s, want %s", c, planned.Request)
	}
	if planned.Title != "Shoulders · 5 min" {
		t.Errorf("title %q", planned.Title)
	}
	cat, err := catalog.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	app, err := web.New(web.Options{Store: st, Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) string {
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1"+path, nil))
		if rec.Code != 200 {
			t.Errorf("GET %s: %d\n%s", path, rec.Code, rec.Body)
		}
		return rec.Body.String()
	}
	history := get("/history")
	for _, want := range []string{"Evening shoulders · 2 min 30 s", "Shoulders · 5 min", "/session/" + list[0].ID, "/session/" + list[1].ID, "0:40 of 5:00"} {
		if !strings.Contains(history, want) {
			t.Errorf("History lacks %q", want)
		}
	}
	page := get("/session/" + list[0].ID)
	for _, want := range []string{"Shoulder roll", "Evening shoulders", `"rating":5`} {
		if !strings.Contains(page, want) {
			t.Errorf("the session page lacks %q", want)
		}
	}
	get("/session/" + list[1].ID)
}

func TestPlayNoSave(t *testing.T) {
	db := filepath.Join(t.TempDir(), "knead.db")
	out, _ := playHeadless(t, func(m *tui.Model, advance func(time.Duration)) {
		key(m, " ")
		advance(10 * time.Second)
		key(m, "s")
		key(m, "q")
	}, "play", "--technique", "knead-ankles", "--no-save", "--db", db)
	if strings.Contains(out, "Kept") || strings.Contains(out, "--resume") {
		t.Errorf("--no-save says it kept something:\n%s", out)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("--no-save made the database: %v", err)
	}
	// Quitting on the start screen keeps nothing either.
	db2 := filepath.Join(t.TempDir(), "knead.db")
	playHeadless(t, func(m *tui.Model, advance func(time.Duration)) { key(m, "q") }, "play", "--technique", "knead-ankles", "--db", db2)
	if list, _ := openTestStore(t, db2).Sessions(context.Background(), 10); len(list) != 0 {
		t.Errorf("a session closed on its start screen was kept: %+v", list)
	}
}

func TestPlayResumeUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"play", "--resume", "--technique", "knead-ankles"}, 2, "--resume plays a session kept before, as it was; leave out --technique"},
		{[]string{"play", "--resume=abc", "x.yaml"}, 2, "leave out a routine file"},
		{[]string{"play", "--resume", "--no-save"}, 2, "does not go with --no-save"},
		{[]string{"play", "--resume=../etc"}, 1, "a session id is letters, digits"},
		{[]string{"play", "--resume", "--minutes", "5"}, 2, "--minutes belongs to planning, with --area"},
		{[]string{"play", "--technique", "knead-ankles", "--db", "postgres:/x"}, 1, "starts with postgres://"},
	}
	for _, tt := range tests {
		r := run(t, nil, tt.args...)
		if r.code != tt.code || !strings.Contains(r.err, tt.err) {
			t.Errorf("knead %q: exit %d, want %d, stderr:\n%s", tt.args, r.code, tt.code, r.err)
		}
	}
	// --resume=false is off again: there is nothing to play.
	if r := run(t, nil, "play", "--resume=false"); r.code != 2 || !strings.Contains(r.err, "play needs something to play") {
		t.Errorf("--resume=false: %d %s", r.code, r.err)
	}
}

// TestResumeRemembersSkipsAndTime: a skip and the time played before a
// --resume are kept in the store and count in the summary after it, the
// same numbers the web app's History shows.
func TestResumeRemembersSkipsAndTime(t *testing.T) {
	db := filepath.Join(t.TempDir(), "knead.db")
	_, s := playHeadless(t, func(m *tui.Model, advance func(time.Duration)) {
		key(m, " ")
		advance(10 * time.Second)
		key(m, "n") // skip the first move
		advance(5 * time.Second)
		key(m, "q")
	}, "play", "--technique", "scalp-petrissage", "--db", db)
	ctx := context.Background()
	st := openTestStore(t, db)
	list, err := st.Sessions(ctx, 10)
	if err != nil || len(list) != 1 {
		t.Fatalf("sessions: %+v %v", list, err)
	}
	x, err := st.Session(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if x.Progress.Played != 15 || !slices.Equal(x.Progress.Skipped, []int{0}) {
		t.Errorf("kept progress %+v, want 15 s played and move 0 skipped", x.Progress)
	}
	st.Close()
	left := s.Script.Total - (s.Script.Moves[1].Start + 5)
	out, _, err := playWith(t, nil, func(m *tui.Model, advance func(time.Duration)) {
		key(m, " ")
		for !m.Done() {
			advance(time.Second)
		}
		key(m, "q")
	}, "play", "--resume", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	n := len(s.Script.Moves)
	want := fmt.Sprintf("Moves done: %d of %d; skipped: 1; time spent: %s.", n-1, n, clockOf(15+left))
	if !strings.Contains(flat(out), want) || !strings.Contains(flat(out), "with 1 of 7 moves skipped") {
		t.Errorf("the summary lacks %q:\n%s", want, out)
	}
}

func clockOf(s float64) string { return fmt.Sprintf("%d:%02d", int(s)/60, int(s)%60) }

// screenLines are the safety screen's notes, written before playing.
var screenLines = regexp.MustCompile(`(?m)^Safety screen: .*\n`)
