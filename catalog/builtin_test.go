package catalog_test

import (
	"os"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
)

// The embedded catalog loads without a single problem.
func TestBuiltinLoads(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatalf("built-in catalog:\n%v", err)
	}
	if len(cat.Techniques) == 0 {
		t.Fatal("built-in catalog has no techniques")
	}
}

// Checking the built-in files on disk (as someone editing them does) finds
// no problem: they stand in for their embedded copies.
func TestCheckBuiltinFolder(t *testing.T) {
	if errs := catalog.Check(nil, []string{"data"}); errs != nil {
		t.Fatalf("checking catalog/data:\n%v", errs)
	}
	if errs := catalog.Check(nil, []string{"data/001-back.yaml"}); errs != nil {
		t.Fatalf("checking one built-in file:\n%v", errs)
	}
}

// A user file that redefines a built-in id is still a duplicate.
func TestCheckDuplicateOfBuiltin(t *testing.T) {
	dir := t.TempDir()
	f := dir + "/mine.yaml"
	body := "techniques:\n  - id: back-raking\n    name: Mine\n    areas: [upper-back]\n    mode: both\n    family: light-stroking\n    phases: [warm-up]\n    steps:\n      - say: Rake.\n        motion: rake\n"
	if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	errs := catalog.Check(nil, []string{f})
	if len(errs) != 1 || errs[0].Line != 2 || !strings.Contains(errs[0].Msg, `duplicate technique id "back-raking"`) {
		t.Fatalf("got %v", errs)
	}
}
