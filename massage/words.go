package massage

// The closed vocabularies of the model. Files use the ids; people read the names.
var (
	// HandParts are the parts of the giver's hands and arms that touch.
	HandParts = vocab("hand part",
		"fingertips", "fingertips",
		"finger-pads", "pads of the fingers",
		"fingers", "fingers",
		"thumbs", "thumbs",
		"palms", "palms",
		"heels-of-hands", "heels of the hands",
		"whole-hand", "whole hand, palm and fingers",
		"knuckles", "knuckles",
		"fist", "loose fist",
		"forearm", "forearm",
		"elbow", "elbow",
		"ball", "a ball pressed by the body against a wall")

	// Hands says which hand does a thing.
	Hands = vocab("hand",
		"left", "left hand",
		"right", "right hand",
		"both", "both hands",
		"one", "one hand",
		"other", "the other hand",
		"either", "either hand")

	// HandRoles says what a hand does in a two-handed move.
	HandRoles = vocab("hand role",
		"work", "works",
		"hold", "holds and steadies",
		"trail", "trails the other hand")

	// Motions are the kinds of movement a step makes.
	Motions = vocab("motion",
		"glide", "glide",
		"fan", "fan out",
		"circle", "small circles",
		"knead", "knead and roll",
		"squeeze", "squeeze",
		"rake", "rake",
		"rotate", "rotate the joint",
		"tap", "tap",
		"chop", "chop",
		"press-climb", "press and climb",
		"rub", "rub back and forth",
		"draw-through", "draw through the hair",
		"hold", "hold still")

	// Directions say where a move travels.
	Directions = vocab("direction",
		"up", "up",
		"down", "down",
		"up-and-down", "up and back down",
		"toward-crown", "toward the crown",
		"toward-top", "toward the top of the head",
		"toward-middle", "toward the middle",
		"inward", "inward",
		"outward", "outward",
		"away-from-spine", "away from the spine",
		"along-spine", "beside the spine, along it",
		"front-to-back", "from front to back",
		"back-to-front", "from back to front",
		"side-to-side", "from side to side",
		"back-and-forth", "back and forth",
		"across", "across",
		"around", "around",
		"toes-up", "from the toes upward",
		"in-place", "on the spot")

	// Turns say which way a circle turns, as the giver looks at the area.
	Turns = vocab("turn",
		"clockwise", "clockwise",
		"counterclockwise", "counterclockwise",
		"opposite", "the two hands turn opposite ways")

	// Levels are the pressure words, lightest first.
	Levels = vocab("pressure",
		"light", "light",
		"moderate", "moderate",
		"deep", "deep")

	// Profiles shape pressure within one stroke or over the passes.
	Profiles = vocab("pressure profile",
		"even", "even throughout",
		"firmer-upward-half", "firmer on the upward half of each circle",
		"build", "building slowly, pass by pass",
		"receiver-choice", "as the receiver likes it")

	// Sides say which side of the body a step works, and how the two sides share it.
	Sides = vocab("side",
		"none", "in the middle, no side",
		"left", "left side",
		"right", "right side",
		"both", "both sides at once",
		"each", "one side, then the other",
		"alternate", "the sides take turns",
		"swap-hands", "swap the hands and repeat")

	// Modes say who gives the massage.
	Modes = vocab("mode",
		"self", "self-massage",
		"partner", "for a partner",
		"both", "self or partner")

	// Families group techniques by what they do to the tissue.
	Families = vocab("family",
		"light-stroking", "light stroking",
		"deep-stroking", "deep stroking",
		"kneading", "kneading",
		"friction", "friction, small circles",
		"compression", "compression and squeezing",
		"percussion", "tapping and chopping",
		"joint-movement", "joint movement",
		"routine", "a sequence of moves")

	// Phases are the parts of a routine for one area, in order.
	Phases = vocab("phase",
		"warm-up", "warm-up",
		"work", "work",
		"finish", "finish")

	// Units are the units of a distance.
	Units = vocab("unit",
		"in", "inch",
		"cm", "centimetre",
		"mm", "millimetre")

	// CautionKinds say how a caution acts.
	CautionKinds = vocab("caution kind",
		"never-press", "never pressed on: a place the hands stay off",
		"gentle", "keep it gentle here",
		"contraindication", "do not do it when this condition is present",
		"practice", "how to do it safely",
		"ask", "ask the receiver")

	// CautionTimes say when a caution reaches the user.
	CautionTimes = vocab("caution time",
		"before", "before the session starts",
		"start", "as the move starts",
		"during", "during the move")

	// PrepKinds say whether a preparation is a task or a position to take.
	PrepKinds = vocab("preparation kind",
		"task", "something to do first",
		"position", "a position to take")

	// ConditionKinds are the conditions a user can say they have, and the
	// age groups with rules of their own. What each does to a plan, and why,
	// is catalog data (a ConditionRule per kind, with its sources);
	// conditionWhere tells what follows the colon: nothing, an area or a joint.
	ConditionKinds = vocab("condition",
		"fever", "a fever or an infection today",
		"possible-clot", "a swollen, hot, painful calf that could be a clot",
		"recent-stroke", "a recent stroke",
		"pregnancy", "pregnancy",
		"blood-thinners", "blood-thinning medicine or a bleeding disorder",
		"osteoporosis", "osteoporosis, weak bones",
		"recent-fracture", "a recent fracture",
		"recent-surgery", "a recent operation",
		"varicose-veins", "varicose veins",
		"skin-infection", "a skin infection",
		"numbness", "numbness, as in diabetic nerve damage",
		"fragile-skin", "fragile, thin skin that tears or bruises easily",
		"tumour-site", "a tumour site",
		"cancer-treatment", "cancer treatment",
		"heart-condition", "a heart condition",
		"epilepsy", "epilepsy",
		"unhealthy-scalp", "an unhealthy scalp: abrasions or skin disease",
		"inflamed-joint", "an arthritic, painful, hot or inflamed joint",
		"injury", "a recent injury",
		"wound", "an open wound",
		"skin-condition", "a skin condition",
		"sensitive", "a sensitive area",
		"infant", "a baby under one year",
		"child", "a child",
		"older-adult", "an older adult")
)
