// Package howto reads a massage how-to text — a web article, a blog post, a
// therapist's handout, as plain text, Markdown or simple HTML — and finds
// what a careful reader would: the hands-on steps (where, with which part
// of the hand, which motion, which way, how firmly, how often, how long, on
// which side), the preparations around them, the warnings, the claimed
// benefits, and whether it is written for a partner or for oneself.
//
// It uses no language model and no network: lexicons built from the
// massage model's own vocabulary (embedded data files), a few sentence patterns, and the catalog
// to name the techniques, preparations and cautions it recognises. The
// page furniture of real web pages (bylines, image credits, reader
// comments, link lines, ads) is left out.
//
// It reads as a pipeline, each stage in files of its own: read (input.go,
// sniff.go, markup.go, html.go: formats to blocks; a PDF or other binary
// is refused), segment (blocks.go, segment_rules.go: blocks to sentences
// and candidate steps, structure first), classify (sentence.go, kinds.go,
// cues.go, classify_openers.go, classify_caution.go: each sentence's main
// verb after its openers, and its role), extract (measure.go, draft.go,
// extract_places.go, extract_areas.go, extract_prep.go: places, hands,
// motion, counts, times, pressure, side, preparations) and assemble
// (finish.go, assemble_roles.go, routine.go: the steps, the account of
// every sentence, the routine). The lexicons are data, embedded:
// lexicon/words.txt and lexicon/cautions.txt.
//
// Import turns a text into a Result; Result.Routine turns that into a
// routine that plays like any other, each step's cue being the author's
// own sentence. Evaluate scores the importer against labelled texts
// (docs/import.md describes the label files).
package howto
