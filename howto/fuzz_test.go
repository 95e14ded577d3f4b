package howto

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
)

// FuzzImport feeds the importer any bytes: it must not panic, must keep to
// its size limit, must never let markup through, and whatever it finds
// must make a routine file that the catalog reads back.
func FuzzImport(f *testing.F) {
	for _, p := range corpusTexts(f, false) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "<", "<<>>", "<p", "<!--", "<script>", "<li><li><li>", "&lt;b&gt;", "1.", "Step", "Step 1:",
		"**", "*a*b**c", "[x](", "![", "# ", "===", "Rub.", "Rub the neck 4-5 times for 5-15 seconds.",
		"Repeat 99999999999999999999 times.", "Hold for 1e9 minutes.", "x 4 x 4 x", "…", "\xff\xfe",
		"<div class=\"comments\"><p>Rub the neck.</p>", "Cup the chin. Cup the chin. Cup the chin.",
		"Place your hands.\n\nPlace your hands.\n\nRub.", strings.Repeat("Rub the calf in circles. ", 50),
		"[ ] Thumbs. Arch. 10 circles.\n- [x] Heel → toes, 5×", "0:00\nand rub the palm\n0:04\ntwice per finger",
		"| 1 | Wrist circles | Trace circles around the wrist. | 20 s |", "<tr><th>#</th></tr><tr><td>1</td><td>x</td></tr>",
		"Stroke the forehead, then make circles on the cheeks, then rest.", strings.Repeat(", then knead the calf", 100),
		"step,where,what to do,notes\n1,sole,\"Roll the ball, heel to toe\",1 min\n2,arch,\"Press \"\"hard\"\"\nthen ease\",\n,,,",
		"a,b,c\n\"x,y\n1,2,3", strings.Repeat("a,b,c\n", 40),
		"[list=1][*]Wrap the ankle.[*][b]Knead[/b] the calf.[/list]", "[quote=\"a\"][quote]x[/quote][/list][*][*]",
		"[url]http://x[/url][img][/img][list=a]\n[*]\n[/list][/list][/list]", strings.Repeat("[*]", 200),
		"** ** walk your thumbs up the calf slowly.", "__ __ rub the neck", "* *knead*",
	} {
		f.Add([]byte(s))
	}
	cat, err := catalog.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Import(data, Options{Name: "fuzz.txt", Catalog: cat, MaxBytes: 64 << 10})
		var none *NoInstructionsError
		var big *TooLargeError
		var bin *BinaryError
		switch {
		case errors.As(err, &bin):
			if res != nil {
				t.Fatal("a binary input gave a result")
			}
			return
		case errors.As(err, &big):
			if len(data) <= 64<<10 {
				t.Fatalf("%d bytes called too large", len(data))
			}
			return
		case errors.As(err, &none):
			if res == nil || len(res.Steps) != 0 {
				t.Fatal("no instructions, yet steps")
			}
			return
		case err != nil:
			t.Fatalf("unexpected error %v", err)
		}
		out, _ := json.Marshal(res)
		if strings.ContainsAny(string(out), "<>") || strings.Contains(string(out), `\u003c`) {
			t.Fatalf("markup in the result: %s", out)
		}
		for _, s := range res.Steps {
			if s.Text == "" || s.Motion == "" {
				t.Fatalf("step %d has no text or no motion: %+v", s.N, s)
			}
		}
		file, err := RoutineFile(res, cat)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := catalog.ParseRoutine(cat, "fuzz.yaml", file); err != nil {
			t.Fatalf("the routine does not read back: %v\n%s", err, file)
		}
	})
}
