package catalog

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// base is a small catalog the malformed files refer to.
const base = `
sources:
  - id: text.txt
    title: A test text
cautions:
  - id: spine
    say: Stay beside the spine.
    kind: never-press
    landmarks: [spine-line]
preparations:
  - id: apply-oil
    name: Oil
    say: Warm some oil.
techniques:
  - id: glide-back
    name: Back glide
    areas: [upper-back]
    mode: partner
    family: light-stroking
    phases: [warm-up]
    seconds: {least: 30, usual: 60, most: 120}
    steps:
      - say: Glide up.
        motion: glide
`

// check loads base and the file, and returns the errors of the file as
// "line:col: message".
func check(t *testing.T, file string) []string {
	t.Helper()
	l := newLoader()
	l.addFile("base.yaml", []byte(base))
	l.addFile("bad.yaml", []byte(file))
	_, errs := l.finish()
	var out []string
	for _, e := range errs {
		if e.File == "base.yaml" {
			t.Fatalf("the base file has an error: %v", e)
		}
		if e.Line == 0 {
			out = append(out, "0:0: "+e.Msg)
			continue
		}
		out = append(out, fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg))
	}
	return out
}

// tech wraps step lines into a valid technique, so a case can break one thing.
func tech(extra string, steps string) string {
	return `techniques:
  - id: t1
    name: Test
    areas: [scalp]
    mode: both
    family: friction
    phases: [work]
` + extra + `    steps:
` + steps
}

const okStep = "      - say: Circle.\n        motion: circle\n"

func TestMalformedFiles(t *testing.T) {
	tests := []struct {
		name string
		file string
		want []string // "line:col: start of message"
	}{
		{"syntax error", "techniques:\n  - id: [x\n", []string{"2:9: YAML syntax"}},
		{"key indented under a value", "technique:\n  id: x\n  name: y\n    areas: [back]\n", []string{"4:5: this line's indentation does not fit"}},
		{"key indented less than its mapping", "technique:\n  id: x\n name: y\n", []string{"3:2: this line's indentation does not fit"}},
		{"list item key out of line", "routine:\n  items:\n  - technique: a\n     seconds: 3\n", []string{"4:6: this line's indentation does not fit"}},
		{"empty file", "   \n", []string{"0:0: file is empty"}},
		{"top level list", "- a\n- b\n", []string{"1:1: expected the file as a mapping"}},
		{"unknown top key", "techniqes: []\n", []string{`1:1: unknown field "techniqes" in the file (did you mean "techniques"?)`}},
		{"unknown technique field", tech("    colour: red\n", okStep), []string{`8:5: unknown field "colour" in technique`}},
		{"missing name", "techniques:\n  - id: t1\n    areas: [scalp]\n    mode: both\n    family: friction\n    phases: [work]\n    steps:\n" + okStep,
			[]string{`2:5: technique is missing "name"`}},
		{"bad id", strings.Replace(tech("", okStep), "id: t1", "id: T 1", 1), []string{`2:9: technique id "T 1" is not an id`}},
		{"unknown area", strings.Replace(tech("", okStep), "[scalp]", "[scalps]", 1), []string{`4:13: unknown area "scalps" in technique areas (did you mean "scalp"?)`}},
		{"unknown mode", strings.Replace(tech("", okStep), "mode: both", "mode: solo", 1), []string{`5:11: unknown mode "solo"`}},
		{"unknown family", strings.Replace(tech("", okStep), "family: friction", "family: stroking", 1), []string{`6:13: unknown family "stroking"`}},
		{"unknown phase", strings.Replace(tech("", okStep), "[work]", "[main]", 1), []string{`7:14: unknown phase "main"`}},
		{"no steps", tech("", "      []\n"), []string{`2:5: technique t1 needs at least one step`}},
		{"step without motion", tech("", "      - say: Circle.\n"), []string{`9:9: technique t1 step 1 is missing "motion"`}},
		{"unknown motion", tech("", "      - say: Circle.\n        motion: swirl\n"), []string{`10:17: unknown motion "swirl"`}},
		{"unknown landmark", tech("", okStep+"        at: [crwon]\n"), []string{`11:14: unknown landmark "crwon" in technique t1 step 1 at (did you mean "crown"?)`}},
		{"spine as a place", tech("", okStep+"        at: [middle-back, spine-line]\n"), []string{`11:13: technique t1 step 1: spine line is a place never pressed on`}},
		{"negative repeat", tech("", okStep+"        repeat: -4\n"), []string{`11:17: technique t1 step 1 repeat cannot be negative`}},
		{"fractional repeat", tech("", okStep+"        repeat: 2.5\n"), []string{`11:17: technique t1 step 1 repeat must be a whole number`}},
		{"repeat range upside down", tech("", okStep+"        repeat: \"5-4\"\n"), []string{`11:17: technique t1 step 1 repeat: least (5) is above most (4)`}},
		{"repeat as words", tech("", okStep+"        repeat: four\n"), []string{`11:17: expected technique t1 step 1 repeat as a count`}},
		{"least above most", tech("", okStep+"        seconds: {least: 60, usual: 50, most: 40}\n"), []string{`11:18: technique t1 step 1 seconds: least (60 s) is above most (40 s)`}},
		{"negative seconds", tech("", okStep+"        seconds: -5\n"), []string{`11:18: technique t1 step 1 seconds: seconds cannot be negative`}},
		{"seconds too long", tech("", okStep+"        seconds: 99999\n"), []string{`11:18: technique t1 step 1 seconds: 99999 s is longer than anything`}},
		{"seconds unknown field", tech("", okStep+"        seconds: {lest: 5, most: 10}\n"), []string{`11:19: unknown field "lest" in technique t1 step 1 seconds (did you mean "least"?)`}},
		{"bad distance unit", tech("", okStep+"        increment: 1 foot\n"), []string{`11:20: expected technique t1 step 1 increment as a distance`}},
		{"zero distance", tech("", okStep+"        increment: 0 cm\n"), []string{`11:20: technique t1 step 1 increment must be above zero`}},
		{"unknown pressure", tech("", okStep+"        pressure: hard\n"), []string{`11:19: unknown pressure "hard"`}},
		{"pressure range upside down", tech("", okStep+"        pressure: {level: deep, most: light}\n"), []string{`11:19: technique t1 step 1 pressure: most (light) is lighter than level (deep)`}},
		{"bad hand text", tech("", okStep+"        hands: [right]\n"), []string{`11:17: expected a hand as "HAND PART"`}},
		{"unknown hand part", tech("", okStep+"        hands: [right fingernails]\n"), []string{`11:17: unknown hand part "fingernails"`}},
		{"unknown hand role", tech("", okStep+"        hands:\n          - {hand: left, part: palms, role: rest}\n"), []string{`12:45: unknown hand role "rest"`}},
		{"unknown side", tech("", okStep+"        side: middle\n"), []string{`11:15: unknown side "middle"`}},
		{"unknown direction", tech("", okStep+"        direction: [upward]\n"), []string{`11:21: unknown direction "upward"`}},
		{"tempo out of range", tech("", okStep+"        tempo: 0\n"), []string{`11:16: technique t1 step 1 tempo: expected strokes per minute`}},
		{"say is a list", tech("", "      - say: [a, b]\n        motion: circle\n"), []string{`9:14: expected technique t1 step 1 say to be a single value, found a list`}},
		{"unknown receiver posture", tech("    posture: {receiver: [face-sideways], giver: head, self: seated}\n", okStep), []string{`8:26: unknown receiver posture "face-sideways"`}},
		{"posture with no giver", tech("    posture: {receiver: [face-up]}\n", okStep), []string{`8:14: technique t1 posture: a move for a partner needs receiver`}},
		{"unknown self posture", tech("    posture: {receiver: [seated], giver: head, self: kneeling}\n", okStep), []string{`8:54: unknown self posture "kneeling"`}},
		{"posture not a mapping", tech("    posture: face-up\n", okStep), []string{`8:14: technique posture: expected a mapping`}},
		{"unknown caution", tech("    cautions: [spin]\n", okStep), []string{`8:16: technique t1: unknown caution id "spin" (did you mean "spine"?)`}},
		{"unknown prep", tech("    prep: [apply-oyl]\n", okStep), []string{`8:12: technique t1: unknown preparation id "apply-oyl" (did you mean "apply-oil"?)`}},
		{"unknown source", tech("    sources: [other.txt]\n", okStep), []string{`8:15: technique t1: unknown source id "other.txt"`}},
		{"duplicate id", strings.Replace(tech("", okStep), "id: t1", "id: glide-back", 1), []string{`2:5: duplicate technique id "glide-back": already defined at base.yaml:`}},
		{"field twice", tech("    summary: a\n    summary: b\n", okStep), []string{`9:5: YAML syntax: mapping key "summary" already defined`}},
		{"any_order not bool", tech("    any_order: maybe\n", okStep), []string{`8:16: expected true or false for technique any_order, found text`}},
		{"anchor", tech("", "      - &s\n        say: Circle.\n        motion: circle\n"), []string{`9:9: anchors and aliases`}},
		{"alias", tech("", okStep+"      - *s\n"), []string{"11:9: anchors and aliases"}},
		{"steps too long for technique", tech("    seconds: {least: 10, usual: 20, most: 30}\n", okStep+"        seconds: {least: 40, usual: 50, most: 60}\n"), []string{`8:14: technique t1: its steps need at least 40 s but the technique allows at most 30 s`}},
		{"caution without condition", "cautions:\n  - id: c1\n    say: x\n    kind: contraindication\n", []string{`2:5: caution "c1" is a contraindication: it needs the condition`}},
		{"caution short too long", "cautions:\n  - id: c1\n    say: Keep well clear of the bones down the middle of the back, always, whatever else happens.\n    short: Keep well clear of the bones down the middle, always.\n    kind: gentle\n",
			[]string{`4:12: caution "c1": short has 10 words: expected a reminder of 8 words at most`}},
		{"caution short as long as say", "cautions:\n  - id: c1\n    say: Go gently.\n    short: Go very gently.\n    kind: gentle\n",
			[]string{`4:12: caution "c1": short has as many words as say`}},
		{"caution unknown condition", "cautions:\n  - id: c1\n    say: x\n    kind: contraindication\n    condition: flu\n", []string{`5:16: unknown condition "flu"`}},
		{"rule unknown target", "rules:\n  - id: r1\n    say: x\n    first: [stroking]\n    then: [kneading]\n", []string{`4:13: rule r1: "stroking" is neither a family`}},
		{"prep after itself", "preparations:\n  - id: p1\n    name: P\n    say: x\n    after: [p1]\n", []string{`2:5: preparation "p1" cannot come after itself`}},
		{"routine unknown technique", "routine:\n  id: r\n  name: R\n  items:\n    - technique: glide-bak\n      seconds: 60\n", []string{`5:18: routine r item 1: unknown technique "glide-bak" (did you mean "glide-back"?)`}},
		{"routine seconds above bounds", "routine:\n  id: r\n  name: R\n  items:\n    - technique: glide-back\n      seconds: 600\n", []string{`6:16: routine r item 1: 600 s is longer than glide-back allows (120 s at most)`}},
		{"routine wrong area", "routine:\n  id: r\n  name: R\n  items:\n    - technique: glide-back\n      area: feet\n", []string{`6:13: routine r item 1: glide-back works on upper-back, not on feet`}},
		{"routine item both", "routine:\n  id: r\n  name: R\n  items:\n    - technique: glide-back\n      name: x\n      steps: [{say: a, motion: glide}]\n", []string{`5:7: routine r item 1 names a technique and gives steps`}},
		{"routine item neither", "routine:\n  id: r\n  name: R\n  items:\n    - area: scalp\n", []string{`5:7: routine r item 1 needs a technique id or steps of its own`}},
		{"routine negative seconds", "routine:\n  id: r\n  name: R\n  items:\n    - technique: glide-back\n      seconds: -1\n", []string{`6:16: routine r item 1 seconds: expected a time above zero`}},
		{"routine item firmer than routine", "routine:\n  id: r\n  name: R\n  pressure: light\n  items:\n    - technique: glide-back\n      pressure: deep\n", []string{`7:17: routine r item 1 pressure: deep is firmer than the routine's light`}},
		{"routine wrong phase", "routine:\n  id: r\n  name: R\n  items:\n    - technique: glide-back\n      phase: finish\n", []string{`5:7: routine r item 1: glide-back is not a finish technique`}},
		{"tab indent", "techniques:\n\t- id: x\n", []string{"2:1: a tab here: indent YAML with spaces, not tabs"}},
		{"suggests the word it starts with", tech("", okStep+"        direction: [upwards]\n"), []string{`11:21: unknown direction "upwards" in technique t1 step 1 direction (did you mean "up"?)`}},
		{"no far-fetched suggestion", tech("    author: me\n", okStep), []string{`8:5: unknown field "author" in technique: expected`}},
		{"bad id still names the technique later", strings.Replace(tech("", "      - say: Circle.\n        motion: swirl\n"), "id: t1", "id: T 1", 1),
			[]string{`2:9: technique id "T 1" is not an id`, `10:17: unknown motion "swirl" in technique "T 1" step 1 motion`}},
		{"routine far too long", "routine:\n  id: r\n  name: R\n  items:\n" + strings.Repeat("    - technique: glide-back\n      seconds: 120\n", 121),
			[]string{`2:3: routine r lasts 4 h 2 min in all: Knead plays routines of up to 4 h`}},
		{"several errors in one file", tech("    colour: red\n", "      - say: Circle.\n        motion: swirl\n        repeat: -1\n"), []string{
			`8:5: unknown field "colour" in technique`,
			`11:17: unknown motion "swirl"`,
			`12:17: technique t1 step 1 repeat cannot be negative`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, tc.file)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("error %d:\n got  %s\n want %s…", i, got[i], tc.want[i])
				}
			}
		})
	}
	if len(tests) < 30 {
		t.Fatalf("only %d malformed files: the issue asks for at least 30", len(tests))
	}
}

// A valid file next to the base gives no error, so the table above tests
// the problems and not the scaffolding.
func TestWellFormedFile(t *testing.T) {
	if got := check(t, tech("", okStep)); len(got) != 0 {
		t.Fatalf("unexpected errors:\n%s", strings.Join(got, "\n"))
	}
	if got := check(t, "routine:\n  id: r\n  name: R\n  items:\n    - technique: glide-back\n      area: upper-back\n      seconds: 60\n"); len(got) != 0 {
		t.Fatalf("unexpected errors:\n%s", strings.Join(got, "\n"))
	}
}

func TestErrorFormat(t *testing.T) {
	got := []string{Error{File: "a.yaml", Line: 3, Col: 7, Msg: "m"}.Error(), Error{File: "a.yaml", Msg: "m"}.Error()}
	want := []string{"a.yaml:3:7: m", "a.yaml: m"}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatal(d)
	}
}
