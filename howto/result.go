package howto

import (
	"fmt"

	"github.com/knead/knead/massage"
)

// Result is what Import understood of a text.
type Result struct {
	Source   string    `json:"source"` // the text's file name, "" for standard input
	Title    string    `json:"title"`
	Format   Format    `json:"format"`
	Mode     string    `json:"mode"` // self, partner or both
	Steps    []Step    `json:"steps"`
	Prep     []Prep    `json:"prep"`
	Warnings []Warning `json:"warnings"`
	Claims   []Claim   `json:"claims"`
	Tips     []Note    `json:"tips"`
	Unsure   []string  `json:"unsure"`
	Skipped  []Skip    `json:"skipped"`
	Read     int       `json:"sentences_read"`
	// Sentences accounts for every sentence read, and every block of page
	// furniture, with its role and why.
	Sentences []SentenceRole `json:"sentences"`
}

// Step is one hands-on move found in the text.
type Step struct {
	N         int               `json:"n"`
	Text      string            `json:"text"` // the author's sentences, as written
	Line      int               `json:"line"`
	Section   string            `json:"section,omitempty"`
	Area      string            `json:"area"`  // the main place worked
	Areas     []string          `json:"areas"` // every place the move works, the main one first
	Landmarks []string          `json:"landmarks"`
	Hands     []massage.HandUse `json:"hands"`
	Motion    string            `json:"motion"`
	Direction []string          `json:"direction"`
	Turn      string            `json:"turn,omitempty"`
	Pressure  *massage.Pressure `json:"pressure"`
	Repeat    *massage.Count    `json:"repeat"`
	Seconds   *massage.Bounds   `json:"seconds"`
	Side      string            `json:"side"`
	Technique *Match            `json:"technique"`
	Unsure    []string          `json:"unsure,omitempty"`

	guessed    bool            // the motion is guessed from a general verb
	titleStems map[string]bool // words of the headings over the step
	finish     bool            // the text says it closes the sequence ("To finish, …")
	borrowed   bool            // names no area: its area is the step before's
	placeFeats []string        // what the place model reads of it (extract_place_model.go)
	sameMove   bool            // the technique it is like has the same motion: its name names the step
	replays    int             // a turn to the other side: how many steps before it plays again
	title      string          // the lead-in name of the item or paragraph it starts in ("Forearm roll.")
}

// Match names the catalog technique (and its step) a step is most like.
type Match struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Step       int     `json:"step"` // 1-based
	Confidence float64 `json:"confidence"`
}

// PrepKinds are the kinds of preparation the importer tells apart.
var PrepKinds = []string{"oil", "cream", "soak", "dry", "towel", "clean-hair", "brush-hair",
	"warm-hands", "position", "jewellery", "nails", "tool", "wash"}

// Prep is a preparation found in the text: a kind of the importer's own
// (oil, cream, soak, dry, towel, clean-hair, brush-hair, warm-hands,
// position, jewellery, nails, tool, wash) and the catalog preparation it
// matches, if any.
type Prep struct {
	Kind    string          `json:"kind"`
	ID      string          `json:"id,omitempty"`
	Text    string          `json:"text"`
	Line    int             `json:"line"`
	Seconds *massage.Bounds `json:"seconds,omitempty"` // its own time, when the text gives one ("a ten-minute soak")

	passing bool // named by a sentence that asks nothing ("needs clean hands")
}

// Warning is a sentence that warns, with the catalog caution it matches.
type Warning struct {
	Text string `json:"text"`
	Line int    `json:"line"`
	// Lead is the line a list of cautions follows ("Please stop and ring
	// us if:"), for a warning that is one of its items
	Lead    string `json:"lead,omitempty"`
	Caution string `json:"caution,omitempty"`
}

// Claim is a benefit the text claims, kept as the text's claim.
type Claim struct {
	Text string `json:"text"`
	Line int    `json:"line"`
}

// Note is a tip that is not a step of its own.
type Note struct {
	Text string `json:"text"`
	Line int    `json:"line"`
}

// Skip is a stretch of page furniture that was left out.
type Skip struct {
	Line int    `json:"line"`
	Why  string `json:"why"`
	Text string `json:"text"`
}

// NoInstructionsError says a text held no hands-on instructions.
type NoInstructionsError struct {
	Sentences int // sentences read
	Skipped   int // blocks of page furniture left out
}

func (e *NoInstructionsError) Error() string {
	return fmt.Sprintf("found no hands-on massage instructions in the text (read %d sentences, left out %d blocks of page furniture): "+
		"expected steps such as \"Rub the tops of the shoulders in small circles\"", e.Sentences, e.Skipped)
}

// SentenceRole is what one sentence of the text was taken for.
type SentenceRole struct {
	Line int      `json:"line"`
	Text string   `json:"text"`
	Role string   `json:"role"`
	Also []string `json:"also,omitempty"` // other roles it plays: a step sentence that also warns
	Step int      `json:"step,omitempty"` // the step it belongs to, 1-based
	Why  string   `json:"why"`
	// What the role model says of the sentence (classify_model.go): its
	// role and that role's probability. Absent for headings and noise.
	Model      string  `json:"model,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	Warns      float64 `json:"warns,omitempty"` // the probability it warns
}

// Roles a sentence can have.
const (
	RoleMove        = "move"
	RoleModifier    = "move modifier"
	RolePrep        = "preparation"
	RoleWarning     = "warning"
	RoleClaim       = "claim"
	RoleTip         = "tip"
	RoleDescription = "description"
	RoleCommentary  = "commentary"
	RoleNoise       = "noise"
)

// Format is how a text is marked up.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatJSON     Format = "json" // an app's export, read as the text it holds (read_json.go)
)
