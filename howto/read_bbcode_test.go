package howto

import "testing"

// TestBBCode: a forum post's BBCode reads as the post shows it, keeping the
// text's line numbers where tags stand on a line's edge; other text is left
// as it was.
func TestBBCode(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"a numbered list",
			"[b]What I do[/b]\n[list=1]\n[*]Wrap the ankle.\n[*]Knead the calf.\n[/list]\n",
			"What I do\n\n1. Wrap the ankle.\n2. Knead the calf.\n\n"},
		{"a bulleted list on one line",
			"[list][*]Wrap the ankle.[*]Knead the calf.[/list]",
			"\n- Wrap the ankle.\n- Knead the calf."},
		{"a quoted post, a colour, a link, an image",
			"[quote=\"ann\"]Any tips?[/quote]\n[color=red][b]Don't[/b][/color] press the [url=https://x.test/knee]back of the knee[/url].[img]https://x.test/a.png[/img]",
			"Any tips?\nDon't press the back of the knee."},
		{"no BBCode", "Press [gently] on the [left] calf.", "Press [gently] on the [left] calf."},
		{"one tag only", "A [b]bold[/b] start.", "A [b]bold[/b] start."},
	} {
		if got := bbcode(c.in); got != c.want {
			t.Errorf("%s: bbcode(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
	res, err := Import([]byte("Calf rub\n\n[b]What I do[/b]\n[list=1]\n[*]Wrap both hands round the ankle and stroke up to the knee.\n[*]Grab the calf with both hands and wring it, three passes.\n[/list]\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Steps) != 2 || res.Steps[0].Line != 5 || res.Steps[1].Line != 6 {
		t.Errorf("steps %+v, want two, on lines 5 and 6", res.Steps)
	}
}
