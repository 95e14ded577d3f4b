package massage

import "sort"

// Catalog holds everything Knead knows: techniques, preparations, cautions,
// sequencing rules, sources and routines, with lookups by id.
type Catalog struct {
	Techniques   []*Technique
	Preparations []*Preparation
	Cautions     []*Caution
	Rules        []*Rule
	Sources      []*Source
	Routines     []*Routine
	Conditions   []*ConditionRule // what each condition does to a plan
	Questions    []*Question      // the safety screen, in order
}

// Technique finds a technique by id.
func (c *Catalog) Technique(id string) *Technique {
	for _, t := range c.Techniques {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Preparation finds a preparation by id.
func (c *Catalog) Preparation(id string) *Preparation {
	for _, p := range c.Preparations {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Caution finds a caution by id.
func (c *Catalog) Caution(id string) *Caution {
	for _, x := range c.Cautions {
		if x.ID == id {
			return x
		}
	}
	return nil
}

// Source finds a source by id.
func (c *Catalog) Source(id string) *Source {
	for _, s := range c.Sources {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Routine finds a routine by id.
func (c *Catalog) Routine(id string) *Routine {
	for _, r := range c.Routines {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// ForArea lists the techniques that work on area or inside it, by id.
func (c *Catalog) ForArea(area string) []*Technique {
	var out []*Technique
	for _, t := range c.Techniques {
		if area == "" || t.Covers(area) {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// CautionsOf gathers the cautions of a technique and of its steps, once each,
// technique-level first.
func (c *Catalog) CautionsOf(t *Technique) []*Caution {
	seen := map[string]bool{}
	var out []*Caution
	add := func(ids []string) {
		for _, id := range ids {
			if x := c.Caution(id); x != nil && !seen[id] {
				seen[id] = true
				out = append(out, x)
			}
		}
	}
	add(t.Cautions)
	for _, s := range t.Steps {
		add(s.Cautions)
	}
	return out
}
