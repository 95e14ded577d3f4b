package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// Whatever text reaches the store in a title, a press or a note, on every
// backend (PostgreSQL too, when KNEAD_TEST_POSTGRES is set): it is kept
// and read back the same, or refused as an *InvalidError naming the field;
// never another error, never a different text read back.
func FuzzStoreText(f *testing.F) {
	for _, s := range []string{"plain", "a\x00b", "\xff\xfe", "", "ünïcødé ✋", strings.Repeat("x", 300), "'; DROP TABLE sessions; --", "\u2028\r\n\t"} {
		f.Add(s)
	}
	ctx := context.Background()
	type opened struct {
		name string
		s    Store
	}
	var stores []opened
	for _, b := range backends(f) {
		s, _ := b.open(f)
		stores = append(stores, opened{b.name, s})
	}
	n := 0
	f.Fuzz(func(t *testing.T, text string) {
		for _, o := range stores {
			n++
			id := fmt.Sprintf("fz%d", n)
			refused := func(what string, err error, field string) bool {
				t.Helper()
				if err == nil {
					return false
				}
				var ie *InvalidError
				if !errors.As(err, &ie) || ie.Field != field {
					t.Fatalf("%s: %s %q: %v, want nil or an InvalidError on %s", o.name, what, text, err, field)
				}
				return true
			}
			x := sample(id)
			x.Title = text
			if refused("title", o.s.CreateSession(ctx, x), "title") {
				x.Title = "kept"
				if err := o.s.CreateSession(ctx, x); err != nil {
					t.Fatal(err)
				}
			}
			_, err := o.s.AddFeedback(ctx, id, Feedback{Key: "k", Kind: Good, Technique: text, Area: "back", At: when})
			pressed := !refused("technique", err, "technique")
			_, err = FinishSession(ctx, o.s, id, Ending{Rating: 3, Note: text, FinishedAt: when.Add(time.Hour)})
			noted := !refused("note", err, "note")
			got, err := o.s.Session(ctx, id)
			if err != nil {
				t.Fatalf("%s: read back: %v", o.name, err)
			}
			if got.Title != x.Title {
				t.Errorf("%s: title %q read back as %q", o.name, x.Title, got.Title)
			}
			if pressed && (len(got.Feedback) != 1 || got.Feedback[0].Technique != text) {
				t.Errorf("%s: press with technique %q read back as %+v", o.name, text, got.Feedback)
			}
			if noted && got.Ending.Note != text {
				t.Errorf("%s: note %q read back as %q", o.name, text, got.Ending.Note)
			}
		}
	})
}
