// Package howto reads a massage how-to text — a web article, a blog post, a
// therapist's handout, as plain text, Markdown or simple HTML — and finds
// what a careful reader would: the hands-on steps (where, with which part
// of the hand, which motion, which way, how firmly, how often, how long, on
// which side), the preparations around them, the warnings, the claimed
// benefits, and whether it is written for a partner or for oneself.
//
// It uses no language model and no network: lexicons built from the
// massage model's own vocabulary (embedded data files, lexicon/words.txt
// and lexicon/cautions.txt), sentence patterns, and the catalog to name
// the techniques, preparations and cautions it recognises. The page
// furniture of real web pages (bylines, image credits, reader comments,
// link lines, ads) is left out.
//
// # The pipeline
//
// Import runs five stages; data flows one way, each stage's output the
// next one's input. Follow them in this order:
//
//  1. Read (input.go, sniff.go, markup.go, html.go): bytes to lines.
//     sniff refuses a PDF or other binary, clean normalises the text, and
//     readPage gives a page of lines (textLines for text and Markdown,
//     htmlLines for HTML), each a heading, a list item or text, with its
//     number, its lead-in title and its source line.
//  2. Segment (blocks.go, segment_rules.go, segment_side.go,
//     segment_finish.go, segment_items.go, clauses.go): lines to blocks
//     (blocks, markNoise, setSections), and each block to sentences
//     (doc.readBlock: splitSentences, mergeFragments, splitClauses).
//     Structure comes first: a numbered item, a heading or a paragraph is a
//     block, and a step never runs across a heading. A turn to the other
//     side ("Change feet and do it all again") is a step of its own
//     (doc.sideSwitch). A list item with no move the rules read takes
//     the sentence the role model reads most surely as one (itemMove).
//  3. Classify (sentence.go, kinds.go, cues.go, classify_openers.go,
//     classify_caution.go, classify_struct.go, classify_features.go, classify_model.go,
//     classify_roles.go, verbs.go, phrases.go): each sentence, alone.
//     readShape finds its structure with no verb list as the gate (main
//     verb after the openers, subject, imperative, modal, negation); the
//     role model (a logistic regression embedded as lexicon/roles.model,
//     trained by internal/train from classify_train.go) gives it a role
//     and a confidence, and decides where the rules are unsure
//     (modelMove, modelWarning, tipOnly).
//     analyze finds its main verb after its openers (instructionAt tries
//     one openerRule per shape of opening: "Finish by …", "Pressing gently,
//     …", "She recommends …", a verb first), the lexicon's places, hands,
//     motions, directions, pressure and sides (readHits), its count and
//     time (measuresMore), whether it warns (findWarning) or claims
//     (claimCue). Then doc.sentence decides its role among the steps, in
//     stages: tally (mode, warnings, claims, preparations), aside, notMove,
//     changesStep, handsOn, continuesStep, or a new step.
//  4. Extract (draft.go, extract_places.go, extract_areas.go,
//     extract_prep.go, extract_side.go, measure.go): each gathered step draft to a Step.
//     doc.build runs placeStep (the area voted from the places the step
//     works, then its heading and title), measureInto (landmarks,
//     directions, pressure, count, time, side, hands) and motionInto.
//  5. Assemble (finish.go, match.go, assemble_roles.go, routine.go,
//     file.go, file_own.go): doc.finish decides the mode, builds the steps
//     and matches them to catalog techniques (candidates, bestPath),
//     preparations and cautions; doc.account gives every sentence its
//     role and why; Result.Routine and RoutineFile write the routine, the
//     text's warnings and unknown preparations kept in the author's words.
//
// Evaluate (eval.go, labels.go) scores the importer against labelled
// texts (docs/import.md describes the label files and every batch's
// figures).
package howto
