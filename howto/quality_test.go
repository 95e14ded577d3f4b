package howto

import (
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
	}, "\n")
	want := []lineView{
		{1, lText, "✨ Tummy rub ✨", 0, ""},
		{3, lItem, "Circle clockwise around the navel", 0, ""},
		{4, lItem, "Stroke up the right side, 5x", 0, ""},
		{6, lItem, "item. notes", 0, ""},
		{8, lItem, "tennis ball. a lacrosse ball is firmer", 0, ""},
		{10, lText, "Do not massage if you have:", 0, ""},
		{12, lItem, "Never put the ball on your spine.", 0, ""},
		{13, lText, "Press your thumbs into the hollows.", 0, ""},
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
