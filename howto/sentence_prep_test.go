package howto

import (
	"slices"
	"strings"
	"testing"
)

// TestPreparationShapes: what the giver gets ready, written as people
// write it: in a list of what to have, in passing inside a sentence that
// already gets something ready, after a chat export's time stamp.
func TestPreparationShapes(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Shoulder rub\n\n- Ask him to take out his earrings and any necklace.\n\n1. Knead the tops of the shoulders for a minute.\n", []string{"jewellery"}},
		{"Foot rub\n\n1. Pat his feet dry, especially between the toes.\n2. Warm a little of his emollient in your hands.\n3. Stroke up the sole with both thumbs, 5 times.\n", []string{"dry", "cream", "warm-hands"}},
		{"Hand rub\n\nTake your watch off first, it can scratch.\n\n1. Press circles into the palm with your thumb.\n", []string{"jewellery"}},
		{"Foot rub\n\nYou need: clean hands and a little balm.\n\n1. Stroke from the toes to the ankle ten times.\n", []string{"wash", "cream"}},
		{"Arm rub\n\nWipe your hands, then warm the lotion in your palms.\n\n1. Glide up the forearm to the elbow, six times.\n", []string{"wash", "cream", "warm-hands"}},
		{"Leg rub\n\nThe cream is on the shelf - warm a blob between your hands first.\n\n1. Stroke up the shin, six times.\n", []string{"cream", "warm-hands"}},
		{"Leg rub\n\nRub a blob of unscented cream between your palms first so your hands aren't icy.\n\n1. Stroke up the shin, six times.\n", []string{"cream", "warm-hands"}},
		{"Leg rub\n\nHe takes the cream and rubs it between his hands.\n\n1. Stroke up the shin, six times.\n", []string{"cream", "warm-hands"}},
		{"Face rub\n\nYou'll need: freshly washed hands and a few drops of facial oil.\n\n1. Stroke up the cheeks, six times.\n", []string{"wash", "oil"}},
		{"Foot rub\n\nA bowl of warm water first, feet in for ten minutes, then pat them dry.\n\n1. Press along the arch with your thumbs.\n", []string{"soak", "dry"}},
		{"Scalp rub\n\nWhat you need:\n- clean, dry hair, brushed through\n- a chair with a back, or sit up in bed against the pillows\n\n1. Make small circles over the scalp with your fingertips for a minute.\n", []string{"clean-hair", "brush-hair", "position"}},
		{"[05/12/2026, 21:03] Sam: sit on the sofa with one foot up on the other knee\n[05/12/2026, 21:04] Sam: press your thumbs along the arch of the foot, slowly, five times\n", []string{"position"}},
		{"Neck rub\n\nWash the skin and dry it well.\n\n1. Stroke down the sides of the neck, six times.\n", []string{"wash", "dry"}},
		{"Scalp rub\n\nWash your hands and warm them under the tap; no oil needed.\n\n1. Circle the temples slowly, 10 times.\n", []string{"wash", "warm-hands"}},
		{"Knit break\n\n-> Rub your palms briskly together for 10 seconds until they feel warm.\n-> Circle your left wrist slowly, 5 times each way.\n", []string{"warm-hands"}},
		{"Back rub\n\nYou probably have no massage table, so have your wife lie face down on the bed.\n\n1. Glide both palms up the back, six times.\n", []string{"position"}},
		{"Scalp rub for Dad\n\n## Before\n\n- [ ] Rings and watch off, hands washed and warmed under the hot tap\n\n## The massage\n\n- [ ] Circle your fingertips over the scalp for a minute.\n", []string{"jewellery", "wash", "warm-hands"}},
		{"Tummy rub\n\nLay on your back with your knees bent and feet flat on the floor.\n\n1. Circle the belly clockwise with your fingertips, ten times.\n", []string{"position"}},
		{"Thigh rub\n\nHave a hot bath for ten minutes or so first if you can. Then take the rolling pin from the kitchen drawer.\n\n1. Roll the pin slowly up the front of the thigh, ten times.\n", []string{"soak", "tool"}},
		{"Foot rub\n\nBefore you begin massage check that your hands are clean and your nails fairly short.\n\n1. Stroke from the toes to the ankle ten times.\n", []string{"wash", "nails"}},
		// hands warmed told in the third person, or as a state; a posture
		// that opens the lead-in or the instruction
		{"Back rub\n\nShe rubs her hands together to warm them.\n\n1. Glide both palms up the back, six times.\n", []string{"warm-hands"}},
		{"Face rub\n\nHands warmed by rubbing together, then a drop of face oil on the fingertips.\n\n1. Stroke up the cheeks, six times.\n", []string{"warm-hands", "oil"}},
		{"Face rub\n\n1. Rub your palms briskly until they feel warm, then lay them over your face and hold for ten seconds.\n", []string{"warm-hands"}},
		{"Low back in bed\n\nLying on your back, knees bent:\n\n1. Rock your knees slowly side to side, ten times.\n", []string{"position"}},
		{"Jaw\n\na) Sitting at the desk, rest both elbows on it and knead the jaw muscles with your fingertips for a minute.\n", []string{"position"}},
		// dry told as the verb, let happen, or as a state to make sure of;
		// not a condition or a product
		{"Foot rub\n\nShoes off, and if it's been a sweaty day, dry them off with a clean towel.\n\n1. Press along the arch with your thumbs.\n", []string{"towel", "dry"}},
		{"Foot rub\n\nBoots off, and let your feet dry in the air for a minute.\n\n1. Press along the arch with your thumbs.\n", []string{"dry"}},
		{"Foot rub\n\n- Make sure your feet are dry: wipe off any sweat.\n\n1. Press along the arch with your thumbs.\n", []string{"dry"}},
		{"Foot rub\n\nIf the skin is dry, take a little more cream.\n\n1. Press along the arch with your thumbs.\n", []string{"cream"}},
		{"Scalp rub\n\nA festival of glitter and dry shampoo is hard on a scalp.\n\n1. Circle your fingertips over the scalp for a minute.\n", nil},
		// a frozen bottle rolled under the foot, a wide-toothed comb drawn
		// over the scalp: the tool
		{"Foot rub\n\nTake one of the frozen water bottles from the freezer.\n\n1. Roll the bottle under your left foot from heel to toes, 60 seconds.\n", []string{"tool"}},
		{"Scalp rub\n\nYou need a wide-toothed comb.\n\n1. Draw the teeth slowly back over the crown, ten strokes.\n", []string{"tool"}},
		// washing told without the hands named, and jewellery taken off
		// in passing
		{"Hands after the garden\n\n- Wash with soap and a nail brush, then pat dry.\n\n1. Press circles into the palm with your thumb.\n", []string{"wash", "dry"}},
		{"Neck rub\n\nTake off his glasses and your own watch.\n\n1. Squeeze the tops of the shoulders, ten times.\n", []string{"jewellery"}},
		{"Thighs after kneeling\n\nSit on the garden step. Wash the mud off your legs.\n\n1. Knead the front of the thigh, a minute.\n", []string{"position", "wash"}},
		{"Back rub\n\nYou need: 2 x your hands, warm and ring-free.\n\n1. Glide both palms up the back, six times.\n", []string{"warm-hands", "jewellery"}},
		// the receiver named where they lie or sit, told rather than asked
		{"Back rub\n\nMrs Kemp lies on her front on the bed with a pillow under her tummy.\n\n1. Glide both palms up the back, six times.\n", []string{"position"}},
		{"Arm rub\n\nClient sits well back in the chair.\n\n1. Glide up the forearm to the elbow, six times.\n", []string{"position"}},
		{"Leg flush\n\nThe post-race flush (runner lying face up on the couch, towel over them).\n\n1. Stroke up the thigh with both palms, six times.\n", []string{"position"}},
		// a posture told with where it is taken, in passing
		{"Neck release\n\n1. Sitting on a chair, close your eyes and let your arms hang down. Roll your head slowly, 5 times.\n", []string{"position"}},
		{"Foot rub\n\nThis works with her reclining face up on the sofa.\n\n1. Stroke from the toes to the ankle ten times.\n", []string{"position"}},
		// washing told with what is washed off, a shower first, hands warmed
		// round a mug, oil warmed in the palms past an aside
		{"Forearm care\n\nWash off the lime and sugar and dry your hands properly first.\n\n1. Glide up the forearm to the elbow, six times.\n", []string{"wash", "dry"}},
		{"Calf rub\n\nPlease shower before you sit down on the benches.\n\n1. Stroke up the calf with both palms, six times.\n", []string{"wash"}},
		{"Shoulder rub\n\n1. Wrap both hands round the mug until they're warm, then lay them over the top of your shoulders for a slow count of ten.\n", []string{"warm-hands"}},
		{"Hand rub\n\nWarm a blob of the almond oil (on the dresser, by the lamp) between your palms.\n\n1. Press circles into the palm with your thumb.\n", []string{"oil", "warm-hands"}},
		{"Hamstring roll\n\nSit on the floor. Slide the roller into the open space under your thighs.\n\nRoll slowly from the knee to the buttock for 30 seconds.\n", []string{"position", "tool"}},
		// jewellery said to come off however the sentence is put
		{"Scalp rub\n\nHair ties out and earrings off, please.\n\nCircle your fingertips over the scalp for a minute.\n", []string{"jewellery"}},
		{"Arm rub\n\nAmy, take your rings off.\n\nGlide up the forearm to the elbow, six times.\n", []string{"jewellery"}},
		{"Shoulder rub\n\nFirst I take off my wedding ring.\n\nKnead the tops of the shoulders for a minute.\n", []string{"jewellery"}},
		// a posture told in passing: "sat", "comfy on the sofa", a pew; a
		// limb that rests on a pillow; a picture's place before the line
		{"Neck rub\n\nThis is what I do most mornings, sat on the edge of the bed with my back straight.\n\nStroke down the sides of the neck, six times.\n", []string{"position"}},
		{"Foot rub\n\nGet the receiver comfy on the sofa with their feet on your lap.\n\nStroke from the toes to the ankle ten times.\n", []string{"position"}},
		{"Hand care\n\nYou can do it sitting in the pew before the service.\n\nPress circles into the palm with your thumb.\n", []string{"position"}},
		{"Hand rub\n\nYour partner rests their hand palm up on a cushion on your knee.\n\nPress circles into the palm with your thumb.\n", []string{"position"}},
		{"Hand rub\n\n- A pillow across the patient's lap so the hand can rest on it.\n\nPress circles into the palm with your thumb.\n", []string{"position"}},
		{"Face rub\n\n  [pictogram: seat]   Sit back, feet flat, head against the headrest.\n\nStroke up the cheeks, six times.\n", []string{"position"}},
		// a butter or salve warmed between the hands; a posture told as
		// "stay seated", feet flat on the floor, sitting cross-legged
		{"Foot rub\n\nRub a bit of cocoa butter between your hands.\n\nStroke from the toes to the ankle ten times.\n", []string{"cream", "warm-hands"}},
		{"Foot rub\n\nRub a little of the camp foot cream between your hands to warm it.\n\nStroke from the toes to the ankle ten times.\n", []string{"cream", "warm-hands"}},
		{"Ankles\n\nStay seated and lift one foot a little off the floor.\n\nCircle the ankle slowly, five times each way.\n", []string{"position"}},
		{"Shoulders\n\nCrew member seated, feet restrained (flat on floor).\n\nKnead the tops of the shoulders for a minute.\n", []string{"position"}},
		{"Shoulders\n\nYOU NEED: everyone sitting cross-legged on the floor in one long line.\n\nKnead the tops of the shoulders for a minute.\n", []string{"position"}},
		// a tool named as a thing in an instruction; something warmed or
		// melted in the hands; hands washed in a story; a chair sat on
		// backwards; armchairs
		{"Feet\n\n- Roll the ball under one foot from heel to toes and back, for a minute.\n", []string{"tool"}},
		{"Thighs\n\nLie face down on the mat with the roller under the tops of your thighs. Roll slowly from just below the hip to just above the knee, 10 times.\n", []string{"tool"}},
		{"Forearms\n\nWarm a bit of the E45 in your hands first, his skin is really dry.\n\nStroke up the forearm, six times.\n", []string{"warm-hands"}},
		{"Hands\n\nTake a pea-sized bit on a fingertip and melt it between your palms for a few seconds.\n\nStroke the back of the hand, six times.\n", []string{"warm-hands"}},
		{"Face\n\nYou lie back on the bed. Jess washes her hands and warms the moisturiser between her palms.\n\nStroke up the cheeks, six times.\n", []string{"wash", "position"}},
		{"Shoulders\n\nYour mate sits backwards on a desk chair, arms folded on the backrest.\n\nKnead the tops of the shoulders for a minute.\n", []string{"position"}},
		{"Hands\n\nWe'll sit in a circle in the armchairs.\n\nPress circles into the palm with your thumb.\n", []string{"position"}},
		// the receiver put somewhere with no verb; hair dry; feet washed and
		// dried; nails kept short inside a caution
		{"Scalp\n\nClient on the low-backed chair, feet flat, towel across the shoulders.\n\nCircle your fingertips over the scalp for a minute.\n", []string{"position", "towel"}},
		{"Feet\n\nDo it with her in the recliner, feet up on the footstool.\n\nStroke from the toes to the ankle ten times.\n", []string{"position"}},
		{"Scalp\n\nHis hair wants to be dry and combed through first, so nothing tugs.\n\nCircle your fingertips over the scalp for a minute.\n", []string{"dry"}},
		{"Feet\n\n* Wash and dry her feet well, especially between the toes.\n* Stroke from the toes to the ankle ten times.\n", []string{"wash", "dry"}},
		{"Scalp\n\nMarjorie's warnings: don't scratch with your nails, and keep them short.\n\nCircle your fingertips over the scalp for a minute.\n", []string{"nails"}},
		// something washed or rinsed off the hands; a shower had before
		{"Forearms\n\nWash the flour off your hands first.\n\nGlide up the forearm to the elbow, six times.\n", []string{"wash"}},
		{"Hands\n\nRinse the salt off your hands with fresh water and dry them well.\n\nPress circles into the palm with your thumb.\n", []string{"wash", "dry"}},
		{"Calves\n\nGet him lying on his front on the floor, after his shower.\n\nStroke up the calf with both palms, six times.\n", []string{"wash", "position"}},
		// skin dried, however it is put
		{"Feet\n\nWash your feet in warm water and pat them completely dry.\n\nStroke from the toes to the ankle ten times.\n", []string{"dry"}},
		{"Feet\n\n(1) Towel your feet dry, especially between the toes.\n(2) Stroke from the toes to the ankle ten times.\n", []string{"dry"}},
		{"Hands\n\nWash and dry your child's hands first.\n\nPress circles into the palm with your thumb.\n", []string{"dry"}},
		{"Scalp\n\nSit your partner on a low stool. Comb out their hair first.\n\nCircle your fingertips over the scalp for a minute.\n", []string{"brush-hair"}},
		// something washed or scrubbed off, hands washed in a story; hands
		// warmed with the oil in them, or rubbed until warm
		{"Forearms\n\nWash the chalk off first, properly, with soap.\n\nGlide up the forearm to the elbow, six times.\n", []string{"wash"}},
		{"Hands\n\nShe scrubs the ink off first, then we sit side by side.\n\nPress circles into the palm with your thumb.\n", []string{"wash"}},
		{"Face\n\nWashed my hands and warmed a pea of face cream between my palms.\n\nStroke up the cheeks, six times.\n", []string{"wash", "warm-hands", "cream"}},
		{"Feet\n\nPress your palms together and rub them until they feel warm.\n\nStroke from the toes to the ankle ten times.\n", []string{"warm-hands"}},
		{"Feet\n\nPour a few drops of oil into your palm and warm it.\n\nStroke from the toes to the ankle ten times.\n", []string{"oil", "warm-hands"}},
		{"Feet\n\nThen I rubbed the peppermint balm into my hands and stroked up from the toes to the ankle.\n", []string{"cream", "warm-hands"}},
		// dried, however it is told; propped up; a volunteer who sits down
		{"Neck\n\nAfter a cold swim, get dry and dressed first.\n\nStroke down the sides of the neck, six times.\n", []string{"dry"}},
		{"Scalp\n\nGet her sat down indoors with her hair towelled and still damp.\n\nCircle your fingertips over the scalp for a minute.\n", []string{"dry"}},
		{"Neck\n\nThe giver stands, the swimmer sits, towel dried and hat off.\n\nStroke down the sides of the neck, six times.\n", []string{"dry", "position"}},
		{"Face\n\nProp them up on cushions so the nose can drain.\n\nStroke out along the cheekbones, six times.\n", []string{"position"}},
		// a seat taken after something got ready; who sits, named by what they get
		{"Chest\n\nTowel off properly first and sit on the harbour wall or a bench with your back straight.\n\nStroke out along the collarbones, six times.\n", []string{"towel", "position"}},
		{"Scalp\n\n- What you need: a chair, a brush, five minutes\n- Person getting it sits down, person doing it stands behind\n\nCircle your fingertips over the scalp for a minute.\n", []string{"position"}},
		{"Calves\n\nUnlace fully and take the boots right off, then sit on the grass with your legs out straight.\n\nKnead the calf for a minute.\n", []string{"position"}},
		{"Calves\n\nWalkers lie down on the blankets, face down, feet hanging off the end.\n\nKnead the calf for a minute.\n", []string{"position"}},
		{"Shoulders\n\nGoggles off, stand tall, arms loose by your sides.\n\nKnead the tops of the shoulders for a minute.\n", []string{"position"}},
		{"Shoulders\n\nOne of you sits astride the bench facing forward; the other sits behind.\n\nKnead the tops of the shoulders for a minute.\n", []string{"position"}},
		{"Jaw\n\nSeated, elbows on table.\n\nCircle your fingertips over the jaw muscle for a minute.\n", []string{"position"}},
		{"Feet\n\n2. Sitting with one foot across your knee, press your thumbs along the sole.\n", []string{"position"}},
	} {
		wantPreps(t, c.text, c.want, Options{})
	}
}

// wantPreps imports text with opt and checks that each kind of want is
// among its preparations.
func wantPreps(t *testing.T, text string, want []string, opt Options) {
	t.Helper()
	res, err := Import([]byte(text), opt)
	if err != nil {
		t.Errorf("%q: %v", text, err)
		return
	}
	var got []string
	for _, p := range res.Prep {
		got = append(got, p.Kind)
	}
	for _, k := range want {
		if !slices.Contains(got, k) {
			t.Errorf("%q: preparations %v, want %s among them", text, got, k)
		}
	}
}

// TestWarmHandsHeld: hands said to be warm ("your warm hands", "the warm
// palms") are held on a place, and nothing is got ready; "Start with warm
// hands" readies them. "DO:" labels the line of a stage direction.
func TestWarmHandsHeld(t *testing.T) {
	res, err := Import([]byte("Shoulder rub\n\nSAY: The storm has passed.\nDO: Knead the shoulders for a minute.\nDO: Hold your warm hands still on their shoulders for a few seconds, then lift them off slowly.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) == 0 || !strings.HasPrefix(res.Steps[0].Text, "DO: Knead") {
		t.Errorf("steps %+v, want the kneading first", res.Steps)
	}
	for _, p := range res.Prep {
		if p.Kind == "warm-hands" {
			t.Errorf("preparation %q read as warming the hands", p.Text)
		}
	}
	res, err = Import([]byte("Hand rub\n\nStart with warm hands and a little lotion.\n\n1. Press circles into the palm with your thumb.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range res.Prep {
		found = found || p.Kind == "warm-hands"
	}
	if !found {
		t.Errorf("preparations %+v, want warm-hands", res.Prep)
	}
}

// TestPositionShapes: the receiver's or one's own position named in a
// sentence that is not an order to sit or lie.
func TestPositionShapes(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"Pick an upright sitting position on a firm chair.", true},
		{"Get the receiver into a good position so you can reach the back.", true},
		{"It is easier if you sit down and pull the knee up.", true},
		{"Hold this position for ten seconds.", false},
		{"Many of us spend all day at a desk, and you sit at yours too long.", false},
		{"Rest one of their hands palm down on the cushion on their lap.", true},
		{"rest the forearm on your thigh palm up and use the other thumb to push slowly", true},
		{"A table to rest your forearm on", true},
		{"Rest your hands on her shoulders for three breaths.", false},
		{"You have a long shower first, and then you lie on your front with a pillow under your chest.", true},
		{"Make slow circles on her back with both palms.", false},
		{"For this your partner should be lying on his or her back.", true},
		{"Whilst sitting in a chair with feet on the floor, bend your neck forward.", true},
		{"After sitting in a chair all day the neck gets stiff.", false},
		{"They have been sitting on the sofa too much.", false},
		{"Rest two fingers on the jaw joint and circle gently.", false},
		{"Sitting in the recliner, legs up on the footstool, towel under the heels.", true},
		{"Candidates perform the routine on a model lying prone, with a bolster under the ankles.", true},
		{"Get her leaning forward over the birth ball or the back of a chair.", true},
		{"I'll be sitting at the kitchen table with my arm on a folded towel.", true},
		{"Humans were not meant to sit at a desk for 8 hours a day.", false},
		{"Assume you are sitting upright with your elbows on the desk and your hair tied back.", true},
	}
	for _, tt := range cases {
		got := positionTold(tokenize(tt.in))
		if got != tt.want {
			t.Errorf("positionTold(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestBriefTurnsOnASide: a short turn to the other side after moves on one side is
// a step of its own on the other side, neither lost nor glued to the move
// before. After moves on no side named, a turn that says it plays them
// again ("Repeat on the left.") is one; a side only named ("Now the left
// wrist.") is no turn, but the role model (trained up to heldout485, as
// the blind labellers read such lines) makes it a step of its own, with
// no side; after moves on the same side neither is.
func TestBriefTurnsOnASide(t *testing.T) {
	cases := []struct {
		moves, turn string
		want        int
	}{
		{"Circle the right wrist with your thumb for 20 seconds.", "Repeat on the left.", 2},
		{"Circle the right wrist with your thumb for 20 seconds.", "Do the same on the left side.", 2},
		{"Circle the left wrist with your thumb for 20 seconds.", "Now the other hand.", 2},
		{"Circle the left wrist with your thumb for 20 seconds.", "Swap.", 2},
		{"Circle the wrist with your thumb for 20 seconds.", "Repeat on the left.", 2}, // the moves again: the first side went unnamed
		{"Circle the left wrist with your thumb for 20 seconds.", "Repeat on the left.", 1},
		{"Circle the wrist with your thumb for 20 seconds.", "Now the left wrist.", 2},
	}
	for _, tt := range cases {
		in := "Wrist rub\n\n1. " + tt.moves + "\n2. " + tt.turn + "\n"
		res, err := Import([]byte(in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Steps) != tt.want {
			t.Errorf("%q then %q: %d steps, want %d", tt.moves, tt.turn, len(res.Steps), tt.want)
			continue
		}
		if tt.want == 2 && res.Steps[1].Side == "" && !strings.HasPrefix(tt.turn, "Now the left") {
			t.Errorf("%q: the turn has no side", tt.turn)
		}
	}
}

// The ball of the foot is no tool, nor is the wall one leans on.
func TestBallOfTheFootIsNoTool(t *testing.T) {
	res, err := Import([]byte("Feet\n\n- Press your thumbs into the ball of the foot for a minute.\n- Lean against the wall and stroke up the calf, six times.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Prep {
		if p.Kind == "tool" {
			t.Errorf("preparations %+v: want no tool", res.Prep)
		}
	}
}

// Feet said to be dry and tired are how they are, nothing got ready.
func TestDryFeetAsTheyAre(t *testing.T) {
	res, err := Import([]byte("Feet\n\nChlorine and cold tiles leave many of us with dry, tired feet.\n\nStroke from the toes to the ankle ten times.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Prep {
		if p.Kind == "dry" {
			t.Errorf("preparations %+v: want no dry", res.Prep)
		}
	}
}

// TestWarmHandsByRule: the rules alone (no preparation model) read oil or
// cream warmed in the hands as warm hands, however far along the sentence
// the palms come, rubbed round them or warmed between the fingertips.
func TestWarmHandsByRule(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		// the cream far along the sentence from "rub", rubbed round the
		// palms or warmed between the fingertips
		{"Neck rub\n\nOne sits, the other stands behind. Rub a little of the unscented hand cream from the first aid box between your palms so your hands aren't cold.\n\n1. Squeeze the tops of the shoulders, six times.\n", []string{"cream", "warm-hands"}},
		{"Temple rub\n\nWarm a pea of unscented cream between your fingertips.\n\n1. Circle the temples slowly, 10 times.\n", []string{"cream", "warm-hands"}},
		{"Back rub\n\nOil on your hands, rub it round your palms.\n\n1. Glide both palms up the back, six times.\n", []string{"oil", "warm-hands"}},
	} {
		wantPreps(t, c.text, c.want, Options{noPrepModel: true})
	}
}
