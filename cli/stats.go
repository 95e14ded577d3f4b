package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/knead/knead/massage"
)

// Coverage is what the catalog offers one finest area in one mode: the
// techniques that name the area itself, and how many of them can warm it
// up, work it and finish it. Complete is the catalog's aim for every place
// on the body map: four different techniques, a warm-up, two for the work
// and a finish.
type Coverage struct {
	Area       string `json:"area"`
	Mode       string `json:"mode"`
	Techniques int    `json:"techniques"`
	WarmUp     int    `json:"warm_up"`
	Work       int    `json:"work"`
	Finish     int    `json:"finish"`
	Complete   bool   `json:"complete"`
}

// CatalogStats counts the catalog by area and mode, and by family.
type CatalogStats struct {
	Techniques int            `json:"techniques"`
	Own        int            `json:"own"` // Knead's own, not from a source text
	Families   map[string]int `json:"families"`
	Coverage   []Coverage     `json:"coverage"`
	Complete   int            `json:"complete"` // (area, mode) pairs that meet the aim
}

// finestAreas are the places a body map offers: the areas with no parts of
// their own, and the feet, which hold the toes but are a place of their own
// (the back, arms and legs are offered as their parts), in the tree's order.
func finestAreas() []string {
	var out []string
	for _, a := range massage.Areas {
		if len(massage.Children(a.ID)) == 0 || a.ID == "feet" {
			out = append(out, a.ID)
		}
	}
	return out
}

// catalogStats counts cat's techniques.
func catalogStats(cat *massage.Catalog) CatalogStats {
	st := CatalogStats{Families: map[string]int{}}
	for _, t := range cat.Techniques {
		st.Techniques++
		if t.Own() {
			st.Own++
		}
		st.Families[t.Family]++
	}
	for _, area := range finestAreas() {
		for _, mode := range []string{"self", "partner"} {
			c := Coverage{Area: area, Mode: mode}
			var here []*massage.Technique
			for _, t := range cat.Techniques {
				if !slices.Contains(t.Areas, area) || !t.FitsMode(mode) {
					continue
				}
				here = append(here, t)
				c.Techniques++
				if t.FitsPhase("warm-up") {
					c.WarmUp++
				}
				if t.FitsPhase("work") {
					c.Work++
				}
				if t.FitsPhase("finish") {
					c.Finish++
				}
			}
			c.Complete = fourDifferent(here)
			if c.Complete {
				st.Complete++
			}
			st.Coverage = append(st.Coverage, c)
		}
	}
	return st
}

// writeStats prints the counts as two tables.
func writeStats(w io.Writer, st CatalogStats) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d techniques, %d of them Knead's own.\n\n", st.Techniques, st.Own)
	b.WriteString("By family:\n")
	for _, f := range massage.Families.IDs() {
		if n := st.Families[f]; n > 0 {
			fmt.Fprintf(&b, "  %-16s %3d\n", f, n)
		}
	}
	fmt.Fprintf(&b, "\nBy place and mode: techniques naming the place itself (warm-up / work / finish).\n")
	fmt.Fprintf(&b, "The aim is four or more, with a warm-up, two for the work and a finish: %d of %d places and modes meet it.\n\n",
		st.Complete, len(st.Coverage))
	fmt.Fprintf(&b, "  %-12s  %-16s  %-16s\n", "AREA", "SELF", "PARTNER")
	for i := 0; i+1 < len(st.Coverage); i += 2 {
		cell := func(c Coverage) string {
			mark := " "
			if !c.Complete {
				mark = "!"
			}
			return fmt.Sprintf("%s %2d (%d/%d/%d)", mark, c.Techniques, c.WarmUp, c.Work, c.Finish)
		}
		fmt.Fprintf(&b, "  %-12s  %-16s  %-16s\n", st.Coverage[i].Area, cell(st.Coverage[i]), cell(st.Coverage[i+1]))
	}
	b.WriteString("\n! marks a place and mode short of the aim.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// fourDifferent reports whether ts hold four different techniques: one
// to warm up, two for the work and one to finish.
func fourDifferent(ts []*massage.Technique) bool {
	for w, warm := range ts {
		if !warm.FitsPhase("warm-up") {
			continue
		}
		for f, fin := range ts {
			if f == w || !fin.FitsPhase("finish") {
				continue
			}
			work := 0
			for k, t := range ts {
				if k != w && k != f && t.FitsPhase("work") {
					work++
				}
			}
			if work >= 2 {
				return true
			}
		}
	}
	return false
}
