package howto

import (
	"errors"
	"strings"
	"testing"
)

func TestSniffRefusesBinary(t *testing.T) {
	for _, c := range []struct {
		name, src, kind string
	}{
		{"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"},
		{"pdf after blank lines", "\n\n%PDF-1.4\n", "PDF"},
		{"docx", "PK\x03\x04\x14\x00\x06\x00word/document.xml", "Word document or other zip archive"},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"},
		{"jpeg", "\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"},
		{"utf-16", "\xff\xfeR\x00u\x00b\x00", "UTF-16 text"},
		{"nul bytes", "Rub the calf\x00\x00\x00\x01\x02", "binary file"},
		{"random bytes", strings.Repeat("\x80\x81\x82\x01\x02\x03\xfe", 40), "binary file"},
	} {
		err := sniff([]byte(c.src))
		var bin *BinaryError
		if !errors.As(err, &bin) || bin.Kind != c.kind {
			t.Errorf("%s: got %v, want a %s refused", c.name, err, c.kind)
			continue
		}
		if !strings.HasPrefix(err.Error(), "this is a "+c.kind) {
			t.Errorf("%s: message %q", c.name, err)
		}
	}
}

func TestSniffKeepsText(t *testing.T) {
	for _, src := range []string{
		"", "Rub the calf.", "Stroke the forehead — gently, 6×. Ça va? Ünïcödé 🌀",
		"A text with one stray \xff byte in it, which clean turns into a space, and goes on.",
		"<html><body><p>Rub the calf.</p></body></html>", "# Heading\n\n- Rub.\n",
	} {
		if err := sniff([]byte(src)); err != nil {
			t.Errorf("%q refused: %v", src, err)
		}
	}
}

// FuzzSniff: sniff never panics, and whatever it keeps is read by Import
// without a BinaryError.
func FuzzSniff(f *testing.F) {
	for _, s := range []string{"", "%PDF-", "PK\x03\x04", "\x00", "Rub.", "\xff\xfe", "\xef\xbb\xbf%PDF-1.4"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := sniff(data)
		var bin *BinaryError
		if err != nil && !errors.As(err, &bin) {
			t.Fatalf("unexpected error type %T", err)
		}
	})
}
