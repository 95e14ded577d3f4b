package motion

import (
	"strings"
	"testing"
)

// TestMotionErrorSays: a refusal names what broke the limit and where, with
// enough decimals that the value never reads as equal to the limit, and a
// lifted hand between two steps is named as the move between them, not as
// the step the moment falls in.
func TestMotionErrorSays(t *testing.T) {
	for _, tc := range []struct {
		e    MotionError
		want []string
		not  []string
	}{
		{MotionError{Technique: "scalp-petrissage", Step: 2, Hand: "left", What: "contact speed", Value: 0.1004, Limit: 0.1, Unit: "m/s", At: 0.58, Slowest: 6, Needs: 0.1004},
			[]string{"technique scalp-petrissage step 2: the left hand", "a contact speed of 0.1004 m/s at 0.58 s", "above the 0.1000 m/s limit", "(it needs 0.1004 m/s at least)"}, []string{"of 0.10 m/s", "the 0.10 m/s"}},
		{MotionError{Technique: "back-fan-stroke", Step: 1, Hand: "right", What: "acceleration", Value: 2.6, Limit: 2.5, Unit: "m/s²", At: 8.88},
			[]string{"an acceleration of 2.60 m/s² at 8.88 s, above the 2.50 m/s² limit"}, []string{"laid out"}},
		{MotionError{FromTechnique: "back-raking", FromStep: 3, Technique: "foot-squeeze", Step: 1, Hand: "left", What: "acceleration", Value: 1.07, Limit: 1, Unit: "m/s²", At: -0.4, Slowest: 20},
			[]string{"moving from technique back-raking step 3 to technique foot-squeeze step 1: the left hand, lifted,", "1.07 m/s² 0.40 s before the second step starts", "laid out twenty times slower"}, []string{"technique foot-squeeze step 1: the left hand would"}},
	} {
		s := tc.e.Error()
		for _, w := range tc.want {
			if !strings.Contains(s, w) {
				t.Errorf("%q does not say %q", s, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(s, w) {
				t.Errorf("%q says %q", s, w)
			}
		}
	}
}
