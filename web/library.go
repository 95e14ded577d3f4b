package web

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"regexp"
	"sort"
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
}

func newLibrary(cat *massage.Catalog) *library {
	return &library{cat: cat, steps: map[string]*stepAnim{}, charts: map[string]string{}}
}

// stepAnim is one step's animation, compact: positions in a 1000-unit
// square, pressure 0–9, a point every dt seconds.
type stepAnim struct {
	View    string     `json:"view"`
	Seconds float64    `json:"seconds"`
	Passes  int        `json:"passes"`
	Hands   []handAnim `json:"hands"`
}

type handAnim struct {
	Hand string  `json:"hand"`
	Role string  `json:"role"`
	Dt   float64 `json:"dt"`
	P    []int   `json:"p"` // x, y, pressure, x, y, pressure, …
}

// maxPoints caps the points of one hand's path: enough for a smooth
// marker, small enough to keep the player page light.
const maxPoints = 120

func key(id string, step int) string { return fmt.Sprintf("%s#%d", id, step) }

// step gives the animation of step i (from 0) of technique t, or nil when
// motion cannot draw it.
func (l *library) step(t *massage.Technique, i int) *stepAnim {
	k := key(t.ID, i)
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
	a := &stepAnim{View: p.View, Seconds: round2(p.Seconds), Passes: p.Passes}
	for _, h := range p.Hands {
		n := len(h.Samples)
		stride := max(1, int(math.Ceil(float64(n)/maxPoints)))
		ha := handAnim{Hand: h.Hand, Role: h.Role, Dt: round2(float64(stride) / motion.Rate)}
		for j := 0; j < n; j += stride {
			s := h.Samples[j]
			pr := 0
			if s.Contact {
				pr = int(math.Round(s.Pressure * 9))
			}
			ha.P = append(ha.P, int(math.Round(s.X*1000)), int(math.Round(s.Y*1000)), pr)
		}
		a.Hands = append(a.Hands, ha)
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

// scriptMotion gives the animation of every move a script plays, once per step.
func (l *library) scriptMotion(s *guide.Script) json.RawMessage {
	out := motionJSON{Steps: map[string]*stepAnim{}}
	for _, m := range s.Moves {
		t := l.cat.Technique(m.Technique)
		if t == nil || m.Step >= len(t.Steps) {
			continue
		}
		if a := l.step(t, m.Step); a != nil {
			out.Steps[key(m.Technique, m.Step)] = a
		}
	}
	b, _ := json.Marshal(out)
	return b
}

var chartGroup = regexp.MustCompile(`(?s)<g class="kn-chart"[^>]*>.*?</g>`)

// outline gives a chart's outline shapes, taken from motion's drawing of it.
func (l *library) outline(view string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c, ok := l.charts[view]; ok {
		return c
	}
	svg, err := motion.ChartSVG(view)
	c := ""
	if err == nil {
		c = chartGroup.FindString(svg)
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

// thumb is a small drawing of a technique's first step: its chart and the
// paths of the hands.
func (l *library) thumb(id string) template.HTML {
	t := l.cat.Technique(id)
	if t == nil || len(t.Steps) == 0 {
		return ""
	}
	a := l.step(t, 0)
	if a == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg viewBox="0 0 1000 1000" aria-hidden="true"><use href="#%s"/>`, chartID(a.View))
	for _, h := range a.Hands {
		b.WriteString(`<polyline class="kn-path thumb-path hand-` + h.Hand + `" points="`)
		for i := 0; i+2 < len(h.P); i += 12 { // every fourth point is plenty at this size
			fmt.Fprintf(&b, "%d,%d ", h.P[i], h.P[i+1])
		}
		b.WriteString(`"/>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
