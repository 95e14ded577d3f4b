package massage

// Routine is a timed sequence of techniques (or of steps of its own), with
// the preparations it needs. Plans are routines; people write them too.
type Routine struct {
	ID       string
	Name     string
	Summary  string
	Mode     string
	Pressure string // the most pressure asked for
	Prep     []string
	Items    []Item
	// Transitions are said between items (a change of position, oil to
	// spread, hands to wipe): not hands-on time, each before one item.
	Transitions []Transition
	Cautions    []string
	Claims      []Claim
	Sources     []string
	Notes       []string
}

// Item is one entry of a routine: a catalog technique, or steps of the
// routine's own under a name.
type Item struct {
	Technique string // catalog id; empty when Steps are given
	Name      string // for items with steps of their own
	Area      string
	Phase     string
	Seconds   float64
	Pressure  string
	Side      string
	Repeat    Count
	Steps     []Step
	Play      []int // for a technique: the steps played (0-based, in order); empty: all
	Cautions  []string
	Note      string
}

// Transition is something said and done between two items, off the
// hands-on time: "Ask them to turn onto their back. Move to their head."
type Transition struct {
	Before  int    // index of the item it comes before
	Kind    string // position, oil, wipe, or several joined by "+"
	Say     string
	Seconds float64
}

// TotalSeconds adds up the items' seconds.
func (r *Routine) TotalSeconds() float64 {
	var s float64
	for _, it := range r.Items {
		s += it.Seconds
	}
	return s
}

// ItemFloor is the least time a planned item lasts (for a partner; a
// self-massage item lasts at least 30 s): long enough to settle into. A
// routine item may last this long even when its technique allows less.
const ItemFloor = 45
