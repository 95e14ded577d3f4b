package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// shSpeaker makes a speaker whose program appends each text to a file,
// after running pause first.
func shSpeaker(t *testing.T, pause string) (*CommandSpeaker, string) {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh on this machine")
	}
	out := filepath.Join(t.TempDir(), "said.txt")
	script := pause + `; printf '%s\n' "$1" >> "` + out + `"`
	return NewCommandSpeaker([]string{"sh", "-c", script, "speaker"}, nil), out
}

// waitFor waits until the file holds n lines, for a few seconds at most.
func waitFor(t *testing.T, path string, n int) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, _ := os.ReadFile(path)
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(b) > 0 && len(lines) >= n {
			return lines
		}
		if time.Now().After(deadline) {
			t.Fatalf("the speech program said %q, want %d lines", b, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestCommandSpeakerSaysInOrder(t *testing.T) {
	sp, out := shSpeaker(t, "true")
	defer sp.Close()
	for _, s := range []string{"Glide up.", "Halfway.", "Ten seconds left."} {
		sp.Say(s) // returns at once: the program runs in the background
	}
	got := waitFor(t, out, 3)
	want := []string{"Glide up.", "Halfway.", "Ten seconds left."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("said %q, want %q", got, want)
	}
}

func TestCommandSpeakerHush(t *testing.T) {
	sp, out := shSpeaker(t, "sleep 30")
	sp.Say("cut short")
	sp.Say("dropped")
	time.Sleep(50 * time.Millisecond)
	sp.Hush()
	sp.Close() // returns once the program is stopped, long before 30 s
	if b, _ := os.ReadFile(out); len(b) != 0 {
		t.Errorf("hushed speech was said: %q", b)
	}
	sp.Say("after close") // must not block or panic
}

func TestCommandSpeakerMissingProgram(t *testing.T) {
	sp := NewCommandSpeaker([]string{filepath.Join(t.TempDir(), "no-such-program")}, nil)
	sp.Say("nothing happens")
	sp.Close()
}
