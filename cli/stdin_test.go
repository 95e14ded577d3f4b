package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
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
	if e.code != 0 || !strings.HasPrefix(e.out, "# knead trajectory") || !strings.Contains(e.out, "\nt,x,y,force_n,hand,region,chart,contact,px,py,pz,qx,qy,qz,qw\n0.0,") {
		t.Errorf("export -: exit %d\n%.200s\n%s", e.code, e.out, e.err)
	}
	eb := runIn(t, "routine: [", "export", "-")
	if eb.code != 1 || !strings.Contains(eb.err, "<stdin>:") {
		t.Errorf("export - of broken YAML: exit %d, stderr %q", eb.code, eb.err)
	}
}

// check with several files answers for each in the order given: its
// problems, or "ok".
func TestCheckSeveralInOrder(t *testing.T) {
	dir := t.TempDir()
	good := dir + "/b-good.yaml"
	bad := dir + "/a-bad.yaml"
	writeFile(t, good, "routine:\n  id: r\n  name: R\n  items:\n    - technique: back-raking\n      seconds: 60\n")
	writeFile(t, bad, "routine:\n  id: s\n  name: S\n  items:\n    - technique: nope\n")
	r := run(t, nil, "check", good, bad)
	want := good + ": ok\n" + bad + ":5:18: routine s item 1: unknown technique \"nope\""
	if r.code != 1 || !strings.HasPrefix(r.out, want) {
		t.Fatalf("exit %d, stdout:\n%s\nwant it to start:\n%s", r.code, r.out, want)
	}
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// import --out - writes the routine to standard output, not to a file
// called "-".
func TestImportOutDash(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	text := "Foot rub\n\n1. Rub the sole of the foot with your thumbs in small circles, five times.\n2. Squeeze each toe gently.\n"
	r := runIn(t, text, "import", "-", "--out", "-")
	if r.code != 0 || !strings.Contains(r.out, "routine:") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.out, r.err)
	}
	if _, err := os.Stat(dir + "/-"); err == nil {
		t.Fatal(`import --out - made a file called "-"`)
	}
}

// Standard input past the size Knead reads is refused with a clear message.
func TestStdinTooLarge(t *testing.T) {
	big := strings.Repeat("# x\n", catalog.MaxFileSize/4+1)
	for _, cmd := range []string{"check", "export"} {
		r := runIn(t, big, cmd, "-")
		if r.code != 1 || !strings.Contains(r.err, "standard input is over") {
			t.Errorf("%s -: exit %d, stderr %q", cmd, r.code, r.err)
		}
	}
}
