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
	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
)

// Three sessions with feedback, kept in the store; the fourth plan differs
// from the plan without history exactly as its notes say: lighter on the
// lower back, scalp petrissage a step lighter for the press during it,
// more time on the sore scalp, raking left out after two thumbs-down,
// circling hands tried first; no other pressure changes.
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
			{{Kind: Down, Area: "upper-back", Technique: "back-raking"}, {Kind: Sore, Area: "scalp", Technique: "scalp-petrissage"}, {Kind: Lighter, Area: "lower-back"},
				{Kind: Lighter, Area: "scalp", Technique: "scalp-petrissage"}, {Kind: Firmer, Area: "scalp", Technique: "light-stroking-scalp"}},
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
			"Lighter for scalp petrissage: you asked for lighter during it once",
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
		// Every pressure that differs from the plan without history is
		// one step, said by a note for its technique or for its area, and
		// every such note changed something.
		type key struct {
			section, technique string
			turn               int
		}
		was := map[key]string{}
		turn := map[[2]string]int{}
		for _, it := range base.Items {
			k := [2]string{it.Section, it.Technique + it.Side}
			was[key{it.Section, it.Technique + it.Side, turn[k]}] = it.Pressure
			turn[k]++
		}
		clear(turn)
		used := map[string]bool{}
		rank := map[string]int{"light": 1, "moderate": 2, "deep": 3}
		for _, it := range fourth.Items {
			k := [2]string{it.Section, it.Technique + it.Side}
			before, ok := was[key{it.Section, it.Technique + it.Side, turn[k]}]
			turn[k]++
			if !ok || before == it.Pressure {
				continue
			}
			if d := rank[it.Pressure] - rank[before]; d != 1 && d != -1 {
				t.Errorf("%s went from %s to %s: more than one step", it.Technique, before, it.Pressure)
			}
			found := false
			for _, n := range fourth.Notes {
				if (strings.HasPrefix(n, "Lighter ") || strings.HasPrefix(n, "Firmer ")) &&
					(strings.Contains(n, " for "+strings.ToLower(it.Name)+":") || slices.ContainsFunc(massage.Areas, func(a massage.Area) bool {
						return massage.Overlaps(a.ID, it.Area) && strings.Contains(n, " on the "+massage.AreaName(a.ID)+":")
					})) {
					found, used[n] = true, true
					break
				}
			}
			if !found {
				t.Errorf("%s went from %s to %s and no note says why: %q", it.Technique, before, it.Pressure, fourth.Notes)
			}
		}
		for _, n := range fourth.Notes {
			if (strings.HasPrefix(n, "Lighter ") || strings.HasPrefix(n, "Firmer ")) && !used[n] {
				t.Errorf("note %q, but no pressure changed for it", n)
			}
		}
		// The presses during scalp petrissage make it lighter, not the rest
		// of the scalp: lighter and firmer there cancel out for the area.
		for _, it := range fourth.Items {
			if it.Technique == "scalp-petrissage" && it.Pressure != "light" {
				t.Errorf("scalp petrissage at %s, want light", it.Pressure)
			}
			if it.Section == "scalp" && it.Technique != "scalp-petrissage" && it.Pressure == "light" && it.Phase == "work" && it.Technique != "scalp-fingertip-rain" {
				t.Errorf("%s light too: the scalp as a whole was not asked lighter", it.Technique)
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
