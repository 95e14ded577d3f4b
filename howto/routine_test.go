package howto

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/massage"
)

func builtin(t testing.TB) *massage.Catalog {
	t.Helper()
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatalf("the built-in catalog does not load: %v", err)
	}
	return cat
}

// corpusTexts lists the how-to texts under testdata/corpus and
// testdata/heldout, and the seed texts when ../shared/seeds is there.
func corpusTexts(t testing.TB, seeds bool) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"testdata/corpus", "testdata/heldout", "testdata/heldout2", "testdata/heldout3", "testdata/heldout4", "testdata/heldout5", "testdata/heldout6", "testdata/heldout7"} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if isText(e.Name()) {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	if seeds {
		if ents, err := os.ReadDir(seedDir); err == nil {
			for _, e := range ents {
				if isText(e.Name()) {
					files = append(files, filepath.Join(seedDir, e.Name()))
				}
			}
		}
	}
	return files
}

const seedDir = "../../shared/seeds"

// Every text imports to a routine file that the catalog's checker accepts.
func TestRoutineFilesCheck(t *testing.T) {
	cat := builtin(t)
	for _, f := range corpusTexts(t, true) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Import(src, Options{Name: f, Catalog: cat})
			if err != nil {
				t.Fatal(err)
			}
			data, err := RoutineFile(res, cat)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "routine.yaml")
			if err := os.WriteFile(out, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if errs := catalog.Check(nil, []string{out}); errs != nil {
				t.Fatalf("knead check rejects the imported routine:\n%v\n--- file:\n%s", errs, data)
			}
			rt, err := catalog.ParseRoutine(cat, out, data)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, it := range rt.Items {
				for _, s := range it.Steps {
					n++
					if !strings.Contains(res.Steps[n-1].Text, strings.TrimSuffix(s.Say, "…")) {
						t.Errorf("step %d says %q, not the author's sentence %q", n, s.Say, res.Steps[n-1].Text)
					}
				}
			}
			if n != len(res.Steps) {
				t.Errorf("the routine has %d steps, the import found %d", n, len(res.Steps))
			}
		})
	}
}

// The routine file keeps every warning in the author's words, as a caution
// of its own beside any catalog caution it matches, and every preparation
// the catalog does not name, with its time when the text gives one.
func TestRoutineFileKeepsWarningsAndPreparations(t *testing.T) {
	cat := builtin(t)
	src := []byte(`Foot rub

You will need a small towel. Soak the feet in warm water for ten minutes.

1. Stroke from the toes up to the ankle with your palms, eight times, staying off any corns or cracked skin.
2. Press slow circles along the arch with your thumbs.

Never work on a foot that is red, hot or swollen.
`)
	res, err := Import(src, Options{Name: "foot.txt", Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 2 {
		t.Fatalf("warnings found: %+v, expected the caution inside step 1 and the last line", res.Warnings)
	}
	var soak *Prep
	for i := range res.Prep {
		if res.Prep[i].Kind == "soak" {
			soak = &res.Prep[i]
		}
	}
	if soak == nil || soak.Seconds == nil || soak.Seconds.Usual != 600 {
		t.Errorf("the soak's ten minutes: got %+v", soak)
	}
	data, err := RoutineFile(res, cat)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "routine.yaml")
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if errs := catalog.Check(nil, []string{out}); errs != nil {
		t.Fatalf("knead check rejects the file:\n%v\n%s", errs, data)
	}
	rt, err := catalog.ParseRoutine(cat, out, data)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		"say: Staying off any corns or cracked skin.",
		"say: Never work on a foot that is red, hot or swollen.",
		"id: imported-foot-rub-warning-1",
		"id: imported-foot-rub-warning-2",
		"sources:\n      - foot.txt",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the file lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "The text warns") {
		t.Errorf("a warning is kept twice, as a note too:\n%s", text)
	}
	if !slices.Contains(rt.Cautions, "imported-foot-rub-warning-2") {
		t.Errorf("the routine's cautions %v lack the text's own warning", rt.Cautions)
	}
	if st := rt.Items[0].Steps[0]; !slices.Contains(st.Cautions, "imported-foot-rub-warning-1") {
		t.Errorf("step 1's cautions %v lack the caution said inside it", st.Cautions)
	}
	for _, p := range res.Prep {
		if p.ID == "" && !strings.Contains(text, "say: "+p.Text) {
			t.Errorf("preparation %q (%s) is not kept in the file:\n%s", p.Text, p.Kind, text)
		}
	}
}

// TestCautionListUnderALeadIn: each item of a list of cautions led in by a
// line of its own ("… out if:", "Ask us before you do this if:") is a
// warning, however it is worded, and the routine file
// says it with the line that leads it in; the lead-in is no warning and no
// step of its own.
func TestCautionListUnderALeadIn(t *testing.T) {
	cat := builtin(t)
	for _, lead := range []string{"Please leave the back rub out if:", "Ask us before you do this if:"} {
		src := []byte("Back rub for Dad\n\n" + lead + `
- it is less than an hour after his dinner
- he tells you he's had enough for today
- the skin over his hip is red or broken

1. Stroke up either side of the spine with flat hands, ten times.
2. Knead the tops of the shoulders for a minute.
`)
		res, err := Import(src, Options{Name: "dad.txt", Catalog: cat})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Warnings) != 3 {
			t.Fatalf("%s: warnings: %+v, want the three items", lead, res.Warnings)
		}
		for _, w := range res.Warnings {
			if w.Lead != lead {
				t.Errorf("warning %q: lead %q", w.Text, w.Lead)
			}
		}
		if len(res.Steps) != 2 {
			t.Errorf("%s: steps: %d, want 2", lead, len(res.Steps))
		}
		b, err := RoutineFile(res, cat)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(lead+" he tells you he's had enough for today")) {
			t.Errorf("the routine file does not say the item with its lead-in:\n%s", b)
		}
	}
}

// TestCautionLeadInAfterSentences: the line that leads in a list of
// cautions may close a paragraph of other sentences, and a page's lines
// may come joined by single line breaks; the list's lines are still each
// a warning, said with the lead-in sentence alone.
func TestCautionLeadInAfterSentences(t *testing.T) {
	src := []byte("Tummy rub\nYou can do it yourself every morning. Don't do this massage if you are:\npregnant\nhave a hernia\nrecovering from surgery\nLie on your back with your knees bent.\nMake slow clockwise circles round the navel with your fingertips, ten times.\n")
	res, err := Import(src, Options{Name: "tummy.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Text)
		if w.Lead != "Don't do this massage if you are:" {
			t.Errorf("warning %q: lead %q", w.Text, w.Lead)
		}
	}
	if strings.Join(got, "|") != "pregnant|have a hernia|recovering from surgery" {
		t.Errorf("warnings %q, want the three lines of the list", got)
	}
	if len(res.Steps) != 1 {
		t.Errorf("steps %+v, want the circles only", res.Steps)
	}
}

// TestThenLeadsIntoSteps: a line that warns and ends in "then:" ("Wait
// until feeling has fully returned to your lips, then:") leads into the
// steps: it is a warning itself, and the items under it are moves.
func TestThenLeadsIntoSteps(t *testing.T) {
	src := []byte("Jaw and face reset\n\nWait until feeling has fully returned to your lips and cheeks, then:\n\nStep one. Place your fingertips on your temples and make small, slow circles for 20 seconds.\nStep two. Pinch along the jaw bone with your thumb underneath, working from the chin out to the corner, 3 passes.\n")
	res, err := Import(src, Options{Name: "jaw.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 2 || len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0].Text, "Wait until") {
		t.Errorf("steps %d, warnings %+v: want 2 steps and the lead-in as the one warning", len(res.Steps), res.Warnings)
	}
}

// TestCautionLeadAfterASentenceIsNoMove: a lead-in that closes a block
// after another sentence ("Contraindications discussed in class. Do NOT
// massage the head or face if your partner has:") is neither a step nor a
// warning of its own; "Stop rolling if you feel numbness" warns.
func TestCautionLeadAfterASentenceIsNoMove(t *testing.T) {
	src := []byte("Head rub\n\n1. Circle your fingertips over the scalp for a minute.\n2. Roll the foam roller up the thigh for a minute.\n\nStop rolling if you feel numbness or tingling down the leg.\n\nContraindications discussed in class. Do NOT massage the head or face if your partner has:\n- a head injury in the last few weeks\n- a high temperature or fever\n")
	res, err := Import(src, Options{Name: "head.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 2 {
		t.Errorf("steps %+v: want the two moves only", res.Steps)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Text)
	}
	if want := "Stop rolling if you feel numbness or tingling down the leg.|a head injury in the last few weeks|a high temperature or fever"; strings.Join(got, "|") != want {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestCareLabelIsNoWarning: a product's care label ("Do not dispose of in
// household waste", "Do not tumble dry", "Do not machine wash", "Do not
// swallow") and a letter's "Please do not reply" warn of nothing about
// the body.
func TestCareLabelIsNoWarning(t *testing.T) {
	if got := warningTexts(t, "Hand rub\n\n1. Press circles into your left palm with your right thumb for a minute.\n\nDo not dispose of in household waste. Do not tumble dry. Do not machine wash the foam core.\n\nPlease do not reply to this email. Do not swallow.\n"); len(got) != 0 {
		t.Errorf("warnings %q, want none", got)
	}
}

// warningTexts imports src and gives its warnings' texts, in order.
func warningTexts(t *testing.T, src string) []string {
	t.Helper()
	res, err := Import([]byte(src), Options{Name: "warn.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Text)
	}
	return got
}

// TestStopSaidOutright: "Ease off straight away, or stop altogether",
// "Leave the massage until a doctor or physio has said it is safe", "Ease
// off anything that makes them wince" and "Hold back if …" warn, and so
// do "Leave it until the feeling has come back", "Leave anything swollen
// or hot to the doctor" and "leave this to your physio", and "If it
// hurts, ease off" after a tag ("[RED]"); "just don't sell it", "you don't
// need oil" and "leave the centrepiece on the table until the end" do not. Each
// want is a piece of one warning's text, in order.
func TestStopSaidOutright(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
	}{
		{"Hand rub\n\n1. Press circles into your left palm with your right thumb for a minute.\n\nIf it hurts: ease off straight away, or stop altogether.\n\nLeave the massage until a doctor or physio has said it is safe.\n\nCopy it, share it, just don't sell it!\n\nEase off anything that makes them wince. Hold back if the arm is swollen.\n\nEase off straight away if she gets a shooting pain down the leg.\n",
			[]string{"stop altogether", "Leave the massage", "Ease off anything", "Hold back if", "Ease off straight away if"}},
		{"Calf rub\n\n1. Squeeze up the calf between both palms for a minute.\n\n[RED] If it hurts, ease off.\n\nIf it's cold, you don't need oil.\n",
			[]string{"ease off"}},
		// a word of care with its caution after the colon (not one that
		// only announces it); going gently, said with a reason; a warning
		// sign named
		{"Scalp rub\n\n1. Circle your fingertips over the scalp for a minute.\n\nA word of care: get out of the bath slowly, as warm water can leave you light-headed.\n\nNow, a word of care.\n\nGo gently: the scalp is thin and a little pressure goes a long way.\n\nIf you get a pounding headache at altitude, that's a warning sign: tell your leader.\n",
			[]string{"get out of the bath", "Go gently", "warning sign"}},
		{"Jaw rub\n\nLeave it until the feeling has come back in your lip.\n\n1. Massage the muscle at the angle of the jaw in small circles, a minute each side.\n\nLeave anything swollen or hot to the doctor. If it clicks, leave this to your physio.\n\nPlease leave the centrepiece on the table until the end of the meal.\n",
			[]string{"Leave it until", "Leave anything", "your physio"}},
	} {
		got := warningTexts(t, c.src)
		ok := len(got) == len(c.want)
		for i := 0; ok && i < len(got); i++ {
			ok = strings.Contains(got[i], c.want[i])
		}
		if !ok {
			t.Errorf("warnings %q, want %q", got, c.want)
		}
	}
}

// TestModelWarnsOnACautionWord: the warning model's word counts at a
// lower probability when the sentence holds a word a caution turns on
// ("not too firm", "pain"), and never for a negation that only lets the
// reader off something ("you don't need a blanket").
func TestModelWarnsOnACautionWord(t *testing.T) {
	src := "Foot rub\n\n1. Rub slow circles over the soles with both thumbs, ten times. Not too firm over the shins, he is ticklish and will jump.\n" +
		"2. Stroke from the toes up to the ankle. If it's warm, you don't need a blanket.\n\n" +
		"Ask your pharmacist about pain relief if the soreness lasts past a few days.\n"
	got := warningTexts(t, src)
	want := []string{"Not too firm over the shins", "Ask your pharmacist about pain relief"}
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = strings.Contains(got[i], want[i])
	}
	if !ok {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestTicketNumberLeadsNoCautions: a ticket's "No. 0417" over a list's
// lead-in is a number, not a "no", "No equipment" needs nothing and "Not a
// doctor, but …" says who speaks: the list under each is moves, not
// cautions.
func TestTicketNumberLeadsNoCautions(t *testing.T) {
	for _, src := range []string{
		" STUB 0417\n No. 0417          Colour: ORANGE\n\n Our physio team's foot reset, done on your own\n on the grass:\n » Circle each ankle slowly, 10 one way and 10 the other.\n » Walk your thumbs up the arch of each foot, heel to ball, 3 times.\n",
		// nothing needed; who speaks
		"No equipment, 3 minutes, sofa allowed:\n- Circle each ankle slowly, 10 one way and 10 the other.\n- Walk your thumbs up the arch of each foot, heel to ball, 3 times.\n",
		"Not a doctor, but a physio showed me this and I run it at 11:00:\n\n1. Circle each ankle slowly, 10 one way and 10 the other.\n2. Walk your thumbs up the arch of each foot, heel to ball, 3 times.\n",
	} {
		res, err := Import([]byte(src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Steps) != 2 || len(res.Warnings) != 0 {
			t.Errorf("%d steps and warnings %q, want 2 steps and no warning", len(res.Steps), warningTexts(t, src))
		}
	}
}

// TestCautionLeadInUnderItsTitle: a numbered clause's title line over the
// line that leads in its cautions ("3.3 When not to massage" over "Do not
// give this massage if the resident:"): the last line leads in, and each
// item under it warns; a caution on the line after the list, with no
// full stop before it, is a sentence of its own.
func TestCautionLeadInUnderItsTitle(t *testing.T) {
	src := []byte("Shoulder rub\n\n3.2 Knead the tops of the shoulders for a minute.\n\n3.3 When not to massage\nDo not give this massage if the resident:\n• has had a fall in the last six weeks\n• has a skin tear or bruise on the area\n• says they feel dizzy\nNever press on the spine.\n")
	res, err := Import(src, Options{Name: "rub.txt"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Text)
	}
	want := "has had a fall in the last six weeks|has a skin tear or bruise on the area|says they feel dizzy|Never press on the spine."
	if strings.Join(got, "|") != want {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// TestShopNoticeLeadsInNoCautions: a section heading that forbids
// something other than the massage ("NO REFUNDS ON MIXED PAINT") does
// not make cautions of the list under it; one about the body does.
func TestShopNoticeLeadsInNoCautions(t *testing.T) {
	list := "Here's what the course sheet says:\n→ roll the ball up and down beside the spine, 20 times\n→ a fever or a fall in the last month\n"
	for _, c := range []struct {
		heading string
		want    int
	}{
		{"NO REFUNDS ON MIXED PAINT", 0},
		{"NO PARKING IN FRONT OF THE GATES", 0},
		{"CONTRAINDICATIONS", 2},
		{"Never massage if", 2},
	} {
		got := warningTexts(t, "Back ease\n\nKnead the tops of the shoulders for a minute.\n\n"+c.heading+"\n\n"+list)
		if len(got) != c.want {
			t.Errorf("under %q: warnings %q, want %d", c.heading, got, c.want)
		}
	}
}

// TestCautionListUnderALabel: under a heading that only names the list
// ("Warnings", "Contraindications"), an item that is a sentence of its own
// is said alone, and a fragment after the heading and a colon: never
// "Warnings Don't massage …".
func TestCautionListUnderALabel(t *testing.T) {
	cat := builtin(t)
	for _, c := range []struct{ name, heading, item, want string }{
		{"a sentence of its own", "Warnings", "Don't massage a calf that is swollen or hot.", "say: Don't massage a calf that is swollen or hot."},
		{"a fragment", "Contraindications", "a recent calf injury", "say: \"Contraindications: a recent calf injury\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "Calf rub\n\n1. Knead the calf for a minute.\n2. Stroke up from ankle to knee, six times.\n\n" + c.heading + "\n\n- " + c.item + "\n- Stop if it hurts.\n"
			res, err := Import([]byte(src), Options{Name: "calf.txt", Catalog: cat})
			if err != nil {
				t.Fatal(err)
			}
			b, err := RoutineFile(res, cat)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte(c.want)) {
				t.Errorf("the routine file does not hold %q:\n%s", c.want, b)
			}
		})
	}
}
