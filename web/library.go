package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/knead/knead/guide"
	"github.com/knead/knead/massage"
	"github.com/knead/knead/motion"
)

// library holds what the pages draw of each technique: the motion of each
// step (timed paths per hand on a body chart, from package motion), made
// the first time a page needs it, and the charts' outlines.
type library struct {
	cat    *massage.Catalog
	mu     sync.Mutex
	steps  map[string]*stepAnim // "technique#step" (step from 0)
	charts map[string]string    // view id → outline markup
	thumbs map[string]*thumb    // technique id → its small drawing
	budget int                  // the most bytes of motion a script is drawn in
}

func newLibrary(cat *massage.Catalog) *library {
	return &library{cat: cat, steps: map[string]*stepAnim{}, charts: map[string]string{}, thumbs: map[string]*thumb{},
		budget: maxMotionBytes}
}

func key(id string, step int) string { return fmt.Sprintf("%s#%d", id, step) }

// step gives the animation of step i (from 0) of technique t, or nil when
// motion cannot draw it.
func (l *library) step(t *massage.Technique, i int) *stepAnim { return l.stepAt(t, i, 0) }

// stepAt gives the animation of a step drawn at a level of detail: 0 is
// the finest, and each level after it lets the path stray half as far
// again (coarser levels serve only very long plans; see scriptMotion).
func (l *library) stepAt(t *massage.Technique, i, level int) *stepAnim {
	k := key(t.ID, i)
	if level > 0 {
		k += fmt.Sprintf("@%d", level)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if a, ok := l.steps[k]; ok {
		return a
	}
	p, err := motion.CompileStep(t, i+1, motion.Options{})
	if err != nil {
		l.steps[k] = nil
		return nil
	}
	f := math.Pow(1.5, float64(level))
	a := &stepAnim{View: p.View, Seconds: round2(p.Seconds), Passes: p.Passes}
	for _, h := range p.Hands {
		first := 0
		if len(h.Passes) > 1 {
			first = h.Passes[0].End - 1
		}
		a.Hands = append(a.Hands, handAnim{Hand: h.Hand, Role: h.Role, First: first,
			D: encodeHand(h.Samples, keepTolerance*f, pressureTolerance*f)})
	}
	if i == 0 && level == thumbLevel {
		l.thumbs[t.ID] = drawThumb(a)
	}
	l.steps[k] = a
	return a
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// motionJSON is the animation data a page carries.
type motionJSON struct {
	Steps map[string]*stepAnim `json:"steps"`
}

// motion gives the animation of every step of a technique.
func (l *library) motion(id string) json.RawMessage {
	out := motionJSON{Steps: map[string]*stepAnim{}}
	if t := l.cat.Technique(id); t != nil {
		for i := range t.Steps {
			if a := l.step(t, i); a != nil {
				out.Steps[key(id, i)] = a
			}
		}
	}
	b, _ := json.Marshal(out)
	return b
}

// Page weight: the motion of a script is kept under maxMotionBytes of JSON
// (about a sixth of that once gzipped). A plan that would carry more, the
// longest plans over many areas of a large catalog, is drawn a level
// coarser, and again, up to maxLevel. A player page carries its script and
// as much of that motion, moves in play order, as keeps the two within
// pageDataBytes: all of it for any plan of an hour or so, the first moves'
// only for the longest plans over many areas, whose scripts are large.
// The steps of the later moves are listed under "later", and the player
// fetches them from /api/motion when it first plays (the service worker
// keeps that answer for offline play). bench/pageweight prints the
// heaviest page and what it fetches when it plays.
const (
	maxMotionBytes = 100 << 10
	pageDataBytes  = 160 << 10
	maxLevel       = 6
)

// scriptMotion gives the animation of every move a script plays, once per
// step, within the motion budget, and the level it is drawn at.
func (l *library) scriptMotion(s *guide.Script) ([]byte, int) {
	var b []byte
	level := 0
	for ; level <= maxLevel; level++ {
		out := motionJSON{Steps: map[string]*stepAnim{}}
		for _, m := range s.Moves {
			t := l.cat.Technique(m.Technique)
			if t == nil || m.Step >= len(t.Steps) {
				continue
			}
			if a := l.stepAt(t, m.Step, level); a != nil {
				out.Steps[key(m.Technique, m.Step)] = a
			}
		}
		b, _ = json.Marshal(out)
		if len(b) <= l.budget || level == maxLevel {
			break
		}
	}
	return b, level
}

// pageMotionJSON is the motion a player page carries: the first moves'
// steps, and the keys of the rest with the level to fetch them at.
type pageMotionJSON struct {
	Steps map[string]*stepAnim `json:"steps"`
	Level int                  `json:"level,omitempty"`
	Later []string             `json:"later,omitempty"`
}

// pageMotion gives what a player page carries of a script's motion, at
// most first bytes of it (see above), and the charts its steps are drawn on, all of them, so that a
// step fetched later finds its chart on the page.
func (l *library) pageMotion(s *guide.Script, first int) (json.RawMessage, []string) {
	_, level := l.scriptMotion(s)
	out := pageMotionJSON{Steps: map[string]*stepAnim{}, Level: level}
	views := map[string]bool{}
	size := 0
	for _, m := range s.Moves {
		t := l.cat.Technique(m.Technique)
		if t == nil || m.Step >= len(t.Steps) {
			continue
		}
		k := key(m.Technique, m.Step)
		if _, ok := out.Steps[k]; ok || slices.Contains(out.Later, k) {
			continue
		}
		a := l.stepAt(t, m.Step, level)
		if a == nil {
			continue
		}
		views[a.View] = true
		if len(out.Later) == 0 {
			b, _ := json.Marshal(a)
			if size+len(k)+len(b)+4 <= first {
				out.Steps[k] = a
				size += len(k) + len(b) + 4
				continue
			}
		}
		out.Later = append(out.Later, k) // from here on, in play order
	}
	b, _ := json.Marshal(out)
	var vs []string
	for v := range views {
		vs = append(vs, v)
	}
	sort.Strings(vs)
	return b, vs
}

// stepsByKey gives the motion of the steps named by keys ("technique#step",
// step from 0) at level, or the first key that names no step the catalog
// can draw.
func (l *library) stepsByKey(keys []string, level int) (json.RawMessage, string) {
	out := motionJSON{Steps: map[string]*stepAnim{}}
	for _, k := range keys {
		id, n, ok := strings.Cut(k, "#")
		i, err := strconv.Atoi(n)
		t := l.cat.Technique(id)
		if !ok || err != nil || t == nil || i < 0 || i >= len(t.Steps) {
			return nil, k
		}
		if a := l.stepAt(t, i, level); a != nil {
			out.Steps[k] = a
		}
	}
	b, _ := json.Marshal(out)
	return b, ""
}

// outline gives a chart's outline shapes (motion.ChartOutline), once.
func (l *library) outline(view string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c, ok := l.charts[view]; ok {
		return c
	}
	c, err := motion.ChartOutline(view)
	if err != nil {
		c = ""
	}
	l.charts[view] = c
	return c
}

var safeID = regexp.MustCompile(`[^a-z0-9-]`)

func chartID(view string) string { return "chart-" + safeID.ReplaceAllString(view, "-") }

// defs draws each chart a page shows once, hidden, for the player, the
// demonstrations and the small drawings to use.
func (l *library) defs(views []string) template.HTML {
	sort.Strings(views)
	var b strings.Builder
	b.WriteString(`<svg class="defs" aria-hidden="true" width="0" height="0" style="position:absolute"><defs>`)
	seen := map[string]bool{}
	for _, v := range views {
		if seen[v] || v == "" {
			continue
		}
		seen[v] = true
		fmt.Fprintf(&b, `<g id="%s">%s</g>`, chartID(v), l.outline(v))
	}
	b.WriteString(`</defs></svg>`)
	return template.HTML(b.String())
}

// viewsOf lists the charts of the steps in a motion set.
func viewsOf(steps map[string]*stepAnim) []string {
	var out []string
	for _, a := range steps {
		if a != nil {
			out = append(out, a.View)
		}
	}
	return out
}
