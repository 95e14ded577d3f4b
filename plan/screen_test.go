package plan

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/knead/knead/massage"
)

// One case per condition kind: the outcome, what is left out, and the
// words the person is shown.
func TestScreenPerCondition(t *testing.T) {
	cat := builtin(t)
	type want struct {
		code  string // stop or ask-first: no plan
		out   string // a technique left out
		on    string // the section whose items are checked for most and family
		most  string // the firmest pressure there
		noFam string // a family that must not be planned there
		words string // in the error or the plan's safety notes
	}
	cases := []struct {
		cond string
		req  Request
		want want
	}{
		{"fever", Request{Areas: []string{"back"}, Minutes: 10}, want{code: "stop", words: "see a doctor"}},
		{"possible-clot", Request{Areas: []string{"legs"}, Minutes: 10}, want{code: "stop", words: "see a doctor today"}},
		{"recent-stroke", Request{Areas: []string{"scalp"}, Minutes: 10}, want{code: "stop", words: "recent stroke"}},
		{"pregnancy", Request{Areas: []string{"back"}, Minutes: 10}, want{code: "ask-first", words: "midwife or doctor"}},
		{"pregnancy", Request{Areas: []string{"back", "legs"}, Minutes: 20, Mode: "partner", Pressure: "deep", Cleared: true},
			want{out: "back-fan-stroke", on: "legs", most: "moderate", words: "face down"}},
		{"blood-thinners", Request{Areas: []string{"scalp"}, Minutes: 15, Pressure: "deep"},
			want{out: "scalp-tapping", on: "scalp", most: "light", noFam: "percussion", words: "every move stays light"}},
		{"osteoporosis", Request{Areas: []string{"scalp", "feet"}, Minutes: 15, Pressure: "deep"},
			want{out: "scalp-chopping", on: "feet", most: "light", noFam: "percussion", words: "Weak bones"}},
		{"recent-fracture:calves", Request{Areas: []string{"legs"}, Minutes: 10, Mode: "self"},
			want{out: "knead-thighs-calves", words: "six weeks"}},
		{"recent-surgery:feet", Request{Areas: []string{"feet", "scalp"}, Minutes: 10, Mode: "partner"},
			want{out: "foot-warm-up", words: "still healing"}},
		{"varicose-veins:thighs", Request{Areas: []string{"legs"}, Minutes: 10, Mode: "self"},
			want{out: "knead-thighs-calves", words: "varicose veins"}},
		{"skin-infection:scalp", Request{Areas: []string{"scalp", "feet"}, Minutes: 10},
			want{out: "scalp-petrissage", words: "spread the infection"}},
		{"numbness:feet", Request{Areas: []string{"feet"}, Minutes: 10, Pressure: "deep"},
			want{on: "feet", most: "light", words: "Numb skin"}},
		{"fragile-skin", Request{Areas: []string{"scalp"}, Minutes: 8, Pressure: "deep"},
			want{out: "scalp-tapping", on: "scalp", most: "light", noFam: "friction", words: "tears and bruises"}},
		{"tumour-site:abdomen", Request{Areas: []string{"abdomen", "hands"}, Minutes: 10, Mode: "self"},
			want{out: "knead-stomach", words: "tumour"}},
		{"cancer-treatment", Request{Areas: []string{"back"}, Minutes: 10}, want{code: "ask-first", words: "doctor treating it"}},
		{"cancer-treatment", Request{Areas: []string{"scalp"}, Minutes: 10, Cleared: true},
			want{out: "scalp-tapping", on: "scalp", most: "light", noFam: "percussion", words: "doctor treating it"}},
		{"heart-condition", Request{Areas: []string{"scalp"}, Minutes: 10}, want{code: "ask-first", words: "heart condition"}},
		{"heart-condition", Request{Areas: []string{"scalp"}, Minutes: 10, Cleared: true, Pressure: "deep"},
			want{out: "scalp-chopping", on: "scalp", most: "light", words: "light and calm"}},
		{"epilepsy", Request{Areas: []string{"scalp"}, Minutes: 10}, want{code: "ask-first", words: "epilepsy"}},
		{"epilepsy", Request{Areas: []string{"scalp"}, Minutes: 10, Cleared: true},
			want{out: "scalp-tapping", on: "scalp", noFam: "percussion", words: "rhythmic tapping"}},
		{"unhealthy-scalp", Request{Areas: []string{"scalp", "back"}, Minutes: 10, Mode: "partner"},
			want{out: "scalp-petrissage", words: "all scalp work"}},
		{"inflamed-joint:ankle", Request{Areas: []string{"feet"}, Minutes: 15, Mode: "partner"},
			want{out: "deep-stroking-feet", words: "no warm soak"}},
		{"injury:calves", Request{Areas: []string{"legs"}, Minutes: 10, Mode: "self"},
			want{out: "knead-thighs-calves", words: "sprain"}},
		{"wound:feet", Request{Areas: []string{"feet", "scalp"}, Minutes: 10, Mode: "partner"},
			want{out: "foot-warm-up", words: "Broken, healing or burnt skin"}},
		{"skin-condition:scalp", Request{Areas: []string{"scalp", "feet"}, Minutes: 10, Mode: "partner"},
			want{out: "scalp-petrissage", words: "rash"}},
		{"sensitive:face", Request{Areas: []string{"head"}, Minutes: 10, Pressure: "deep"},
			want{words: "lighter touch"}},
		{"infant", Request{Areas: []string{"back", "feet"}, Minutes: 5, Mode: "partner", Age: "infant"},
			want{out: "back-petrissage", on: "back", most: "light", noFam: "kneading", words: "lightest"}},
		{"child", Request{Areas: []string{"scalp"}, Minutes: 10, Pressure: "deep", Age: "child"},
			want{out: "scalp-tapping", on: "scalp", most: "moderate", noFam: "percussion", words: "child"}},
		{"older-adult", Request{Areas: []string{"scalp"}, Minutes: 10, Pressure: "deep", Age: "older-adult"},
			want{out: "scalp-chopping", on: "scalp", most: "moderate", words: "fragile"}},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		kind, _, _ := strings.Cut(c.cond, ":")
		covered[kind] = true
		req := c.req
		if req.Age == "" {
			req.Conditions = []string{c.cond}
		}
		name := c.cond
		if req.Cleared {
			name += "/cleared"
		}
		t.Run(name, func(t *testing.T) {
			p, err := Make(cat, req)
			if c.want.code != "" {
				var pe *Error
				if !errors.As(err, &pe) || pe.Code != c.want.code || pe.Condition != c.cond {
					t.Fatalf("want a %s error naming %s, got %v (%#v)", c.want.code, c.cond, err, pe)
				}
				if !strings.Contains(strings.ToLower(pe.Message), strings.ToLower(c.want.words)) || !strings.Contains(pe.Message, "http") {
					t.Errorf("message %q lacks %q or a source address", pe.Message, c.want.words)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var said []string
			for _, s := range p.Safety {
				said = append(said, s.Why)
			}
			if !strings.Contains(strings.Join(said, " "), c.want.words) {
				t.Errorf("the plan's safety notes %q lack %q", said, c.want.words)
			}
			if c.want.out != "" && !slices.ContainsFunc(p.Excluded, func(e Excluded) bool {
				return e.Technique == c.want.out && e.Condition == c.cond && e.Source != ""
			}) {
				t.Errorf("%s is not left out for %s with a source: %+v", c.want.out, c.cond, p.Excluded)
			}
			for _, it := range p.Items {
				if it.Technique == c.want.out && massage.Overlaps(it.Section, c.req.Areas[0]) && c.want.on == "" {
					t.Errorf("%s is planned in the %s despite %s", it.Technique, it.Section, c.cond)
				}
				if c.want.on == "" || it.Section != c.want.on {
					continue
				}
				if c.want.most != "" && massage.LevelRank(it.Pressure) > massage.LevelRank(c.want.most) {
					t.Errorf("%s at %s pressure, want at most %s", it.Technique, it.Pressure, c.want.most)
				}
				if fam := cat.Technique(it.Technique).Family; c.want.noFam != "" && fam == c.want.noFam {
					t.Errorf("%s (%s) planned despite %s", it.Technique, fam, c.cond)
				}
			}
			if c.want.on != "" && !slices.ContainsFunc(p.Items, func(it Item) bool { return it.Section == c.want.on }) {
				t.Errorf("nothing planned on the %s", c.want.on)
			}
		})
	}
	for _, k := range massage.ConditionKinds.IDs() {
		if !covered[k] {
			t.Errorf("no table case for condition %s", k)
		}
	}
}

// A light-only rule turns moves down rather than dropping them, so the
// session still fills its minutes.
func TestLightOnlyFillsMinutes(t *testing.T) {
	p, err := Make(builtin(t), Request{Areas: []string{"back"}, Minutes: 20, Mode: "partner", Pressure: "deep", Conditions: []string{"blood-thinners"}})
	if err != nil {
		t.Fatal(err)
	}
	if p.TotalSeconds != 1200 {
		t.Errorf("planned %v s, want 1200", p.TotalSeconds)
	}
	for _, it := range p.Items {
		if it.Pressure != "light" {
			t.Errorf("%s at %s", it.Technique, it.Pressure)
		}
	}
}
