package motion

import (
	"fmt"
	"math"
	"sort"
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
	"forearms": "forearm", "wrists": "forearm", "hands": "hand", "legs": "thigh", "thighs": "thigh",
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
}

func (e *LimitError) Error() string {
	if e.Limit <= 0 {
		return fmt.Sprintf("technique %s step %d works the %s, for which ISO/TS 15066 gives no force limit; give one with --max-force NEWTONS",
			e.Technique, e.Step, e.Region.Name)
	}
	return fmt.Sprintf("technique %s step %d would press %.1f N on the %s at %.2f s, above the %.0f N limit (ISO/TS 15066, Annex A); lower --force or --max-force",
		e.Technique, e.Step, e.Force, e.Region.Name, e.At, e.Limit)
}

// stepForces works out each hand's force at every sample of a step,
// capped at maxForce when it is above 0, and refuses a force above the
// region's limit.
func stepForces(p *StepPath, forces map[string]float64, maxForce float64) ([][]float64, error) {
	r, ok := RegionOf(p.Area)
	if !ok {
		return nil, fmt.Errorf("technique %s step %d: no force limit is known for area %q", p.Technique, p.Step, p.Area)
	}
	limit := r.Limit
	if limit <= 0 {
		if maxForce <= 0 {
			return nil, &LimitError{Technique: p.Technique, Step: p.Step, Region: r}
		}
		limit = maxForce
	} else if p.Transient && !r.NoTransient {
		limit *= 2 // a strike is transient contact
	}
	curve := newForceCurve(r, forces)
	out := make([][]float64, len(p.Hands))
	for h, hp := range p.Hands {
		fs := make([]float64, len(hp.Samples))
		for i, s := range hp.Samples {
			if !s.Contact {
				continue
			}
			f := curve.at(s.Pressure)
			if maxForce > 0 {
				f = math.Min(f, maxForce)
			}
			if f > limit+1e-9 {
				return nil, &LimitError{Technique: p.Technique, Step: p.Step, Region: r, Force: f, Limit: limit, At: s.T}
			}
			fs[i] = f
		}
		out[h] = fs
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
