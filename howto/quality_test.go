package howto

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Claims are benefits the text says the massage brings, not every sentence
// with "help" or "stiff" in it.
func TestClaims(t *testing.T) {
	tests := []struct {
		text  string
		claim bool
	}{
		{"A short chair massage relieves tension and can help prevent headaches.", true},
		{"This constipation massage will encourage bowel movements.", true},
		{"This intensity causes the muscle to relax.", true},
		{"Layers of this tissue can stick together a bit and cause pain.", false},
		{"Please note you should stop if this self-massage causes you any pain anywhere.", false},
		{"Learning how to massage your jaw will bring you great comfort.", true},
		{"This routine can do wonders for your tired eyes.", true},
		{"Treat your hands to a little oil first.", false},
		{"Many people find a foot rub before bed helps them fall asleep faster.", true},
		{"Regular face massage is said to reduce puffiness.", true},
		{"Giving someone a facial massage is a lovely way to help them unwind.", true},
		{"She says her tension headaches come far less often.", true},
		{"Honestly, for me this knocks out most of my afternoon headaches.", true},
		{"Players say a couple of minutes of this takes the edge off forearm soreness.", true},
		{"Afterwards the back is relaxed and the mind calmed.", true},
		{"Works for me every time, helps with bloating.", true},
		{"Kneading can be great for digestion.", true},
		{"Rub the calf to warm it; this increases the blood flow to the leg.", true},
		{"A good back rub, he says, can ease muscle tension and help someone sleep, but anyone with numbness should see their GP.", true},
		{"It makes people kinder to each other, she says.", true},
		{"honestly doing this at lunch has made such a difference to my typing aches", true},
		{"Thanks so much, it really settles her, and she sleeps better on massage nights.", true},
		{"Many parents find massage helps their baby settle and sleep.", true},
		{"If the calf has knots, this is a handy way to work them out by yourself.", true},
		{"There is no proof, but it worked well for me on my stiff shoulder.", true},
		{"Much of that pain can be eased with a few simple techniques at home.", true},
		{"Tight fascia can cause an ache, and this massage can help.", true},
		{"Ear rubbing techniques are also beneficial to conditions like ringing in the ears.", true},
		{"Massage techniques that work round the ears are also beneficial to conditions like ringing in the ears.", true},
		{"Press small circles round the base of the skull, the friction is great for releasing tension.", true},
		// not claims
		{"You don't need a massage table to help a stiff colleague or partner.", false},
		{"I wake up most mornings with a stiff neck that takes an hour to ease off.", false},
		{"Finish by stroking from the elbow to the fingertips, three times, to flush the arm.", false},
		{"Jiggle it from side to side for 15 seconds to loosen everything up.", false},
		{"You should feel the muscle soften under your hands.", false},
		{"Oil will help avoid pinching and tugging.", false},
		{"A loose fist is a fine tool to massage a sole with.", false},
		{"Tight calves are the runner's curse.", false},
		{"If this helped, hit subscribe.", false},
		{"Does massage ease stress?", false},
		{"Go lighter on the arch if your partner is ticklish; firm strokes tickle less than light ones.", false},
		{"Never press on the spine; it can ease pain to work beside it instead.", false},
		{"It makes the oil easier to spread.", false},
	}
	for _, tt := range tests {
		s := &sentence{text: tt.text}
		analyze(s)
		if s.claim != tt.claim {
			t.Errorf("claim(%q) = %v, want %v", tt.text, s.claim, tt.claim)
		}
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		text    string
		warning bool
	}{
		{"If she's had a neck injury, leave the neck part out.", true},
		{"Leave it alone if their calf is red, hot or swollen.", true},
		{"Not after a big meal, wait 1-2 hours.", true},
		{"If you get pain running down your leg, stop and speak to a physio.", true},
		{"Keep it light, this area is sensitive.", true},
		{"Never tug on the delicate skin here.", true},
		{"Keep light pressure on sensitive areas like the face and more pressure on the thighs.", false},
		{"When you find a tender spot, stop and lean into the ball for 20 seconds.", false},
		{"She's on blood thinners, which is another reason: no deep pressure anywhere, ever.", true},
		{"Only once the cord stump has healed.", true},
		{"Feet only, and only if they aren't hot or swollen.", true},
		{"Only once the whole back feels warm does she move on to the shoulders.", false},
		{"If she says stop, stop.", true},
		{"If they cry or go stiff, they've had enough: stop and cuddle them instead.", true},
		{"Neither of them will go near the spine itself.", true},
		{"Glide up either side of the spine to the shoulders.", false},
		{"Knead the hamstrings, 1 min; ease off near the back of the knee.", true},
		{"Hold 30s, breathing slowly, then ease off.", false},
		{"If you get dizzy, stop and get advice from a doctor or physio.", true},
		{"If you have any worries, ask your health visitor.", true},
		{"Check soles first, go gently, no deep knuckles.", true},
	}
	for _, tt := range tests {
		s := &sentence{text: tt.text}
		analyze(s)
		if s.warning != tt.warning {
			t.Errorf("warning(%q) = %v, want %v", tt.text, s.warning, tt.warning)
		}
	}
}

// Lines of the kinds real pages have: emoji as bullets, tables, boxes drawn
// with bars, a stressed word in bold, time stamps of a transcript.
func TestTextLinesPageKinds(t *testing.T) {
	in := strings.Join([]string{
		"✨ Tummy rub ✨",
		"",
		"🌀 Circle clockwise around the navel",
		"⬆️ Stroke up the right side, 5x",
		"",
		"| item | notes |",
		"|------|-------|",
		"| tennis ball | a lacrosse ball is firmer |",
		"+--------------------------+",
		"| Do not massage if you have: |",
		"+--------------------------+",
		"- **Never** put the ball on your spine.",
		"[01:05] Press your thumbs into the hollows.",
		"",
		"[ ] Thumbs. Arch. 10 circles.",
		"- [x] Heel: squeeze + hold 20s.",
		"",
		"0:19",
		"and with your right thumb make little circles",
		"0:23",
		"keep going for about 30 seconds",
		"",
		"| 1 | Wrist circles | Trace small circles around the wrist. | 20 s |",
	}, "\n")
	want := []lineView{
		{1, lText, "✨ Tummy rub ✨", 0, ""},
		{3, lItem, "Circle clockwise around the navel", 0, ""},
		{4, lItem, "Stroke up the right side, 5x", 0, ""},
		{8, lItem, "tennis ball. a lacrosse ball is firmer", 0, ""},
		{10, lText, "Do not massage if you have:", 0, ""},
		{12, lItem, "Never put the ball on your spine.", 0, ""},
		{13, lText, "Press your thumbs into the hollows.", 0, ""},
		{15, lItem, "Thumbs. Arch. 10 circles.", 0, ""},
		{16, lItem, "Heel: squeeze + hold 20s.", 0, ""},
		{19, lItem, "and with your right thumb make little circles", 0, ""},
		{21, lItem, "keep going for about 30 seconds", 0, ""},
		{23, lItem, "Trace small circles around the wrist. 20 s", 1, "Wrist circles"},
	}
	if diff := cmp.Diff(want, view(textLines(in))); diff != "" {
		t.Errorf("textLines (-want +got):\n%s", diff)
	}
}

// A routine item is named by a heading that names its moves, else by the
// catalog technique its steps are like, else by the move.
func TestItemNames(t *testing.T) {
	cat := builtin(t)
	in := strings.Join([]string{
		"# Back rub",
		"",
		"## The Fan Stroke",
		"",
		"Place your palms on the middle of the back, fingers pointing away from the spine, and fan them up and out over the shoulder blades with moderate pressure.",
		"",
		"## A Good Video Showing the Whole Routine",
		"",
		"Rest your hands on their shoulders, spread your fingertips and rake them down the back beside the spine.",
		"",
		"## Method",
		"",
		"Tap the top of the foot lightly with your fingertips for 20 seconds.",
	}, "\n")
	res, err := Import([]byte(in), Options{Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range res.Routine().Items {
		got = append(got, it.Name)
	}
	want := []string{"The Fan Stroke", "Raking", "Tap, feet"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("item names (-want +got):\n%s", diff)
	}
	skipped := false
	for _, s := range res.Skipped {
		skipped = skipped || strings.HasPrefix(s.Text, "A Good Video")
	}
	if !skipped {
		t.Errorf("the video's heading is not reported as left out: %+v", res.Skipped)
	}
}

// Where a step works, and where one step ends and the next begins, on the
// texts that went wrong before.
func TestImportAreasAndSteps(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // the area of each step found
	}{
		{"the jaw line is the jaw, even under a face title",
			"# Face massage\n\nPinch gently along the jaw line from the chin to just under the ears.", []string{"jaw"}},
		{"where a stroke heads is not where it works",
			"# Tummy rub\n\n- Sweep across under your ribs from right to left, 5x\n- Stroke down the left side toward your hip, 5x", []string{"abdomen", "abdomen"}},
		{"a sentence before the move says where",
			"The muscle across the top of each shoulder holds a lot of tension. Grip it with the opposite hand, squeeze for a count of five, and let go.", []string{"shoulders"}},
		{"the same move again joins its step",
			"Squeeze the heel firmly with your whole hand. Squeeze and release 5 times.", []string{"feet"}},
		{"a move played again is a step of its own, on the area it had",
			"Glide up the calf from ankle to knee, eight times.\n\nKnead the calf for a minute.\n\nRepeat the warm-up glide three more times.", []string{"calves", "calves", "calves"}},
		{"how firmly is no move, and a warning that sends to a doctor is no step",
			"Knead the calf for a minute.\n\nGo lighter on the arch if your partner is ticklish; firm strokes tickle less.\n\nIf you have jaw pain that clicks, see a dentist before working on that area.", []string{"calves"}},
		{"a checklist of fragments: each item is a move",
			"Feet checklist\n\n[ ] Sit. Foot up on opposite knee.\n[ ] Both palms. Sandwich the foot. Heel to toes, slow. x5.\n[ ] Thumbs. Arch. 10 circles.\n[ ] Knuckles, heel to ball. 3 passes.\n[ ] Ankle bones: fingertip circles round them, 30s.", []string{"feet", "feet", "feet", "ankles"}},
		{"a fragment that opens with its move is a step in running text too",
			"Cup her heel in one hand and stroke the top of her foot, 5 times. Then gentle thumb circles on the sole, about 30 seconds.", []string{"feet", "feet"}},
		{"two moves in one sentence, on two places, are two steps",
			"# Face\n\nWith your fingertips, stroke from the middle of the forehead out to the sides, then make small circles on the cheeks.", []string{"face", "face"}},
		{"a second move on the same place stays in the step",
			"Hold the earlobes and squeeze them gently, then pull them softly downward and outward.", []string{"ears"}},
		{"a still hold after strokes is a step of its own",
			"Four or five long sweeping strokes up the back, and then she simply rests one hand between the shoulder blades for about half a minute.", []string{"back", "upper-back"}},
		{"a place the model lacks gives no area rather than a wrong one",
			"## Back\n\nStroke down the back from the neck to the bottom, for about a minute. Finish with little circles on the bottom with your fingertips.", []string{"back", ""}},
		{"the glutes are an area, and lying on one's back names no place",
			"Lie on your back and roll slowly over a tennis ball under one glute for 45 seconds.\n\nPress the sit bones with your thumbs, 5 times.", []string{"glutes", "glutes"}},
		{"a stroke along the whole leg works the leg",
			"## Legs and feet\n\nHold the ankle in one hand and with the other gently glide from the top of the thigh down to the foot.", []string{"legs"}},
		{"a title that names two areas favours neither",
			"# Desk neck & shoulders\n\nReach your right hand across to your left shoulder and squeeze the muscle on top, eight times.", []string{"shoulders"}},
		{"caption lines run on across their time stamps",
			"0:15\nokay give your left hand to your right\n0:19\nand with your right thumb make little circles all over the palm\n0:23\njust kind of working into the fleshy bit\n0:29\nkeep going for about 30 seconds\n0:35\ngood, now the fingers, so take each finger at the base\n0:40\nand slide up to the tip with a gentle squeeze\n0:46\ntwice per finger", []string{"hands", "hands"}},
		{"a move played again by its row is a step, on the area of that row",
			"| 1 | Long stroke | Both hands glide from the wrist up to the shoulder. | 5x |\n| 2 | Palm spread | Press your thumbs into the centre of the palm. | 6x |\n| 3 | Closing stroke | Repeat the long stroke of row 1, slower. | 3x |", []string{"arms", "hands", "arms"}},
		{"placing the ball is no move of its own",
			"Move the ball down to the lower back, just above the belt line. Roll slowly side to side, twelve to fifteen times.", []string{"lower-back"}},
		{"the intro says where a ball works when the title does not",
			"# ball-release\n\nA routine for releasing a tight lower back with a tennis ball.\n\n1. Shift your weight from side to side so the ball rolls across toward your hip, 8 rolls.", []string{"lower-back"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import([]byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range res.Steps {
				got = append(got, s.Area)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("areas of the steps (-want +got):\n%s", diff)
			}
		})
	}
}

// Lists that are not moves stay out of the steps: a product's features
// name places and moves ("Foot wells with air compression") without
// telling anyone to do anything.
func TestFragmentsThatAreNoMoves(t *testing.T) {
	in := strings.Join([]string{
		"# Why massage chairs are worth it",
		"",
		"- Heated rollers for the lower back",
		"- 12 programmes, from gentle kneading to deep tapping",
		"- Foot wells with air compression, 3 intensity levels",
		"",
		"Our tester said the calf compression felt amazing after a 12-hour shift.",
		"Three slow passes, he says.",
	}, "\n")
	res, err := Import([]byte(in), Options{})
	var none *NoInstructionsError
	if !errors.As(err, &none) {
		var got []string
		for _, s := range res.Steps {
			got = append(got, s.Text)
		}
		t.Errorf("Import = %v, steps %q; want no steps", err, got)
	}
}
