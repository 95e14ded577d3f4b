package massage

// JSON views: the stable shapes that `knead list --json`, `knead show --json`
// and `knead areas --json` print, and that scripts rely on. Field names are
// part of Knead's interface: add fields, never rename or remove them. Lists
// are never null, so a script can always range over them.

// TechniqueEntry is a technique as a list shows it.
type TechniqueEntry struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Areas     []string `json:"areas"`
	Mode      string   `json:"mode"`
	Family    string   `json:"family"`
	Sources   []string `json:"sources"`
	StepCount int      `json:"step_count"`
}

// Entry gives the technique's list entry.
func (t *Technique) Entry() TechniqueEntry {
	return TechniqueEntry{
		ID:        t.ID,
		Name:      t.Name,
		Areas:     strs(t.Areas),
		Mode:      t.Mode,
		Family:    t.Family,
		Sources:   strs(t.Sources),
		StepCount: len(t.Steps),
	}
}

// TechniqueView is one technique in full: its list entry and everything a
// person needs to do it.
type TechniqueView struct {
	TechniqueEntry
	Summary         string        `json:"summary"`
	Phases          []string      `json:"phases"`
	Position        string        `json:"position"`
	Posture         Posture       `json:"posture"`
	Prep            []string      `json:"prep"`
	Pressure        string        `json:"pressure"`                   // the level word
	PressureMost    string        `json:"pressure_most,omitempty"`    // upper end, when the receiver chooses
	PressureProfile string        `json:"pressure_profile,omitempty"` // how it changes, when not even
	Seconds         Bounds        `json:"seconds"`
	AnyOrder        bool          `json:"any_order"`
	Cautions        []CautionView `json:"cautions"`
	Claims          []Claim       `json:"claims"`
	Notes           []string      `json:"notes"`
	Steps           []StepView    `json:"steps"`
}

// CautionView is a caution as a technique's view carries it.
type CautionView struct {
	ID   string `json:"id"`
	Say  string `json:"say"`
	Kind string `json:"kind"`
	When string `json:"when"`
}

// HandView is what one hand does in a step; every field is always present.
type HandView struct {
	Hand string   `json:"hand"`
	Part string   `json:"part"`
	Role string   `json:"role"`
	At   []string `json:"at"`
	Turn string   `json:"turn"`
}

// StepView is one step with the technique's defaults filled in: the
// pressure is the step's own or, when it gives none, the technique's.
type StepView struct {
	Title           string     `json:"title"`
	Say             string     `json:"say"`
	Hands           []HandView `json:"hands"`
	At              []string   `json:"at"`
	Motion          string     `json:"motion"`
	Direction       []string   `json:"direction"`
	Turn            string     `json:"turn"`
	Pressure        string     `json:"pressure"`                // the level word
	PressureMost    string     `json:"pressure_most,omitempty"` // upper end, when the receiver chooses
	PressureProfile string     `json:"pressure_profile"`        // "even" unless the step or technique says otherwise
	Repeat          int        `json:"repeat"`                  // passes; 0 when none is given
	RepeatMost      int        `json:"repeat_most,omitempty"`   // upper end, when a range is given
	Increment       *Distance  `json:"increment,omitempty"`
	Radius          *Distance  `json:"radius,omitempty"`
	Tempo           float64    `json:"tempo,omitempty"` // strokes per minute
	Seconds         float64    `json:"seconds"`         // usual
	SecondsLeast    float64    `json:"seconds_least"`
	SecondsMost     float64    `json:"seconds_most"`
	Side            string     `json:"side"`
	Cautions        []string   `json:"cautions,omitempty"`
	Note            string     `json:"note,omitempty"`
}

// StepPressure is the pressure a step is done at: its own when it gives
// one (all of it: level, range and profile), else the technique's.
func (t *Technique) StepPressure(s Step) Pressure {
	if s.Pressure.IsZero() {
		return t.Pressure
	}
	return s.Pressure
}

// TechniqueView gives the full view of t, with its cautions looked up in c.
func (c *Catalog) TechniqueView(t *Technique) TechniqueView {
	v := TechniqueView{
		TechniqueEntry:  t.Entry(),
		Summary:         t.Summary,
		Phases:          strs(t.Phases),
		Position:        t.Position,
		Posture:         t.Posture,
		Prep:            strs(t.Prep),
		Pressure:        t.Pressure.Level,
		PressureProfile: t.Pressure.Profile,
		Seconds:         t.Seconds,
		AnyOrder:        t.AnyOrder,
		Cautions:        []CautionView{},
		Claims:          append([]Claim{}, t.Claims...),
		Notes:           strs(t.Notes),
		Steps:           make([]StepView, len(t.Steps)),
	}
	if t.Pressure.Most != t.Pressure.Level {
		v.PressureMost = t.Pressure.Most
	}
	for _, x := range c.CautionsOf(t) {
		v.Cautions = append(v.Cautions, CautionView{ID: x.ID, Say: x.Say, Kind: x.Kind, When: x.When})
	}
	for i, s := range t.Steps {
		v.Steps[i] = t.stepView(s)
	}
	return v
}

func (t *Technique) stepView(s Step) StepView {
	p := t.StepPressure(s)
	v := StepView{
		Title:           s.Title,
		Say:             s.Say,
		Hands:           make([]HandView, len(s.Hands)),
		At:              strs(s.At),
		Motion:          s.Motion,
		Direction:       strs(s.Direction),
		Turn:            s.Turn,
		Pressure:        p.Level,
		PressureProfile: p.Profile,
		Repeat:          s.Repeat.Least,
		Tempo:           s.Tempo,
		Seconds:         s.Seconds.Usual,
		SecondsLeast:    s.Seconds.Least,
		SecondsMost:     s.Seconds.Most,
		Side:            s.Side,
		Cautions:        s.Cautions,
		Note:            s.Note,
	}
	if p.Most != p.Level {
		v.PressureMost = p.Most
	}
	if v.PressureProfile == "" {
		v.PressureProfile = "even"
	}
	if s.Repeat.Most != s.Repeat.Least {
		v.RepeatMost = s.Repeat.Most
	}
	if !s.Increment.IsZero() {
		d := s.Increment
		v.Increment = &d
	}
	if !s.Radius.IsZero() {
		d := s.Radius
		v.Radius = &d
	}
	for i, h := range s.Hands {
		role := h.Role
		if role == "" {
			role = "work"
		}
		v.Hands[i] = HandView{Hand: h.Hand, Part: h.Part, Role: role, At: strs(h.At), Turn: h.Turn}
	}
	return v
}

// PreparationView is a preparation as `knead show --json` prints it.
type PreparationView struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Say     string   `json:"say"`
	Seconds Bounds   `json:"seconds"`
	Areas   []string `json:"areas"`
	Mode    string   `json:"mode"`
	After   []string `json:"after"`
	Needs   []string `json:"needs"`
	Sources []string `json:"sources"`
	Notes   []string `json:"notes"`
}

// View gives the preparation's JSON view.
func (p *Preparation) View() PreparationView {
	return PreparationView{
		ID: p.ID, Name: p.Name, Kind: p.Kind, Say: p.Say, Seconds: p.Seconds,
		Areas: strs(p.Areas), Mode: p.Mode, After: strs(p.After), Needs: strs(p.Needs),
		Sources: strs(p.Sources), Notes: strs(p.Notes),
	}
}

// BodyView is the area tree with its landmarks, and the joints a condition
// can name, as `knead areas --json` prints them.
type BodyView struct {
	Areas  []AreaView  `json:"areas"`
	Joints []JointView `json:"joints"`
}

// AreaView is one area; parents come before their children.
type AreaView struct {
	ID        string         `json:"id"`
	Name      string         `json:"name"`
	Parent    string         `json:"parent"` // "" for a top-level area
	Landmarks []LandmarkView `json:"landmarks"`
}

// LandmarkView is one landmark of an area.
type LandmarkView struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Joint string `json:"joint,omitempty"` // the joint it belongs to
	Avoid bool   `json:"avoid,omitempty"` // never pressed on
	Site  bool   `json:"site,omitempty"`  // an endangerment site: light, flat gliding only
}

// JointView is a joint and the area it sits in.
type JointView struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Area string `json:"area"`
}

// Body gives the view of Areas, Landmarks and Joints.
func Body() BodyView {
	v := BodyView{Areas: make([]AreaView, len(Areas)), Joints: make([]JointView, len(Joints))}
	for i, a := range Areas {
		v.Areas[i] = AreaView{ID: a.ID, Name: a.Name, Parent: a.Parent, Landmarks: []LandmarkView{}}
		for _, l := range Landmarks {
			if l.Area == a.ID {
				v.Areas[i].Landmarks = append(v.Areas[i].Landmarks, LandmarkView{ID: l.ID, Name: l.Name, Joint: l.Joint, Avoid: l.Avoid, Site: l.Site})
			}
		}
	}
	for i, j := range Joints {
		v.Joints[i] = JointView{ID: j.ID, Name: j.Name, Area: JointArea[j.ID]}
	}
	return v
}

// strs copies a list so that an empty one prints as [] rather than null.
func strs(s []string) []string { return append([]string{}, s...) }
