package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/knead/knead/plan"
)

// joined hides the SQL store from History, which then reads the history
// the old way: Person and Past, whose query joins each session to its
// presses and sets aside what the marks set aside when it reads.
type joined struct{ Store }

// TestHistoryKeptAsWritten: the planner's history read from
// session_signals (kept by migration 0010's triggers as sessions, presses,
// undos and marks are written) is exactly the one read by joining the
// sessions to their presses, after every kind of write, on both backends:
// presses of every kind, sent twice, taken back, set aside by a mark made
// after them, kept when made after the mark, set aside when sent after
// the mark with an earlier moment; marks made again; more sessions than a
// plan reads; sessions made at the same moment; text that JSON escapes.
func TestHistoryKeptAsWritten(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		writeHistories(t, s, rand.New(rand.NewPCG(1, 2)), 150)
		sameHistories(t, s)
	})
}

// TestSignalsMigrationBackfills: migration 0010 fills session_signals from
// the sessions, presses and marks kept before it, with what the triggers
// would have kept.
func TestSignalsMigrationBackfills(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s, dsn := b.open(t)
			writeHistories(t, s, rand.New(rand.NewPCG(3, 4)), 60)
			before := map[string]*plan.History{}
			for _, p := range []string{Me, "sam"} {
				h, err := History(ctx, joined{s}, p)
				if err != nil {
					t.Fatal(err)
				}
				before[p] = h
			}
			s.Close()
			// back to before 0010: no table, no triggers
			driver, undo := "sqlite", []string{
				`DROP TABLE session_signals`, `DROP TRIGGER session_signals_session`, `DROP TRIGGER session_signals_press`,
				`DROP TRIGGER session_signals_void`, `DROP TRIGGER session_signals_mark`, `DROP TRIGGER session_signals_mark_again`,
				`DELETE FROM schema_migrations WHERE version = 10`}
			if b.name == "postgres" {
				driver, undo = "pgx", []string{`DROP TABLE session_signals`,
					`DROP FUNCTION knead_signals_session, knead_signals_press, knead_signals_void, knead_signals_mark CASCADE`,
					`DROP FUNCTION knead_presses, knead_history`, `DELETE FROM schema_migrations WHERE version = 10`}
			}
			db, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range undo {
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			// a press written before 0010, straight into the table
			if _, err := db.ExecContext(ctx, `INSERT INTO feedback (session_id, key, kind, offset_s, move, technique, area, at)
				SELECT id, 'before-0010', 'firmer', 1, 0, 'effleurage', 'upper-back', 1 FROM sessions WHERE person = 'me'
				ORDER BY created_at DESC, id DESC LIMIT 1`); err != nil {
				t.Fatal(err)
			}
			db.Close()
			s2, err := Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer s2.Close()
			h, err := History(ctx, s2, Me)
			if err != nil {
				t.Fatal(err)
			}
			last := h.Sessions[len(h.Sessions)-1].Signals
			if n := len(last); n == 0 || last[n-1] != (plan.Signal{Kind: "firmer", Technique: "effleurage", Area: "upper-back"}) {
				t.Errorf("the press written before 0010 is not in the last session: %v", last)
			}
			sameHistories(t, s2)
			if h, _ := History(ctx, s2, "sam"); !cmp.Equal(h, before["sam"], cmpopts.IgnoreUnexported(plan.History{})) {
				t.Errorf("Sam's history changed across the migration:\n%s", cmp.Diff(before["sam"], h, cmpopts.IgnoreUnexported(plan.History{})))
			}
		})
	}
}

// odd are techniques and areas with text JSON escapes or that looks like
// the encoding's own punctuation.
var odd = []string{"effleurage", "upper-back", `a "quoted" one`, `back\slash`, "two\nlines", "tab\there", "<b>&amp;</b>", "ümlaut ✓", "", "[\"x\",", "😀 emoji"}

// writeHistories writes sessions for me and for Sam with n sessions in all
// and presses, undos and marks among them, at random.
func writeHistories(t *testing.T, s Store, r *rand.Rand, n int) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.AddPerson(ctx, "Sam"); err != nil {
		t.Fatal(err)
	}
	kinds := []string{Lighter, Good, Firmer, Sore, Up, Down, Hurt}
	base := time.Now().Add(-time.Hour)
	type press struct{ session, key string }
	var presses []press
	var sessions []string
	for i := range n {
		x := sample(fmt.Sprintf("h%03d", i))
		// pairs of sessions made at the same moment: the id decides
		x.CreatedAt = base.Add(time.Duration(i/2) * time.Second)
		if r.IntN(4) == 0 {
			x.Person = "sam"
		}
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
		sessions = append(sessions, x.ID)
		for range r.IntN(4) {
			id := sessions[len(sessions)-1-r.IntN(min(3, len(sessions)))]
			key := fmt.Sprintf("k%d", r.IntN(6)) // sometimes sent again
			// a moment before or after the marks made now
			at := time.Now().Add(time.Duration(r.IntN(120)-60) * time.Second)
			f := Feedback{Key: key, Kind: kinds[r.IntN(len(kinds))], Technique: odd[r.IntN(len(odd))], Area: odd[r.IntN(len(odd))], At: at}
			if _, err := s.AddFeedback(ctx, id, f); err != nil {
				t.Fatal(err)
			}
			presses = append(presses, press{id, key})
		}
		switch r.IntN(12) {
		case 0:
			if len(presses) == 0 {
				break
			}
			p := presses[r.IntN(len(presses))]
			if _, err := s.VoidFeedback(ctx, p.session, p.key); err != nil {
				t.Fatal(err)
			}
		case 1:
			if err := s.Mark(ctx, []string{Me, "sam"}[r.IntN(2)], MarkForgetSore, odd[r.IntN(len(odd))]); err != nil {
				t.Fatal(err)
			}
		case 2:
			if err := s.Mark(ctx, []string{Me, "sam"}[r.IntN(2)], MarkRestore, odd[r.IntN(len(odd))]); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// sameHistories compares each person's history read from session_signals
// with the one read by the join.
func sameHistories(t *testing.T, s Store) {
	t.Helper()
	ctx := context.Background()
	for _, p := range []string{Me, "sam"} {
		got, err := History(ctx, s, p)
		if err != nil {
			t.Fatal(err)
		}
		want, err := History(ctx, joined{s}, p)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Sessions) == 0 || !strings.HasPrefix(want.Sessions[0].ID, "h") {
			t.Fatalf("%s: no sessions to compare", p)
		}
		if d := cmp.Diff(want, got, cmpopts.IgnoreUnexported(plan.History{})); d != "" {
			t.Errorf("%s: the history kept as written differs from the one joined (-joined +kept):\n%s", p, d)
		}
	}
}

// FuzzParsePresses: what session_signals keeps is read back as written,
// whatever the text of a technique or area, and anything else is an error,
// never a panic.
func FuzzParsePresses(f *testing.F) {
	f.Add("sore", "effleurage", "upper-back", `["good", "", ""]`+"\n")
	f.Add(`a "quoted" one`, `back\slash`, "two\nlines", `["x","y"`)
	f.Add("ümlaut ✓", "<b>&amp;</b>", "😀", "[\"\\ud83d\\ude00\",\"\\u00fc\",\"\\\"\"]\n\n")
	f.Fuzz(func(t *testing.T, kind, technique, area, raw string) {
		parsePresses(raw) // never panics
		if !utf8.ValidString(kind) || !utf8.ValidString(technique) || !utf8.ValidString(area) {
			return // no store keeps it
		}
		var line strings.Builder
		for _, sep := range []string{",", ", "} { // SQLite's json_array, PostgreSQL's json_build_array
			var fields []string
			for _, v := range []string{kind, technique, area} {
				b, _ := json.Marshal(v)
				fields = append(fields, string(b))
			}
			line.WriteString("[" + strings.Join(fields, sep) + "]\n")
		}
		got, err := parsePresses(line.String())
		want := plan.Signal{Kind: kind, Technique: technique, Area: area}
		if err != nil || len(got) != 2 || got[0] != want || got[1] != want {
			t.Fatalf("parsePresses(%q) = %v, %v; want %v twice", line.String(), got, err, want)
		}
	})
}
