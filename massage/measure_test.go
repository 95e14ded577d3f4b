package massage

import "testing"

func TestBoundsString(t *testing.T) {
	tests := []struct {
		b    Bounds
		want string
	}{
		{Bounds{}, ""},
		{Bounds{30, 30, 30}, "30 s"},
		{Bounds{5, 10, 15}, "5–15 s, usually 10 s"},
		{Bounds{180, 300, 600}, "3–10 min, usually 5 min"},
		{Bounds{45, 90, 120}, "45 s–2 min, usually 1 min 30 s"},
		{Bounds{Least: 5, Most: 15}, "5–15 s"},
	}
	for _, tc := range tests {
		if got := tc.b.String(); got != tc.want {
			t.Errorf("%+v: got %q, want %q", tc.b, got, tc.want)
		}
	}
}

func TestSeconds(t *testing.T) {
	for in, want := range map[float64]string{5: "5 s", 2.5: "2.5 s", 60: "1 min", 90: "1 min 30 s", 3600: "1 h", 7320: "2 h 2 min", 3601: "60 min 1 s"} {
		if got := Seconds(in); got != want {
			t.Errorf("Seconds(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestParseCondition(t *testing.T) {
	good := map[string]Condition{
		"unhealthy-scalp":      {Kind: "unhealthy-scalp"},
		"inflamed-joint:ankle": {Kind: "inflamed-joint", Where: "ankle"},
		"injury:calves":        {Kind: "injury", Where: "calves"},
		"sensitive:face":       {Kind: "sensitive", Where: "face"},
	}
	for in, want := range good {
		got, err := ParseCondition(in)
		if err != nil || got != want {
			t.Errorf("%s: got %+v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "flu", "unhealthy-scalp:scalp", "inflamed-joint", "inflamed-joint:nose", "injury:moon"} {
		if _, err := ParseCondition(bad); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
	if got := (Condition{Kind: "inflamed-joint", Where: "knee"}).Area(); got != "legs" {
		t.Errorf("knee area: %q", got)
	}
}

func TestWithin(t *testing.T) {
	if !Within("upper-back", "back") || Within("back", "upper-back") || !Overlaps("back", "upper-back") || Overlaps("feet", "scalp") {
		t.Fatal("area tree is wrong")
	}
	for _, l := range Landmarks {
		if _, ok := AreaByID(l.Area); !ok {
			t.Errorf("landmark %s lies in unknown area %q", l.ID, l.Area)
		}
		if l.Joint != "" && !IsJoint(l.Joint) {
			t.Errorf("landmark %s names unknown joint %q", l.ID, l.Joint)
		}
	}
}
