package plan

import (
	"strings"
	"testing"
)

// Both players name a planned session with Title, so it must read well.
func TestTitle(t *testing.T) {
	tests := []struct {
		areas   []string
		minutes float64
		want    string
	}{
		{[]string{"back", "scalp"}, 20, "Back and scalp · 20 min"},
		{[]string{"upper-back"}, 5, "Upper back · 5 min"},
		{[]string{"feet", "hands", "neck"}, 90, "Feet, hands and neck · 1 h 30 min"},
		{[]string{"calves"}, 2.5, "Calves · 2 min 30 s"},
	}
	for _, tc := range tests {
		if got := Title(tc.areas, tc.minutes); got != tc.want {
			t.Errorf("Title(%v, %v) = %q, want %q", tc.areas, tc.minutes, got, tc.want)
		}
	}
}

// A plan read back from a stored row may name an empty area (FuzzLoadSession
// found one): its routine's title is still made, without a panic.
func TestRoutineTitleOfEmptyArea(t *testing.T) {
	for _, areas := range [][]string{{""}, {}, {"", ""}} {
		p := &Plan{Areas: areas, Minutes: 5}
		if got := p.name(); got == "" {
			t.Errorf("title of %q is empty", areas)
		}
	}
}

// A plan cut short (its moves cannot fill the minutes) is titled by the
// time it lasts, everywhere its title shows (Title: the web pages, the
// sessions, the terminal player; its routine's name: the command line's
// card and routine files); the minutes asked are said once, in its note.
// A plan that fills its minutes keeps them in its title.
func TestTitleOfPlanCutShort(t *testing.T) {
	cat := builtin(t)
	for _, tc := range []struct {
		req   Request
		title string
		name  string
		asked string // in the note, once; "" when not cut short
	}{
		{Request{Areas: []string{"jaw"}, Minutes: 20, Mode: "self"}, "Jaw · 14 min 50 s", "Jaw, 14 min 50 s", "not the 20 minutes asked"},
		{Request{Areas: []string{"face"}, Minutes: 20, Mode: "self"}, "Face · 13 min", "Face, 13 minutes", "not the 20 minutes asked"},
		{Request{Areas: []string{"back", "scalp"}, Minutes: 20, Mode: "partner"}, "Scalp and back · 20 min", "Scalp and back, 20 minutes", ""},
	} {
		p, err := Make(cat, tc.req)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Title(); got != tc.title {
			t.Errorf("%v: Title() = %q, want %q", tc.req.Areas, got, tc.title)
		}
		r := p.Routine()
		if r.Name != tc.name {
			t.Errorf("%v: the routine's name is %q, want %q", tc.req.Areas, r.Name, tc.name)
		}
		notes := strings.Join(r.Notes, "\n")
		if tc.asked == "" {
			if p.Length() != tc.req.Minutes*60 || strings.Contains(notes, "Cut short") {
				t.Errorf("%v: a full plan lasts %v s, notes %q", tc.req.Areas, p.Length(), notes)
			}
			continue
		}
		if p.Length() != p.TotalSeconds {
			t.Errorf("%v: Length() = %v, want the %v s it lasts", tc.req.Areas, p.Length(), p.TotalSeconds)
		}
		if n := strings.Count(notes, "20 minutes"); n != 1 || !strings.Contains(notes, tc.asked) {
			t.Errorf("%v: the minutes asked are said %d times in the notes (want once, %q): %q", tc.req.Areas, n, tc.asked, notes)
		}
	}
}
