package catalog

import (
	"fmt"
	"strings"

	"github.com/knead/knead/massage"
)

// SafetyDoc writes docs/safety.md from the catalog: every condition rule
// with its outcome, what it rules out, why and its sources; the screen's
// questions; the endangerment sites. A test keeps the file up to date.
func SafetyDoc(cat *massage.Catalog) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# Safety: the screen, the rules and their sources\n\n")
	w("<!-- Generated from catalog/data/screen.yaml and the body model by `go test ./catalog -update`. Do not edit by hand. -->\n\n")
	w("Knead is not medical advice. The screen asks a few questions before a session and the planner\n")
	w("plans around the answers; when in doubt, ask a doctor, midwife or physiotherapist.\n\n")
	w("The references disagree (a survey of 21 professional sources found between 3 and 86\n")
	w("contraindications, most given without a reference), so every rule below names its own sources.\n")
	w("The rules are catalog data (`conditions:` and `questions:` in Knead's format, see format.md);\n")
	w("`knead check` refuses a rule without a source.\n\n")
	w("## Outcomes\n\n")
	w("| outcome | what the planner does |\n|---|---|\n")
	w("| stop | no session today: `knead plan` exits 1 with the reason, the API answers 422 (`code: stop`) naming the condition |\n")
	w("| leave-out | every technique over the place is left out, and nearby work stops short of it |\n")
	w("| light-only | every move where it applies at the rule's pressure (light unless it says), turned down where a lighter form exists; the families named are left out |\n")
	w("| ask-first | planned only once the person says a health professional agreed (`--cleared`, `\"cleared\": true`), then with the rule's limits; else exit 1 / 422 (`code: ask-first`) |\n\n")
	w("## Conditions\n\n")
	w("Written as on the command line: `--condition ID` or `--condition ID:AREA` (`:JOINT` for joints).\n")
	w("Age groups are given with `--age`.\n\n")
	for _, r := range cat.Conditions {
		usage := r.ID
		switch r.Where {
		case "area":
			usage += ":AREA"
		case "joint":
			usage += ":JOINT"
		}
		if r.Age {
			usage = "--age " + r.ID
		}
		w("### `%s` — %s\n\n", usage, r.Name)
		w("- Outcome: **%s** (%s)%s\n", r.Outcome, massage.Outcomes.Name(r.Outcome), map[bool]string{true: ", see a doctor", false: ""}[r.Doctor])
		w("- Rules out: %s\n", r.RulesOut())
		w("- Why: %s\n", r.Why)
		var srcs []string
		for _, id := range r.Sources {
			s := cat.Source(id)
			if s == nil {
				srcs = append(srcs, id)
				continue
			}
			if s.Address != "" {
				srcs = append(srcs, fmt.Sprintf("[%s](%s)", s.Title, s.Address))
			} else {
				srcs = append(srcs, fmt.Sprintf("%s (`%s`)", s.Title, s.ID))
			}
		}
		w("- Sources: %s\n\n", strings.Join(srcs, "; "))
	}
	w("## The screen\n\n")
	w("A few yes/no questions; a yes opens one follow-up. Answers are kept per person with the date\n")
	w("and asked again after %d days, or sooner when the person says something changed.\n\n", massage.ScreenDays)
	for i, q := range cat.Questions {
		w("%d. %s  \n   If yes: %s\n", i+1, q.Ask, q.FollowUp)
		for _, c := range q.Choices {
			to := "nothing changes"
			if c.Condition != "" {
				to = "`" + c.Condition + "`"
				if massage.ConditionWhere(c.Condition) != "" {
					to += ", and where"
				}
				if c.Cleared {
					to += ", already cleared"
				}
			}
			w("   - %s → %s\n", c.Say, to)
		}
	}
	w("\n## Endangerment sites\n\n")
	w("Places where nerves, vessels or organs lie close under the skin. In every session, whatever the\n")
	w("answers, broad, flat, light gliding may pass over them; deep or pointed pressure, kneading and\n")
	w("percussion never land on them. The loader refuses a step that does, as it refuses pressing on the\n")
	w("spine line; device paths keep their force light there; drawings mark them. Source: ")
	if s := cat.Source("werner-endangerment"); s != nil {
		w("[%s](%s).\n\n", s.Title, s.Address)
	}
	w("| landmark | place | area |\n|---|---|---|\n")
	for _, l := range massage.Landmarks {
		if l.Site {
			w("| `%s` | %s | %s |\n", l.ID, l.Name, l.Area)
		}
	}
	return b.String()
}
