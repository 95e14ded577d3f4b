package guide

import (
	"fmt"

	"github.com/knead/knead/massage"
)

// Speech rates a script can be built for.
const (
	RateSlower = "slower"
	RateNormal = "normal"
	RateFaster = "faster"
)

// Rates lists the rates, slowest first.
var Rates = []string{RateSlower, RateNormal, RateFaster}

// RateWPM gives the words a minute of a rate ("" is normal).
func RateWPM(rate string) (float64, error) {
	switch rate {
	case "", RateNormal:
		return massage.SpeechWPM, nil
	case RateSlower:
		return 130, nil
	case RateFaster:
		return 190, nil
	}
	return 0, fmt.Errorf("speech rate %q: expected slower, normal or faster", rate)
}

// Options are the choices of building a script.
type Options struct {
	Rate string // slower, normal (the default, "") or faster
}
