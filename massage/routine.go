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
	Cautions []string
	Claims   []Claim
	Sources  []string
	Notes    []string
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
	Cautions  []string
	Note      string
}

// TotalSeconds adds up the items' seconds.
func (r *Routine) TotalSeconds() float64 {
	var s float64
	for _, it := range r.Items {
		s += it.Seconds
	}
	return s
}
