package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knead/knead/store"
)

// People are added, planned for from their own history, and deleted for
// good; without --for the plan is the same as ever.
func TestPeopleAndPlanFor(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	if r := run(t, nil, "people", "add", "Sam", "--db", db); r.code != 0 || !strings.Contains(r.out, "Added Sam (id sam)") {
		t.Fatalf("people add: %d %s %s", r.code, r.out, r.err)
	}
	if r := run(t, nil, "people", "add", "sam", "--db", db); r.code != 1 || !strings.Contains(r.err, "already kept") {
		t.Errorf("a second Sam: %d %s", r.code, r.err)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range []string{"a", "b"} {
		x := &store.Session{ID: id, Person: "sam", Title: "Back", Request: []byte(`{}`), Plan: []byte(`{}`), Script: []byte(`{}`), Total: 600}
		if err := st.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
		for _, f := range []store.Feedback{{Key: "l", Kind: store.Lighter, Area: "lower-back", Technique: "back-petrissage"}, {Key: "d", Kind: store.Down, Area: "upper-back", Technique: "back-raking"}} {
			if _, err := st.AddFeedback(ctx, id, f); err != nil {
				t.Fatal(i, err)
			}
		}
	}
	st.Close()
	args := []string{"plan", "--area", "back", "--minutes", "20", "--mode", "partner"}
	plain := run(t, nil, args...)
	r := run(t, nil, append(args, "--for", "Sam", "--db", db, "--explain")...)
	if r.code != 0 || !strings.Contains(r.out, "Lighter on the lower back: you asked for lighter twice there.") ||
		!strings.Contains(r.out, "Left out after two thumbs-down: Raking") {
		t.Errorf("plan --for Sam --explain: %d\n%s%s", r.code, r.out, r.err)
	}
	if again := run(t, nil, args...); again.out != plain.out {
		t.Error("without --for the plan changed")
	}
	if r := run(t, nil, append(args, "--for", "Alex", "--db", db)...); r.code != 1 || !strings.Contains(r.err, "nobody called \"Alex\"") {
		t.Errorf("--for nobody: %d %s", r.code, r.err)
	}
	if r := run(t, nil, "people", "delete", "Sam", "--db", db); r.code != 2 {
		t.Errorf("delete without --yes: %d %s", r.code, r.err)
	}
	if r := run(t, nil, "people", "delete", "Sam", "--yes", "--db", db); r.code != 0 {
		t.Errorf("delete: %d %s", r.code, r.err)
	}
	if r := run(t, nil, "people", "--db", db); strings.Contains(r.out, "sam") || !strings.Contains(r.out, "me") {
		t.Errorf("people after delete:\n%s", r.out)
	}
}
