package howto

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\r\nb\rc", "a\nb\nc"},
		{"tab\there", "tab\there"}, // kept: a sheet pasted as text splits its cells by tabs
		{"esc\x1b[31mred", "esc[31mred"},
		{"bad \xff byte", "bad   byte"},
		{"\ufeffbom and\u200bzero", "bom andzero"},
		{"nbsp\u00a0space", "nbsp space"},
	}
	for _, tt := range tests {
		if got := clean([]byte(tt.in)); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{"<!DOCTYPE html><p>Rub.</p>", FormatHTML},
		{"<p>Rub the feet.</p><p>Then the calves.</p>", FormatHTML},
		{"# Title\n\n- rub\n- knead\n", FormatMarkdown},
		{"Rub the feet. Knead the calf.\n", FormatText},
		{"Use 2 < 3 fingers.", FormatText},
	}
	for _, tt := range tests {
		if got := detect(tt.in); got != tt.want {
			t.Errorf("detect(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

type lineView struct {
	N     int
	Kind  lkind
	Text  string
	Num   int
	Title string
}

func view(ls []line) []lineView {
	var out []lineView
	for _, l := range ls {
		if l.kind == lBlank {
			continue
		}
		out = append(out, lineView{l.n, l.kind, l.text, l.num, l.title})
	}
	return out
}

func TestTextLines(t *testing.T) {
	in := strings.Join([]string{
		"# Neck *reset*",
		"",
		"1. Rub the **neck** gently.",
		"- [Read more](https://example.com) about it",
		"**Step 2: Knead.** Knead the calf.",
		"Step 3: Apply the cream",
		"* **Finish:** stroke down both sides.",
		"![photo](x.jpg)",
		"Title",
		"=====",
		"See https://example.com/x now <b>bold</b>",
		"→ Thumbs press up the centre line, forehead → crown.",
		"-> Comb the fingers through the hair.",
	}, "\n")
	want := []lineView{
		{1, lHeading, "Neck reset", 0, ""},
		{3, lItem, "Rub the neck gently.", 1, ""},
		{4, lItem, "Read more about it", 0, ""},
		{5, lItem, "Knead the calf.", 2, "Knead."},
		{6, lHeading, "Step 3: Apply the cream", 3, ""},
		{7, lItem, "stroke down both sides.", 0, "Finish:"},
		{9, lHeading, "Title", 0, ""},
		{11, lText, "See now bold", 0, ""},
		{12, lItem, "Thumbs press up the centre line, forehead → crown.", 0, ""},
		{13, lItem, "Comb the fingers through the hair.", 0, ""},
	}
	if diff := cmp.Diff(want, view(textLines(in))); diff != "" {
		t.Errorf("textLines (-want +got):\n%s", diff)
	}
}

func TestHTMLLines(t *testing.T) {
	in := `<html><head><title>Ear rub &amp; more</title><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a></nav>
<h1>Ear&nbsp;rub</h1>
<script>document.write("<p>Step 1: click</p>")</script>
<p>Warm your hands &ndash; then start.<br>Second line.</p>
<ol><li>Rub the rim.</li><li>Pull the <b>lobes</b>.<p>Softly.</p></li></ol>
<div class="ad-slot"><p>Buy now!</p></div>
<ul><li>Done</li></ul>
<!-- <p>hidden</p> -->
<p>&lt;script&gt;alert(1)&lt;/script&gt; stays text</p>
</body></html>`
	lines, title, _ := htmlLines(in)
	if title != "Ear rub & more" {
		t.Errorf("title = %q", title)
	}
	want := []lineView{
		{3, lHeading, "Ear rub", 0, ""},
		{5, lText, "Warm your hands – then start.", 0, ""},
		{5, lText, "Second line.", 0, ""},
		{6, lItem, "Rub the rim.", 1, ""},
		{6, lItem, "Pull the lobes. Softly.", 2, ""},
		{8, lItem, "Done", 0, ""},
		{10, lText, "scriptalert(1)/script stays text", 0, ""},
	}
	if diff := cmp.Diff(want, view(lines)); diff != "" {
		t.Errorf("htmlLines (-want +got):\n%s", diff)
	}
}

// A table of steps: the header row is left out, a number cell numbers the
// row and a short name before the instruction is its title.
func TestHTMLTableRows(t *testing.T) {
	in := `<table>
<thead><tr><th>#</th><th>Move</th><th>How</th><th>Reps</th></tr></thead>
<tbody>
<tr><td>1</td><td>Long stroke</td><td>Both hands glide from the wrist up to the shoulder.</td><td>5&times;</td></tr>
<tr><td>Brow smooth</td><td>Stroke out along the brows</td><td>6 strokes</td></tr>
<tr><td>time</td><td>about 6 minutes</td></tr>
</tbody></table>`
	lines, _, _ := htmlLines(in)
	want := []lineView{
		{4, lItem, "Both hands glide from the wrist up to the shoulder. 5×", 1, "Long stroke"},
		{5, lItem, "Brow smooth. Stroke out along the brows. 6 strokes", 0, ""},
		{6, lItem, "time. about 6 minutes", 0, ""},
	}
	if diff := cmp.Diff(want, view(lines)); diff != "" {
		t.Errorf("htmlLines (-want +got):\n%s", diff)
	}
}

func TestSentences(t *testing.T) {
	got := sentenceTexts(&block{text: "Dr. Ito says rub it, e.g. twice. Press 2.5 cm in! Is it done? Yes… Finally “rest.” Then stop", starts: []lineStart{{0, 7}}})
	want := []string{"Dr. Ito says rub it, e.g. twice.", "Press 2.5 cm in!", "Is it done?", "Yes…", "Finally “rest.”", "Then stop"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}

// sentenceTexts splits b into sentences and gives their texts.
func sentenceTexts(b *block) []string {
	splitSentences(b)
	var got []string
	for _, s := range b.sents {
		got = append(got, s.text)
	}
	return got
}

// The items of a label or notice in capitals, parted by middle dots, are
// sentences of their own; a heading's "Sunday 3 August · 2.30 pm", or a
// capital item before one in small letters, stays whole.
func TestSentencesParted(t *testing.T) {
	got := sentenceTexts(&block{text: "NOT ON A FRESH SPRAIN · STOP IF NUMB OR TINGLING ·\nDRY YOUR HANDS FIRST ·", starts: []lineStart{{0, 1}, {51, 2}}})
	want := []string{"NOT ON A FRESH SPRAIN", "STOP IF NUMB OR TINGLING", "DRY YOUR HANDS FIRST"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	for _, whole := range []string{"Summer Concert in the Park · Sunday 3 August · 2.30 pm", "FREE NECK RUB · (well, sort of)"} {
		if got := sentenceTexts(&block{text: whole, starts: []lineStart{{0, 1}}}); len(got) != 1 {
			t.Errorf("%q: %q, want it whole", whole, got)
		}
	}
}

// A sentence opened in small letters by a slip after a full stop ("… the
// back. then gently comb …") is a sentence of its own; after an ellipsis
// ("three long strokes... then let the hands rest") the clause runs on.
func TestSentencesOpenedInSmallLetters(t *testing.T) {
	got := sentenceTexts(&block{text: "Rub small circles all over the back. then gently comb down to the ankles. Three long strokes... then let the hands rest.", starts: []lineStart{{0, 1}}})
	want := []string{"Rub small circles all over the back.", "then gently comb down to the ankles.", "Three long strokes... then let the hands rest."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}

// A short line with no end punctuation before a line in capitals is a
// sentence of its own; a long hard-wrapped line runs on.
func TestSentencesShortLines(t *testing.T) {
	text := "Hold: 30 seconds   Repeat: 3 times Do not bounce. Stroke the calf slowly with both palms and keep going up to the Knee, then back."
	got := sentenceTexts(&block{text: text, starts: []lineStart{{0, 1}, {35, 2}, {50, 3}, {114, 4}}})
	want := []string{"Hold: 30 seconds   Repeat: 3 times", "Do not bounce.", "Stroke the calf slowly with both palms and keep going up to the Knee, then back."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}

// An aside that holds the text's cautions is read; another is furniture.
func TestHTMLSafetyAside(t *testing.T) {
	in := `<aside class="related"><p>Read more</p></aside>
<aside><h2>Safety</h2><ul><li>Never press on the spine.</li></ul></aside>
<aside class="caution-box"><p>Stop if it hurts.</p></aside>
<aside><p><strong>Not for you if:</strong> you have a skin condition on the thigh.</p></aside>`
	lines, _, left := htmlLines(in)
	want := []lineView{
		{2, lHeading, "Safety", 0, ""},
		{2, lItem, "Never press on the spine.", 0, ""},
		{3, lText, "Stop if it hurts.", 0, ""},
		{4, lText, "Not for you if: you have a skin condition on the thigh.", 0, ""},
	}
	if diff := cmp.Diff(want, view(lines)); diff != "" {
		t.Errorf("htmlLines (-want +got):\n%s", diff)
	}
	if len(left) != 1 {
		t.Errorf("left out %v, want the related aside only", left)
	}
}

func TestNoise(t *testing.T) {
	tests := []struct {
		text     string
		why      string
		comments bool
	}{
		{"BananaStock/BananaStock/Getty Images", "image credit", false},
		{"Photograph by Anna Berg for Wellbeing Weekly", "image credit", false},
		{"Posted on: November 21, 2008", "byline or date", false},
		{"By Lee Okafor", "byline or date", false},
		{"Related: 10 Bedtime Habits That Actually Work", "link line", false},
		{"Share this: Facebook | Twitter | Pinterest", "link line", false},
		{"Hartwell Park · Home · Roll-up 1.30, Start 2.00", "link line", false},
		{"Knead slowly · both sides · 30 seconds each, then stroke up the back and rest.", "", false},
		{"ADVERTISEMENT", "advertisement", false},
		{"Glow Serum: 20% off this week only. Shop now", "advertisement", false},
		{"Never rub a calf that is hot, red or swollen; that needs a doctor, not a newsletter.", "", false},
		{"14 Comments", "reader comments", true},
		{"Marta says:", "reader comments", true},
		{"Gemma says: no rubbing over verrucas or a diabetic foot without the OK from their nurse. Stop if anything hurts.", "", false},
		{"Gemma says: this was lovely, thank you!", "reader comments", true},
		{"Reply", "reader comments", true},
		{"Comment: Keep, but make it a gentle pinch-and-lift, not a squeeze.", "", false},
		{"Rub the feet with both hands for a minute.", "", false},
		{"By pressing on the sole you relax the whole foot, so take your time with it.", "", false},
		{"Your therapist says: relax.", "", false},
	}
	for _, tt := range tests {
		why, c := noise(&block{text: tt.text, kind: bHeading})
		if why != tt.why || c != tt.comments {
			t.Errorf("noise(%q) = %q, %v; want %q, %v", tt.text, why, c, tt.why, tt.comments)
		}
	}
}

// TestStepsInTheComments: reader comments are furniture, unless the page's
// own text gives no moves (a video's page, where a viewer wrote the steps
// out): then they are read.
func TestStepsInTheComments(t *testing.T) {
	video := "Easy head rub for your partner\n\nFilmed in one take. Watch the safety note at the end.\n\nComments (41)\n\n@kirsty\nHere's what she does:\n1. Put your fingertips on their scalp and move the skin in small circles, about 3 minutes.\n2. Rub along the rim of each ear from top to lobe, three times.\n"
	res, err := Import([]byte(video), Options{})
	if err != nil {
		t.Fatalf("the steps in the comments are not read: %v", err)
	}
	if len(res.Steps) != 2 {
		t.Errorf("%d steps, want the comment's 2", len(res.Steps))
	}
	post := "Foot rub\n\n1. Knead the sole with both thumbs for a minute.\n\n14 Comments\n\nMarta says:\nI also squeeze each toe three times.\n"
	res, err = Import([]byte(post), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 1 {
		t.Errorf("%d steps, want 1 (comments under a page with steps stay out)", len(res.Steps))
	}
}

// A thread copied out of a phone writes each message's sender and time
// before it ("Kat 19:44: ok move her to the bed"): each message is an
// item of its own, read without them.
func TestMessageThreadLines(t *testing.T) {
	in := "Sam 19:41: can I rub it?\nKat 19:53: then thumbs together, press and hold on any knotty bit, 10 secs\nKat 19:55: do the same on the other side\n"
	want := []lineView{
		{1, lItem, "can I rub it?", 0, ""},
		{2, lItem, "then thumbs together, press and hold on any knotty bit, 10 secs", 0, ""},
		{3, lItem, "do the same on the other side", 0, ""},
	}
	got := view(textLines(in))
	if len(got) > len(want) {
		got = got[:len(want)]
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("textLines (-want +got):\n%s", diff)
	}
}

// A writer who opens with a small letter opens each sentence so; a row
// of a table does not, whatever its cells.
func TestSentencesInSmallLetters(t *testing.T) {
	for _, c := range []struct {
		b    *block
		want []string
	}{
		{&block{text: "ok move her to the bed, face down. towel over her legs. warm a bit of oil first!! then go", starts: []lineStart{{0, 1}}},
			[]string{"ok move her to the bed, face down.", "towel over her legs.", "warm a bit of oil first!! then go"}},
		{&block{text: "wall. smooth, with a bit of clear floor in front", starts: []lineStart{{0, 1}}, row: true},
			[]string{"wall. smooth, with a bit of clear floor in front"}},
		{&block{text: "Rub it, e.g. twice. and stop", starts: []lineStart{{0, 1}}},
			[]string{"Rub it, e.g. twice. and stop"}},
		// "then" after a full stop opens a sentence, however it is written
		{&block{text: "Rub it, e.g. twice. then stop", starts: []lineStart{{0, 1}}},
			[]string{"Rub it, e.g. twice.", "then stop"}},
		// a full stop left out before a capital that opens a sentence
		{&block{text: "Spread it down the inside of your shin bone Now with your thumbs work down. Use the heel of your hand to work through this area too If you find a knot, stay there.", starts: []lineStart{{0, 1}}},
			[]string{"Spread it down the inside of your shin bone", "Now with your thumbs work down.", "Use the heel of your hand to work through this area too", "If you find a knot, stay there."}},
		{&block{text: "Stop if the resident is unwell, feverish or says they feel dizzy Never press on the spine or on the neck.", starts: []lineStart{{0, 1}}},
			[]string{"Stop if the resident is unwell, feverish or says they feel dizzy", "Never press on the spine or on the neck."}},
		{&block{text: "How to Give a Foot Massage Now. Press the sole with your thumbs Now and then.", starts: []lineStart{{0, 1}}},
			[]string{"How to Give a Foot Massage Now.", "Press the sole with your thumbs Now and then."}},
	} {
		splitSentences(c.b)
		var got []string
		for _, s := range c.b.sents {
			got = append(got, s.text)
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("sentences (-want +got):\n%s", diff)
		}
	}
}

// Prose wrapped at a width, with a full stop inside a line, is read by its
// full stops, not line by line.
func TestWrappedProseWithStops(t *testing.T) {
	text := "If you have diabetes, test the\nwater with your elbow, not your toes, and look over your feet\nfor cuts before you begin. A swollen, hot or painful calf after\na long walk is a reason to call a doctor."
	b := &block{text: text}
	off := 0
	for i, l := range strings.Split(text, "\n") {
		b.starts = append(b.starts, lineStart{off, i + 1})
		off += len(l) + 1
	}
	splitSentences(b)
	var got []string
	for _, s := range b.sents {
		got = append(got, s.text)
	}
	want := []string{"If you have diabetes, test the\nwater with your elbow, not your toes, and look over your feet\nfor cuts before you begin.", "A swollen, hot or painful calf after\na long walk is a reason to call a doctor."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}

// TestWikiLines: a wiki's text reads as a wiki shows it: "== Routine =="
// is a heading, "#" lines that read as sentences are a numbered list (a
// lone "# Title" is still a heading), bold in three quotes titles an
// item, a link keeps its words, and the section under "See also" is
// furniture.
func TestWikiLines(t *testing.T) {
	in := strings.Join([]string{
		"# Quad flush",
		"== Routine ==",
		"# '''Flush''' - Put both hands flat above the knee and stroke up the thigh. 10 strokes.",
		"# '''Wring''' - Grip the thigh with both hands and twist them in opposite directions.",
		"It is the [[Hallam Harriers|club's]] Sunday routine, after [[Calf rub]].",
	}, "\n")
	want := []lineView{
		{1, lHeading, "Quad flush", 0, ""},
		{2, lHeading, "Routine", 0, ""},
		{3, lItem, "Put both hands flat above the knee and stroke up the thigh. 10 strokes.", 1, "Flush"},
		{4, lItem, "Grip the thigh with both hands and twist them in opposite directions.", 2, "Wring"},
		{5, lText, "It is the club's Sunday routine, after Calf rub.", 0, ""},
	}
	if diff := cmp.Diff(want, view(textLines(in))); diff != "" {
		t.Errorf("textLines (-want +got):\n%s", diff)
	}
	res, err := Import([]byte(in+"\n\n== See also ==\n* [[Calf rub]]\n* [[Foam rolling etiquette]]\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 2 {
		for _, s := range res.Steps {
			t.Logf("step: %s", s.Text)
		}
		t.Errorf("%d steps, want the two items (nothing under See also)", len(res.Steps))
	}
}

// TestCitationMarks: an encyclopedia's note marks ("… a minute.[2] Next,
// …", "[citation needed]") are left out, so the sentences around them part
// at their full stops; a "[1]" opening a line is a list's number and stays.
func TestCitationMarks(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"The shoulders are squeezed for about a minute.[2] Next, the neck is stroked.[4][7]", "The shoulders are squeezed for about a minute. Next, the neck is stroked."},
		{"It eases headaches.[citation needed] Knead the neck.", "It eases headaches. Knead the neck."},
		{"[1] Rub the scalp.", "[1] Rub the scalp."},
		{"Hold the [left] foot.", "Hold the [left] foot."},
	} {
		if got := inline(c.in); got != c.want {
			t.Errorf("inline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	res, err := Import([]byte("Technique\n\nThe practitioner rests both hands on the head for ten seconds.[4] The shoulders are then squeezed with the whole hand for about a minute.[2]\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 2 {
		t.Errorf("%d steps, want 2 (the note mark ends the first sentence)", len(res.Steps))
	}
}

// TestCapsRunInHead: a run-in head in capitals titles the sentence it
// opens ("CALVES Standing, place one leg …"); a stressed word, a label, a
// Roman numeral and a title in capitals do not.
func TestCapsRunInHead(t *testing.T) {
	for _, c := range []struct{ in, title, text string }{
		{"CALVES Standing, place one leg on a low chair.", "CALVES", "Standing, place one leg on a low chair."},
		{"TIBIALIS POSTERIOR To reach the muscle behind the shin, sit.", "TIBIALIS POSTERIOR", "To reach the muscle behind the shin, sit."},
		{"NEVER press on the spine with your thumbs.", "", "NEVER press on the spine with your thumbs."},
		{"TYPE: Self-massage for forearms, wrists and hands", "", "TYPE: Self-massage for forearms, wrists and hands"},
		{"III. Andante con moto - Make thumb circles round the ankle bones.", "", "III. Andante con moto - Make thumb circles round the ankle bones."},
		{"CALF RUB FOR A RUNNING PARTNER - DECISION CHART", "", "CALF RUB FOR A RUNNING PARTNER - DECISION CHART"},
	} {
		title, text := capsRunIn(c.in)
		if title != c.title || text != c.text {
			t.Errorf("%q: title %q, text %q; want %q, %q", c.in, title, text, c.title, c.text)
		}
	}
}

// TestQuoteMarksAsBullets: lines opened with ">" that read as a list's
// items (none ends a sentence or breaks mid-phrase) are items; a quoted
// reply's prose stays text.
func TestQuoteMarksAsBullets(t *testing.T) {
	list := "> long strokes from the ankle up the back of the calf, x10\n> thumbs side by side, press into the middle of the calf\n> grab the calf like a rolling pin and wring it, ~1 min\n"
	reply := "> Thanks for the routine. I tried the scalp part last night and\n> it helped a lot. Could you send the neck part\n> as well, when you have a minute?\n"
	for _, c := range []struct {
		in   string
		kind lkind
	}{{list, lItem}, {reply, lText}} {
		for _, l := range textLines(c.in) {
			if l.kind != lBlank && l.kind != c.kind {
				t.Errorf("line %d %q: kind %v, want %v", l.n, l.text, l.kind, c.kind)
			}
		}
	}
}
