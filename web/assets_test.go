package web

import (
	"strings"
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

// Scripts and style sheets are minified; one the minifier cannot read is
// slimmed instead, never dropped.
func TestShrink(t *testing.T) {
	js := "// The clock.\nexport function later(seconds) {\n  const wanted = seconds * 1000;\n  return wanted;\n}\n"
	if got := string(shrink(".js", []byte(js))); len(got) >= len(slim(".js", []byte(js))) || !strings.Contains(got, "export function later(") {
		t.Errorf("shrink(js) = %q", got)
	}
	if got := string(shrink(".css", []byte("/* a */\n.b {\n  color: #ffffff;\n}\n"))); got != ".b{color:#fff}" {
		t.Errorf("shrink(css) = %q", got)
	}
	broken := "let a = (;\n  // note\n"
	if got := string(shrink(".js", []byte(broken))); got != "let a = (;\n" {
		t.Errorf("a script the minifier refuses: %q", got)
	}
	if got := string(shrink(".svg", []byte(" <svg/>\n"))); got != " <svg/>\n" {
		t.Errorf("an svg changed: %q", got)
	}
}
