package web

import (
	"context"
	"net/url"
	"strings"
	"time"

	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// The safety screen on the start page: a few yes/no questions, a yes
// opening one follow-up (which, and where). Offered, never forced: every
// question starts at No, and a request without answers is planned as
// before. Answers are kept for the person with their date and offered
// again until they are massage.ScreenDays old.

type screenView struct {
	Questions []questionView
	Age       string
	Cleared   bool
	When      string // the date of the answers offered again, "" when none
	Stale     bool   // the last answers were too old to offer
	Ages      []massage.Word
}

type questionView struct {
	ID, Ask, FollowUp string
	Yes               bool
	Choices           []choiceView
	Where             string // "area", "joint" or "" when no choice asks where
	WhereValue        string
	Places            []massage.Word
}

type choiceView struct {
	ID, Say string
	Checked bool
}

// screenFor builds the screen's questions with answers filled in.
func (s *Server) screenFor(sc plan.Screen) screenView {
	v := screenView{Age: sc.Age, Ages: massage.AgeGroups.Words}
	if v.Age == "" {
		v.Age = "adult"
	}
	var areas []massage.Word
	for _, a := range massage.Areas {
		areas = append(areas, massage.Word{ID: a.ID, Name: a.Name})
	}
	for _, q := range s.cat.Questions {
		qv := questionView{ID: q.ID, Ask: q.Ask, FollowUp: q.FollowUp}
		var ans *plan.Answer
		for i := range sc.Answers {
			if sc.Answers[i].Question == q.ID {
				ans = &sc.Answers[i]
			}
		}
		for _, c := range q.Choices {
			cv := choiceView{ID: c.ID, Say: c.Say, Checked: ans != nil && ans.Choice == c.ID}
			switch massage.ConditionWhere(c.Condition) {
			case "joint":
				qv.Where, qv.Places = "joint", massage.Joints
			case "area":
				if qv.Where == "" {
					qv.Where, qv.Places = "area", areas
				}
			}
			qv.Choices = append(qv.Choices, cv)
		}
		if ans != nil {
			qv.Yes, qv.WhereValue = true, ans.Where
		}
		v.Questions = append(v.Questions, qv)
	}
	return v
}

// screenFromForm reads the screen's fields: age, q.ID=yes|no, a.ID=CHOICE,
// w.ID=WHERE, cleared=on. It reports whether the form carried the screen
// at all, and a yes without a follow-up answer as an error on that question.
func (s *Server) screenFromForm(q url.Values) (plan.Screen, bool, *apiError) {
	sc := plan.Screen{Age: q.Get("age"), Answers: []plan.Answer{}}
	asked := q.Has("age")
	for _, x := range s.cat.Questions {
		v := q.Get("q." + x.ID)
		asked = asked || v != ""
		if v != "yes" {
			continue
		}
		a := plan.Answer{Question: x.ID, Choice: q.Get("a." + x.ID), Where: q.Get("w." + x.ID)}
		if a.Choice == "" {
			return sc, true, errInvalid("q."+x.ID, "you answered yes to %q: choose one of the answers under it", x.Ask)
		}
		sc.Answers = append(sc.Answers, a)
	}
	if sc.Age == "adult" {
		sc.Age = ""
	}
	return sc, asked, nil
}

// keepScreen saves the answers for the person ("" is me); a failure is
// logged, never shown: the plan stands without it.
func (s *Server) keepScreen(ctx context.Context, person string, sc plan.Screen) {
	if person == "" {
		person = store.Me
	}
	if err := s.store.SaveScreen(ctx, person, sc, time.Now().UTC()); err != nil {
		s.log.Warn("keeping the screen answers", "err", err)
	}
}

// lastScreen gives the person's kept answers when they are fresh enough to
// offer again, with their date; or says they went stale.
func (s *Server) lastScreen(ctx context.Context, person string) screenView {
	a, err := s.store.ScreenOf(ctx, person)
	if err != nil || a == nil {
		return s.screenFor(plan.Screen{})
	}
	if a.Stale(time.Now(), massage.ScreenDays) {
		v := s.screenFor(plan.Screen{})
		v.Stale = true
		return v
	}
	v := s.screenFor(a.Screen)
	v.When = a.AnsweredAt.Format("2 January")
	return v
}

// screenField names a screen field for the form's error line.
func screenField(field string) (string, bool) {
	switch {
	case strings.HasPrefix(field, "q.") || strings.HasPrefix(field, "answers"):
		return "Safety check", true
	case field == "age":
		return "Age", true
	}
	return "", false
}
