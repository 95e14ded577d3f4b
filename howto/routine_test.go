package howto

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

func builtin(t testing.TB) *massage.Catalog {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatalf("the built-in catalog does not load: %v", err)
	}
	return cat
}

// corpusTexts lists the how-to texts under testdata/corpus and
// testdata/heldout, and the seed texts when ../shared/seeds is there.
func corpusTexts(t testing.TB, seeds bool) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"testdata/corpus", "testdata/heldout", "testdata/heldout2", "testdata/heldout3", "testdata/heldout4", "testdata/heldout5"} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if isText(e.Name()) {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	if seeds {
		if ents, err := os.ReadDir(seedDir); err == nil {
			for _, e := range ents {
				if isText(e.Name()) {
					files = append(files, filepath.Join(seedDir, e.Name()))
				}
			}
		}
	}
	return files
}

const seedDir = "../../shared/seeds"

// Every text imports to a routine file that the catalog's checker accepts.
func TestRoutineFilesCheck(t *testing.T) {
	cat := builtin(t)
	for _, f := range corpusTexts(t, true) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Import(src, Options{Name: f, Catalog: cat})
			if err != nil {
				t.Fatal(err)
			}
			data, err := RoutineFile(res, cat)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "routine.yaml")
			if err := os.WriteFile(out, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if errs := catalog.Check(nil, []string{out}); errs != nil {
				t.Fatalf("knead check rejects the imported routine:\n%v\n--- file:\n%s", errs, data)
			}
			rt, err := catalog.ParseRoutine(cat, out, data)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, it := range rt.Items {
				for _, s := range it.Steps {
					n++
					if !strings.Contains(res.Steps[n-1].Text, strings.TrimSuffix(s.Say, "…")) {
						t.Errorf("step %d says %q, not the author's sentence %q", n, s.Say, res.Steps[n-1].Text)
					}
				}
			}
			if n != len(res.Steps) {
				t.Errorf("the routine has %d steps, the import found %d", n, len(res.Steps))
			}
		})
	}
}
