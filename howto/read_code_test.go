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

// TestOutlineSteps: the moves of a mind map and of a program's list are
// steps of their own, and the program's workings are none.
func TestOutlineSteps(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
	}{
		{"Mind map export\n\nHANDS\n|\n+-- Before\n|   +-- Take off my watch\n|\n+-- Hands\n|   +-- Stroke from her wrist over the back of the hand to the fingertips, 5 times\n|   +-- Thumb circles on the palm, 30 seconds\n|\n+-- Forearm\n    +-- Knead from the wrist up to the elbow with both hands, 3 slow passes\n",
			[]string{"Stroke from her wrist", "Thumb circles", "Knead from the wrist"}},
		{"#!/usr/bin/env python3\nimport time\n\nSTEPS = [\n    (\"Glide both thumbs from her wrist up the inside of the forearm to the elbow, 6 times.\", 40),\n    (\"Press and circle the fleshy base of her thumb for 30 seconds.\", 30),\n]\n\ndef run():\n    for text, wait in STEPS:\n        time.sleep(wait)\n\nrun()\n",
			[]string{"Glide both thumbs", "Press and circle"}},
	} {
		res, err := Import([]byte(c.src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range res.Steps {
			got = append(got, s.Text)
		}
		ok := len(got) == len(c.want)
		for i := 0; ok && i < len(got); i++ {
			ok = strings.HasPrefix(got[i], c.want[i])
		}
		if !ok {
			t.Errorf("steps %q, want them to open with %q", got, c.want)
		}
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
