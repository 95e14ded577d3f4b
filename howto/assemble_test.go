package howto

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
)

// Every sentence read is accounted for with a role and why, and every
// step's sentences say which step they belong to; each step lists its
// main area first among its areas.
func TestEverySentenceAccounted(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	roles := map[string]bool{RoleMove: true, RoleModifier: true, RolePrep: true, RoleWarning: true,
		RoleClaim: true, RoleTip: true, RoleDescription: true, RoleCommentary: true, RoleNoise: true}
	for _, p := range corpusTexts(t, false) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Import(src, Options{Name: filepath.Base(p), Catalog: cat})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		sentences, inSteps := 0, map[int]bool{}
		for _, r := range res.Sentences {
			if !roles[r.Role] || r.Why == "" {
				t.Errorf("%s line %d: role %q, why %q", p, r.Line, r.Role, r.Why)
			}
			if r.Role != RoleNoise && !(r.Role == RoleDescription && r.Step == 0 && r.Why == "a heading: it names the section and its area") {
				sentences++
			}
			if r.Step > 0 {
				inSteps[r.Step] = true
			}
		}
		if sentences != res.Read {
			t.Errorf("%s: %d sentences accounted for, %d read", p, sentences, res.Read)
		}
		for _, s := range res.Steps {
			if !inSteps[s.N] {
				t.Errorf("%s: no sentence accounts for step %d", p, s.N)
			}
			if s.Area != "" && (len(s.Areas) == 0 || s.Areas[0] != s.Area) {
				t.Errorf("%s step %d: area %q, areas %v", p, s.N, s.Area, s.Areas)
			}
		}
	}
}

// TestItemNamesKeepToTheMode: an imported item takes a catalog technique's
// name only when the technique is written for the text's mode (or for
// either); a partner's circles on the hand are named for what the text
// says, not after the self-massage "Knead your hands and wrists".
func TestItemNamesKeepToTheMode(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"Hold your partner's hand. Make gentle circles with your thumb over the back of their hand and wrist, 5 times.", "Small circles, hands"},
		{"A self-massage for yourself. Rest your left hand on your lap. Make gentle circles with your right thumb over the back of your left hand and wrist, 5 times.", "Knead your hands and wrists"},
	}
	for _, tt := range tests {
		res, err := Import([]byte(tt.in), Options{Catalog: cat})
		if err != nil {
			t.Fatal(err)
		}
		if res.Steps[0].Technique == nil || res.Steps[0].Technique.ID != "knead-hands-wrists" {
			t.Fatalf("%s: matched %+v, want knead-hands-wrists", res.Mode, res.Steps[0].Technique)
		}
		if got := res.Routine().Items[0].Name; got != tt.want {
			t.Errorf("%s text: item named %q, want %q", res.Mode, got, tt.want)
		}
	}
}

// TestItemNamesFromTheText: an item is named by the author's own lead-in
// for its list item or paragraph, before any heading or catalog name; a
// lead-in that names no move ("Finish:") does not name it.
func TestItemNamesFromTheText(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	in := "# Desk routine\n\n## Neck moves\n\n" +
		"* **Tilt and knead.** Tip your head to the left and knead the right side of your neck for 20 seconds. Then swap sides.\n" +
		"* **Skull line.** Make small circles over the crown of your head, 3 times.\n" +
		"* **Finish:** stroke down both sides of your neck with flat hands, 3 times.\n"
	res, err := Import([]byte(in), Options{Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range res.Routine().Items {
		got = append(got, it.Name)
	}
	want := "Tilt and knead|Skull line|Neck moves"
	if strings.Join(got, "|") != want {
		t.Errorf("items %q, want %q", got, want)
	}
}

// TestModeOfSomeoneNamed: a text that names who receives by kin ("my
// husband", "your mum's feet") is for a partner, though it says "I" and
// "your hand" throughout.
func TestModeOfSomeoneNamed(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"This is the arm rub I use on my husband at night.\nPut a little oil in your hands and rub to warm it.\nGlide your hand up the arm from the wrist to the shoulder, three times.\n", "partner"},
		{"Sit with your mum's feet in your lap.\nStroke from her toes to the ankle with both hands, six times.\n", "partner"},
		{"Sit with your right foot on your left knee.\nStroke from your toes to the ankle with both hands, six times.\n", "self"},
		{"Knead your calf with both hands, six times.\nAsk your physiotherapist first if the knee is swollen.\n", "self"},
		{"Typing hands\n\nLevel: easy · Equipment: none · Self\n\n1. Forearm glide\n\nHeel of the other hand glides from the wrist to the elbow, 30 s.\n", "self"},
		{"Cool-down\n\nSit, roller under both calves, hands behind you, hips up.\nSlow rolls from just above the ankle to just below the knee, x10.\n", "self"},
		{"Our plan for Saturday\n\nYou have a hot shower first, then lie on your front.\nI'll start by laying both hands flat on your lower back for half a minute.\nAfter that, hands either side of your spine, sliding up to your shoulders, eight times.\n", "partner"},
		{"Foot rub, how we do it\nSit her back in the recliner with legs up, so she knows you're there.\nStroke the top of the foot from toe to ankle, six times.\nShe tires, so ten minutes at most.\n", "partner"},
		{"A mini baby massage\nUsing your hands, stroke the top of baby's head in small circles.\nWith your flat fingers, massage the tummy clockwise.\nGently rub the toes with your fingertips.\n", "partner"},
		{"Hand care\n1) With your right thumb, press small circles into the base of your left thumb for thirty seconds.\n2) Stroke from your wrist to your elbow with your other hand, 5 times.\nStop if anything tingles, and tell your mum so she can book the GP.\n", "self"},
		{"Home care\nI gave C a short routine to do herself in the evenings.\n- Stroke from the wrist up to the elbow with the heel of the free hand, ten times.\n- Squeeze the muscle below the elbow and work down to the wrist.\n", "self"},
		{"Hand care, ward 7\nRest the patient's forearm on a pillow, palm down.\nStroke from the fingertips to the wrist, six times.\nSqueeze each finger from base to tip.\n", "partner"},
		{"Calf routine\nThe model lies prone with a bolster under the ankles.\nStroke from the heel up the calf to the knee, six times.\nKnead the calf for two minutes.\n", "partner"},
		{"Back rub\nSam lies face down on the bed.\nGlide both palms up either side of the spine, six times.\nKnead the waist for a minute.\n", "partner"},
		// "I" and "your wrists" with no move of the author's is no author's
		// hands on you; "I promise to glide my thumbs … your spine" is
		{"Wrist rub\nRub your thumb in rings across the inside of your wrist, ten rings.\nStroke from your wrist to your elbow, six times.\nI'm not a physio, so if your wrists hurt for days afterwards, see your GP.\n", "self"},
		{"Our vows\nI promise to glide my thumbs out from your spine along the top of your hips, over and over.\nI promise to finish with one long stroke from your waist up to your shoulders.\n", "partner"},
		// sixteenth pass: a shop's "Ask at the bar", kin who teach, a
		// testimony about someone else's calves, "their own wrists" are no
		// partner; "(they sit, you stand behind)" is
		{"Forearm stretch\nRest your forearm on the bar, palm up, and stroke from wrist to elbow with your other hand, six times.\nAsk at the bar.\n", "self"},
		{"Thighs\nDo it on yourself, or get your training buddy to do moves 1 and 2 for you.\nKnead the front of your thigh for a minute.\n", "both"},
		// a testimony and a desk to ask at name no receiver; "I give them
		// a rub" and "have the driver lie face down" do
		{"Hands\nPress circles into the palm of your left hand with your right thumb, a minute.\nBarbara finds it keeps her hands from aching over a long weekend.\nBook orders: ask Deepa at the desk.\n", "self"},
		{"Legs after a drive\nWhen we pitch I give them a rub before anything else.\nHave the driver lie face down on the bed.\nStroke up the back of the calf eight times.\n", "partner"},
		{"Ears\nTake hold of the lobes and give them a soft tug down and out, 3 tugs.\n", "self"},
		{"Hands\nPeople at the stall keep asking how I manage hours of sawing.\nKnead the palm of your right hand with your left thumb, a minute.\nAsk us about our repair service.\n", "self"},
		{"Wrists\nMy daughter is a hand therapist, and she showed me this.\nCircle your wrist slowly, five times each way.\n", "self"},
		{"Calves\nKnead the calf with both hands for a minute.\nRegulars tell us it takes the stiffness out of their calves.\n", "self"},
		{"Hands\nEveryone does it on their own wrists and hands.\nPress circles into the palm with the thumb, ten times.\n", "self"},
		{"Neck rub\n(they sit, you stand behind)\n1. Thumbs either side of the neck bones, little circles from the hairline down to the shoulders x 5\n", "partner"},
		// someone else's hands on the reader's body; the one a routine was
		// shown to does it himself
		{"Calf rub\nLie on your tummy on the bed with a towel under your ankles.\nThen she bends your knee and pushes the ball of your foot gently towards your shin, holds for ten seconds.\n", "partner"},
		{"Neck\nYou roll your head slowly side to side while I hold your shoulders down, 3 each way.\n", "partner"},
		{"Hands\nThe practice nurse showed him a little routine.\nPress circles into your palm with the thumb, ten times.\n", "self"},
		// seventeenth pass: a mate who lies down receives; a diver's buddy
		// signalled does not
		{"Legs after the trial\n- Your mate lies face down on a blanket over two bales.\n- Warm a few drops of oil between your hands.\n- Sweep both hands up the back of the leg from the ankle to the thigh, eight times.\n", "partner"},
		{"Feet after a dive\nPress your thumbs along the sole of your foot, ten times.\nNever rub a cramp in the water: signal your buddy and get to the line.\n", "self"},
		{"Between rounds\nSit your team-mate backwards on a folding chair, arms crossed on the backrest.\nWith the heels of your hands, push slowly up either side of the spine, five times.\n", "partner"},
		// students asked to spend a few minutes on it do it themselves; "tell
		// me or your mum" names someone told, not touched
		{"Preface\nI ask my own students to spend a few minutes on this hand rub before practice.\nClasp the left hand in the right and hold it for a few breaths.\nWith the right thumb, circle over the back of the left hand.\n", "self"},
		{"Warm-up\nPress small circles into the palm of your left hand with your right thumb.\nIf your wrist hurts while you play, stop and tell me or your mum.\n", "self"},
		{"Breakfast\nHot dishes are cooked to order - please ask your server.\nRub your hands together until warm.\nPlace the heels of your hands on the hinge of the jaw and make slow circles for a minute.\n", "self"},
		{"Forearms after climbing\nStroke up the inside of the forearm, wrist to elbow, for a minute.\nIf the ache is still there a week later, see a physio in person.\n", "self"},
		{"After the finish\nYour rider lies on their front with a rolled towel under the ankles.\nOil your hands and spread it up the back of one leg from heel to thigh, six times.\n", "partner"},
		{"After the race\nGet them lying face up on a mat, legs straight.\nWarm some oil between your hands.\nLong strokes with both palms from the ankle up to the top of the thigh, 10 of them.\n", "partner"},
		{"After the match\nLet your young player wash and dry their feet, then sit facing you with one foot in your lap.\nHold the foot in both hands and slide your thumbs from the heel up to the toes, 6 times.\n", "partner"},
		{"Reunion area\nSit them down on the grass, legs out straight.\nHold the foot in both hands and stroke from the heel to the toes, 6 times.\n", "partner"},
		{"Looking after a parent's feet?\nWith your parent sitting comfortably and the foot resting on your knee, stroke the top of the foot from the toes to the ankle, 6 times.\n", "partner"},
		{"How to use it (my nan's way)\nRub a little balm into the backs of your hands.\nPress your right thumb into your left palm in small circles for a minute.\n", "self"},
		{"Recovery tag\nGot a training buddy? After a long run, lie face down on a mat and get them to:\n(a) kneel beside you, lay both hands flat on your lower back and glide them up either side of the spine, 6 laps;\n(b) knead the muscles between the shoulder blades, about a minute.\n", "partner"},
		{"All about me\n1. Squeeze along my forearm from elbow to wrist, pressing with your thumbs on the inside, 3 times.\n2. Rub my palm with your thumb in little circles, about 20.\n", "partner"},
		{"My plan\n1. Circle my temples lightly with my fingertips, 10 times.\n2. Press my palms flat over my cheeks and hold for three breaths.\n", "self"},
		// whose body a place is, said inside its name
		{"Heavy pack\nTake off your rings and warm your hands first.\n1/ Rest both palms on top of their shoulders and hold for a slow count of ten.\n2/ Squeeze the ridge between neck and shoulder tip with your whole hand, six times.\n", "partner"},
		{"What Tom does\nI lie on my left side with a pillow between my knees.\nHe starts with long flat strokes either side of my spine, ten or so.\nAfter that he leans the heel of his hand into my hip and holds it for 15 seconds.\nHe always ends with both hands resting still on my lower back for half a minute.\n", "partner"},
		{"My calm-down back rub\nI sit on the floor on my cushion.\nFirst, Mum puts her hands flat on my shoulders and holds still.\nNext, Mum squeezes my shoulders gently, five times.\nThen Mum draws long lines down my back with flat hands.\n", "partner"},
	} {
		res, err := Import([]byte(c.text), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Mode != c.want {
			t.Errorf("%q: mode %q, want %q", c.text, res.Mode, c.want)
		}
	}
}
