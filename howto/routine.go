package howto

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/knead/knead/massage"
)

// Limits that keep a routine within what the file format accepts.
const (
	MaxRoutineSteps = 200
	maxSay          = 1000
	maxName         = 120
	maxNote         = 600
	maxClaim        = 400
	maxItemSeconds  = 7200
)

var (
	reNotID   = regexp.MustCompile(`[^a-z0-9]+`)
	reNotFile = regexp.MustCompile(`[^A-Za-z0-9._-]+`)
)

// SourceID is the id the text goes by as a source: its file name, made
// safe, or a name made from the title for standard input.
func (r *Result) SourceID() string {
	base := filepath.Base(strings.ReplaceAll(r.Source, "\\", "/"))
	if r.Source == "" || r.Source == "-" || base == "." || base == "/" {
		return r.RoutineID() + ".txt"
	}
	id := strings.Trim(reNotFile.ReplaceAllString(base, "-"), "-.")
	if id == "" || id == massage.OwnSource {
		return r.RoutineID() + ".txt"
	}
	if len(id) > 100 {
		id = id[len(id)-100:]
	}
	return id
}

// RoutineID is "imported-" and the title (or file name) as an id.
func (r *Result) RoutineID() string {
	name := r.Title
	if name == "" && r.Source != "" && r.Source != "-" {
		name = strings.TrimSuffix(filepath.Base(r.Source), filepath.Ext(r.Source))
	}
	slug := strings.Trim(reNotID.ReplaceAllString(strings.ToLower(name), "-"), "-")
	if len(slug) > 50 {
		slug = strings.Trim(slug[:50], "-")
	}
	if slug == "" {
		return "imported-text"
	}
	return "imported-" + slug
}

// warnsNote opens the note that keeps a warning no catalog caution matches.
const warnsNote = "The text warns: "

// Routine turns what was found into a routine: one item per run of steps
// under the same heading on the same area, each step's cue the author's
// own sentences. Preparations and warnings that match the catalog are
// named by id; the other warnings and the claims are kept as the text's.
func (r *Result) Routine() *massage.Routine {
	name := r.Title
	if name == "" {
		name = "Imported: " + r.SourceID()
	}
	source := r.SourceID()
	rt := &massage.Routine{
		ID:      r.RoutineID(),
		Name:    clip(name, maxName),
		Mode:    r.Mode,
		Sources: []string{source},
	}
	steps := r.Steps
	if len(steps) > MaxRoutineSteps {
		steps = steps[:MaxRoutineSteps]
		rt.Notes = append(rt.Notes, fmt.Sprintf("Only the first %d of the %d steps found are in this routine.", MaxRoutineSteps, len(r.Steps)))
	}
	r.summarise(rt, steps, source)
	for _, p := range r.Prep {
		if p.ID != "" {
			rt.Prep = appendNew(rt.Prep, p.ID)
		}
	}
	for _, w := range r.Warnings {
		if w.Caution != "" {
			rt.Cautions = appendNew(rt.Cautions, w.Caution)
		} else {
			rt.Notes = append(rt.Notes, clip(warnsNote+w.say(), maxNote))
		}
	}
	for _, c := range r.Claims {
		rt.Claims = append(rt.Claims, massage.Claim{Say: clip(c.Text, maxClaim), Source: source})
	}
	rt.Notes = append(rt.Notes, "Imported with knead import; the steps keep the author's wording. Knead is not medical advice.")
	rt.Items = items(steps)
	return rt
}

// summarise gives the routine its pressure, the firmest any step asks
// for, and a summary of its steps and areas.
func (r *Result) summarise(rt *massage.Routine, steps []Step, source string) {
	var areas []string
	top := ""
	for _, s := range steps {
		if s.Area != "" {
			areas = appendNew(areas, s.Area)
		}
		if s.Pressure != nil {
			for _, l := range []string{s.Pressure.Level, s.Pressure.Most} {
				if massage.LevelRank(l) > massage.LevelRank(top) {
					top = l
				}
			}
		}
	}
	rt.Pressure = top
	count := fmt.Sprintf("%d steps", len(steps))
	if len(steps) == 1 {
		count = "1 step"
	}
	rt.Summary = clip(fmt.Sprintf("%s imported from %s, for %s; each cue is the author's own wording.",
		count, source, strings.Join(areaNames(areas), ", ")), maxNote)
}

// items groups the steps: a run of steps under one heading, on one area,
// is one item; with no heading to name it, a run like one catalog
// technique is.
func items(steps []Step) []massage.Item {
	var out []massage.Item
	var it *massage.Item
	lastSection, lastTech, lastTitle := "\x00", "\x00", ""
	for i := range steps {
		s := &steps[i]
		tech := ""
		if s.Technique != nil && s.sameMove {
			tech = s.Technique.ID
		}
		named := titleOf(s)
		if it == nil || s.Section != lastSection || s.Area != it.Area || named != "" && named != lastTitle ||
			headingOf(s) == "" && named == "" && tech != lastTech {
			out = append(out, massage.Item{Name: itemName(s), Area: s.Area})
			it = &out[len(out)-1]
			lastSection = s.Section
		}
		lastTech = tech
		if named != "" {
			lastTitle = named
		}
		it.Steps = append(it.Steps, s.routineStep())
		secs := s.usualSeconds()
		if s.replays > 0 {
			secs = replaySeconds(steps[:i], s.replays)
		}
		it.Seconds = min(it.Seconds+secs, maxItemSeconds)
	}
	return out
}

func areaNames(ids []string) []string {
	if len(ids) == 0 {
		return []string{"the body"}
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if a, ok := massage.AreaByID(id); ok {
			out[i] = a.Name
		}
	}
	return out
}

// itemName names an item by its heading, or else by the catalog technique
// its first step is like (when that technique makes the same motion), or
// else by the move: "Small circles, neck".
func itemName(s *Step) string {
	if s.replays > 0 {
		return switchName(s)
	}
	if n := titleOf(s); n != "" {
		return clip(n, maxName)
	}
	if n := headingOf(s); n != "" {
		return clip(n, maxName)
	}
	if s.Technique != nil && s.sameMove {
		return clip(s.Technique.Name, maxName)
	}
	name := massage.Motions.Name(s.Motion)
	if a, ok := massage.AreaByID(s.Area); ok {
		name += ", " + a.Name
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// titleOf is the name the author gives the step's list item or paragraph
// in its lead-in ("**Forearm roll.** Place your forearm …" is "Forearm
// roll"), as headingOf reads a heading; "" when there is none.
func titleOf(s *Step) string {
	if s.title == "" {
		return ""
	}
	return nameOf(strings.TrimRight(s.title, ".:;!-–— "), s.Area)
}

// headingOf is the name the step's heading gives it: the heading without
// its numbering, unless the heading names another area ("Hands and
// wrists" over a step on the stomach) or nothing but a number.
func headingOf(s *Step) string {
	return nameOf(s.Section, s.Area)
}

// nameOf is a heading or lead-in as a name: its numbering dropped, or ""
// when it names another area than area, only a number, or no move.
func nameOf(h, area string) string {
	n := sectionName(h)
	if n == "" {
		return ""
	}
	if a := areaOfText(n); a != "" && area != "" && !massage.Overlaps(a, area) {
		return ""
	}
	generic := true
	for _, t := range tokenize(n) {
		if t.kind == tWord && !genericHeading[t.w] {
			generic = false
		}
	}
	if generic {
		return "" // "Method", "How to do it", "The routine" name no move
	}
	return n
}

// genericHeading are the words of headings that name no move of their own.
var genericHeading = wordSet("method methods instructions directions how to do it usage the routine " +
	"routines massage steps step technique techniques procedure what here's here is sequence moves " +
	"a your our this finish finishing start starting begin end ending close closing last first next final")

// reNumbering is the numbering before a heading's words: "Step 2:", "3.", "1)".
var reNumbering = regexp.MustCompile(`(?i)^(step\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b\s*[:.)\-–—]?\s*`)

// sectionName is a heading without its numbering, or "" when nothing is left.
func sectionName(h string) string {
	h = strings.TrimFunc(h, func(r rune) bool { return isPictograph(r) || unicode.IsSpace(r) || unicode.Is(unicode.Mn, r) })
	h = strings.TrimSpace(reNumbering.ReplaceAllString(h, ""))
	if !strings.ContainsFunc(h, unicode.IsLetter) {
		return ""
	}
	return h
}

// replaySeconds is the time a turn to the other side takes: as long as the
// last n steps it plays again.
func replaySeconds(before []Step, n int) float64 {
	secs := 0.0
	for i := max(len(before)-n, 0); i < len(before); i++ {
		secs += before[i].usualSeconds()
	}
	return max(secs, 15)
}

// usualSeconds is the time a step takes: as the text says, or from its
// count, or half a minute.
func (s *Step) usualSeconds() float64 {
	switch {
	case s.Seconds != nil && s.Seconds.Usual > 0:
		secs := s.Seconds.Usual
		if s.Repeat != nil && s.Repeat.Most > 1 && secs < 60 {
			secs *= float64(s.Repeat.Most)
		}
		return min(secs, 1800)
	case s.Seconds != nil && s.Seconds.Most > 0:
		return min(s.Seconds.Most, 1800)
	case s.Repeat != nil && s.Repeat.Most > 0:
		return min(max(float64(s.Repeat.Most)*6, 15), 600)
	}
	return 30
}

func (s *Step) routineStep() massage.Step {
	st := massage.Step{
		Say:       clip(s.Text, maxSay),
		Motion:    s.Motion,
		Direction: s.Direction,
		Turn:      s.Turn,
		Side:      s.Side,
	}
	if st.Side == sideOther {
		st.Side = "" // the file's sides have no "other": the cue says which
	}
	for _, l := range s.Landmarks {
		if lm, ok := massage.LandmarkByID(l); ok && !lm.Avoid {
			st.At = append(st.At, l)
		}
	}
	for _, h := range s.Hands {
		st.Hands = append(st.Hands, massage.HandUse{Hand: h.Hand, Part: h.Part, Role: h.Role})
	}
	if s.Pressure != nil {
		st.Pressure = *s.Pressure
	}
	if s.Repeat != nil {
		st.Repeat = *s.Repeat
	}
	if s.Seconds != nil {
		st.Seconds = *s.Seconds
	}
	if s.Technique != nil {
		st.Note = clip(fmt.Sprintf("Like step %d of %s (%s) in Knead's catalog.", s.Technique.Step, s.Technique.Name, s.Technique.ID), maxNote)
	}
	return st
}
