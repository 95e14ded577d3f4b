package cli

import (
	"strings"
	"testing"
)

// A folder given both as a --catalog folder and as the path to check is
// loaded twice; each of its problems is still said once.
func TestCheckSaysEachProblemOnce(t *testing.T) {
	dir := t.TempDir()
	r := run(t, nil, "check", "--catalog", dir, dir)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", r.code, r.err)
	}
	if n := strings.Count(r.out, "no .yaml files in this folder"); n != 1 {
		t.Errorf("the empty folder is reported %d times, want once:\n%s", n, r.out)
	}
	if !strings.Contains(r.err, "1 problem in 1 file") {
		t.Errorf("stderr %q, want 1 problem in 1 file", r.err)
	}
}
