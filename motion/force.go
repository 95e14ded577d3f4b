package motion

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/knead/knead/massage"
)

// Region is a body region of ISO/TS 15066:2016, Annex A (quasi-static
// contact), with its force limit. Limit 0 means the standard gives none.
type Region struct {
	ID    string
	Name  string
	Limit float64 // newtons
	// NoTransient is true where the standard does not allow transient
	// contact (a strike) to reach twice the limit: skull, forehead, face.
	NoTransient bool
}

// Regions and their force limits, from ISO/TS 15066:2016 Annex A as listed
// in shared/reference/motion-and-limits.md ("Force limits for devices").
// Transient contact may reach twice these, except on the skull, forehead
// and face. The standard has no figure for the feet.
var Regions = []Region{
	{ID: "skull", Name: "skull and forehead", Limit: 130, NoTransient: true},
	{ID: "face", Name: "face", Limit: 65, NoTransient: true},
	{ID: "neck", Name: "neck", Limit: 150},
	{ID: "back", Name: "back and shoulders", Limit: 210},
	{ID: "chest", Name: "chest", Limit: 140},
	{ID: "abdomen", Name: "abdomen", Limit: 110},
	{ID: "pelvis", Name: "pelvis", Limit: 180},
	{ID: "upper-arm", Name: "upper arm and elbow", Limit: 150},
	{ID: "forearm", Name: "forearm and wrist", Limit: 160},
	{ID: "hand", Name: "hand and fingers", Limit: 140},
	{ID: "thigh", Name: "thigh and knee", Limit: 220},
	{ID: "lower-leg", Name: "lower leg", Limit: 130},
	{ID: "foot", Name: "foot", Limit: 0},
}

// areaRegion maps Knead's areas to the standard's regions. The ears and the
// jaw count as the face (the lower limit); the ankles as the lower leg.
var areaRegion = map[string]string{
	"head": "skull", "scalp": "skull", "face": "face", "jaw": "face", "ears": "face",
	"neck": "neck", "shoulders": "back", "back": "back", "upper-back": "back", "lower-back": "back",
	"chest": "chest", "abdomen": "abdomen", "arms": "upper-arm", "upper-arms": "upper-arm",
	"forearms": "forearm", "wrists": "forearm", "hands": "hand", "hips": "pelvis", "glutes": "pelvis", "legs": "thigh", "thighs": "thigh",
	"calves": "lower-leg", "ankles": "lower-leg", "feet": "foot", "toes": "foot",
}

// RegionOf gives the standard's region for one of Knead's areas.
func RegionOf(area string) (Region, bool) {
	id, ok := areaRegion[area]
	if !ok {
		return Region{}, false
	}
	for _, r := range Regions {
		if r.ID == id {
			return r, true
		}
	}
	return Region{}, false
}

// contactForce is the force (N) of a full pressure of 1 where the region
// allows it. Knead's pressure words sit at 0.3, 0.5 and 0.7 of it: light
// about 4 N, moderate 7 N, deep 10 N — the 2.5–10 N contact targets open
// robotic-massage code uses (shared/reference/motion-and-limits.md), far
// under every limit of the standard.
const contactForce = 14.0

// regionScale lowers the forces where the standard's limit is low (the
// face: 65 N) in proportion to the limit, against 140 N (the chest and the
// hand).
func regionScale(r Region) float64 {
	if r.Limit <= 0 {
		return 1
	}
	return math.Min(1, r.Limit/140)
}

// ParseForces reads "--force" values such as "deep=30" or
// "light=3,moderate=6": newtons for a pressure word, replacing Knead's
// default force for that word in every region.
func ParseForces(specs []string) (map[string]float64, error) {
	out := map[string]float64{}
	for _, spec := range specs {
		for _, part := range strings.Split(spec, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			k, v, ok := strings.Cut(part, "=")
			if !ok {
				return nil, fmt.Errorf("invalid force %q: expected LEVEL=NEWTONS, such as deep=10", part)
			}
			k = strings.TrimSpace(k)
			if err := massage.Levels.Check(k); err != nil {
				return nil, fmt.Errorf("invalid force %q: %v", part, err)
			}
			var n float64
			if _, err := fmt.Sscan(strings.TrimSpace(v), &n); err != nil || n <= 0 || math.IsInf(n, 0) || math.IsNaN(n) {
				return nil, fmt.Errorf("invalid force %q: expected a number of newtons above 0", part)
			}
			out[k] = n
		}
	}
	return out, nil
}

// forceCurve turns a sample's pressure into newtons for one region: a line
// through (0, 0) and the three pressure words' forces, carried on past deep.
type forceCurve struct {
	p, f [4]float64
}

func newForceCurve(r Region, forces map[string]float64) forceCurve {
	var c forceCurve
	s := regionScale(r)
	for i, l := range []string{"light", "moderate", "deep"} {
		c.p[i+1] = levelPressure(l)
		c.f[i+1] = levelPressure(l) * contactForce * s
		if n, ok := forces[l]; ok {
			c.f[i+1] = n
		}
	}
	return c
}

func (c forceCurve) at(p float64) float64 {
	if p <= 0 {
		return 0
	}
	for i := 1; i < 4; i++ {
		if p <= c.p[i] || i == 3 {
			return c.f[i-1] + (c.f[i]-c.f[i-1])*(p-c.p[i-1])/(c.p[i]-c.p[i-1])
		}
	}
	return 0
}

// LimitError is a refusal: a force above what the region allows, or a
// region with no limit and none given.
type LimitError struct {
	Technique string
	Step      int
	Region    Region
	Force     float64 // newtons asked for (0 when no limit is known)
	Limit     float64
	At        float64 // seconds into the step
	Source    string  // where the limit comes from
	MaxForce  bool    // the refusal is of --max-force itself
}

func (e *LimitError) Error() string {
	if e.Limit <= 0 {
		return fmt.Sprintf("technique %s step %d works the %s, for which ISO/TS 15066 gives no force limit; give one with --max-force NEWTONS",
			e.Technique, e.Step, e.Region.Name)
	}
	src := e.Source
	if src == "" {
		src = "ISO/TS 15066, Annex A"
	}
	if e.MaxForce {
		return fmt.Sprintf("--max-force %s N is above the %s N limit for the %s (%s), which technique %s step %d works; give at most %s N",
			trimNum(e.Force), trimNum(e.Limit), e.Region.Name, src, e.Technique, e.Step, trimNum(e.Limit))
	}
	return fmt.Sprintf("technique %s step %d would press %.1f N on the %s at %.2f s, above the %s N limit (%s); lower --force or --max-force",
		e.Technique, e.Step, e.Force, e.Region.Name, e.At, trimNum(e.Limit), src)
}

// footCeiling is the most force Knead exports on the feet, for which the
// standard gives no figure: the lower leg's 130 N, the nearest region it
// covers. Below it the user must give the limit.
const footCeiling = 130.0

// limitFor is the force limit for a region: the standard's, or the lower
// one the user set; for the feet, what the user gave (0 when nothing).
func limitFor(r Region, o *ExportOptions) (limit, ceiling float64, source string) {
	limit, ceiling, source = r.Limit, r.Limit, "ISO/TS 15066, Annex A"
	if r.Limit <= 0 {
		ceiling, limit, source = footCeiling, 0, "given by the user"
	}
	if u, ok := o.RegionLimits[r.ID]; ok && (limit <= 0 || u < limit) {
		limit, source = u, "set by the user"
	}
	return
}

// A forcer works out a step's force at any sample: capped at MaxForce
// when it is given, light over an endangerment site. The trajectory asks
// it for each sample as it fills a hand's stream, so the forces are held
// once (in the streams), not also step by step (3 MB an hour's export).
type forcer struct {
	curve           forceCurve
	light, maxForce float64
	v               View
	sites           []Spot
	panel           string
	// what check refuses against
	limit  float64
	p      *StepPath
	r      Region
	source string
}

// newForcer prepares step p's forces, refusing what the samples do not
// change: a region with no limit known, a --max-force above it.
func newForcer(p *StepPath, o *ExportOptions) (*forcer, error) {
	r, ok := RegionOf(p.Area)
	if !ok {
		return nil, fmt.Errorf("technique %s step %d: no force limit is known for area %q", p.Technique, p.Step, p.Area)
	}
	maxForce := o.MaxForce
	limit, ceiling, source := limitFor(r, o)
	if maxForce > 0 && maxForce > math.Max(limit, ceiling) {
		return nil, &LimitError{Technique: p.Technique, Step: p.Step, Region: r, Force: maxForce, Limit: math.Max(limit, ceiling), MaxForce: true, Source: source}
	}
	if limit <= 0 {
		if maxForce <= 0 {
			return nil, &LimitError{Technique: p.Technique, Step: p.Step, Region: r}
		}
		limit, source = maxForce, "--max-force"
	} else if p.Transient && !r.NoTransient && source == "ISO/TS 15066, Annex A" {
		limit *= 2 // a strike is transient contact
	}
	fc := &forcer{curve: newForceCurve(r, o.Forces), maxForce: maxForce, panel: p.Panel, limit: limit, p: p, r: r, source: source}
	// Over an endangerment site the force stays at most light, whatever
	// the step asks.
	fc.light = fc.curve.at(levelPressure("light"))
	if v, ok := ViewByID(p.View); ok {
		fc.v = v
		fc.sites = siteSpots(&fc.v)
	}
	return fc, nil
}

// at is the force (N) at sample s: 0 when the hand is lifted.
func (fc *forcer) at(s *Sample) float64 {
	if !s.Contact {
		return 0
	}
	f := fc.curve.at(s.Pressure)
	if len(fc.sites) > 0 && f > fc.light && nearSite(&fc.v, fc.sites, fc.panel, s.X, s.Y) {
		f = fc.light
	}
	if fc.maxForce > 0 {
		f = min(f, fc.maxForce) // the built-in: math.Min is a call
	}
	return f
}

// check refuses a force above the region's limit (before the force is
// eased in and out: what is asked for counts), the first in the step's
// hands and time.
func (fc *forcer) check() error {
	top := 0.0 // the highest pressure asked for
	for _, hp := range fc.p.Hands {
		for i := range hp.Samples {
			if hp.Samples[i].Contact {
				top = max(top, hp.Samples[i].Pressure)
			}
		}
	}
	if fc.most(top) < fc.limit {
		return nil // no sample can go past it: the forces need not be worked out
	}
	for _, hp := range fc.p.Hands {
		for i := range hp.Samples {
			s := &hp.Samples[i]
			if f := fc.at(s); f > fc.limit+1e-9 {
				return &LimitError{Technique: fc.p.Technique, Step: fc.p.Step, Region: fc.r, Force: f, Limit: fc.limit, At: s.T, Source: fc.source}
			}
		}
	}
	return nil
}

// most is a little over the most force a pressure up to top is given:
// the force curve is straight between its levels, so its most is at one
// of them or at top; a site only lowers it, and MaxForce caps it.
func (fc *forcer) most(top float64) float64 {
	f := fc.curve.at(top)
	for _, p := range fc.curve.p {
		if p <= top {
			f = math.Max(f, fc.curve.at(p))
		}
	}
	if fc.maxForce > 0 {
		f = math.Min(f, fc.maxForce)
	}
	return f + 1e-6 // room for the rounding of a point between levels
}

// stepForces works out each hand's force at every sample of a step, or
// the forcer's refusal.
func stepForces(p *StepPath, o *ExportOptions) ([][]float64, error) {
	fc, err := newForcer(p, o)
	if err == nil {
		err = fc.check()
	}
	if err != nil {
		return nil, err
	}
	out := make([][]float64, len(p.Hands))
	for h, hp := range p.Hands {
		out[h] = make([]float64, len(hp.Samples))
		for i := range hp.Samples {
			out[h][i] = fc.at(&hp.Samples[i])
		}
	}
	return out, nil
}

// RegionTable lists the regions and limits, for help text.
func RegionTable() string {
	var b strings.Builder
	areas := map[string][]string{}
	for a, r := range areaRegion {
		areas[r] = append(areas[r], a)
	}
	for _, r := range Regions {
		if len(areas[r.ID]) == 0 {
			continue // no area of Knead's falls in it
		}
		sort.Strings(areas[r.ID])
		lim := fmt.Sprintf("%.0f N", r.Limit)
		if r.Limit == 0 {
			lim = "none: --max-force needed"
		}
		fmt.Fprintf(&b, "  %s (%s): %s\n", r.Name, strings.Join(areas[r.ID], ", "), lim)
	}
	return b.String()
}

func trimNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// RegionByID finds a region of the standard by its id (back, skull, foot …).
func RegionByID(id string) (Region, bool) {
	for _, r := range Regions {
		if r.ID == id {
			return r, true
		}
	}
	return Region{}, false
}

// ParseRegionLimits reads "--limit" values such as "back=40" or
// "skull=20,foot=15": a lower force limit (newtons) for a region.
func ParseRegionLimits(specs []string) (map[string]float64, error) {
	out := map[string]float64{}
	var ids []string
	for _, r := range Regions {
		ids = append(ids, r.ID)
	}
	for _, spec := range specs {
		for _, part := range strings.Split(spec, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			k, v, ok := strings.Cut(part, "=")
			if !ok {
				return nil, fmt.Errorf("invalid limit %q: expected REGION=NEWTONS, such as back=40", part)
			}
			r, ok := RegionByID(strings.TrimSpace(k))
			if !ok {
				return nil, fmt.Errorf("invalid limit %q: unknown region %q: expected one of %s", part, strings.TrimSpace(k), strings.Join(ids, ", "))
			}
			n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			ceiling := r.Limit
			if ceiling <= 0 {
				ceiling = footCeiling
			}
			if err != nil || math.IsNaN(n) || n <= 0 || n > ceiling {
				return nil, fmt.Errorf("invalid limit %q: expected newtons above 0 and at most %s N for the %s (a limit may be lowered, not raised)", part, trimNum(ceiling), r.Name)
			}
			out[r.ID] = n
		}
	}
	return out, nil
}
