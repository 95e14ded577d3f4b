package howto

import (
	"strings"
	"testing"
)

const appExport = `{
  "app": "PairUp Recovery",
  "export_version": "2.3",
  "exported_at": "2026-11-29T19:42:10Z",
  "routine": {
    "title": "Post-ride calf flush (partner)",
    "author": "coach_kit",
    "giver_note": "Your partner lies face down with a rolled towel under the ankles. Warm a little oil in your hands first.",
    "steps": [
      {"n": 1, "text": "Glide both hands up the back of the calf from the ankle to the knee.", "reps": 6, "seconds": null},
      {"n": 2, "text": "Knead the calf muscle slowly, working up and back down.", "reps": null, "seconds": 60},
      {"n": 3, "name": "Swap", "text": "Move to the other leg and repeat everything."}
    ],
    "cautions": ["Skip this if the calf is hot, swollen or painful."],
    "tags": ["running", "calves"]
  }
}`

// An app's JSON export is read as the text it holds: its title, each step
// a numbered item with its count and time, its cautions; ids, dates,
// versions and tags left out.
func TestJSONExport(t *testing.T) {
	text, ok := jsonText(appExport)
	if !ok {
		t.Fatal("an app export was not read as JSON")
	}
	for _, want := range []string{
		"# Post-ride calf flush (partner)",
		"Your partner lies face down",
		"1. Glide both hands up the back of the calf from the ankle to the knee, 6 times.",
		"2. Knead the calf muscle slowly, working up and back down, 60 seconds.",
		"3. Swap: Move to the other leg and repeat everything.",
		"## Cautions\n- Skip this if the calf is hot, swollen or painful.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	for _, left := range []string{"PairUp", "2.3", "2026-11-29", "coach_kit", "running"} {
		if strings.Contains(text, left) {
			t.Errorf("text keeps %q, which should be left out:\n%s", left, text)
		}
	}
	res, err := Import([]byte(appExport), Options{Name: "export.json"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatJSON || len(res.Steps) != 3 || res.Mode != "partner" || len(res.Warnings) != 1 {
		t.Errorf("format %s, %d steps, mode %s, %d warnings: want json, 3, partner, 1", res.Format, len(res.Steps), res.Mode, len(res.Warnings))
	}
	// each step's line is its line in the file
	for i, want := range []int{10, 11, 12} {
		if got := res.Steps[i].Line; got != want {
			t.Errorf("step %d on line %d, want %d (its line in the file)", i+1, got, want)
		}
	}
	if r := res.Steps[0].Repeat; r == nil || r.Least != 6 {
		t.Errorf("step 1 repeat %v, want 6", r)
	}
	if s := res.Steps[1].Seconds; s == nil || s.Least != 60 {
		t.Errorf("step 2 seconds %v, want 60", s)
	}
}

// Keys are read word by word: "stages" holds the steps (not "tags"),
// "applyOil" is text (not "app"), "holdTime" and "durationMin" are times.
// TestJSONWithLineComments: a settings file that allows whole-line "//"
// comments is read as the JSON it is, each step on its own line.
func TestJSONWithLineComments(t *testing.T) {
	src := "// ~/.config/breakbuddy/settings.json\n// Edit the \"say\" lines — they are what the pop-up shows.\n{\n  \"routine\": {\n    \"title\": \"Mouse arm reset\",\n    \"moves\": [\n      {\"say\": \"Squeeze the top of the forearm just below the elbow, working down to the wrist.\", \"times\": 3},\n      {\"say\": \"Make gentle circles with your fingertips on the inside of the wrist.\", \"seconds\": 20}\n    ]\n  }\n}\n"
	res, err := Import([]byte(src), Options{Name: "settings.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatJSON || len(res.Steps) != 2 || res.Steps[0].Line != 7 || res.Steps[1].Line != 8 {
		t.Errorf("format %s, %d steps %+v: want json, 2 steps on lines 7 and 8", res.Format, len(res.Steps), res.Steps)
	}
}

func TestJSONKeysByWord(t *testing.T) {
	in := `{"appName": "Calm", "tags": ["x"], "applyOil": "Warm a little oil between your palms first.",
  "stages": [
    {"cue": "Knead the calf muscle slowly, working up and back down.", "durationMin": 2},
    {"cue": "Hold the heel and circle the ankle gently.", "holdTime": 20}
  ]}`
	text, ok := jsonText(in)
	if !ok {
		t.Fatal("not read as an export")
	}
	for _, want := range []string{
		"Warm a little oil between your palms first.",
		"1. Knead the calf muscle slowly, working up and back down, 2 minutes.",
		"2. Hold the heel and circle the ankle gently, 20 seconds.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Calm") {
		t.Errorf("the app's name is kept:\n%s", text)
	}
}

// A text that only looks like JSON, or is JSON with no text in it, is read
// as any other text; JSON nested past the limit is too.
func TestNotAnAppExport(t *testing.T) {
	for _, in := range []string{
		"{ Knead the calves slowly for a minute. }",
		`{"a": 1, "b": [true, null, 2.5]}`,
		`[]`,
		strings.Repeat("[", 100) + `"Knead the calves slowly for a minute."` + strings.Repeat("]", 100),
		"Knead the calves slowly for a minute.",
	} {
		if text, ok := jsonText(in); ok {
			t.Errorf("%.40q read as an export: %q", in, text)
		}
	}
	// an array of steps at the top is a numbered list
	text, ok := jsonText(`["Knead the calves slowly for a minute.", "Stroke up from the ankle to the knee, six times."]`)
	if !ok || !strings.Contains(text, "1. Knead the calves") || !strings.Contains(text, "2. Stroke up") {
		t.Errorf("a list of steps read as %q, %v", text, ok)
	}
}

// FuzzJSONText: no input makes the JSON reader panic, and what it gives is
// text the importer reads like any other.
func FuzzJSONText(f *testing.F) {
	f.Add(appExport)
	f.Add(`{"steps": [{"text": "Knead the calves.", "reps": 3}]}`)
	f.Add(`[["a", {"title": "x"}], {"cautions": ["Never press the shin."]}]`)
	f.Add(`{"title": "` + strings.Repeat("a ", 40) + `"}`)
	f.Fuzz(func(t *testing.T, in string) {
		text, ok := jsonText(in)
		if ok && strings.TrimSpace(text) == "" {
			t.Fatalf("%q: read as an export with no text", in)
		}
		_, _ = Import([]byte(in), Options{})
	})
}
