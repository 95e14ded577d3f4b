// Package plan builds a massage routine from what a person asks for: the
// areas, the minutes of hands-on time, who gives it, how firm, what to
// avoid. It is the planner behind `knead plan` and POST /api/plan.
//
// # API
//
//	type Request struct {
//	    Areas      []string           `json:"areas"`              // area ids, coarse ("back") or fine ("calves")
//	    Minutes    float64            `json:"minutes"`            // hands-on time, 1–120
//	    Mode       string             `json:"mode,omitempty"`     // self, partner, "" = what fits
//	    Pressure   string             `json:"pressure,omitempty"` // light, moderate, deep ("" = moderate)
//	    Weights    map[string]float64 `json:"weights,omitempty"`  // per area asked; 1 when left out
//	    Conditions []string           `json:"conditions,omitempty"`
//	    Seed       int64              `json:"seed,omitempty"`     // the same request and seed give the same plan
//	    Techniques []string           `json:"techniques,omitempty"` // these alone, laid out by the web app; not read here
//	    Routine    string             `json:"routine,omitempty"`    // a kept routine played first, joined by the web app; not read here
//	}
//	func (r Request) Validate() error
//	func Make(cat *massage.Catalog, r Request) (*Plan, error)
//	func (p *Plan) Routine() *massage.Routine
//	func ConditionRules() []ConditionRule
//
// Plan's JSON is what `knead plan --json` prints and the web API answers:
// total_seconds, minutes, areas, mode, pressure, seed, conditions, prep[]
// (id, name, seconds, say, needs), items[] (technique, name, section, area,
// phase, seconds, pressure, side, cautions, note), excluded[] (technique,
// name, area, reason, condition), cautions[] (id, say, kind, when,
// techniques, areas, landmarks, sources), dropped[] and notes[]. Prep, items, excluded
// and cautions are never null.
//
// Errors the user can fix are *Error, with Field a JSON path into the
// request ("areas[1]", "minutes", "weights.back", "conditions[0]") and a
// Message saying what was expected: an unknown area or condition, minutes
// outside 1–120, too few minutes for anything (saying how many would do),
// more minutes than the safe moves can fill (saying how many they can, and
// where the work lacks in the mode asked), nothing safe left (on
// "conditions", "pressure" or "areas", whichever ruled the moves out,
// saying what ruled out each area), no technique at all for the areas (on
// "areas", naming nearby areas that have some). The
// command line exits 1 on them, the API answers 422. Any other error is
// the program's fault.
//
// # How a plan is made
//
// For each area asked (a section), every technique that works on it is
// judged once against the conditions and the asked pressure:
//
//   - unhealthy-scalp leaves out every move on the scalp;
//   - inflamed-joint:J leaves out all but light stroking over the joint and
//     right around it (its area, its landmarks, and neighbours such as the
//     lower thigh for the knee, which a move over the whole thigh passes),
//     and keeps that stroking light;
//   - injury, wound and skin-condition at an area leave out every move that
//     works on it or whose steps pass over it;
//   - sensitive at an area keeps every move there light and leaves out
//     moves whose own level is deep;
//   - the catalog's contraindications (cautions with a condition) leave out
//     the families they name where the condition is;
//   - a move is never planned firmer than asked; a move whose own level is
//     deep is left out when light is asked (it cannot be done lightly);
//     other moves are lightened and say so in their note.
//
// A condition rules a move out only where it works in the section: it is
// judged on its parts there (a wound on the feet leaves rotations on the
// arms), and over a coarse section a move ruled out on one part is planned
// on the first other part where it is safe, when its steps name no place
// of the section outside that part (rotations on the calves with an
// inflamed knee). Work on a part whose strokes a condition has all ruled
// out is left out: nothing is worked that cannot be warmed first.
//
// What is left out is listed with the technique, the area and the reason,
// naming the condition. Moves of the other mode are not listed. With no
// mode asked, the planner takes the mode for which more of the source
// texts' techniques are safe (partner on a tie; both when there are none).
//
// Each section then has slots: light strokes and deeper strokes to warm
// up, the work techniques in a seeded order (taking turns between the
// finer areas of a coarse request, the one spanning most of them first),
// deep strokes to finish and a closing move of the source's own (finishing
// circles for the feet). The section's parts are the finer areas its
// techniques are written for (partsIn): warm-up and finish cover every
// part the planned work touches, chosen greedily among strokes that cover
// most of what is left, preferring moves made for that phase and moves
// from the source texts over Knead's own, the seed breaking ties (kitFor).
// Parts with strokes but no work in the mode are stroked too when the time
// allows, with a note naming the other mode's work there. A technique
// whose area holds the section (a foot move asked for the toes) counts only
// when its steps reach the section. When no deeper warm-up stroke is safe,
// a deep stroke of the work opens the work.
//
// Time is split over the sections by weight, each getting at least its
// least (a light warm-up and one work technique) and at most what its
// moves can fill: every move at its longest and, when two or more work
// techniques can take turns, each of them three times (maxRounds).
// Within a section, work techniques are added while their usual times fit
// (with the strokes for any part they add), and the times are spread
// inside each technique's bounds, the work taking any extra first: while
// the work at its longest, with the warm-up and finish at their usual
// times, falls short, a second round of the best-liked work is added
// (repeat), then more techniques, then a third round said in Notes. A plan
// whose moves cannot fill the minutes is cut short and says so (MakeFor),
// or refused when it would be far too short. When the section's time is
// short, the finish's closing move, then its deep strokes, then the deeper
// warm-up strokes are dropped and Dropped says so. Seconds are rounded to 5 s (1 s where the bounds
// need it) and the plan adds up to the minutes asked unless cut short.
//
// Order: warm-up, work, finish in every section; inside a phase, the
// catalog's sequencing rules hold wherever they bind one way (stroking
// before kneading and deep stroking after it name each other, so the
// phases settle those), then a deep stroke opening the work first, then
// head to toe by the parts a move works on.
//
// A technique's seconds count both sides, as the catalog writes them: a
// move whose steps work one side and then the other is one item with side
// "each"; a move written for one side only is planned twice, left and
// right, with equal time.
//
// Preparations come from the techniques planned and from tasks for the
// areas worked in the mode; tasks before positions, longer tasks first, a
// task that comes after another right behind it. Their seconds are their
// own, not part of the minutes.
package plan
