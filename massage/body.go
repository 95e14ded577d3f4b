package massage

import "strings"

// Area is a region of the body that a technique works on. Areas form a
// small tree: "back" holds "upper-back" and "lower-back".
type Area struct {
	ID     string
	Name   string
	Parent string // "" for a top-level area
}

// Landmark is a named place where a move starts, passes or ends.
type Landmark struct {
	ID    string
	Name  string
	Area  string // the finest area the landmark lies in
	Joint string // the joint it belongs to, for landmarks that are joints
	Avoid bool   // a place never pressed on (the spine line)
	// Site marks an endangerment site: nerves, vessels or organs close under
	// the skin. Broad, flat, light gliding may pass over it; deep or pointed
	// pressure, kneading and percussion never land on it (SiteSafe).
	Site bool
}

// Areas is the body's area tree, parents before their children.
var Areas = []Area{
	{"head", "head", ""},
	{"scalp", "scalp", "head"},
	{"face", "face", "head"},
	{"jaw", "jaw", "head"},
	{"ears", "ears", "head"},
	{"neck", "neck", ""},
	{"shoulders", "shoulders", ""},
	{"back", "back", ""},
	{"upper-back", "upper back", "back"},
	{"lower-back", "lower back", "back"},
	{"chest", "chest", ""},
	{"abdomen", "abdomen", ""},
	{"arms", "arms", ""},
	{"upper-arms", "upper arms", "arms"},
	{"forearms", "forearms", "arms"},
	{"wrists", "wrists", "arms"},
	{"hands", "hands", "arms"},
	{"hips", "hips", ""},
	{"glutes", "glutes", ""},
	{"legs", "legs", ""},
	{"thighs", "thighs", "legs"},
	{"calves", "calves", "legs"},
	{"ankles", "ankles", "legs"},
	{"feet", "feet", "legs"},
	{"toes", "toes", "feet"},
}

// Joints are the places a joint condition ("inflamed-joint:ankle") can name,
// each with the area it sits in.
var Joints = []Word{
	{"jaw", "jaw joint"},
	{"neck", "neck"},
	{"shoulder", "shoulder joint"},
	{"elbow", "elbow"},
	{"wrist", "wrist"},
	{"fingers", "finger joints"},
	{"hip", "hip"},
	{"knee", "knee"},
	{"ankle", "ankle"},
	{"toes", "toe joints"},
}

// JointArea gives the area a joint sits in.
var JointArea = map[string]string{
	"jaw": "jaw", "neck": "neck", "shoulder": "shoulders", "elbow": "arms",
	"wrist": "wrists", "fingers": "hands", "hip": "hips", "knee": "legs",
	"ankle": "ankles", "toes": "toes",
}

// Landmarks are the named places of the body, grouped by area.
var Landmarks = []Landmark{
	// scalp and head
	{ID: "base-of-skull", Name: "base of the skull", Area: "scalp"},
	{ID: "crown", Name: "crown", Area: "scalp"},
	{ID: "top-of-head", Name: "top of the head", Area: "scalp"},
	{ID: "front-hairline", Name: "front hairline", Area: "scalp"},
	{ID: "hairline", Name: "hairline all round", Area: "scalp"},
	{ID: "sides-of-head", Name: "sides of the head", Area: "scalp"},
	{ID: "above-ears", Name: "above the ears", Area: "scalp"},
	{ID: "behind-ears", Name: "behind the ears", Area: "scalp"},
	{ID: "back-of-head", Name: "back of the head", Area: "scalp"},
	{ID: "back-of-head-middle", Name: "middle of the back of the head", Area: "scalp"},
	{ID: "temples", Name: "temples", Area: "scalp"},
	{ID: "forehead", Name: "forehead", Area: "face"},
	{ID: "eyes", Name: "eyes and eyelids", Area: "face", Site: true},
	{ID: "cheeks", Name: "cheeks", Area: "face"},
	{ID: "chin", Name: "chin", Area: "face"},
	{ID: "jaw-line", Name: "jaw line", Area: "jaw"},
	{ID: "jaw-joint", Name: "jaw joint, in front of the ear", Area: "jaw", Joint: "jaw"},
	{ID: "ear", Name: "outer ear", Area: "ears"},
	{ID: "earlobe", Name: "earlobe", Area: "ears"},
	// neck and shoulders
	{ID: "below-ears", Name: "below the ears", Area: "neck"},
	{ID: "back-of-neck", Name: "back of the neck", Area: "neck"},
	{ID: "sides-of-neck", Name: "sides of the neck", Area: "neck"},
	{ID: "base-of-neck", Name: "base of the neck", Area: "neck", Joint: "neck"},
	{ID: "front-of-neck", Name: "front of the neck, beside the windpipe", Area: "neck", Site: true},
	{ID: "tops-of-shoulders", Name: "tops of the shoulders", Area: "shoulders"},
	{ID: "shoulder-joint", Name: "shoulder joint", Area: "shoulders", Joint: "shoulder"},
	// back
	{ID: "spine-line", Name: "spine line", Area: "back", Avoid: true},
	{ID: "shoulder-blades", Name: "shoulder blades", Area: "upper-back"},
	{ID: "middle-back", Name: "middle of the back", Area: "back"},
	{ID: "ribs", Name: "ribs (back of the rib cage)", Area: "back"},
	{ID: "kidney-area", Name: "kidney area, just below the lowest ribs at the back", Area: "lower-back", Site: true},
	{ID: "lower-back", Name: "lower back", Area: "lower-back"},
	{ID: "waist", Name: "waist, sides of the lower back", Area: "lower-back"},
	// chest and abdomen
	{ID: "sternum", Name: "breastbone", Area: "chest"},
	{ID: "pectorals", Name: "chest muscles", Area: "chest"},
	{ID: "armpit", Name: "armpit", Area: "chest", Site: true},
	{ID: "tip-of-breastbone", Name: "tip of the breastbone, where the ribs part", Area: "chest", Site: true},
	{ID: "navel", Name: "navel", Area: "abdomen"},
	{ID: "stomach", Name: "stomach, around the navel", Area: "abdomen"},
	{ID: "sides-of-belly", Name: "sides of the belly, above the hips", Area: "abdomen"},
	// arms and hands
	{ID: "lower-biceps", Name: "lower biceps, above the elbow", Area: "upper-arms"},
	{ID: "upper-biceps", Name: "upper biceps, below the shoulder", Area: "upper-arms"},
	{ID: "triceps", Name: "triceps, back of the upper arm", Area: "upper-arms"},
	{ID: "inner-upper-arm", Name: "inside of the upper arm", Area: "upper-arms", Site: true},
	{ID: "inner-elbow", Name: "inside of the elbow, in the crease", Area: "arms", Site: true},
	{ID: "elbow", Name: "elbow", Area: "arms", Joint: "elbow"},
	{ID: "forearm", Name: "forearm", Area: "forearms"},
	{ID: "wrist", Name: "wrist", Area: "wrists", Joint: "wrist"},
	{ID: "palm", Name: "palm", Area: "hands"},
	{ID: "back-of-hand", Name: "back of the hand", Area: "hands"},
	{ID: "fingers", Name: "fingers", Area: "hands", Joint: "fingers"},
	// hips and glutes
	{ID: "hip-crest", Name: "rim of the pelvis, at the top of the hip", Area: "hips"},
	{ID: "side-of-hip", Name: "side of the hip, below the rim of the pelvis", Area: "hips"},
	{ID: "hip", Name: "hip", Area: "hips", Joint: "hip"},
	{ID: "upper-glutes", Name: "upper buttock, below the rim of the pelvis", Area: "glutes"},
	{ID: "glutes", Name: "middle of the buttock", Area: "glutes"},
	{ID: "sacrum", Name: "flat bone at the base of the spine", Area: "glutes", Site: true},
	{ID: "sit-bones", Name: "sit bones, low in the buttock", Area: "glutes", Site: true},
	// legs and feet
	{ID: "upper-thigh", Name: "upper thigh", Area: "thighs"},
	{ID: "front-of-thigh", Name: "front of the thigh", Area: "thighs"},
	{ID: "back-of-thigh", Name: "back of the thigh", Area: "thighs"},
	{ID: "groin", Name: "groin, where the front of the thigh meets the body", Area: "thighs", Site: true},
	{ID: "lower-thigh", Name: "lower thigh, above the knee", Area: "thighs"},
	{ID: "knee", Name: "knee", Area: "legs", Joint: "knee"},
	{ID: "back-of-knee", Name: "back of the knee, the hollow behind it", Area: "legs", Site: true},
	{ID: "calf", Name: "calf", Area: "calves"},
	{ID: "shin", Name: "shin", Area: "calves"},
	{ID: "ankle", Name: "ankle joint", Area: "ankles", Joint: "ankle"},
	{ID: "ankle-bones", Name: "ankle bones", Area: "ankles", Joint: "ankle"},
	{ID: "heel", Name: "heel", Area: "feet"},
	{ID: "sole", Name: "sole", Area: "feet"},
	{ID: "arch", Name: "arch", Area: "feet"},
	{ID: "ball-of-foot", Name: "ball of the foot", Area: "feet"},
	{ID: "instep", Name: "instep, top of the foot", Area: "feet"},
	{ID: "foot-tendons", Name: "tendons on top of the foot", Area: "feet"},
	{ID: "sides-of-foot", Name: "sides of the foot", Area: "feet"},
	{ID: "big-toe", Name: "big toe", Area: "toes", Joint: "toes"},
	{ID: "second-toe", Name: "second toe", Area: "toes", Joint: "toes"},
	{ID: "middle-toe", Name: "middle toe", Area: "toes", Joint: "toes"},
	{ID: "fourth-toe", Name: "fourth toe", Area: "toes", Joint: "toes"},
	{ID: "little-toe", Name: "little toe", Area: "toes", Joint: "toes"},
}

var (
	areaByID     = map[string]*Area{}
	landmarkByID = map[string]*Landmark{}
)

func init() {
	for i := range Areas {
		areaByID[Areas[i].ID] = &Areas[i]
	}
	for i := range Landmarks {
		landmarkByID[Landmarks[i].ID] = &Landmarks[i]
	}
}

// AreaByID finds an area.
func AreaByID(id string) (Area, bool) {
	a, ok := areaByID[id]
	if !ok {
		return Area{}, false
	}
	return *a, true
}

// LandmarkByID finds a landmark.
func LandmarkByID(id string) (Landmark, bool) {
	l, ok := landmarkByID[id]
	if !ok {
		return Landmark{}, false
	}
	return *l, true
}

// Within reports whether area lies inside outer (or is outer).
func Within(area, outer string) bool {
	for a := area; a != ""; {
		if a == outer {
			return true
		}
		p, ok := areaByID[a]
		if !ok {
			return false
		}
		a = p.Parent
	}
	return false
}

// Overlaps reports whether two areas share any part: one holds the other.
func Overlaps(a, b string) bool { return Within(a, b) || Within(b, a) }

// Children lists the direct sub-areas of id.
func Children(id string) []Area {
	var out []Area
	for _, a := range Areas {
		if a.Parent == id {
			out = append(out, a)
		}
	}
	return out
}

// AreaNames gives every area id, for messages.
func AreaNames() string {
	ids := make([]string, len(Areas))
	for i, a := range Areas {
		ids[i] = a.ID
	}
	return strings.Join(ids, ", ")
}

// IsJoint reports whether id names a joint.
func IsJoint(id string) bool {
	_, ok := JointArea[id]
	return ok
}
