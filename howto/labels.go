package howto

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"

	"github.com/knead/knead/massage"
)

// Labels are what a careful reader finds in one text: its hands-on steps,
// warnings, preparations and claimed benefits, and who it is for.
// docs/import.md describes the file. Steps, warnings and claims are named
// by an anchor: a short run of the text's own words (fewer than 8), found
// in the step's, warning's or claim's sentences.
type Labels struct {
	Mode     string        `yaml:"mode"`
	Steps    []LabelStep   `yaml:"steps"`
	Warnings []LabelAnchor `yaml:"warnings"`
	Prep     []LabelPrep   `yaml:"prep"`
	Claims   []LabelAnchor `yaml:"claims"` // sentences that claim a benefit; none when left out
}

// LabelStep is one labelled step.
type LabelStep struct {
	Anchor  string    `yaml:"anchor"`
	Area    AreaList  `yaml:"area"`    // the area, or the areas any of which is right
	Repeat  LabelSpan `yaml:"repeat"`  // 4 or "4-5"
	Seconds LabelSpan `yaml:"seconds"` // 30 or "5-15"
}

// LabelAnchor names a sentence by a short run of its words.
type LabelAnchor struct {
	Anchor string `yaml:"anchor"`
}

// LabelPrep is one labelled preparation, by kind (see Prep).
type LabelPrep struct {
	Kind   string `yaml:"kind"`
	Anchor string `yaml:"anchor"`
}

// AreaList is one area id or a list of them.
type AreaList []string

func (a *AreaList) UnmarshalYAML(unmarshal func(any) error) error {
	var one string
	if err := unmarshal(&one); err == nil {
		*a = AreaList{one}
		return nil
	}
	var many []string
	if err := unmarshal(&many); err != nil {
		return errors.New("expected an area id or a list of them")
	}
	*a = many
	return nil
}

// LabelSpan is a number or a range "least-most".
type LabelSpan struct {
	Least, Most float64
	Set         bool
}

func (s *LabelSpan) UnmarshalYAML(unmarshal func(any) error) error {
	var v any
	if err := unmarshal(&v); err != nil {
		return err
	}
	text := strings.TrimSpace(fmt.Sprint(v))
	lo, hi, isRange := strings.Cut(text, "-")
	a, err1 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
	b := a
	var err2 error
	if isRange {
		b, err2 = strconv.ParseFloat(strings.TrimSpace(hi), 64)
	}
	if err1 != nil || err2 != nil || a <= 0 || b < a {
		return fmt.Errorf("expected a number or a range such as 4-5, found %q", text)
	}
	*s = LabelSpan{Least: a, Most: b, Set: true}
	return nil
}

// ReadLabels reads and checks a label file.
func ReadLabels(path string) (*Labels, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var l Labels
	if err := yaml.UnmarshalWithOptions(data, &l, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("%s: %s", path, firstLine(err.Error()))
	}
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if l.Mode != "" && !massage.Modes.Has(l.Mode) {
		bad("mode %q: expected self, partner or both", l.Mode)
	}
	for i, s := range l.Steps {
		if err := checkAnchor(s.Anchor); err != nil {
			bad("step %d: %v", i+1, err)
		}
		for _, a := range s.Area {
			if _, ok := massage.AreaByID(a); !ok {
				bad("step %d: unknown area %q: expected one of %s", i+1, a, massage.AreaNames())
			}
		}
	}
	for i, w := range l.Warnings {
		if err := checkAnchor(w.Anchor); err != nil {
			bad("warning %d: %v", i+1, err)
		}
	}
	for i, c := range l.Claims {
		if err := checkAnchor(c.Anchor); err != nil {
			bad("claim %d: %v", i+1, err)
		}
	}
	for i, p := range l.Prep {
		if !contains(PrepKinds, p.Kind) {
			bad("prep %d: unknown kind %q: expected one of %s", i+1, p.Kind, strings.Join(PrepKinds, ", "))
		}
		if p.Anchor != "" {
			if err := checkAnchor(p.Anchor); err != nil {
				bad("prep %d: %v", i+1, err)
			}
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s: %s", path, strings.Join(problems, "; "))
	}
	return &l, nil
}

// checkAnchor keeps anchors short: a label names a sentence, it does not
// copy it.
func checkAnchor(a string) error {
	n := len(anchorWords(a))
	switch {
	case n == 0:
		return errors.New("anchor is empty: expected a few words of the text")
	case n >= 8:
		return fmt.Errorf("anchor %q has %d words: keep anchors under 8 words", a, n)
	case reLettered.MatchString(a) || reNumbered.MatchString(a) && numberedItem(a) || reBullet.MatchString(a):
		return fmt.Errorf("anchor %q opens with a list marker: expected the sentence's own words (the marker is the item's, and no sentence holds it)", a)
	}
	return nil
}

func anchorWords(s string) []string {
	var out []string
	for _, t := range tokenize(s) {
		if t.kind != tPunct {
			out = append(out, t.w)
		}
	}
	return out
}

// holds reports whether text contains the anchor's words in a row.
func holds(text, anchor string) bool {
	return strings.Contains(" "+strings.Join(anchorWords(text), " ")+" ", " "+strings.Join(anchorWords(anchor), " ")+" ")
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
