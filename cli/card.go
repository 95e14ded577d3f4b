package cli

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/knead/knead/massage"
)

// A card is a technique or preparation laid out for a person reading it in
// a terminal: a title, facts in labelled lines, then sections.
type card struct {
	b     strings.Builder
	width int
}

// labelWidth is the column where a labelled line's text starts.
const labelWidth = 10

func (c *card) title(name, id string) {
	head := name + "  [" + id + "]"
	if utf8.RuneCountInString(head) > c.width {
		head = name + "\n[" + id + "]"
	}
	c.b.WriteString(head + "\n")
	n := 0
	for _, l := range strings.Split(head, "\n") {
		n = max(n, utf8.RuneCountInString(l))
	}
	c.b.WriteString(strings.Repeat("=", n) + "\n")
}

// text writes a paragraph with its first line and the rest indented.
func (c *card) text(s, first, rest string) {
	if strings.TrimSpace(s) != "" {
		c.b.WriteString(wrap(s, c.width, first, rest))
	}
}

// field writes "Label     text" at indent, wrapping under the text.
func (c *card) field(indent, label, s string) {
	if strings.TrimSpace(s) == "" {
		return
	}
	c.text(s, indent+pad(label, labelWidth), strings.Repeat(" ", len(indent)+labelWidth))
}

func (c *card) section(head string) {
	c.b.WriteString("\n")
	c.text(head, "", "")
}

func (c *card) line(s string) { c.b.WriteString(s + "\n") }

// techniqueCard lays out t as a recipe card.
func techniqueCard(cat *massage.Catalog, t *massage.Technique, width int) string {
	c := &card{width: width}
	c.title(t.Name, t.ID)
	c.text(sentence(t.Summary), "", "")
	c.line("")
	c.field("", "Areas", massage.JoinAnd(areaNames(t.Areas)))
	c.field("", "For", forWhom(t.Mode))
	c.field("", "Position", sentence(t.Position))
	if !t.Pressure.IsZero() {
		c.field("", "Pressure", t.Pressure.String())
	}
	c.field("", "Time", t.Seconds.String())
	steps := plural(len(t.Steps), "step")
	switch {
	case len(t.Steps) > 1 && t.AnyOrder:
		steps += ", in any order you like"
	case len(t.Steps) > 1:
		steps += ", in this order"
	}
	c.field("", "Kind", massage.Families.Name(t.Family)+"; "+steps)

	if len(t.Prep) > 0 {
		c.section("BEFORE YOU START")
		for i, id := range t.Prep {
			writePrep(c, cat, id, i+1)
		}
	}

	if cs := cat.CautionsOf(t); len(cs) > 0 {
		c.section("! CAUTIONS: read these before you begin")
		for _, x := range cs {
			c.text(sentence(x.Say), "  ! ", "    ")
		}
	}

	c.section("STEPS")
	for i, s := range t.Steps {
		if i > 0 {
			c.line("")
		}
		writeStep(c, cat, t, s, i+1)
	}

	if len(t.Notes) > 0 {
		c.section("TIPS")
		for _, n := range t.Notes {
			c.text(sentence(n), "  - ", "    ")
		}
	}

	if len(t.Claims) > 0 {
		c.section("WHAT THE SOURCE SAYS (its claims, not checked by Knead)")
		for _, cl := range t.Claims {
			who := "The source says"
			if len(t.Sources) > 1 && cl.Source != "" {
				who = "The source " + cl.Source + " says"
			}
			c.text(claimLine(who, cl.Say), "  ", "  ")
		}
	}

	c.line("")
	writeSources(c, cat, t.Sources, "technique")
	c.line("Knead is not medical advice.")
	return c.b.String()
}

// writePrep writes one entry of "Before you start".
func writePrep(c *card, cat *massage.Catalog, id string, n int) {
	first := fmt.Sprintf("  %d. ", n)
	rest := strings.Repeat(" ", len(first))
	p := cat.Preparation(id)
	if p == nil {
		c.text(id, first, rest)
		return
	}
	head := p.Name
	if !p.Seconds.IsZero() {
		head += " (" + p.Seconds.String() + ")"
	}
	c.text(head, first, rest)
	c.text(sentence(p.Say), rest, rest)
	if len(p.Needs) > 0 {
		c.text("Have ready: "+massage.JoinAnd(p.Needs)+".", rest, rest)
	}
	for _, note := range p.Notes {
		c.text("Tip: "+sentence(note), rest, rest)
	}
	for _, cl := range p.Claims {
		c.text(claimLine("The source says", cl.Say)+" (its claim, not checked by Knead)", rest, rest)
	}
}

// writeStep writes one numbered step: its cue, then labelled details.
func writeStep(c *card, cat *massage.Catalog, t *massage.Technique, s massage.Step, n int) {
	first := fmt.Sprintf("  %d. ", n)
	ind := strings.Repeat(" ", len(first))
	title := s.Title
	if title == "" {
		title = sentence(massage.Motions.Name(s.Motion))
		title = strings.TrimSuffix(title, ".")
	}
	c.text(title, first, ind)
	c.text(sentence(s.Say), ind, ind)
	for i, h := range s.Hands {
		label := ""
		if i == 0 {
			label = "Hands"
		}
		c.field(ind, label, handLine(h))
	}
	where := route(s.At)
	if s.Motion == "circle" && len(s.At) == 1 && slices.Contains(s.Direction, "around") {
		where = "around " + where
	}
	c.field(ind, "Where", where)
	c.field(ind, "Motion", motionLine(s))
	c.field(ind, "Pressure", t.StepPressure(s).String())
	c.field(ind, "Repeat", repeatLine(s))
	c.field(ind, "Time", s.Seconds.String())
	if s.Side != "" && s.Side != "none" {
		c.field(ind, "Side", massage.Sides.Name(s.Side))
	}
	for _, id := range s.Cautions {
		if x := cat.Caution(id); x != nil {
			c.field(ind, "! Mind", sentence(x.Say))
		}
	}
	c.field(ind, "Tip", sentence(s.Note))
}

// handLine says what one hand does: "left hand — palms, holds and steadies, at the chin".
func handLine(h massage.HandUse) string {
	phrase := massage.HandPhrase(h) // "one palm", not "one hand — palms"
	switch {
	case h.Hand == "both" && strings.HasPrefix(phrase, "both ") && !strings.Contains(phrase, "hands"):
		if p := massage.HandParts.Name(h.Part); strings.HasPrefix(p, "fingertips") || strings.HasPrefix(p, "pads") {
			phrase = "both hands' " + strings.TrimPrefix(phrase, "both ") // not "both fingertips"
		}
	case (h.Hand == "left" || h.Hand == "right") && strings.HasSuffix(phrase, "s") && h.Part != "thumbs":
		phrase = h.Hand + " hand's " + strings.TrimPrefix(phrase, h.Hand+" ") // "left hand's fingertips"
	}
	parts := []string{phrase}
	if h.Role != "" && h.Role != "work" {
		parts = append(parts, massage.HandRoles.Name(h.Role))
	}
	if len(h.At) > 0 {
		where := route(h.At)
		if len(h.At) == 1 && !prepositional(h.At[0]) {
			where = "at " + where // a route of several says "from … to …" itself
		}
		parts = append(parts, where)
	}
	if h.Turn != "" {
		parts = append(parts, "turning "+massage.Turns.Name(h.Turn))
	}
	return strings.Join(parts, ", ")
}

// route says where a move goes: "the crown", "from the X to the Y",
// "from the X, past the Y, to the Z".
func route(at []string) string {
	names := make([]string, len(at))
	for i, id := range at {
		names[i] = theLandmark(id)
	}
	if len(names) > 1 && !oneRegion(at) {
		// places far apart (the jaw, a palm, a sole) are choices, not a path
		return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	case 2:
		return "from " + names[0] + " to " + names[1]
	}
	return "from " + names[0] + ", past " + massage.JoinAnd(names[1:len(names)-1]) + ", to " + names[len(names)-1]
}

// oneRegion reports whether landmarks lie in one part of the body (the
// head, the back, an arm, a leg), so that a move can travel between them.
func oneRegion(at []string) bool {
	top := func(id string) string {
		l, ok := massage.LandmarkByID(id)
		if !ok {
			return id
		}
		a := l.Area
		for {
			x, ok := massage.AreaByID(a)
			if !ok || x.Parent == "" {
				return a
			}
			a = x.Parent
		}
	}
	first := top(at[0])
	for _, id := range at[1:] {
		if top(id) != first {
			return false
		}
	}
	return true
}

// theLandmark names a landmark as a sentence uses it: "the crown",
// "behind the ears".
func theLandmark(id string) string {
	l, ok := massage.LandmarkByID(id)
	if !ok {
		return id
	}
	name := l.Name
	if head, tail, ok := strings.Cut(name, ", "); ok {
		name = head + " (" + tail + ")" // "lower thigh, above the knee" reads clearer in a route as "lower thigh (above the knee)"
	}
	if strings.HasPrefix(name, "the ") || prepositional(id) {
		return name
	}
	return "the " + name
}

// prepositional reports whether a landmark's name is a place phrase of its
// own ("above the ears") that takes no "the" and no "at".
func prepositional(id string) bool {
	l, ok := massage.LandmarkByID(id)
	if !ok {
		return false
	}
	first, _, _ := strings.Cut(l.Name, " ")
	switch first {
	case "above", "below", "behind", "beside", "between", "around", "under", "over", "along":
		return true
	}
	return false
}

// motionLine says how a step moves: "small circles, up then away from the spine, counterclockwise".
func motionLine(s massage.Step) string {
	name := massage.Motions.Name(s.Motion)
	if s.Motion == "circle" && s.Radius.Metres() >= 0.05 {
		name = "wide circles"
	}
	parts := []string{name}
	var ways []string // where the move travels, in turn
	beside := false   // and, all along, beside the spine
	for _, d := range s.Direction {
		switch {
		case d == "along-spine":
			beside = true
		case d == "around" && s.Motion == "circle":
			// circles go around already
		case strings.HasSuffix(name, massage.Directions.Name(d)):
			// "rub back and forth" says its way already
		default:
			ways = append(ways, massage.Directions.Name(d))
		}
	}
	if len(ways) > 0 {
		parts = append(parts, strings.Join(ways, " then "))
	}
	if beside {
		parts = append(parts, "beside the spine")
	}
	if s.Turn != "" {
		parts = append(parts, massage.Turns.Name(s.Turn))
	}
	if !s.Radius.IsZero() {
		parts = append(parts, "radius "+s.Radius.String())
	}
	if s.Tempo > 0 {
		parts = append(parts, fmt.Sprintf("about %g strokes a minute", s.Tempo))
	}
	return strings.Join(parts, ", ")
}

// repeatLine says how often: "4 times, moving on 1 inch each time".
func repeatLine(s massage.Step) string {
	r := s.Repeat.String()
	if !s.Increment.IsZero() {
		if r != "" {
			r += ", "
		}
		r += "moving on " + s.Increment.String() + " each time"
	}
	return r
}

func areaNames(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = massage.AreaName(id)
	}
	return out
}

// forWhom says who the massage is for.
func forWhom(mode string) string {
	switch mode {
	case "self":
		return "yourself (self-massage)"
	case "partner":
		return "a partner"
	case "both":
		return "yourself or a partner"
	}
	return mode
}

// writeSources names the source files, or says the entry is Knead's own.
func writeSources(c *card, cat *massage.Catalog, ids []string, what string) {
	if len(ids) == 0 {
		return
	}
	label := "Source"
	if len(ids) > 1 {
		label = "Sources"
	}
	for i, id := range ids {
		s := id
		switch src := cat.Source(id); {
		case id == massage.OwnSource:
			s = "Knead's own " + what + ", not from a source text"
		case src != nil && src.Title != "":
			s = src.Title + sourceNumber(id)
		}
		if i > 0 {
			label = ""
		}
		c.field("", label, s)
	}
}

// sourceNumber names a built-in source text by its number, as knead list
// does (" (source text 002)"); other sources' ids are their own names.
func sourceNumber(id string) string {
	if num, _, ok := strings.Cut(id, "_"); ok && len(num) == 3 && strings.Trim(num, "0123456789") == "" {
		return " (source text " + num + ")"
	}
	return " (" + id + ")"
}

// preparationCard lays out a preparation.
func preparationCard(cat *massage.Catalog, p *massage.Preparation, width int) string {
	c := &card{width: width}
	c.title(p.Name, p.ID)
	c.text(sentence(p.Say), "", "")
	c.line("")
	c.field("", "Kind", massage.PrepKinds.Name(p.Kind))
	c.field("", "For", forWhom(p.Mode))
	c.field("", "Areas", massage.JoinAnd(areaNames(p.Areas)))
	c.field("", "Time", p.Seconds.String())
	if len(p.Needs) > 0 {
		c.field("", "Needs", massage.JoinAnd(p.Needs))
	}
	if len(p.After) > 0 {
		after := make([]string, len(p.After))
		for i, id := range p.After {
			after[i] = id
			if q := cat.Preparation(id); q != nil {
				after[i] = q.Name
			}
		}
		c.field("", "After", massage.JoinAnd(after))
	}
	if len(p.Notes) > 0 {
		c.section("TIPS")
		for _, n := range p.Notes {
			c.text(sentence(n), "  - ", "    ")
		}
	}
	if len(p.Claims) > 0 {
		c.section("WHAT THE SOURCE SAYS (its claims, not checked by Knead)")
		for _, cl := range p.Claims {
			c.text(claimLine("The source says", cl.Say), "  ", "  ")
		}
	}
	c.line("")
	writeSources(c, cat, p.Sources, "preparation")
	c.line("Knead is not medical advice.")
	return c.b.String()
}

// claimLine introduces a claim as the source's words: "said to ease
// stress" becomes "The source says it can ease stress."; other wordings
// follow a colon.
func claimLine(who, say string) string { return massage.ClaimLine(who, say) }
