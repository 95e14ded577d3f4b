package catalog

import (
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/knead/knead/massage"
)

// The safety screen's files: conditions (what each does to a plan, with its
// sources) and questions (the yes/no screen and its follow-ups).

const (
	kCondition = "condition"
	kQuestion  = "question"
)

func (l *loader) condition(d *decoder, n ast.Node) {
	f := d.fields(n, "condition", "id", "name", "where", "outcome", "why", "doctor", "age", "areas", "families", "most", "postures", "preparations", "sources")
	if f == nil {
		return
	}
	f.require("id", "name", "outcome", "why", "sources")
	r := &massage.ConditionRule{
		ID:       f.word("id", massage.ConditionKinds),
		Name:     f.text("name", 120),
		Where:    f.str("where"),
		Outcome:  f.word("outcome", massage.Outcomes),
		Why:      f.text("why", 600),
		Doctor:   f.boolean("doctor"),
		Age:      f.boolean("age"),
		Areas:    f.areas("areas"),
		Families: f.words("families", massage.Families),
		Most:     f.word("most", massage.Levels),
	}
	what := "condition " + writtenID(f, r.ID)
	if r.ID != "" && r.Where != massage.ConditionWhere(r.ID) {
		wn, _ := f.value("where")
		if wn == nil {
			wn = n
		}
		want := massage.ConditionWhere(r.ID)
		if want == "" {
			d.errorf(wn, "%s takes no place after a colon: leave out where", what)
		} else {
			d.errorf(wn, "%s is written %s:%s: expected where: %s", what, r.ID, strings.ToUpper(want), want)
		}
	}
	r.Postures = f.words("postures", massage.Receivers)
	r.Preparations = l.idRefs(f, "preparations", kPreparation, what)
	r.Sources = l.sources(f, what)
	if f.has("sources") {
		own := true
		for _, s := range r.Sources {
			own = own && s == massage.OwnSource
		}
		if own {
			sn, _ := f.value("sources")
			d.errorf(sn, "%s needs a source other than Knead's own: name where the rule comes from, with its address", what)
		}
	}
	if r.Doctor && r.Outcome != "stop" && r.Outcome != "ask-first" {
		d.errorf(n, "%s says to see a doctor: only a stop or ask-first rule does", what)
	}
	if l.define(kCondition, r.ID, d.at(n)) {
		l.cat.Conditions = append(l.cat.Conditions, r)
	}
}

func (l *loader) question(d *decoder, n ast.Node) {
	f := d.fields(n, "question", "id", "ask", "follow_up", "choices")
	if f == nil {
		return
	}
	f.require("id", "ask", "follow_up", "choices")
	q := &massage.Question{ID: f.id("id"), Ask: f.text("ask", 200), FollowUp: f.text("follow_up", 200)}
	what := "question " + writtenID(f, q.ID)
	for _, cn := range f.list("choices") {
		cf := d.fields(cn, what+" choice", "id", "say", "condition", "cleared")
		if cf == nil {
			continue
		}
		cf.require("id", "say")
		c := massage.Choice{ID: cf.id("id"), Say: cf.text("say", 200), Condition: cf.word("condition", massage.ConditionKinds), Cleared: cf.boolean("cleared")}
		for _, prev := range q.Choices {
			if prev.ID == c.ID && c.ID != "" {
				d.errorf(cn, "%s has two choices with id %q", what, c.ID)
			}
		}
		if c.Condition != "" {
			l.refs = append(l.refs, ref{kind: kCondition, id: c.Condition, at: d.at(cn), in: what})
		}
		q.Choices = append(q.Choices, c)
	}
	if f.has("choices") && len(q.Choices) == 0 {
		d.errorf(n, "%s needs at least one choice", what)
	}
	if l.define(kQuestion, q.ID, d.at(n)) {
		l.cat.Questions = append(l.cat.Questions, q)
	}
}
