package plan

import (
	"fmt"
	"math/rand/v2"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

// synthetic builds a catalog of n random techniques over every area, with
// Knead's own light and deep stroking for each finest area, cautions
// (contraindications among them), preparations with "after"s, and
// sequencing rules by family and by id that agree with the phases. It is
// what the benchmark plans from and what the property tests try the
// planner against beside the built-in catalog.
func synthetic(n int, seed uint64) *massage.Catalog {
	rng := rand.New(rand.NewPCG(seed, 7))
	cat := &massage.Catalog{
		Sources: []*massage.Source{{ID: "knead", Title: "Knead"}, {ID: "synthetic", Title: "Made up for tests"}},
	}
	// The safety screen's rules and their sources, as built in.
	if b, err := catalog.Builtin(); err == nil {
		cat.Conditions = b.Conditions
		cat.Sources = append(cat.Sources, b.Sources...)
	}
	var fine []string
	for _, a := range massage.Areas {
		if len(massage.Children(a.ID)) == 0 {
			fine = append(fine, a.ID)
		}
	}
	top := func(a string) string {
		for {
			ar, _ := massage.AreaByID(a)
			if ar.Parent == "" {
				return a
			}
			a = ar.Parent
		}
	}
	marks := map[string][]string{}
	for _, l := range massage.Landmarks {
		marks[l.Area] = append(marks[l.Area], l.ID)
		if ar, _ := massage.AreaByID(l.Area); ar.Parent != "" {
			marks[ar.Parent] = append(marks[ar.Parent], l.ID)
		}
	}
	landmarksOf := func(areas []string) []string {
		var out []string
		for _, a := range areas {
			out = append(out, marks[a]...)
			if ar, _ := massage.AreaByID(a); ar.Parent != "" {
				out = append(out, marks[ar.Parent]...)
			}
		}
		return out
	}

	cat.Cautions = []*massage.Caution{
		{ID: "c-spine", Say: "Stay off the spine.", Kind: "never-press", When: "during", Areas: []string{"back"}, Landmarks: []string{"spine-line"}},
		{ID: "c-ask", Say: "Ask about the pressure.", Kind: "ask", When: "start"},
		{ID: "c-scalp", Say: "Not on an unhealthy scalp.", Kind: "contraindication", When: "before", Areas: []string{"scalp"}, Condition: "unhealthy-scalp"},
		{ID: "c-joints", Say: "Not over inflamed joints.", Kind: "contraindication", When: "before", Condition: "inflamed-joint", Families: []string{"kneading", "friction"}},
		{ID: "c-wound", Say: "Not on a wound.", Kind: "contraindication", When: "before", Condition: "wound"},
		{ID: "c-gentle", Say: "Gently here.", Kind: "gentle", When: "during", Areas: []string{"toes", "face"}},
	}
	cautionIDs := []string{"c-spine", "c-ask", "c-scalp", "c-joints", "c-wound", "c-gentle"}

	cat.Preparations = []*massage.Preparation{
		{ID: "p-wash", Name: "Wash", Kind: "task", Seconds: massage.Bounds{Least: 60, Usual: 120, Most: 300}, Areas: []string{"scalp"}, Mode: "both"},
		{ID: "p-brush", Name: "Brush", Kind: "task", Seconds: massage.Bounds{Least: 20, Usual: 30, Most: 60}, Areas: []string{"scalp"}, Mode: "both", After: []string{"p-wash"}},
		{ID: "p-soak", Name: "Soak", Kind: "task", Seconds: massage.Bounds{Least: 300, Usual: 600, Most: 900}, Areas: []string{"feet", "toes"}, Mode: "partner"},
		{ID: "p-dry", Name: "Dry", Kind: "task", Seconds: massage.Bounds{Least: 30, Usual: 60, Most: 90}, Areas: []string{"feet", "toes"}, Mode: "partner", After: []string{"p-soak"}},
		{ID: "p-oil", Name: "Oil", Kind: "task", Seconds: massage.Bounds{Least: 20, Usual: 30, Most: 60}, Areas: []string{"back", "shoulders"}, Mode: "partner"},
		{ID: "p-warm", Name: "Warm the hands", Kind: "task", Seconds: massage.Bounds{Least: 5, Usual: 10, Most: 15}, Mode: "self"},
		{ID: "p-kneel", Name: "Kneel", Kind: "position", Seconds: massage.Bounds{Least: 5, Usual: 10, Most: 20}, Mode: "partner"},
		{ID: "p-sit", Name: "Sit", Kind: "position", Seconds: massage.Bounds{Least: 5, Usual: 10, Most: 20}, Mode: "self"},
	}
	prepIDs := []string{"p-wash", "p-brush", "p-soak", "p-dry", "p-oil", "p-warm", "p-kneel", "p-sit"}

	levels := []string{"light", "moderate", "deep"}
	sides := []string{"", "none", "left", "right", "both", "each", "alternate", "swap-hands"}
	step := func(areas []string, lv string) massage.Step {
		lm := landmarksOf(areas)
		st := massage.Step{Say: "Move.", Motion: "glide", Side: sides[rng.IntN(len(sides))]}
		for k := rng.IntN(3); k >= 0 && len(lm) > 0; k-- {
			st.At = append(st.At, lm[rng.IntN(len(lm))])
		}
		if rng.IntN(3) == 0 {
			st.Pressure = massage.Pressure{Level: lv}
		}
		return st
	}

	// Knead's own stroking for every finest area.
	for _, a := range fine {
		for _, fam := range []string{"light-stroking", "deep-stroking"} {
			t := &massage.Technique{
				ID: fam + "-" + a, Name: fam + " of the " + a, Areas: []string{a}, Mode: "both", Family: fam,
				Phases: []string{"warm-up"}, Sources: []string{massage.OwnSource},
				Pressure: massage.Pressure{Level: "light"},
				Seconds:  massage.Bounds{Least: 15, Usual: 30, Most: 60},
			}
			if fam == "deep-stroking" {
				t.Phases = append(t.Phases, "finish")
				t.Pressure.Level = "moderate"
				t.Seconds = massage.Bounds{Least: 20, Usual: 45, Most: 90}
			}
			t.Steps = []massage.Step{step(t.Areas, t.Pressure.Level)}
			cat.Techniques = append(cat.Techniques, t)
		}
	}

	families := []string{"light-stroking", "deep-stroking", "kneading", "kneading", "friction", "compression", "percussion", "joint-movement", "routine"}
	modes := []string{"self", "partner", "both"}
	workIDs := map[string][]string{} // work-only technique ids by family
	var warmOnly []string
	for i := range n {
		a := fine[rng.IntN(len(fine))]
		areas := []string{a}
		for _, b := range fine {
			if b != a && top(b) == top(a) && len(areas) < 3 && rng.IntN(4) == 0 {
				areas = append(areas, b)
			}
		}
		fam := families[rng.IntN(len(families))]
		var phases []string
		switch fam {
		case "light-stroking":
			phases = [][]string{{"warm-up"}, {"warm-up", "work"}, {"work", "finish"}, {"finish"}}[rng.IntN(4)]
		case "deep-stroking":
			phases = [][]string{{"warm-up"}, {"warm-up", "work", "finish"}, {"work"}, {"finish"}}[rng.IntN(4)]
		default:
			phases = [][]string{{"work"}, {"work"}, {"work"}, {"work", "finish"}}[rng.IntN(4)]
		}
		least := float64(10 + 5*rng.IntN(12))
		t := &massage.Technique{
			ID:      fmt.Sprintf("t%05d", i),
			Name:    fmt.Sprintf("Technique %d", i),
			Areas:   areas,
			Mode:    modes[rng.IntN(len(modes))],
			Family:  fam,
			Phases:  phases,
			Sources: []string{"synthetic"},
			Seconds: massage.Bounds{Least: least, Usual: least * 2, Most: least * float64(2+rng.IntN(3))},
		}
		if rng.IntN(5) > 0 {
			t.Pressure.Level = levels[rng.IntN(3)]
			if rng.IntN(3) == 0 {
				t.Pressure.Most = "deep"
			}
		}
		for k := 1 + rng.IntN(3); k > 0; k-- {
			t.Steps = append(t.Steps, step(areas, levels[rng.IntN(3)]))
		}
		for k := rng.IntN(3); k > 0; k-- {
			t.Cautions = append(t.Cautions, cautionIDs[rng.IntN(len(cautionIDs))])
		}
		for k := rng.IntN(2); k > 0; k-- {
			t.Prep = append(t.Prep, prepIDs[rng.IntN(len(prepIDs))])
		}
		cat.Techniques = append(cat.Techniques, t)
		if len(phases) == 1 && phases[0] == "warm-up" {
			warmOnly = append(warmOnly, t.ID)
		} else if len(phases) == 1 && phases[0] == "work" {
			workIDs[fam] = append(workIDs[fam], t.ID)
		}
	}

	cat.Rules = []*massage.Rule{
		{ID: "stroke-before-kneading", First: []string{"light-stroking", "deep-stroking"}, Then: []string{"kneading"}},
		{ID: "deep-stroking-after-kneading", First: []string{"kneading"}, Then: []string{"deep-stroking"}},
	}
	// Rules by id: warm-up moves before work moves, and work moves of one
	// family in catalog order, so that no rule goes against the phases and
	// no chain of rules loops.
	for k := range 40 {
		ids := workIDs[families[k%len(families)]]
		if len(ids) < 2 {
			continue
		}
		i, j := rng.IntN(len(ids)), rng.IntN(len(ids))
		if i > j {
			i, j = j, i
		}
		if i == j {
			continue
		}
		r := &massage.Rule{ID: fmt.Sprintf("r%d", k), First: []string{ids[i]}, Then: []string{ids[j]}}
		if len(warmOnly) > 0 && k%2 == 0 {
			r.First = append(r.First, warmOnly[rng.IntN(len(warmOnly))])
		}
		cat.Rules = append(cat.Rules, r)
	}
	return cat
}
