package web

import (
	"context"
	"net/http"

	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/howto"
	"github.com/knead/knead/store"
)

func TestSentences(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"Stroke up the calf. Then circle the knee!", []string{"Stroke up the calf.", "Then circle the knee!"}},
		{"Press for approx. 10 seconds. Release.", []string{"Press for approx. 10 seconds.", "Release."}},
		{"Use the palm, e.g. The heel of it. Slowly.", []string{"Use the palm, e.g. The heel of it.", "Slowly."}},
		{`Say "ready." Then begin.`, []string{`Say "ready."`, "Then begin."}},
		{"One sentence only", []string{"One sentence only"}},
		{"Circle 3.5 cm wide. then glide on.", []string{"Circle 3.5 cm wide. then glide on."}},
		{"", nil},
	} {
		got := sentences(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseRepeat(t *testing.T) {
	for _, tt := range []struct {
		in     string
		lo, hi int
		ok     bool
	}{
		{"", 0, 0, true}, {"6", 6, 6, true}, {" 4-5 ", 4, 5, true}, {"4–5", 4, 5, true}, {"4 to 5", 4, 5, true}, {"6 times", 6, 6, true},
		{"0", 0, 0, false}, {"5-4", 0, 0, false}, {"101", 0, 0, false}, {"often", 0, 0, false}, {"-3", 0, 0, false}, {"1e3", 0, 0, false},
	} {
		c, ok := parseRepeat(tt.in)
		if ok != tt.ok || c.Least != tt.lo || c.Most != tt.hi {
			t.Errorf("parseRepeat(%q) = %+v %v, want %d-%d %v", tt.in, c, ok, tt.lo, tt.hi, tt.ok)
		}
	}
}

// Merging, splitting and the repeats and pressure of a step, through the
// form as a browser sends it, down to the kept file.
func TestReviewMergeSplitRepeatsPressure(t *testing.T) {
	app, st := routinesApp(t)
	res, err := howto.Import([]byte(pastedText), howto.Options{Catalog: app.cat})
	if err != nil {
		t.Fatal(err)
	}
	d := app.draftFromImport(res)
	d.Person = store.Me
	n := len(d.Rows)
	if n < 3 {
		t.Fatalf("%d rows", n)
	}
	say0, say1 := d.Rows[0].Say, d.Rows[1].Say
	name1, data1 := d.Rows[1].Name, d.Rows[1].Data

	d.apply("merge-0")
	if len(d.Rows) != n-1 || d.Rows[0].Say != say0+" "+say1 {
		t.Fatalf("merge: %d rows, step 1 says %q", len(d.Rows), d.Rows[0].Say)
	}
	if !strings.Contains(d.Changed, "merged") {
		t.Errorf("merge says %q", d.Changed)
	}
	d.apply("merge-99")
	d.apply("merge-" + itoa(len(d.Rows)-1)) // the last has no next
	if len(d.Rows) != n-1 {
		t.Fatalf("a merge past the end changed the rows: %d", len(d.Rows))
	}

	d.apply("split-0")
	if len(d.Rows) != n || d.Rows[0].Say != say0 || d.Rows[1].Say != say1 {
		t.Fatalf("split at sentences: %d rows, %q / %q", len(d.Rows), d.Rows[0].Say, d.Rows[1].Say)
	}
	if a, _ := ownRow(d.Rows[1]); d.Rows[1].Name != name1 || jsonBody(a.Item.Steps) != jsonBody(mustOwn(t, data1).Item.Steps) {
		t.Errorf("merged and split again, step 2 is %q %s, want %q %s", d.Rows[1].Name, jsonBody(a.Item), name1, data1)
	}

	d.Rows[0].Say = "Hold the hand palm up. | Stroke to the fingertips with both thumbs."
	d.Rows[0].Secs = "40"
	d.apply("cut-0")
	if len(d.Rows) != n+1 || d.Rows[0].Say != "Hold the hand palm up." || d.Rows[1].Say != "Stroke to the fingertips with both thumbs." {
		t.Fatalf("cut at |: %q / %q", d.Rows[0].Say, d.Rows[1].Say)
	}
	if d.Rows[0].Secs == "" || d.Rows[1].Secs == "" || secsOf(t, d.Rows[0].Secs)+secsOf(t, d.Rows[1].Secs) != 40 || secsOf(t, d.Rows[0].Secs) < 5 {
		t.Errorf("the cut shares 40 s as %s + %s", d.Rows[0].Secs, d.Rows[1].Secs)
	}
	d.Rows[1].Say, d.Rows[1].Cut = "Stroke to the fingertips with both thumbs.", "6" // the cursor after "Stroke" (UTF-16 units)
	d.apply("cut-1")
	if len(d.Rows) != n+2 || d.Rows[1].Say != "Stroke" || d.Rows[2].Say != "to the fingertips with both thumbs." {
		t.Fatalf("cut at the cursor: %q / %q", d.Rows[1].Say, d.Rows[2].Say)
	}
	d.apply("merge-1")
	if d.Rows[1].Say != "Stroke to the fingertips with both thumbs." {
		t.Fatalf("merged back: %q", d.Rows[1].Say)
	}
	d.apply("cut-1") // no cursor, no |: nothing changes, and it says why
	if len(d.Rows) != n+1 || !strings.Contains(d.Changed, "was not split") {
		t.Fatalf("a cut with no point: %d rows, %q", len(d.Rows), d.Changed)
	}

	// repeats and pressure: a bad one is refused in plain words, nothing kept
	d.Pressure = "moderate"
	d.Rows[1].Repeat = "often"
	d.Rows[2].Pressure = "deep"
	v := values(d)
	v.Set("action", "save")
	rec := form(t, app, "/routines/review", v)
	body := rec.Body.String()
	for _, want := range []string{"Step 2: Repeats must be a number of times from 1 to 100", "Step 3: Its pressure, deep, is firmer than the routine&#39;s firmest, moderate"} {
		if !strings.Contains(body, want) {
			t.Errorf("the review does not say %q", want)
		}
	}
	if rec.Code != 422 {
		t.Fatalf("a bad review saved: %d", rec.Code)
	}
	if list, _ := st.RoutinesOf(context.Background(), store.Me); len(list) != 0 {
		t.Fatalf("a refused review kept %d routines", len(list))
	}

	d.Rows[1].Repeat = "4-5"
	d.Rows[2].Pressure = "light"
	d.Name = "Hands, edited"
	v = values(d)
	v.Set("action", "save")
	rec = form(t, app, "/routines/review", v)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("save: %d %.600s", rec.Code, rec.Body.String())
	}
	id := strings.TrimPrefix(rec.Header().Get("Location"), "/routines/")
	kr, err := st.RoutineByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	rt, err := catalog.ParseRoutine(app.cat, "kept.yaml", []byte(kr.Body))
	if err != nil {
		t.Fatalf("the kept file does not pass the check: %v\n%s", err, kr.Body)
	}
	if len(rt.Items) != n+1 || rt.Pressure != "moderate" {
		t.Fatalf("kept %d items at %q, want %d at moderate:\n%s", len(rt.Items), rt.Pressure, n+1, kr.Body)
	}
	if st := rt.Items[1].Steps[0]; st.Repeat.Least != 4 || st.Repeat.Most != 5 {
		t.Errorf("step 2 repeats %+v, want 4-5:\n%s", st.Repeat, kr.Body)
	}
	if it := rt.Items[2]; it.Pressure != "light" || it.Steps[0].Pressure.Level != "light" {
		t.Errorf("step 3 pressure %q / %q, want light", it.Pressure, it.Steps[0].Pressure.Level)
	}
	if rt.Items[0].Steps[0].Say != "Hold the hand palm up." {
		t.Errorf("step 1 says %q", rt.Items[0].Steps[0].Say)
	}

	// editing it again shows the repeats and pressure as kept
	ed := app.draftFromRoutine(rt, nil)
	if ed.Rows[1].Repeat != "4-5" || ed.Rows[2].Pressure != "light" || ed.Pressure != "moderate" {
		t.Errorf("edit again shows repeat %q, pressure %q, routine %q", ed.Rows[1].Repeat, ed.Rows[2].Pressure, ed.Pressure)
	}
}

func secsOf(t *testing.T, s string) float64 {
	t.Helper()
	v, err := formSecs(s)
	if err != nil {
		t.Fatalf("seconds %q: %v", s, err)
	}
	return v
}

func mustOwn(t *testing.T, data string) rowData {
	t.Helper()
	rd, ok := ownRow(draftRow{Data: data})
	if !ok {
		t.Fatalf("not a step of its own: %s", data)
	}
	return rd
}
