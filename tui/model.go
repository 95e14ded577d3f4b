package tui

import (
	"io"
	"log/slog"
	"math"
	"strings"
	"time"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
)

// Options are what the player works with besides the session. Every field
// may be left out.
type Options struct {
	Now      func() time.Time   // the time; nil: time.Now. Tests hand in a fake clock.
	Speaker  Speaker            // says each cue as it comes due; nil: silence
	Bell     func()             // rings the terminal bell for the script's chimes (a new move, a switch); nil: no bell
	Log      *slog.Logger       // nil: no log
	Tick     time.Duration      // how often the screen updates; 0: 200 ms
	Renderer *lipgloss.Renderer // styles text for the terminal; nil: plain text
	NoColor  bool               // bold and faint only, no colours (NO_COLOR)
	Recorder Recorder           // keeps the session (a Keeper); nil: nothing is kept and no rating is asked
}

// TickMsg asks the player to look at the clock: to hand out the cues that
// are due and redraw. The program sends one every Options.Tick.
type TickMsg struct{}

type stage int

const (
	stageIntro stage = iota // preparations and cautions, waiting for space
	stagePlay               // the routine is playing or paused
	stageDone               // the routine is over; the summary shows
)

// How long brief words stay on the screen.
const (
	ackFor     = 3 * time.Second // "Noted: lighter"
	saidFor    = 4 * time.Second // "Halfway.", "Next: …"
	switchFor  = 6.0             // seconds of routine time the switch call-out stays
	staleAfter = 2.0             // cues this many seconds overdue are not said
	saveEvery  = 5 * time.Second // while running, the place is saved at least this often
)

// The steps of asking for a rating at the end, when the session is kept.
type rateStep int

const (
	rateNone rateStep = iota // not asking (nothing is kept, or not at the end)
	rateAsk                  // "How was it? 1–5"
	rateNote                 // typing the note
	rateDone                 // rated and saved
)

// maxNote is the longest note kept, in characters, as in the web app.
const maxNote = 2000

// Feedback is one press of l, g, f, s, u, d or h, with the moment it was
// pressed.
type Feedback struct {
	Kind      string    // lighter, good, firmer, sore, up, down or hurt, as package store names them
	Offset    float64   // seconds into the routine
	Move      int       // index of the move playing
	Title     string    // the move's short name
	Name      string    // its technique's name
	Technique string    // its technique's id ("" for a routine's own steps)
	Area      string    // its area id
	At        time.Time // the wall-clock moment
}

// feedbackKeys maps the keys to feedback kinds.
var feedbackKeys = map[string]string{"l": "lighter", "g": "good", "f": "firmer", "s": "sore", "u": "up", "d": "down"}

// feedbackWord says a feedback kind for people.
func feedbackWord(kind string) string {
	switch kind {
	case "lighter":
		return "lighter"
	case "good":
		return "good"
	case "firmer":
		return "firmer"
	case "sore":
		return "sore spot"
	case "hurt":
		return "it hurts"
	case "up":
		return "thumbs up"
	case "down":
		return "thumbs down"
	}
	return kind
}

// Model is the terminal player, a bubbletea model. It keeps no time of its
// own: every moment comes from Options.Now and every position from the
// guide.Clock, exactly as the web player does.
type Model struct {
	s     Session
	clock *guide.Clock
	now   func() time.Time
	speak Speaker
	bell  func()
	log   *slog.Logger
	tick  time.Duration
	st    styles

	width, height int
	stage         stage
	quit          bool

	ticked []bool // the checklist
	scroll int    // the start screen's first line shown

	feedback   []Feedback
	skipped    map[int]bool // moves skipped before their end and not played through since
	played     float64      // seconds the clock ran, this sitting and the ones before
	stoppedAt  time.Time    // when the player was stopped; nothing is noted after it
	lastOffset float64      // where the clock was at the last look, to see moves played through
	ack        string
	ackUntil   time.Time
	said       string
	saidUntil  time.Time
	pauses     int

	rec      Recorder
	saved    saved     // the place last saved
	hasSaved bool      // whether a place has been saved
	savedAt  time.Time // when the place was last saved
	rate     rateStep
	rating   int
	typed    []rune // the note being typed
}

// New makes a player for s, showing the start screen.
func New(s Session, opt Options) *Model {
	if s.Script == nil {
		s.Script = &guide.Script{}
	}
	m := &Model{
		s:       s,
		clock:   guide.NewClock(s.Script),
		now:     opt.Now,
		speak:   opt.Speaker,
		bell:    opt.Bell,
		log:     opt.Log,
		tick:    opt.Tick,
		width:   80,
		height:  24,
		ticked:  make([]bool, len(s.Prep)),
		skipped: map[int]bool{},
		rec:     opt.Recorder,
	}
	if m.now == nil {
		m.now = time.Now
	}
	if r := s.Resume; r != nil {
		m.clock = guide.Restore(s.Script, guide.State{Offset: r.Offset}, m.now())
		m.feedback = append([]Feedback(nil), r.Feedback...)
		m.lastOffset = r.Offset
		m.played = r.Played
		for _, i := range r.Skipped {
			if i >= 0 && i < len(s.Script.Moves) {
				m.skipped[i] = true
			}
		}
	}
	if m.speak == nil {
		m.speak = silent{}
	}
	if m.log == nil {
		m.log = slog.New(slog.DiscardHandler)
	}
	if m.tick <= 0 {
		m.tick = 200 * time.Millisecond
	}
	r := opt.Renderer
	if r == nil {
		r = lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.Ascii)
	}
	m.st = newStyles(r, !opt.NoColor)
	return m
}

// Init starts the ticks.
func (m *Model) Init() tea.Cmd { return m.tickCmd() }

func (m *Model) tickCmd() tea.Cmd {
	return tea.Tick(m.tick, func(time.Time) tea.Msg { return TickMsg{} })
}

// Update handles keys, ticks and a change of the terminal's size.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.scrollBy(0)
		return m, nil
	case TickMsg:
		if m.quit {
			return m, nil
		}
		m.look()
		return m, m.tickCmd()
	case tea.KeyMsg:
		if m.stage == stageDone && m.rate == rateNote && !m.quit {
			return m, m.noteKey(msg)
		}
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			// Keys pressed quickly can arrive together; each one counts.
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				if m.quit {
					break
				}
				cmds = append(cmds, m.key(string(r)))
			}
			return m, tea.Batch(cmds...)
		}
		return m, m.key(msg.String())
	}
	return m, nil
}

// key acts on one key press. Once the player is stopped, keys do
// nothing: no feedback is noted after the stop.
func (m *Model) key(k string) tea.Cmd {
	if m.quit {
		return nil
	}
	if k == "ctrl+c" {
		return m.stop("ctrl+c")
	}
	now := m.now()
	switch m.stage {
	case stageIntro:
		switch k {
		case " ", "enter":
			m.begin(now)
		case "q", "esc":
			return m.stop(k)
		case "up", "k":
			m.scrollBy(-1)
		case "down", "j":
			m.scrollBy(1)
		case "pgup":
			m.scrollBy(-m.height / 2)
		case "pgdown":
			m.scrollBy(m.height / 2)
		default:
			if len(k) == 1 && k[0] >= '1' && k[0] <= '9' {
				if i := int(k[0] - '1'); i < len(m.ticked) {
					m.ticked[i] = !m.ticked[i]
				}
			}
		}
	case stagePlay:
		switch k {
		case " ":
			if m.clock.State(now).Running {
				m.clock.Pause(now)
				m.pauses++
				m.speak.Hush()
				m.log.Info("pause", slog.Float64("offset", m.clock.At(now).Offset))
			} else {
				m.clock.Resume(now)
				m.log.Info("resume", slog.Float64("offset", m.clock.At(now).Offset))
			}
			m.look()
			m.save(now, true)
		case "right", "n":
			p := m.clock.At(now)
			m.passTo(p.Offset)
			m.said = ""
			if !p.Done {
				m.skipped[p.Move] = true
			}
			m.speak.Hush()
			m.clock.Skip(now)
			to := m.clock.At(now)
			m.lastOffset = to.Offset
			m.log.Info("skip", slog.Int("from", p.Move), slog.Int("to", to.Move), slog.Bool("end", to.Done))
			m.look()
			m.save(now, true)
		case "left", "b":
			m.back(now)
		case "l", "g", "f", "s", "u", "d":
			m.note(feedbackKeys[k], now)
		case "h":
			m.hurt(now)
		case "r":
			// The voice says the start in a short form; r reads the
			// move's whole instruction, as the screen shows it.
			if p := m.clock.At(now); !p.Done && p.Move < len(m.s.Script.Moves) {
				m.speak.Hush()
				m.speak.Say(m.s.Script.Moves[p.Move].Say)
			}
		case "q", "esc":
			return m.stop(k)
		}
	case stageDone:
		switch k {
		case " ":
			// Space leaves the summary, but not a question: a press
			// meant to pause at the very end would lose the rating.
			if m.rate != rateAsk {
				return m.stop(k)
			}
		case "q", "esc", "enter":
			return m.stop(k)
		case "left", "b":
			m.stage = stagePlay
			m.rate = rateNone
			m.back(now)
		case "1", "2", "3", "4", "5":
			if m.rate == rateAsk {
				m.rating = int(k[0] - '0')
				m.rate = rateNote
				m.log.Info("rating", slog.Int("rating", m.rating))
			}
		}
	}
	return nil
}

// begin leaves the start screen: the clock starts (where a resumed
// session stopped), the session is created in the store, and a resumed
// session hears again what the move is and its cautions.
func (m *Model) begin(now time.Time) {
	m.stage = stagePlay
	if m.rec != nil {
		m.rec.Begin(now)
	}
	if m.bell != nil {
		m.bell() // the first move begins: the chime of a new move
	}
	if m.s.Resume != nil {
		recap := m.clock.Recap(now)
		m.clock.Start(now)
		again := map[guide.Cue]bool{}
		for _, q := range recap {
			again[q] = true
		}
		due := recap
		for _, q := range m.clock.Due(now) {
			if !again[q] {
				due = append(due, q)
			}
		}
		m.log.Info("resume", slog.String("session", m.s.Resume.ID), slog.Float64("offset", m.clock.At(now).Offset))
		m.say(due, now, true)
	} else {
		m.clock.Start(now)
		m.log.Info("start", slog.String("routine", m.s.Title), slog.Float64("total", m.s.Script.Total), slog.Int("moves", len(m.s.Script.Moves)))
	}
	m.look()
	m.save(now, true)
}

// noteKey types the note asked for after the rating. Enter keeps it with
// the rating, Esc (and Ctrl-C) keeps the rating alone; then the player
// leaves.
func (m *Model) noteKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEnter:
		return m.finish(strings.TrimSpace(string(m.typed)), "enter")
	case tea.KeyEsc, tea.KeyCtrlC:
		m.typed = nil
		return m.finish("", msg.String())
	case tea.KeyBackspace:
		if len(m.typed) > 0 {
			m.typed = m.typed[:len(m.typed)-1]
		}
	case tea.KeyCtrlU:
		m.typed = nil
	case tea.KeySpace:
		m.addNote([]rune{' '})
	case tea.KeyRunes:
		m.addNote(msg.Runes)
	}
	return nil
}

// addNote adds typed or pasted text to the note, on one line.
func (m *Model) addNote(rs []rune) {
	for _, r := range rs {
		if len(m.typed) >= maxNote {
			return
		}
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			r = ' '
		case unicode.IsControl(r):
			continue
		}
		m.typed = append(m.typed, r)
	}
}

// finish saves the rating and the note, and leaves.
func (m *Model) finish(note, key string) tea.Cmd {
	m.rate = rateDone
	now := m.now()
	if m.rec != nil {
		m.rec.Finish(m.rating, note, now)
	}
	m.typed = []rune(note)
	m.log.Info("finish", slog.Int("rating", m.rating), slog.Int("note", len(note)))
	return m.stop(key)
}

// save hands the session's place to the recorder: always when forced (a
// pause, skip, back, the start and the stop), else when the move has
// changed, the end is reached, or saveEvery has passed while running.
func (m *Model) save(now time.Time, force bool) {
	if m.rec == nil || m.stage == stageIntro {
		return
	}
	p := m.clock.At(now)
	x := saved{Offset: p.Offset, Move: p.Move, Running: p.Running}
	if m.hasSaved && x == m.saved {
		return // nothing new
	}
	if m.hasSaved && !force && p.Move == m.saved.Move && p.Offset < m.s.Script.Total && (!p.Running || now.Sub(m.savedAt) < saveEvery) {
		return
	}
	m.saved, m.hasSaved, m.savedAt = x, true, now
	if t, ok := m.rec.(Tally); ok {
		t.Tally(m.Played(), m.SkippedMoves())
	}
	m.rec.Progress(p.Offset, p.Move, p.Running)
}

// saved is a place handed to the Recorder.
type saved struct {
	Offset  float64
	Move    int
	Running bool
}

// scrollBy moves the start screen's body by n lines, within its length.
func (m *Model) scrollBy(n int) {
	m.scroll = min(max(m.scroll+n, 0), m.maxScroll(max(m.width, 1), max(m.height, 1)))
}

func (m *Model) back(now time.Time) {
	p := m.clock.At(now)
	from := p.Move
	m.passTo(p.Offset)
	m.said = ""
	m.speak.Hush()
	m.clock.Back(now)
	to := m.clock.At(now)
	m.lastOffset = to.Offset
	m.log.Info("back", slog.Int("from", from), slog.Int("to", to.Move))
	m.look()
	m.save(now, true)
}

// stop ends the program, saying where it got to in the log.
func (m *Model) stop(key string) tea.Cmd {
	m.quit = true
	m.speak.Hush()
	now := m.now()
	m.stoppedAt = now
	if m.stage != stageIntro {
		// Stopped mid-way, the clock stands where it was left: resuming
		// goes on from there.
		m.clock.Pause(now)
		m.save(now, true)
	}
	p := m.clock.At(now)
	m.log.Info("quit", slog.String("key", key), slog.Float64("offset", p.Offset), slog.Int("move", p.Move), slog.Bool("done", p.Done))
	return tea.Quit
}

// halt stops a player that ended without a stop key (a signal, a panic),
// saving where it got to.
func (m *Model) halt() {
	if m.quit {
		return
	}
	defer func() {
		// After a panic the model may be broken; the player still ends.
		if r := recover(); r != nil {
			m.log.Error("could not keep the place after the player stopped", slog.Any("panic", r))
		}
	}()
	m.quit = true
	m.speak.Hush()
	m.stoppedAt = m.now()
	if m.stage != stageIntro {
		now := m.now()
		m.clock.Pause(now)
		m.save(now, true)
		m.log.Info("halted", slog.Float64("offset", m.clock.At(now).Offset))
	}
}

// look asks the clock where it is: says the cues that have come due,
// notes moves played through to their end, and shows the summary at the
// end of the routine.
func (m *Model) look() {
	if m.stage == stageIntro {
		return
	}
	now := m.now()
	m.say(m.clock.Due(now), now, false)
	p := m.clock.At(now)
	m.passTo(p.Offset)
	if p.Done && m.stage == stagePlay {
		m.stage = stageDone
		if m.rec != nil {
			m.rate = rateAsk
		}
		m.log.Info("done", slog.Float64("total", m.s.Script.Total), slog.Int("feedback", len(m.feedback)))
	}
	m.save(now, false)
}

// say hands the cues that came due to the speaker and the screen. A recap
// (on going on with a resumed session) is said however long ago its cues
// were due.
func (m *Model) say(cues []guide.Cue, now time.Time, recap bool) {
	o := m.clock.At(now).Offset
	for _, q := range cues {
		if q.At < o-staleAfter && !recap {
			// The player was held up (the machine slept): say only what
			// belongs to now.
			m.log.Debug("cue missed", slog.String("kind", q.Kind), slog.Float64("at", q.At), slog.Float64("offset", o))
			continue
		}
		m.speak.Say(q.Say)
		m.log.Debug("cue", slog.String("kind", q.Kind), slog.Float64("at", q.At), slog.Int("move", q.Move), slog.String("say", q.Say))
		switch q.Kind {
		case guide.CueStart, guide.CueCaution:
			// shown as the move's own text and cautions
		default:
			m.said, m.saidUntil = q.Say, now.Add(saidFor)
		}
	}
}

// passTo notes the moves whose end the clock ran past since the last look
// as played through (they are no longer counted as skipped), adds the
// time run to what was played, and rings the bell for the chimes passed:
// once for a new move, twice for a switch of side.
func (m *Model) passTo(o float64) {
	if o <= m.lastOffset {
		m.lastOffset = o
		return
	}
	for i, mv := range m.s.Script.Moves {
		if m.lastOffset < mv.End() && mv.End() <= o {
			delete(m.skipped, i)
		}
	}
	for _, c := range m.s.Script.Chimes {
		if m.lastOffset < c.At && c.At <= o && m.bell != nil {
			m.bell()
			if c.Kind == guide.ChimeSwitch {
				m.bell()
			}
		}
	}
	m.played += o - m.lastOffset
	m.lastOffset = o
}

// note records a feedback press at the moment it was made.
func (m *Model) note(kind string, now time.Time) {
	p := m.clock.At(now)
	f := Feedback{Kind: kind, Offset: p.Offset, Move: p.Move, At: now}
	if p.Move < len(m.s.Script.Moves) {
		mv := m.s.Script.Moves[p.Move]
		f.Title, f.Name, f.Technique, f.Area = mv.Title, mv.Name, mv.Technique, mv.Area
	}
	m.feedback = append(m.feedback, f)
	if m.rec != nil {
		m.rec.Feedback(f)
	}
	m.ack = "Noted: " + feedbackWord(kind) + ", at " + clock(p.Offset)
	if f.Title != "" {
		m.ack += " in " + f.Title
	}
	// A second thumbs-down for a technique leaves it out of the person's
	// plans, as in the web player.
	if kind == "down" && f.Technique != "" && downs(m.feedback, f.Technique) > 1 {
		m.ack = "Second thumbs-down: left out of your plans until restored in History"
	}
	m.ackUntil = now.Add(ackFor)
	m.log.Info("feedback", slog.String("kind", kind), slog.Float64("offset", p.Offset), slog.Int("move", p.Move), slog.String("technique", f.Technique), slog.String("area", f.Area))
}

// downs counts the thumbs-down for a technique.
func downs(fs []Feedback, technique string) int {
	n := 0
	for _, f := range fs {
		if f.Kind == "down" && f.Technique == technique {
			n++
		}
	}
	return n
}

// hurtFor is how long the calm words after "It hurts" stay on screen.
const hurtFor = 12 * time.Second

var softer = map[string]string{"deep": "moderate", "moderate": "light"}

// hurt is "It hurts" (the h key): the move stops at once and the clock
// waits at the next one; the later moves on that area go a step lighter
// (never deep), shown, said and noted; the press is kept with the others,
// so the person's next plans go lighter there and leave the technique out.
func (m *Model) hurt(now time.Time) {
	p := m.clock.At(now)
	if p.Done || p.Move >= len(m.s.Script.Moves) {
		return
	}
	m.note("hurt", now)
	area := m.s.Script.Moves[p.Move].Area
	later := map[int]bool{}
	for j := p.Move + 1; j < len(m.s.Script.Moves); j++ {
		mv := &m.s.Script.Moves[j]
		if !massage.Overlaps(mv.Area, area) {
			continue
		}
		later[j] = true
		if l, ok := softer[mv.Pressure]; ok {
			mv.Pressure = l
		}
		mv.Cautions = append([]string{"Lighter here: it hurt on the " + massage.AreaName(area) + " earlier"}, mv.Cautions...)
	}
	for i := range m.s.Script.Cues {
		if c := &m.s.Script.Cues[i]; later[c.Move] {
			c.Say = strings.NewReplacer("deep pressure", "moderate pressure", "moderate pressure", "light pressure").Replace(c.Say)
		}
	}
	m.passTo(p.Offset)
	m.skipped[p.Move] = true
	m.speak.Hush()
	m.clock.Skip(now)
	if m.clock.State(now).Running {
		m.clock.Pause(now)
		m.pauses++
	}
	m.lastOffset = m.clock.At(now).Offset
	calm := "Stopped. Ease off; lighter on the " + massage.AreaName(area) + " from now on. Space goes on."
	m.speak.Say(calm)
	m.ack, m.ackUntil = calm, now.Add(hurtFor)
	m.log.Info("hurt", slog.Int("move", p.Move), slog.String("area", area))
	m.look()
	m.save(now, true)
}

// Feedback gives the presses so far, oldest first.
func (m *Model) Feedback() []Feedback { return append([]Feedback(nil), m.feedback...) }

// Position is where the session's clock is now.
func (m *Model) Position() guide.Position { return m.clock.At(m.now()) }

// Started reports whether the routine has begun.
func (m *Model) Started() bool { return m.stage != stageIntro }

// Done reports whether the routine has played to its end.
func (m *Model) Done() bool { return m.stage == stageDone }

// Quitting reports whether the player has been asked to stop.
func (m *Model) Quitting() bool { return m.quit }

// clock prints seconds as m:ss, or h:mm:ss from an hour, rounded down to
// the second (a countdown uses clockUp).
func clock(s float64) string {
	if s < 0 || math.IsNaN(s) {
		s = 0
	}
	n := int(s + 1e-9)
	if n >= 3600 {
		return formatHMS(n)
	}
	return itoa(n/60) + ":" + pad2(n%60)
}

// clockUp prints seconds left, rounded up, so a countdown shows 0:01 until
// the move is over.
func clockUp(s float64) string { return clock(math.Ceil(s - 1e-9)) }

func formatHMS(n int) string {
	return itoa(n/3600) + ":" + pad2(n/60%60) + ":" + pad2(n%60)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}
