package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/howto"
)

const corpus = "../howto/testdata/corpus"

// runIn runs knead with stdin.
func runIn(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	s := Streams{In: strings.NewReader(stdin), Out: &out, Err: &errb, Getenv: func(string) string { return "" }}
	code := Main(context.Background(), args, s)
	return result{code, out.String(), errb.String()}
}

func TestImportOptions(t *testing.T) {
	tests := []struct {
		args []string
		want importOptions
		err  string
	}{
		{args: []string{"a.txt"}, want: importOptions{File: "a.txt"}},
		{args: []string{"-", "--json"}, want: importOptions{File: "-", JSON: true}},
		{args: []string{"--out", "r.yaml", "--force", "a.md"}, want: importOptions{File: "a.md", Out: "r.yaml", Force: true}},
		{args: []string{"--eval", "dir", "--labels", "lab"}, want: importOptions{Eval: "dir", Labels: "lab"}},
		{args: nil, err: "needs a text to read"},
		{args: []string{"a", "b"}, err: "one text at a time"},
		{args: []string{"--eval", "dir", "a.txt"}, err: "takes no FILE"},
		{args: []string{"--labels", "lab", "a.txt"}, err: "--labels goes with --eval"},
		{args: []string{"--eval", "dir", "--out", "x"}, err: "writes no routine"},
	}
	for _, tt := range tests {
		inv, err := Parse(append([]string{"import"}, tt.args...), nil)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want %q", tt.args, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.args, err)
			continue
		}
		if diff := cmp.Diff(&tt.want, inv.Options.(*importOptions)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.args, diff)
		}
	}
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	noSteps := filepath.Join(dir, "story.txt")
	os.WriteFile(noSteps, []byte("We went to the beach. The sea was calm and the sand was warm.\n"), 0o644)
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, bytes.Repeat([]byte("Rub the neck. "), 80000), 0o644)
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		out   []string
		err   []string
	}{
		{name: "a web page", args: []string{"import", corpus + "/ear-massage.html"}, code: 0,
			out: []string{"routine:", "sources:", "- id: ear-massage.html", "say: Take the top of each ear"},
			err: []string{"Understood 5 steps for a partner", "line 17:", "like step 1 of ear-rub", "Left out as page furniture", "image and caption", "reader comments"}},
		{name: "standard input", stdin: "Knead your calves slowly for a minute.\nRepeat on the other leg.", args: []string{"import", "-"}, code: 0,
			out: []string{"routine:", "motion: knead"}, err: []string{"from standard input"}},
		{name: "no instructions", args: []string{"import", noSteps}, code: 1, err: []string{"found no hands-on massage instructions"}},
		{name: "too large", args: []string{"import", big}, code: 1, err: []string{"over the limit of 1048576 bytes"}},
		{name: "too large on stdin", stdin: strings.Repeat("Rub the neck. ", 80000), args: []string{"import", "-"}, code: 1, err: []string{"standard input", "over the limit"}},
		{name: "no such file", args: []string{"import", filepath.Join(dir, "nope.txt")}, code: 1, err: []string{"no such file"}},
		{name: "a folder", args: []string{"import", dir}, code: 1, err: []string{"is a folder"}},
		{name: "no argument", args: []string{"import"}, code: 2, err: []string{"needs a text"}},
		{name: "eval", args: []string{"import", "--eval", corpus}, code: 0, out: []string{"precision", "steps", "warnings", "preparation", "claims", "face-evening.md"}},
		{name: "eval of nothing", args: []string{"import", "--eval", dir}, code: 1, err: []string{"no texts with labels"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runIn(t, tt.stdin, tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.code, r.out, r.err)
			}
			for _, s := range tt.out {
				if !strings.Contains(r.out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, r.out)
				}
			}
			for _, s := range tt.err {
				if !strings.Contains(r.err, s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.err)
				}
			}
		})
	}
}

// The routine that import writes is one that check accepts.
func TestImportThenCheck(t *testing.T) {
	out := filepath.Join(t.TempDir(), "calves.yaml")
	r := runIn(t, "", "import", "--out", out, corpus+"/calves-partner.txt")
	if r.code != 0 || r.out != "" || !strings.Contains(r.err, "The routine is in "+out) {
		t.Fatalf("import: exit %d, stdout %q, stderr %s", r.code, r.out, r.err)
	}
	if c := runIn(t, "", "check", out); c.code != 0 {
		t.Fatalf("check of the imported routine: exit %d\n%s%s", c.code, c.out, c.err)
	}
	// An existing file is kept unless --force.
	before, _ := os.ReadFile(out)
	if r := runIn(t, "", "import", "--out", out, corpus+"/neck-desk.md"); r.code != 1 || !strings.Contains(r.err, "exists") {
		t.Fatalf("overwrite without --force: exit %d, %s", r.code, r.err)
	}
	if after, _ := os.ReadFile(out); !bytes.Equal(before, after) {
		t.Fatal("the file changed though the import was refused")
	}
	if r := runIn(t, "", "import", "--out", out, "--force", corpus+"/neck-desk.md"); r.code != 0 {
		t.Fatalf("overwrite with --force: exit %d, %s", r.code, r.err)
	}
}

// The held-out texts were written and labelled before the importer's rules
// saw them (two batches in heldout, a third in heldout2); steps and
// warnings found in them must stay at 0.9 precision and recall or better,
// so a rule that helps one text and breaks others shows.
func TestImportEvalHeldOut(t *testing.T) {
	for _, dir := range []string{"../howto/testdata/heldout", "../howto/testdata/heldout2"} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r := runIn(t, "", "import", "--eval", dir, "--json")
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.err)
			}
			var ev howto.Evaluation
			if err := json.Unmarshal([]byte(r.out), &ev); err != nil {
				t.Fatalf("not an evaluation: %v\n%s", err, r.out)
			}
			if len(ev.Texts) < 8 || len(ev.Unlabeled) > 0 {
				t.Fatalf("scored %d texts, %v unlabelled; want at least 8, all labelled", len(ev.Texts), ev.Unlabeled)
			}
			for _, s := range ev.Total {
				if s.Field != "steps" && s.Field != "warnings" {
					continue
				}
				if s.Precision < 0.9 || s.Recall < 0.9 {
					t.Errorf("%s on %s: precision %.2f, recall %.2f; want both at least 0.90", s.Field, dir, s.Precision, s.Recall)
					for _, ts := range ev.Texts {
						for _, m := range append(ts.Missed, ts.Extra...) {
							t.Logf("%s: %s", ts.File, m)
						}
					}
				}
			}
		})
	}
}

func TestImportJSON(t *testing.T) {
	r := runIn(t, "", "import", "--json", corpus+"/jaw-release.txt")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(r.out), &got); err != nil {
		t.Fatalf("not one JSON value: %v\n%s", err, r.out)
	}
	for _, k := range []string{"steps", "prep", "warnings", "claims", "mode", "unsure", "routine"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no %q in the JSON", k)
		}
	}
	steps := got["steps"].([]any)
	first := steps[0].(map[string]any)
	for _, k := range []string{"text", "area", "landmarks", "hands", "motion", "direction", "pressure", "repeat", "seconds", "side", "technique"} {
		if _, ok := first[k]; !ok {
			t.Errorf("no %q in a step", k)
		}
	}
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := catalog.ParseRoutine(cat, "routine", []byte(got["routine"].(string))); err != nil {
		t.Errorf("the routine in the JSON does not read back: %v", err)
	}
	// With no instructions, --json still prints what was found, and exits 1.
	r = runIn(t, "A calm day at the beach.", "import", "--json", "-")
	if r.code != 1 || !json.Valid([]byte(r.out)) {
		t.Errorf("no instructions with --json: exit %d, stdout %q", r.code, r.out)
	}
}

// A PDF or other binary input is refused clearly, with exit status 1 and
// nothing on standard output, from a file and from standard input.
func TestImportRefusesBinary(t *testing.T) {
	pdf := filepath.Join(t.TempDir(), "article.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runIn(t, "", "import", pdf)
	if r.code != 1 || r.out != "" || !strings.Contains(r.err, "article.pdf: this is a PDF") || !strings.Contains(r.err, "pdftotext") {
		t.Errorf("PDF: code %d, out %q, err %q", r.code, r.out, r.err)
	}
	r = runIn(t, "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "import", "-", "--json")
	if r.code != 1 || r.out != "" || !strings.Contains(r.err, "this is a PNG image") {
		t.Errorf("PNG on stdin: code %d, out %q, err %q", r.code, r.out, r.err)
	}
}
