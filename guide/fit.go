package guide

import (
	"math"
	"strings"

	"github.com/knead/knead/massage"
)

// Room to breathe, in seconds, beyond the breath each cue already ends with.
const (
	gap  = 0.5 // between two cues of a move
	tail = 0.5 // between what comes next and the end of the move

	// keyShare is the most of a move that what must be said in it may
	// take; a move where it would take more is lengthened.
	keyShare = 0.30
	// keyShareMost is the most it may take when the routine has no time to
	// spare: beyond it, the script runs longer than the routine.
	keyShareMost = 0.33
)

// spoken is how long text takes at wpm.
func spoken(text string, wpm float64) float64 { return massage.SpokenSeconds(text, wpm) }

// need is how long move i must last for what is always said in it — its
// start, its switch and what comes next — to be said each at its moment,
// with room to breathe, at wpm (hard), and to take at most keyShare of the
// move (soft).
func need(s *Script, i int, wpm float64) (hard, soft float64) {
	defer func() { soft = math.Max(hard, keySpoken(s, i, wpm)/keyShare) }()
	m := s.Moves[i]
	say := spoken(startSay(s, i), wpm)
	var next float64
	if i+1 < len(s.Moves) {
		next = spoken(nextSay(s, i), wpm)
	}
	if !m.Switches() {
		return say + gap + next + tail, 0
	}
	// The switch is said at half time: the start must be over by then, and
	// the switch and what comes next must fit in the second half.
	return 2 * math.Max(say+gap, spoken(switchSay(m), wpm)+gap+next+tail), 0
}

// keySpoken is how long what must be said in move i takes at wpm.
func keySpoken(s *Script, i int, wpm float64) float64 {
	d := spoken(startSay(s, i), wpm)
	if s.Moves[i].Switches() {
		d += spoken(switchSay(s.Moves[i]), wpm)
	}
	if i+1 < len(s.Moves) {
		d += spoken(nextSay(s, i), wpm)
	}
	return d
}

// fit makes every move long enough for what must be said in it, keeping
// the script as long as the routine. A short move takes whole seconds from
// the other moves of its item that have more than they need, then from the
// nearest moves of other items. Only when the whole routine is too short
// for what must be said at its moment (the hard need) are moves
// lengthened, and the script runs longer; the room to keep speech within
// keyShare of each move (the soft need) is only ever taken from spare
// time. This is planning, not playing: nothing said is cut at play time.
func fit(s *Script, wpm float64) {
	n := len(s.Moves)
	hard, soft := make([]float64, n), make([]float64, n)
	for i := range s.Moves {
		h, f := need(s, i, wpm)
		hard[i], soft[i] = math.Ceil(h), math.Ceil(f)
	}
	spread(s, hard, true)
	spread(s, soft, false)
	// A routine of many short moves may still say too much for its length:
	// then it runs longer, just enough for what must be said to take at
	// most keyShareMost of each move.
	var key, total float64
	for i, m := range s.Moves {
		key += keySpoken(s, i, wpm)
		total += m.Seconds
	}
	if key > keyShareMost*total {
		most := make([]float64, n)
		for i := range s.Moves {
			most[i] = math.Max(hard[i], math.Ceil(keySpoken(s, i, wpm)/keyShareMost))
		}
		spread(s, most, true)
	}
	var at float64
	for i := range s.Moves {
		s.Moves[i].Start = at
		at += s.Moves[i].Seconds
	}
	s.Total = at
}

// spread gives each move the seconds it needs from the spare of others,
// siblings first, then the nearest; with lengthen, a move nobody can give
// to is lengthened.
func spread(s *Script, needs []float64, lengthen bool) {
	n := len(s.Moves)
	// A transition neither gives nor takes hands-on time, and no move gives
	// away the seconds that keep it at floor (20 s a side) or more.
	spare := func(j int) float64 {
		if s.Moves[j].Kind == KindTransition {
			return 0
		}
		return s.Moves[j].Seconds - math.Max(needs[j], floor(s.Moves[j]))
	}
	for i := range s.Moves {
		m := &s.Moves[i]
		if m.Kind == KindTransition {
			if lengthen && m.Seconds < needs[i] {
				m.Seconds = needs[i]
			}
			continue
		}
		for m.Seconds < needs[i] {
			k := -1
			// the sibling with the most to spare …
			for j := range s.Moves {
				if j != i && s.Moves[j].Item == m.Item && spare(j) > 0 && (k < 0 || spare(j) > spare(k)) {
					k = j
				}
			}
			// … else the nearest move that has some
			for d := 1; k < 0 && d < n; d++ {
				if j := i - d; j >= 0 && spare(j) > 0 {
					k = j
				} else if j := i + d; j < n && spare(j) > 0 {
					k = j
				}
			}
			if k < 0 {
				if lengthen {
					m.Seconds = needs[i]
				}
				break
			}
			d := math.Min(math.Min(needs[i]-m.Seconds, spare(k)), 1)
			s.Moves[k].Seconds -= d
			m.Seconds += d
		}
	}
}

// startSay is the move's start in a short form: how (the step's title,
// and the pressure when it changes). What and where — the technique and
// its area — were said by the cue before, "Next: …", so they are said here
// only on the first move (and in Intro, for a recap). The step's whole
// instruction is shown, and spoken only on request.
func startSay(s *Script, i int) string {
	if s.Moves[i].Kind == KindTransition {
		return s.Moves[i].Say
	}
	if i == 0 || s.Moves[i-1].Kind == KindTransition {
		return s.Intro(i)
	}
	m, prev := s.Moves[i], s.Moves[i-1]
	how := stepHow(m)
	if firstOf(s, i) && m.Pressure != "" && m.Pressure != prev.Pressure {
		how = join(how, m.Pressure+" pressure")
	}
	if how == "" {
		return sentence(m.Name)
	}
	return sentence(massage.UpperFirst(how))
}

// Intro says move i in full short form: what (the technique, on its first
// step), where (the area, when the name does not say it) and how (the
// step's title and the pressure), for the first move of a script and for
// a recap after a pause, a reload or a resume.
func (s *Script) Intro(i int) string {
	if i < 0 || i >= len(s.Moves) {
		return ""
	}
	m := s.Moves[i]
	if m.Kind == KindTransition {
		return m.Say
	}
	how := stepHow(m)
	what := m.Name
	if area := massage.AreaName(m.Area); m.Area != "" && !strings.Contains(strings.ToLower(what), stem(area)) {
		what += ", on the " + area
	}
	if m.Pressure != "" {
		how = join(how, m.Pressure+" pressure")
	}
	if how == "" {
		return sentence(what)
	}
	return sentence(what) + " " + sentence(massage.UpperFirst(how))
}

// stepHow is the step's title, or the first sentence of its instruction
// when it has no title of its own and that sentence is short.
func stepHow(m Move) string {
	how := m.Title
	if how == "" || how == m.Name {
		how = firstSentence(m.Say)
	}
	return strings.TrimRight(how, ".")
}

func join(a, b string) string {
	if a == "" {
		return massage.UpperFirst(b)
	}
	return a + ", " + b
}

// maxShortWords is the most words of a step's first sentence said as its how
// when it has no title of its own.
const maxShortWords = 12

func firstSentence(say string) string {
	s := say
	if i := strings.IndexAny(s, ".!?"); i >= 0 {
		s = s[:i]
	}
	if massage.SpokenWords(s) > maxShortWords {
		return ""
	}
	return strings.TrimSpace(s)
}

// stem is enough of an area's last word to find it in a name: "calves"
// is named by "calf", "back" by "upper back".
func stem(area string) string {
	f := strings.Fields(strings.ToLower(area))
	if len(f) == 0 {
		return ""
	}
	w := f[len(f)-1]
	if len(w) > 3 {
		w = w[:3]
	}
	return w
}

func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// MoveFloor is the least a played move lasts on one side, when the
// routine gave it that much: fit never takes a move below it.
const MoveFloor = 20

// floor is the least move m keeps: MoveFloor a side, or what it has.
func floor(m Move) float64 {
	f := float64(MoveFloor)
	if m.Switches() {
		f *= 2
	}
	return math.Min(f, m.Seconds)
}

// nextSay names the move after move i: its step's title within the same
// item, else the technique, and where, when the area changes.
func nextSay(s *Script, i int) string {
	m, n := s.Moves[i], s.Moves[i+1]
	what := n.Title
	if n.Item != m.Item {
		what = n.Name
		if n.Area != "" && n.Area != m.Area {
			what += ", on the " + massage.AreaName(n.Area)
		}
	}
	return "Next: " + sentence(what)
}

func switchSay(m Move) string {
	if m.Side == "swap-hands" {
		return "Swap hands."
	}
	return "Switch sides."
}
