package howto

import (
	"strings"
	"testing"
)

// TestOutlineLines: a drawn tree's branches and a program's quoted list
// items become bullets, line for line; prose with quoted speech, a table's
// ruled line and a text with one branch are left as they are.
func TestOutlineLines(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"a mind map exported as text",
			"GRAN'S HANDS\n|\n+-- Before\n|   +-- Warm the almond oil in my hands\n|\n+-- Hands\n    +-- Thumb circles on the palm, 30 seconds",
			"GRAN'S HANDS\n\n- Before\n    - Warm the almond oil in my hands\n\n- Hands\n    - Thumb circles on the palm, 30 seconds"},
		{"a folder tree drawn in box lines",
			"Feet\n├── Soak the feet for ten minutes\n└── Knead the sole with your knuckles",
			"Feet\n- Soak the feet for ten minutes\n- Knead the sole with your knuckles"},
		{"a program's list of moves",
			"import time\n\nSTEPS = [\n    (\"Glide both thumbs up the forearm, 6 times.\", 40),\n    (\"glide\", \"Press and circle the base of her thumb.\", None),\n]\n\ndef run():\n    print(\"Now do the whole thing on her left arm.\")\n\nrun()",
			"import time\n\nSTEPS = [\n- Glide both thumbs up the forearm, 6 times.\n- Press and circle the base of her thumb.\n\n\n\nNow do the whole thing on her left arm.\n\n"},
		{"a Makefile's echoed lines and its comments",
			".PHONY: quads\n\nquads:\n\t@echo \"Stroke the cream up the thigh from knee to hip, 10 times.\"\n\t# WARN: never push on the kneecap itself.\n\t@echo \"Swap to the left leg and do the lot again.\"",
			".PHONY: quads\n\nquads:\nStroke the cream up the thigh from knee to hip, 10 times.\nWARN: never push on the kneecap itself.\nSwap to the left leg and do the lot again."},
		{"quoted speech in prose is no list",
			"\"Lean into it a little more,\" she said.\n\"Now the other shoulder, please.\"\n\"Just like that, for a minute.\"",
			"\"Lean into it a little more,\" she said.\n\"Now the other shoulder, please.\"\n\"Just like that, for a minute.\""},
		{"a table's ruled line is no branch",
			"| Move | Time |\n|---|---|\n| Knead the calf | 1 min |",
			"| Move | Time |\n|---|---|\n| Knead the calf | 1 min |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(outlineLines(strings.Split(tt.in, "\n")), "\n")
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// FuzzOutlineLines: whatever the lines, the rewrite keeps their count and
// never panics.
func FuzzOutlineLines(f *testing.F) {
	f.Add("+-- Before\n|   +-- Warm the oil\n+-- Hands")
	f.Add("STEPS = [\n    (\"Glide both thumbs up the forearm.\", 40),\n    \"Never press on her bump.\",\n]\nprint(\"Now the left arm, all of it.\")")
	f.Add("├── a\n└── b\n│\n")
	f.Fuzz(func(t *testing.T, s string) {
		raw := strings.Split(s, "\n")
		if got := outlineLines(raw); len(got) != len(raw) {
			t.Fatalf("%d lines in, %d out", len(raw), len(got))
		}
	})
}
