package motion

import (
	"math"
	"sort"

	"github.com/knead/knead/massage"
)

// siteRadius is how near (mm) to an endangerment site a contact counts as
// on it: the references teach broad, flat, light contact there
// (massage.Landmark.Site; docs/safety.md).
const siteRadius = 25.0

// siteSpots lists the spots of a view that are endangerment sites.
func siteSpots(v *View) []Spot {
	var out []Spot
	for id, ss := range spots[v.ID] {
		if l, ok := massage.LandmarkByID(id); ok && l.Site {
			out = append(out, ss...)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Landmark != b.Landmark {
			return a.Landmark < b.Landmark
		}
		return a.Panel+a.Side < b.Panel+b.Side
	})
	return out
}

// nearSite reports whether a point of a panel lies within siteRadius of one
// of the sites.
func nearSite(v *View, sites []Spot, panel string, x, y float64) bool {
	for _, s := range sites {
		if s.Panel != panel {
			continue
		}
		if math.Hypot(x-s.At.X, y-s.At.Y)*v.MM <= siteRadius {
			return true
		}
	}
	return false
}
