package howto

import "github.com/knead/knead/massage"

// Extract, places: a step works one main area (Step.Area, voted in
// draft.go) and often more when the move travels ("from the neck over the
// shoulders"). stepAreas lists them all, the main one first: the areas its
// move sentences name where the move works. Where a move only heads or
// starts ("toward the hip") and the giver's own body never count.
func stepAreas(st *stepDraft, main string) []string {
	out := []string{}
	if main != "" {
		out = append(out, main)
	}
	for k, s := range st.sents {
		if st.roles[k] != 1 {
			continue
		}
		for _, l := range s.landmarks {
			if s.refs[l] {
				continue
			}
			if lm, ok := massage.LandmarkByID(l); ok {
				out = appendNew(out, lm.Area)
			}
		}
		for _, a := range s.areas {
			if !s.refs[a] {
				out = appendNew(out, a)
			}
		}
	}
	if main == "" {
		return out
	}
	return dropChildrenOf(out)
}

// dropChildrenOf keeps the main area (first) and leaves out any other that
// is its parent or child or another's ("legs" beside "calves").
func dropChildrenOf(list []string) []string {
	out := list[:0]
	for _, a := range list {
		related := false
		for _, o := range out {
			if parentOf(a) == o || parentOf(o) == a {
				related = true
			}
		}
		if !related {
			out = append(out, a)
		}
	}
	return out
}

func parentOf(id string) string {
	for _, a := range massage.Areas {
		if a.ID == id {
			return a.Parent
		}
	}
	return ""
}
