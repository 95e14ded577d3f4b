package motion

import (
	"fmt"

	"github.com/knead/knead/massage"
)

// RoutineDrawing is one picture of a routine's handout: the technique of
// an item (or the steps of the routine's own under the item's name), and
// the file it is written to, numbered in the routine's order.
type RoutineDrawing struct {
	File      string // "01-back-fan-stroke.svg"
	Item      int    // the item it is first drawn for, from 0
	Technique *massage.Technique
}

// RoutineDrawings lists the pictures `knead draw ROUTINE.yaml --out-dir`
// writes and the web app's routine pages show: one per item, in order,
// each technique once; items with nothing to draw are passed over.
func RoutineDrawings(cat *massage.Catalog, r *massage.Routine) []RoutineDrawing {
	var out []RoutineDrawing
	seen := map[string]bool{}
	for i, it := range r.Items {
		t := cat.Technique(it.Technique)
		if it.Technique == "" {
			t = ItemTechnique(r, i)
		}
		if t == nil || len(t.Steps) == 0 || seen[t.ID] {
			continue
		}
		seen[t.ID] = true
		out = append(out, RoutineDrawing{File: fmt.Sprintf("%02d-%s.svg", len(out)+1, t.ID), Item: i, Technique: t})
	}
	return out
}

// ItemTechnique is the technique DrawSVG draws for item i of a routine
// whose steps are its own: "item-3", under the item's name.
func ItemTechnique(r *massage.Routine, i int) *massage.Technique {
	it := r.Items[i]
	t := &massage.Technique{ID: fmt.Sprintf("item-%d", i+1), Name: it.Name, Mode: r.Mode, Steps: it.Steps}
	if it.Area != "" {
		t.Areas = []string{it.Area}
	}
	return t
}
