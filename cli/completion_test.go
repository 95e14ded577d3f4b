package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestComplete(t *testing.T) {
	tests := []struct {
		words []string
		want  []string // all of these, in order, among the answers
		none  []string // none of these
		empty bool     // nothing: the shell completes a file
	}{
		{words: []string{""}, want: []string{"areas", "check", "completion", "draw"}, none: []string{completeCmd}},
		{words: []string{"pl"}, want: []string{"plan", "play"}},
		{words: []string{"show", "scalp-p"}, want: []string{"scalp-petrissage"}},
		{words: []string{"show", "foot-s"}, want: []string{"foot-soak", "foot-squeeze"}},
		{words: []string{"draw", "foot-s"}, want: []string{"foot-squeeze"}, none: []string{"foot-soak"}},
		{words: []string{"draw", "./mine"}, empty: true},
		{words: []string{"plan", "--ar"}, want: []string{"--area"}},
		{words: []string{"plan", "--json", "--area", "back,sc"}, want: []string{"back,scalp"}},
		{words: []string{"plan", "--area=ba"}, want: []string{"--area=back"}},
		{words: []string{"plan", "--condition", "infl"}, want: []string{"inflamed-joint:"}},
		{words: []string{"plan", "--condition", "inflamed-joint:an"}, want: []string{"inflamed-joint:ankle"}},
		{words: []string{"plan", "--condition", "wound:fe"}, want: []string{"wound:feet"}},
		{words: []string{"plan", "--mode", ""}, want: []string{"self", "partner", "both"}},
		{words: []string{"export", "--format", ""}, want: []string{"csv", "jsonl", "ros2-json", "urdf"}},
		{words: []string{"export", "--technique", "toe-r"}, want: []string{"toe-rotation"}},
		{words: []string{"--log-level", "d"}, want: []string{"debug"}},
		{words: []string{"--catalog", "/tmp", "sh"}, want: []string{"show"}},
		{words: []string{"check", ""}, empty: true},
		{words: []string{"plan", "--out", ""}, empty: true},
		{words: []string{"help", "dr"}, want: []string{"draw"}},
		{words: []string{"completion", ""}, want: []string{"bash", "zsh", "fish"}},
		{words: []string{"nosuch", ""}, empty: true},
	}
	for _, tt := range tests {
		r := run(t, nil, append([]string{completeCmd, "--"}, tt.words...)...)
		if r.code != 0 {
			t.Errorf("%q: exit %d: %s", tt.words, r.code, r.err)
			continue
		}
		got := strings.Fields(r.out)
		if tt.empty {
			if len(got) != 0 {
				t.Errorf("%q: got %q, want nothing (a file name)", tt.words, got)
			}
			continue
		}
		var in []string
		for _, g := range got {
			for _, w := range tt.want {
				if g == w {
					in = append(in, g)
				}
			}
		}
		if diff := cmp.Diff(tt.want, in); diff != "" {
			t.Errorf("%q: answers %q lack some of %q (-want +got):\n%s", tt.words, got, tt.want, diff)
		}
		for _, g := range got {
			for _, n := range tt.none {
				if g == n {
					t.Errorf("%q: %q should not be offered", tt.words, n)
				}
			}
		}
	}
}

func TestCompletionScripts(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish"} {
		r := run(t, nil, "completion", sh)
		if r.code != 0 || !strings.Contains(r.out, "knead __complete --") {
			t.Errorf("completion %s: exit %d, script %q", sh, r.code, r.out)
			continue
		}
		// The shell itself checks the script's syntax, where it is installed.
		bin, err := exec.LookPath(sh)
		if err != nil {
			t.Logf("%s is not installed: its script's syntax is not checked", sh)
			continue
		}
		f := filepath.Join(t.TempDir(), "knead."+sh)
		os.WriteFile(f, []byte(r.out), 0o644)
		if out, err := exec.Command(bin, "-n", f).CombinedOutput(); err != nil {
			t.Errorf("%s -n rejects the script: %v\n%s", sh, err, out)
		}
	}
	if r := run(t, nil, "completion", "bsh"); r.code != 1 || !strings.Contains(r.err, "bash") {
		t.Errorf("completion bsh: exit %d, %q", r.code, r.err)
	}
	if r := run(t, nil, "help"); strings.Contains(r.out, completeCmd) {
		t.Errorf("knead help lists the hidden %s command", completeCmd)
	}
}

// TestBashCompletes loads the bash script in a real bash and completes a
// condition's joint, which bash splits at the colon.
func TestBashCompletes(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	exe, err := os.Executable() // this test binary stands in for knead
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	shim := filepath.Join(dir, "knead")
	os.WriteFile(shim, []byte("#!/bin/sh\nKNEAD_TEST_MAIN=1 exec "+exe+" \"$@\"\n"), 0o755)
	script := run(t, nil, "completion", "bash").out
	cmd := exec.Command(bash, "-c", script+`
COMP_LINE="knead plan --condition inflamed-joint:an"; COMP_POINT=${#COMP_LINE}
COMP_WORDS=(knead plan --condition inflamed-joint : an); COMP_CWORD=5
_knead; echo "${COMPREPLY[*]}"`)
	cmd.Env = append(os.Environ(), "PATH="+dir+":"+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "ankle" {
		t.Errorf("bash completed %q (%v), want ankle", out, err)
	}
}

// TestMain lets the test binary stand in for knead itself (with
// KNEAD_TEST_MAIN=1), for tests that run a shell script calling knead.
func TestMain(m *testing.M) {
	if os.Getenv("KNEAD_TEST_MAIN") == "1" {
		os.Exit(Main(context.Background(), os.Args[1:], System()))
	}
	// No test may read or write the person's own data: the default database
	// and the speech cache live in a folder of the test run's own.
	home, err := os.MkdirTemp("", "knead-cli-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	os.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
	code := m.Run()
	os.RemoveAll(home)
	os.Exit(code)
}
