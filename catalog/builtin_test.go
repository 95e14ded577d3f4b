package catalog_test

import (
	"os"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
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

// Every condition kind has a rule in the built-in files, every rule cites a
// source with a web address, and every question's choices name known rules.
func TestConditionRules(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range massage.ConditionKinds.IDs() {
		r := cat.ConditionRule(kind)
		if r == nil {
			t.Errorf("condition %s has no rule in catalog/data", kind)
			continue
		}
		if r.Why == "" || r.Outcome == "" || len(r.Sources) == 0 {
			t.Errorf("condition %s: rule %+v needs why, outcome and sources", kind, r)
		}
		web := false
		for _, s := range r.Sources {
			web = web || cat.Source(s) != nil && cat.Source(s).Address != ""
		}
		if !web && r.ID != "unhealthy-scalp" && r.ID != "sensitive" {
			t.Errorf("condition %s cites no source with a web address", kind)
		}
	}
	if len(cat.Questions) < 5 {
		t.Errorf("only %d screen questions", len(cat.Questions))
	}
}

// A condition rule without a source is refused, with its position.
func TestConditionNeedsSource(t *testing.T) {
	dir := t.TempDir()
	f := dir + "/mine.yaml"
	body := "conditions:\n  - id: fever\n    name: Fever\n    outcome: stop\n    why: Rest.\n"
	if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	errs := catalog.Check(nil, []string{f})
	found := false
	for _, e := range errs {
		found = found || e.Line == 2 && strings.Contains(e.Msg, "sources")
	}
	if !found {
		t.Fatalf("want a missing-sources error at line 2, got %v", errs)
	}
	body = "conditions:\n  - id: fevr\n    name: Fever\n    outcome: halt\n    why: Rest.\n    sources: [knead]\n"
	if err := os.WriteFile(f, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	got := catalog.Check(nil, []string{f}).Error()
	for _, want := range []string{`mine.yaml:2:`, `unknown condition "fevr"`, `mine.yaml:4:`, `unknown outcome "halt"`, `mine.yaml:6:`, `a source other than Knead's own`} {
		if !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	}
}
