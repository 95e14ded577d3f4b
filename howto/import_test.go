package howto

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/knead/knead/catalog"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// stepView is what a table test checks of a step.
type stepView struct {
	Area      string
	Motion    string
	Landmarks []string
	Direction []string
	Turn      string
	Pressure  string
	Repeat    string
	Seconds   string
	Side      string
	Hands     []string
}

func viewStep(s Step) stepView {
	v := stepView{Area: s.Area, Motion: s.Motion, Landmarks: s.Landmarks, Direction: s.Direction, Turn: s.Turn, Side: s.Side}
	if s.Pressure != nil {
		v.Pressure = s.Pressure.String()
	}
	if s.Repeat != nil {
		v.Repeat = s.Repeat.String()
	}
	if s.Seconds != nil {
		v.Seconds = s.Seconds.String()
	}
	for _, h := range s.Hands {
		v.Hands = append(v.Hands, h.Hand+" "+h.Part+" "+h.Role)
	}
	return v
}

func TestImportSteps(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []stepView
	}{
		{
			name: "setup, move and modifiers make one step",
			in:   "Support the chin with your left hand. Set your right fingertips on the base of the skull and circle gently. Swap hands and repeat 4 times.",
			want: []stepView{{Area: "neck", Motion: "circle", Landmarks: []string{"chin", "base-of-skull"}, Direction: []string{},
				Pressure: "light", Repeat: "4 times", Side: "swap-hands", Hands: []string{"left palms hold", "right fingertips work"}}},
		},
		{
			name: "numbered steps in prose style",
			in:   "1. Knead the calf between fingers and thumbs for about two minutes.\n2. Stroke up from ankle to knee, 6-8 times, with light pressure.\n3. Do the same on the other leg.",
			want: []stepView{
				{Area: "calves", Motion: "knead", Landmarks: []string{"calf"}, Direction: []string{}, Seconds: "2 min", Hands: []string{"both fingers work", "both thumbs work"}},
				{Area: "calves", Motion: "glide", Landmarks: []string{"ankle", "knee"}, Direction: []string{"up"}, Pressure: "light", Repeat: "6–8 times"},
				// The other side is a step of its own: the moves before, again, on the place they worked.
				{Area: "calves", Motion: "glide", Landmarks: []string{}, Direction: []string{}, Pressure: "light", Side: "other"},
			},
		},
		{
			name: "a hold for a while is a step; a warning clause is no move",
			in:   "- Rest your palms on the stomach for a minute.\n- Circle clockwise around the navel, but never press hard on it.",
			want: []stepView{
				{Area: "abdomen", Motion: "hold", Landmarks: []string{"stomach"}, Direction: []string{}, Seconds: "1 min", Hands: []string{"both palms work"}},
				{Area: "abdomen", Motion: "circle", Landmarks: []string{"navel"}, Direction: []string{"around"}, Turn: "clockwise"},
			},
		},
		{
			name: "step by step up the sole",
			in:   "Press your fist into the sole and climb one step at a time toward the toes.",
			want: []stepView{{Area: "feet", Motion: "press-climb", Landmarks: []string{"sole"}, Direction: []string{"up"}, Hands: []string{"one fist work"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import([]byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []stepView
			for _, s := range res.Steps {
				got = append(got, viewStep(s))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("steps (-want +got):\n%s", diff)
			}
		})
	}
}

func TestImportAround(t *testing.T) {
	in := `Scalp rub before bed

Start with clean hair and brush out any tangles. Warm your hands by rubbing them together.

Make small circles with your fingertips all over the scalp for a minute.

Do not massage a scalp with cuts or sores. Take care around the ears.

This is said to ease stress and help you sleep.`
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, p := range res.Prep {
		kinds = append(kinds, p.Kind)
	}
	if diff := cmp.Diff([]string{"clean-hair", "brush-hair", "warm-hands"}, kinds); diff != "" {
		t.Errorf("preparations (-want +got):\n%s", diff)
	}
	if len(res.Warnings) != 2 || len(res.Claims) != 1 || len(res.Steps) != 1 {
		t.Errorf("got %d warnings, %d claims, %d steps; want 2, 1, 1", len(res.Warnings), len(res.Claims), len(res.Steps))
	}
	if res.Title != "Scalp rub before bed" {
		t.Errorf("title %q", res.Title)
	}
}

func TestImportErrors(t *testing.T) {
	_, err := Import(bytes.Repeat([]byte("a"), 2000), Options{MaxBytes: 1000})
	var big *TooLargeError
	if !errors.As(err, &big) || !strings.Contains(err.Error(), "over the limit of 1000 bytes") {
		t.Errorf("too large: got %v", err)
	}
	for _, in := range []string{"", "   \n\n", "A lovely day at the beach. We swam and ate ice cream.", "<html><body><script>rub()</script></body></html>"} {
		res, err := Import([]byte(in), Options{})
		var none *NoInstructionsError
		if !errors.As(err, &none) || res == nil || len(res.Steps) != 0 {
			t.Errorf("Import(%q): got %v, want a NoInstructionsError", in, err)
		}
	}
	for _, in := range []string{"\xff\xfe\x00\x01", "%PDF-1.5\n%\xb5\xed\xae\xfb\n"} {
		res, err := Import([]byte(in), Options{})
		var bin *BinaryError
		if !errors.As(err, &bin) || res != nil {
			t.Errorf("Import(%q): got %v, want a BinaryError", in, err)
		}
	}
}

// No imported text carries markup, whatever the input hides in entities.
func TestImportNoMarkup(t *testing.T) {
	in := `<p>Rub the &lt;script&gt;alert(1)&lt;/script&gt; shoulders in small circles &lt;b&gt;gently&lt;/b&gt;.</p><p>Never press on the spine &lt;img src=x onerror=y&gt;.</p>`
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.Marshal(res)
	if bytes.ContainsAny(data, "<>") || strings.Contains(string(data), `\u003c`) {
		t.Errorf("markup got through: %s", data)
	}
	file, err := RoutineFile(res, nil)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsAny(file, "<>") {
		t.Errorf("markup in the routine file:\n%s", file)
	}
}

// The golden files hold the whole result for one text of each format.
func TestGolden(t *testing.T) {
	cat := builtin(t)
	for _, name := range []string{"face-evening.md", "ear-massage.html", "jaw-release.txt"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata/corpus", name))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Import(src, Options{Name: name, Catalog: cat})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata/golden", name+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s differs from %s (-want +got):\n%s", name, path, diff)
			}
		})
	}
}

// Mode is read from who the text speaks to; a text that names no one is
// the reader's own, unless its moves are mostly on the back, which one
// reaches only with a tool.
func TestImportMode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ask your partner to lie down. Knead their calves slowly.", "partner"},
		{"Sit down and knead your own calves slowly.", "self"},
		{"Knead the calves slowly.", "self"},
		// the title says who receives when the steps do not
		{"# Giving someone a calf rub\n\n1. Knead the calves slowly.\n\n2. Stroke up from the ankle to the knee.\n", "partner"},
		{"# A calf rub\n\n1. Knead the calves slowly.\n\n2. Stroke up from the ankle to the knee.\n", "self"},
		{"# A back rub\n\n1. Glide both palms up either side of the spine, six times.\n\n2. Knead the lower back for a minute.\n", "partner"},
		{"# A back rub\n\n1. Lean against a ball on the wall and roll it up and down the lower back.\n\n2. Knead the lower back for a minute.\n", "self"},
		// "help yourself" takes a tester; "on someone you love" names a receiver
		{"TRY OUR HAND BALM ON SOMEONE YOU LOVE (tester pots on the left, help yourself!)\n\n1. Stroke from the fingertips up to the wrist, 6 times.\n2. Knead the palm with both thumbs.\n", "partner"},
		// the merchant asked for a certificate receives nothing; a partner
		// asked for a rub gives one
		{"# Feet after picking\n\n1. Thumb-walk the sole from heel to toes, twice.\n2. Squeeze the heel for five seconds.\n\nAsk your merchant for the current crop certificate.\n", "self"},
		{"Ask your partner for a rub. Knead the calves slowly.", "partner"},
		// the attendant asked to call first aid receives nothing
		{"# After the sauna\n\n1. Stroke up the back of the calf to the knee, 8 times.\n2. Knead the front of the thigh from the knee towards the hip.\n\nSkip it if your calf is swollen and ask the attendant to call first aid.\n", "self"},
		// the author's hands named beside "your hand": the reader receives
		{"Hand rubs\n\nI warm a bit of hand cream between my palms and take your hand palm up in mine. I press my thumbs into the fleshy pad below your thumb and circle slowly.\n", "partner"},
		// instructions for a carer are for someone cared for
		{"INSTRUCTIONS FOR CARER (daily)\n\nWash the feet and pat them dry.\n\n1. Spread the cream over the top and sole with slow strokes from the toes back to the ankle.\n", "partner"},
		// someone named works the reader's body
		{"Your statement\n\nYou lie face down on the bed with a pillow under your chest.\n\nUnit 1: Sam spreads the oil with long strokes from the middle of your back up over your shoulders, 5 slow rounds.\n\nUnit 2: Sam kneads the tops of your shoulders for a minute.\n", "partner"},
		// "they" work the reader's body
		{"The buddy bit\n\n+ Lie face down on the floor with a towel under you.\n+ They rest both hands on the backs of your thighs and glide up to the hips, 8 long strokes.\n+ They press around the top of each buttock for about 45 seconds.\n", "partner"},
		// a list led in by who works ("Your friend:"), each move in the
		// third person on the reader's body
		{"Wind-down\n\nYour friend:\n- warms a little cream between their fingertips,\n- sweeps it from your chin along the jaw to the ears, eight times,\n- presses small circles into your cheeks for half a minute.\n", "partner"},
		// someone named works the writer's body
		{"The tips jar\n\n£2 - Jude rubs some foot lotion between her palms.\n\n£50 - Jude finishes by squeezing up the back of my calf from ankle to knee, six slow squeezes.\n", "partner"},
		// a move's name is no one's doing
		{"Knee rolls: keeping your knees together, let them roll to one side, 6 each way.\n\nSmall circles with your fingertips over your lower back for a minute.\n", "self"},
		// a move told by the one who received it
		{"When the pains came I lay on my left side, and he pressed one fist into the top of my right buttock and made slow circles for a minute.\n\nThen he stroked my lower back gently.", "partner"},
	}
	for _, tt := range tests {
		res, err := Import([]byte(tt.in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Mode != tt.want {
			t.Errorf("mode of %q = %s, want %s", tt.in, res.Mode, tt.want)
		}
	}
	// the report says when the mode was decided for a text that names no one
	res, err := Import([]byte("# A calf rub\n\n1. Knead the calves slowly.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(res.Unsure, func(u string) bool { return strings.Contains(u, "taken to be for yourself") }) {
		t.Errorf("unsure %q: want it to say the text is taken to be for yourself", res.Unsure)
	}
}

// A whole line set off in emphasis that opens as a caution does is a
// warning of its own, not a heading, and is not run into the next line.
func TestEmphasisedCautionLines(t *testing.T) {
	in := "Hand rub\n\n1. Stroke from the fingertips up to the wrist, 6 times.\n\n*Don't press on swollen or red joints*\n** if the arm goes hot or puffy, ring the nurse first **\n**Neck and shoulders**\nKnead the tops of the shoulders.\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Text)
	}
	want := []string{"Don't press on swollen or red joints.", "if the arm goes hot or puffy, ring the nurse first."}
	if !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
	if n := len(res.Steps); n != 2 || res.Steps[1].Area != "shoulders" {
		t.Errorf("steps %+v: want 2, the second on the shoulders", res.Steps)
	}
}

// A massage told as a story in the past tense: each move the teller
// recalls is a step, irregular past forms as well ("swept").
func TestStoryInThePastTense(t *testing.T) {
	in := "Nana's face routine\n\nShe pressed her fingertips along her forehead from the middle out to the temples, six times. She pinched her eyebrows gently from the nose outwards. She tapped all round her eyes with her ring fingers like rain. She swept her knuckles from her chin up to her ears, eight times on each side. And last, she held her palms over her closed eyes and counted to twenty.\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(res.Steps, func(s Step) bool { return strings.HasPrefix(s.Text, "She swept") }) {
		t.Errorf("steps %+v: want one that sweeps the knuckles", res.Steps)
	}
}

// Numbered tips ("TIP 2/6") are a page's list of moves, not side notes:
// the moves in them are steps; a lone "Tip:" stays a tip.
func TestNumberedTipsAreItems(t *testing.T) {
	in := "GAME LOADING\n\nTIP 1/3  Reach your right hand over to your left shoulder and squeeze the muscle on top. Ten squeezes.\nTIP 2/3  Cup your hand over the round of the shoulder and rub in circles for 15 seconds.\nTIP 3/3  Roll both shoulders backwards slowly, 8 times.\n\nTip: a rub every few levels keeps your shoulders loose.\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 3 {
		t.Errorf("steps %+v: want 3", res.Steps)
	}
	if len(res.Tips) != 1 {
		t.Errorf("tips %+v: want the one under \"Tip:\"", res.Tips)
	}
}

// A board's checklist with "( )" boxes is a list: each box is an item.
func TestParenthesisCheckboxes(t *testing.T) {
	in := "Board: Desk Reset\n\n== TO DO ==\n[card #41] Chest opener - before the stand-up\n  Labels: wellbeing, 5 min\n  Checklist:\n  ( ) Sit tall at the edge of your chair, feet flat\n  ( ) Hook the fingers of your right hand under your left collarbone and rub small circles outwards towards the shoulder, about 20 seconds\n  ( ) Grip the big chest muscle where it meets the armpit between thumb and fingers and squeeze-release 8 times\n  (x) Flat palm, sweep from the breastbone out across the chest to the front of the shoulder, 5 sweeps\n  Comments:\n   Sam: worth it\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Hook the fingers", "Grip the big chest muscle", "Flat palm, sweep"}
	if len(res.Steps) != len(want) {
		t.Fatalf("steps %+v: want %d", res.Steps, len(want))
	}
	for i, w := range want {
		if s := res.Steps[i]; !strings.HasPrefix(s.Text, w) || strings.Contains(s.Text, "( )") || strings.Contains(s.Text, "(x)") {
			t.Errorf("step %d %q: want it to open %q, with no box in it", i+1, s.Text, w)
		}
	}
}

// A notice drawn round with long rows of tildes, its moves on "»" lines:
// the rows are rules, no code fence, and each "»" line is an item, not a
// link; "Read more »" stays a link line.
func TestNoticeBetweenTildeRows(t *testing.T) {
	in := "STOP C - HIGH STREET\nRoute 14 Mon-Fri 06:42 07:12 then every 15 mins\n\n~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\nWAITING? LOOSEN UP\n\n» Roll both shoulders backwards slowly 8 times, then forwards 8 times.\n» Cross your arms and grip the top of each shoulder. Knead with your fingers for about 20 seconds.\n» Stroke your palm down the back of your neck from hairline to shoulders, 5 times.\n~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n\nRead more »\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 3 {
		t.Errorf("steps %+v: want 3", res.Steps)
	}
	if !slices.ContainsFunc(res.Skipped, func(s Skip) bool { return s.Why == "link line" }) {
		t.Errorf("skipped %+v: want \"Read more »\" left out as a link line", res.Skipped)
	}
}

// A festival flyer's title drawn between runs of tildes, and a fence that
// never closes, are no code blocks: the moves under them are read.
func TestTildeTitleAndUnclosedFence(t *testing.T) {
	moves := "\n\n» Soak both feet in warm water for ten minutes.\n» Press your thumbs along the sole from heel to toes, ten passes.\n» Make slow circles with your knuckles into the arch.\n"
	for _, top := range []string{"~~~ HARLOW VALE WALKING FESTIVAL ~~~", "```` EVENING FEET ````", "~~~\nFestival notes", "```text"} {
		res, err := Import([]byte(top+moves), Options{})
		if err != nil {
			t.Errorf("%q: %v", top, err)
			continue
		}
		if len(res.Steps) != 2 {
			t.Errorf("%q: steps %+v, want 2", top, res.Steps)
		}
	}
	res, err := Import([]byte("```\nrub(feet)\n```"+moves), Options{})
	if err != nil || len(res.Steps) != 2 || slices.ContainsFunc(res.Steps, func(s Step) bool { return strings.Contains(s.Text, "rub(") }) {
		t.Errorf("a closed fence: steps %+v, %v: want its code left out and the 2 moves after it", res.Steps, err)
	}
}

// A list numbered in Roman numerals is a list like one numbered 1, 2, 3:
// "I." is no pronoun and "II." no sentence. A ball set against a place in
// an item of its own lends that place to the move of the next item; a
// move of the ball that says "and repeat" is a step, no set-up for the
// next item's move.
func TestRomanNumeralItems(t *testing.T) {
	in := "Ball routine for the desk\n\n(i) Stand against a wall with the ball between the wall and your upper back.\n(ii) Bend your knees to roll the ball up and down over the muscle for a minute.\n(iii) Move the ball across to the other side of your spine and repeat.\n(iv) Then sit and knead the top of your right shoulder with your left hand for 30 seconds.\n\nFor a friend\n\nI. Place your hands on their shoulders and press down slowly with your palms, three times.\nII. Sweep your palms outwards across the shoulder blades. Six sweeps.\n"
	res := importWithCatalog(t, in)
	var got []string
	for _, s := range res.Steps {
		got = append(got, s.Area+": "+s.Text)
	}
	want := []string{
		"upper-back: Bend your knees to roll the ball up and down over the muscle for a minute.",
		"back: Move the ball across to the other side of your spine and repeat.",
		"shoulders: Then sit and knead the top of your right shoulder with your left hand for 30 seconds.",
		"shoulders: Place your hands on their shoulders and press down slowly with your palms, three times.",
		"upper-back: Sweep your palms outwards across the shoulder blades. Six sweeps.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("steps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if v := romanValue("iv"); v != 4 {
		t.Errorf("romanValue(iv) = %d", v)
	}
	if v := romanValue("XII"); v != 12 {
		t.Errorf("romanValue(XII) = %d", v)
	}
}

// Lists typed in less common shapes are lists: each line its own step,
// its marker left out. Lines led by a number in square brackets (a mark
// scheme's marks); lines lettered in capitals ("A. …", "B. …"), where an
// item that only names a move played again ("Stroking again, as in B, to
// finish.") is a step and the items under a lead-in that says what to do
// if something aches are moves, not conditions; lines typed with double
// hyphens or led by em dashes.
func TestListMarkerShapes(t *testing.T) {
	for _, c := range []struct {
		name, in string
		steps    int
		warnings int
	}{
		{"bracketed numbers", "Routine (8 marks)\n[2] Effleurage: the candidate strokes from the top of the thigh up over the buttock, at least 6 strokes.\n[2] Petrissage: the candidate kneads the buttock with alternating hands for about one minute.\n[2] Compressions: the candidate places a soft fist on the upper outer buttock and leans in, 4 compressions.\n[2] The candidate rocks the pelvis gently from side to side with both hands on the hip, 30 seconds.\n", 4, 0},
		{"capital letters", "Comfort on board\n\nIf you are pregnant and your lower back starts to ache, ask the crew for a cushion and let your companion help:\n\nA. Sit sideways on the bench, leaning forward onto the cushion.\nB. Companion: lay both hands flat on her lower back and stroke outwards from the spine to the sides of her waist, 6 slow strokes.\nC. With the heels of the hands, press gently into the muscle just above each hip and let go, 10 times.\nD. Stroking again, as in B, to finish.\n\nDo not press on the spine.\n", 3, 1},
		{"small triangles; a toggle's title over its paragraph",
			"THE DRIVE HOME\n\n ▸ Reach your left hand over to the right side of your neck and\n   knead it gently, for about a minute.\n ▸ Slowly turn your head to look over your right shoulder, back to the\n   middle, then over your left. Eight turns in all.\n ▸ Roll both shoulders backwards 10 times to finish.\n\n▸ **4. Thumb walk**\nThumbs either side of the lower spine, small presses working upward. Do 3 rows.\n", 4, 0},
		{"single angle quotes and crosses", "The wind-down\n› Rest your palms over their forehead and stay there for three slow breaths.\n› Draw your thumbs out across the forehead from the middle to the temples, six times.\n› Press small circles into the temples with two fingertips, ten circles.\n\nPlease don't\n× press on the eyes or the eyelids\n× massage over a cold sore or fresh sunburn\n", 3, 2},
		{"a marker no list knows opens a sentence", "Drive home\n\n ◘ Press the thumb pads into the hollows at the base of your skull\n   and hold for 10 seconds, three times.\n ◘ Slowly turn your head to look over your right shoulder, back to the\n   middle, then over your left.\n", 2, 0},
		{"em dashes", "Cool-down\n\n— Lay your right palm flat on your breastbone and slide it across to the left shoulder and back, ten times.\n— With three fingers, press into the muscle just under the left collarbone, an inch at a time, out to the shoulder.\n— Grip the front of the left shoulder and circle the left arm backwards, 8 times.\n— Finish with both hands flat on your upper chest, fingers touching, and take five slow breaths.\n", 4, 0},
		{"double hyphens", "Note for Abena\n\nI sit beside her and rest her hand on a folded towel on my knee.\n-- Long strokes from her fingertips up to the elbow. Ten or so.\n-- Thumbs wiggling in small circles round her wrist bones, front and back.\n-- I work between her knuckles with my thumb, down towards the wrist.\n-- Each finger gets a slow pull from the base to the tip, twice.\n", 4, 0},
	} {
		res := importWithCatalog(t, c.in)
		if len(res.Steps) != c.steps || len(res.Warnings) != c.warnings {
			t.Errorf("%s: steps %+v, warnings %+v: want %d and %d", c.name, res.Steps, res.Warnings, c.steps, c.warnings)
		}
		for _, s := range res.Steps {
			if strings.HasPrefix(s.Text, "[") || strings.HasPrefix(s.Text, "-") || len(s.Text) > 1 && s.Text[1] == '.' {
				t.Errorf("%s: step %q keeps its marker", c.name, s.Text)
			}
		}
	}
}

// Warm palms rested on a place for a while are a still hold, a step of
// its own: "warm" says how the hands are, no preparation.
func TestWarmPalmsRestedAreAHold(t *testing.T) {
	in := "Lower back\n\nKnead the muscles either side of the lower back for a minute.\nFinish by resting your warm palms on the lower back for half a minute without moving.\n"
	res := importWithCatalog(t, in)
	if len(res.Steps) != 2 || res.Steps[1].Area != "lower-back" {
		t.Errorf("steps %+v: want the hold as a second step, on the lower back", res.Steps)
	}
}

// A stretch or a mobilisation of one's own body, counted or timed, is a
// move of the routine; a fist made without a count is a pose for the
// move after it.
func TestMobilisationsAreMoves(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"Hands after typing\n\n1. Press your thumb in circles over the palm, half a minute.\n2. Make a loose fist, then spread the fingers out wide, ten times.\n", 2},
		{"Neck\n\n- Tip your right ear towards your right shoulder and hold for 15 seconds.\n- Then do the left side.\n", 2},
		{"Lower back\n\n1. Lie on your back with your knees bent.\n2. Let your knees fall slowly from side to side, eight times each way.\n", 1},
		{"Back\n\nMake fists and rub the knuckles up and down beside the spine, 10 times.\n", 1},
		{"Neck\n\n1. Knead the sides of the neck for a minute.\n2. Last, sit tall and let your head hang forward for 20 seconds, breathing slowly.\n", 2},
		{"Neck\n\nKnead the sides of the neck for a minute.\nLast, sit tall and let your head hang forward for 20 seconds, breathing slowly.\n", 2},
		// a caution after the move still moves (and warns)
		{"Jaw\n\n1. Massage the muscle at the angle of the jaw in small circles, a minute each side.\n2. Open and close your mouth slowly, only as far as is comfortable, 10 times.\n", 2},
	} {
		res := importWithCatalog(t, c.in)
		if len(res.Steps) != c.want {
			t.Errorf("%q: steps %+v, want %d", c.in, res.Steps, c.want)
		}
	}
}

// A list numbered in circled digits is a list, each item a step, its
// lines wrapped under it joined; "Tip onto your side" opens with the
// verb, no TIP label.
func TestCircledNumberItems(t *testing.T) {
	in := "USING YOUR ROLLER\n\n  \u2460  Place your right foot on the roller and push it slowly forwards\n     and back, heel to toes, for one minute.\n  \u2461  Stop with the arch over the middle roller and press down for\n     10 seconds.\n  \u2462  Tip onto your left side, reach round and press the heel of your hand into the top of your right buttock, 6 strokes.\n"
	res := importWithCatalog(t, in)
	if len(res.Steps) != 3 {
		t.Fatalf("steps %+v: want 3", res.Steps)
	}
	if !strings.HasPrefix(res.Steps[0].Text, "Place your right foot") || !strings.Contains(res.Steps[0].Text, "for one minute") {
		t.Errorf("first step %q: want the item without its number, its second line joined", res.Steps[0].Text)
	}
	if v := circledValue("\u2462 x"); v != 3 {
		t.Errorf("circledValue = %d, want 3", v)
	}
}

// "1/ Rest …", "2/ Squeeze …": a list numbered with slashes; a fraction
// ("1/2 teaspoon") is no number of an item.
func TestSlashNumberedItems(t *testing.T) {
	in := "Shoulders\n\n1/ Knead the tops of the shoulders for a minute.\n2/ Squeeze the ridge between neck and shoulder tip, six squeezes each side.\n3/ Stroke from the neck over the shoulders to the elbows, five times.\n"
	res := importWithCatalog(t, in)
	if len(res.Steps) != 3 || strings.HasPrefix(res.Steps[0].Text, "1/") {
		t.Errorf("steps %+v: want 3, their numbers left out", res.Steps)
	}
	if m := reNumbered.MatchString("1/2 teaspoon of oil"); m {
		t.Error("a fraction read as an item's number")
	}
}

// "Finish as you started" plays the first move again, as a step on its
// place.
func TestFinishAsYouStarted(t *testing.T) {
	in := "Back rub\n\nStart by rubbing your palms up and down the small of his back for thirty seconds. Then put your thumbs either side of the spine and press, counting to three. Finish as you started, with the palms up and down.\n"
	res := importWithCatalog(t, in)
	if len(res.Steps) != 3 || res.Steps[2].Area != res.Steps[0].Area {
		t.Errorf("steps %+v: want a third step on the first's place", res.Steps)
	}
}

// A list printed with "~" bullets is a list: each line its own step, the
// warnings under "THE SMALL PRINT" each their own; a line drawn between
// tildes ("~ Warm the balm … ~") is no bullet.
func TestTildeBullets(t *testing.T) {
	in := "HOW TO RUB A FOOT\nA Souvenir Print\n\nTHE ROUTINE\n~ Cup the heel in one hand and sweep your other palm from toes to ankle. Ten times.\n~ Press your thumbs in little circles all across the sole for about a minute.\n~ Give each toe a gentle pull and a wiggle.\n~ Now swap feet and start again at the top.\n\nTHE SMALL PRINT\n~ Mind the corns, and don't press on any bunion.\n~ No rubbing if the ankles are swollen.\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 4 {
		t.Errorf("steps %+v: want 4, one a tilde line", res.Steps)
	}
	if len(res.Warnings) != 2 {
		t.Errorf("warnings %+v: want 2", res.Warnings)
	}
	if !tildeBanner("~ SOFT HEADS ~ issue 3 ~") || tildeBanner("~ Cup the heel ~ then sweep.") || tildeBanner("~~~~~~~~~~") {
		t.Error("tildeBanner: want only a line that opens and closes with one tilde")
	}
}

// A script's lines open with who speaks, in capitals, and bracket what the
// audience did: the name and "[laughter]" are no part of the text, so
// "DEV: First you hug both knees …" is a move; "MYTH:" and "FACT:" label
// a line, and no speaker is a name that opens only one line.
func TestScriptSpeakers(t *testing.T) {
	in := "[Transcript: an open mic set]\n\nDEV: So I turned forty and my lower back gave up. [laughter]\n\nDEV: First you hug both knees to your chest and rock side to side, thirty seconds. [laughter]\n\nDEV: Then you put your fists in the small of your back and rub up and down. Ten times.\n\nHOST: Give it up for Dev! [applause]\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 2 || !strings.HasPrefix(res.Steps[0].Text, "First you hug") {
		t.Errorf("steps %+v: want 2, the first \"First you hug …\" with no speaker", res.Steps)
	}
	for _, s := range res.Sentences {
		if strings.Contains(s.Text, "[laughter]") || strings.Contains(s.Text, "[applause]") {
			t.Errorf("sentence %q keeps the audience's reaction", s.Text)
		}
	}
	sp := scriptSpeakers(strings.Split("MYTH: It hurts.\nFACT: It should not.\nMYTH: Once is enough.\nFACT: Daily is best.\nDR PATEL: Hello.\nDR PATEL: Sit down.\nANNE: Hi.", "\n"))
	if sp["MYTH"] || sp["FACT"] || !sp["DR PATEL"] || sp["ANNE"] {
		t.Errorf("speakers %v: want only DR PATEL", sp)
	}
}

// "Both hands round the bottom of the calf" sets the hands for the move
// after it, with no verb of its own, wherever it stands; "After that, the
// heel of your hand along …" is a move with no verb, in a turn of a script.
func TestHandsWithNoVerb(t *testing.T) {
	for _, in := range []string{
		"Sit on the bench, one leg stretched out, heel on the floor. Both hands round the bottom of the calf just above the Achilles. Squeeze and let go, working up towards the back of the knee.\n",
		"Both hands round the bottom of the calf just above the Achilles. Squeeze and let go, working up towards the back of the knee.\n",
	} {
		res, err := Import([]byte(in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Steps) != 1 || !strings.HasPrefix(res.Steps[0].Text, "Both hands round") {
			t.Errorf("%q: steps %+v, want one, the grip and the squeeze", in, res.Steps)
		}
	}
	res := importWithCatalog(t, "PRIYA: Then you put your thumbs either side of the spine and press in little circles down to the bottom of the shoulder blades. About thirty seconds.\n\nTOM: Keep going with that one.\n\nPRIYA: After that, the heel of your hand along the inside edge of the shoulder blade, slow strokes downward. Right side first, then the left side.\n\nTOM: Mm.\n")
	if len(res.Steps) != 2 {
		t.Errorf("steps %+v: want 2, the heel of the hand along the blade one", res.Steps)
	}
}

// A posture then a move joined on with "and" is a move, whatever its verb
// ("knock", "press"); a posture then a product got ready is preparation.
func TestPostureThenMove(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in    string
		steps int
	}{
		{"Sit up, make loose fists and knock gently down the outside of each thigh from hip to knee, three passes.\n", 1},
		{"Kneel on a cushion with one foot forward and press the heel of your hand into the crease at the front of the hip. Hold for 30 seconds.\n", 1},
		{"Sit down and apply the cream to your hands. Stroke up the shin, six times.\n", 1},
	} {
		res, err := Import([]byte(c.in), Options{Catalog: cat})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Steps) != c.steps {
			t.Errorf("%q: steps %+v, want %d", c.in, res.Steps, c.steps)
		}
	}
}

// "Tuck your chin in" works the neck: a step, on the neck.
func TestChinTucked(t *testing.T) {
	res := importWithCatalog(t, "Neck\n\n1. Tuck your chin in and hold for five seconds. Repeat five times.\n2. Stroke down the sides of the neck, six times.\n")
	if len(res.Steps) != 2 || res.Steps[0].Area != "neck" {
		t.Errorf("steps %+v: want 2, the chin tuck on the neck", res.Steps)
	}
}

// A script to be read aloud marks its pauses with "//": each line after
// one is still a sentence of its own, and "http://" is no pause.
func TestScriptPauses(t *testing.T) {
	in := "Here is a little routine. //\nFirst, place your fingertips in the middle of your forehead and draw them out towards your temples, slowly, five times. //\nNow make small slow circles on your temples with two fingers, for about twenty seconds. //\n"
	res := importWithCatalog(t, in)
	if len(res.Steps) != 2 {
		t.Errorf("steps %+v: want 2", res.Steps)
	}
	if got := rePause.ReplaceAllString("see http://example.com // now", " "); !strings.Contains(got, "http://example.com") || strings.Contains(got, " // ") {
		t.Errorf("pause stripped to %q: want the address kept and the pause gone", got)
	}
}

// A sheet pasted as text: its header row is left out, each row is a step,
// the notes cell a sentence of its own (so a caution there is a warning),
// and a row that repeats rows by number is no step.
func TestSheetPastedWithTabs(t *testing.T) {
	in := "Buddy foot rub\n\nRow\tWho\tWhat to do\tCount / time\tNotes\n1\tBuddy\tHold the foot in both hands and stroke from the toes up to the ankle\t10 strokes\tFirm but slow\n2\tBuddy\tWork your thumbs in small circles along the arch, heel to ball\t60 sec\tAvoid blisters and any broken skin\n3\tBuddy\tSqueeze and roll each toe between thumb and finger\t3 rolls per toe\tDon't pull hard on them\n4\tBoth\tSwap to the other foot and repeat rows 1-3\t-\t\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 3 {
		t.Errorf("steps %+v: want 3", res.Steps)
	}
	if len(res.Warnings) != 2 {
		t.Errorf("warnings %+v: want 2, the notes cells", res.Warnings)
	}
}

// A chat whose stamps open with the day ("[Tue 21:48] Debbie (MD): …")
// is read message by message, the sender and their role in brackets no
// part of the text; "Last of all" opens a move as "Finally" does.
func TestChatWithDaysAndRoles(t *testing.T) {
	in := "Choir group\n\n[Tue 21:47] Debbie (MD): Thanks for a lovely rehearsal, everyone.\n[Tue 21:48] Debbie (MD): Walk your fingertips up the back of the neck in little circles, from the base up to the hairline, 3 times.\n[Tue 21:49] Debbie (MD): Gently knead the muscle running down each side of the neck between your fingers and thumb for about 30 seconds.\n[Tue 21:50] Debbie (MD): Last of all rest both hands still on their shoulders for a minute.\n"
	res := importWithCatalog(t, in)
	if len(res.Steps) != 3 {
		t.Errorf("steps %+v: want 3", res.Steps)
	}
	for _, s := range res.Steps {
		if strings.Contains(s.Text, "Debbie") || strings.Contains(s.Text, "21:") {
			t.Errorf("step %q keeps its sender or stamp", s.Text)
		}
	}
}

// "Cup the back of the head with one hand and slowly let their chin drop"
// is a move of its own, not hands set for the next item's sweep.
func TestHeadCuppedAndLowered(t *testing.T) {
	in := "Neck and shoulders\n\n4. Press the heels of your hands into the top of the back, beside the shoulder blades, and lean in gently for ten seconds.\n5. Cup the back of the head with one hand and slowly let their chin drop towards the chest, then lift it back up. Three times, no more.\n6. Finish by sweeping both palms from the neck out over the shoulders and down the arms to the elbows, five long strokes.\n"
	res := importWithCatalog(t, in)
	if len(res.Steps) != 3 {
		t.Errorf("steps %+v: want 3", res.Steps)
	}
}

// A museum trail's "Stop 4" heading is a place on the trail, no caution:
// the moves listed under it are moves, not warnings.
func TestTrailStopIsNoCaution(t *testing.T) {
	in := "Family Trail\n\nStop 4 · The Weaving Shed\nSit your grown-up down on the long bench and try what a weaver taught her children:\n• Walk your fingers along the top of their shoulders from the neck out to the arms, three times.\n• Give their shoulders a soft squeeze, five times.\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 2 || len(res.Warnings) != 0 {
		t.Errorf("steps %+v, warnings %+v: want 2 steps and no warning", res.Steps, res.Warnings)
	}
}

// importWithCatalog imports a text as the command does, matched against
// the built-in catalog, and stops the test on an error.
func importWithCatalog(t *testing.T, in string) *Result {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import([]byte(in), Options{Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A WebVTT file's voice tags ("<v Maya>") and a stage note with a word
// after it ("[music fades]") are no part of what is said.
func TestWebVTTVoiceTags(t *testing.T) {
	in := "WEBVTT\n\n00:00:04.000 --> 00:00:08.500\n<v Maya>[music fades] Today: my feet and a rolling pin.\n\n00:00:18.000 --> 00:00:24.000\n<v Maya>Roll the whole sole slowly back and forth\nfor about a minute, keep it gentle to start.</v>\n\n00:00:24.000 --> 00:00:30.000\n<v Maya>Now press the pin into the arch for ten seconds, five times.\n"
	res, err := Import([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 2 || !strings.HasPrefix(res.Steps[0].Text, "Roll the whole sole") || !strings.HasPrefix(res.Steps[1].Text, "Now press the pin") {
		t.Fatalf("steps %+v, want the roll and the press without their tags", res.Steps)
	}
	for _, s := range res.Sentences {
		if strings.Contains(s.Text, "music") || strings.Contains(s.Text, "<") || strings.Contains(s.Text, "v Maya") {
			t.Errorf("sentence %q keeps a tag", s.Text)
		}
	}
}
