package howto

import (
	"slices"
	"testing"
)

// The main verb is found after an opener, by the sentence's structure.
func TestMainClause(t *testing.T) {
	for _, c := range []struct{ text, verb string }{
		{"Pressing gently, make wide circles over the lower back.", "make"},
		{"Leaning your weight in slowly, knead the tops of the shoulders.", "knead"},
		{"Finishing off, rest both hands flat on the middle of the back.", "rest"},
		{"Under the cheekbones, sweep with the knuckles towards the ears.", "sweep"},
		{"According to Dana, the first move is a warm-up: she recommends placing the fingertips at the back of the neck.", "placing"},
		{"Next, she says, you should walk your fingertips down the sides of the neck.", "walk"},
		{"Her third move is a squeeze: take the muscle between the thumb and fingers.", "take"},
		{"The one thing to remember is the direction: clockwise.", ""},
		// someone showing the move as they go
		{"I am starting down with a gliding stroke with my fingers together.", "starting"},
		{"I'm just kneading the top of the shoulder with my thumbs.", "kneading"},
		{"We are sliding both hands up the back to the neck.", "sliding"},
		{"I am using proper body mechanics.", ""},
		{"Last of all rest both hands still on his lower back for a minute.", "rest"},
		{"First of all, warm the oil in your hands.", "warm"},
		{"Last, he had me tip my head to the right while he eased my shoulder down.", "tip"},
	} {
		s := &sentence{text: c.text}
		analyze(s)
		got := ""
		if s.vi >= 0 {
			got = s.toks[s.vi].w
		}
		if got != c.verb {
			t.Errorf("%q: main verb %q, want %q", c.text, got, c.verb)
		}
	}
}

// Cautions inside a step are warnings; negations that warn of nothing are not.
func TestCautions(t *testing.T) {
	for _, c := range []struct {
		text string
		warn bool
	}{
		{"Push in small circles, being careful not to press on the spine itself.", true},
		// seventeenth pass: a sign the hands stop on, consent, a bony place
		// gone gently on, a touch kept light on a face
		{"Numb fingers = stop.", true},
		{"Also if you get pins and needles in your hands come off it.", true},
		{"Anything that feels crampy or sharp and he stops.", true},
		{"Always ask before you touch, and stop the moment they say stop.", true},
		{"When you find a sore spot, stop and hold for 20 seconds.", false},
		{"Go gently on the shin bone itself.", true},
		{"Keep your touch feather-light on a young child's face.", true},
		{"Sweep from the nose to the ears, avoiding the thin skin under the eyes.", true},
		{"Stroke down the sides of the neck, keeping pressure away from the throat.", true},
		{"Knead the shoulder slowly, as far as is comfortable, for half a minute.", true},
		{"It may be sore, so lean on the roll with as much pressure as you feel comfortable with.", true},
		{"Sit back towards your heels, pressing as much as you feel you can tolerate.", true},
		{"Press as much as you like, then move on.", false},
		{"No rolling the back of the knee.", true},
		{"Nothing on the bones of the spine.", true},
		{"Not the perfumed hand cream, please.", true},
		{"Up the shin with both hands, x4 - NOT if the calf is red or swollen.", true},
		{"It is forbidden to make this massage at a fever.", true},
		{"Only go as far as is pleasant.", true},
		{"Use the heel of the hand, not the fingertips.", false},
		{"No rolling pin? A bottle works as well.", false},
		{"Light pressure only.", true},
		{"Only mild pain should be felt.", true},
		{"Exercise within a pain free range.", true},
		{"Only the thumb moves; the hand stays still.", false},
		{"Let her guide you on pressure and don't get discouraged.", false},
		{"Orders go out in batches, so don't panic if yours is late.", false},
		{"Don't chat through the rest - it's their quiet time.", false},
		{"Let your chin drop with your hands on the back of your head, no pulling, just the weight of your arms.", true},
		{"This side can be very tender.", true},
		{"Constipation can be painful and make you feel bloated.", false},
		{"Keep it light under the eyes.", true},
		{"Press as deeply as feels fine without pain, circling slowly.", true},
		{"Glide in the grooves between the bones rather than on top of them.", true},
		{"If you get pins and needles in the fingers stop and get it looked at.", true},
		{"Press circles into the temples, easing off if it starts to ache.", true},
		{"Don't be afraid to ask how the pressure feels.", false},
		{"Take care not to forget the outer edge of the heel.", false},
		{"Keep your thumbs pointing away from the neck while circling.", false},
		{"Ease off gradually as the routine winds down.", false},
		{"Keep your thumbs in the muscle, a finger's width away from the bone.", true},
		{"Leave the massage for another day if your partner has a fever.", true},
		{"Should any movement feel uncomfortable, simply leave it out.", true},
		{"This is the bit that made me wince at first so go light.", true},
		{"Pain shooting down the leg means back off at once.", true},
		{"Rest both palms on the middle of the back with the fingers facing away from the spine.", false},
		{"Squeeze and lift the muscle away from the bone, 5 times.", false},
		{"Warning", false},
		{"Go back to the long strokes from the start.", false},
		// written as notes, chatter, timing, consent, others' advice
		{"Tug the roots gently; if it pinches, you're tugging too hard.", true},
		{"Lean into the calf and stop a little short of pain.", true},
		{"Note: no kneading around the back of the knee, there are nerves there.", true},
		{"A fresh sprain waits 72 hours before any rubbing.", true},
		{"Leave it within two hours of a big meal.", true},
		{"The windpipe and the front of the neck are off limits.", true},
		{"Text me if anything looks wrong.", true},
		{"Skip the tummy part if he says no or seems tired.", true},
		{"Many physios advise leaving a new bruise alone.", true},
		{"Use a plain lotion, no scented creams unless her doctor agrees.", true},
		{"Careful with the knuckles, they are stiff.", true},
		{"Work round a blister rather than over it.", true},
		{"Keep circling, not too hard and not too soft.", false},
		{"Ask whether it is enough or too much pressure.", false},
		{"No oil is needed for this one.", false},
		{"No tools, no oil.", false},
		{"My old roller hurts too much.", false},
		{"Wait for the breath out, then press.", false},
		{"Beware of swollen ankles and bruises.", true},
		{"Be mindful not to drag the skin under the eyes.", true},
		{"Lean in, but make sure you don't strain your own back.", true},
		{"Ease your pressure as you come near the kneecap.", true},
		{"Glide down the back without pressing on the spine.", true},
		{"Firm circles are best avoided on the belly after a meal.", true},
		{"This keeps the rhythm and avoids spills.", false},
		{"Our feet carry us all day and don't often get any thanks.", false},
		{"Increase the pressure as you reach the thick muscle.", false},
		{"If you find a tender knot, keep working it slowly.", false},
		{"If the knee is sore, stay off it.", true},
		// tenth pass
		{"Please note you should stop if this self-massage causes you any pain anywhere.", true},
		{"Stop whenever your baby has had enough.", true},
		{"Apply light pressure for general safety and to ensure comfort.", true},
		{"Using the pads, not nails, of your first two fingers, move small circles.", true},
		{"Always seek the insights of a qualified health professional before any programme.", true},
		{"Check with her midwife first.", true},
		{"Ask your partner how the pressure feels.", false},
		{"Go lightly over any blister from today.", true},
		{"Lighter over the lower back, where no ribs guard it.", true},
		{"Not straight after a feed.", true},
		{"Move from the wrist to the shoulder, releasing pressure from the elbow.", true},
		{"If you feel really tender spots, hang out there a little longer.", false},
		{"Stop and rest your hands on the shoulders.", false},
		{"Sunflower oil from the blue bottle — NOT the almond one in the cupboard.", true},
		{"It is not the pressure but the rhythm that matters.", false},
		// eleventh pass
		{"Keep the pressure light over any joint that is warm or puffy.", true},
		{"Keep it light, there are big blood vessels here.", true},
		{"Keep it soft here, as the shin bone sits just under the skin.", true},
		{"Keep the pressure light and even.", false},
		{"Keep your hands light as you glide.", false},
		{"She said to check first that neither leg is hot, red or swollen.", true},
		{"Nurse said don't press into the back of the knee itself.", true},
		{"Check the skin for cuts or a rash before you start.", true},
		{"Check that your partner is comfortable.", false},
		{"He said that bit was the best.", false},
		{"Keep the pressure light over the collarbones.", true},
		{"Report any new redness or pain to the nurse in charge.", true},
		{"No oils or creams are used.", false},
		{"Ask your doctor to recommend a massage therapist who treats people with arthritis.", false},
		{"You can also ask your physical therapist to teach you to do a self-massage.", false},
		{"Ask your doctor first if you have arthritis in the knee.", true},
		{"Press the call button and tell a crew member if you feel faint.", true},
		{"Tell your partner to lie face down on the bed.", false},
		{"If you suffer from plantar fasciitis pain, you're probably already familiar with the ache.", false},
		{"If you have neck and shoulder pain, chances are your trapezius is tight.", false},
		{"If you have neck pain, stop and see your doctor.", true},
		// twelfth pass
		{"Massage must never be given over broken skin.", true},
		{"Not suitable for use over varicose veins.", true},
		{"Stop straight away if Reuben says it hurts.", true},
		{"I won't press on the soft part of the throat.", true},
		{"He never presses hard on the temples, either.", true},
		{"NB dont do it if ur ankles r puffy and hot, come back in n see someone", true},
		{"2. A method according to claim 1, in which the operator stops at once if the passenger reports pins and needles.", true},
		{"Unexpected pain in bagging area: if it stings sharply under the heel, ease off.", true},
		{"If he's had a headache on the flight I skip the skull circles.", true},
		{"If your heels still burn after a week of this, get a podiatrist to look at them.", true},
		{"If you have time, get a friend to do your back.", false},
		{"PS Don't eat it all at once.", false},
		{"The booklet adds that she never goes near the blisters on his fingertips.", true},
		{"Rules: I won't go anywhere near your neck bones.", true},
		{"A user experiencing dizziness must stop and sit quietly.", true},
		{"Should stop the stiffness setting in before we bowl.", false},
		{"We go near the river on Sundays.", false},
		{"She never lifts her hands off between passes.", false},
		{"I won't touch the left side while it's healing.", true},
		{"Stop the shoulder moves if you feel pins and needles down the arm.", true},
		{"Stop the car when you can.", false},
		{"Leave blisters to the first aider.", true},
		{"Please leave up until January.", false},
		{"Mind the bony bits of the ankle.", true},
		{"Exclude the spine, the tailbone and the back of the knee.", true},
		{"Mind the gap.", false},
		{"Do not write outside the box.", false},
		{"Do not pass GO.", false},
		{"Keep away from the kneecap itself.", true},
		{"Don't open wide or force a yawn.", true},
		{"He won't do it if I've had a bang on the head.", true},
		{"You don't do that for the football.", false},
		{"It won't hurt.", false},
		{"You won't need any oil.", false},
		{"Nobody with a known clot should do this.", true},
		{"Hannah stayed away from the belly.", true},
		{"NO pulling or cracking.", true},
		{"Pressure should always stay light in the hollow behind the knee.", true},
		{"Pressure should be light and even.", false},
		{"Keep an eye on the baby's face for signs of fear or upset.", true},
		{"Aside from that, it also offers relief for signs of allergies and colds.", false},
		{"Older skin tears easily, so use plenty of cream.", true},
		// fifteenth pass
		{"Keep pressure light under the eyes.", true},
		{"Keep it light behind the knee.", true},
		{"Keep the pressure light under your palms as you glide.", false},
		{"Guests with a head injury or recent ear surgery should skip this routine.", true},
		{"The shin bone is close under the skin. Go lighter there.", true},
		{"You should use both hands for this.", false},
		// sixteenth pass
		{"Akela's rules: nobody massages over blisters, cuts or insect bites.", true},
		{"She always rubbed her hands first, because she said nobody deserves cold hands on them.", false},
		{"Anyone with a twisted ankle goes to the first-aid tent, not to foot patrol.", true},
		{"Anyone with a hip replacement should leave out the ball.", true},
		{"If your friend takes blood thinners, press lightly.", true},
		{"Please have a word with her GP or practice nurse first.", true},
		{"Have a word with the others about the rota.", false},
		{"Keep the pressure at about 6 out of 10: it should ache, not hurt.", true},
		{"Patch test first if you have sensitive skin.", true},
		{"I wouldn't do any of this on someone with a recent whiplash.", true},
		{"Light touch on the inside of the wrist, there's tendons and nerves there.", true},
		{"Take it gently if you've got arthritis in your hands.", true},
		{"Go gently behind the ears and at the base of the skull, as those are tender spots.", true},
		{"Ease off behind the knee.", true},
		{"Anyone recovering from a shoulder injury should check with OH first.", true},
		{"He warned me not to do deep stuff on the calf for 48 hours after a race.", true},
		{"Light strokes up the calf, six times.", false},
		{"Work slowly first if you like, then faster.", false},
		{"Keep it light on the neck; he had that trapped nerve last winter.", true},
		{"If your leg is in plaster or a frame, only do the other foot.", true},
		{"Anyone whose fingers go numb or tingly should mention it to the nurse.", true},
		{"These can be signs of a clot: call the surgery or NHS 111 the same day.", true},
		{"If cramps keep you awake, book a routine appointment.", true},
		{"Call the family in for tea.", false},
	} {
		s := &sentence{text: c.text}
		analyze(s)
		if s.warning != c.warn {
			t.Errorf("%q: warning %v, want %v", c.text, s.warning, c.warn)
		}
	}
}

// TestStaysOnTheSpotWarnsOfNothing: a condition whose answer is to keep
// working the spot is a move, even where the warning model reads "if you
// find …" as a caution; one whose answer says the touch is too hard
// still warns.
func TestStaysOnTheSpotWarnsOfNothing(t *testing.T) {
	for _, c := range []struct {
		in    string
		steps int
		warns int
	}{
		{"Stroke the cream down the inside of the shin with your thumbs. If you do find any nodules or knotty areas, stick around there and gently work into them with heel or thumbs", 1, 0},
		{"Knead the side of the neck for a minute. If she goes tense or holds her breath, you're pressing too hard.", 1, 1},
		// a reader's past, told to lead in, warns of nothing however it reads
		{"If you've ever experienced that sharp, stabbing pain in your heel when you get out of bed, you know how bad it is. Roll the ball from the heel to the toes for a minute.", 1, 0},
	} {
		res, err := Import([]byte(c.in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Steps) != c.steps || len(res.Warnings) != c.warns {
			t.Errorf("%q: %d steps, %d warnings; want %d and %d", c.in, len(res.Steps), len(res.Warnings), c.steps, c.warns)
		}
	}
}

// TestWarningHeadingLeadsItsList: a heading that warns ("Contraindications",
// "When not to massage") leads the list right under it, as a line ending in
// a colon does, and so does a lead-in line under such a heading; a heading
// that warns of nothing leads no cautions.
func TestWarningHeadingLeadsItsList(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string
	}{
		{"a heading over its list",
			"Scalp rub\n\n1. Rub the scalp in small circles.\n\nContraindications\n\n- a recent head or neck injury\n- scalp infections or open cuts\n",
			[]string{"a recent head or neck injury", "scalp infections or open cuts"}},
		{"a heading, a lead-in that names no caution, its list",
			"Scalp rub\n\n1. Rub the scalp in small circles.\n\nContraindications\n\nTraining bodies advise against giving it in the following circumstances:\n\n- a recent head or neck injury\n- scalp infections or open cuts\n",
			[]string{"a recent head or neck injury", "scalp infections or open cuts"}},
		{"a heading that warns of nothing",
			"Scalp rub\n\n- Rub the scalp in small circles.\n- Tug the hair gently at the roots.\n",
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Import([]byte(c.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range res.Warnings {
				got = append(got, w.Text)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("warnings %q, want %q", got, c.want)
			}
		})
	}
}
