package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/plan"
)

// Three sessions with feedback, kept in the store; the fourth plan differs
// from the plan without history exactly as its notes say: lighter on the
// lower back, more time on the sore scalp, raking left out after two
// thumbs-down, circling hands tried first.
func TestScenarioFourthPlan(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	req := plan.Request{Areas: []string{"back", "scalp"}, Minutes: 20, Mode: "partner"}
	each(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if _, err := s.AddPerson(ctx, "Sam"); err != nil {
			t.Fatal(err)
		}
		presses := [][]Feedback{
			{{Kind: Lighter, Area: "lower-back", Technique: "back-petrissage"}, {Kind: Down, Area: "upper-back", Technique: "back-raking"}},
			{{Kind: Lighter, Area: "lower-back", Technique: "back-petrissage"}, {Kind: Up, Area: "lower-back", Technique: "back-circling-hands"}},
			{{Kind: Down, Area: "upper-back", Technique: "back-raking"}, {Kind: Sore, Area: "scalp", Technique: "scalp-petrissage"}, {Kind: Lighter, Area: "lower-back"}},
		}
		for i, fs := range presses {
			h, err := History(ctx, s, "sam")
			if err != nil {
				t.Fatal(err)
			}
			p, err := plan.MakeFor(cat, req, h)
			if err != nil {
				t.Fatal(err)
			}
			pj, _ := json.Marshal(p)
			x := &Session{ID: fmt.Sprintf("s%d", i), CreatedAt: when.Add(timeStep(i)), Person: "sam", Title: "Back and scalp",
				Request: json.RawMessage(`{}`), Plan: pj, Script: json.RawMessage(`{}`), Total: 1200}
			if err := s.CreateSession(ctx, x); err != nil {
				t.Fatal(err)
			}
			for k, f := range fs {
				f.Key = fmt.Sprint(k)
				f.At = x.CreatedAt.Add(timeStep(k))
				if _, err := s.AddFeedback(ctx, x.ID, f); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Finish(ctx, x.ID, Ending{Rating: 4, Note: "what helped: the scalp"}); err != nil {
				t.Fatal(err)
			}
		}
		h, err := History(ctx, s, "sam")
		if err != nil || len(h.Sessions) != 3 {
			t.Fatalf("history = %+v, %v", h, err)
		}
		base, _ := plan.Make(cat, req)
		fourth, err := plan.MakeFor(cat, req, h)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			"More time on the scalp: the scalp was pressed as sore last time you had it",
			"Lighter on the lower back: you asked for lighter 3 times there",
			"Gentle strokes first on the scalp, where it was sore last time",
			"Left out after two thumbs-down: Raking (restore them in History)",
			"Tried first because you liked them: Circling hands",
		}
		for _, w := range want {
			if !slices.Contains(fourth.Notes, w) {
				t.Errorf("no note %q in %q", w, fourth.Notes)
			}
		}
		// … and the plan differs just so.
		secs := func(p *plan.Plan, section string) (t float64) {
			for _, it := range p.Items {
				if it.Section == section {
					t += it.Seconds
				}
			}
			return t
		}
		if secs(fourth, "scalp") <= secs(base, "scalp") {
			t.Errorf("scalp %v s, not more than %v s", secs(fourth, "scalp"), secs(base, "scalp"))
		}
		for _, it := range fourth.Items {
			if it.Technique == "back-raking" {
				t.Error("raking planned after two thumbs-down")
			}
			if it.Area == "lower-back" && it.Pressure == "deep" {
				t.Errorf("%s deep on the lower back", it.Technique)
			}
		}
		if !slices.ContainsFunc(fourth.Items, func(it plan.Item) bool { return it.Technique == "back-circling-hands" }) {
			t.Error("the liked circling hands are not planned")
		}
		// Restoring raking in History brings it back into the choice.
		if err := s.Mark(ctx, "sam", MarkRestore, "back-raking"); err != nil {
			t.Fatal(err)
		}
		h, _ = History(ctx, s, "sam")
		if p, _ := plan.MakeFor(cat, req, h); slices.ContainsFunc(p.Notes, func(n string) bool { return strings.Contains(n, "Raking") }) {
			t.Errorf("after restoring, raking is still left out: %q", p.Notes)
		}
	})
}

func timeStep(i int) time.Duration { return time.Duration(i+1) * time.Hour }
