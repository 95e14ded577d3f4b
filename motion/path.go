package motion

// Rate is how many samples per second a compiled path holds.
const Rate = 50

// Sample is one moment of one hand's path.
type Sample struct {
	T        float64 // seconds from the start of the step
	X, Y     float64 // on the chart's unit square (x right, y down)
	Pressure float64 // 0–1: how firmly the hand presses, 0 when lifted
	Contact  bool    // touching (true) or lifted
}

// Pass is a span of a hand's samples that makes one pass of the step:
// samples Start up to (not including) End. Number counts the passes of the
// whole step from 1, whichever hand makes them.
type Pass struct {
	Number     int
	Start, End int
}

// HandPath is what one hand does during a step.
type HandPath struct {
	Hand   string // "left" or "right"
	Role   string // "work", "hold" (a still hand that steadies) or "trail"
	Part   string // the parts that touch: "thumbs", "fingers and thumbs", …
	Colour string // the hand's colour in drawings, as #rrggbb (light theme)
	// Samples are taken every 1/Rate seconds from 0 to the step's end.
	Samples []Sample
	Passes  []Pass
	// Traces are sideways offsets (unit square, to the right of travel) of
	// fingertips that draw parallel lines, for raking and combing; empty for
	// a hand that touches at one place.
	Traces []float64
}

// StepPath is one step of a technique compiled to timed paths on a chart.
type StepPath struct {
	Technique string
	Step      int // 1-based
	Title     string
	Say       string
	View      string // the chart's id
	Panel     string // the chart's panel, for charts with panels
	Area      string // the finest area the step works on
	Motion    string
	Level     string  // pressure word the samples' pressure was scaled from
	Seconds   float64 // the step's duration
	Passes    int     // passes of the whole step, all hands together
	// Transient is true for strikes (tapping, chopping): short contacts.
	Transient bool
	Hands     []HandPath
	// Notes say in words what the drawing cannot: "then swap hands".
	Notes []string

	marks []mark
	// slow is how many times slower than its tempo the step was laid out
	// to keep within the limits (1: at its tempo)
	slow   float64
	levels [2]float64 // pressure of the level and of the top of its range
	// elsewhere are the step's places its chart (or panel) does not show,
	// in order: a drawing shows them in pictures of their own.
	elsewhere []string
}

// Colours of the two hands in the light theme (Okabe–Ito blue and
// vermillion); Style has the dark-theme shades.
const (
	LeftColour  = "#0072b2"
	RightColour = "#d55e00"
)

func colourOf(hand string) string {
	if hand == "left" {
		return LeftColour
	}
	return RightColour
}

// Level pressures on the 0–1 scale of a sample: light, moderate and deep sit
// at 3, 5 and 7 of massage training's 1–10 comfort scale (massage.Comfort),
// so deep (7) is the most a path asks for before a profile adds to it.
func levelPressure(level string) float64 {
	switch level {
	case "light":
		return 0.3
	case "deep":
		return 0.7
	}
	return 0.5
}

// markKind says how a piece of a drawing is drawn.
type markKind uint8

const (
	mkStroke markKind = iota // a stroke in contact, with an arrowhead at its end
	mkReturn                 // a lighter stroke in contact (a return), with an arrowhead
	mkBoth                   // back and forth: arrowheads at both ends
	mkLift                   // a move with the hand lifted, dotted
	mkLoop                   // a circle, closed, with an arrowhead on it for its turn
	mkDot                    // a press or a tap
	mkTick                   // a chop: a short bar across the travel
	mkHold                   // a hand holding still
	mkTrace                  // a fingertip's trace, thin, with an arrowhead
	mkNum                    // a number (pass or spot) at a point
	mkTimes                  // "×N" for passes drawn on top of each other
	mkGuide                  // a thin arrow beside a chain of circles or strikes: which way it travels
)

type mark struct {
	kind markKind
	hand string
	pts  []Point
	text string
	id   string // mkHold: the landmark the hand holds
}
