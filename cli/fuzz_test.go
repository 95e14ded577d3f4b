package cli

import (
	"errors"
	"strings"
	"testing"
)

// FuzzParse feeds command lines (words separated by NUL) and environments
// to Parse: it must never panic, and every error must be a UsageError or
// an InputError so that it maps to exit status 2 or 1.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"show\x00--json\x00scalp-petrissage",
		"--catalog\x00d\x00list\x00--area=back",
		"check\x00--\x00-x",
		"show\x00--width\x00-5\x00x",
		"---\x00-\x00--=x",
		"help\x00show",
	} {
		f.Add(s, "KNEAD_JSON=1")
	}
	f.Fuzz(func(t *testing.T, line, env string) {
		args := strings.Split(line, "\x00")
		k, v, _ := strings.Cut(env, "=")
		_, err := Parse(args, func(key string) string {
			if key == k {
				return v
			}
			return ""
		})
		var u *UsageError
		var in *InputError
		if err != nil && !errors.As(err, &u) && !errors.As(err, &in) {
			t.Errorf("Parse(%q) with %s: %T %v", args, env, err, err)
		}
	})
}
