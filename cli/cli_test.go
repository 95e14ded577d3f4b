package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// The test catalogs, added with --catalog. catalog2 uses catalog's source,
// so it loads only together with it.
const (
	testCatalog  = "testdata/catalog"
	testCatalog2 = "testdata/catalog2"
)

type result struct {
	code     int
	out, err string
}

// run runs knead with args, an environment of env and buffers for streams.
func run(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	s := Streams{
		In:     strings.NewReader(""),
		Out:    &out,
		Err:    &errb,
		Getenv: func(k string) string { return env[k] },
	}
	code := Main(context.Background(), args, s)
	return result{code, out.String(), errb.String()}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		env    map[string]string
		code   int
		out    []string // each must appear in stdout
		notOut []string // none may appear in stdout
		err    []string // each must appear in stderr
	}{
		{name: "no command", args: nil, code: 2, err: []string{"no command given", "Quick start"}},
		{name: "help", args: []string{"help"}, code: 0, out: []string{"Quick start", "not medical advice", "knead show scalp-petrissage"}},
		{name: "--help alone", args: []string{"--help"}, code: 0, out: []string{"Quick start"}},
		{name: "-h alone", args: []string{"-h"}, code: 0, out: []string{"Quick start"}},
		{name: "help for a command", args: []string{"help", "show"}, code: 0, out: []string{"Usage: knead show ID"}},
		{name: "help for play names the thumbs keys", args: []string{"help", "play"}, code: 0, out: []string{"u and d give the move's technique a thumbs", "h is \"It hurts\""}},
		{name: "help for nothing", args: []string{"help", "shw"}, code: 2, err: []string{`unknown command "shw"`, `did you mean "show"?`}},
		{name: "help with two topics", args: []string{"help", "show", "list"}, code: 2, err: []string{"at most one"}},
		{name: "version", args: []string{"version"}, code: 0, out: []string{"knead ", "go1."}, notOut: []string{"knead dev"}},
		{name: "--version", args: []string{"--version"}, code: 0, out: []string{"knead ", "go1."}, notOut: []string{"knead dev"}},
		{name: "show too narrow", args: []string{"show", "--width", "5", "scalp-petrissage"}, code: 1, err: []string{"--width 5 is too narrow", "40 columns or more"}},
		{name: "plan too narrow", args: []string{"plan", "--area", "back", "--minutes", "10", "--width", "39"}, code: 1, err: []string{"--width 39 is too narrow"}},
		{name: "list too narrow", args: []string{"list", "--width", "12"}, code: 1, err: []string{"--width 12 is too narrow"}},
		{name: "joint did you mean", args: []string{"plan", "--area", "feet", "--minutes", "10", "--condition", "inflamed-joint:ankel"}, code: 1, err: []string{`(did you mean "ankle"?)`}},
		{name: "condition did you mean", args: []string{"plan", "--area", "feet", "--minutes", "10", "--condition", "inflamd-joint:ankle"}, code: 1, err: []string{`(did you mean "inflamed-joint"?)`}},
		{name: "version takes nothing", args: []string{"version", "now"}, code: 2, err: []string{"takes no arguments"}},
		{name: "unknown command", args: []string{"shwo", "x"}, code: 2, err: []string{`unknown command "shwo"`, `did you mean "show"?`, "Run 'knead help'"}},
		{name: "unknown command far from any", args: []string{"zzzzzz"}, code: 2, notOut: []string{"did you mean"}, err: []string{`unknown command "zzzzzz"`}},

		{name: "list", args: []string{"list"}, code: 0, out: []string{"scalp-petrissage", "back-circling-hands"}},
		{name: "list back holds upper back", args: []string{"list", "--area", "back"}, code: 0,
			out: []string{"back-fan-stroke", "knead-neck-shoulders"}, notOut: []string{"scalp-petrissage"}},
		{name: "list upper back holds whole back", args: []string{"list", "--area=upper-back"}, code: 0,
			out: []string{"back-fan-stroke", "knead-neck-shoulders"}, notOut: []string{"foot-squeeze"}},
		{name: "list feet under its own heading", args: []string{"list", "--area", "feet"}, code: 0,
			out: []string{"\nFeet\n", "Sources:\n", "Foot massage for a partner, and a scalp rub"}, notOut: []string{"\nLegs\n"}},
		{name: "list bad area", args: []string{"list", "--area", "bak"}, code: 1, err: []string{`unknown area "bak"`, "did you mean back?"}},
		{name: "list area without value", args: []string{"list", "--area"}, code: 2, err: []string{"--area needs a value", "knead list --help"}},
		{name: "list unknown flag", args: []string{"list", "--aera", "back"}, code: 2, err: []string{"unknown flag --aera", "did you mean --area?"}},
		{name: "list takes no arguments", args: []string{"list", "back"}, code: 2, err: []string{"takes no arguments"}},
		{name: "bad json value", args: []string{"list", "--json=maybe"}, code: 1, err: []string{`invalid value "maybe" for --json`}},

		{name: "show", args: []string{"show", "scalp-petrissage"}, code: 0, out: []string{"STEPS", "Knead is not medical advice."}},
		{name: "show without id", args: []string{"show"}, code: 2, err: []string{"needs the id"}},
		{name: "show two ids", args: []string{"show", "a", "b"}, code: 2, err: []string{"one id"}},
		{name: "show unknown id", args: []string{"show", "back-fan"}, code: 1, err: []string{`"back-fan"`, "did you mean back-fan-stroke?"}},
		{name: "show a preparation", args: []string{"show", "foot-soak"}, code: 0, out: []string{"[foot-soak]", "Knead is not medical advice."}},
		{name: "dash dash ends flags", args: []string{"show", "--", "--json"}, code: 1, err: []string{`id "--json"`}},
		{name: "negative width", args: []string{"show", "--width", "-5", "scalp-petrissage"}, code: 1, err: []string{"invalid --width -5"}},
		{name: "width not a number", args: []string{"show", "--width", "wide", "scalp-petrissage"}, code: 1, err: []string{`invalid value "wide" for --width`}},
		{name: "bad flag syntax", args: []string{"show", "---json", "x"}, code: 2, err: []string{"bad flag syntax"}},

		{name: "global flag before command", args: []string{"--catalog", testCatalog, "show", "test-calf-ladder"}, code: 0, out: []string{"Calf ladder"}},
		{name: "global flag after argument", args: []string{"show", "test-calf-ladder", "--catalog", testCatalog}, code: 0, out: []string{"Calf ladder"}},
		{name: "global flag with equals", args: []string{"show", "--catalog=" + testCatalog, "test-calf-ladder"}, code: 0, out: []string{"Calf ladder"}},
		{name: "catalog repeated", args: []string{"list", "--catalog", testCatalog, "--area", "calves", "--catalog", testCatalog2}, code: 0,
			out: []string{"test-calf-ladder", "test-shin-glide"}},
		{name: "catalog that does not load", args: []string{"--catalog", testCatalog2, "list"}, code: 1,
			err: []string{"the catalog did not load", `testdata/catalog2/glide.yaml:11:15: technique test-shin-glide: unknown source id "test-notes.txt"`}},
		{name: "catalog folder missing", args: []string{"list", "--catalog", "testdata/nowhere"}, code: 1, err: []string{"testdata/nowhere: no such file or folder"}},
		{name: "command flag before command", args: []string{"--json", "list"}, code: 2, err: []string{"unknown flag --json", "after its name"}},
		{name: "bad log level", args: []string{"--log-level", "loud", "list"}, code: 1, err: []string{`invalid --log-level "loud"`}},
		{name: "debug log", args: []string{"list", "--log-level", "debug"}, code: 0, err: []string{"level=DEBUG", "catalog loaded"}},

		{name: "check good folder", args: []string{"check", testCatalog}, code: 0, out: []string{testCatalog + ": ok"}},
		{name: "check two folders", args: []string{"check", testCatalog, testCatalog2}, code: 0, out: []string{testCatalog + ": ok\n" + testCatalog2 + ": ok\n"}},
		{name: "check broken", args: []string{"check", "testdata/broken"}, code: 1, err: []string{"5 problems in 2 files"}},
		{name: "check missing file", args: []string{"check", "testdata/nothing.yaml"}, code: 1, out: []string{"testdata/nothing.yaml: no such file or folder"}},
		{name: "check nothing", args: []string{"check"}, code: 2, err: []string{"at least one file"}},

		{name: "areas", args: []string{"areas"}, code: 0, out: []string{"spine-line", "inflamed-joint:JOINT", "knee"}},
		{name: "areas takes nothing", args: []string{"areas", "back"}, code: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.env, tt.args...)
			if r.code != tt.code {
				t.Errorf("knead %q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, r.code, tt.code, r.out, r.err)
			}
			for _, s := range tt.out {
				if !strings.Contains(r.out, s) {
					t.Errorf("knead %q: stdout lacks %q:\n%s", tt.args, s, r.out)
				}
			}
			for _, s := range tt.notOut {
				if strings.Contains(r.out, s) || strings.Contains(r.err, s) {
					t.Errorf("knead %q: output has %q:\n%s%s", tt.args, s, r.out, r.err)
				}
			}
			for _, s := range tt.err {
				if !strings.Contains(r.err, s) {
					t.Errorf("knead %q: stderr lacks %q:\n%s", tt.args, s, r.err)
				}
			}
		})
	}
}

func TestFlagsBeforeAndAfterArguments(t *testing.T) {
	want := run(t, nil, "show", "--json", "scalp-petrissage")
	if want.code != 0 || !json.Valid([]byte(want.out)) {
		t.Fatalf("show --json: exit %d, output not JSON:\n%s%s", want.code, want.out, want.err)
	}
	for _, args := range [][]string{
		{"show", "scalp-petrissage", "--json"},
		{"show", "--json=true", "scalp-petrissage"},
		{"show", "-json", "scalp-petrissage"},
		{"show", "scalp-petrissage", "--json", "--"},
		{"--log-level", "error", "show", "scalp-petrissage", "--json"},
	} {
		if got := run(t, nil, args...); got != want {
			t.Errorf("knead %q differs from knead show --json scalp-petrissage:\n%s", args, cmp.Diff(want, got, cmp.AllowUnexported(result{})))
		}
	}
}

func TestEnvironmentTwins(t *testing.T) {
	sep := string(os.PathListSeparator)
	tests := []struct {
		name string
		env  map[string]string
		args []string
		code int
		test func(t *testing.T, r result)
	}{
		{"KNEAD_JSON", map[string]string{"KNEAD_JSON": "1"}, []string{"list"}, 0, func(t *testing.T, r result) {
			var v []map[string]any
			if err := json.Unmarshal([]byte(r.out), &v); err != nil || len(v) == 0 {
				t.Errorf("KNEAD_JSON=1 list: want a JSON array, got %v:\n%s", err, r.out)
			}
		}},
		{"flag beats KNEAD_JSON", map[string]string{"KNEAD_JSON": "1"}, []string{"list", "--json=false"}, 0, func(t *testing.T, r result) {
			if json.Valid([]byte(r.out)) {
				t.Errorf("--json=false lost to KNEAD_JSON=1:\n%s", r.out)
			}
		}},
		{"bad KNEAD_JSON", map[string]string{"KNEAD_JSON": "maybe"}, []string{"list"}, 1, func(t *testing.T, r result) {
			if !strings.Contains(r.err, "KNEAD_JSON") {
				t.Errorf("the message does not name KNEAD_JSON: %s", r.err)
			}
		}},
		{"KNEAD_AREA", map[string]string{"KNEAD_AREA": "scalp"}, []string{"list"}, 0, func(t *testing.T, r result) {
			if !strings.Contains(r.out, "scalp-petrissage") || strings.Contains(r.out, "back-fan-stroke") {
				t.Errorf("KNEAD_AREA=scalp list:\n%s", r.out)
			}
		}},
		{"KNEAD_LOG_LEVEL", map[string]string{"KNEAD_LOG_LEVEL": "debug"}, []string{"list"}, 0, func(t *testing.T, r result) {
			if !strings.Contains(r.err, "level=DEBUG") {
				t.Errorf("KNEAD_LOG_LEVEL=debug logged nothing at debug:\n%s", r.err)
			}
		}},
		{"flag beats KNEAD_LOG_LEVEL", map[string]string{"KNEAD_LOG_LEVEL": "debug"}, []string{"list", "--log-level", "error"}, 0, func(t *testing.T, r result) {
			if r.err != "" {
				t.Errorf("--log-level error lost to KNEAD_LOG_LEVEL=debug:\n%s", r.err)
			}
		}},
		{"KNEAD_CATALOG holds a list", map[string]string{"KNEAD_CATALOG": testCatalog + sep + testCatalog2}, []string{"list", "--area", "calves"}, 0, func(t *testing.T, r result) {
			if !strings.Contains(r.out, "test-calf-ladder") || !strings.Contains(r.out, "test-shin-glide") {
				t.Errorf("KNEAD_CATALOG with two folders:\n%s", r.out)
			}
		}},
		{"flag beats KNEAD_CATALOG", map[string]string{"KNEAD_CATALOG": "testdata/nowhere"}, []string{"show", "test-calf-ladder", "--catalog", testCatalog}, 0, nil},
		{"KNEAD_WIDTH", map[string]string{"KNEAD_WIDTH": "50"}, []string{"show", "back-circling-hands"}, 0, func(t *testing.T, r result) {
			for _, l := range strings.Split(r.out, "\n") {
				if n := len([]rune(l)); n > 50 {
					t.Errorf("line of %d columns with KNEAD_WIDTH=50: %q", n, l)
				}
			}
		}},
		{"COLUMNS", map[string]string{"COLUMNS": "60"}, []string{"show", "back-circling-hands"}, 0, func(t *testing.T, r result) {
			for _, l := range strings.Split(r.out, "\n") {
				if n := len([]rune(l)); n > 60 {
					t.Errorf("line of %d columns with COLUMNS=60: %q", n, l)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.env, tt.args...)
			if r.code != tt.code {
				t.Fatalf("knead %q with %v: exit %d, want %d\n%s%s", tt.args, tt.env, r.code, tt.code, r.out, r.err)
			}
			if tt.test != nil {
				tt.test(t, r)
			}
		})
	}
}

func TestEnvName(t *testing.T) {
	for flag, want := range map[string]string{"log-level": "KNEAD_LOG_LEVEL", "json": "KNEAD_JSON", "catalog": "KNEAD_CATALOG"} {
		if got := EnvName(flag); got != want {
			t.Errorf("EnvName(%q) = %q, want %q", flag, got, want)
		}
	}
}

// TestParse checks parsing apart from running: the options each command
// line yields.
func TestParse(t *testing.T) {
	tests := []struct {
		args   []string
		env    map[string]string
		cmd    string
		opts   Options
		global Global
	}{
		{[]string{"show", "--json", "ID"}, nil, "show", &showOptions{ID: "ID", JSON: true}, Global{LogLevel: "warn"}},
		{[]string{"show", "ID", "--json"}, nil, "show", &showOptions{ID: "ID", JSON: true}, Global{LogLevel: "warn"}},
		{[]string{"show", "--width=60", "ID"}, nil, "show", &showOptions{ID: "ID", Width: 60}, Global{LogLevel: "warn"}},
		{[]string{"show", "--", "--json"}, nil, "show", &showOptions{ID: "--json"}, Global{LogLevel: "warn"}},
		{[]string{"show", "ID"}, map[string]string{"KNEAD_WIDTH": "70", "KNEAD_JSON": "true"}, "show", &showOptions{ID: "ID", Width: 70, JSON: true}, Global{LogLevel: "warn"}},
		{[]string{"show", "ID", "--width", "40"}, map[string]string{"KNEAD_WIDTH": "70"}, "show", &showOptions{ID: "ID", Width: 40}, Global{LogLevel: "warn"}},
		{[]string{"list", "--area=back", "--json"}, nil, "list", &listOptions{Area: "back", JSON: true}, Global{LogLevel: "warn"}},
		{[]string{"check", "a.yaml", "--", "-b.yaml"}, nil, "check", &checkOptions{Paths: []string{"a.yaml", "-b.yaml"}}, Global{LogLevel: "warn"}},
		{[]string{"check", "-"}, nil, "check", &checkOptions{Paths: []string{"-"}}, Global{LogLevel: "warn"}},
		{[]string{"--catalog", "d1", "check", "x", "--catalog", "d2", "--log-level=debug"}, map[string]string{"KNEAD_CATALOG": "d3"}, "check",
			&checkOptions{Paths: []string{"x"}}, Global{Catalogs: []string{"d1", "d2"}, LogLevel: "debug"}},
		{[]string{"areas"}, map[string]string{"KNEAD_CATALOG": "d1" + string(os.PathListSeparator) + "d2", "KNEAD_LOG_LEVEL": "info"}, "areas",
			&areasOptions{}, Global{Catalogs: []string{"d1", "d2"}, LogLevel: "info"}},
		{[]string{"help", "list"}, nil, "help", &helpOptions{Topic: "list"}, Global{LogLevel: "warn"}},
		{[]string{"list", "-h"}, nil, "list", &listOptions{}, Global{LogLevel: "warn", Help: true}},
	}
	for _, tt := range tests {
		inv, err := Parse(tt.args, func(k string) string { return tt.env[k] })
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.args, err)
			continue
		}
		if inv.Command == nil || inv.Command.Name != tt.cmd {
			t.Errorf("Parse(%q): command %v, want %s", tt.args, inv.Command, tt.cmd)
			continue
		}
		if d := cmp.Diff(tt.opts, inv.Options); d != "" {
			t.Errorf("Parse(%q) options (-want +got):\n%s", tt.args, d)
		}
		if d := cmp.Diff(tt.global, inv.Global); d != "" {
			t.Errorf("Parse(%q) global flags (-want +got):\n%s", tt.args, d)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		args  []string
		env   map[string]string
		usage bool // a UsageError; else an InputError
		msg   string
	}{
		{[]string{"show", "--jsno", "x"}, nil, true, "unknown flag --jsno (did you mean --json?)"},
		{[]string{"show", "x", "--width"}, nil, true, "flag --width needs a value"},
		{[]string{"show"}, nil, true, "show needs the id of a technique ('knead list' lists them)"},
		{[]string{"lsit"}, nil, true, `unknown command "lsit" (did you mean "list"?)`},
		{[]string{"show", "x", "--width", "many"}, nil, false, `invalid value "many" for --width: expected a whole number`},
		{[]string{"show", "x"}, map[string]string{"KNEAD_WIDTH": "many"}, false, `invalid value "many" in KNEAD_WIDTH (the twin of --width): expected a whole number`},
		{[]string{"list"}, map[string]string{"KNEAD_LOG_LEVEL": "chatty"}, false, `invalid --log-level "chatty": expected one of debug, info, warn, error`},
		{[]string{"list", "--area", "elbows"}, nil, false, `unknown area "elbows" ('knead areas' lists them all)`},
	}
	for _, tt := range tests {
		_, err := Parse(tt.args, func(k string) string { return tt.env[k] })
		var u *UsageError
		var in *InputError
		switch {
		case err == nil:
			t.Errorf("Parse(%q): no error, want %q", tt.args, tt.msg)
			continue
		case tt.usage && !errors.As(err, &u):
			t.Errorf("Parse(%q): %T %v, want a UsageError", tt.args, err, err)
		case !tt.usage && !errors.As(err, &in):
			t.Errorf("Parse(%q): %T %v, want an InputError", tt.args, err, err)
		}
		if err.Error() != tt.msg {
			t.Errorf("Parse(%q):\n got %s\nwant %s", tt.args, err, tt.msg)
		}
	}
}

// TestHelpForEveryCommand checks that `knead help X`, `knead X --help` and
// `knead X -h` agree, and that the help names every flag.
func TestHelpForEveryCommand(t *testing.T) {
	overview := run(t, nil, "help")
	for _, name := range commandNames() {
		c := commands[name]
		want := run(t, nil, "help", name)
		if want.code != 0 || !strings.Contains(want.out, "Usage: knead "+name) {
			t.Errorf("knead help %s: exit %d\n%s%s", name, want.code, want.out, want.err)
		}
		for _, args := range [][]string{{name, "--help"}, {name, "-h"}, {name, "extra", "--help"}, {"--help", name}} {
			if got := run(t, nil, args...); got != want {
				t.Errorf("knead %q differs from knead help %s:\n%s", args, name, cmp.Diff(want, got, cmp.AllowUnexported(result{})))
			}
		}
		fs := newFlagSet(name)
		c.New().Flags(fs)
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(want.out, "--"+f.Name) {
				t.Errorf("knead help %s does not mention --%s", name, f.Name)
			}
		})
		if !strings.Contains(overview.out, "  "+name+" ") || !strings.Contains(overview.out, c.Summary) {
			t.Errorf("knead help does not list %s with its summary", name)
		}
		for _, l := range strings.Split(want.out, "\n") {
			if len([]rune(l)) > helpWidth {
				t.Errorf("knead help %s: line wider than %d: %q", name, helpWidth, l)
			}
		}
	}
}

// TestCheckBrokenFiles checks the exact positions `knead check` prints,
// one problem a line on stdout, and exit status 1.
func TestCheckBrokenFiles(t *testing.T) {
	r := run(t, nil, "check", "testdata/broken")
	if r.code != 1 {
		t.Fatalf("check testdata/broken: exit %d, want 1\n%s%s", r.code, r.out, r.err)
	}
	want := []struct{ at, says string }{
		{"testdata/broken/prep.yaml:4:11:", `"chore"`},
		{"testdata/broken/prep.yaml:7:5:", `"colour"`},
		{"testdata/broken/steps.yaml:10:17:", `"slide"`},
		{"testdata/broken/steps.yaml:11:15:", `"up"`},
		{"testdata/broken/steps.yaml:12:17:", "least (6) is above most (2)"},
	}
	lines := strings.Split(strings.TrimSuffix(r.out, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("check printed %d lines, want %d:\n%s", len(lines), len(want), r.out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w.at+" ") || !strings.Contains(lines[i], w.says) {
			t.Errorf("line %d:\n got %s\nwant %s … %s …", i+1, lines[i], w.at, w.says)
		}
	}
	if r.err != "knead check: 5 problems in 2 files\n" {
		t.Errorf("stderr: %q", r.err)
	}
}

// TestGolden compares whole outputs with the files in testdata/golden;
// go test ./cli -update rewrites them.
func TestGolden(t *testing.T) {
	tests := []struct {
		file string
		args []string
	}{
		{"list.txt", []string{"list"}},
		{"list-width-60.txt", []string{"list", "--width", "60"}},
		{"list-back.json", []string{"list", "--area", "back", "--json"}},
		{"show-scalp-petrissage.txt", []string{"show", "scalp-petrissage"}},
		{"show-scalp-petrissage.json", []string{"show", "scalp-petrissage", "--json"}},
		{"show-back-circling-hands.txt", []string{"show", "back-circling-hands"}},
		{"show-back-circling-hands.json", []string{"show", "back-circling-hands", "--json"}},
		{"show-test-calf-ladder.txt", []string{"show", "test-calf-ladder", "--catalog", testCatalog}},
		{"show-test-calf-ladder.json", []string{"show", "test-calf-ladder", "--catalog", testCatalog, "--json"}},
		{"show-test-calf-ladder-40.txt", []string{"show", "test-calf-ladder", "--catalog", testCatalog, "--width", "40"}},
		{"show-test-sit-tall.txt", []string{"show", "test-sit-tall", "--catalog", testCatalog}},
		{"areas.txt", []string{"areas"}},
		{"export-back-raking-2hz.csv", []string{"export", "--technique", "back-raking", "--rate", "2"}},
		{"export-back-raking-2hz-2d.jsonl", []string{"export", "--technique", "back-raking", "--rate", "2", "--format", "jsonl", "--columns", "2d"}},
		{"export-scalp-tapping-2hz.ros2.json", []string{"export", "--technique", "scalp-tapping", "--rate", "2", "--format", "ros2-json"}},
		{"export-body.urdf", []string{"export", "--format", "urdf"}},
		{"export-body-slim-1.62.urdf", []string{"export", "--format", "urdf", "--height", "1.62", "--build", "slim"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := run(t, nil, tt.args...)
			if r.code != 0 || r.err != "" {
				t.Fatalf("knead %q: exit %d\n%s", tt.args, r.code, r.err)
			}
			path := filepath.Join("testdata", "golden", tt.file)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(r.out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./cli -update to write it)", err)
			}
			if d := cmp.Diff(string(want), r.out); d != "" {
				t.Errorf("knead %q differs from %s (-want +got; go test ./cli -update rewrites it):\n%s", tt.args, path, d)
			}
		})
	}
}
