package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestGlyphsAreWellFormed(t *testing.T) {
	for r, g := range glyphs {
		for y, row := range g {
			if len(row) != len(g[0]) {
				t.Errorf("%q row %d is %d wide, row 0 is %d", r, y, len(row), len(g[0]))
			}
			if strings.Trim(row, "#.") != "" {
				t.Errorf("%q row %d holds %q; only # and . draw", r, y, row)
			}
		}
	}
	for _, r := range "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :.,'-!?/()" {
		if _, ok := glyphs[r]; !ok {
			t.Errorf("no glyph for %q", r)
		}
	}
}

func TestBigText(t *testing.T) {
	got := bigText("Hi 0:42")
	want := []string{
		"█ █ ▀█▀   █▀█ ▄ █ █ ▀▀▄",
		"█▀█  █    █ █ ▄ ▀▀█ ▄▀ ",
		"▀ ▀ ▀▀▀   ▀▀▀     ▀ ▀▀▀",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("bigText (-want +got):\n%s", d)
	}
	for _, l := range got {
		if n := utf8.RuneCountInString(l); n != bigWidth("Hi 0:42") {
			t.Errorf("a line is %d wide, bigWidth says %d", n, bigWidth("Hi 0:42"))
		}
	}
}

func TestBigWrap(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  []string
		ok    bool
	}{
		{"Glide up to the top", 80, []string{"Glide up to the top"}, true},
		{"Glide up to the top", 40, []string{"Glide up to", "the top"}, true},
		{"Thumbs circle in to the middle", 30, []string{"Thumbs", "circle", "in to", "the", "middle"}, true},
		{"Cradle the chin, circle the skull base", 76, []string{"Cradle the chin,", "circle the skull", "base"}, true},
		{"Rub the ears – gently", 80, []string{"Rub the ears – gently"}, true},
		{"Café", 80, nil, false},    // no glyph for é: plain text instead
		{"Squeeze", 10, nil, false}, // a word wider than the line
		{"", 80, nil, false},
	}
	for _, tt := range tests {
		got, ok := bigWrap(tt.s, tt.width)
		if ok != tt.ok || !cmp.Equal(got, tt.want) {
			t.Errorf("bigWrap(%q, %d) = %q, %v; want %q, %v", tt.s, tt.width, got, ok, tt.want, tt.ok)
		}
		for _, l := range got {
			if bigWidth(l) > tt.width {
				t.Errorf("bigWrap(%q, %d): %q is %d wide", tt.s, tt.width, l, bigWidth(l))
			}
		}
	}
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  []string
	}{
		{"one two three", 7, []string{"one two", "three"}},
		{"  spaced   out  ", 20, []string{"spaced out"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"", 10, nil},
	}
	for _, tt := range tests {
		if got := wrapText(tt.s, tt.width); !cmp.Equal(got, tt.want) {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}

func TestClock(t *testing.T) {
	for _, tt := range []struct {
		s       float64
		down    string
		countUp string
	}{
		{0, "0:00", "0:00"}, {0.4, "0:00", "0:01"}, {59.99, "0:59", "1:00"}, {60, "1:00", "1:00"},
		{754.2, "12:34", "12:35"}, {3600, "1:00:00", "1:00:00"}, {-3, "0:00", "0:00"},
	} {
		if got := clock(tt.s); got != tt.down {
			t.Errorf("clock(%v) = %q, want %q", tt.s, got, tt.down)
		}
		if got := clockUp(tt.s); got != tt.countUp {
			t.Errorf("clockUp(%v) = %q, want %q", tt.s, got, tt.countUp)
		}
	}
}
