package howto

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// BenchmarkImport imports about 1 MB of how-to text made of the corpus,
// one text after another. Its MB/s is the importer's speed; the budget in
// PRODUCT.md is 1 MB/s or better.
func BenchmarkImport(b *testing.B) {
	var corpus [][]byte
	for _, p := range corpusTexts(b, false) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		corpus = append(corpus, data)
	}
	var big bytes.Buffer
	for big.Len() < DefaultMaxBytes-16<<10 {
		for _, c := range corpus {
			if big.Len()+len(c)+2 > DefaultMaxBytes {
				break
			}
			big.Write(textOnly(c))
			big.WriteString("\n\n")
		}
	}
	src := big.Bytes()
	cat := builtin(b)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Import(src, Options{Catalog: cat}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportArticle imports one web page, as a person would.
func BenchmarkImportArticle(b *testing.B) {
	src, err := os.ReadFile("testdata/corpus/chair-neck-shoulders.html")
	if err != nil {
		b.Fatal(err)
	}
	cat := builtin(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Import(src, Options{Catalog: cat}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportOneParagraph imports 100 KB written as one paragraph
// with a single full stop, the shape that makes a reading step that looks
// around every word cost the square of the text (the missing-stop check
// once took 4.6 s here; it takes a fraction of one).
func BenchmarkImportOneParagraph(b *testing.B) {
	words := strings.Fields("press the calf gently with both thumbs and glide up towards the knee and")
	var p strings.Builder
	p.WriteString("Then ")
	for i := 0; p.Len() < 100<<10; i++ {
		p.WriteString(words[i%len(words)])
		p.WriteByte(' ')
	}
	p.WriteString("hold.")
	src := []byte(p.String())
	cat := builtin(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Import(src, Options{Catalog: cat}); err != nil {
			b.Fatal(err)
		}
	}
}

// textOnly keeps the big text one format: the HTML pages go in as their text.
func textOnly(c []byte) []byte {
	if detect(string(c)) != FormatHTML {
		return c
	}
	lines, _, _ := htmlLines(string(c))
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l.text)
		b.WriteString("\n\n")
	}
	return b.Bytes()
}

// BenchmarkImportOneLongBlock imports 1 MB of text with no blank line in it:
// one block of 40,000 short sentences, each a move of its own matched against
// the catalog, the worst case for the work done per step. Work done once per
// sentence over the whole block makes it quadratic (it did: the tip check
// lowered the whole block for every sentence, 150 s a megabyte); linear, it
// takes about 1.6 s on the 2-core machine.
func BenchmarkImportOneLongBlock(b *testing.B) {
	src := []byte(strings.Repeat("Rub the calf in circles. ", (DefaultMaxBytes-1)/25))
	cat := builtin(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Import(src, Options{Catalog: cat}); err != nil {
			b.Fatal(err)
		}
	}
}
