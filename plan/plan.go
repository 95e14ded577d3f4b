package plan

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/knead/knead/massage"
)

// Plan is a routine built for one request. Its JSON is exactly what
// `knead plan --json` prints and POST /api/plan answers.
type Plan struct {
	TotalSeconds float64    `json:"total_seconds"`
	Minutes      float64    `json:"minutes"`
	Areas        []string   `json:"areas"`    // the areas planned, in the order played
	Mode         string     `json:"mode"`     // self, partner, or both when every move suits either
	Pressure     string     `json:"pressure"` // the most pressure asked for
	Seed         int64      `json:"seed"`
	Conditions   []string   `json:"conditions,omitempty"`
	Age          string     `json:"age,omitempty"`
	Cleared      bool       `json:"cleared,omitempty"` // a health professional agreed, for ask-first conditions
	Safety       []Safety   `json:"safety"`            // what each condition did, why, and its sources
	Prep         []Prep     `json:"prep"`
	Items        []Item     `json:"items"`
	Excluded     []Excluded `json:"excluded"`
	Cautions     []Caution  `json:"cautions"`
	Dropped      []string   `json:"dropped,omitempty"` // phases dropped for lack of time, said plainly
	Notes        []string   `json:"notes"`             // what the planner decided or adapted, said plainly; never null
	// Transitions are said between items: a change of position, oil to
	// spread, hands to wipe. Never null; their time is not hands-on time.
	Transitions []Transition `json:"transitions"`
}

// Transition is a short break in the hands-on time before an item.
type Transition struct {
	Before   int            `json:"before"` // index of the item it comes before
	Kind     string         `json:"kind"`   // position, oil, wipe, joined by "+" when several
	Say      string         `json:"say"`
	Seconds  float64        `json:"seconds"`
	Position *massage.Place `json:"position,omitempty"` // where the bodies are after it, when it moves them
}

// Prep is a preparation done before the hands-on time, with its own time.
type Prep struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Seconds float64  `json:"seconds"`
	Say     string   `json:"say"`
	Needs   []string `json:"needs,omitempty"`
}

// Item is one timed move of the plan.
type Item struct {
	Technique string   `json:"technique"`
	Name      string   `json:"name"`
	Section   string   `json:"section"` // the area asked for that this move belongs to
	Area      string   `json:"area"`    // the finest area the move works on
	Phase     string   `json:"phase"`   // warm-up, work or finish
	Seconds   float64  `json:"seconds"`
	Pressure  string   `json:"pressure"`
	Side      string   `json:"side"`               // each, left, right, both or none
	Cautions  []string `json:"cautions,omitempty"` // ids of the plan's cautions that matter here
	Note      string   `json:"note,omitempty"`
	// Play lists the technique's steps played (0-based) when not all: a
	// long technique plays fewer steps so that each lasts long enough.
	Play     []int         `json:"play,omitempty"`
	Position massage.Place `json:"position"` // where the bodies are during it
}

// Excluded is a technique left out, where, and why in plain words.
type Excluded struct {
	Technique string `json:"technique"`
	Name      string `json:"name"`
	Area      string `json:"area"`
	Reason    string `json:"reason"`
	Condition string `json:"condition,omitempty"` // the condition that caused it, as written
	Source    string `json:"source"`              // where the rule comes from: addresses, or what was asked
}

// Safety is what one condition did to the plan, in plain words, with the
// rule's sources: the plan says why it is lighter or shorter.
type Safety struct {
	Condition string   `json:"condition"` // as written: "blood-thinners", "recent-fracture:calves"
	Name      string   `json:"name"`      // in plain words
	Outcome   string   `json:"outcome"`   // stop, leave-out, light-only or ask-first
	Why       string   `json:"why"`
	Sources   []string `json:"sources"` // addresses, or titles for texts without one
}

// Caution is a safety note for the plan: from the catalog, or made by the
// planner for a condition (its id is then the condition, e.g. "sensitive:face").
type Caution struct {
	ID         string   `json:"id"`
	Say        string   `json:"say"`
	Kind       string   `json:"kind"`
	When       string   `json:"when"` // before, start, during
	Techniques []string `json:"techniques,omitempty"`
	Areas      []string `json:"areas,omitempty"`
	Landmarks  []string `json:"landmarks,omitempty"` // the places it names (the spine line, the ribs)
	Sources    []string `json:"sources,omitempty"`
}

// Make builds a plan for the request from the catalog. Errors the user can
// fix (bad fields, too few or too many minutes, nothing safe left) are
// *Error; the request is validated first.
func Make(cat *massage.Catalog, r Request) (*Plan, error) {
	return MakeFor(cat, r, nil)
}

// MakeFor builds a plan for the request as Make does, adapted to a
// person's history (nil: none): a pressure they asked to change a step
// lighter or firmer where they asked and for the move they asked it
// during, more time and gentle work where a
// sore spot is remembered, liked techniques first, a technique with two
// thumbs-down left out. Every adaptation is said in Notes.
func MakeFor(cat *massage.Catalog, r Request, h *History) (*Plan, error) {
	if cat == nil {
		return nil, errors.New("plan: no catalog")
	}
	req, conds, err := r.normalize()
	if err != nil {
		return nil, err
	}
	ix := newIndex(cat)
	ix.lesson = learnOnce(h)
	var learned []string
	ix.lesson.weigh(&req, &learned)
	if err := ix.screen(req, conds, r); err != nil {
		return nil, err
	}
	ix.ban(conds)
	pools := ix.pools(req, conds)
	mode := req.Mode
	if mode == "" {
		mode = pickMode(pools)
	}
	secs := ix.sections(req, pools, mode)
	p := &Plan{
		Minutes:     req.Minutes,
		Mode:        mode,
		Pressure:    req.Pressure,
		Seed:        req.Seed,
		Conditions:  req.Conditions,
		Age:         req.Age,
		Cleared:     req.Cleared,
		Safety:      ix.safety(conds),
		Prep:        []Prep{},
		Items:       []Item{},
		Excluded:    []Excluded{},
		Cautions:    []Caution{},
		Notes:       learned,
		Transitions: []Transition{},
	}
	if p.Notes == nil {
		p.Notes = []string{}
	}
	for _, s := range secs {
		p.Excluded = append(p.Excluded, s.excluded...)
	}
	for i, e := range p.Excluded {
		if e.Source != "" {
			continue
		}
		kind, _, _ := strings.Cut(e.Condition, ":")
		if r := ix.rule[kind]; r != nil {
			p.Excluded[i].Source = ix.sourceOf(r)
		} else {
			p.Excluded[i].Source = "the request"
		}
	}

	var live []*section
	for _, s := range secs {
		if s.empty() {
			p.Notes = append(p.Notes, "nothing safe is left for the "+massage.AreaName(s.area)+s.emptyWhy()+"; its time goes to the other areas")
			continue
		}
		if s.otherMode != "" {
			p.Notes = append(p.Notes, s.otherMode)
		}
		live = append(live, s)
	}
	if len(live) == 0 {
		return nil, nothingSafe(ix, secs, mode)
	}
	if err := allot(live, req.Minutes*60); err != nil {
		return nil, err
	}
	// Every section's first round is chosen before any gets a second, so
	// that no technique comes round too often over the whole plan.
	count := map[string]int{}
	for _, s := range live {
		s.choose(count)
		s.order(ix)
		for _, u := range s.units {
			count[u.c.t.ID]++
		}
	}
	for _, s := range live {
		s.repeat(ix.lesson, count)
		spread(s.units, s.budget)
		p.Dropped = append(p.Dropped, s.dropped...)
		p.Notes = append(p.Notes, s.notes...)
	}
	live = ix.arrange(live, mode)
	settle(live)
	n := 0
	for _, s := range live {
		for _, u := range s.units {
			n += u.c.sides
		}
	}
	p.Items = make([]Item, 0, n)
	for _, s := range live {
		p.Areas = append(p.Areas, s.area)
		for _, u := range s.units {
			p.Items = u.appendItems(p.Items, s.area)
		}
	}
	for i, it := range p.Items {
		p.TotalSeconds += it.Seconds
		p.Items[i].Cautions = ix.forMode(it.Cautions, mode)
	}
	p.TotalSeconds = round3(p.TotalSeconds)
	p.Notes = append(p.Notes, sharedStrokes(live)...)
	if want := req.Minutes * 60; p.TotalSeconds < want-want/100 && full(live) {
		// Every move is at its longest and every round taken: too few
		// moves suit the areas to fill the time, so the plan is shorter,
		// when it still lasts half the time or shortCut; else the minutes
		// are refused with what would do.
		why := ""
		var whys []string
		for _, s := range live {
			if s.otherMode != "" {
				why += " (" + s.otherMode + ")"
				whys = append(whys, s.otherMode)
			}
		}
		if p.TotalSeconds < want/2 && p.TotalSeconds < shortCut {
			msg := fmt.Sprintf("%s is more than the safe moves for %s can fill without staying too long on one spot: at most %s would do",
				num(req.Minutes), areasSaid(live), minutesDown(p.TotalSeconds))
			if len(whys) > 0 {
				msg += " (" + strings.Join(whys, "; ") + ")"
			}
			return nil, fieldError("minutes", "%s", msg)
		}
		p.Notes = append(p.Notes, fmt.Sprintf("Cut short: this plan lasts %s, not the %s asked, because too few moves suit %s to fill more without staying too long on one or coming round a fourth time%s",
			minutesSaid(p.TotalSeconds), minutesSaid(want), areasSaid(live), why))
	} else if math.Abs(p.TotalSeconds-want) > want/100 {
		// Between what the fewest moves need and what they can fill there
		// may be no way to pace every move long enough: say what fits.
		lo, _ := ItemLimits(mode)
		fit := minutesDown(p.TotalSeconds)
		if p.TotalSeconds > want {
			fit = minutesUp(p.TotalSeconds)
		}
		return nil, fieldError("minutes", "%s is not a time Knead can fill with moves of at least %s each for %s: %s would do",
			num(req.Minutes), massage.Seconds(lo), areasSaid(live), fit)
	}
	ix.lesson.apply(ix, p)
	ix.flow(p, ix.preps(live, mode, conds), mode)
	p.Cautions = ix.cautions(live, p.Items)
	return p, nil
}

// nothingSafe explains why no area has a move left, naming the field to
// change: the conditions when they ruled moves out, else the pressure when
// it did, else the areas. When the catalog simply has nothing for the
// areas, it says so and names nearby areas that have techniques.
func nothingSafe(ix *index, secs []*section, mode string) *Error {
	var why []string
	field := "areas"
	unknown := true
	for _, s := range secs {
		why = append(why, "the "+massage.AreaName(s.area)+s.emptyWhy())
		unknown = unknown && s.known == 0
		for _, e := range s.excluded {
			switch {
			case e.Condition != "" && e.Condition != hurtCondition:
				field = "conditions"
			case field == "areas":
				field = "pressure"
			}
		}
	}
	if unknown {
		var names []string
		for _, s := range secs {
			names = append(names, "the "+massage.AreaName(s.area))
		}
		msg := "Knead has no technique for " + massage.JoinAnd(names)
		if slices.ContainsFunc(secs, func(s *section) bool { return s.anyMode > 0 }) {
			msg += modeWords(mode)
		}
		if near := ix.nearby(secs, mode); len(near) > 0 {
			msg += "; nearby areas that have some: " + strings.Join(near, ", ")
		}
		return fieldError("areas", "%s", msg)
	}
	return fieldError(field, "nothing safe is left to plan: %s", strings.Join(why, "; "))
}

// nearby lists the areas next to the sections' (those sharing their parent,
// and the parent itself) that have a technique in the mode.
func (ix *index) nearby(secs []*section, mode string) []string {
	var out []string
	for _, s := range secs {
		a, _ := massage.AreaByID(s.area)
		var near []string
		if a.Parent != "" {
			near = append(near, a.Parent)
			for _, c := range massage.Children(a.Parent) {
				near = append(near, c.ID)
			}
		}
		for _, c := range massage.Children(a.ID) {
			near = append(near, c.ID)
		}
		for _, id := range near {
			if id == s.area || slices.Contains(out, id) {
				continue
			}
			i := areaIndex[id]
			for k, t := range ix.cat.Techniques {
				if t != nil && ix.covers[k].has(i) && fitsMode(t, mode) && reaches(t, ix.factsOf(k), i) {
					out = append(out, id)
					break
				}
			}
		}
	}
	return out
}

// areasSaid names the sections' areas: "the back and the scalp".
func areasSaid(secs []*section) string {
	var names []string
	for _, s := range secs {
		names = append(names, "the "+massage.AreaName(s.area))
	}
	return massage.JoinAnd(names)
}

// full reports whether every unit of the sections lasts as long as it may.
func full(secs []*section) bool {
	for _, s := range secs {
		for _, u := range s.units {
			if u.per < u.c.b.Most-1e-9 {
				return false
			}
		}
	}
	return true
}

// sharedStrokes says why a technique comes round more than twice when the
// rounds of the work did not do it (they say so themselves): a stroke that
// warms up or finishes several areas, or opens and closes one.
func sharedStrokes(secs []*section) []string {
	count := make(map[*massage.Technique]int, 32)
	var again []*massage.Technique // those planned more than twice, in order
	for _, s := range secs {
		for _, u := range s.units {
			if count[u.c.t]++; count[u.c.t] == 3 {
				again = append(again, u.c.t)
			}
		}
	}
	var out []string
	for _, t := range again {
		if thrice(secs, t) {
			continue
		}
		var where []string
		for _, s := range secs {
			if slices.ContainsFunc(s.units, func(u *unit) bool { return u.c.t == t }) {
				where = append(where, "the "+massage.AreaName(s.area))
			}
		}
		out = append(out, fmt.Sprintf("%s comes round %s: it is the stroke that suits %s", t.Name, times(count[t]), massage.JoinAnd(where)))
	}
	return out
}

// thrice reports whether some section's third round of the work is t.
func thrice(secs []*section, t *massage.Technique) bool {
	for _, s := range secs {
		for _, u := range s.units {
			if u.c.t == t && u.round >= 2 {
				return true
			}
		}
	}
	return false
}

// minutesSaid says a length in whole minutes, or minutes and seconds:
// "24 minutes", "3 min 20 s".
func minutesSaid(sec float64) string {
	sec = math.Round(sec)
	if int(sec)%60 == 0 {
		if sec == 60 {
			return "1 minute"
		}
		return num(sec/60) + " minutes"
	}
	return massage.Seconds(sec)
}
