// Package howto reads a massage how-to text — a web article, a blog post, a
// therapist's handout, as plain text, Markdown or simple HTML — and finds
// what a careful reader would: the hands-on steps (where, with which part
// of the hand, which motion, which way, how firmly, how often, how long, on
// which side), the preparations around them, the warnings, the claimed
// benefits, and whether it is written for a partner or for oneself.
//
// It uses no language model and no network: lexicons built from the
// massage model's own vocabulary, a few sentence patterns, and the catalog
// to name the techniques, preparations and cautions it recognises. The
// page furniture of real web pages (bylines, image credits, reader
// comments, link lines, ads) is left out.
//
// Import turns a text into a Result; Result.Routine turns that into a
// routine that plays like any other, each step's cue being the author's
// own sentence. Evaluate scores the importer against labelled texts
// (docs/import.md describes the label files).
package howto
