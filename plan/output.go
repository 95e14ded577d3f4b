package plan

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/knead/knead/massage"
)

// relevant gathers the catalog cautions of a technique and its steps,
// once each, that apply in area (those that name no area apply wherever
// the technique works), and adds the planner's own.
func (ix *index) relevant(t *massage.Technique, area string, made []*Caution) []string {
	var out []string
	add := func(ids []string) {
		for _, id := range ids {
			x, ok := ix.caution[id]
			if !ok || slices.Contains(out, id) {
				continue
			}
			if len(x.Areas) > 0 && !overlapping(x.Areas).on(area) {
				continue
			}
			out = append(out, id)
		}
	}
	add(t.Cautions)
	for _, st := range t.Steps {
		add(st.Cautions)
	}
	for _, m := range made {
		if !slices.Contains(out, m.ID) {
			out = append(out, m.ID)
		}
	}
	return out
}

// forMode drops the cautions that speak to a receiver ("ask how the
// pressure feels") from a self-massage.
func (ix *index) forMode(ids []string, mode string) []string {
	if mode != "self" {
		return ids
	}
	out := slices.DeleteFunc(slices.Clone(ids), func(id string) bool {
		x := ix.caution[id]
		return x != nil && !x.FitsMode(mode)
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

// appendItems appends the unit's items to dst: one, or one per side.
func (u *unit) appendItems(dst []Item, section string) []Item {
	c := u.c
	it := Item{
		Technique: c.t.ID,
		Name:      c.t.Name,
		Section:   section,
		Area:      c.area,
		Phase:     u.slot.phase(),
		Seconds:   u.per,
		Pressure:  c.v.pressure,
		Side:      c.side,
		Cautions:  c.cautions,
		Note:      c.v.note,
		Play:      c.play,
	}
	if u.round > 0 {
		it.Note = join(it.Note, fmt.Sprintf("round %d of the work", u.round+1))
	}
	if c.sides == 1 {
		return append(dst, it)
	}
	left, right := it, it
	left.Side, right.Side = "left", "right"
	return append(dst, left, right)
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// cautions lists the cautions of the planned items, each once, in the order
// the items first meet them, with the techniques and areas they concern.
func (ix *index) cautions(secs []*section, items []Item) []Caution {
	made := map[string]*Caution{}
	for _, s := range secs {
		for _, u := range s.units {
			for _, m := range u.c.v.made {
				made[m.ID] = m
			}
		}
	}
	n := 0
	for _, it := range items {
		n += len(it.Cautions)
	}
	out := make([]Caution, 0, min(n, 16))
	at := make(map[string]int, min(n, 16))
	for _, it := range items {
		for _, id := range it.Cautions {
			i, ok := at[id]
			if !ok {
				var c Caution
				if m, isMade := made[id]; isMade {
					c = *m
					c.Areas = nil
				} else {
					x := ix.caution[id]
					c = Caution{ID: x.ID, Say: x.Say, Kind: x.Kind, When: x.When, Landmarks: x.Landmarks, Sources: x.Sources}
				}
				i = len(out)
				at[id] = i
				out = append(out, c)
			}
			c := &out[i]
			if !slices.Contains(c.Techniques, it.Technique) {
				c.Techniques = append(c.Techniques, it.Technique)
			}
			if !slices.Contains(c.Areas, it.Area) {
				c.Areas = append(c.Areas, it.Area)
			}
		}
	}
	return out
}

// preps gathers the preparations the plan needs, once each. A preparation
// is needed when a planned technique names it, or when it is a task for an
// area the plan works on, in the plan's mode. Tasks come before positions
// (taking a position is the last thing before the hands go on), longer
// tasks first (soaking or washing happens away from where the massage is),
// and a task that comes "after" another follows right behind it, so that
// soak, dry and cream stay together.
func (ix *index) preps(secs []*section, mode string, conds []massage.Condition) []Prep {
	seen := map[*massage.Preparation]bool{}
	var list []*massage.Preparation
	// A condition's rule leaves out preparations where the condition is
	// (no warm soak for an inflamed ankle).
	for _, c := range conds {
		r := ix.rule[c.Kind]
		if r == nil {
			continue
		}
		for _, id := range r.Preparations {
			p := ix.cat.Preparation(id)
			if p == nil {
				continue
			}
			// Near enough: the same area, one inside the other, or areas side
			// by side (a foot soak reaches the ankles).
			where := c.Area()
			wa, _ := massage.AreaByID(where)
			if len(p.Areas) == 0 || where == "" || slices.ContainsFunc(p.Areas, func(a string) bool {
				pa, _ := massage.AreaByID(a)
				return massage.Overlaps(a, where) || pa.Parent != "" && pa.Parent == wa.Parent
			}) {
				seen[p] = true
			}
		}
	}
	mark := func(p *massage.Preparation) {
		if p != nil && !seen[p] && prepFits(p.Mode, mode) {
			seen[p] = true
			list = append(list, p)
		}
	}
	byID := map[string]*massage.Preparation{}
	for _, p := range ix.cat.Preparations {
		if p != nil {
			byID[p.ID] = p
		}
	}
	tasks := map[*massage.Preparation]areaSet{}
	for _, p := range ix.cat.Preparations {
		if p != nil && p.Kind != "position" {
			tasks[p] = overlapping(p.Areas)
		}
	}
	for _, s := range secs {
		for _, u := range s.units {
			for _, id := range u.c.t.Prep {
				mark(byID[id])
			}
			for _, p := range ix.cat.Preparations {
				if on, ok := tasks[p]; ok && (len(p.Areas) == 0 || on.on(u.c.area)) {
					mark(p)
				}
			}
		}
	}
	slices.SortStableFunc(list, func(a, b *massage.Preparation) int {
		if pa, pb := a.Kind == "position", b.Kind == "position"; pa != pb {
			if pa {
				return 1
			}
			return -1
		}
		return cmp.Compare(prepOf(b).Seconds, prepOf(a).Seconds)
	})
	inList := map[string]bool{}
	for _, p := range list {
		inList[p.ID] = true
	}
	placed := map[string]bool{}
	ready := func(p *massage.Preparation) bool {
		for _, a := range p.After {
			if inList[a] && !placed[a] {
				return false
			}
		}
		return !placed[p.ID]
	}
	out := []Prep{}
	last := ""
	for len(out) < len(list) {
		var pick *massage.Preparation
		for _, p := range list {
			if ready(p) && last != "" && slices.Contains(p.After, last) {
				pick = p
				break
			}
		}
		for _, p := range list {
			if pick == nil && ready(p) {
				pick = p
			}
		}
		if pick == nil { // "after"s in a loop: take the next as it stands
			for _, p := range list {
				if pick == nil && !placed[p.ID] {
					pick = p
				}
			}
		}
		placed[pick.ID] = true
		last = pick.ID
		out = append(out, prepOf(pick))
	}
	return out
}

func prepFits(prepMode, mode string) bool {
	return prepMode == "" || prepMode == "both" || prepMode == mode
}

func prepOf(p *massage.Preparation) Prep {
	sec := p.Seconds.Usual
	if sec == 0 {
		sec = (p.Seconds.Least + p.Seconds.Most) / 2
	}
	return Prep{ID: p.ID, Name: p.Name, Seconds: sec, Say: p.Say, Needs: p.Needs}
}
