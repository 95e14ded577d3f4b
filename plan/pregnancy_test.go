package plan

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/knead/knead/massage"
)

// Pregnancy: nothing lying face down, read from the techniques' structured
// posture (not from the words of their position), and no deep work on the
// legs. A move that a partner can do only face down is left out with its
// reason and source; one that can be done sitting or on the back is placed
// so; a move for both modes that a partner does only face down stays for
// oneself. Each case also runs without the condition, so that it shows the
// rule doing the work.
func TestPregnancyPostures(t *testing.T) {
	cat := builtin(t)
	cases := []struct {
		name    string
		req     Request
		out     []string // left out for pregnancy, with a source
		planned []string // planned all the same (the receiver not face down)
		legs    bool     // the legs: at most moderate
	}{
		{"partner back", Request{Areas: []string{"back"}, Minutes: 3, Mode: "partner", Pressure: "deep"},
			[]string{"back-fan-stroke", "back-petrissage", "light-stroking-back"}, nil, false},
		{"partner back and shoulders", Request{Areas: []string{"back", "shoulders"}, Minutes: 6, Mode: "partner"},
			nil, []string{"shoulder-kneading"}, false},
		{"partner legs", Request{Areas: []string{"legs"}, Minutes: 10, Mode: "partner", Pressure: "deep"},
			[]string{"calf-kneading", "hamstring-kneading"}, nil, true},
		{"self hips", Request{Areas: []string{"hips", "glutes"}, Minutes: 10, Mode: "self"},
			nil, []string{"light-stroking-hips"}, false},
		{"self legs", Request{Areas: []string{"legs"}, Minutes: 10, Mode: "self", Pressure: "deep"},
			nil, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			free, err := Make(cat, c.req)
			if err != nil {
				t.Fatalf("without pregnancy: %v", err)
			}
			req := c.req
			req.Conditions, req.Cleared = []string{"pregnancy"}, true
			p, err := Make(cat, req)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range p.Items {
				if it.Position.Receiver == "face-down" {
					t.Errorf("%s is planned with the receiver face down", it.Technique)
				}
				if tq := cat.Technique(it.Technique); p.Mode == "partner" && slices.Equal(tq.Posture.Receiver, []string{"face-down"}) {
					t.Errorf("%s can be done only face down, and is planned for a partner", it.Technique)
				}
				if c.legs && massage.Within(it.Area, "legs") && massage.LevelRank(it.Pressure) > massage.LevelRank("moderate") {
					t.Errorf("%s on the %s at %s pressure: no deep work on the legs", it.Technique, it.Area, it.Pressure)
				}
			}
			for _, id := range c.out {
				if !slices.ContainsFunc(p.Excluded, func(e Excluded) bool {
					return e.Technique == id && e.Condition == "pregnancy" && strings.Contains(e.Reason, "lying face down") && strings.Contains(e.Source, "http")
				}) {
					t.Errorf("%s is not left out for pregnancy with the reason and a source: %+v", id, p.Excluded)
				}
			}
			for _, id := range c.planned {
				if !slices.ContainsFunc(p.Items, func(it Item) bool { return it.Technique == id }) {
					t.Errorf("%s can be done another way and should stay planned: %v", id, techniques(p))
				}
			}
			if c.req.Mode == "partner" && !slices.ContainsFunc(free.Items, func(it Item) bool { return it.Position.Receiver == "face-down" }) {
				t.Errorf("the case shows nothing: without pregnancy nothing is face down either")
			}
			if c.legs && !slices.ContainsFunc(free.Items, func(it Item) bool { return it.Pressure == "deep" }) {
				t.Errorf("the case shows nothing: without pregnancy nothing on the legs is deep either")
			}
		})
	}
	// A routine played as written must pass too.
	r := &massage.Routine{Mode: "partner", Items: []massage.Item{{Technique: "calf-kneading", Area: "calves"}}}
	err := Check(cat, Request{Conditions: []string{"pregnancy"}, Cleared: true}, r)
	var pe *Error
	if !errors.As(err, &pe) || pe.Code != "ruled-out" || !strings.Contains(pe.Message, "face down") {
		t.Errorf("a partner routine with calf kneading in pregnancy: %v", err)
	}
	r.Items[0].Technique = "light-stroking-hips"
	if err := Check(cat, Request{Conditions: []string{"pregnancy"}, Cleared: true}, r); err == nil {
		t.Errorf("light stroking of the hips is done face down for a partner: it passed")
	}
	r.Mode = "self"
	if err := Check(cat, Request{Conditions: []string{"pregnancy"}, Cleared: true}, r); err != nil {
		t.Errorf("standing, for oneself: %v", err)
	}
}

func techniques(p *Plan) []string {
	var out []string
	for _, it := range p.Items {
		out = append(out, it.Technique)
	}
	return out
}
