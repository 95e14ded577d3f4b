package howto

import (
	"slices"
	"strings"
	"testing"
)

// TestPlacesWorked: a step's area is where the move works, and its areas
// every place it works; the giver's own body, how a body lies or rests,
// a place the other hand only holds and a head that only moves never
// count as places of their own.
func TestPlacesWorked(t *testing.T) {
	tests := []struct {
		in   string
		area string
		all  string
	}{
		{"Glide your palms from the neck over the shoulders, 5 times.", "shoulders", "shoulders neck"},
		{"Have your partner lie face down. Lean into the calf with your elbow and fold your arm to glide up slowly.", "calves", "calves"},
		{"Use your forearm to glide along the back, 4 times.", "back", "back"},
		{"Knead the belly of the calf for a minute.", "calves", "calves"},
		{"From the top of the table, facing their feet, knead the calves with both hands.", "calves", "calves"},
		{"With the side of your hand, chop along the thigh for 30 seconds.", "thighs", "thighs"},
		{"Pressing with the flat of your thumb, work along the muscles below the elbow in small circles.", "forearms", "forearms"},
		{"Support the forehead with one hand; with the other, squeeze the back of the neck, five times.", "neck", "neck"},
		{"Holding the heel in one hand, trace slow circles round the ankle bone with the fingertips of the other.", "ankles", "ankles"},
		{"Holding the forearm with both hands, twist gently in opposite directions, three passes.", "forearms", "forearms"},
		{"Lay one hand on the upper back and one on the lower back and hold still for 20 seconds.", "back", "back"},
		{"Drop your right ear towards your right shoulder and hold for 20 seconds.", "neck", "neck"},
		{"Bring the chin down to the chest and roll the head slowly from one shoulder to the other, 5 times.", "neck", "neck shoulders"},
		{"Kneel on the right knee with the left foot forward and shift your hips ahead until you feel a pull at the front of the right hip.", "hips", "hips"},
		{"Finish with a few feather-light strokes from knee to heel.", "calves", "calves"},
		{"Stroke from the top of the thigh down to the foot, 3 times.", "legs", "legs"},
		{"Sit with your chest resting on a cushion and knead the tops of the shoulders for a minute.", "shoulders", "shoulders"},
		{"Circle your fingertips on the forehead and cheeks, 10 times.", "face", "face"},
		// the chin drawn back or tucked works the neck; "a double chin" is
		// a likeness; a hand set still on the forehead with no verb is held
		{"Draw your chin straight back, as if making a double chin, and hold for five seconds.", "neck", "neck"},
		{"Tuck your chin in and hold for five seconds.", "neck", "neck"},
		// arms reached over the head put the hand there, they work no
		// scalp; fingertips tapping all over the head do
		{"Reach up over your head with the right hand, hold the elbow with the left and lean to the left for 20 seconds.", "arms", "arms"},
		{"Tap with your fingertips all over your head, half a minute.", "scalp", "scalp"},
		// a tilt said without a verb still works the neck; "chin to ear"
		// along the jaw is where a stroke runs
		{"1. Chin down to chest, hold 15 seconds.", "neck", "neck"},
		{"1. Finish with slow nods, chin to chest, 5 times.", "neck", "neck"},
		{"Roll your knuckles along the jaw edge, chin to ear, 5 times.", "jaw", "jaw face"},
		// a hand only resting on the head while it tips is no place; a
		// stretch felt "until the calf stretches" is where it works
		{"Gently tip your right ear towards your right shoulder and let your right hand rest lightly on the side of your head. Breathe there for 20 seconds.", "neck", "neck"},
		{"Let your left ear fall towards your left shoulder and rest your left hand lightly on the side of your head for 15 seconds.", "neck", "neck"},
		{"Stand facing a wall, step that foot back and press the heel into the floor, leaning in until the calf stretches.", "calves", "calves feet"},
		// the giver's hands leant through are no place; the web between
		// thumb and forefinger is the hand's
		{"Then lean into the heels of your hands either side of the spine at the low back and make slow circles for about a minute.", "lower-back", "lower-back"},
		{"Press your thumb into the web between thumb and forefinger and make small circles, 10 of them.", "hands", "hands"},
		// shoulder to elbow is the upper arm; the top of the arm is too
		{"Take hold of the opposite arm just below the shoulder. Squeeze and let go, moving down towards the elbow in four or five grips.", "upper-arms", "upper-arms"},
		{"Knead the top of the arm for half a minute.", "upper-arms", "upper-arms"},
		{"Pop the ball just to the side of your spine at belt level and roll it up and down, for about a minute.", "lower-back", "lower-back"},
		// from behind one ear down to the shoulder runs down the neck; the
		// receiver asked to let the chin drop moves the neck
		{"Glide your palm from behind one ear down to the shoulder, five times.", "neck", "neck scalp"},
		{"Ask them to slowly let their chin drop towards their chest and hold for 20 seconds.", "neck", "neck"},
		{"One hand on the forehead, tip the head forward, other hand kneads the muscles at the top of the neck 30 secs", "neck", "neck"},
		// A joint turned round is the place worked, over the part held to
		// turn it (which stays among its places: the hand is on it).
		{"Gently hold each foot and slowly rotate the ankles in one direction, then the other.", "ankles", "ankles feet"},
		{"Turn the wrist slowly in circles, three times one way and three times the other.", "wrists", "wrists"},
		{"Gently bend the wrist back with the other hand, fingers to the ceiling, and hold for 15 seconds.", "wrists", "wrists"},
		{"Hold her heel and turn the foot round slowly, five times one way, five the other.", "ankles", "ankles feet"},
		// A limb after a count and "each" says how often on each side.
		{"Stroke down the outside of each upper arm from shoulder to elbow, 5 times each arm.", "upper-arms", "upper-arms shoulders"},
		{"Take the thick fold of muscle at the front of your armpit between thumb and fingers and squeeze it, eight times.", "chest", "chest"},
		{"Raise one foot a few centimetres and draw slow circles with the ankle, 8 one way and 8 the other.", "ankles", "ankles feet"},
		{"Cup the heel in one hand, hold the front of the foot in the other and turn the ankle in slow circles.", "ankles", "ankles feet"},
		// "the top of it" is a part of the place named before it.
		{"Reach your left hand over to your right shoulder and squeeze the top of it, walking out to the point.", "shoulders", "shoulders"},
		{"Turn the hand over and stroke the back of it from the fingers to the wrist, 6 strokes.", "hands", "hands"},
		// The object of the move, not the hand that makes it.
		{"With your right thumb, draw slow circles over your left palm for a minute.", "hands", "hands"},
		{"Finish by shaking the hand out loosely for 10 seconds.", "hands", "hands"},
		{"Knead down both arms, moving toward the hand, 3 times.", "arms", "arms"},
		// Names the lexicon knows beside the body model's own.
		{"Knead the rhomboids with your thumbs, 5 times.", "upper-back", "upper-back"},
		{"Squeeze the deltoids for 30 seconds.", "shoulders", "shoulders"},
		{"Glide up the IT band from knee to hip, 4 times.", "thighs", "thighs"},
		{"Roll the balls of the feet over the ball for a minute.", "feet", "feet"},
		{"Press into the web of the thumb for 20 seconds.", "hands", "hands"},
		{"Stroke along the collarbones out to the shoulders, 5 times.", "chest", "chest"},
		// A move from the lower back up to the neck runs the back's length.
		{"Place both palms on the lower back and glide up to the neck, out over the shoulders, 6 times.", "back", "back shoulders"},
		// Beside the spine is on the back.
		{"Make small circles out from the spine with your palm, 5 times.", "back", "back"},
		// From the collarbone towards the face is the neck between them.
		{"Massage in upward strokes from the collarbone towards your face, 5 times.", "neck", "neck"},
		// Where one hand holds says less than where the move works.
		{"Hold the foot at the heel with one hand. Now rotate the toes while pressing, 5 times.", "toes", "toes"},
		{"Knead both arms, moving toward the person's hand, 3 times.", "arms", "arms"},
		// Stretched forward, the neck is the place worked, not a pose.
		{"Use one hand to help stretch your neck forward slowly, 3 times.", "neck", "neck"},
		// Where a stretch is felt is where it works, not the part that moves
		// (a list item: a stretch in running prose is the role model's call).
		{"1. Let your right heel sink slowly below the step until you feel a stretch down the back of the calf. Hold 30 seconds.", "calves", "calves"},
		// a heel pressed into the ground with the foot stepped back
		// stretches the calf
		{"• Put your hands on the back of the garden bench, step your right foot back and press the heel down into the grass. Hold for 30 seconds.", "calves", "calves feet"},
		{"f) Stand up, step one foot back and press that heel into the floor for 20 seconds each leg.", "calves", "calves feet"},
		// ... and outweighs where the hands are put; the body word there is a
		// place, never the giver's forearm.
		{"1. Palms together in front of your chest, then lower them slowly until you feel the pull in your forearms. Hold 20 seconds.", "forearms", "forearms chest"},
		{"1. Lying on your back, put your right ankle across your left knee and draw the left thigh in towards you until you feel a stretch in the right hip. Hold 30 seconds.", "hips", "hips ankles thighs"},
		{"1. Lie on your side, hold your top foot and draw your heel towards your seat until you feel a stretch down the front of the thigh. Hold 30 seconds.", "thighs", "thighs feet"},
		// Hands rested on the tummy work it; the ribs and hip bone of a
		// step after it are the front's edges.
		{"Rest both hands on tummy, breathe slowly, 1 min.", "abdomen", "abdomen"},
		{"- Rest both hands on tummy, breathe slowly, 1 min.\n- Right hand flat, start low on the right side by the hip bone, push gently up to the ribs, across under the ribs, down the left side. 10 rounds.", "abdomen", "abdomen"},
		// A heading that names the front outranks the step before.
		{"# Tummy\n\nRest both hands on the tummy for a minute.\n\n# Chest\n\nStroke out along the ribs, 5 times.", "chest", "chest"},
		// A joint turned, told in the past.
		{"Next I supported his heel and turned the ankle in small circles, five each way.", "ankles", "ankles feet"},
		// The chin lowered to the chest works the neck ("lower" is the
		// verb here, not "lower back").
		{"Finally, lower your chin to your chest very slowly and hold the stretch for twenty seconds.", "neck", "neck"},
		// "Let the ear drop to the shoulder" moves the head: the neck, not
		// the head the other hand rests on.
		{"Let your right ear drop towards your right shoulder and rest your right hand lightly on your head for 20 seconds.", "neck", "neck"},
		// "she spreads her fingers": the doer's own hand, not a place.
		{"First she spreads her fingers and rubs my whole scalp in small circles with the pads, for two minutes.", "scalp", "scalp"},
		// "give them a slow gentle tug": a tug given is a move.
		{"Grip handfuls of hair close to the roots and give them a slow gentle tug, all over the head.", "scalp", "scalp"},
		// The one part of a limb a move works by name, on a path along the
		// limb: "the calf muscle …, working up the leg" is the calf; a move
		// that travels to the ankle works the leg.
		{"Squeeze and lift the calf muscle between fingers and thumb, working up the leg for 1 minute.", "calves", "calves"},
		{"**Legs.** Hold one ankle loosely and, with your other hand curved round her thigh, draw the hand down to the ankle. Five times each leg.", "legs", "legs"},
		// The fingers combed through the hair are what combs.
		{"Lightly comb the fingers back through the hair from front to back, five times.", "scalp", "scalp"},
		// The mouth opened and closed against a hand works the jaw.
		{"Rest your thumb under your chin and gently open your mouth against it, hold 5 seconds.", "jaw", "jaw"},
		// The head let sink, hang, eased or pulled down by the chin works
		// the neck; the hands that steer it from the head are no place;
		// an ear pulled is the ear.
		{"Let your right ear sink towards your right shoulder and hold it for a slow count of ten.", "neck", "neck"},
		{"1. Clasp your hands behind your head and, keeping your elbows wide, ease your chin gently down towards your chest. Breathe there for three breaths.", "neck", "neck"},
		{"Then clasp your hands behind your head and let your head drop forward so your chin comes down. Hold for a slow count of ten.", "neck", "neck"},
		{"Put both hands on the back of your head and gently pull your chin down towards your chest; breathe slowly there for 15 seconds.", "neck", "neck"},
		{"Take the top of each ear between finger and thumb and pull the ears gently out to the sides, 5 times.", "ears", "ears"},
		// The palm of the hand the thumb does not belong to is a place,
		// and its heel is the palm's.
		{"With your right thumb, knead the palm of your left hand from the heel up to the base of each finger, one minute.", "hands", "hands"},
		// From the heel to the knee is the calf, whichever way the stroke
		// runs, when the heel is the only place on the foot.
		{"1. Effleurage: flat palms, heel to back of knee, 10 strokes.", "calves", "calves feet"},
		{"1. Hold the heel and stroke up the back of the calf to the knee, eight slow passes.", "calves", "calves feet"},
		// A heel lowered below a step, pushed to the floor or raised works
		// the calf; standing on the balls of the feet is a stance.
		{"1. Stand on the bottom stair on the balls of your feet, then lower one heel below the step and hold for 30 seconds, twice.", "calves", "calves feet"},
		{"1. Hang your right heel off the step and let it drop slowly; hold it for fifteen seconds.", "calves", "calves feet"},
		{"1. Stand up, put your hands on the desk and push one heel to the floor behind you. Hold 20 seconds each side.", "calves", "calves feet"},
		{"1. Sit with the ball under your heel and roll it from heel to toes on the floor, 1 minute.", "feet", "feet"},
		{"1. Stand up, hold the table, and rise onto your toes and lower slowly, 12 times.", "calves", "calves toes"},
		// "each fingertip" squeezed is a place, not the hand that works.
		{"Squeeze each fingertip for three seconds, thumb first, little finger last.", "hands", "hands"},
		// The temples found in a sentence of their own and circled in the
		// next are the face, under a scalp heading too.
		{"# Scalp\n\n1. Find the soft hollows of the temples. Circle there with two fingers, small and slow, ten times one way and ten the other.", "face", "face"},
		// Toes bent or curled are the toes, unless the step works another
		// part of the foot too.
		{"# Feet\n\n1. Bend the toes down and then pull them up, 10 times each way.", "toes", "toes"},
		{"# Feet\n\n1. Grab the toes in your fist and bend them gently forwards and back, a dozen times.", "toes", "toes"},
		{"# Feet\n\n1. Press your thumbs along the sole, then bend the toes back, 5 times.", "feet", "feet"},
		// Shoulders circled forwards are worked, not posed.
		{"Stand up and circle both shoulders forwards 10 times, then back 10 times.", "shoulders", "shoulders"},
		// The waistband is the lower back's edge: a stroke from it up to
		// the ribs works the lower back; the hip just below it is the hip.
		{"1. Press with your thumbs in small circles along the thick muscles beside the spine, from the waistband up to the ribs. Three slow passes.", "lower-back", "lower-back"},
		{"4. Knead the fleshy part of each hip, just below the waistband, 10 squeezes a side.", "hips", "hips"},
		// Bent knees rocked from side to side while lying work the lower back.
		{"1. Lie on your back with your knees bent. Rock your knees slowly side to side, ten times.", "lower-back", "lower-back legs"},
		// The doorway stretch works the chest, wherever the hands are put.
		{"1. Last one: hands on both sides of the frame above your head, and gently lean through for a count of ten, three times.", "chest", "chest"},
		// The receiver's hand named by its side, or held in both of yours,
		// is a place, not the giver's hand.
		{"# Arm rub\n\n1. Knead the forearm.\n2. Finish by holding his right hand in both of yours for a minute.", "hands", "hands"},
		{"# Arm rub\n\n1. Knead the forearm.\n2. Finish by just holding both her hands in yours for a minute or so.", "hands", "hands"},
		// The head pressed back into a towel works the neck.
		{"1. Lay the towel behind your neck. Press your head back gently into the towel and hold for a count of five; do this 4 times.", "neck", "neck"},
		// A face resting in the gap between pillows is how the body lies,
		// and in a lead-in it names no place for the steps under it; a face
		// cupped in the hands is worked.
		{"  Get him flat on his tummy on the bed, face in the gap between two pillows, and kneel at his side.\n  Walk your thumbs in little circles along the long muscles beside the spine, bottom to top, twice.", "back", "back"},
		{"1. To finish, cup his whole face in your hands and rest there for a few breaths.", "face", "face"},
		// The foot taken through circles turns the ankle; the giver's hands
		// swept in circles are no joint turned.
		{"1. Hold the ankle steady in one hand and with the other take the foot through slow circles, five each way.", "ankles", "ankles feet"},
		// "The hand cream" is a product, and "BACK PAGE" a page: neither is
		// a place.
		{"BACK PAGE\n\nTake a little of the hand cream from the tray and smooth long strokes up from the ankle to the back of the knee. Eight of them.", "calves", "calves ankles"},
		// "at chest height" says how high, no place; "pec" is the chest;
		// a hand for oneself that only moves itself is the place.
		{"5.1 Interlace your fingers and push your palms away from you at chest height until the backs of the wrists stretch. Hold 20 seconds.", "wrists", "wrists"},
		{"-> Walk your fingertips over the back of your left hand, slowly.", "hands", "hands"},
		// a span from the shoulder to the elbow on the upper arm named is
		// the upper arm, under a title about the shoulders too
		{"Shoulders after a day of painting ceilings\n\n1. Squeeze down the upper arm from shoulder to elbow in small handfuls, three passes.", "upper-arms", "upper-arms shoulders"},
		// a clause after ", where" tells what a place named is, by its
		// neighbours; it names no place of its own
		{"- Press your thumb into the front of the shoulder, where the arm joins the chest, and hold for ten seconds.", "shoulders", "shoulders"},
		// the flats of your forearms leant across a back are what the
		// giver works with; forearms pushed up on are a stance
		{"Session two\n\n1. Lean the flats of your forearms across his upper back and slide them slowly apart, 5 times.", "upper-back", "upper-back"},
		{"  - Lie down on your front and push up on your forearms, letting your lower back sag gently, for thirty seconds.", "lower-back", "lower-back"},
		// toes spread apart with the fingers are worked, not posed
		{"5.5 Spread the toes apart with your fingers and hold them spread for 15 seconds.", "toes", "toes"},
		// the receiver's hand opened or turned is worked, not posed
		{"Open his palm and press your thumbs in circles all over it, about a minute.", "hands", "hands"},
		// in self-massage a hand named by its side after a place word is
		// worked by the other one, unless it is the hand the part belongs
		// to ("with the heel of your right hand")
		{"Hands for yourself\n\n1. Thumb circles all over the left palm, 20 seconds.", "hands", "hands"},
		{"Hands for yourself\n\n1. With the heel of your right hand, stroke from the wrist up to the elbow crease, 8 times.", "forearms", "forearms wrists"},
		// the palm of a hand kneaded is worked; pressed onto a place, it works
		{"Knead the palm of one hand with the thumb of the other, in small circles, about 40 seconds.", "hands", "hands"},
		{"Press the palm of your hand onto the thigh and hold for ten seconds.", "thighs", "thighs"},
		// "the thumb side" says which side of a limb, no place of its own
		{"Find the tender spot in the fleshy ridge on the thumb side just below the elbow; press and hold it for 30 seconds.", "forearms", "forearms"},
		{"TIRED? TRY THIS:\n\n-> Make a fist, then fling the fingers wide open. 5 times.\n-> Walk your fingertips over the back of your left hand.", "hands", "hands"},
		{"[Back of card: Pip & Purl stitch markers]\n\n-> Walk your fingertips over the back of your left hand, from the knuckles to the wrist.", "hands", "hands"},
		{"BACK PAGE\n\nI start by holding her hand between both of mine for a few seconds, just to warm it.", "hands", "hands"},
		// Ear defenders are a thing to wear, no place.
		{"SAFETY: steel toecaps and ear defenders required.\n\n- sit on a hard chair with a tennis ball under the bum and lean into it, shifting about, 2 mins", "glutes", "glutes"},
		// A hand cupped still on the forehead only holds; the hollows just
		// below the skull are the top of the neck.
		{"1. One hand cupped on Mum's forehead, the other squeezing the back of her neck softly, working up to the hairline and down again, 4 times.", "neck", "neck"},
		{"1. With your fingertips, press gently into the hollows just below the skull, holding for 10 seconds.", "neck", "neck scalp"},
		// The ear tilt said short, with no verb, still works the neck.
		{"1. Tip your right ear to your right shoulder, hold 20 seconds.\n2. Then the left ear to the left shoulder.", "neck", "neck"},
		// A place the move names that lies inside the heading's area wins
		// over the heading, even named once ("the calf" under a title about
		// the legs); a place only headed for does not ("forward to the
		// toes" under a feet heading).
		{"# Legs after the run\n\n1. Hold the ankle and shake the calf gently side to side with the other hand, 10 secs.", "calves", "calves ankles"},
		{"# Feet\n\n1. Roll the ball forward to the toes and back, slowly, 12 times.", "feet", "feet"},
		// The whole hand circled on its wrist works the wrist; turned over,
		// the palm.
		{"Support the wrist and circle the hand slowly, 3 times each way.", "wrists", "wrists hands"},
		{"Hold her wrist and turn her hand slowly in circles, 5 each way.", "wrists", "wrists hands"},
		{"Wring the upper arm by turning your hands in opposite directions, twice.", "upper-arms", "upper-arms"},
		// Cheeks beside a line about the backside are the buttocks; on
		// their own, the face.
		{"Log notes\n\nbackside sore after the shift, so:\n* circle the hips slowly x10\n* lean R cheek on the ball on the door frame, roll 1 min", "glutes", "glutes"},
		{"Evening wind-down\n\n* circle the temples slowly x10\n* rest both palms on the cheeks for 1 min", "face", "face"},
		// "face down" in the title is how the body lies.
		{"Back rub (partner lying face down)\n\nKnead the flesh from the hip to the armpit, 4 times.", "back", "back hips"},
	}
	for _, tt := range tests {
		res, err := Import([]byte(tt.in), Options{})
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		s := res.Steps[len(res.Steps)-1]
		if s.Area != tt.area || strings.Join(s.Areas, " ") != tt.all {
			t.Errorf("%s\n got %s %v, want %s [%s]", tt.in, s.Area, s.Areas, tt.area, tt.all)
		}
	}
}

// TestPosesStillSayWhose: a body word that names no place worked ("keep
// your shoulders low", "kneel on your right knee") still says whose body it
// is, which decides whom the text is for.
func TestPosesStillSayWhose(t *testing.T) {
	for _, in := range []string{"Tip: keep your shoulders low while you work.", "Kneel on your right knee and hold for 30 seconds.",
		"Lean your chest on a cushion.", "Drop your ear towards your shoulder."} {
		s := &sentence{text: in}
		analyze(s)
		places := strings.Join(append(append([]string{}, s.areas...), s.landmarks...), " ")
		if s.self == 0 || places != "" && places != "neck" {
			t.Errorf("%s: self cues %d, places %q; want a self cue and no place but the neck", in, s.self, places)
		}
	}
}

// TestTorsoEdgesOfTheFront: in a text about the belly, a move that names
// only the ribs or the hips works the front's edges, not the back.
func TestTorsoEdgesOfTheFront(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Tummy rub for constipation\n\n1. Stroke from under the right ribcage across to the left ribcage, ten times.\n2. Glide from the inside of the left hip bone up to the ribs, ten times.\n", "abdomen"},
		{"This self-massage helps with constipation and with abdominal and pelvic aches, moving things along the intestine. Use cream on the fingertips and always go clockwise.\n\nStep 1: Massage from under the right ribcage, to the left ribcage, ten times.\n", "abdomen"},
		{"Lower back rub\n\n1. Stroke from the hips up to the lowest ribs with flat hands, ten times.\n", "lower-back"},
	} {
		res, err := Import([]byte(c.text), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range res.Steps {
			if s.Area != c.want && !(c.want == "lower-back" && s.Area == "back") {
				t.Errorf("%q: step %q works %q, want %q", c.text, s.Text, s.Area, c.want)
			}
		}
	}
}

// TestLimbUsedAsTool: a limb the giver works with ("use your free arm to
// knead …", "Use your feet to slide …") is no place worked.
func TestLimbUsedAsTool(t *testing.T) {
	firstOn(t, []placeCase{
		{"Lie on your side and use your free arm to knead your lower back beside the spine, ten times.\n", "lower-back"},
		{"Sit on the floor and use your feet to roll the ball under your calf, slowly, for a minute.\n", "calves"},
		{"Use your right hand to knead your left forearm from wrist to elbow, six times.\n", "forearms"},
		{"From behind, the massaging partner can use their hands or forearms to gently rub the lower back and sides.\n", "lower-back"},
		{"Glide your hand heel from the top of the thigh down to the knee, 8 times.\n", "thighs"},
		{"Stroke the whole leg hand over hand, from the hip down, 6 times.\n", "legs"},
		{"Pip tapped her fingertips all over Grandpa's back.\n", "back"},
		{"Finish by holding their hand between both of yours for a few seconds.\n", "hands"},
		{"Place the right hand on the waist and pull the left auricle gently outward, five times.\n", "ears"},
	})
}

// A stroke between the places either side of a part of a limb works that
// part: the foot between the ankle and the toes.
func TestStrokeBetweenTwoPlaces(t *testing.T) {
	firstOn(t, []placeCase{
		{"Stroke down from the ankle to the toes, three times.\n", "feet"},
		{"Run your fingers from the ankle to the toes, gently, four times.\n", "feet"},
		{"Bend the knee to 90 degrees and gently circle the ankle, 5 each way.\n", "ankles"},                                           // a joint turned, not the part between the two named
		{"Knead softly along the jaw, from the point of the chin back to the corner, three slow passes.\n", "jaw"},                     // the chin only where it starts
		{"Draw small circles with your fingertips along the ridge at the base of the skull, ear to ear, for half a minute.\n", "neck"}, // the top of the neck
		{"Walk your fingertips from the hairline back over the crown to the base of the skull, five rows.\n", "scalp"},                 // across the scalp
		{"Have him let his mouth hang slightly open, then circle your fingertips on the hinge of the jaw, ten circles.\n", "jaw"},
	})
}

// A part laid on a ball or a roller is the place the tool works, even a
// word that names the giver's hand part elsewhere ("with your forearm").
func TestPartLaidOnATool(t *testing.T) {
	firstOn(t, []placeCase{
		{"Roll your forearm over the lacrosse ball slowly for a minute.\n", "forearms"},
		{"Lean your forearm against the tennis ball on the wall and roll it up and down for a minute.\n", "forearms"},
	})
}

// Beside the spine is on the back: the spine itself is never pressed, the
// muscles either side of it are. Bounded by the lowest ribs and the belt
// line or the pelvis, it is the lower back.
func TestBesideTheSpine(t *testing.T) {
	firstOn(t, []placeCase{
		{"Press your thumbs along either side of the spine, slowly, five times.\n", "back"},
		{"Reach behind you with both hands and knead the muscles beside the spine for a minute.\n", "back"},
		{"Lean into the muscles beside the spine with the heels of both hands, moving up from the belt line to the bottom of the ribs; three passes.\n", "lower-back"},
		{"With the heels of both hands, press the thick muscles either side of the spine, from the bottom of the ribs down to the top of the pelvis.\n", "lower-back"},
		{"Now draw your palms down either side of the spine to the waist, and back up the sides of the ribs.\n", "back"}, // the length of the back
	})
}

// "It" after a part taken hold of is that part: the move works what the
// hands hold, whatever the title says the routine is about.
func TestPronounForThePlaceHeld(t *testing.T) {
	text := "Legs and tummy for a little one\n\n1. Holding the right ankle steady in one hand, grasp the right foot with your other hand. Rotate it gently a few times each way.\n\n2. Make slow clockwise circles on the tummy with a flat palm.\n"
	res, err := Import([]byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) == 0 || res.Steps[0].Area != "feet" && res.Steps[0].Area != "ankles" {
		t.Errorf("steps %+v, want the first on the foot or the ankle", res.Steps)
	}
}

// A slide from the shoulder up to just under the ear runs up the neck,
// whatever the title says the routine is for.
func TestShoulderUpToTheEar(t *testing.T) {
	text := "Indian head massage for yourself\n\n1. Use the flats of your fingers to press and slide up from your shoulder to under your ear. Repeat on both sides.\n\n2. Take small handfuls of hair and pull gently.\n"
	res, err := Import([]byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) == 0 || res.Steps[0].Area != "neck" {
		t.Errorf("steps %+v, want the first on the neck", res.Steps)
	}
}

// placeCase is a text and the area its first step should work.
type placeCase struct{ text, want string }

// firstOn imports each text and checks the area of its first step.
func firstOn(t *testing.T, cases []placeCase) {
	t.Helper()
	for _, c := range cases {
		res, err := Import([]byte(c.text), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Steps) == 0 || res.Steps[0].Area != c.want {
			t.Errorf("%q: steps %+v, want the first on %q", c.text, res.Steps, c.want)
		}
	}
}

// Something put under a part for comfort says how the receiver lies, not
// where the hands work: the chest under a pillow is no place of a back
// stroke told without one.
func TestSupportUnderIsNoPlace(t *testing.T) {
	firstOn(t, []placeCase{
		{"Lie on your front with a pillow under your chest.\n\nLean in with the heels of your hands, slowly, six times.\n", ""},
		{"She lies on her back with a rolled towel beneath the knees. Knead her thigh from the knee to the hip, five times.\n", "thighs"},
		// what the arm rests on, in a clause before the move, is no place worked
		{"Resting my forearm along my thigh, I knead from the wrist towards the elbow with my other hand, slowly.\n", "forearms"},
		{"Resting your hands on her shoulders, knead slowly in small circles for a minute.\n", "shoulders"},
	})
}

// A heading that names the title's area again adds little to it: the toe
// a step works outweighs the foot of "How to Give a Foot Massage" over
// "Foot massage step by step".
func TestHeadingSaysTitleAgain(t *testing.T) {
	firstOn(t, []placeCase{
		{"How to Give a Foot Massage\n\nFoot massage step by step\n\n1. Rotate each toe twice in each direction.\n", "toes"},
		{"How to Give a Foot Massage\n\n1. Rotate each toe twice in each direction.\n", "toes"},
	})
}

// The belt line is the lower back's landmark.
func TestBeltLine(t *testing.T) {
	firstOn(t, []placeCase{
		{"Make little circles with the heel of your hand on the thick muscle beside the spine just above her belt line, for two minutes.\n", "lower-back"},
	})
}

// Knees hugged to the chest stretch the place the text is about: the
// chest (or tummy) they are drawn to is no place worked, nor are the knees.
func TestKneesToChest(t *testing.T) {
	for _, txt := range []string{
		"Lie back and finish by hugging both knees to your chest and rocking gently for 30 seconds.",
		"Finish lying on your back with both knees hugged to your chest, rocking gently side to side for 30 seconds.",
		"Knees to chest, hug them and rock side to side for 30 sec.",
	} {
		s := &sentence{text: txt}
		analyze(s)
		if len(s.areas)+len(s.landmarks) > 0 {
			t.Errorf("%q: places %v %v, want none", txt, s.areas, s.landmarks)
		}
	}
	firstOn(t, []placeCase{
		{"Lower back release\n\n1. Lie back and hug both knees to your chest, rocking gently for 30 seconds.\n", "lower-back"},
		{"Tummy rub\n\n1. Knees to chest, hug them and rock side to side for 30 seconds.\n", "abdomen"},
	})
}

// The chewing muscle "in front of each ear" is the jaw, not the ears.
func TestInFrontOfEachEar(t *testing.T) {
	firstOn(t, []placeCase{
		{"Put the pads of your first two fingers on the big chewing muscle just in front of each ear, and circle slowly, about 20 seconds.\n", "jaw"},
		{"Rest two fingertips in front of both ears and circle slowly ten times.\n", "jaw"},
	})
}

// A move pressed into the hollows under the base of the skull works the
// top of the neck; one above it, the scalp.
func TestHollowsUnderTheSkull(t *testing.T) {
	firstOn(t, []placeCase{
		{"Find the ridge at the base of your skull and press into the soft hollows just under it with both thumbs. Hold 15 seconds.\n", "neck"},
		{"Hook your fingertips under the base of the skull and press upward for ten seconds.\n", "neck"},
		{"Place both thumbs just above the base of the skull and press in firmly for five seconds.\n", "scalp"},
	})
}

// The base of the spine and the dimples either side of it are the lower
// back, not the whole back.
func TestBaseOfTheSpine(t *testing.T) {
	firstOn(t, []placeCase{
		{"Rest one palm flat on the base of her spine and breathe with her for half a minute.\n", "lower-back"},
		{"With your thumbs, make slow circles in the dimples either side of her spine for about a minute.\n", "lower-back"},
		{"Press the heels of both hands into the bottom of the spine and hold for ten seconds.\n", "lower-back"},
	})
}

// A step on the temples alone works the face, even in a text about the
// scalp (as eight blind labellers in nine read it); with a place on the
// scalp beside them it works the scalp.
func TestTemples(t *testing.T) {
	firstOn(t, []placeCase{
		{"Face massage for tired eyes\n\n1. Circle slowly on your temples with two fingers, ten times.\n", "face"},
		{"Scalp massage before bed\n\n1. Circle slowly on your temples with two fingers, ten times.\n", "face"},
		// beside the crown, the scalp (under a title about the face the
		// place model reads the face: the step's areas list both)
		{"Evening wind-down\n\n1. Circle on the temples and up over the crown, ten times.\n", "scalp"},
	})
	res, err := Import([]byte("Face massage for tired eyes\n\n1. Circle on the temples and up over the crown, ten times.\n"), Options{})
	if err != nil || len(res.Steps) != 1 || !slices.Contains(res.Steps[0].Areas, "scalp") || !slices.Contains(res.Steps[0].Areas, "face") {
		t.Errorf("temples and crown under a face title: %+v %v, want the face and the scalp among its areas", res, err)
	}
}

// "As if walking round a clock face" says how the hand circles; it names
// no place on the face.
func TestClockFaceIsNoFace(t *testing.T) {
	firstOn(t, []placeCase{
		{"Tummy rub\n\nPress in gently with your fingertips round your belly, as if you're walking around a clock face. Go round twice.\n", "abdomen"},
		{"Next, press in gently with your fingertips along the same path, as if you're walking around a clock face.\n", ""},
	})
}

// Arms let hang are a pose, not a place the steps after work; a jaw let
// hang loose is the jaw worked.
func TestArmsLetHang(t *testing.T) {
	text := "MONDAY 13 JANUARY   Week 3\nDESK RESET: 5 MINUTES A DAY FOR YOUR NECK\nThis week we build a short routine one move at a time.\n" +
		"Today: Sit tall, feet flat, and let your arms hang. Place the fingertips of both hands on the back of your neck at the hairline and make slow circles down to the top of your shoulders. Ten circles.\n\n" +
		"TUESDAY 14 JANUARY   Week 3\nToday: Reach your right hand across to your left shoulder and squeeze the muscle between your fingers and the heel of your hand. Hold for five seconds, let go, and do it five times.\n"
	res, err := Import([]byte(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 2 || res.Steps[1].Area != "shoulders" {
		t.Errorf("steps %+v, want the second on the shoulders", res.Steps)
	}
	firstOn(t, []placeCase{{"Finally, rest your tongue behind your top teeth and let your jaw hang loose for ten breaths.\n", "jaw"}})
}

// A stroke from the top of the back to its bottom works the whole back.
func TestStrokeDownTheWholeBack(t *testing.T) {
	firstOn(t, []placeCase{
		{"Stroke from the neck down to the hips with both palms, six times.\n", "back"},
		{"Palms flat either side of the spine at the bottom, slide all the way up to the shoulders, ten times.\n", "back"},
		{"finish with a few long slow strokes from her neck to her bum, lighter each time.\n", "back"},
		{"Make small circles on her left shoulder with your thumb, ten times.\n", "shoulders"},
	})
}

// A place just above or below a joint names the part of the limb: below
// the elbow is the forearm, above the knee the thigh.
func TestBesideAJoint(t *testing.T) {
	firstOn(t, []placeCase{
		{"Place two fingertips about two finger-widths below the bony point on the outside of the elbow. Rub across the muscle for a minute.\n", "forearms"},
		{"Rub small circles on the arm just above the elbow, ten times.\n", "upper-arms"},
		{"Press your thumbs into the muscle just above the kneecap, on either side, and hold for 10 seconds.\n", "thighs"},
	})
}

// A part held in a pose while the hands work elsewhere is no place worked:
// "mouth slightly open", "eyes closed".
func TestPoseInPassing(t *testing.T) {
	firstOn(t, []placeCase{
		{"4 / JAW Find the muscle that bulges when you bite down, just in front of the ear. Circle it with two fingers for 30 seconds, mouth slightly open.\n", "jaw"},
	})
}

// A hand cupped round one place to steady it while the other works is no
// place worked.
func TestCuppedToSteady(t *testing.T) {
	firstOn(t, []placeCase{
		{"Cup the back of her head in one hand, and with the thumb and fingers of the other walk little circles up the neck either side of the spine, from the collar up to the skull.\n", "neck"},
	})
}

// The giver's own finger, named after "your" in a text for a partner, is
// what works, not where: "pull your finger gently off the toes".
func TestGiversOwnFinger(t *testing.T) {
	firstOn(t, []placeCase{
		{"Take each toe of baby between your forefingers and thumb, and pull down your finger gently off the toes.\n", "toes"},
	})
}

// Hands shaken out are the place the move works, not the hands that work:
// "Shake both hands out loosely" under a wrist heading is on the hands.
func TestShakenHandsAreThePlace(t *testing.T) {
	firstOn(t, []placeCase{
		{"WRIST AND FOREARM CARE\n\nShake both hands out loosely for 10 seconds.\n", "hands"},
		{"Wrist care for the desk\n\nShake out your hands by your sides for ten seconds.\n", "hands"},
		{"Forearm routine\n\nStand up and shake your hands out loose for a few seconds.\n", "hands"},
	})
}

// The hairline and the base of the skull are the scalp's edges: a move
// that runs from one of them along the neck works the neck.
func TestNeckBetweenTheScalpsEdges(t *testing.T) {
	firstOn(t, []placeCase{
		{"Scalp and neck\n\nSmall circles from the hairline down to the collar. 30 sec.\n", "neck"},
		{"Cup the back of the neck in one hand and gently squeeze and release, working up to the hairline, five squeezes.\n", "neck"},
		{"Stroke along the collar bone out to the shoulder, 5 times.\n", "chest"},
	})
}

// The buttocks are the glutes; where a stroke only starts or ends there, or
// the sentence says the hips, the back or the hips are worked.
func TestButtocksAreTheGlutes(t *testing.T) {
	firstOn(t, []placeCase{
		{"Make soft fists and press into the big muscle of the buttock in ten slow circles.\n", "glutes"},
		{"Roll the ball in small circles over the left buttock for about 30 seconds.\n", "glutes"},
		{"Long glides with both flat hands from the top of his bum up either side of the spine to the shoulder blades. 6 times.\n", "back"},
		{"Knead the top of the hips (the fleshy bit above the bum) like dough, both sides.\n", "lower-back"}, // just above the seat
		{"Finish with a few long slow strokes from her neck to her bum, lighter each time.\n", "back"},
		// the plural too, unless only named as an example
		{"Knead the tops of your buttocks with both hands for 30 seconds.\n", "glutes"},
		{"Knead bigger places, such as your buttocks or else the neck and shoulders, with both hands in turn.\n", "neck"},
	})
}

// What the giver works with is no place, however it is owned: "with her
// thumbs" in a story, "the heel of your own hand".
func TestWorkedWithIsNoPlace(t *testing.T) {
	firstOn(t, []placeCase{
		{"Hip warm-up\n\n1. The heel of your own hand sweeps up the side of the hip, ten times, firm and warm.\n", "hips"},
		{"She stroked his hands with her thumbs, slowly.\n", "hands"},
	})
}

// "with her thumbs" in a story told to its receiver is what the giver works
// with, not a place of the receiver's.
func TestWithHerThumbsInAStory(t *testing.T) {
	in := "Gran's back rub\n\nThen she'd squeeze the tops of your shoulders, one, two, three. Then little circles with her thumbs all along under your shoulder blades.\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Steps[len(res.Steps)-1]
	if !strings.HasPrefix(s.Text, "Then little circles") || s.Area != "upper-back" && s.Area != "back" {
		t.Errorf("last step %q on %s, want the circles on the back", s.Text, s.Area)
	}
}

// A hand used as a length is no place; just above the buttocks is the
// lower back; palms resting on a place hold it, unless they only wait
// there, set off after a comma, while the move works elsewhere.
func TestLengthsRestsAndTheSeat(t *testing.T) {
	firstOn(t, []placeCase{
		{"Lower back\n\n1. Lean back on the ball and roll it up and down over a hand's width, 1 minute.\n", "lower-back"},
		{"Kneading — knead the fleshy area above the buttocks for about 2 minutes.\n", "lower-back"},
		{"Evening routine\n\nFinish with both palms resting on your tummy for five slow breaths.\n", "abdomen"},
		{"Neck stretch\n\nDrop your chin to your chest and let it hang there for twenty seconds, hands resting on the back of your head.\n", "neck"},
	})
}

// A place gripped is the place worked when nothing else is named but where
// the move heads.
func TestGrippedPlaceWorked(t *testing.T) {
	firstOn(t, []placeCase{
		{"Reach your right hand across and grip the top of your left shoulder, then squeeze and let go, working out towards the arm. About ten squeezes.\n", "shoulders"},
	})
}

// The web between the thumb and the first finger is on the hand.
func TestWebOfTheThumb(t *testing.T) {
	firstOn(t, []placeCase{
		{"Forearm care\n\nPinch along the webbing between thumb and first finger for 10 seconds.\n", "hands"},
	})
}

// An ankle crossed over the other knee sets the ball under the buttock: it
// is how the legs lie, and the roll works the glutes; a ball set under
// the hip by a posture says where the move after it works.
func TestLegCrossedOverAndBallUnder(t *testing.T) {
	in := "After the long run\n\n- Sit on the floor, lean back on your hands and put the tennis ball under your right buttock.\n- Cross your right ankle over your left knee, and roll slowly around on the ball for a minute.\n- Lie on your side with the ball under the outside of your hip, just below the bony bit, and make small rolls up and down for 30 seconds.\n- Cross the leg over and circle the ankle both ways, 10 each.\n"
	res := importWithCatalog(t, in)
	var got []string
	for _, s := range res.Steps {
		got = append(got, s.Area)
	}
	want := []string{"glutes", "glutes", "hips", "ankles"}
	if len(got) < 4 || !slices.Equal(got[len(got)-4:], want) {
		t.Errorf("areas %q, want the last four %q", got, want)
	}
}

// A move that names a part of its heading's area works that part: the
// jaw under a face heading, the calf under a leg one. The heading only
// breaks a tie among the places the move names.
func TestPartUnderAWiderHeading(t *testing.T) {
	in := "Getting ready for mealtimes (face and mouth)\n\n1. Make slow firm circles on each cheek with two fingers, five each side.\n2. Stroke firmly along her jaw from just under the ear to the chin, three times each side.\n\nLeg care\n\n3. Squeeze the calf muscle between your palms from the heel up to the knee, three passes.\n"
	res := importWithCatalog(t, in)
	var got []string
	for _, s := range res.Steps {
		got = append(got, s.Area)
	}
	if want := []string{"face", "jaw", "calves"}; !slices.Equal(got, want) {
		t.Errorf("areas %v, want %v", got, want)
	}
}

// The cheeks of the bum are the glutes, and so are "both cheeks" just
// after the bum was worked; the cheeks of a face stay the face.
func TestCheeksOfTheBum(t *testing.T) {
	in := "Back and bum rub\n\n- Work the bum with your knuckles through the towel, slow circles all over, about 30 secs a side.\n- Press the palms down flat on both cheeks and rock them side to side 5 times.\n- Make loose fists and roll them over both cheeks of the bum at once for a minute.\n"
	res := importWithCatalog(t, in)
	for _, s := range res.Steps {
		if s.Area != "glutes" {
			t.Errorf("%q: area %q, want glutes", s.Text, s.Area)
		}
	}
	if len(res.Steps) != 3 {
		t.Errorf("steps %+v, want 3", res.Steps)
	}
	face := importWithCatalog(t, "Face rub\n\n- Make small circles on both cheeks with your fingertips for a minute.\n")
	if len(face.Steps) != 1 || face.Steps[0].Area != "face" {
		t.Errorf("face steps %+v, want the cheeks on the face", face.Steps)
	}
}

// "The same area" is the place of the step before, whatever the hands
// that work it are called.
func TestSameAreaAsBefore(t *testing.T) {
	in := "Lower back at the desk\n\n1. Press your thumbs into the muscles beside the spine at waist level and knead in small circles, about 30 s.\n2. Make fists and rub the knuckles firmly over the same area, up and down, 10 times.\n"
	res := importWithCatalog(t, in)
	if len(res.Steps) != 2 || res.Steps[1].Area != res.Steps[0].Area || res.Steps[0].Area == "" {
		t.Errorf("steps %+v: want the second on the first's place", res.Steps)
	}
}

// An ankle crossed over the other knee or thigh stretches the hip; with a
// ball under the buttock, the ball says where the move works.
func TestFigureFourStretch(t *testing.T) {
	in := "Hips\n\n1. Sit on the edge of a chair. Lay your left ankle on your right thigh and use your right hand to press the left knee gently down; hold 20 secs.\n2. Cross your right ankle over your left knee and let the right knee sink outwards.\n"
	res := importWithCatalog(t, in)
	if len(res.Steps) != 2 || res.Steps[0].Area != "hips" || res.Steps[1].Area != "hips" {
		t.Errorf("steps %+v: want two on the hips", res.Steps)
	}
	ball := importWithCatalog(t, "Ball work\n\n- Sit on the floor, lean back on your hands and put the tennis ball under your right buttock.\n- Cross your right ankle over your left knee, and roll slowly around on the ball for a minute.\n")
	if len(ball.Steps) != 2 || ball.Steps[1].Area != "glutes" {
		t.Errorf("ball steps %+v: want the second on the glutes, where the ball is", ball.Steps)
	}
}

// A chin glide draws the chin back: the neck, whatever the chin is.
func TestChinGlideIsTheNeck(t *testing.T) {
	in := "On the bus\n\n1 › Chin glides. Draw your chin straight back, then let it go forward again. 10 times, slowly.\n"
	res := importWithCatalog(t, in)
	if len(res.Steps) != 1 || res.Steps[0].Area != "neck" {
		t.Errorf("steps %+v: want one on the neck", res.Steps)
	}
}

// "Pec" is the chest, and "at shoulder height" only says how high: the
// doorway stretch in a list of home moves is a step on the chest.
// "Passenger lets the chin sink toward the chest" moves the head in the
// third person: it works the neck, not the face. Each case names its
// step by a piece of its text.
func TestPlacesInAList(t *testing.T) {
	for _, c := range []struct{ in, step, area string }{
		{"Home programme after each swim:\n  1) Squeeze the upper trap between fingers and thumb, neck to shoulder tip, 10x each side.\n  2) Pec stretch in doorway, elbow at shoulder height, 3 x 30 s.\n", "Pec stretch", "chest"},
		{"Seated shoulder routine\n\nFIG. 1  Passenger sits upright in a lounge seat. Helper stands behind.\nFIG. 2  Helper taps lightly with loose fists across the upper back for about 30 seconds.\nFIG. 3  Passenger lets the chin sink toward the chest while the helper rests a hand on each shoulder blade. Hold 3 breaths.\nFIG. 4  Helper finishes with long sweeps from the neck down over the shoulders, 3 times.\n", "chin sink", "neck"},
	} {
		res, err := Import([]byte(c.in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, s := range res.Steps {
			if strings.Contains(s.Text, c.step) {
				found = true
				if s.Area != c.area {
					t.Errorf("%q on %s, want %s", s.Text, s.Area, c.area)
				}
			}
		}
		if !found {
			t.Errorf("no step %q: %+v", c.step, res.Steps)
		}
	}
}
