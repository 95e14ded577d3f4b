package plan

import (
	"sort"
	"sync/atomic"

	"github.com/knead/knead/massage"
)

// index holds the lookups one call of Make needs, built once per call so
// that a catalog of thousands of techniques costs one pass over it.
type index struct {
	lesson  *lesson           // what the person's history teaches; never nil, never changed
	ranked  map[string]string // techniques the lesson moved in a section's choice: id to name
	cat     *massage.Catalog
	caution map[string]*massage.Caution
	contra  []*massage.Caution // contraindications that name a condition
	rules   []*massage.Rule
	rule    map[string]*massage.ConditionRule // the screen's rules by condition kind
	facts   []facts                           // per technique of the catalog, read with it (shared)
	covers  []areaSet                         // per technique of the catalog: the areas it works on or in
	banned  map[string]bool                   // receiver postures the conditions rule out (face-down in pregnancy)
}

// ban notes the receiver postures the conditions' rules rule out.
func (ix *index) ban(conds []massage.Condition) {
	for _, c := range conds {
		if r := ix.rule[c.Kind]; r != nil {
			for _, p := range r.Postures {
				if ix.banned == nil {
					ix.banned = map[string]bool{}
				}
				ix.banned[p] = true
			}
		}
	}
}

// shared is what the planner reads off a catalog once and keeps for every
// later plan from it: the cautions and rules by id, and each technique's
// areas and facts. It is never changed once made, so plans made at the
// same time share it.
type shared struct {
	cat            *massage.Catalog
	first          *massage.Technique
	n, nc, nr, nru int // the catalog's shape when read
	caution        map[string]*massage.Caution
	contra         []*massage.Caution
	rule           map[string]*massage.ConditionRule
	covers         []areaSet
	facts          []facts
}

// lastShared is the catalog read last: a server plans from one catalog.
var lastShared atomic.Pointer[shared]

// sharedFor gives what the planner keeps of cat, reading it again when
// the catalog is another or has had techniques, cautions or rules added
// or replaced since (a technique changed in place is not seen: make a new
// catalog then).
func sharedFor(cat *massage.Catalog) *shared {
	var first *massage.Technique
	if len(cat.Techniques) > 0 {
		first = cat.Techniques[0]
	}
	if sh := lastShared.Load(); sh != nil && sh.cat == cat && sh.first == first && sh.n == len(cat.Techniques) &&
		sh.nc == len(cat.Cautions) && sh.nr == len(cat.Conditions) && sh.nru == len(cat.Rules) {
		return sh
	}
	sh := &shared{
		cat: cat, first: first, n: len(cat.Techniques), nc: len(cat.Cautions), nr: len(cat.Conditions), nru: len(cat.Rules),
		caution: make(map[string]*massage.Caution, len(cat.Cautions)),
		rule:    make(map[string]*massage.ConditionRule, len(cat.Conditions)),
		covers:  make([]areaSet, len(cat.Techniques)),
		facts:   make([]facts, len(cat.Techniques)),
	}
	for _, r := range cat.Conditions {
		if r != nil {
			sh.rule[r.ID] = r
		}
	}
	for _, c := range cat.Cautions {
		if c == nil {
			continue
		}
		sh.caution[c.ID] = c
		if c.Kind == "contraindication" && c.Condition != "" {
			sh.contra = append(sh.contra, c)
		}
	}
	for k, t := range cat.Techniques {
		if t != nil {
			sh.covers[k] = overlapping(t.Areas)
			sh.facts[k] = factsFor(t, sh.covers[k])
		}
	}
	lastShared.Store(sh)
	return sh
}

func newIndex(cat *massage.Catalog) *index {
	sh := sharedFor(cat)
	return &index{
		lesson:  noLesson,
		cat:     cat,
		caution: sh.caution,
		contra:  sh.contra,
		rules:   cat.Rules,
		rule:    sh.rule,
		covers:  sh.covers,
		facts:   sh.facts,
	}
}

// facts are what the planner reads off a technique: where its steps go,
// how firm it is at least and at most, how long it takes, and which sides
// its steps name. They are kept by value, one per technique of the
// catalog, so that judging thousands of techniques allocates little.
type facts struct {
	done   bool
	touch  areaSet // the areas it works on, or that its steps' landmarks lie in
	floor  string  // the least level the technique asks for ("" when none is said)
	top    string  // the firmest level the technique reaches
	bounds massage.Bounds
	sides  uint16  // bit i set: a step names massage.Sides.Words[i]
	areas  areaSet // its own areas
	holds  areaSet // its areas and the areas inside them
	site   string  // an endangerment site a step presses on, kneads or taps ("" when none)
}

// factsOf gives the facts of the k-th technique of the catalog, read
// with the catalog (see shared); never to be changed.
func (ix *index) factsOf(k int) *facts { return &ix.facts[k] }

// factsFor reads the facts of a technique that works on covers.
func factsFor(t *massage.Technique, covers areaSet) facts {
	f := facts{done: true, touch: covers}
	for _, id := range t.Areas {
		if a, ok := areaIndex[id]; ok {
			f.areas.add(a)
			f.holds = f.holds.or(belowOf[a])
		}
	}
	top := firmer(t.Pressure.Level, t.Pressure.Most)
	// The technique's own level is the least it asks for; a step may go
	// firmer within it. Without one, the firmest step level is.
	floor, stepFloor := t.Pressure.Level, ""
	for _, st := range t.Steps {
		for _, id := range st.At {
			f.touch = f.touch.or(landmarkReach[id])
		}
		for _, h := range st.Hands {
			for _, id := range h.At {
				f.touch = f.touch.or(landmarkReach[id])
			}
		}
		if sites := massage.StepSites(st); len(sites) > 0 && f.site == "" {
			if ok, _ := massage.SiteSafe(st); !ok {
				f.site = sites[0]
			}
		}
		lv := st.Pressure.Level
		if lv == "" {
			lv = t.Pressure.Level
		}
		stepFloor = firmer(stepFloor, lv)
		top = firmer(firmer(top, lv), st.Pressure.Most)
		if i := sideIndex[st.Side]; i > 0 {
			f.sides |= 1 << i
		}
	}
	if floor == "" {
		floor = stepFloor
	}
	if top == "" {
		top = "moderate"
	}
	f.floor, f.top = floor, top
	f.bounds = boundsOf(t)
	return f
}

// side reports whether a step of the technique names side.
func (f *facts) side(side string) bool {
	i := sideIndex[side]
	return i > 0 && f.sides&(1<<i) != 0
}

// sideIndex numbers the side words from 1 (0: none given or unknown).
var sideIndex = func() map[string]int {
	m := map[string]int{}
	for i, w := range massage.Sides.Words {
		m[w.ID] = i + 1
	}
	return m
}()

// landmarksOf calls fn with every landmark the technique's steps and hands name.
func landmarksOf(t *massage.Technique, fn func(id string) bool) bool {
	for _, st := range t.Steps {
		for _, id := range st.At {
			if fn(id) {
				return true
			}
		}
		for _, h := range st.Hands {
			for _, id := range h.At {
				if fn(id) {
					return true
				}
			}
		}
	}
	return false
}

// firmer returns the firmer of two pressure levels.
func firmer(a, b string) string {
	if massage.LevelRank(b) > massage.LevelRank(a) {
		return b
	}
	return a
}

// Default times for a technique that says nothing about its time.
const (
	defaultLeast = 30
	defaultUsual = 60
	defaultMost  = 180
	shortest     = 10 // no item is planned shorter than this, unless its technique's most is
)

// boundsOf gives the time a technique takes, per side for one-sided moves:
// its own bounds, else the sum of its steps', else Knead's defaults. Missing
// parts are filled in so that least ≤ usual ≤ most.
func boundsOf(t *massage.Technique) massage.Bounds {
	b := t.Seconds
	if b.IsZero() {
		for _, st := range t.Steps {
			b.Least += st.Seconds.Least
			b.Usual += st.Seconds.Usual
			b.Most += st.Seconds.Most
		}
	}
	if b.IsZero() {
		return massage.Bounds{Least: defaultLeast, Usual: defaultUsual, Most: defaultMost}
	}
	if b.Most == 0 {
		b.Most = max(b.Usual, b.Least) * 3
		if b.Most == 0 {
			b.Most = defaultMost
		}
	}
	if b.Least == 0 {
		b.Least = min(shortest, b.Most)
	}
	if b.Usual == 0 || b.Usual < b.Least || b.Usual > b.Most {
		b.Usual = (b.Least + b.Most) / 2
	}
	return b
}

// areaRank orders areas from head to toe, for a calm flow over the body.
var areaRank = func() map[string]int {
	m := map[string]int{}
	for i, a := range massage.Areas {
		m[a.ID] = i
	}
	return m
}()

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
