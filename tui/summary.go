package tui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/knead/knead/massage"
)

// Result is how a session went: how far it got, what was skipped and the
// feedback pressed. The command prints its Summary after the screen is
// gone, and may keep it.
type Result struct {
	Title       string
	Started     bool
	Finished    bool     // played to the end
	Offset      float64  // seconds into the routine at the end
	Total       float64  // seconds of the whole routine
	Move        int      // index of the move playing at the end
	Moves       int      // how many moves the routine has
	MoveTitle   string   // the move playing at the end
	Skipped     []string // the moves skipped and not played later
	Done        int      // moves played through to their end
	Played      float64  // seconds the clock ran, in every sitting: the time actually spent
	PlayedKnown bool     // false when a resumed session's earlier sittings kept no time
	Feedback    []Feedback
	Pauses      int
	Resumed     bool   // the session was a stored one, played on from where it stopped
	Rating      int    // 1–5 when given at the end, else 0
	Note        string // the note given with the rating
}

// Result gives how the session went so far.
func (m *Model) Result() Result {
	p := m.clock.At(m.now())
	r := Result{
		Title:       m.s.Title,
		Started:     m.stage != stageIntro,
		Finished:    p.Done,
		Offset:      p.Offset,
		Total:       m.s.Script.Total,
		Move:        p.Move,
		Moves:       len(m.s.Script.Moves),
		Played:      m.played,
		PlayedKnown: m.s.Resume == nil || m.s.Resume.Played > 0,
		Feedback:    m.Feedback(),
		Pauses:      m.pauses,
		Resumed:     m.s.Resume != nil,
	}
	if m.rate == rateDone {
		r.Rating, r.Note = m.rating, string(m.typed)
	}
	if p.Move < len(m.s.Script.Moves) {
		r.MoveTitle = m.s.Script.Moves[p.Move].Title
	}
	// Done counts as the web app's History does (store.Progress.Done): the
	// moves the clock has gone past, less those skipped and not played since.
	ended := p.Move
	if p.Done {
		ended = len(m.s.Script.Moves)
	}
	r.Done = ended
	for i, mv := range m.s.Script.Moves {
		if m.skipped[i] {
			r.Skipped = append(r.Skipped, mv.Title)
			if i < ended {
				r.Done--
			}
		}
	}
	r.Done = max(r.Done, 0)
	if !m.stoppedAt.IsZero() {
		// Nothing noted after the stop belongs to the session.
		kept := r.Feedback[:0]
		for _, f := range r.Feedback {
			if f.At.IsZero() || !f.At.After(m.stoppedAt) {
				kept = append(kept, f)
			}
		}
		r.Feedback = kept
	}
	return r
}

// SkippedMoves gives the indexes of the moves skipped and not played
// since, in every sitting, for the store.
func (m *Model) SkippedMoves() []int {
	out := []int{}
	for i := range m.s.Script.Moves {
		if m.skipped[i] {
			out = append(out, i)
		}
	}
	return out
}

// Played is the seconds the clock has run, in every sitting.
func (m *Model) Played() float64 { return m.played }

// Summary says in lines of at most width columns how far the session got,
// what was skipped and the feedback with its moments.
func (r Result) Summary(width int) string {
	return strings.Join(r.summaryLines(width), "\n") + "\n"
}

func (r Result) summaryLines(width int) []string {
	width = max(width, 20)
	var out []string
	add := func(s, first, rest string) {
		out = append(out, wrapIndent(s, width, first, rest)...)
	}
	switch {
	case !r.Started && r.Resumed:
		add(fmt.Sprintf("%s: left as it was, at %s of %s.", r.Title, clock(r.Offset), clock(r.Total)), "", "")
	case !r.Started:
		add(r.Title+": stopped before the first move.", "", "")
	case r.Finished && len(r.Skipped) == 0:
		add(fmt.Sprintf("%s: played to the end, %s of hands-on time, %s.", r.Title, clock(r.Total), movesWord(r.Moves)), "", "")
	case r.Finished:
		add(fmt.Sprintf("%s: reached the end of %s of hands-on time, with %d of %d moves skipped.", r.Title, clock(r.Total), len(r.Skipped), r.Moves), "", "")
	default:
		add(fmt.Sprintf("%s: stopped at %s of %s, in move %d of %d (%s).", r.Title, clock(r.Offset), clock(r.Total), r.Move+1, r.Moves, r.MoveTitle), "", "")
	}
	if r.Started && !(r.Finished && len(r.Skipped) == 0 && r.Done == r.Moves && math.Abs(r.Played-r.Total) < 1) {
		// The same numbers as the web app's History: moves played through,
		// moves skipped and not played since, and the time the clock ran.
		spent := clock(r.Played)
		if r.Resumed && !r.PlayedKnown {
			spent += " in this sitting"
		}
		add(fmt.Sprintf("Moves done: %d of %d; skipped: %d; time spent: %s.", r.Done, r.Moves, len(r.Skipped), spent), "", "")
	}
	if len(r.Skipped) > 0 {
		add("Skipped: "+strings.Join(r.Skipped, "; ")+".", "", "  ")
	}
	if !r.Started {
		return out
	}
	if r.Rating > 0 {
		rated := fmt.Sprintf("Rated %d of 5.", r.Rating)
		if r.Note != "" {
			rated += " Note: " + r.Note
		}
		add(rated, "", "  ")
	}
	if len(r.Feedback) == 0 {
		add("No feedback noted (l, g, f, s, u or d while playing records it).", "", "")
		return out
	}
	out = append(out, "", fmt.Sprintf("How it felt (%s):", plural(len(r.Feedback), "note")))
	wide := 9 // the words line up: "sore spot", "thumbs down"
	for _, f := range r.Feedback {
		wide = max(wide, len(feedbackWord(f.Kind)))
	}
	for _, f := range r.Feedback {
		what := f.Title
		if f.Area != "" {
			what += " (" + massage.AreaName(f.Area) + ")"
		}
		lead := fmt.Sprintf("  %5s  %-*s  ", clock(f.Offset), wide, feedbackWord(f.Kind))
		add(what, lead, strings.Repeat(" ", len(lead)))
	}
	sore := map[string]int{}
	var order []string
	for _, f := range r.Feedback {
		if f.Kind != "sore" || f.Area == "" {
			continue
		}
		if sore[f.Area] == 0 {
			order = append(order, f.Area)
		}
		sore[f.Area]++
	}
	if len(order) > 0 {
		parts := make([]string, len(order))
		for i, a := range order {
			parts[i] = massage.AreaName(a)
			if sore[a] > 1 {
				parts[i] += " (" + strconv.Itoa(sore[a]) + " times)"
			}
		}
		out = append(out, "")
		add("Sore spots: "+strings.Join(parts, ", ")+".", "", "")
	}
	return out
}

func movesWord(n int) string {
	if n == 1 {
		return "its one move"
	}
	return "all " + strconv.Itoa(n) + " moves"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
