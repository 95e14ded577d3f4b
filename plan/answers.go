package plan

import (
	"fmt"
	"strings"

	"github.com/knead/knead/massage"
)

// Answer is one "yes" to a screen question: the follow-up choice and, for a
// condition that takes a place, where. A question answered "no" has no
// Answer.
type Answer struct {
	Question string `json:"question"`
	Choice   string `json:"choice"`
	Where    string `json:"where,omitempty"` // an area id, or a joint id for a joint condition
}

// Screen is a person's answers to the safety screen: their age group and
// the yeses, as the web form, `knead plan --screen` and the store keep them.
type Screen struct {
	Age     string   `json:"age,omitempty"`
	Answers []Answer `json:"answers"`
}

// Apply turns the screen's answers into the request's conditions, age and
// whether a health professional agreed; an answer that does not fit the
// catalog's questions is an *Error naming it ("answers[1].where").
func (s Screen) Apply(cat *massage.Catalog, r *Request) error {
	if s.Age != "" {
		if !massage.AgeGroups.Has(s.Age) {
			return fieldError("age", "unknown age group %q: expected one of %s", s.Age, strings.Join(massage.AgeGroups.IDs(), ", "))
		}
		r.Age = s.Age
	}
	if len(s.Answers) > maxConds {
		return fieldError("answers", "%d answers is more than Knead takes (%d at most)", len(s.Answers), maxConds)
	}
	for i, a := range s.Answers {
		field := fmt.Sprintf("answers[%d]", i)
		q := question(cat, a.Question)
		if q == nil {
			return fieldError(field+".question", "unknown screen question %q", a.Question)
		}
		var ch *massage.Choice
		var ids []string
		for k := range q.Choices {
			ids = append(ids, q.Choices[k].ID)
			if q.Choices[k].ID == a.Choice {
				ch = &q.Choices[k]
			}
		}
		if ch == nil {
			return fieldError(field+".choice", "unknown answer %q to %q: expected one of %s", a.Choice, q.ID, strings.Join(ids, ", "))
		}
		if ch.Condition == "" {
			continue
		}
		written := ch.Condition
		if massage.ConditionWhere(ch.Condition) != "" {
			written += ":" + clean(a.Where)
		}
		c, err := massage.ParseCondition(written)
		if err != nil {
			return fieldError(field+".where", "%s", err.Error())
		}
		r.Conditions = append(r.Conditions, c.String())
		r.Cleared = r.Cleared || ch.Cleared
	}
	return nil
}

// Conditions lists what the answers mean, as written, for a summary.
func (s Screen) Conditions(cat *massage.Catalog) []string {
	var r Request
	if s.Apply(cat, &r) != nil {
		return nil
	}
	if r.Age != "" && r.Age != "adult" {
		r.Conditions = append(r.Conditions, r.Age)
	}
	return r.Conditions
}

func question(cat *massage.Catalog, id string) *massage.Question {
	for _, q := range cat.Questions {
		if q.ID == id {
			return q
		}
	}
	return nil
}
