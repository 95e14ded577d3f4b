package howto

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

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
	var areas []string
	steps := r.Steps
	if len(steps) > MaxRoutineSteps {
		steps = steps[:MaxRoutineSteps]
		rt.Notes = append(rt.Notes, fmt.Sprintf("Only the first %d of the %d steps found are in this routine.", MaxRoutineSteps, len(r.Steps)))
	}
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
	for _, p := range r.Prep {
		if p.ID != "" {
			rt.Prep = appendNew(rt.Prep, p.ID)
		}
	}
	for _, w := range r.Warnings {
		if w.Caution != "" {
			rt.Cautions = appendNew(rt.Cautions, w.Caution)
		} else {
			rt.Notes = append(rt.Notes, clip("The text warns: "+w.Text, maxNote))
		}
	}
	for _, c := range r.Claims {
		rt.Claims = append(rt.Claims, massage.Claim{Say: clip(c.Text, maxClaim), Source: source})
	}
	rt.Notes = append(rt.Notes, "Imported with knead import; the steps keep the author's wording. Knead is not medical advice.")

	var it *massage.Item
	lastSection := "\x00"
	for i := range steps {
		s := &steps[i]
		if it == nil || s.Section != lastSection || s.Area != it.Area {
			rt.Items = append(rt.Items, massage.Item{Name: itemName(s), Area: s.Area})
			it = &rt.Items[len(rt.Items)-1]
			lastSection = s.Section
		}
		it.Steps = append(it.Steps, s.routineStep())
		it.Seconds = min(it.Seconds+s.usualSeconds(), maxItemSeconds)
	}
	return rt
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

func itemName(s *Step) string {
	if s.Section != "" {
		return clip(s.Section, maxName)
	}
	if a, ok := massage.AreaByID(s.Area); ok {
		return strings.ToUpper(a.Name[:1]) + a.Name[1:]
	}
	return "Steps"
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
