package massage

import (
	"strings"
	"testing"
)

func TestHandPhrase(t *testing.T) {
	tests := []struct {
		h    HandUse
		want string
	}{
		{HandUse{Hand: "both", Part: "palms"}, "both palms"},
		{HandUse{Hand: "one", Part: "palms"}, "one palm"},
		{HandUse{Hand: "left", Part: "thumbs"}, "left thumb"},
		{HandUse{Hand: "right", Part: "fingertips"}, "right fingertips"},
		{HandUse{Hand: "other", Part: "fingertips"}, "the other hand's fingertips"},
		{HandUse{Hand: "either", Part: "fist"}, "either fist"},
		{HandUse{Hand: "both", Part: "heels-of-hands"}, "both heels of the hands"},
		{HandUse{Hand: "one"}, "one hand"},
	}
	for _, tc := range tests {
		if got := HandPhrase(tc.h); got != tc.want {
			t.Errorf("%+v: got %q, want %q", tc.h, got, tc.want)
		}
	}
	// every hand part has both forms
	for _, p := range HandParts.IDs() {
		if partSingle[p] == "" || partPlural[p] == "" {
			t.Errorf("hand part %q has no phrase", p)
		}
	}
}

func TestPlainWords(t *testing.T) {
	for in, want := range map[string]string{"": "", "a": "a", "a|b": "a and b", "a|b|c": "a, b and c"} {
		var words []string
		if in != "" {
			words = strings.Split(in, "|")
		}
		if got := JoinAnd(words); got != want {
			t.Errorf("JoinAnd(%q) = %q, want %q", words, got, want)
		}
	}
	if got := AreaName("upper-back"); got != "upper back" {
		t.Errorf("AreaName(upper-back) = %q", got)
	}
	if got := AreaName("wings"); got != "wings" {
		t.Errorf("AreaName(wings) = %q", got)
	}
	if got := UpperFirst("élan"); got != "Élan" {
		t.Errorf("UpperFirst(élan) = %q", got)
	}
}

func TestCautionFitsMode(t *testing.T) {
	ask, spine := &Caution{Kind: "ask"}, &Caution{Kind: "never-press"}
	if ask.FitsMode("self") || !ask.FitsMode("partner") || !ask.FitsMode("both") || !spine.FitsMode("self") {
		t.Fatal("a caution that asks the receiver must be left out of a self-massage, and only that one")
	}
}

func TestClaimLine(t *testing.T) {
	for say, want := range map[string]string{
		"said to help digestion":       "The source says it can help digestion.",
		"said to ease stress.":         "The source says it can ease stress.",
		"sore spots come from tension": "The source says: Sore spots come from tension.",
		" it warms the skin. ":         "The source says: It warms the skin.",
	} {
		if got := ClaimLine("The source says", say); got != want {
			t.Errorf("ClaimLine(%q) = %q, want %q", say, got, want)
		}
	}
}
