package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/knead/knead/tui"
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
			err: []string{"--minutes and --seed plan a routine and go with --area"}},
		{name: "area without minutes", args: []string{"play", "--area", "back"}, code: 2, err: []string{"needs --minutes"}},
		{name: "bad area", args: []string{"play", "--area", "bak", "--minutes", "10"}, code: 1, err: []string{`unknown area "bak"`, "did you mean back?"}},
		{name: "minutes out of range", args: []string{"play", "--area", "back", "--minutes", "500"}, code: 1, err: []string{"--minutes: 500 is outside 1–120"}},
		{name: "bad condition", args: []string{"play", "--area", "feet", "--minutes", "10", "--condition", "inflamed-joint:paw"}, code: 1, err: []string{"--condition:"}},
		{name: "nothing safe", args: []string{"play", "--area", "scalp", "--minutes", "10", "--condition", "unhealthy-scalp", "--log-file", logFile}, code: 1,
			err: []string{"--condition: nothing safe is left"}},
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
func playHeadless(t *testing.T, drive func(m *tui.Model, advance func(time.Duration)), args ...string) (string, tui.Session) {
	t.Helper()
	args = append(args, "--log-file", filepath.Join(t.TempDir(), "play.log"), "--log-level", "debug")
	inv, err := Parse(args, nil)
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
	env := newEnv(Streams{Out: &out, Err: &errb}, inv.Global)
	if err := o.Run(context.Background(), env); err != nil {
		t.Fatalf("knead %q: %v", args, err)
	}
	if errb.Len() > 0 {
		t.Errorf("knead %q wrote to stderr while playing:\n%s", args, errb.String())
	}
	return out.String(), played
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
	if s.Script.Total != 480 || len(s.Cautions) == 0 {
		t.Errorf("the routine file plays %v s with %d cautions", s.Script.Total, len(s.Cautions))
	}
	if !strings.Contains(out, "stopped before the first move") {
		t.Errorf("summary:\n%s", out)
	}
}
