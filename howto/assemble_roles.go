package howto

import (
	"fmt"
	"strings"
)

// Assemble, the account: every sentence read gets a role and the reason
// for it, so that nothing is dropped silently. The roles are those of
// docs/import.md: move, move modifier, preparation, warning, claim, tip,
// description, commentary and noise (page furniture, by block).

// account lists every sentence with its role, in the order of the text.
func (d *doc) account() {
	inStep := map[*sentence][2]int{} // step number, role within it
	for i, st := range d.steps {
		for k, s := range st.sents {
			inStep[s] = [2]int{i + 1, st.roles[k]}
		}
	}
	out := []SentenceRole{}
	for _, b := range d.bs {
		if b.noise != "" {
			out = append(out, SentenceRole{Line: b.line, Text: clip(b.text, 200), Role: RoleNoise, Why: b.noise})
			continue
		}
		if b.kind == bHeading {
			out = append(out, SentenceRole{Line: b.line, Text: clip(b.text, 200), Role: RoleDescription, Why: "a heading: it names the section and its area"})
			continue
		}
		for _, s := range b.sents {
			out = append(out, d.roleOf(s, inStep))
		}
	}
	d.res.Sentences = out
}

// roleOf gives one sentence its role and why.
func (d *doc) roleOf(s *sentence, inStep map[*sentence][2]int) SentenceRole {
	r := d.roleByRules(s, inStep)
	if s.guess.role != "" {
		r.Model, r.Confidence, r.Warns = s.guess.role, round2(s.guess.conf), round2(s.guess.pWarn)
		if s.modelSaid {
			r.Why += fmt.Sprintf(" (the role model's reading: %s, %.2f)", s.guess.role, s.guess.conf)
		}
	}
	return r
}

// roleByRules gives one sentence its role and why.
func (d *doc) roleByRules(s *sentence, inStep map[*sentence][2]int) SentenceRole {
	r := SentenceRole{Line: s.line, Text: s.text}
	var also []string
	if s.warning {
		also = append(also, RoleWarning)
	}
	if s.claim {
		also = append(also, RoleClaim)
	}
	if kinds := d.prepKinds(s); len(kinds) > 0 {
		also = append(also, RolePrep)
	}
	if at, ok := inStep[s]; ok {
		r.Step = at[0]
		switch at[1] {
		case 0:
			r.Role, r.Why = RoleMove, "places the hands for the move that follows"
		case 1:
			r.Role, r.Why = RoleMove, d.moveWhy(s)
		default:
			r.Role, r.Why = RoleModifier, "changes the move before it (a count, a side, the pressure, a repeat)"
		}
		r.Also = also
		return r
	}
	switch {
	case s.warning:
		r.Role, r.Why = RoleWarning, "a caution: it keeps the hands off, eases them or stops on a sign"
	case len(d.prepKinds(s)) > 0:
		r.Role, r.Why = RolePrep, "gets ready: "+strings.Join(d.prepKinds(s), ", ")
	case s.claim:
		r.Role, r.Why = RoleClaim, "says what good the massage does"
	case d.isTip(s):
		r.Role, r.Why = RoleTip, "advice with no hands-on move of its own"
	case s.form != fNone:
		r.Role, r.Why = RoleTip, fmt.Sprintf("an instruction (%q) that is no hands-on move", s.verbWord())
	case s.hasLoc() || s.defines() != "":
		r.Role, r.Why = RoleDescription, "describes a place or a move, instructs nothing"
	default:
		r.Role, r.Why = RoleCommentary, "no instruction: no main verb of one after the openers"
	}
	r.Also = drop(also, r.Role)
	return r
}

func (d *doc) moveWhy(s *sentence) string {
	if s.form == fNone {
		return "a fragment that names a move"
	}
	return fmt.Sprintf("a hands-on move, main verb %q", s.verbWord())
}

func (s *sentence) verbWord() string {
	if s.vi < 0 || s.vi >= len(s.toks) {
		return ""
	}
	return s.toks[s.vi].w
}

func (d *doc) prepKinds(s *sentence) []string {
	var out []string
	for _, p := range d.res.Prep {
		if p.Line == s.line && p.Text == s.text {
			out = appendNew(out, p.Kind)
		}
	}
	return out
}

func (d *doc) isTip(s *sentence) bool {
	for _, n := range d.res.Tips {
		if n.Line == s.line && n.Text == s.text {
			return true
		}
	}
	return false
}

func drop(list []string, x string) []string {
	out := list[:0]
	for _, v := range list {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}
