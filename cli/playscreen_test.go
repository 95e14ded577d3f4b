package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
	"github.com/knead/knead/tui"
)

// playScreen runs a play command line with input typed on a terminal (tty)
// or on a pipe, the player driven headless to the end. It gives stdout,
// stderr, the session played (nil when none) and the error.
func playScreen(t *testing.T, tty bool, input string, args ...string) (string, string, *tui.Session, error) {
	t.Helper()
	args = append(args, "--log-file", filepath.Join(t.TempDir(), "play.log"))
	inv, err := Parse(args, func(string) string { return "" })
	if err != nil {
		t.Fatalf("knead %q: %v", args, err)
	}
	o := inv.Options.(*playOptions)
	o.interactive = func(*Env) bool { return tty }
	var played *tui.Session
	o.run = func(ctx context.Context, env *Env, s tui.Session, opt tui.Options) (tui.Result, error) {
		played = &s
		now := time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)
		opt.Now = func() time.Time { return now }
		m := tui.New(s, opt)
		key(m, " ")
		for i := 0; i < 5*60*5 && !m.Result().Finished; i++ {
			now = now.Add(200 * time.Millisecond)
			m.Update(tui.TickMsg{})
		}
		return m.Result(), nil
	}
	var out, errb bytes.Buffer
	env := newEnv(Streams{In: strings.NewReader(input), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}, inv.Global)
	err = o.Run(context.Background(), env)
	return out.String(), errb.String(), played, err
}

// pressures lists the pressure of every move played.
func pressures(s *tui.Session) map[string]bool {
	out := map[string]bool{}
	for _, m := range s.Script.Moves {
		out[m.Pressure] = true
	}
	return out
}

// The screen before 'knead play': asked on a terminal when the person has
// no fresh answers, and kept for them; a stop ends it with the reason; an
// ask-first condition goes on only after a yes; without a terminal nothing
// is asked or waited for, and a line says the screen was skipped.
func TestPlayScreen(t *testing.T) {
	area := []string{"play", "--area", "back", "--minutes", "5", "--mode", "partner", "--pressure", "deep"}
	db := func(t *testing.T) string { return filepath.Join(t.TempDir(), "knead.db") }

	t.Run("asked on a terminal, applied and kept", func(t *testing.T) {
		path := db(t)
		// age: adult; unwell: no; calf: no; pregnant: no; bleeding: yes, thinners; the rest no
		out, _, s, err := playScreen(t, true, "1\nn\nn\nn\ny\n1\nn\nn\nn\nn\n", append(area, "--db", path)...)
		if err != nil || s == nil {
			t.Fatalf("play: %v\n%s", err, out)
		}
		if !strings.Contains(out, "Do you take blood thinners") {
			t.Errorf("the questions were not asked on the terminal:\n%s", out)
		}
		if p := pressures(s); p["moderate"] || p["deep"] || !p["light"] {
			t.Errorf("blood thinners: the moves play at %v, want light only", p)
		}
		st, err := store.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		a, err := st.ScreenOf(context.Background(), store.Me)
		if err != nil || len(a.Screen.Answers) != 1 || a.Screen.Answers[0].Choice != "thinners" || time.Since(a.AnsweredAt) > time.Minute {
			t.Fatalf("the answers were not kept for me with today's date: %+v, %v", a, err)
		}
		// fresh answers hold: nothing is asked (no input at all), the moves stay light
		out, errOut, s, err := playScreen(t, true, "", append(area, "--db", path)...)
		if err != nil || s == nil || strings.Contains(out, "Do you take") || !strings.Contains(errOut, "your answers of") {
			t.Fatalf("fresh answers: %v\nstdout:\n%s\nstderr:\n%s", err, out, errOut)
		}
		if p := pressures(s); p["moderate"] || p["deep"] {
			t.Errorf("fresh answers were not applied: the moves play at %v", p)
		}
		// old answers are asked again; so are fresh ones with --screen
		if err := st.SaveScreen(context.Background(), store.Me, a.Screen, time.Now().Add(-40*24*time.Hour)); err != nil {
			t.Fatal(err)
		}
		out, errOut, s, err = playScreen(t, true, "1\nn\nn\nn\nn\nn\nn\nn\nn\n", append(area, "--db", path)...)
		if err != nil || s == nil || !strings.Contains(errOut, "more than 30 days old") || !strings.Contains(out, "Do you take") {
			t.Fatalf("stale answers: %v\nstdout:\n%s\nstderr:\n%s", err, out, errOut)
		}
		if p := pressures(s); !p["deep"] && !p["moderate"] {
			t.Errorf("the new answers (all no) should plan firmer moves again: %v", p)
		}
		out, _, _, err = playScreen(t, true, "1\nn\nn\nn\nn\nn\nn\nn\nn\n", append(area, "--db", path, "--screen")...)
		if err != nil || !strings.Contains(out, "Do you take") {
			t.Errorf("--screen did not ask again: %v\n%s", err, out)
		}
	})

	t.Run("stop exits 1 with the reason", func(t *testing.T) {
		_, _, s, err := playScreen(t, true, "\nn\ny\n1\n", append(area, "--db", db(t))...)
		if err == nil || s != nil || exitCode(err) != 1 || !strings.Contains(err.Error(), "no session today") || !strings.Contains(err.Error(), "See a doctor") {
			t.Errorf("a possible clot should stop the session: played %v, %v", s != nil, err)
		}
	})

	t.Run("ask-first needs a yes", func(t *testing.T) {
		// pregnant: yes, not yet cleared; then the question: no
		in := "\nn\nn\ny\n2\nn\nn\nn\nn\nn\n"
		preg := []string{"play", "--area", "back", "--minutes", "3", "--mode", "partner"}
		out, _, s, err := playScreen(t, true, in+"n\n", append(preg, "--db", db(t))...)
		if err == nil || s != nil || !strings.Contains(err.Error(), "ask a health professional first") || !strings.Contains(out, "Has a health professional said massage is fine?") {
			t.Errorf("without a yes nothing may play: played %v, %v\n%s", s != nil, err, out)
		}
		_, _, s, err = playScreen(t, true, in+"y\n", append(preg, "--db", db(t))...)
		if err != nil || s == nil {
			t.Fatalf("with a yes the session plays: %v", err)
		}
		cat := mustCatalog(t)
		for _, m := range s.Script.Moves {
			if x := cat.Technique(m.Technique); x != nil && slices.Equal(x.Posture.Receiver, []string{"face-down"}) {
				t.Errorf("pregnancy: %s is played lying face down", m.Name)
			}
		}
	})

	t.Run("no terminal: skipped, planned for everyone", func(t *testing.T) {
		_, errOut, s, err := playScreen(t, false, "", append(area, "--db", db(t))...)
		if err != nil || s == nil || !strings.Contains(errOut, "Safety screen: skipped") {
			t.Fatalf("without a terminal: %v\n%s", err, errOut)
		}
		want, err := plan.Make(mustCatalog(t), plan.Request{Areas: []string{"back"}, Minutes: 5, Mode: "partner", Pressure: "deep"})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Script.Moves) == 0 || s.Title == "" || len(want.Items) == 0 || s.Script.Moves[0].Technique != want.Items[0].Technique {
			t.Errorf("without a terminal the plan should be the one for everyone")
		}
		// --condition still applies, and a kept stop still stops
		_, _, _, err = playScreen(t, false, "", "play", "--technique", "scalp-petrissage", "--condition", "fever", "--db", db(t))
		if err == nil || !strings.Contains(err.Error(), "no session today") {
			t.Errorf("--condition fever without a terminal: %v", err)
		}
	})

	t.Run("a routine played as written must pass the answers", func(t *testing.T) {
		_, _, s, err := playScreen(t, false, "", "play", "--technique", "scalp-petrissage", "--condition", "unhealthy-scalp", "--db", db(t))
		if err == nil || s != nil || !strings.Contains(err.Error(), "unhealthy-scalp") || !strings.Contains(err.Error(), "knead play --area") {
			t.Errorf("a scalp technique with an unhealthy scalp: played %v, %v", s != nil, err)
		}
	})

	t.Run("for someone kept", func(t *testing.T) {
		_, _, _, err := playScreen(t, false, "", append(area, "--db", db(t), "--for", "ann")...)
		if err == nil || !strings.Contains(err.Error(), "nobody called \"ann\"") {
			t.Errorf("--for someone not kept: %v", err)
		}
	})
}

func mustCatalog(t *testing.T) *massage.Catalog {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// 'knead plan --screen --for NAME' keeps the answers for the person with
// the date, in the store the web app keeps them in; later plans for them
// use the answers while they are fresh, and leave old ones out.
func TestPlanScreenKeptFor(t *testing.T) {
	db := filepath.Join(t.TempDir(), "knead.db")
	if r := run(t, nil, "people", "add", "Ann", "--db", db); r.code != 0 {
		t.Fatalf("people add: %s", r.err)
	}
	ask := func(input string, args ...string) result {
		var out, errb bytes.Buffer
		code := Main(context.Background(), args, Streams{In: strings.NewReader(input), Out: &out, Err: &errb, Getenv: func(string) string { return "" }})
		return result{code, out.String(), errb.String()}
	}
	plan := []string{"plan", "--area", "back", "--minutes", "10", "--pressure", "deep", "--db", db}
	// bleeding: yes, thinners; every other question no
	r := ask("1\nn\nn\nn\ny\n1\nn\nn\nn\nn\n", append(plan, "--for", "ann", "--screen")...)
	if r.code != 0 || !strings.Contains(r.out, "blood-thinners") || !strings.Contains(r.err, "Ann's answers are kept with today's date") {
		t.Fatalf("plan --screen --for ann: exit %d\nstderr:\n%s\nstdout:\n%s", r.code, r.err, r.out)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.ScreenOf(context.Background(), "ann")
	if err != nil || len(a.Screen.Answers) != 1 || a.Screen.Answers[0].Question != "bleeding" || time.Since(a.AnsweredAt) > time.Minute {
		t.Fatalf("kept for ann: %+v %v", a, err)
	}
	if _, err := st.ScreenOf(context.Background(), store.Me); err == nil {
		t.Errorf("Ann's answers were kept for me too")
	}
	// fresh: used without asking, and said so
	r = ask("", append(plan, "--for", "ann")...)
	if r.code != 0 || !strings.Contains(r.out, "blood-thinners") || strings.Contains(r.out, "deep,") || !strings.Contains(r.err, "Ann's answers of") {
		t.Errorf("fresh answers: exit %d\nstderr:\n%s\nstdout:\n%s", r.code, r.err, r.out)
	}
	// me has none: planned for everyone
	if r = ask("", append(plan, "--for", "me")...); r.code != 0 || strings.Contains(r.out, "blood-thinners") || r.err != "" {
		t.Errorf("me: exit %d\nstderr:\n%s", r.code, r.err)
	}
	// old answers are not used until asked again
	if err := st.SaveScreen(context.Background(), "ann", a.Screen, time.Now().Add(-31*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	st.Close()
	r = ask("", append(plan, "--for", "ann")...)
	if r.code != 0 || strings.Contains(r.out, "blood-thinners") || !strings.Contains(r.err, "more than 30 days old") {
		t.Errorf("stale answers: exit %d\nstderr:\n%s\nstdout:\n%s", r.code, r.err, r.out)
	}
	// a kept stop stops every later plan for her
	r = ask("\nn\ny\n1\n", append(plan, "--for", "ann", "--screen")...)
	if r.code != 1 || !strings.Contains(r.err, "no session today") {
		t.Errorf("clot: exit %d\n%s", r.code, r.err)
	}
	if r = ask("", append(plan, "--for", "ann")...); r.code != 1 || !strings.Contains(r.err, "no session today") {
		t.Errorf("the kept clot answer should stop the next plan too: exit %d\n%s", r.code, r.err)
	}
}

// A routine that knead import wrote keeps its author's warnings as cautions
// of its own: played from its file, the player says every one of them (the
// "before" ones on the start screen, the "during" ones in their move) and
// lists its own preparations. They were silently left out before.
func TestPlayImportedFileSaysItsCautions(t *testing.T) {
	file := filepath.Join("testdata", "imported-feet.yaml")
	out, errOut, s, err := playScreen(t, false, "", "play", file, "--no-save")
	if err != nil || s == nil {
		t.Fatalf("play %s: %v\nstdout:\n%s\nstderr:\n%s", file, err, out, errOut)
	}
	var first []string
	for _, c := range s.Cautions {
		first = append(first, c.Say)
	}
	if !slices.ContainsFunc(first, func(c string) bool { return strings.Contains(c, "gout or a swollen toe joint") }) {
		t.Errorf("the file's 'before' warning is not on the start screen: %q", first)
	}
	var said []string
	for _, c := range s.Script.Cues {
		said = append(said, c.Say)
	}
	for _, want := range []string{"top of the foot", "corns"} {
		if !slices.ContainsFunc(said, func(c string) bool { return strings.Contains(c, want) }) {
			t.Errorf("the file's warning about %q is never said in a move:\n%s", want, strings.Join(said, "\n"))
		}
	}
	var prep []string
	for _, p := range s.Prep {
		prep = append(prep, p.Name)
	}
	if !slices.Contains(prep, "Imported: Towel") {
		t.Errorf("the file's own preparation is not listed: %q", prep)
	}
}
