package howto

import (
	"slices"
	"testing"
)

// TestPreparationShapes: what the giver gets ready, written as people
// write it: in a list of what to have, in passing inside a sentence that
// already gets something ready, after a chat export's time stamp.
func TestPreparationShapes(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Shoulder rub\n\n- Ask him to take out his earrings and any necklace.\n\n1. Knead the tops of the shoulders for a minute.\n", []string{"jewellery"}},
		{"Hand rub\n\nTake your watch off first, it can scratch.\n\n1. Press circles into the palm with your thumb.\n", []string{"jewellery"}},
		{"Foot rub\n\nYou need: clean hands and a little balm.\n\n1. Stroke from the toes to the ankle ten times.\n", []string{"wash", "cream"}},
		{"Arm rub\n\nWipe your hands, then warm the lotion in your palms.\n\n1. Glide up the forearm to the elbow, six times.\n", []string{"wash", "cream"}},
		{"Foot rub\n\nA bowl of warm water first, feet in for ten minutes, then pat them dry.\n\n1. Press along the arch with your thumbs.\n", []string{"soak", "dry"}},
		{"Scalp rub\n\nWhat you need:\n- clean, dry hair, brushed through\n- a chair with a back, or sit up in bed against the pillows\n\n1. Make small circles over the scalp with your fingertips for a minute.\n", []string{"clean-hair", "brush-hair", "position"}},
		{"[05/12/2026, 21:03] Sam: sit on the sofa with one foot up on the other knee\n[05/12/2026, 21:04] Sam: press your thumbs along the arch of the foot, slowly, five times\n", []string{"position"}},
		{"Neck rub\n\nWash the skin and dry it well.\n\n1. Stroke down the sides of the neck, six times.\n", []string{"wash", "dry"}},
	} {
		res, err := Import([]byte(c.text), Options{})
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		var got []string
		for _, p := range res.Prep {
			got = append(got, p.Kind)
		}
		for _, k := range c.want {
			if !slices.Contains(got, k) {
				t.Errorf("%q: preparations %v, want %s among them", c.text, got, k)
			}
		}
	}
}
