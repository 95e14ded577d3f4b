package plan

import (
	"fmt"
	"slices"

	"github.com/knead/knead/massage"
)

// Check applies the safety screen to what is about to be played: first the
// outcomes that decide whether there is a session at all (stop, and
// ask-first without Cleared), as Make applies them; then, for a routine
// played as it was written (a routine file, one technique; nil when the
// planner plans the session and judges every move itself), every catalog
// technique it plays, judged as the planner judges it. A technique the
// answers rule out, or one the routine plays firmer than they allow, is an
// *Error with Code "ruled-out" naming the technique, the condition and the
// source. Only r's Conditions, Age and Cleared are read.
func Check(cat *massage.Catalog, r Request, routine *massage.Routine) error {
	// The conditions are read as Make reads them; the areas and minutes
	// only let the rest of the request pass the same validation.
	probe := Request{Areas: []string{massage.Areas[0].ID}, Minutes: MinMinutes,
		Conditions: r.Conditions, Age: r.Age, Cleared: r.Cleared}
	req, conds, err := probe.normalize()
	if err != nil {
		return err
	}
	ix := newIndex(cat)
	if err := ix.screen(req, conds, r); err != nil {
		return err
	}
	if routine == nil || len(conds) == 0 {
		return nil
	}
	ix.ban(conds)
	for _, it := range routine.Items {
		t := cat.Technique(it.Technique)
		if t == nil {
			continue // steps of the routine's own: checked by the loader, not by the screen
		}
		if routine.Mode == "partner" && t.Mode == "both" && ix.banned != nil && onlyIn(t, sortedKeys(ix.banned)) {
			w := massage.Receivers.Name(t.Posture.Receiver[0])
			return &Error{Field: "conditions", Code: "ruled-out", Condition: bannedBy(ix, conds, t.Posture.Receiver[0]),
				Message: fmt.Sprintf("%s is done %s for a partner: with the answers given, nothing is played %s", t.Name, w, w)}
		}
		f := factsFor(t, overlapping(t.Areas))
		v := ix.judge(t, &f, conds, "deep")
		if v.out && v.condition != "" {
			return &Error{Field: "conditions", Code: "ruled-out", Condition: v.condition,
				Message: fmt.Sprintf("%s %s (source: %s)", t.Name, v.reason, v.source)}
		}
		played := it.Pressure
		if played == "" {
			played = f.floor
		}
		if !v.out && len(v.made) > 0 && massage.LevelRank(played) > massage.LevelRank(v.pressure) {
			c := v.made[0]
			rule := ix.rule[conditionKind(c.ID)]
			src := ""
			if rule != nil {
				src = ix.sourceOf(rule)
			}
			return &Error{Field: "conditions", Code: "ruled-out", Condition: c.ID,
				Message: fmt.Sprintf("%s is played at %s pressure: with %s, nothing firmer than %s there (source: %s)",
					t.Name, played, c.ID, v.pressure, src)}
		}
	}
	return nil
}

// conditionKind is the kind of a condition as written ("recent-fracture"
// of "recent-fracture:calves").
func conditionKind(s string) string {
	c, err := massage.ParseCondition(s)
	if err != nil {
		return s
	}
	return c.Kind
}

// bannedBy names the condition that rules out a receiver posture.
func bannedBy(ix *index, conds []massage.Condition, posture string) string {
	for _, c := range conds {
		if r := ix.rule[c.Kind]; r != nil && slices.Contains(r.Postures, posture) {
			return c.String()
		}
	}
	return ""
}
