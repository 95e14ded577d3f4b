package plan

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
)

// flowProblems checks the flow of a plan as the players play it: every
// move long enough, every change of place said, no oily hands in the hair.
func flowProblems(cat *massage.Catalog, p *Plan) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if p.Notes == nil || p.Transitions == nil {
		bad("notes or transitions is null")
	}
	s, err := guide.Build(cat, p.Routine())
	if err != nil {
		bad("the players cannot play it: %v", err)
		return out
	}
	var hands, breaks float64
	for _, m := range s.Moves {
		if m.Kind == guide.KindTransition {
			breaks += m.Seconds
			continue
		}
		hands += m.Seconds
		per := m.Seconds
		if m.Switches() {
			per /= 2
		}
		if per < MoveFloor-1e-9 {
			bad("move %d (%s step %d, %s): %.1f s on one side, under %d s", m.Index, m.Technique, m.Step+1, m.Side, per, MoveFloor)
		}
	}
	if math.Abs(hands-p.TotalSeconds) > 0.01 {
		bad("the players' hands-on moves last %.2f s, the plan %.2f s", hands, p.TotalSeconds)
	}
	before := map[int]Transition{}
	var said float64
	for _, tr := range p.Transitions {
		if _, twice := before[tr.Before]; twice || tr.Before < 0 || tr.Before >= len(p.Items) || tr.Seconds <= 0 || tr.Say == "" {
			bad("transition %+v: twice before one item, out of range or empty", tr)
		}
		before[tr.Before] = tr
		said += tr.Seconds
	}
	if math.Abs(breaks-said) > 0.01 {
		bad("the players' transitions last %.2f s, the plan's %.2f s", breaks, said)
	}
	oily := false
	var oiled []string
	for _, pr := range p.Prep {
		for _, x := range cat.Preparations {
			if x.ID == pr.ID && x.Oily {
				oily = true
				oiled = append(oiled, x.Areas...)
			}
		}
	}
	for i, it := range p.Items {
		t := cat.Technique(it.Technique)
		tr, has := before[i]
		if i > 0 && it.Position != p.Items[i-1].Position && (!has || tr.Position == nil || *tr.Position != it.Position) {
			bad("item %d (%s): the place changes from %+v to %+v with no transition", i, it.Technique, p.Items[i-1].Position, it.Position)
		}
		if p.Mode != "self" && len(t.Posture.Receiver) > 0 && !slices.Contains(t.Posture.Receiver, it.Position.Receiver) {
			bad("item %d (%s): done %s, which it does not allow (%v)", i, it.Technique, it.Position.Receiver, t.Posture.Receiver)
		}
		if has && strings.Contains(tr.Kind, "oil") {
			oily = true
			for _, x := range cat.Preparations {
				if x.Oily && strings.Contains(tr.Say, x.Say) {
					oiled = append(oiled, x.Areas...)
				}
			}
		}
		if has && strings.Contains(tr.Kind, "wipe") {
			oily = false
		}
		if massage.Overlaps(it.Area, "scalp") && oily {
			bad("item %d (%s): hair work with oil on the hands and no wipe before it", i, it.Technique)
		}
		if slices.ContainsFunc(oiled, func(a string) bool { return massage.Overlaps(a, it.Area) }) {
			oily = true
		}
	}
	return out
}

var (
	builtinOnce sync.Once
	builtinCat  *massage.Catalog
	builtinErr  error
)

// builtin loads the built-in catalog once for all tests.
func builtin(t testing.TB) *massage.Catalog {
	t.Helper()
	builtinOnce.Do(func() { builtinCat, builtinErr = catalog.Builtin() })
	if builtinErr != nil {
		t.Fatalf("the built-in catalog does not load: %v", builtinErr)
	}
	return builtinCat
}

// randomRequest makes a request a person might send, now and then with
// minutes, weights or conditions that the planner has to refuse.
func randomRequest(rng *rand.Rand) Request {
	var r Request
	for n := 1 + rng.IntN(3); len(r.Areas) < n; {
		a := massage.Areas[rng.IntN(len(massage.Areas))].ID
		if !slices.ContainsFunc(r.Areas, func(b string) bool { return massage.Overlaps(a, b) }) {
			r.Areas = append(r.Areas, a)
		}
	}
	switch rng.IntN(4) {
	case 0:
		r.Minutes = float64(1 + rng.IntN(5))
	case 1:
		r.Minutes = math.Round((1+rng.Float64()*119)*100) / 100
	default:
		r.Minutes = float64(1 + rng.IntN(120))
	}
	r.Mode = []string{"", "", "self", "partner"}[rng.IntN(4)]
	r.Pressure = []string{"", "light", "moderate", "deep"}[rng.IntN(4)]
	if rng.IntN(3) == 0 {
		r.Weights = map[string]float64{}
		for _, a := range r.Areas {
			if rng.IntN(2) == 0 {
				r.Weights[a] = math.Round((0.1+rng.Float64()*5)*10) / 10
			}
		}
	}
	for n := rng.IntN(4) - 1; n > 0; n-- {
		kind := massage.ConditionKinds.Words[rng.IntN(len(massage.ConditionKinds.Words))].ID
		switch massage.ConditionWhere(kind) {
		case "":
			r.Conditions = append(r.Conditions, kind)
		case "joint":
			r.Conditions = append(r.Conditions, kind+":"+massage.Joints[rng.IntN(len(massage.Joints))].ID)
		default:
			r.Conditions = append(r.Conditions, kind+":"+massage.Areas[rng.IntN(len(massage.Areas))].ID)
		}
	}
	if rng.IntN(4) == 0 {
		r.Age = massage.AgeGroups.Words[rng.IntN(len(massage.AgeGroups.Words))].ID
	}
	r.Cleared = rng.IntN(2) == 0
	r.Seed = rng.Int64N(1000)
	return r
}

// problems lists every way the plan breaks what the planner promises,
// checked here without the planner's own helpers where that is possible.
func problems(cat *massage.Catalog, req Request, p *Plan) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	asked := req.Pressure
	if asked == "" {
		asked = "moderate"
	}
	conds := make([]massage.Condition, 0, len(req.Conditions))
	for _, s := range req.Conditions {
		c, _ := massage.ParseCondition(s)
		if !slices.Contains(conds, c) {
			conds = append(conds, c)
		}
	}
	if req.Age != "" && req.Age != "adult" {
		conds = append(conds, massage.Condition{Kind: req.Age})
	}
	// The screen's outcomes: a stop condition never gives a plan, nor an
	// ask-first one without the person's word that a professional agreed.
	for _, c := range conds {
		r := cat.ConditionRule(c.Kind)
		if r == nil {
			bad("planned with %s, which has no rule", c)
			continue
		}
		if r.Outcome == "stop" || r.Outcome == "ask-first" && !req.Cleared {
			bad("planned despite %s (%s)", c, r.Outcome)
		}
	}
	if len(p.Safety) != len(conds) {
		bad("%d conditions but %d safety notes", len(conds), len(p.Safety))
	}
	for _, s := range p.Safety {
		if s.Why == "" || len(s.Sources) == 0 {
			bad("safety note for %s without why or sources", s.Condition)
		}
	}

	// The seconds add up to the minutes (within 1%), and total_seconds says so.
	var sum float64
	for _, it := range p.Items {
		sum += it.Seconds
	}
	// A plan cut short (too few moves to fill the time) says so, with the
	// minutes it really lasts; any other adds up to the minutes.
	short := slices.IndexFunc(p.Notes, func(n string) bool { return strings.HasPrefix(n, "Cut short: this plan lasts ") })
	if want := req.Minutes * 60; short >= 0 {
		if say := "Cut short: this plan lasts " + minutesSaid(sum) + ", not the " + minutesSaid(want) + " asked"; !strings.HasPrefix(p.Notes[short], say) || sum >= want {
			bad("cut short to %.2f s of %.2f s, but the note says %q", sum, want, p.Notes[short])
		}
	} else if math.Abs(sum-want) > want/100 {
		bad("items add up to %.2f s, want %.2f s within 1%%", sum, want)
	}
	out = append(out, roundProblems(p)...)
	if math.Abs(sum-p.TotalSeconds) > 0.01 {
		bad("total_seconds %.3f, items add up to %.3f", p.TotalSeconds, sum)
	}
	if len(p.Items) == 0 {
		bad("no items")
	}

	out = append(out, flowProblems(cat, p)...)

	excluded := map[string][]string{} // technique: the areas it was left out of
	for _, e := range p.Excluded {
		excluded[e.Technique] = append(excluded[e.Technique], e.Area)
		if e.Reason == "" {
			bad("%s is left out without a reason", e.Technique)
		}
		if e.Source == "" {
			bad("%s is left out without a source", e.Technique)
		}
		if e.Condition != "" {
			kind, _, _ := strings.Cut(e.Condition, ":")
			if r := cat.ConditionRule(kind); r == nil || r.Outcome == "stop" {
				bad("%s left out for %s, which has no rule or stops the session", e.Technique, e.Condition)
			} else if src := cat.AddressOf(r.Sources[0]); !strings.Contains(e.Source, src) {
				bad("%s left out for %s with source %q, want the rule's %q", e.Technique, e.Condition, e.Source, src)
			}
			if !strings.Contains(e.Reason, e.Condition) {
				bad("the reason for leaving out %s does not name %s: %q", e.Technique, e.Condition, e.Reason)
			}
		}
	}

	phaseRank := map[string]int{"warm-up": 0, "work": 1, "finish": 2}
	sectionSeen := map[string]bool{}
	last := ""
	lastPhase := -1
	for i, it := range p.Items {
		t := cat.Technique(it.Technique)
		if t == nil {
			bad("item %d: unknown technique %q", i, it.Technique)
			continue
		}
		where := fmt.Sprintf("item %d (%s in %s)", i, it.Technique, it.Section)
		// Phases run in order within each area, and areas are not interleaved.
		if it.Section != last {
			if sectionSeen[it.Section] {
				bad("%s: the %s comes back after another area", where, it.Section)
			}
			sectionSeen[it.Section] = true
			last, lastPhase = it.Section, -1
		}
		if i > 0 && p.Items[i-1].Technique == it.Technique && p.Items[i-1].Side == it.Side && p.Items[i-1].Section == it.Section {
			bad("%s: the same move twice in a row, staying on one spot too long", where)
		}
		ph, ok := phaseRank[it.Phase]
		if !ok || !t.FitsPhase(it.Phase) {
			bad("%s: phase %q does not fit %v", where, it.Phase, t.Phases)
		}
		if ph < lastPhase {
			bad("%s: %s after a later phase", where, it.Phase)
		}
		lastPhase = ph
		if !slices.Contains(req.Areas, it.Section) {
			bad("%s: section not asked for", where)
		}
		if !t.Covers(it.Area) || !massage.Within(it.Area, it.Section) {
			bad("%s: area %s is not where it works inside the section (%v)", where, it.Area, t.Areas)
		}
		// Inside the technique's bounds, paced for the mode: long enough to
		// settle into, never longer than an item may last.
		if b, _ := pace(t, boundsOf(t), it.Side, p.Mode); it.Seconds < b.Least-1e-6 || it.Seconds > b.Most+1e-6 {
			bad("%s: %.3f s is outside %v", where, it.Seconds, b)
		}
		if lo, hi := ItemLimits(p.Mode); it.Seconds < lo-1e-6 || it.Seconds > hi+1e-6 {
			bad("%s: %.3f s is outside an item's %v–%v s for %s", where, it.Seconds, lo, hi, p.Mode)
		}
		if it.Seconds <= 0 {
			bad("%s: %.3f s", where, it.Seconds)
		}
		// Never above what was asked, and not in the wrong mode.
		if massage.LevelRank(it.Pressure) == 0 || massage.LevelRank(it.Pressure) > massage.LevelRank(asked) {
			bad("%s: pressure %q with %s asked", where, it.Pressure, asked)
		}
		if p.Mode == "both" && t.Mode != "both" || !t.FitsMode(p.Mode) {
			bad("%s: a %s technique in a %s plan", where, t.Mode, p.Mode)
		}
		if req.Mode != "" && p.Mode != req.Mode {
			bad("plan mode %s, asked %s", p.Mode, req.Mode)
		}
		if slices.ContainsFunc(excluded[t.ID], func(a string) bool { return massage.Overlaps(a, it.Area) }) {
			bad("%s: the technique is also listed as left out there (%v)", where, excluded[t.ID])
		}
		if !massage.Sides.Has(it.Side) {
			bad("%s: side %q", where, it.Side)
		}
		// The conditions, checked from the catalog's own data.
		marks := map[string]bool{}
		for _, st := range t.Steps {
			for _, id := range st.At {
				marks[id] = true
			}
			for _, h := range st.Hands {
				for _, id := range h.At {
					marks[id] = true
				}
			}
		}
		// The areas the item works on: the technique's own inside the item's
		// area, or the item's area when one of the technique's holds it.
		var areas []string
		for _, a := range t.Areas {
			switch {
			case massage.Within(a, it.Area):
				areas = append(areas, a)
			case massage.Within(it.Area, a):
				areas = append(areas, it.Area)
			}
		}
		onArea := func(a string) bool {
			if slices.ContainsFunc(areas, func(x string) bool { return massage.Overlaps(x, a) }) {
				return true
			}
			for id := range marks {
				if l, ok := massage.LandmarkByID(id); ok && massage.Overlaps(l.Area, a) {
					return true
				}
			}
			return false
		}
		// No step of the move lands on an endangerment site unless it is a
		// light, broad, flat glide or hold.
		for _, st := range t.Steps {
			if sites := massage.StepSites(st); len(sites) > 0 {
				if ok, why := massage.SiteSafe(st); !ok {
					bad("%s: a step on %v: %s", where, sites, why)
				}
			}
		}
		overJoint := func(joint string) bool {
			if slices.ContainsFunc(areas, func(a string) bool { return massage.Within(massage.JointArea[joint], a) }) {
				return true
			}
			for id := range marks {
				if l, _ := massage.LandmarkByID(id); l.Joint == joint {
					return true
				}
			}
			return false
		}
		for _, c := range conds {
			r := cat.ConditionRule(c.Kind)
			if r == nil {
				continue
			}
			for _, pos := range r.Postures {
				if it.Position.Giver != "" && it.Position.Receiver == pos {
					bad("%s: the receiver is placed %s with %s", where, pos, c)
				}
				if p.Mode == "partner" && onlyIn(t, r.Postures) {
					bad("%s: done only %s with %s", where, pos, c)
				}
			}
			var here bool
			switch {
			case c.Kind == "inflamed-joint":
				here = overJoint(c.Where)
			case c.Where != "":
				here = onArea(c.Where)
			case len(r.Areas) > 0:
				here = slices.ContainsFunc(r.Areas, onArea)
			default:
				here = true
			}
			if !here {
				continue
			}
			if r.Outcome == "leave-out" {
				bad("%s: works on the %s with %s", where, c.Where+strings.Join(r.Areas, ","), c)
			}
			if slices.Contains(r.Families, t.Family) {
				bad("%s: %s with %s", where, t.Family, c)
			}
			if r.Most != "" && massage.LevelRank(it.Pressure) > massage.LevelRank(r.Most) {
				bad("%s: %s pressure with %s (at most %s)", where, it.Pressure, c, r.Most)
			}
		}
	}
	for _, a := range p.Areas {
		if !sectionSeen[a] {
			bad("area %s is planned but has no items", a)
		}
	}

	// Sequencing rules hold inside each area and phase (a repeat round may
	// start over). Across phases the phases decide for rules by family (a
	// light finishing stroke after kneading is sound), while rules that
	// name techniques hold there too.
	ix := newIndex(cat)
	byID := newIndex(cat)
	byID.rules = slices.DeleteFunc(slices.Clone(cat.Rules), func(r *massage.Rule) bool {
		return slices.ContainsFunc(append(slices.Clone(r.First), r.Then...), massage.Families.Has)
	})
	for i, a := range p.Items {
		for j := i + 1; j < len(p.Items); j++ {
			b := p.Items[j]
			if a.Section != b.Section {
				continue
			}
			ta, tb := cat.Technique(a.Technique), cat.Technique(b.Technique)
			if ta == nil || tb == nil {
				continue
			}
			earlier := slices.ContainsFunc(p.Items[:i], func(x Item) bool { return x.Section == a.Section && x.Technique == b.Technique })
			if a.Phase == b.Phase && !earlier && ix.mustPrecede(tb, ta) || a.Phase != b.Phase && byID.mustPrecede(tb, ta) {
				bad("%s (%s) comes after %s (%s), against the rules", b.Technique, b.Phase, a.Technique, a.Phase)
			}
		}
	}

	// Preparations: each once, each after those it follows.
	pos := map[string]int{}
	for i, pr := range p.Prep {
		if _, dup := pos[pr.ID]; dup {
			bad("preparation %s twice", pr.ID)
		}
		pos[pr.ID] = i
	}
	for _, pr := range p.Prep {
		if x := cat.Preparation(pr.ID); x != nil {
			for _, a := range x.After {
				if j, ok := pos[a]; ok && j > pos[pr.ID] {
					bad("preparation %s before %s, which it follows", pr.ID, a)
				}
			}
		}
	}
	return out
}

// checkRandom plans n random requests from cat and reports every broken
// promise, and how many requests the planner refused. With roundTrip,
// every fourth plan is also written as a routine file and read back
// through the checker of `knead check`.
func checkRandom(t *testing.T, cat *massage.Catalog, n int, seed uint64, roundTrip bool) {
	rng := rand.New(rand.NewPCG(seed, 1))
	refused := map[string]int{}
	for i := range n {
		req := randomRequest(rng)
		p, err := Make(cat, req)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Field == "" || pe.Message == "" {
				t.Fatalf("request %d %+v: error %v is not a *plan.Error naming a field", i, req, err)
			}
			field, _, _ := strings.Cut(strings.SplitN(pe.Field, ".", 2)[0], "[")
			refused[field]++
			continue
		}
		if ps := problems(cat, req, p); len(ps) > 0 {
			t.Fatalf("request %d %+v:\n  %s", i, req, strings.Join(ps, "\n  "))
		}
		again, err := Make(cat, req)
		if err != nil {
			t.Fatalf("request %d: second run failed: %v", i, err)
		}
		if d := cmp.Diff(p, again); d != "" {
			t.Fatalf("request %d %+v: the same request and seed gave another plan (-first +second):\n%s", i, req, d)
		}
		if roundTrip && i%4 == 0 {
			data, err := catalog.EncodeRoutine(p.Routine())
			if err != nil {
				t.Fatalf("request %d: encoding the routine: %v", i, err)
			}
			if _, err := catalog.ParseRoutine(cat, "plan.yaml", data); err != nil {
				t.Fatalf("request %d %+v: the routine does not pass the checker: %v\n%s", i, req, err, data)
			}
		}
	}
	planned := n
	for _, k := range refused {
		planned -= k
	}
	t.Logf("%d requests: %d planned, refused by field %v", n, planned, refused)
	if planned < n/3 {
		t.Errorf("only %d of %d random requests were planned; the generator or the planner is off", planned, n)
	}
}

func TestPropertiesBuiltin(t *testing.T) {
	checkRandom(t, builtin(t), 3000, 1, true)
}

// The safety screen's promise, over 10,000 random requests and answer
// sets: no plan holds a technique, pressure or position an answer rules
// out, no step lands on an endangerment site, and every exclusion carries
// its reason and source.
func TestPropertiesScreen(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 2000
	}
	checkRandom(t, builtin(t), n, 11, false)
}

func TestPropertiesSynthetic(t *testing.T) {
	checkRandom(t, synthetic(1000, 2), 500, 3, false)
}

// roundProblems checks how often techniques come round: never the same
// technique twice in a row (a technique done once per side is one move
// played left then right), and no technique more than twice in a plan
// unless a note says that only so many moves suit the area, naming it.
func roundProblems(p *Plan) []string {
	var out []string
	count := map[string]int{}
	var prev Item
	for i, it := range p.Items {
		if i > 0 && it.Technique == prev.Technique && it.Section == prev.Section && !(prev.Side == "left" && it.Side == "right") {
			out = append(out, fmt.Sprintf("item %d (%s): the same technique twice in a row", i, it.Technique))
		}
		if it.Side != "right" {
			count[it.Technique]++
		}
		prev = it
	}
	for _, id := range sortedKeys(count) {
		if count[id] <= 2 {
			continue
		}
		name := ""
		for _, it := range p.Items {
			if it.Technique == id {
				name = it.Name
			}
		}
		if !slices.ContainsFunc(p.Notes, func(n string) bool {
			return strings.HasPrefix(n, "Only ") && strings.Contains(n, "round three times") &&
				(strings.Contains(n, name) || strings.Contains(n, "each comes")) ||
				strings.HasPrefix(n, name+" comes round "+times(count[id])+": it is the stroke that suits ")
		}) {
			out = append(out, fmt.Sprintf("%s comes round %d times and no note says why: %q", id, count[id], p.Notes))
		}
	}
	return out
}
