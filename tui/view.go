package tui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
)

// styles are the few looks the player uses: calm, mid-tone colours that
// read on dark and light backgrounds, or bold and faint alone without
// colour.
type styles struct {
	title, strong, dim, heading, caution, ack, said, paused, callout, barOn, barOff lipgloss.Style
	on, off                                                                         string // the bar's filled and empty cells
}

func newStyles(r *lipgloss.Renderer, color bool) styles {
	base := r.NewStyle()
	s := styles{
		title:   base.Bold(true),
		strong:  base.Bold(true),
		dim:     base.Faint(true),
		heading: base.Bold(true),
		caution: base.Bold(true),
		ack:     base.Bold(true),
		said:    base,
		paused:  base.Bold(true),
		callout: base.Bold(true).Reverse(true),
		barOn:   base,
		barOff:  base.Faint(true),
		on:      "█",
		off:     "░",
	}
	if color && r.ColorProfile() != termenv.Ascii {
		teal, amber, sage, grey, track := lipgloss.Color("73"), lipgloss.Color("179"), lipgloss.Color("108"), lipgloss.Color("245"), lipgloss.Color("238")
		s.title = s.title.Foreground(teal)
		s.dim = base.Foreground(grey)
		s.heading = s.heading.Foreground(teal)
		s.caution = base.Foreground(amber)
		s.ack = base.Foreground(sage)
		s.said = base.Foreground(teal)
		s.paused = s.paused.Foreground(amber)
		s.callout = base.Bold(true).Foreground(amber)
		s.barOn = base.Foreground(teal)
		s.barOff = base.Foreground(track)
		s.on, s.off = "━", "━"
	}
	return s
}

// View draws the screen: exactly as many lines as the terminal is high,
// none wider than it.
func (m *Model) View() string {
	if m.quit {
		return ""
	}
	w, h := max(m.width, 1), max(m.height, 1)
	var lines []string
	switch m.stage {
	case stageIntro:
		lines = m.introView(w, h)
	case stagePlay:
		lines = m.playView(w, h)
	default:
		lines = m.doneView(w, h)
	}
	return fit(lines, w, h)
}

// fit cuts or pads lines to exactly h lines of at most w columns.
func fit(lines []string, w, h int) string {
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = strings.TrimRight(ansi.Truncate(lines[i], w, ""), " ")
		}
	}
	return strings.Join(out, "\n")
}

// block is a part of the playing screen. When the screen is too short,
// the blocks of the highest prio go first; prio 0 always stays.
type block struct {
	lines []string
	prio  int
}

func spacer(prio int) block { return block{lines: []string{""}, prio: prio} }

func height(bs []block, upTo int) int {
	n := 0
	for _, b := range bs {
		if b.prio <= upTo {
			n += len(b.lines)
		}
	}
	return n
}

// column is the width text is wrapped at: the screen less a margin, and
// never so wide that a line is hard to follow.
func column(w int) int { return max(min(w-4, 72), 10) }

func (m *Model) playView(w, h int) []string {
	now := m.now()
	p := m.clock.At(now)
	sc := m.s.Script
	if len(sc.Moves) == 0 {
		return []string{"", center("This routine has no moves.", w)}
	}
	mv := sc.Moves[p.Move]
	col := column(w)
	c := func(s string) string { return center(s, w) }
	style := func(st lipgloss.Style, lines []string) []string {
		out := make([]string, len(lines))
		for i, l := range lines {
			out[i] = c(st.Render(l))
		}
		return out
	}

	// The title: big letters when they fit in three lines and leave room.
	bold := style(m.st.title, limit(wrapText(strings.ToUpper(mv.Title), col), 2, col))
	var big []string
	if rows, ok := bigWrap(mv.Title, w-4); ok && len(rows) <= 3 {
		for i, r := range rows {
			if i > 0 {
				big = append(big, "")
			}
			big = append(big, style(m.st.title, bigText(r))...)
		}
	}

	header := m.headerLine(p, w)
	context := style(m.st.dim, limit(wrapText(m.contextLine(mv), col), 2, col))
	say := style(lipgloss.NewStyle(), limit(wrapText(mv.Say, col), 4, col))
	status := []string{c(m.statusLine(p, mv))}
	cautions := m.cautionLines(p, col, w)
	var count []string
	if p.Left > 0 {
		count = append(style(m.st.strong, bigText(clockUp(p.Left))), "")
	}
	bars := m.bars(p, w)
	next := []string{c(m.st.dim.Render(ansi.Truncate(m.nextLine(p.Move), col, "…")))}
	note := []string{""}
	switch {
	case now.Before(m.ackUntil):
		note[0] = c(m.st.ack.Render(ansi.Truncate(m.ack, col, "…")))
	case now.Before(m.saidUntil) && m.said != "":
		note[0] = c(m.st.said.Render(ansi.Truncate("“"+m.said+"”", col, "…")))
	}
	footer := m.st.dim.Render(m.keysLine(w))

	layout := func(title []string) []block {
		return []block{
			{lines: []string{header}}, spacer(8),
			{lines: context, prio: 3}, spacer(6),
			{lines: title}, spacer(5),
			{lines: say}, spacer(6),
			{lines: status}, {lines: cautions, prio: 1}, spacer(5),
			{lines: count, prio: 9},
			{lines: bars}, spacer(7),
			{lines: next, prio: 2}, {lines: note, prio: 2},
		}
	}
	blocks := layout(bold)
	if big != nil {
		if b := layout(big); height(b, 5)+1 <= h {
			blocks = b
		}
	}
	// Drop the least needed blocks until the screen holds the rest and the
	// footer.
	for height(blocks, 99)+1 > h {
		worst := -1
		for i, b := range blocks {
			if b.prio > 0 && len(b.lines) > 0 && (worst < 0 || b.prio >= blocks[worst].prio) {
				worst = i
			}
		}
		if worst < 0 {
			break
		}
		blocks[worst].lines = nil
	}
	var body []string
	for _, b := range blocks {
		body = append(body, b.lines...)
	}
	// The header stays on top, the keys at the bottom, and what lies
	// between sits in the middle of the room left.
	free := h - len(body) - 1
	out := []string{body[0]}
	for i := 0; i < free/2; i++ {
		out = append(out, "")
	}
	out = append(out, body[1:]...)
	for len(out) < h-1 {
		out = append(out, "")
	}
	return append(out, footer)
}

// headerLine shows the routine's name on the left and where it is on the right.
func (m *Model) headerLine(p guide.Position, w int) string {
	right := "move " + itoa(p.Move+1) + " of " + itoa(len(m.s.Script.Moves))
	room := w - ansi.StringWidth(right) - 4
	left := ansi.Truncate("Knead · "+m.s.Title, max(room, 0), "…")
	gap := w - ansi.StringWidth(left) - ansi.StringWidth(right) - 2
	if gap < 1 {
		return " " + m.st.dim.Render(right)
	}
	return " " + m.st.dim.Render(left) + strings.Repeat(" ", gap) + m.st.dim.Render(right)
}

// contextLine says where the move works, which technique and step it is,
// and what the hands do.
func (m *Model) contextLine(mv guide.Move) string {
	var parts []string
	if mv.Area != "" {
		parts = append(parts, massage.UpperFirst(massage.AreaName(mv.Area)))
	}
	name := ""
	if mv.Name != "" && mv.Name != m.s.Title {
		name = mv.Name
	}
	if mv.Steps > 1 {
		if name != "" {
			name += ", "
		}
		name += "step " + itoa(mv.Step+1) + " of " + itoa(mv.Steps)
	}
	if name != "" {
		parts = append(parts, name)
	}
	if mv.Hands != "" {
		parts = append(parts, mv.Hands)
	}
	return strings.Join(parts, "  ·  ")
}

// statusLine is the line under the cue: paused, the call to switch sides,
// or the pass, the side and the pressure.
func (m *Model) statusLine(p guide.Position, mv guide.Move) string {
	if !p.Running && !p.Done {
		return m.st.paused.Render("PAUSED  ·  space goes on")
	}
	if p.Half == 2 && p.Elapsed-mv.Seconds/2 < switchFor {
		word := "SWITCH SIDES"
		if mv.Side == "swap-hands" {
			word = "SWAP HANDS"
		}
		return m.st.callout.Render(" " + word + " ")
	}
	var parts []string
	if mv.Passes > 1 && p.Pass > 0 {
		parts = append(parts, "pass "+itoa(p.Pass)+" of "+itoa(mv.Passes))
	}
	if s := sideWords(mv.Side, p.Half); s != "" {
		parts = append(parts, s)
	}
	if mv.Pressure != "" {
		parts = append(parts, mv.Pressure+" pressure")
	}
	return m.st.strong.Render(massage.UpperFirst(strings.Join(parts, "  ·  ")))
}

// sideWords says which side or hand is working.
func sideWords(side string, half int) string {
	switch side {
	case "each":
		if half == 2 {
			return "second side"
		}
		return "first side, then switch"
	case "swap-hands":
		if half == 2 {
			return "hands swapped"
		}
		return "first hand, then swap"
	case "left":
		return "left side"
	case "right":
		return "right side"
	case "both":
		return "both sides together"
	case "alternate":
		return "sides take turns"
	}
	return ""
}

// moveCautions are the cautions of the move and of its technique's first
// move, in full, so they stay in view for the whole technique (the voice
// says each in full once a session, then in a few words).
func (m *Model) moveCautions(i int) []string {
	sc := m.s.Script
	first := i
	for first > 0 && sc.Moves[first-1].Item == sc.Moves[i].Item {
		first--
	}
	seen := map[string]bool{}
	var out []string
	for _, j := range []int{first, i} {
		for _, c := range sc.Moves[j].Cautions {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// cautionEvery is how many seconds each of a move's cautions stays in view
// when it has several.
const cautionEvery = 6.0

// cautionLines shows the move's cautions one at a time, each for
// cautionEvery seconds of the move, in a block as tall as the longest so
// that nothing below it jumps. The block is left-aligned and centred as
// a whole.
func (m *Model) cautionLines(p guide.Position, col, w int) []string {
	cs := m.moveCautions(p.Move)
	if len(cs) == 0 {
		return nil
	}
	i := int(p.Elapsed/cautionEvery) % len(cs)
	tall, wide := 0, 0
	var shown []string
	for j, c := range cs {
		if len(cs) > 1 {
			c += " (" + itoa(j+1) + "/" + itoa(len(cs)) + ")"
		}
		lines := wrapIndent(c, col, "! ", "  ")
		tall = max(tall, len(lines))
		for _, l := range lines {
			wide = max(wide, ansi.StringWidth(l))
		}
		if j == i {
			shown = lines
		}
	}
	left := strings.Repeat(" ", max((w-wide)/2, 0))
	out := make([]string, tall)
	for j, l := range shown {
		out[j] = left + m.st.caution.Render(l)
	}
	return out
}

// nextLine says what comes after move i.
func (m *Model) nextLine(i int) string {
	sc := m.s.Script
	if i+1 >= len(sc.Moves) {
		return "Last move"
	}
	mv, n := sc.Moves[i], sc.Moves[i+1]
	what := n.Title
	if n.Item != mv.Item && n.Name != "" && n.Name != n.Title {
		what = n.Name + ": " + n.Title
	}
	if n.Area != "" && n.Area != mv.Area {
		what += ", " + massage.AreaName(n.Area)
	}
	return "Next: " + what + "  (" + clock(n.Seconds) + ")"
}

// bars draws the progress of the move and of the routine, with the time
// left in each.
func (m *Model) bars(p guide.Position, w int) []string {
	sc := m.s.Script
	mv := sc.Moves[p.Move]
	const label, right = 11, 11
	barW := min(w-label-right-4, 60)
	if barW < 4 {
		return []string{center(clockUp(p.Left)+" left  ·  "+clockUp(sc.Total-p.Offset)+" in all", w)}
	}
	line := func(name string, done, total float64, left string) string {
		frac := 0.0
		if total > 0 {
			frac = min(max(done/total, 0), 1)
		}
		n := int(frac*float64(barW) + 0.5)
		bar := m.st.barOn.Render(strings.Repeat(m.st.on, n)) + m.st.barOff.Render(strings.Repeat(m.st.off, barW-n))
		l := m.st.dim.Render(name + strings.Repeat(" ", label-len(name)))
		r := strings.Repeat(" ", max(right-len(left)-5, 1)) + m.st.strong.Render(left) + m.st.dim.Render(" left")
		return center(l+bar+r, w)
	}
	return []string{
		line("This move", p.Elapsed, mv.Seconds, clockUp(p.Left)),
		line("Routine", p.Offset, sc.Total, clockUp(sc.Total-p.Offset)),
	}
}

// keysLine lists the keys, shorter on a narrow screen.
func (m *Model) keysLine(w int) string {
	for _, s := range []string{
		"h IT HURTS  space pause  ← back  → skip  l lighter  g good  f firmer  s sore  u/d thumbs  q quit",
		"h IT HURTS  space pause  ← →  l/g/f/s lighter/good/firmer/sore  u/d thumbs  q quit",
		"h IT HURTS  space  ← →  l/g/f/s lighter/good/firmer/sore  u/d thumbs  q quit",
		"h IT HURTS  space  ← →  l g f s  u d  q",
		"h IT HURTS",
	} {
		if ansi.StringWidth(s) <= w-2 {
			return center(s, w)
		}
	}
	return ""
}

// introBody is the scrolling part of the start screen, in a column of col
// columns.
func (m *Model) introBody(col int) []string {
	var out []string
	if len(m.s.Prep) > 0 {
		head := "BEFORE YOU START"
		if len(m.s.Prep) > 1 {
			head += m.st.dim.Render("   keys 1–" + itoa(min(len(m.s.Prep), 9)) + " tick them off")
		} else {
			head += m.st.dim.Render("   key 1 ticks it off")
		}
		out = append(out, m.st.heading.Render("BEFORE YOU START")+strings.TrimPrefix(head, "BEFORE YOU START"))
		for i, p := range m.s.Prep {
			box := "[ ]"
			if m.ticked[i] {
				box = "[x]"
			}
			num := " "
			if i < 9 {
				num = itoa(i + 1)
			}
			lead := box + " " + num + "  "
			title := p.Name
			if p.Seconds > 0 {
				title += "  (" + massage.Seconds(p.Seconds) + ")"
			}
			pad := strings.Repeat(" ", len(lead)-2)
			line := wrapIndent(title, col, lead, pad)
			if m.ticked[i] {
				for j := range line {
					line[j] = m.st.dim.Render(line[j])
				}
			} else {
				line[0] = lead + m.st.strong.Render(strings.TrimPrefix(line[0], lead))
			}
			out = append(out, line...)
			text := p.Say
			if len(p.Needs) > 0 {
				text += " Have ready: " + strings.Join(p.Needs, ", ") + "."
			}
			for _, l := range wrapIndent(text, col, pad, pad) {
				if m.ticked[i] {
					l = m.st.dim.Render(l)
				}
				out = append(out, l)
			}
		}
		out = append(out, "")
	}
	if len(m.s.Cautions) > 0 {
		out = append(out, m.st.heading.Render("TAKE CARE"))
		for _, c := range m.s.Cautions {
			lead := "· "
			st := lipgloss.NewStyle()
			if c.First {
				lead, st = "! ", m.st.caution
			}
			for _, l := range wrapIndent(c.Say, col, lead, "  ") {
				out = append(out, st.Render(l))
			}
		}
		out = append(out, "")
	}
	if m.s.Position != "" {
		out = append(out, m.st.heading.Render("POSITION"))
		out = append(out, wrapIndent(m.s.Position, col, "", "")...)
		out = append(out, "")
	}
	var notes []string
	for _, n := range m.s.Notes {
		// The start screen says it once already.
		if !strings.Contains(strings.ToLower(n), "not medical advice") {
			notes = append(notes, n)
		}
	}
	if len(notes) > 0 {
		out = append(out, m.st.heading.Render("NOTES"))
		for _, n := range notes {
			for _, l := range wrapIndent(n, col, "· ", "  ") {
				out = append(out, m.st.dim.Render(l))
			}
		}
		out = append(out, "")
	}
	return out
}

// introParts lays out the start screen: the lines fixed on top, the body
// that scrolls, and the lines fixed at the bottom.
func (m *Model) introParts(w int) (top, body, bottom []string) {
	col := column(w)
	sc := m.s.Script
	facts := []string{}
	if m.s.About != "" {
		facts = append(facts, m.s.About)
	}
	facts = append(facts, massage.Seconds(sc.Total)+" of hands-on time", plural(len(sc.Moves), "move"))
	top = append(top, "")
	for _, l := range limit(wrapText(m.s.Title, col), 2, col) {
		top = append(top, m.st.title.Render(l))
	}
	for _, l := range wrapText(strings.Join(facts, " · "), col) {
		top = append(top, m.st.dim.Render(l))
	}
	top = append(top, m.st.dim.Render("Knead is not medical advice: stop if anything hurts."), "")
	begin := "Press space to begin"
	if line := m.s.resumeLine(); line != "" {
		for _, l := range wrapText(line, col) {
			top = append(top, m.st.strong.Render(l))
		}
		top = append(top, "")
		begin = "Press space to go on"
	}

	keys := "space begin   1–9 tick   ↑ ↓ scroll   q quit"
	if m.s.Resume != nil {
		keys = "space go on   1–9 tick   ↑ ↓ scroll   q quit"
	}
	if ansi.StringWidth(keys) > w-2 {
		keys = "space  1–9  ↑ ↓  q"
	}
	bottom = []string{"", center(m.st.strong.Render(begin), w), m.st.dim.Render(center(keys, w))}
	return top, m.introBody(col), bottom
}

// maxScroll is the furthest the start screen's body scrolls at w×h.
func (m *Model) maxScroll(w, h int) int {
	top, body, bottom := m.introParts(w)
	room := h - len(top) - len(bottom)
	if room <= 0 || len(body) <= room {
		return 0
	}
	return len(body) - room + 1
}

func (m *Model) introView(w, h int) []string {
	top, body, bottom := m.introParts(w)
	left := strings.Repeat(" ", max((w-column(w))/2, 0))
	room := h - len(top) - len(bottom)
	var out []string
	if free := room - len(body); free > 2 {
		// A short start screen sits a little above the middle.
		for i := 0; i < free/3; i++ {
			out = append(out, "")
		}
		room -= free / 3
	}
	for _, l := range top {
		out = append(out, left+l)
	}
	if room > 0 {
		shown := body
		if len(body) > room {
			start := min(max(m.scroll, 0), len(body)-room+1)
			shown = append([]string(nil), body[start:start+room-1]...)
			more := "↓ more below: ↓ or j scrolls"
			if start+room-1 >= len(body) {
				more = "↑ more above: ↑ or k scrolls"
			}
			shown = append(shown, m.st.dim.Render(more))
		}
		for _, l := range shown {
			out = append(out, left+l)
		}
		for len(out) < h-len(bottom) {
			out = append(out, "")
		}
	}
	return append(out, bottom...)
}

func (m *Model) doneView(w, h int) []string {
	col := column(w)
	left := strings.Repeat(" ", max((w-col)/2, 0))
	r := m.Result()
	var head []string
	if h >= 16 {
		head = append(head, "")
		for _, l := range bigText("Done") {
			head = append(head, center(m.st.title.Render(l), w))
		}
		head = append(head, "")
	} else {
		head = append(head, "", center(m.st.title.Render("DONE"), w), "")
	}
	var out []string
	out = append(out, head...)
	for _, l := range r.summaryLines(col) {
		out = append(out, left+l)
	}
	prompt, keys := m.ratePrompt(col, left)
	footer := m.st.dim.Render(center(keys, w))
	room := h - 1 - len(prompt)
	if len(out) > room-1 {
		out = limit(out, max(room-1, 1), w)
	} else if free := room - len(out); free > 2 {
		// A short summary sits a little above the middle.
		out = append(make([]string, free/3), out...)
	}
	out = append(out, prompt...)
	for len(out) < h-1 {
		out = append(out, "")
	}
	return append(out, footer)
}

// ratePrompt asks, at the end of a session that is kept, how it was and
// for a note, and gives the keys line that goes with it.
func (m *Model) ratePrompt(col int, left string) (lines []string, keys string) {
	pick := func(options ...string) string {
		for _, o := range options {
			if ansi.StringWidth(o) <= col {
				return o
			}
		}
		return options[len(options)-1]
	}
	switch m.rate {
	case rateAsk:
		lines = []string{"",
			left + m.st.strong.Render(pick("How was it? Press a key from 1 to 5.", "How was it? 1 to 5")),
			left + m.st.dim.Render(pick("1 not good · 2 so-so · 3 all right · 4 good · 5 very good", "1 poor … 5 very good")),
		}
		keys = pick("1–5 rate   enter or esc leaves without a rating   ← back", "1–5 rate   enter skip   ← back", "1–5  enter  ←")
	case rateNote:
		lines = []string{"",
			left + m.st.strong.Render(pick("Rated "+itoa(m.rating)+" of 5. A note for next time? (one line, optional)", "Rated "+itoa(m.rating)+" of 5. A note?")),
			left + "> " + noteTail(string(m.typed), col-3) + m.st.dim.Render("_"),
		}
		keys = pick("enter saves   esc saves the rating without a note", "enter save   esc no note", "enter  esc")
	default:
		keys = "q or enter leaves   ← back to the last move"
	}
	return lines, keys
}

// noteTail is the end of the note being typed, as much as fits in width
// columns.
func noteTail(s string, width int) string {
	width = max(width, 1)
	for ansi.StringWidth(s) > width {
		_, size := utf8.DecodeRuneInString(s)
		s = s[size:]
	}
	return s
}
