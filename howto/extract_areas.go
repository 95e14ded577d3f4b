package howto

import "github.com/knead/knead/massage"

// Extract, places: a step works one main area (Step.Area, voted in
// draft.go) and often more when the move travels ("from the neck over the
// shoulders"). stepAreas lists them all, the main one first: the areas its
// move sentences name where the move works, and where a move starts when
// it travels on over another place ("from the neck over the shoulders").
// Where a move only heads ("toward the hip"), a place the other hand only
// holds still and the giver's own body never count.
func stepAreas(st *stepDraft, main string) []string {
	out := []string{}
	if main != "" {
		out = append(out, main)
	}
	for k, s := range st.sents {
		if st.roles[k] != 1 {
			continue
		}
		held, _ := s.placeRoles()
		starts := s.travelStarts()
		worked := func(id string) bool { return !held[id] && (!s.refs[id] || starts[id]) }
		for _, l := range s.landmarks {
			if !worked(l) || torsoEdges[l] && (main == "abdomen" || main == "chest") {
				continue // "by the hip bone, up to the ribs" on the tummy: its edges
			}
			if l == "cheeks" && main == "glutes" {
				continue // the buttock's cheeks (placeStepPart), not the face's
			}
			if lm, ok := massage.LandmarkByID(l); ok {
				out = appendNew(out, lm.Area)
			}
		}
		for _, a := range s.areas {
			if worked(a) {
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

// travelStarts are the places a move starts from when it travels on over
// or along another: "from the neck over the shoulders" works the neck.
func (s *sentence) travelStarts() map[string]bool {
	out := map[string]bool{}
	t := s.toks
	for id, tis := range s.placeAt() {
		for _, ti := range tis {
			k := ti - 1
			for k >= 0 && (dets[t[k].w] || bodyAdjs[t[k].w] || partNouns[t[k].w] || t[k].w == "of") {
				k--
			}
			if k < 0 || t[k].w != "from" {
				continue
			}
			for j := ti + 1; j < len(t) && j <= ti+4; j++ {
				if travelPreps[t[j].w] || t[j].w == "to" || t[j].w == "into" || t[j].w == "onto" {
					out[id] = true
				}
			}
		}
	}
	return out
}
