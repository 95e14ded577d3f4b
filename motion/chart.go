package motion

import (
	"fmt"
	"sort"

	"github.com/knead/knead/massage"
)

// View is one body chart: a drawing in a unit square (x right, y down) with
// a millimetre scale for an average adult.
type View struct {
	ID   string
	Name string
	// MM is how many millimetres one side of the unit square spans.
	MM float64
	// Panels split a chart into pictures side by side (the sole and the top
	// of the foot); empty for a chart of one picture.
	Panels []Panel
	// Sides is true when the chart's left and right are the receiver's left
	// and right side (the back, the head from behind); false for a chart of
	// one limb or a profile, where "each side" means the other limb or the
	// other side of the head, drawn the same.
	Sides bool
	// Profile is true for a side view: both hands working a place that comes
	// in pairs (the temples, the ears) meet the same spot, one on the far side.
	Profile bool
	// Gap is how far apart (mm) two hands sit when they share one spot.
	Gap float64
	// Travel is how far (mm) a move goes when the step names one place and a
	// direction ("circle above the ears, moving up").
	Travel float64
	// MaxRadius caps the size (mm) of circles on this chart.
	MaxRadius float64
	// Hold is where a holding hand rests when the step does not say, per panel.
	Hold map[string]string
}

// Panel is one picture of a chart with panels, spanning X0–X1.
type Panel struct {
	ID, Name string
	X0, X1   float64
}

// Spot is where a landmark sits on a chart. A landmark in a pair (temples,
// shoulder blades) has a left and a right spot, as the chart is drawn.
type Spot struct {
	Landmark string
	Panel    string  // "" on a chart without panels
	Side     string  // "left", "right", or "" for a single spot
	At       Point   // in the unit square
	Size     float64 // mm: the radius of the place, for moves that go around it
	Lanes    int     // grooves side by side (the tendons on top of the foot)
}

// spine reports whether the chart shows the spine line: the back and the
// hips, where every contact keeps spineClearance beside it.
func (v *View) spine() bool { return len(spots[v.ID]["spine-line"]) > 0 }

// mm converts millimetres to units of the view's square.
func (v *View) mm(x float64) float64 { return x / v.MM }

var views = []*View{
	{ID: "back", Name: "the back", MM: 700, Sides: true, Gap: 90, Travel: 250, MaxRadius: 40,
		Hold: map[string]string{"": "tops-of-shoulders"}},
	{ID: "neck-shoulders", Name: "the neck and shoulders, from behind", MM: 500, Sides: true, Gap: 60, Travel: 80, MaxRadius: 30,
		Hold: map[string]string{"": "tops-of-shoulders"}},
	{ID: "head-back", Name: "the head from behind", MM: 250, Sides: true, Gap: 40, Travel: 30, MaxRadius: 18,
		Hold: map[string]string{"": "below-ears"}},
	{ID: "head-top", Name: "the head from above", MM: 250, Sides: true, Gap: 40, Travel: 30, MaxRadius: 18,
		Hold: map[string]string{"": "sides-of-head"}},
	{ID: "head-side", Name: "the head from the side", MM: 250, Profile: true, Gap: 30, Travel: 30, MaxRadius: 18,
		Hold: map[string]string{"": "chin"}},
	{ID: "hips", Name: "the hips and buttocks, from behind", MM: 500, Sides: true, Gap: 80, Travel: 120, MaxRadius: 40,
		Hold: map[string]string{"": "hip-crest"}},
	{ID: "torso-front", Name: "the front of the torso", MM: 700, Sides: true, Gap: 120, Travel: 150, MaxRadius: 110,
		Hold: map[string]string{"": "sternum"}},
	{ID: "arm", Name: "the arm held out", MM: 800, Gap: 60, Travel: 150, MaxRadius: 30,
		Hold: map[string]string{"": "wrist"}},
	{ID: "hand", Name: "the hand", MM: 240, Gap: 40, Travel: 50, MaxRadius: 15,
		Panels: []Panel{{"back", "back of the hand", 0, 0.5}, {"palm", "palm", 0.5, 1}},
		Hold:   map[string]string{"back": "fingers", "palm": "fingers"}},
	{ID: "leg", Name: "the leg from the side", MM: 1000, Profile: true, Gap: 110, Travel: 200, MaxRadius: 40,
		Hold: map[string]string{"": "knee"}},
	{ID: "foot", Name: "the foot", MM: 300, Gap: 60, Travel: 60, MaxRadius: 45,
		Panels: []Panel{{"sole", "sole", 0, 0.5}, {"top", "top of the foot", 0.5, 1}},
		Hold:   map[string]string{"sole": "instep", "top": "heel"}},
}

// spot tables: x and y in thousandths of the unit square, as drawn in
// chart_svg.go. A pair is written as two rows with Side left and right.
type spotRow struct {
	id, panel, side string
	x, y            float64
	size            float64
	lanes           int
}

var spotRows = map[string][]spotRow{
	"back": {
		{id: "back-of-neck", x: 500, y: 128},
		{id: "base-of-neck", x: 500, y: 165},
		{id: "tops-of-shoulders", side: "left", x: 340, y: 190}, {id: "tops-of-shoulders", side: "right", x: 660, y: 190},
		{id: "shoulder-joint", side: "left", x: 190, y: 245}, {id: "shoulder-joint", side: "right", x: 810, y: 245},
		{id: "shoulder-blades", side: "left", x: 338, y: 335}, {id: "shoulder-blades", side: "right", x: 662, y: 335},
		{id: "middle-back", side: "left", x: 430, y: 520}, {id: "middle-back", side: "right", x: 570, y: 520},
		{id: "ribs", side: "left", x: 300, y: 575}, {id: "ribs", side: "right", x: 700, y: 575},
		{id: "waist", side: "left", x: 275, y: 745}, {id: "waist", side: "right", x: 725, y: 745},
		{id: "lower-back", side: "left", x: 430, y: 800}, {id: "lower-back", side: "right", x: 570, y: 800},
		{id: "kidney-area", side: "left", x: 360, y: 665}, {id: "kidney-area", side: "right", x: 640, y: 665},
		{id: "spine-line", x: 500, y: 540},
	},
	"neck-shoulders": {
		{id: "back-of-head", x: 500, y: 90},
		{id: "base-of-skull", x: 500, y: 232},
		{id: "below-ears", side: "left", x: 392, y: 215}, {id: "below-ears", side: "right", x: 608, y: 215},
		{id: "back-of-neck", x: 500, y: 320},
		{id: "sides-of-neck", side: "left", x: 438, y: 330}, {id: "sides-of-neck", side: "right", x: 562, y: 330},
		{id: "base-of-neck", x: 500, y: 425},
		{id: "tops-of-shoulders", side: "left", x: 300, y: 462}, {id: "tops-of-shoulders", side: "right", x: 700, y: 462},
		{id: "shoulder-joint", side: "left", x: 135, y: 540}, {id: "shoulder-joint", side: "right", x: 865, y: 540},
		{id: "shoulder-blades", side: "left", x: 345, y: 680}, {id: "shoulder-blades", side: "right", x: 655, y: 680},
	},
	"head-back": {
		{id: "top-of-head", x: 500, y: 112},
		{id: "crown", x: 500, y: 245},
		{id: "sides-of-head", side: "left", x: 268, y: 330}, {id: "sides-of-head", side: "right", x: 732, y: 330},
		{id: "above-ears", side: "left", x: 305, y: 385}, {id: "above-ears", side: "right", x: 695, y: 385},
		{id: "back-of-head", x: 500, y: 420},
		{id: "back-of-head-middle", x: 500, y: 500},
		{id: "behind-ears", side: "left", x: 292, y: 505}, {id: "behind-ears", side: "right", x: 708, y: 505},
		{id: "ear", side: "left", x: 205, y: 480}, {id: "ear", side: "right", x: 795, y: 480},
		{id: "earlobe", side: "left", x: 214, y: 568}, {id: "earlobe", side: "right", x: 786, y: 568},
		{id: "base-of-skull", x: 500, y: 625},
		{id: "below-ears", side: "left", x: 312, y: 655}, {id: "below-ears", side: "right", x: 688, y: 655},
		{id: "hairline", x: 500, y: 722},
		{id: "back-of-neck", x: 500, y: 820},
		{id: "sides-of-neck", side: "left", x: 360, y: 835}, {id: "sides-of-neck", side: "right", x: 640, y: 835},
		{id: "base-of-neck", x: 500, y: 955},
	},
	"head-top": {
		{id: "forehead", x: 500, y: 172},
		{id: "hairline", x: 500, y: 262},
		{id: "front-hairline", side: "left", x: 420, y: 272}, {id: "front-hairline", side: "right", x: 580, y: 272},
		{id: "temples", side: "left", x: 272, y: 318}, {id: "temples", side: "right", x: 728, y: 318},
		{id: "sides-of-head", side: "left", x: 250, y: 440}, {id: "sides-of-head", side: "right", x: 750, y: 440},
		{id: "top-of-head", x: 500, y: 470},
		{id: "above-ears", side: "left", x: 245, y: 530}, {id: "above-ears", side: "right", x: 755, y: 530},
		{id: "ear", side: "left", x: 186, y: 530}, {id: "ear", side: "right", x: 814, y: 530},
		{id: "behind-ears", side: "left", x: 262, y: 640}, {id: "behind-ears", side: "right", x: 738, y: 640},
		{id: "crown", x: 500, y: 645},
		{id: "back-of-head-middle", x: 500, y: 790},
		{id: "back-of-head", x: 500, y: 835},
	},
	"head-side": {
		{id: "top-of-head", x: 520, y: 95},
		{id: "crown", x: 665, y: 135},
		{id: "front-hairline", x: 352, y: 195},
		{id: "hairline", x: 352, y: 195},
		{id: "forehead", x: 300, y: 280},
		{id: "sides-of-head", x: 520, y: 300},
		{id: "temples", x: 385, y: 375},
		{id: "above-ears", x: 590, y: 385},
		{id: "back-of-head", x: 790, y: 330},
		{id: "back-of-head-middle", x: 800, y: 420},
		{id: "ear", x: 585, y: 500},
		{id: "behind-ears", x: 668, y: 505},
		{id: "cheeks", x: 335, y: 520},
		{id: "jaw-joint", x: 505, y: 545},
		{id: "earlobe", x: 568, y: 592},
		{id: "base-of-skull", x: 742, y: 615},
		{id: "below-ears", x: 590, y: 665},
		{id: "chin", x: 268, y: 678},
		{id: "jaw-line", x: 395, y: 690},
		{id: "back-of-neck", x: 722, y: 790},
		{id: "sides-of-neck", x: 560, y: 810},
		{id: "front-of-neck", x: 440, y: 835},
		{id: "eyes", x: 345, y: 405},
		{id: "base-of-neck", x: 718, y: 960},
	},
	"hips": {
		// From behind, the rim of the pelvis near the top and the upper
		// thighs at the bottom: 500 mm from the waist down.
		{id: "spine-line", x: 500, y: 60},
		{id: "lower-back", side: "left", x: 420, y: 70}, {id: "lower-back", side: "right", x: 580, y: 70},
		{id: "waist", side: "left", x: 270, y: 80}, {id: "waist", side: "right", x: 730, y: 80},
		{id: "hip-crest", side: "left", x: 300, y: 200}, {id: "hip-crest", side: "right", x: 700, y: 200},
		{id: "sacrum", x: 500, y: 330},
		{id: "upper-glutes", side: "left", x: 380, y: 330}, {id: "upper-glutes", side: "right", x: 620, y: 330},
		{id: "side-of-hip", side: "left", x: 235, y: 340}, {id: "side-of-hip", side: "right", x: 765, y: 340},
		{id: "hip", side: "left", x: 195, y: 460}, {id: "hip", side: "right", x: 805, y: 460},
		{id: "glutes", side: "left", x: 345, y: 490, size: 60}, {id: "glutes", side: "right", x: 655, y: 490, size: 60},
		{id: "sit-bones", side: "left", x: 430, y: 650}, {id: "sit-bones", side: "right", x: 570, y: 650},
		{id: "upper-thigh", side: "left", x: 320, y: 800}, {id: "upper-thigh", side: "right", x: 680, y: 800},
	},
	"torso-front": {
		{id: "tops-of-shoulders", side: "left", x: 340, y: 190}, {id: "tops-of-shoulders", side: "right", x: 660, y: 190},
		{id: "pectorals", side: "left", x: 375, y: 310}, {id: "pectorals", side: "right", x: 625, y: 310},
		{id: "sternum", x: 500, y: 320},
		{id: "armpit", side: "left", x: 240, y: 330}, {id: "armpit", side: "right", x: 760, y: 330},
		{id: "tip-of-breastbone", x: 500, y: 470},
		{id: "stomach", x: 500, y: 690, size: 85},
		{id: "navel", x: 500, y: 705, size: 85},
		{id: "sides-of-belly", side: "left", x: 335, y: 720}, {id: "sides-of-belly", side: "right", x: 665, y: 720},
	},
	"arm": {
		{id: "shoulder-joint", x: 62, y: 505},
		{id: "upper-biceps", x: 170, y: 462},
		{id: "triceps", x: 255, y: 560},
		{id: "armpit", x: 95, y: 560},
		{id: "inner-upper-arm", x: 255, y: 505},
		{id: "inner-elbow", x: 430, y: 468},
		{id: "lower-biceps", x: 335, y: 468},
		{id: "elbow", x: 425, y: 502},
		{id: "forearm", x: 590, y: 496},
		{id: "wrist", x: 765, y: 497},
	},
	"hand": {
		{id: "back-of-hand", panel: "back", x: 262, y: 700, size: 30},
		{id: "fingers", panel: "back", x: 262, y: 380},
		{id: "wrist", panel: "back", x: 262, y: 930},
		{id: "palm", panel: "palm", x: 738, y: 700, size: 30},
		{id: "fingers", panel: "palm", x: 738, y: 380},
		{id: "wrist", panel: "palm", x: 738, y: 930},
	},
	"leg": {
		{id: "hip", x: 560, y: 65},
		{id: "upper-thigh", x: 525, y: 205},
		{id: "lower-thigh", x: 500, y: 360},
		{id: "front-of-thigh", x: 455, y: 280},
		{id: "back-of-thigh", x: 595, y: 290},
		{id: "knee", x: 440, y: 480},
		{id: "groin", x: 470, y: 115},
		{id: "back-of-knee", x: 545, y: 490},
		{id: "calf", x: 565, y: 640},
		{id: "shin", x: 420, y: 680},
		{id: "ankle", x: 462, y: 905, size: 35},
		{id: "ankle-bones", x: 478, y: 905},
		{id: "heel", x: 520, y: 968},
	},
	"foot": {
		// The top of the right foot, ankle up and toes down: the big toe is on the right.
		{id: "ankle", panel: "top", x: 750, y: 200, size: 30},
		{id: "ankle-bones", panel: "top", side: "left", x: 668, y: 195}, {id: "ankle-bones", panel: "top", side: "right", x: 835, y: 180},
		{id: "instep", panel: "top", x: 752, y: 400, size: 55},
		{id: "sides-of-foot", panel: "top", side: "left", x: 632, y: 530}, {id: "sides-of-foot", panel: "top", side: "right", x: 878, y: 530},
		{id: "foot-tendons", panel: "top", x: 752, y: 560, lanes: 4},
		{id: "ball-of-foot", panel: "top", x: 755, y: 725},
		{id: "big-toe", panel: "top", x: 852, y: 862},
		{id: "second-toe", panel: "top", x: 778, y: 870},
		{id: "middle-toe", panel: "top", x: 718, y: 860},
		{id: "fourth-toe", panel: "top", x: 668, y: 838},
		{id: "little-toe", panel: "top", x: 630, y: 804},
		// The sole of the right foot, toes up: the big toe is on the right too.
		{id: "heel", panel: "sole", x: 262, y: 855},
		{id: "sole", panel: "sole", x: 258, y: 540, size: 70},
		{id: "arch", panel: "sole", x: 318, y: 585},
		{id: "sides-of-foot", panel: "sole", side: "left", x: 132, y: 560}, {id: "sides-of-foot", panel: "sole", side: "right", x: 382, y: 620},
		{id: "ball-of-foot", panel: "sole", x: 272, y: 300},
		{id: "big-toe", panel: "sole", x: 356, y: 140},
		{id: "second-toe", panel: "sole", x: 280, y: 132},
		{id: "middle-toe", panel: "sole", x: 220, y: 148},
		{id: "fourth-toe", panel: "sole", x: 170, y: 176},
		{id: "little-toe", panel: "sole", x: 132, y: 218},
	},
}

var (
	viewByID = map[string]*View{}
	spots    = map[string]map[string][]Spot{} // view → landmark → spots
	paired   = map[string]bool{}              // landmarks that come in pairs on some chart
)

func init() {
	for _, v := range views {
		viewByID[v.ID] = v
		m := map[string][]Spot{}
		for _, r := range spotRows[v.ID] {
			m[r.id] = append(m[r.id], Spot{Landmark: r.id, Panel: r.panel, Side: r.side,
				At: Point{r.x / 1000, r.y / 1000}, Size: r.size, Lanes: r.lanes})
			if r.side != "" {
				paired[r.id] = true
			}
		}
		spots[v.ID] = m
	}
}

// Views lists the body charts.
func Views() []View {
	out := make([]View, len(views))
	for i, v := range views {
		out[i] = *v
	}
	return out
}

// ViewByID finds a chart.
func ViewByID(id string) (View, bool) {
	v, ok := viewByID[id]
	if !ok {
		return View{}, false
	}
	return *v, true
}

// Spots lists where a landmark sits on a chart (none when the chart does not
// show it).
func Spots(view, landmark string) []Spot {
	return append([]Spot(nil), spots[view][landmark]...)
}

// ViewsOf lists the charts that show a landmark, in chart order.
func ViewsOf(landmark string) []string {
	var out []string
	for _, v := range views {
		if len(spots[v.ID][landmark]) > 0 {
			out = append(out, v.ID)
		}
	}
	return out
}

// areaViews says which chart shows an area best, then the next best; and
// which landmark stands for the area when a step names none.
var areaViews = map[string]struct {
	views []string
	mark  string
}{
	"head":       {[]string{"head-back", "head-top", "head-side"}, "back-of-head"},
	"scalp":      {[]string{"head-back", "head-top", "head-side"}, "crown"},
	"face":       {[]string{"head-side", "head-top"}, "cheeks"},
	"jaw":        {[]string{"head-side"}, "jaw-line"},
	"ears":       {[]string{"head-back", "head-side", "head-top"}, "ear"},
	"neck":       {[]string{"neck-shoulders", "head-back", "head-side"}, "back-of-neck"},
	"shoulders":  {[]string{"neck-shoulders", "back"}, "tops-of-shoulders"},
	"back":       {[]string{"back", "neck-shoulders"}, "middle-back"},
	"upper-back": {[]string{"back", "neck-shoulders"}, "shoulder-blades"},
	"lower-back": {[]string{"back"}, "lower-back"},
	"chest":      {[]string{"torso-front"}, "pectorals"},
	"abdomen":    {[]string{"torso-front"}, "stomach"},
	"arms":       {[]string{"arm", "hand"}, "upper-biceps"},
	"upper-arms": {[]string{"arm"}, "upper-biceps"},
	"forearms":   {[]string{"arm"}, "forearm"},
	"wrists":     {[]string{"hand", "arm"}, "wrist"},
	"hands":      {[]string{"hand"}, "back-of-hand"},
	"hips":       {[]string{"hips", "leg"}, "side-of-hip"},
	"glutes":     {[]string{"hips"}, "glutes"},
	"legs":       {[]string{"leg", "foot"}, "upper-thigh"},
	"thighs":     {[]string{"leg"}, "upper-thigh"},
	"calves":     {[]string{"leg"}, "calf"},
	"ankles":     {[]string{"foot", "leg"}, "ankle"},
	"feet":       {[]string{"foot", "leg"}, "sole"},
	"toes":       {[]string{"foot"}, "big-toe"},
}

// showcase orders areas for a step that names no place and belongs to a
// technique of many areas: a big muscle shows a general move best.
var showcase = []string{"thighs", "shoulders", "upper-back", "back", "calves", "upper-arms", "neck",
	"scalp", "head", "lower-back", "glutes", "hips", "abdomen", "chest", "forearms", "feet", "hands", "wrists",
	"ankles", "toes", "arms", "legs", "ears", "face", "jaw"}

// viewFor picks the chart for a set of landmarks: the one that shows the
// most of them; ties go to the chart the area prefers.
func viewFor(marks []string, area string) (*View, error) {
	if len(marks) == 0 {
		av, ok := areaViews[area]
		if !ok {
			return nil, fmt.Errorf("no chart shows area %q", area)
		}
		return viewByID[av.views[0]], nil
	}
	score := map[string]int{}
	for _, m := range marks {
		if _, ok := massage.LandmarkByID(m); !ok {
			return nil, fmt.Errorf("unknown landmark %q", m)
		}
		for _, v := range ViewsOf(m) {
			score[v]++
		}
	}
	if area == "" {
		l, _ := massage.LandmarkByID(marks[0])
		area = l.Area
	}
	rank := func(v string) int {
		for i, p := range areaViews[area].views {
			if p == v {
				return i
			}
		}
		return 100
	}
	ids := make([]string, 0, len(score))
	for id := range score {
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("no chart shows %s", marks[0])
	}
	sort.Slice(ids, func(i, j int) bool {
		a, b := ids[i], ids[j]
		if score[a] != score[b] {
			return score[a] > score[b]
		}
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		return viewIndex(a) < viewIndex(b)
	})
	return viewByID[ids[0]], nil
}

func viewIndex(id string) int {
	for i, v := range views {
		if v.ID == id {
			return i
		}
	}
	return len(views)
}

// panelFor picks the panel most of the landmarks are on; a landmark on
// every panel does not vote, and a tie goes to the first landmark's first spot.
func panelFor(v *View, marks []string) string {
	if len(v.Panels) == 0 {
		return ""
	}
	votes := map[string]int{}
	first := ""
	for _, m := range marks {
		ss := spots[v.ID][m]
		if len(ss) == 0 {
			continue
		}
		if first == "" {
			first = ss[0].Panel
		}
		on := map[string]bool{}
		for _, s := range ss {
			on[s.Panel] = true
		}
		if len(on) == 1 {
			votes[ss[0].Panel]++
		}
	}
	best, n := first, -1
	for _, p := range v.Panels {
		if votes[p.ID] > n || (votes[p.ID] == n && p.ID == first) {
			best, n = p.ID, votes[p.ID]
		}
	}
	if n == 0 && first != "" {
		return first
	}
	return best
}

// spotOn finds a landmark's spot on a chart for one side ("left", "right" or
// ""), in the given panel when it is there.
func spotOn(v *View, panel, landmark, side string) (Spot, bool) {
	// the panel's spots counted as they come, the first two kept: no list
	// of them (a list a call was half a megabyte of an hour's export)
	var two [2]Spot
	n := 0
	for _, s := range spots[v.ID][landmark] {
		if s.Panel != panel {
			continue
		}
		if s.Side == side {
			return s, true
		}
		if n < 2 {
			two[n] = s
		}
		n++
	}
	if n == 0 {
		return Spot{}, false
	}
	if side == "" && n == 2 {
		// a pair asked for without a side: the middle of the two
		a, b := two[0], two[1]
		return Spot{Landmark: landmark, Panel: panel, At: lerp(a.At, b.At, 0.5), Size: a.Size}, true
	}
	return two[0], true
}
