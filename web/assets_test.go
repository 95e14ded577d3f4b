package web

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSlim(t *testing.T) {
	tests := []struct {
		name, ext, in, want string
	}{
		{"script comments and indentation", ".js",
			"// The clock.\nexport const A = 3; // stays: not a line of its own\n\n  function f() {\n    // why\n    return 'http://x'; \n  }\n",
			"export const A = 3; // stays: not a line of its own\nfunction f() {\nreturn 'http://x';\n}\n"},
		{"script lines never join", ".js", "let a = 1\n  // note\n(b)\n", "let a = 1\n(b)\n"},
		{"style comments anywhere", ".css",
			"/* Knead */\n:root {\n  --a: 1; /* one */\n}\n/* two\n   lines */\n.b { c: d; }\n",
			":root {\n--a: 1;\n}\n.b { c: d; }\n"},
		{"an unclosed comment is left alone", ".css", "a { b: c; } /* oops\n", "a { b: c; } /* oops\n"},
		{"other files pass through", ".svg", "  <svg>\n\n</svg>", "  <svg>\n\n</svg>"},
	}
	for _, tc := range tests {
		if d := cmp.Diff(tc.want, string(slim(tc.ext, []byte(tc.in)))); d != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, d)
		}
	}
}
