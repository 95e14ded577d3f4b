package massage

// HandUse says what one hand (or both) does in a step.
type HandUse struct {
	Hand string   `json:"hand"`           // left, right, both, one, other, either
	Part string   `json:"part"`           // fingertips, palms, thumbs, …
	Role string   `json:"role"`           // work, hold, trail
	At   []string `json:"at,omitempty"`   // landmarks for this hand, when they differ from the step's
	Turn string   `json:"turn,omitempty"` // this hand's circling sense, when it differs
}

// Step is one move of a technique: who does what, where, which way, how
// firmly, how often and for how long.
type Step struct {
	Title     string    // a short name for the move
	Say       string    // the cue, in words to read and speak
	Hands     []HandUse // what each hand does
	At        []string  // landmarks in the order the move meets them: start, passes, end
	Motion    string    // glide, circle, knead, …
	Direction []string  // where it travels, in order ("up", then "away-from-spine")
	Turn      string    // clockwise or counterclockwise, for circles and rotations
	Pressure  Pressure
	Repeat    Count    // passes
	Increment Distance // how far each pass moves on from the last
	Radius    Distance // size of circles, when the source gives one
	Tempo     float64  // strokes per minute, when the step sets one
	Seconds   Bounds
	Side      string   // none, left, right, both, each, alternate, swap-hands
	Cautions  []string // caution ids that matter during this step
	Note      string   // a tip for this step
}

// Technique is a named massage technique made of steps.
type Technique struct {
	ID       string
	Name     string
	Summary  string
	Areas    []string // finest areas it works on
	Mode     string   // self, partner or both
	Family   string
	Phases   []string // phases of a routine it fits in
	Sources  []string // source ids; "knead" marks Knead's own
	Position string   // how the receiver (or the self-massager) sits or lies, in words
	Posture  Posture  // the same, for the planner: the receiver's postures, the giver's place, the self posture
	Prep     []string // preparation ids needed first
	Pressure Pressure // default for its steps
	Seconds  Bounds   // time for the whole technique
	AnyOrder bool     // the steps may be done in any order
	Steps    []Step
	Cautions []string
	Claims   []Claim
	Notes    []string
}

// Own reports whether the technique is Knead's own, not from a source text.
func (t *Technique) Own() bool {
	return len(t.Sources) == 1 && t.Sources[0] == OwnSource
}

// Covers reports whether the technique works on area or inside it.
func (t *Technique) Covers(area string) bool {
	for _, a := range t.Areas {
		if Overlaps(a, area) {
			return true
		}
	}
	return false
}

// FitsPhase reports whether the technique may be planned in phase.
func (t *Technique) FitsPhase(phase string) bool {
	for _, p := range t.Phases {
		if p == phase {
			return true
		}
	}
	return false
}

// FitsMode reports whether the technique can be done in mode (self or partner).
func (t *Technique) FitsMode(mode string) bool {
	return mode == "" || mode == "both" || t.Mode == "both" || t.Mode == mode
}

// StepSeconds adds up the usual seconds of the steps.
func (t *Technique) StepSeconds() float64 {
	var s float64
	for _, st := range t.Steps {
		s += st.Seconds.Usual
	}
	return s
}

// OwnSource is the source id of techniques Knead wrote itself.
const OwnSource = "knead"

// Source is a text the catalog draws on.
type Source struct {
	ID      string // the file name of the text
	Title   string
	About   string // what it covers, in Knead's words
	Address string // where to read it, for sources on the web
}

// Claim is something a source says a technique does. Knead shows it as the
// source's claim, never as medical fact.
type Claim struct {
	Say    string `json:"say"`
	Source string `json:"source"`
}

// Caution is a safety rule: where it applies, when it reaches the user and
// what it does.
type Caution struct {
	ID        string
	Say       string
	Short     string   // a few words to say it again ("beside the spine"); "" derives one from Say
	Kind      string   // never-press, gentle, contraindication, practice, ask
	When      string   // before, start, during
	Areas     []string // where it applies ("" = wherever the technique works)
	Landmarks []string // places it names (the spine line, the ribs)
	Condition string   // for contraindications: the condition kind that rules the work out
	Families  []string // for contraindications: the families it rules out (empty: all)
	Sources   []string
}

// FitsMode reports whether the caution speaks to a session in mode: one
// that asks the receiver (kind ask) has nobody to ask in a self-massage.
func (c *Caution) FitsMode(mode string) bool {
	return !(c.Kind == "ask" && mode == "self")
}

// Rule is a sequencing fact: techniques of the first families come before
// those of the then families.
type Rule struct {
	ID      string
	Say     string
	First   []string // families or technique ids
	Then    []string // families or technique ids
	Sources []string
}

// Preparation is something done before the hands-on time: a task (wash the
// hair, soak the feet) or a position to take (kneel beside them).
type Preparation struct {
	ID      string
	Name    string
	Say     string
	Kind    string   // task or position
	Seconds Bounds   // its own time, not part of the massage minutes
	Areas   []string // areas whose work needs it
	Mode    string   // self, partner or both
	After   []string // preparations that come before it
	Needs   []string // things to have at hand
	Oily    bool     // it leaves oil or cream on the hands: wipe them before touching hair
	Sources []string
	Claims  []Claim // what the source says it does, shown as its words
	Notes   []string
}
