package howto

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSpreadsheetRows: a routine saved from a spreadsheet as comma-separated
// values is read as a table (its header left out, each row an item whose
// cells are sentences); prose with commas, a list whose lines hold commas
// and a two-line text are not.
func TestSpreadsheetRows(t *testing.T) {
	sheet := "step,where,what to do,how long,notes\n" +
		"0,,\"Sit on a firm chair, shoes off.\",,\n" +
		"1,sole,\"Rest your right foot on the ball and roll it slowly from the heel to the toes\",1 min,\"Keep your weight light\"\n" +
		"2,arch,\"Park the ball under the arch, press down into it and hold\",3 x 10 sec,\"Not if you have a blister on the sole\"\n" +
		"3,toes,\"Take each toe between finger and thumb and circle it gently\",5 circles each,\n" +
		",,,,\n"
	res, err := Import([]byte(sheet), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range res.Steps {
		got = append(got, s.Area+" "+strings.Join(strings.Fields(s.Text)[:2], " "))
	}
	want := []string{"feet Rest your", "feet Park the", "toes Take each"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("steps (-want +got):\n%s", diff)
	}
	if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0].Text, "Not if you have") {
		t.Errorf("warnings %+v, want the blister's alone", res.Warnings)
	}

	for _, text := range []string{
		"Rub the calf, slowly, with both hands.\nKnead the thigh, firmly, for a minute.\nStroke the shin, lightly, six times.\n",
		"- Heel, arch, toes\n- Ankle, shin, knee\n- Thigh, hip, back\n",
		"step,where,what\n1,sole,roll\n",
	} {
		if rows := csvRows(text, strings.Count(text, "\n")+1); rows != nil {
			t.Errorf("%q read as a spreadsheet: %v", text, rows)
		}
	}
}

// TestTimeUnitEndsSentence: "sec." or "min." after a number ends the
// sentence when a capital follows; "e.g." and "Dr." do not.
func TestTimeUnitEndsSentence(t *testing.T) {
	b := &block{text: "Press and hold, 3 x 10 sec. Not if the sole is cut. Rest for 10 min. Then stand. Dr. Ito agrees.", starts: []lineStart{{0, 1}}}
	splitSentences(b)
	var got []string
	for _, s := range b.sents {
		got = append(got, s.text)
	}
	want := []string{"Press and hold, 3 x 10 sec.", "Not if the sole is cut.", "Rest for 10 min.", "Then stand.", "Dr. Ito agrees."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
}
