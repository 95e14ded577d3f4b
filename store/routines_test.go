package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestRoutines(t *testing.T) {
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		r := &Routine{ID: "imported-feet", Name: "Feet after a walk", Seconds: 300, Body: "routine:\n  id: imported-feet\n"}
		if err := s.SaveRoutine(ctx, r); err != nil {
			t.Fatal(err)
		}
		if r.Person != Me || r.CreatedAt.IsZero() {
			t.Fatalf("saved as %+v", r)
		}
		got, err := s.RoutineByID(ctx, "imported-feet")
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != r.Name || got.Body != r.Body || got.Seconds != 300 || got.Person != Me {
			t.Fatalf("read back %+v", got)
		}
		// saving again replaces it
		r.Name, r.Seconds = "Feet, gently", 240
		if err := s.SaveRoutine(ctx, r); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveRoutine(ctx, &Routine{ID: "second", Name: "Hands", Seconds: 60, Body: "x"}); err != nil {
			t.Fatal(err)
		}
		list, err := s.RoutinesOf(ctx, Me)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].Body != "" {
			t.Fatalf("list %+v", list)
		}
		names := []string{list[0].Name, list[1].Name}
		if !strings.Contains(strings.Join(names, ","), "Feet, gently") {
			t.Fatalf("names %v", names)
		}
		if err := s.DeleteRoutine(ctx, "second"); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteRoutine(ctx, "second"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("second delete: %v", err)
		}
		if _, err := s.RoutineByID(ctx, "second"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("deleted read: %v", err)
		}

		for _, bad := range []*Routine{
			{ID: "Bad Id", Name: "x", Body: "x"},
			{ID: "ok", Name: " ", Body: "x"},
			{ID: "ok", Name: "x", Body: ""},
			{ID: "ok", Name: "x\x00", Body: "x"},
			{ID: "ok", Name: "x", Body: "x", Seconds: -1},
		} {
			if err := s.SaveRoutine(ctx, bad); !errors.Is(err, ErrInvalid) {
				t.Errorf("%+v: got %v, want ErrInvalid", bad, err)
			}
		}
		if err := s.SaveRoutine(ctx, &Routine{ID: "ok", Person: "nobody", Name: "x", Body: "x"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown person: %v", err)
		}

		// a person's routines go with them
		p, err := s.AddPerson(ctx, "Sam")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SaveRoutine(ctx, &Routine{ID: "sams", Person: p.ID, Name: "Sam's back", Seconds: 60, Body: "x"}); err != nil {
			t.Fatal(err)
		}
		if err := s.DeletePerson(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RoutineByID(ctx, "sams"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("routine of a deleted person: %v", err)
		}
	})
}
