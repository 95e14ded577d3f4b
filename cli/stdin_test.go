package cli

import (
	"strings"
	"testing"
)

// "-" is standard input for check and export, and --out - sends plan's
// routine to standard output, so the three make a pipe.
func TestStandardStreams(t *testing.T) {
	r := run(t, nil, "plan", "--area", "back", "--minutes", "10", "--mode", "partner", "--out", "-")
	if r.code != 0 || !strings.HasPrefix(r.out, "# A Knead routine") || strings.Contains(r.out, "BEFORE YOU START") {
		t.Fatalf("plan --out -: exit %d, stdout should hold the routine alone:\n%.300s\nstderr: %s", r.code, r.out, r.err)
	}
	routine := r.out

	c := runIn(t, routine, "check", "-")
	if c.code != 0 || c.out != "-: ok\n" {
		t.Errorf("check - of a planned routine: exit %d\n%s%s", c.code, c.out, c.err)
	}
	bad := runIn(t, "routine:\n  id: x\n  name: X\n  items:\n    - technique: nope\n", "check", "-")
	if bad.code != 1 || !strings.HasPrefix(bad.out, "<stdin>:5:18: routine x item 1: unknown technique \"nope\"") {
		t.Errorf("check - of a broken routine: exit %d\n%s%s", bad.code, bad.out, bad.err)
	}

	e := runIn(t, routine, "export", "-", "--format", "csv", "--rate", "10")
	if e.code != 0 || !strings.HasPrefix(e.out, "t,x,y,force_n,hand,region\n0.0,") {
		t.Errorf("export -: exit %d\n%.200s\n%s", e.code, e.out, e.err)
	}
	eb := runIn(t, "routine: [", "export", "-")
	if eb.code != 1 || !strings.Contains(eb.err, "<stdin>:") {
		t.Errorf("export - of broken YAML: exit %d, stderr %q", eb.code, eb.err)
	}
}
