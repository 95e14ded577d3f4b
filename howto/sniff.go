package howto

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// BinaryError says the input is not a text at all: a PDF, a Word file, an
// image, an archive or other binary bytes. The importer reads plain text,
// Markdown and HTML only.
type BinaryError struct {
	Kind string // "PDF", "Word document", "image", ... or "binary file"
	Hint string // what to do instead
}

func (e *BinaryError) Error() string {
	return fmt.Sprintf("this is a %s, not a text: knead import reads plain text, Markdown or HTML; %s", e.Kind, e.Hint)
}

// magic is what the first bytes of a known binary format say it is.
var magic = []struct {
	prefix, kind, hint string
}{
	{"%PDF-", "PDF", "copy the text out of it (for example `pdftotext FILE.pdf -`) and import that"},
	{"PK\x03\x04", "Word document or other zip archive", "save it as plain text or HTML and import that"},
	{"\xd0\xcf\x11\xe0", "Word 97-2003 document", "save it as plain text or HTML and import that"},
	{"{\\rtf", "Rich Text document", "save it as plain text and import that"},
	{"\x89PNG", "PNG image", "import the instructions as text"},
	{"\xff\xd8\xff", "JPEG image", "import the instructions as text"},
	{"GIF8", "GIF image", "import the instructions as text"},
	{"RIFF", "RIFF media file (WebP, WAV or AVI)", "import the instructions as text"},
	{"\x1f\x8b", "gzip archive", "unpack it first"},
	{"%!PS", "PostScript file", "copy the text out of it and import that"},
	{"\xff\xfe", "UTF-16 text", "save it as UTF-8 and import that"},
	{"\xfe\xff", "UTF-16 text", "save it as UTF-8 and import that"},
}

// sniff refuses input that is not text: a known binary format by its first
// bytes, or bytes that hold NULs or are mostly not UTF-8 text. A few stray
// bad bytes in a text are not enough: clean turns them into spaces.
func sniff(src []byte) error {
	head := src
	if len(head) > 8<<10 {
		head = head[:8<<10]
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	for _, m := range magic {
		if bytes.HasPrefix(trimmed, []byte(m.prefix)) {
			return &BinaryError{Kind: m.kind, Hint: m.hint}
		}
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return &BinaryError{Kind: "binary file", Hint: "import the instructions as text"}
	}
	bad, n := 0, 0
	for i := 0; i < len(head); n++ {
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size <= 1 && len(head)-i >= utf8.UTFMax || r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			bad++
		}
		i += size
	}
	if n >= 64 && bad*10 > n*3 {
		return &BinaryError{Kind: "binary file", Hint: "import the instructions as text"}
	}
	return nil
}
