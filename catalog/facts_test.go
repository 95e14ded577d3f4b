package catalog_test

// The facts of the four source texts, pinned. Every move a source describes
// is in the built-in catalog with its counts, distances, directions, hands,
// sides and pressure; a change to catalog/data that drops or bends one of
// them fails here. Wording is free; facts are not.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

const (
	src000 = "000_f857412830437d0d.txt" // scalp petrissage for a partner
	src001 = "001_c37508f760ff466b.txt" // back massage for a partner
	src002 = "002_fe1dc67ada4f18f3.txt" // kneading as self-massage
	src003 = "003_dce7109ed3a54027.txt" // foot massage for a partner, and scalp
)

var allSources = []string{src000, src001, src002, src003}

func builtin(t *testing.T) *massage.Catalog {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatalf("built-in catalog:\n%v", err)
	}
	return cat
}

func technique(t *testing.T, cat *massage.Catalog, id string) *massage.Technique {
	t.Helper()
	tc := cat.Technique(id)
	if tc == nil {
		t.Fatalf("technique %q is missing", id)
	}
	return tc
}

// handString reads like "left palms hold at=chin" or "right palms work turn=counterclockwise".
func handString(h massage.HandUse) string {
	s := h.Hand + " " + h.Part + " " + h.Role
	if len(h.At) > 0 {
		s += " at=" + strings.Join(h.At, ",")
	}
	if h.Turn != "" {
		s += " turn=" + h.Turn
	}
	return s
}

// move is the part of a step that a source fixes.
type move struct {
	Hands     []string
	At        []string
	Motion    string
	Direction []string
	Turn      string
	Pressure  string
	Repeat    string
	Increment string
	Side      string
}

func moveOf(s massage.Step) move {
	m := move{
		At: s.At, Motion: s.Motion, Direction: s.Direction, Turn: s.Turn,
		Pressure: s.Pressure.String(), Repeat: s.Repeat.String(), Increment: s.Increment.String(), Side: s.Side,
	}
	for _, h := range s.Hands {
		m.Hands = append(m.Hands, handString(h))
	}
	return m
}

// techFact is what a source fixes about a technique as a whole.
type techFact struct {
	Sources  []string
	Mode     string
	Family   string
	Areas    []string
	Phases   []string
	Prep     []string
	Pressure string
	AnyOrder bool
	Cautions []string // that must be among the technique's cautions
}

var techFacts = map[string]techFact{
	// 000: partner, any order, light or heavy as the receiver likes, clean brushed hair, not on an unhealthy scalp.
	"scalp-petrissage": {Sources: []string{src000}, Mode: "partner", Family: "kneading", Areas: []string{"scalp"}, Phases: []string{"work"},
		Prep: []string{"wash-hair", "brush-hair"}, Pressure: "light to deep, as the receiver likes it", AnyOrder: true, Cautions: []string{"unhealthy-scalp"}},

	// 001: oil, kneel beside; off the spine, careful over the ribs, ask, more oil when the skin ripples.
	"back-fan-stroke": {Sources: []string{src001}, Mode: "partner", Family: "deep-stroking", Areas: []string{"upper-back", "lower-back"}, Phases: []string{"warm-up", "work", "finish"},
		Prep: []string{"apply-oil", "kneel-beside"}, Pressure: "moderate to deep, building slowly, pass by pass", Cautions: []string{"spine", "thin-muscle", "ask-pressure", "add-oil"}},
	"back-petrissage": {Sources: []string{src001}, Mode: "partner", Family: "kneading", Areas: []string{"upper-back", "lower-back"}, Phases: []string{"work"},
		Prep: []string{"apply-oil", "kneel-beside"}, Pressure: "moderate", Cautions: []string{"spine", "thin-muscle", "ask-pressure", "add-oil", "forearm-elbow-light"}},
	"back-raking": {Sources: []string{src001}, Mode: "partner", Family: "light-stroking", Areas: []string{"upper-back", "lower-back"}, Phases: []string{"warm-up", "work", "finish"},
		Prep: []string{"apply-oil", "kneel-beside"}, Pressure: "light", Cautions: []string{"spine", "thin-muscle", "ask-pressure", "add-oil"}},
	"back-circling-hands": {Sources: []string{src001}, Mode: "partner", Family: "friction", Areas: []string{"upper-back", "lower-back"}, Phases: []string{"work"},
		Prep: []string{"apply-oil", "kneel-beside"}, Pressure: "light", Cautions: []string{"spine", "thin-muscle", "ask-pressure", "add-oil"}},

	// 002: self-massage, warm hands first; never over inflamed joints, never painful, no pinching, keep moving.
	"kneading-method": {Sources: []string{src002}, Mode: "self", Family: "kneading",
		Areas:  []string{"jaw", "neck", "shoulders", "upper-back", "upper-arms", "forearms", "hands", "thighs", "calves", "feet"},
		Phases: []string{"work"}, Prep: []string{"warm-hands"}, Pressure: "moderate",
		Cautions: []string{"inflamed-joints", "sensitive-lighter", "never-painful", "no-pinching", "not-long-one-spot"}},
	"finger-thumb-rotations": {Sources: []string{src002}, Mode: "self", Family: "friction",
		Areas:  []string{"neck", "shoulders", "forearms", "hands", "thighs", "calves", "feet"},
		Phases: []string{"work"}, Prep: []string{"warm-hands"}, Pressure: "deep, firmer on the upward half of each circle",
		Cautions: []string{"never-painful", "no-pinching", "not-long-one-spot", "inflamed-joints"}},
	"knead-neck-shoulders": {Sources: []string{src002}, Mode: "self", Family: "kneading", Areas: []string{"neck", "shoulders", "upper-back"},
		Phases: []string{"work"}, Prep: []string{"warm-hands"}, Pressure: "moderate", Cautions: []string{"inflamed-joints", "never-painful"}},
	"knead-arms": {Sources: []string{src002}, Mode: "self", Family: "kneading", Areas: []string{"upper-arms"},
		Phases: []string{"work"}, Prep: []string{"warm-hands"}, Pressure: "moderate to deep", Cautions: []string{"inflamed-joints", "never-painful"}},
	"knead-thighs-calves": {Sources: []string{src002}, Mode: "self", Family: "kneading", Areas: []string{"thighs", "calves"},
		Phases: []string{"work"}, Prep: []string{"warm-hands", "sit-on-floor"}, Pressure: "moderate to deep", Cautions: []string{"inflamed-joints", "never-painful"}},
	"knead-ankles": {Sources: []string{src002}, Mode: "self", Family: "kneading", Areas: []string{"ankles"},
		Phases: []string{"work"}, Prep: []string{"warm-hands"}, Pressure: "light to moderate", Cautions: []string{"inflamed-joints"}},
	"knead-hands-wrists": {Sources: []string{src002}, Mode: "self", Family: "kneading", Areas: []string{"hands", "wrists"},
		Phases: []string{"work"}, Prep: []string{"warm-hands"}, Pressure: "light", Cautions: []string{"inflamed-joints"}},
	"knead-stomach": {Sources: []string{src002}, Mode: "self", Family: "kneading", Areas: []string{"abdomen"},
		Phases: []string{"work"}, Prep: []string{"warm-hands"}, Pressure: "light to moderate", Cautions: []string{"never-painful", "soft-belly"}},

	// 003: feet for a partner after soak, drying and cream; scalp moves for anyone.
	"foot-warm-up": {Sources: []string{src003}, Mode: "partner", Family: "light-stroking", Areas: []string{"feet"}, Phases: []string{"warm-up"},
		Prep: []string{"foot-soak", "dry-feet", "apply-cream"}, Pressure: "light"},
	"foot-thumb-glides": {Sources: []string{src003}, Mode: "partner", Family: "deep-stroking", Areas: []string{"feet"}, Phases: []string{"work"},
		Prep: []string{"foot-soak", "dry-feet", "apply-cream"}, Pressure: "moderate", Cautions: []string{"ask-pressure"}},
	"foot-tendon-strokes": {Sources: []string{src003}, Mode: "partner", Family: "deep-stroking", Areas: []string{"feet"}, Phases: []string{"work"},
		Prep: []string{"foot-soak", "dry-feet", "apply-cream"}, Pressure: "moderate to deep", Cautions: []string{"ask-pressure"}},
	"foot-knuckle-kneading": {Sources: []string{src003}, Mode: "partner", Family: "kneading", Areas: []string{"feet"}, Phases: []string{"work"},
		Prep: []string{"foot-soak", "dry-feet", "apply-cream"}, Pressure: "moderate", Cautions: []string{"ask-pressure"}},
	"foot-fist-press": {Sources: []string{src003}, Mode: "partner", Family: "compression", Areas: []string{"feet"}, Phases: []string{"work"},
		Prep: []string{"foot-soak", "dry-feet", "apply-cream"}, Pressure: "moderate", Cautions: []string{"ask-pressure"}},
	"foot-squeeze": {Sources: []string{src003}, Mode: "partner", Family: "compression", Areas: []string{"feet"}, Phases: []string{"work"},
		Prep: []string{"foot-soak", "dry-feet", "apply-cream"}, Pressure: "moderate"},
	"foot-opposite-circles": {Sources: []string{src003}, Mode: "partner", Family: "friction", Areas: []string{"feet"}, Phases: []string{"work"},
		Prep: []string{"foot-soak", "dry-feet", "apply-cream"}, Pressure: "light"},
	"toe-rotation": {Sources: []string{src003}, Mode: "partner", Family: "joint-movement", Areas: []string{"toes"}, Phases: []string{"work"},
		Prep: []string{"foot-soak", "dry-feet", "apply-cream"}, Pressure: "light", Cautions: []string{"gentle-toes", "inflamed-joints"}},
	"foot-finishing-circles": {Sources: []string{src003}, Mode: "partner", Family: "light-stroking", Areas: []string{"feet"}, Phases: []string{"finish"},
		Prep: []string{"foot-soak", "dry-feet", "apply-cream"}, Pressure: "light"},
	"scalp-hairline-circles": {Sources: []string{src003}, Mode: "both", Family: "friction", Areas: []string{"scalp"}, Phases: []string{"work"},
		Pressure: "light to moderate", Cautions: []string{"unhealthy-scalp"}},
	"ear-rub": {Sources: []string{src003}, Mode: "both", Family: "friction", Areas: []string{"ears"}, Phases: []string{"work"}, Pressure: "light"},
	"scalp-tapping": {Sources: []string{src003}, Mode: "both", Family: "percussion", Areas: []string{"scalp", "neck"}, Phases: []string{"work"},
		Pressure: "light", Cautions: []string{"light-percussion", "unhealthy-scalp"}},
	"scalp-chopping": {Sources: []string{src003}, Mode: "both", Family: "percussion", Areas: []string{"scalp"}, Phases: []string{"work"},
		Pressure: "light", Cautions: []string{"light-percussion", "unhealthy-scalp"}},
	"hair-draw": {Sources: []string{src003}, Mode: "both", Family: "light-stroking", Areas: []string{"scalp"}, Phases: []string{"work", "finish"},
		Pressure: "light", Cautions: []string{"unhealthy-scalp"}},
}

func TestSourcedTechniqueFacts(t *testing.T) {
	cat := builtin(t)
	for id, want := range techFacts {
		t.Run(id, func(t *testing.T) {
			tc := technique(t, cat, id)
			got := techFact{
				Sources: tc.Sources, Mode: tc.Mode, Family: tc.Family, Areas: tc.Areas, Phases: tc.Phases,
				Prep: tc.Prep, Pressure: tc.Pressure.String(), AnyOrder: tc.AnyOrder,
			}
			for _, c := range want.Cautions {
				if slices.Contains(tc.Cautions, c) {
					got.Cautions = append(got.Cautions, c)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", id, diff)
			}
		})
	}
	// Every technique drawn from a source is pinned above.
	for _, tc := range cat.Techniques {
		if !tc.Own() {
			if _, ok := techFacts[tc.ID]; !ok {
				t.Errorf("technique %q comes from %v but its facts are not pinned in techFacts", tc.ID, tc.Sources)
			}
		}
	}
}

// moves pins every step of every sourced technique, in order.
var moves = map[string][]move{
	// 000. (1) chin held in the left hand, right hand circles gently at the skull base, hands swap.
	// (2) glide up from both sides until the fingers meet on top, 4 times. (3) climb an inch at a
	// time with circles between, 4 times. (4) palms firmly above the ears, circling upward.
	// (5) hairline circles easing the scalp toward the top, an inch further back each pass.
	// (6) fingers below the ears, thumb circles up toward the crown, 4 times. (7) same hold, from
	// behind the ears toward the middle of the back of the head, 4 times.
	"scalp-petrissage": {
		{Hands: []string{"left palms hold at=chin", "right fingertips work"}, At: []string{"base-of-skull"}, Motion: "circle", Direction: []string{"in-place"}, Pressure: "light", Side: "swap-hands"},
		{Hands: []string{"both fingertips work"}, At: []string{"sides-of-head", "top-of-head"}, Motion: "glide", Direction: []string{"up"}, Pressure: "light to deep, as the receiver likes it", Repeat: "4 times", Side: "both"},
		{Hands: []string{"both fingertips work"}, At: []string{"sides-of-head", "top-of-head"}, Motion: "circle", Direction: []string{"up"}, Pressure: "light to deep, as the receiver likes it", Repeat: "4 times", Increment: "1 inch", Side: "both"},
		{Hands: []string{"both palms work"}, At: []string{"above-ears"}, Motion: "circle", Direction: []string{"up"}, Pressure: "deep", Side: "both"},
		{Hands: []string{"both fingertips work"}, At: []string{"front-hairline", "top-of-head"}, Motion: "circle", Direction: []string{"toward-top"}, Pressure: "light to deep, as the receiver likes it", Increment: "1 inch", Side: "both"},
		{Hands: []string{"both fingers hold at=below-ears", "both thumbs work"}, At: []string{"back-of-head", "crown"}, Motion: "circle", Direction: []string{"toward-crown"}, Pressure: "light to deep, as the receiver likes it", Repeat: "4 times", Side: "both"},
		{Hands: []string{"both fingers hold at=below-ears", "both thumbs work"}, At: []string{"behind-ears", "back-of-head-middle"}, Motion: "circle", Direction: []string{"toward-middle"}, Pressure: "light to deep, as the receiver likes it", Repeat: "4 times", Side: "both"},
	},

	// 001. Fan: palms on the middle back, up along the shoulder blades and out, back to the ribs;
	// moderate, then a little more with feedback.
	"back-fan-stroke": {
		{Hands: []string{"both whole-hand work"}, At: []string{"middle-back", "shoulder-blades", "ribs"}, Motion: "fan", Direction: []string{"up", "away-from-spine", "down"}, Pressure: "moderate", Side: "both"},
		{Hands: []string{"both whole-hand work"}, At: []string{"middle-back", "shoulder-blades", "ribs"}, Motion: "fan", Direction: []string{"up", "away-from-spine", "down"}, Pressure: "moderate to deep, building slowly, pass by pass", Side: "both"},
	},
	// Petrissage: thumbs and fingertips squeeze section after section, low to high, left and right; then change hands.
	"back-petrissage": {
		{Hands: []string{"both thumbs work", "both fingertips work"}, At: []string{"lower-back", "middle-back", "shoulder-blades"}, Motion: "knead", Direction: []string{"up"}, Pressure: "moderate", Side: "each"},
		{Hands: []string{"both thumbs work", "both fingertips work"}, At: []string{"lower-back", "middle-back", "shoulder-blades"}, Motion: "knead", Direction: []string{"up"}, Pressure: "moderate", Side: "swap-hands"},
	},
	// Raking: from the shoulders, spread fingertips rake down beside the spine; then one hand up, one down.
	"back-raking": {
		{Hands: []string{"both fingertips work"}, At: []string{"tops-of-shoulders", "shoulder-blades", "middle-back", "lower-back"}, Motion: "rake", Direction: []string{"down", "along-spine"}, Pressure: "light", Side: "both"},
		{Hands: []string{"one fingertips work at=lower-back,middle-back,shoulder-blades", "other fingertips work at=shoulder-blades,middle-back,lower-back"}, At: []string{"lower-back", "middle-back", "shoulder-blades"}, Motion: "rake", Direction: []string{"up-and-down", "along-spine"}, Pressure: "light", Side: "both"},
	},
	// Circling hands: from the low back, the right hand circles counterclockwise with gentle pressure
	// while climbing, the left takes over on the other side; right, left, right: three passes.
	"back-circling-hands": {
		{Hands: []string{"right palms work turn=counterclockwise", "left palms trail"}, At: []string{"lower-back", "middle-back", "shoulder-blades"}, Motion: "circle", Direction: []string{"up"}, Turn: "counterclockwise", Pressure: "light", Repeat: "3 times", Side: "alternate"},
	},

	// 002. The method: mould loose hands round the muscle, roll it between fingers and heels of the
	// hands; small places between fingers and thumb.
	"kneading-method": {
		{Hands: []string{"both fingers work", "both palms work"}, Motion: "hold", Pressure: "moderate"},
		{Hands: []string{"both fingers work", "both heels-of-hands work"}, Motion: "knead", Direction: []string{"in-place"}, Pressure: "moderate"},
		{Hands: []string{"left fingers work", "left thumbs work"}, At: []string{"jaw-line", "palm", "sole"}, Motion: "knead", Direction: []string{"in-place"}, Pressure: "light"},
	},
	// Pads circle, firmer on the upward half, then glide on without losing contact.
	"finger-thumb-rotations": {
		{Hands: []string{"one finger-pads work"}, Motion: "circle", Direction: []string{"in-place"}, Pressure: "deep, firmer on the upward half of each circle"},
		{Hands: []string{"one finger-pads work"}, Motion: "glide", Pressure: "light"},
	},
	// Palms and fingers, head tilted to open each side, sides alternating.
	"knead-neck-shoulders": {
		{Hands: []string{"one palms work", "one fingers work"}, At: []string{"back-of-neck", "sides-of-neck", "tops-of-shoulders", "shoulder-blades"}, Motion: "knead", Direction: []string{"in-place"}, Pressure: "moderate", Side: "alternate"},
	},
	// Arm out: lower biceps, then its top; then elbow at 90 degrees, muscle relaxed. Both arms.
	"knead-arms": {
		{Hands: []string{"other fingers work", "other palms work"}, At: []string{"lower-biceps"}, Motion: "knead", Direction: []string{"in-place"}, Pressure: "moderate to deep", Side: "each"},
		{Hands: []string{"other fingers work", "other palms work"}, At: []string{"upper-biceps"}, Motion: "knead", Direction: []string{"in-place"}, Pressure: "moderate to deep", Side: "each"},
		{Hands: []string{"other fingers work", "other palms work"}, At: []string{"lower-biceps", "upper-biceps", "triceps"}, Motion: "knead", Direction: []string{"in-place"}, Pressure: "moderate to deep", Side: "each"},
	},
	// Sitting, knees bent: hands ring the thigh, lower part then upper, in rhythm.
	"knead-thighs-calves": {
		{Hands: []string{"one palms work at=lower-thigh", "other palms work at=upper-thigh"}, At: []string{"lower-thigh", "upper-thigh"}, Motion: "hold", Pressure: "moderate to deep", Side: "each"},
		{Hands: []string{"both palms work", "both fingers work"}, At: []string{"lower-thigh", "upper-thigh"}, Motion: "knead", Direction: []string{"in-place"}, Pressure: "moderate to deep", Side: "each"},
		{Hands: []string{"both palms work", "both fingers work"}, At: []string{"calf"}, Motion: "knead", Direction: []string{"in-place"}, Pressure: "moderate to deep", Side: "each"},
	},
	// Small circles of fingers and thumbs around the ankle.
	"knead-ankles": {
		{Hands: []string{"both fingers work", "both thumbs work"}, At: []string{"ankle-bones", "ankle"}, Motion: "circle", Direction: []string{"around"}, Pressure: "light to moderate", Side: "each"},
	},
	// Gentle thumb circles on the backs of the hands and the palms.
	"knead-hands-wrists": {
		{Hands: []string{"other fingers hold", "other thumbs work"}, At: []string{"back-of-hand", "wrist"}, Motion: "circle", Direction: []string{"in-place"}, Pressure: "light", Side: "each"},
		{Hands: []string{"other fingers hold", "other thumbs work"}, At: []string{"palm"}, Motion: "circle", Direction: []string{"in-place"}, Pressure: "light", Side: "each"},
	},
	// Mostly the palms, clockwise.
	"knead-stomach": {
		{Hands: []string{"both palms work"}, At: []string{"navel"}, Motion: "circle", Direction: []string{"around"}, Turn: "clockwise", Pressure: "light to moderate", Side: "none"},
	},

	// 003. Warm: rub; hold with one hand and draw the other down with a little pressure; rub across.
	"foot-warm-up": {
		{Hands: []string{"both palms work"}, At: []string{"instep", "sole"}, Motion: "rub", Direction: []string{"back-and-forth"}, Pressure: "light", Side: "each"},
		{Hands: []string{"one palms hold", "other palms work"}, At: []string{"instep", "ball-of-foot"}, Motion: "glide", Direction: []string{"down"}, Pressure: "light", Side: "each"},
		{Hands: []string{"one palms work"}, At: []string{"instep", "sides-of-foot"}, Motion: "rub", Direction: []string{"across"}, Pressure: "light", Side: "each"},
	},
	// Thumbs up and back down the foot with some pressure; up the sides.
	"foot-thumb-glides": {
		{Hands: []string{"both thumbs work"}, At: []string{"instep"}, Motion: "glide", Direction: []string{"up-and-down"}, Pressure: "moderate", Side: "each"},
		{Hands: []string{"both thumbs work"}, At: []string{"sides-of-foot"}, Motion: "glide", Direction: []string{"up"}, Pressure: "moderate", Side: "each"},
	},
	// Deeper, long smooth strokes between the tendons on top.
	"foot-tendon-strokes": {
		{Hands: []string{"one palms hold", "other thumbs work"}, At: []string{"foot-tendons", "instep"}, Motion: "glide", Direction: []string{"up"}, Pressure: "moderate to deep", Side: "each"},
	},
	// Foot held; knuckles up and down the sole, asking about the pressure.
	"foot-knuckle-kneading": {
		{Hands: []string{"one palms hold", "other knuckles work"}, At: []string{"heel", "arch", "ball-of-foot"}, Motion: "knead", Direction: []string{"up-and-down"}, Pressure: "moderate", Side: "each"},
	},
	// Fist presses and climbs a step at a time, or slides down the sole.
	"foot-fist-press": {
		{Hands: []string{"one palms hold", "other fist work"}, At: []string{"heel", "arch", "ball-of-foot"}, Motion: "press-climb", Direction: []string{"up"}, Pressure: "moderate", Side: "each"},
		{Hands: []string{"one palms hold", "other fist work"}, At: []string{"ball-of-foot", "arch", "heel"}, Motion: "glide", Direction: []string{"down"}, Pressure: "moderate", Side: "each"},
	},
	// Both hands squeeze from spot to spot (the source's "cupping").
	"foot-squeeze": {
		{Hands: []string{"both palms work"}, At: []string{"ball-of-foot", "arch", "heel"}, Motion: "squeeze", Pressure: "moderate", Side: "each"},
	},
	// Ample cream; the hands circle the foot, each opposite the other.
	"foot-opposite-circles": {
		{Hands: []string{"both palms work"}, At: []string{"instep", "sole"}, Motion: "circle", Direction: []string{"around"}, Turn: "opposite", Pressure: "light", Side: "each"},
	},
	// Each toe rotated, gently.
	"toe-rotation": {
		{Hands: []string{"one palms hold at=ball-of-foot", "other fingers work"}, At: []string{"big-toe", "second-toe", "middle-toe", "fourth-toe", "little-toe"}, Motion: "rotate", Pressure: "light", Side: "each"},
	},
	// One hand circling over and around the foot.
	"foot-finishing-circles": {
		{Hands: []string{"one palms work"}, At: []string{"instep", "sides-of-foot", "sole"}, Motion: "circle", Direction: []string{"around"}, Pressure: "light", Side: "each"},
	},
	// From the hairline inward in little circles; front to back and back to front.
	"scalp-hairline-circles": {
		{Hands: []string{"both fingertips work"}, At: []string{"front-hairline", "top-of-head"}, Motion: "circle", Direction: []string{"inward"}, Pressure: "light to moderate", Side: "both"},
		{Hands: []string{"both fingertips work"}, At: []string{"front-hairline", "top-of-head", "crown", "back-of-head"}, Motion: "circle", Direction: []string{"front-to-back", "back-to-front"}, Pressure: "light to moderate", Side: "both"},
	},
	// Rub the ears.
	"ear-rub": {
		{Hands: []string{"both fingers work", "both thumbs work"}, At: []string{"ear", "earlobe"}, Motion: "rub", Direction: []string{"down"}, Pressure: "light", Side: "both"},
	},
	// Circles, then taps, climbing from the neck base to the crown; then circles back down to the hairline.
	"scalp-tapping": {
		{Hands: []string{"both fingertips work"}, At: []string{"base-of-neck", "back-of-neck", "back-of-head", "crown"}, Motion: "circle", Direction: []string{"up"}, Pressure: "light", Side: "both"},
		{Hands: []string{"both fingertips work"}, At: []string{"base-of-neck", "back-of-neck", "back-of-head", "crown"}, Motion: "tap", Direction: []string{"up"}, Pressure: "light", Side: "both"},
		{Hands: []string{"both fingertips work"}, At: []string{"crown", "back-of-head", "hairline"}, Motion: "circle", Direction: []string{"down"}, Pressure: "light", Side: "both"},
	},
	// Very light chopping, side to side.
	"scalp-chopping": {
		{Hands: []string{"both fingers work"}, At: []string{"sides-of-head", "top-of-head", "sides-of-head"}, Motion: "chop", Direction: []string{"side-to-side"}, Pressure: "light", Side: "both"},
	},
	// Fingers drawn through the hair, pressing lightly.
	"hair-draw": {
		{Hands: []string{"both fingers work"}, At: []string{"front-hairline", "top-of-head", "crown", "back-of-head"}, Motion: "draw-through", Direction: []string{"front-to-back"}, Pressure: "light", Side: "both"},
	},
}

func TestSourceMoves(t *testing.T) {
	cat := builtin(t)
	for id, want := range moves {
		t.Run(id, func(t *testing.T) {
			tc := technique(t, cat, id)
			var got []move
			for _, s := range tc.Steps {
				got = append(got, moveOf(s))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s steps (-want +got):\n%s", id, diff)
			}
		})
	}
	for id := range techFacts {
		if _, ok := moves[id]; !ok {
			t.Errorf("technique %q: its steps are not pinned in moves", id)
		}
	}
}

// The facts the product brief names one by one, spelled out so that a
// failure says which fact broke.
func TestNamedFacts(t *testing.T) {
	cat := builtin(t)

	sp := technique(t, cat, "scalp-petrissage")
	if len(sp.Steps) != 7 {
		t.Fatalf("scalp-petrissage has %d steps, want the source's 7", len(sp.Steps))
	}
	for _, n := range []int{2, 3, 6, 7} {
		if got := sp.Steps[n-1].Repeat; got != (massage.Count{Least: 4, Most: 4}) {
			t.Errorf("scalp-petrissage step %d repeats %v, want 4 times", n, got)
		}
	}
	for _, n := range []int{3, 5} {
		if got := sp.Steps[n-1].Increment; got != (massage.Distance{Value: 1, Unit: "in"}) {
			t.Errorf("scalp-petrissage step %d climbs %v per pass, want 1 inch", n, got)
		}
	}
	if s := sp.Steps[0]; s.Side != "swap-hands" || !slices.ContainsFunc(s.Hands, func(h massage.HandUse) bool {
		return h.Role == "hold" && slices.Contains(h.At, "chin")
	}) {
		t.Errorf("scalp-petrissage step 1: want a hand holding the chin and side swap-hands, got hands %v side %q", s.Hands, s.Side)
	}
	if !sp.AnyOrder {
		t.Error("scalp-petrissage: the source lets the moves go in any order")
	}

	bc := technique(t, cat, "back-circling-hands")
	if h := bc.Steps[0].Hands; len(h) == 0 || h[0].Hand != "right" || h[0].Turn != "counterclockwise" || h[0].Role != "work" {
		t.Errorf("back-circling-hands must start with the right hand working counterclockwise, got %v", h)
	}
	if bc.Steps[0].Side != "alternate" {
		t.Errorf("back-circling-hands: the sides take turns, got side %q", bc.Steps[0].Side)
	}

	if s := technique(t, cat, "knead-stomach").Steps[0]; s.Turn != "clockwise" {
		t.Errorf("knead-stomach turns %q, want clockwise", s.Turn)
	}

	ftr := technique(t, cat, "finger-thumb-rotations")
	if ftr.Pressure.Profile != "firmer-upward-half" || ftr.Steps[0].Pressure.Profile != "firmer-upward-half" {
		t.Errorf("finger-thumb-rotations: want pressure profile firmer-upward-half, got %q / step 1 %q", ftr.Pressure.Profile, ftr.Steps[0].Pressure.Profile)
	}

	ka := technique(t, cat, "knead-arms")
	var ninety bool
	for _, s := range ka.Steps {
		if s.Side != "each" {
			t.Errorf("knead-arms %q: side %q, want each (both arms)", s.Title, s.Side)
		}
		ninety = ninety || strings.Contains(s.Say+" "+s.Note, "90 degrees")
	}
	if !ninety {
		t.Error("knead-arms: no step tells the user to bend the elbow to 90 degrees")
	}

	var toes []string
	for _, s := range technique(t, cat, "toe-rotation").Steps {
		if s.Motion == "rotate" {
			toes = append(toes, s.At...)
		}
	}
	if diff := cmp.Diff([]string{"big-toe", "second-toe", "middle-toe", "fourth-toe", "little-toe"}, toes); diff != "" {
		t.Errorf("toe-rotation must rotate every toe (-want +got):\n%s", diff)
	}

	soak := cat.Preparation("foot-soak")
	if soak == nil {
		t.Fatal("preparation foot-soak is missing")
	}
	if soak.Seconds.Usual != 600 {
		t.Errorf("foot-soak usually takes %v s, want 600 (about ten minutes)", soak.Seconds.Usual)
	}
	if !slices.ContainsFunc(soak.Needs, func(n string) bool { return strings.Contains(strings.ToLower(n), "epsom salt") }) {
		t.Errorf("foot-soak needs %q, want Epsom salt among them", soak.Needs)
	}

	warm := cat.Preparation("warm-hands")
	if warm == nil {
		t.Fatal("preparation warm-hands is missing")
	}
	if diff := cmp.Diff(massage.Bounds{Least: 5, Usual: 10, Most: 15}, warm.Seconds); diff != "" {
		t.Errorf("warm-hands: the source rubs the palms 5 to 15 s (-want +got):\n%s", diff)
	}
	if warm.Mode != "self" {
		t.Errorf("warm-hands mode %q, want self", warm.Mode)
	}
}

// No back technique presses on the spine line, with the step or any hand.
func TestBackStaysOffSpine(t *testing.T) {
	cat := builtin(t)
	n := 0
	for _, tc := range cat.Techniques {
		if !tc.Covers("back") {
			continue
		}
		n++
		for i, s := range tc.Steps {
			places := slices.Clone(s.At)
			for _, h := range s.Hands {
				places = append(places, h.At...)
			}
			if slices.Contains(places, "spine-line") {
				t.Errorf("%s step %d presses on the spine line: %v", tc.ID, i+1, places)
			}
		}
		if !slices.Contains(tc.Cautions, "spine") {
			t.Errorf("%s works the back but does not carry the spine caution", tc.ID)
		}
	}
	if n < 6 {
		t.Errorf("found %d techniques on the back, want at least the four of %s and Knead's two strokes", n, src001)
	}
}

type prepFact struct {
	Kind    string
	Mode    string
	After   []string
	Sources []string
}

var prepFacts = map[string]prepFact{
	"wash-hair":    {Kind: "task", Mode: "both", Sources: []string{src000}},
	"brush-hair":   {Kind: "task", Mode: "both", After: []string{"wash-hair"}, Sources: []string{src000}},
	"apply-oil":    {Kind: "task", Mode: "partner", Sources: []string{src001}},
	"kneel-beside": {Kind: "position", Mode: "partner", Sources: []string{src001}},
	"foot-soak":    {Kind: "task", Mode: "partner", Sources: []string{src003}},
	"dry-feet":     {Kind: "task", Mode: "partner", After: []string{"foot-soak"}, Sources: []string{src003}},
	"apply-cream":  {Kind: "task", Mode: "partner", After: []string{"dry-feet"}, Sources: []string{src003}},
	"warm-hands":   {Kind: "task", Mode: "self", Sources: []string{src002}},
	"sit-on-floor": {Kind: "position", Mode: "self", Sources: []string{src002}},
}

func TestPreparationFacts(t *testing.T) {
	cat := builtin(t)
	for id, want := range prepFacts {
		p := cat.Preparation(id)
		if p == nil {
			t.Errorf("preparation %q is missing", id)
			continue
		}
		got := prepFact{Kind: p.Kind, Mode: p.Mode, After: p.After, Sources: p.Sources}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("preparation %s (-want +got):\n%s", id, diff)
		}
		if len(p.Areas) == 0 || p.Say == "" || p.Seconds.IsZero() {
			t.Errorf("preparation %s needs areas, a cue and seconds; got areas %v, say %q, seconds %v", id, p.Areas, p.Say, p.Seconds)
		}
	}
	if s := cat.Preparation("apply-cream").Say; !strings.Contains(s, "toes") {
		t.Errorf("apply-cream should spread the cream from the toes upward, says %q", s)
	}
}

type cautionFact struct {
	Kind      string
	When      string
	Areas     []string
	Landmarks []string
	Condition string
	Families  []string
	Sources   []string
}

var cautionFacts = map[string]cautionFact{
	"spine":           {Kind: "never-press", When: "during", Areas: []string{"back"}, Landmarks: []string{"spine-line"}, Sources: []string{src001}},
	"thin-muscle":     {Kind: "gentle", When: "during", Areas: []string{"back"}, Landmarks: []string{"ribs"}, Sources: []string{src001}},
	"unhealthy-scalp": {Kind: "contraindication", When: "before", Areas: []string{"scalp"}, Condition: "unhealthy-scalp", Sources: []string{src000}},
	"inflamed-joints": {Kind: "contraindication", When: "before", Condition: "inflamed-joint",
		Families: []string{"kneading", "deep-stroking", "friction", "compression", "joint-movement"}, Sources: []string{src002}},
	"no-pinching":         {Kind: "practice", When: "during", Sources: []string{src002}},
	"not-long-one-spot":   {Kind: "practice", When: "during", Sources: []string{src002}},
	"never-painful":       {Kind: "practice", When: "during", Sources: []string{src002}},
	"ask-pressure":        {Kind: "ask", When: "start", Sources: []string{src001, src003}},
	"add-oil":             {Kind: "practice", When: "during", Sources: []string{src001}},
	"sensitive-lighter":   {Kind: "gentle", When: "start", Sources: []string{src002}},
	"soft-belly":          {Kind: "gentle", When: "start", Areas: []string{"abdomen"}, Sources: []string{"knead"}},
	"face-eyes":           {Kind: "never-press", When: "during", Areas: []string{"face"}, Landmarks: []string{"eyes"}, Sources: []string{"knead"}},
	"chest-consent":       {Kind: "ask", When: "before", Areas: []string{"chest"}, Sources: []string{"knead"}},
	"chest-soft-places":   {Kind: "never-press", When: "during", Areas: []string{"chest"}, Landmarks: []string{"armpit", "tip-of-breastbone"}, Sources: []string{"knead"}},
	"forearm-elbow-light": {Kind: "gentle", When: "during", Areas: []string{"back"}, Sources: []string{src001}},
	"gentle-toes": {Kind: "gentle", When: "during", Areas: []string{"toes"},
		Landmarks: []string{"big-toe", "second-toe", "middle-toe", "fourth-toe", "little-toe"}, Sources: []string{src003}},
	"light-percussion": {Kind: "gentle", When: "during", Areas: []string{"scalp"}, Sources: []string{src003}},
	"glutes-consent":   {Kind: "ask", When: "before", Areas: []string{"glutes"}, Sources: []string{"knead"}},
	"glutes-bony-places": {Kind: "never-press", When: "during", Areas: []string{"glutes"},
		Landmarks: []string{"sacrum", "sit-bones"}, Sources: []string{"knead"}},
	"hip-bone-gentle": {Kind: "gentle", When: "during", Areas: []string{"hips"}, Landmarks: []string{"hip"}, Sources: []string{"knead"}},
	"arm-soft-places": {Kind: "never-press", When: "during", Areas: []string{"arms"},
		Landmarks: []string{"inner-upper-arm", "inner-elbow"}, Sources: []string{"knead"}},
	"gentle-range": {Kind: "gentle", When: "during", Sources: []string{"knead"}},
	"leg-veins": {Kind: "never-press", When: "during", Areas: []string{"thighs", "calves"},
		Landmarks: []string{"back-of-knee"}, Sources: []string{"knead"}},
	"thigh-groin":       {Kind: "never-press", When: "during", Areas: []string{"thighs"}, Landmarks: []string{"groin"}, Sources: []string{"knead"}},
	"shin-bone":         {Kind: "gentle", When: "during", Areas: []string{"calves"}, Landmarks: []string{"shin"}, Sources: []string{"knead"}},
	"percussion-muscle": {Kind: "gentle", When: "during", Sources: []string{"knead"}},
	"front-of-neck":     {Kind: "never-press", When: "during", Areas: []string{"neck"}, Landmarks: []string{"front-of-neck"}, Sources: []string{"knead"}},
	"belly-pregnancy":   {Kind: "gentle", When: "start", Areas: []string{"abdomen"}, Sources: []string{"knead"}},
	"belly-consent":     {Kind: "ask", When: "before", Areas: []string{"abdomen"}, Sources: []string{"knead"}},
	"kidney-area":       {Kind: "never-press", When: "during", Areas: []string{"lower-back"}, Landmarks: []string{"kidney-area"}, Sources: []string{"knead"}},
}

func TestCautionFacts(t *testing.T) {
	cat := builtin(t)
	for id, want := range cautionFacts {
		c := cat.Caution(id)
		if c == nil {
			t.Errorf("caution %q is missing", id)
			continue
		}
		got := cautionFact{Kind: c.Kind, When: c.When, Areas: c.Areas, Landmarks: c.Landmarks, Condition: c.Condition, Families: c.Families, Sources: c.Sources}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("caution %s (-want +got):\n%s", id, diff)
		}
	}
	for _, c := range cat.Cautions {
		if _, ok := cautionFacts[c.ID]; !ok {
			t.Errorf("caution %q is not pinned in cautionFacts", c.ID)
		}
		if c.Say == "" {
			t.Errorf("caution %q says nothing", c.ID)
		}
	}
	if s := cat.Caution("sensitive-lighter").Say; !strings.Contains(s, "face") {
		t.Errorf("sensitive-lighter should name the face as a place for a lighter touch: %q", s)
	}
	if s := cat.Caution("add-oil").Say; !strings.Contains(s, "ripple") {
		t.Errorf("add-oil should say to add oil when the skin ripples: %q", s)
	}
}

type ruleFact struct {
	First, Then, Sources []string
}

var ruleFacts = map[string]ruleFact{
	"stroke-before-kneading":       {First: []string{"light-stroking", "deep-stroking"}, Then: []string{"kneading"}, Sources: []string{src002}},
	"deep-stroking-after-kneading": {First: []string{"kneading"}, Then: []string{"deep-stroking"}, Sources: []string{src002}},
	"foot-warm-up-first": {First: []string{"foot-warm-up"},
		Then:    []string{"foot-thumb-glides", "foot-tendon-strokes", "foot-knuckle-kneading", "foot-fist-press", "foot-squeeze", "foot-opposite-circles", "toe-rotation", "foot-finishing-circles"},
		Sources: []string{src003}},
	"thumb-glides-before-tendons": {First: []string{"foot-thumb-glides"}, Then: []string{"foot-tendon-strokes"}, Sources: []string{src003}},
	"foot-circles-last": {First: []string{"foot-thumb-glides", "foot-tendon-strokes", "foot-knuckle-kneading", "foot-fist-press", "foot-squeeze", "foot-opposite-circles", "toe-rotation"},
		Then: []string{"foot-finishing-circles"}, Sources: []string{src003}},
}

func TestRuleFacts(t *testing.T) {
	cat := builtin(t)
	got := map[string]ruleFact{}
	for _, r := range cat.Rules {
		got[r.ID] = ruleFact{First: r.First, Then: r.Then, Sources: r.Sources}
	}
	if diff := cmp.Diff(ruleFacts, got); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
}

// Every technique, caution, rule and preparation names where it comes from,
// and every source named is one of the four texts or Knead itself. The
// safety screen's rules cite public references too, each with an address.
func TestSourcesNamed(t *testing.T) {
	cat := builtin(t)
	var ids []string
	for _, s := range cat.Sources {
		if s.Title == "" || s.About == "" {
			t.Errorf("source %s needs a title and an about", s.ID)
		}
		if s.Address != "" {
			continue
		}
		ids = append(ids, s.ID)
	}
	if diff := cmp.Diff(allSources, ids); diff != "" {
		t.Errorf("declared sources (-want +got):\n%s", diff)
	}
	known := append(slices.Clone(allSources), massage.OwnSource)
	check := func(what string, srcs []string) {
		if len(srcs) == 0 {
			t.Errorf("%s names no source", what)
		}
		for _, s := range srcs {
			if !slices.Contains(known, s) {
				t.Errorf("%s names source %q, want one of %v", what, s, known)
			}
		}
	}
	for _, x := range cat.Techniques {
		check("technique "+x.ID, x.Sources)
	}
	for _, x := range cat.Cautions {
		check("caution "+x.ID, x.Sources)
	}
	for _, x := range cat.Rules {
		check("rule "+x.ID, x.Sources)
	}
	for _, x := range cat.Preparations {
		check("preparation "+x.ID, x.Sources)
	}
}

// A claim is the source's claim: it belongs to one of the technique's own
// sources and reads as something said, not as fact.
func TestClaimsAreTheSourcesOwn(t *testing.T) {
	cat := builtin(t)
	n := 0
	for _, tc := range cat.Techniques {
		for _, c := range tc.Claims {
			n++
			if !slices.Contains(tc.Sources, c.Source) || c.Source == massage.OwnSource {
				t.Errorf("%s claims %q from %s, which is not one of its sources %v", tc.ID, c.Say, c.Source, tc.Sources)
			}
			if !strings.Contains(c.Say, "said") {
				t.Errorf("%s claim %q should read as the source's claim (\"said to …\")", tc.ID, c.Say)
			}
		}
	}
	for _, want := range []struct{ id, words string }{
		{"scalp-petrissage", "stress"},
		{"scalp-petrissage", "blood flow"},
		{"back-fan-stroke", "circulation"},
		{"knead-stomach", "digestion"},
		{"scalp-hairline-circles", "headaches"},
		{"scalp-hairline-circles", "sinus"},
		{"ear-rub", "tension"},
	} {
		tc := technique(t, cat, want.id)
		if !slices.ContainsFunc(tc.Claims, func(c massage.Claim) bool { return strings.Contains(c.Say, want.words) }) {
			t.Errorf("%s: want the source's claim about %s, got %v", want.id, want.words, tc.Claims)
		}
	}
}

// Every area a sourced technique works on can be warmed up with light
// stroking and deep stroking and finished with deep stroking, in each mode
// the sourced techniques there are done in.
func TestStrokingForEveryArea(t *testing.T) {
	cat := builtin(t)
	type need struct{ area, mode string }
	needs := map[need]bool{}
	for _, tc := range cat.Techniques {
		if tc.Own() {
			continue
		}
		for _, a := range tc.Areas {
			for _, m := range []string{"self", "partner"} {
				if tc.FitsMode(m) {
					needs[need{a, m}] = true
				}
			}
		}
	}
	has := func(n need, family, phase string) bool {
		for _, tc := range cat.Techniques {
			if tc.Family != family || !tc.FitsPhase(phase) || !tc.FitsMode(n.mode) {
				continue
			}
			for _, a := range tc.Areas {
				if massage.Within(n.area, a) {
					return true
				}
			}
		}
		return false
	}
	for n := range needs {
		for _, want := range []struct{ family, phase string }{
			{"light-stroking", "warm-up"}, {"deep-stroking", "warm-up"}, {"deep-stroking", "finish"},
		} {
			if !has(n, want.family, want.phase) {
				t.Errorf("area %s (%s): no %s technique for the %s phase", n.area, n.mode, want.family, want.phase)
			}
		}
	}
	// Knead's own strokes stay Knead's own: no claims, and only the knead source.
	for _, tc := range cat.Techniques {
		if slices.Contains(tc.Sources, massage.OwnSource) && (!tc.Own() || len(tc.Claims) > 0) {
			t.Errorf("%s: Knead's own techniques name only the knead source and make no claims", tc.ID)
		}
	}
}

var sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)

// Every technique is complete enough to plan and to speak, and its times
// are ones a therapist would find sound.
func TestTechniquesComplete(t *testing.T) {
	cat := builtin(t)
	for _, tc := range cat.Techniques {
		what := tc.ID
		if tc.Summary == "" || tc.Position == "" || tc.Pressure.IsZero() || tc.Seconds.IsZero() || len(tc.Sources) == 0 {
			t.Errorf("%s: needs summary, position, pressure, seconds and sources", what)
		}
		if tc.Mode != "self" && (len(tc.Posture.Receiver) == 0 || tc.Posture.Giver == "") || tc.Mode != "partner" && tc.Posture.Self == "" {
			t.Errorf("%s: posture %+v does not say where the bodies are for every mode it suits (%s)", what, tc.Posture, tc.Mode)
		}
		if p := tc.Seconds.Problem(); p != "" || tc.Seconds.Least == 0 || tc.Seconds.Most == 0 || tc.Seconds.Usual == 0 {
			t.Errorf("%s: seconds %v: want least, usual and most in order %s", what, tc.Seconds, p)
		}
		sum := tc.StepSeconds()
		if sum < tc.Seconds.Least || sum > tc.Seconds.Most {
			t.Errorf("%s: its steps usually take %v s, outside the technique's %v", what, sum, tc.Seconds)
		}
		for i, s := range tc.Steps {
			at := fmt.Sprintf("%s step %d", what, i+1)
			if s.Title == "" || len(s.Hands) == 0 || s.Seconds.IsZero() || s.Side == "" && tc.Mode == "partner" {
				t.Errorf("%s: needs a title, hands, seconds and (for a partner) a side", at)
			}
			if n := len(sentenceEnd.FindAllString(s.Say, -1)); n == 0 || n > 2 || len(s.Say) > 160 {
				t.Errorf("%s: the cue should be one or two short sentences, got %d in %d characters: %q", at, n, len(s.Say), s.Say)
			}
			if (s.Motion == "circle" || s.Motion == "rotate") && s.Turn == "" && slices.ContainsFunc(s.Hands, func(h massage.HandUse) bool { return h.Turn != "" }) {
				t.Errorf("%s: a hand turns but the step names no turn", at)
			}
			// Long strokes: about 40-50 strokes a minute for effleurage
			// (shared/reference/motion-and-limits.md); a long glide over a
			// back or a leg takes longer, so 1.2 to 10 s a pass.
			if (s.Motion == "glide" || s.Motion == "fan" || s.Motion == "rake") && !s.Repeat.IsZero() {
				passes := float64(s.Repeat.Most)
				if s.Side == "each" || s.Side == "swap-hands" {
					passes *= 2
				}
				if per := s.Seconds.Usual / passes; per < 1.2 || per > 10 {
					t.Errorf("%s: %v s for %v passes is %.1f s a pass; a stroke takes 1.2 to 10 s", at, s.Seconds.Usual, passes, per)
				}
			}
			// Circles at a tempo fit at least a few strokes in the time.
			if s.Tempo > 0 && s.Seconds.Least*s.Tempo/60 < 3 {
				t.Errorf("%s: %v s at %v a minute is fewer than 3 strokes", at, s.Seconds.Least, s.Tempo)
			}
		}
	}
}

// The catalog's words are its own: no run of eight words is shared with a
// source text (the rule ../shared/tools/seedcopy enforces for the repo).
func TestOwnWords(t *testing.T) {
	seeds := filepath.Join("..", "..", "shared", "seeds")
	entries, err := os.ReadDir(seeds)
	if err != nil {
		t.Skipf("source texts not present: %v", err)
	}
	const n = 8
	word := regexp.MustCompile(`[a-z0-9']+`)
	words := func(s string) []string {
		return word.FindAllString(strings.ReplaceAll(strings.ToLower(s), "\u2019", "'"), -1)
	}
	grams := map[string]string{}
	var names []string
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(seeds, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, e.Name())
		w := words(string(b))
		for i := 0; i+n <= len(w); i++ {
			grams[strings.Join(w[i:i+n], " ")] = e.Name()
		}
	}
	for _, s := range allSources {
		if !slices.Contains(names, s) {
			t.Errorf("source %s is not among the texts in %s", s, seeds)
		}
	}
	files, _ := filepath.Glob(filepath.Join("data", "*.yaml"))
	if len(files) == 0 {
		t.Fatal("no catalog data files found")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(strings.ToLower(string(b)), "\u2019", "'")
		locs := word.FindAllStringIndex(text, -1)
		reported := map[int]bool{}
		for i := 0; i+n <= len(locs); i++ {
			run := make([]string, n)
			for j := range run {
				run[j] = text[locs[i+j][0]:locs[i+j][1]]
			}
			if src, ok := grams[strings.Join(run, " ")]; ok {
				line := strings.Count(text[:locs[i][0]], "\n") + 1
				if !reported[line] {
					reported[line] = true
					t.Errorf("%s:%d shares eight words with %s: %q", f, line, src, strings.Join(run, " "))
				}
			}
		}
	}
}

// Percussion stays light and lands only where it is safe: every tapping or
// chopping technique is light, carries a caution that says so (feather-light
// on the head, loose and on muscle only elsewhere), and none of its steps
// names an endangerment site, the lower back, the kidneys, the back of the
// knee or (but for feather-light fingertips) a joint. There are at least six, Knead's three among them.
func TestPercussionIsLightAndOnMuscle(t *testing.T) {
	cat := builtin(t)
	n := 0
	for _, tc := range cat.Techniques {
		if tc.Family != "percussion" {
			continue
		}
		n++
		if tc.Pressure.Level != "light" {
			t.Errorf("%s: percussion at %q pressure, want light", tc.ID, tc.Pressure.Level)
		}
		if !slices.Contains(tc.Cautions, "light-percussion") && !slices.Contains(tc.Cautions, "percussion-muscle") {
			t.Errorf("%s: percussion without the light-percussion or percussion-muscle caution", tc.ID)
		}
		for i, s := range tc.Steps {
			if s.Motion != "tap" && s.Motion != "chop" {
				continue
			}
			// feather-light fingertips may patter over a joint (the base
			// of the neck); cupped hands, fists and hand edges may not
			tips := !slices.ContainsFunc(s.Hands, func(h massage.HandUse) bool { return h.Part != "fingertips" })
			for _, id := range s.At {
				l, _ := massage.LandmarkByID(id)
				if l.Joint != "" && !tips || l.Site || slices.Contains([]string{"lower-back", "kidney-area", "back-of-knee", "spine-line"}, id) {
					t.Errorf("%s step %d: percussion on the %s", tc.ID, i+1, l.Name)
				}
			}
		}
	}
	for _, id := range []string{"upper-back-cupping", "scalp-fingertip-rain", "thigh-back-chopping"} {
		if tc := technique(t, cat, id); tc.Family != "percussion" || !slices.Contains(tc.Sources, "knead") {
			t.Errorf("%s: want Knead's own percussion", id)
		}
	}
	if n < 6 {
		t.Errorf("%d percussion techniques, want at least 6", n)
	}
}
