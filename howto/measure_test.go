package howto

import (
	"strings"
	"testing"

	"github.com/knead/knead/massage"
)

func TestMeasures(t *testing.T) {
	c := func(a, b int) massage.Count { return massage.Count{Least: a, Most: b} }
	r := func(a, b float64) massage.Bounds { return massage.Bounds{Least: a, Usual: (a + b) / 2, Most: b} }
	tests := []struct {
		in       string
		rep      massage.Count
		repVague bool
		secs     massage.Bounds
		vague    bool
	}{
		{in: "Do this four times.", rep: c(4, 4)},
		{in: "Repeat 3 times.", rep: c(3, 3)},
		{in: "Repeat 4.", rep: c(4, 4)},
		{in: "Stroke up 4x, then rest.", rep: c(4, 4)},
		{in: "Do 3-4 times.", rep: c(3, 4)},
		{in: "Repeat four or five times.", rep: c(4, 5)},
		{in: "eight to ten times", rep: c(8, 10)},
		{in: "Do 4-6 slow passes.", rep: c(4, 6)},
		{in: "Swing the right leg forward and back, 10 swings, nice and easy.", rep: c(10, 10)},
		{in: "Pummel them lightly, about 30 taps.", rep: c(30, 30)},
		{in: "about ten in each direction", rep: c(10, 10)},
		{in: "do it twice", rep: c(2, 2)},
		{in: "Repeat twice or three times.", rep: c(2, 3)},
		{in: "Pinch along the edge 20〜30 times.", rep: c(20, 30)},
		{in: "Rub the rim 10～15 times.", rep: c(10, 15)},
		{in: "work both sides at once.", rep: massage.Count{}},
		{in: "repeat a few times", repVague: true},
		{in: "a couple of times", rep: c(2, 2)},
		{in: "Rub the palms for 5-15 seconds.", secs: r(5, 15)},
		{in: "soak for about ten minutes", secs: r(600, 600)},
		{in: "for half a minute", secs: r(30, 30)},
		{in: "for about a minute and a half", secs: r(90, 90)},
		{in: "for 20–30 seconds each", secs: r(20, 30)},
		{in: "spend 2 min", secs: r(120, 120)},
		{in: "for a slow count of ten", secs: r(10, 10)},
		{in: "hold for a few breaths", vague: true},
		{in: "Hold 10 seconds and release; 3x.", rep: c(3, 3), secs: r(10, 10)},
		{in: "Bend the elbow to 90 degrees.", rep: massage.Count{}},
		{in: "Do all five fingers.", rep: massage.Count{}},
		{in: "Repeat steps 1 to 5.", rep: massage.Count{}},
		// counts and times as handouts, checklists and captions write them
		{in: "once each", rep: c(1, 1)},
		{in: "make slow little circles, about eight, then lift", rep: c(8, 8)},
		{in: "move the scalp in circles: five forwards, then five backwards", rep: c(5, 5)},
		{in: "roughly 10 each direction", rep: c(10, 10)},
		{in: "Four or five of those long sweeping strokes", rep: c(4, 5)},
		{in: "Palm spread. 6×", rep: c(6, 6)},
		{in: "Roll slowly over about 10 cm, twelve to fifteen times.", rep: c(12, 15)},
		{in: "5 to 8 passes, which takes 1–2 minutes", rep: c(5, 8), secs: r(60, 120)},
		{in: "Hold 30s, breathing slowly", secs: r(30, 30)},
		{in: "for a couple of minutes", secs: r(120, 120)},
		{in: "hold it for a moment", vague: true},
		{in: "a ball about 6-7 cm (2.5 in) across, 30 cm out from the wall", rep: massage.Count{}},
		{in: "Give it about 10 minutes, then stretch.", secs: r(600, 600)},
	}
	for _, tt := range tests {
		rep, rv, secs, sv := measures(tokenize(tt.in))
		if rep != tt.rep || rv != tt.repVague || secs != tt.secs || sv != tt.vague {
			t.Errorf("measures(%q) = %v %v %v %v; want %v %v %v %v", tt.in, rep, rv, secs, sv, tt.rep, tt.repVague, tt.secs, tt.vague)
		}
	}
}

// "A couple more times" after a first pass: the step's count is the whole.
func TestMoreTimes(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Squeeze your hands together and hold for five seconds. Do that a couple more times.", "3 times"},
		{"Squeeze your hands together, 3 times.", "3 times"},
		{"Glide up the calf, eight times.\n\nRepeat the warm-up glide three more times.", "8 times|3 times"},
	}
	for _, tt := range tests {
		res, err := Import([]byte(tt.in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range res.Steps {
			got = append(got, viewStep(s).Repeat)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%q: repeats %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	got := []string{}
	for _, tk := range tokenize("The recipient’s chin—don't 2.5cm it's 4x") {
		got = append(got, tk.w)
	}
	want := "the recipient chin - don't 2.5 cm it's 4 x"
	if s := join(got); s != want {
		t.Errorf("tokenize = %q, want %q", s, want)
	}
	// An arrow is read as "to" by the phrase matcher, and "×" counts.
	st := makeStream(tokenize("ankle → back of the knee, 5×"))
	if s := join(st.ws); s != "ankle to back of knee 5 x" {
		t.Errorf("stream = %q", s)
	}
}

func join(ws []string) string {
	out := ""
	for i, w := range ws {
		if i > 0 {
			out += " "
		}
		out += w
	}
	return out
}
