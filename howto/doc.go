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
// Import runs its stages in this order, each stage's output the next one's
// input; import.go drives them (importDoc, doc.read, doc.readBlock). A
// file belongs to one stage and uses only what its own stage or an earlier
// one declares; structure_test.go checks that, and that no function is
// longer than a screen (50 lines). Follow the stages in this order:
//
//  0. Shared (tokens.go, lexicon.go, words.go, phrases.go, verbs.go,
//     result.go, state.go): tokens, the lexicons (data files under
//     lexicon/), small word helpers, the public result types and the
//     data that flows between the stages (page, block, sentence,
//     stepDraft, doc).
//  1. Read (input.go, sniff.go, markup.go, html.go, read_*.go): bytes to
//     a page of lines. sniff refuses a PDF or other binary, clean
//     normalises the text, and readPage gives the lines (textLines for
//     text and Markdown, htmlLines for HTML; read_csv.go, read_json.go,
//     read_bbcode.go and read_code.go for tables, app exports, forum
//     posts and outlines or programs), each a heading, a list item or
//     text, with its number, its lead-in title and its source line.
//  2. Split (split_blocks.go): lines to blocks (blocks) and each block to
//     sentences (splitSentences). Structure comes first: a numbered item,
//     a heading or a paragraph is a block, and no step runs across a
//     heading.
//  3. Read each sentence and classify it (classify_blocks.go, sentence.go,
//     sentence_places.go, sentence_prep.go, measure.go, kinds.go, cues.go,
//     classify_*.go): first the blocks that are page furniture (markNoise)
//     and the heading each block is under (setSections); then each
//     sentence, alone. readShape finds its structure with no verb list as
//     the gate (main verb after the openers, subject, imperative, modal,
//     negation); analyze finds its main verb after its openers
//     (instructionAt tries one openerRule per shape of opening: "Finish
//     by …", "Pressing gently, …", "She recommends …", a verb first), what
//     it names (the lexicon's places, hands, motions, directions, pressure
//     and sides; its count and time, measuresMore), whether it warns
//     (findWarning), claims (claimCue) or prepares (findPrep). What a
//     sentence names is found here, not later, because its role depends
//     on it. The role model (a logistic regression embedded as
//     lexicon/roles.model, trained by internal/train from train_*.go)
//     gives it a role and a confidence, and decides where the rules are
//     unsure (modelMove, modelWarning, tipOnly).
//  4. Steps (steps_*.go): the sentences into step drafts. A sentence that
//     holds two moves is cut (steps_clauses.go, steps_finish.go); then
//     doc.sentence (steps_sentence.go) files each one: tally (mode,
//     warnings, claims, preparations), aside, notMove, changesStep,
//     handsOn, continuesStep (steps_continue.go), or a new step. A turn
//     to the other side ("Change feet and do it all again") is a step of
//     its own (steps_side.go); a list item with no move the rules read
//     takes the sentence the role model reads most surely as one
//     (steps_items.go).
//  5. Extract (draft.go, extract_areas.go, extract_place_model.go,
//     extract_side.go): each step draft to a Step. doc.build runs
//     placeStep (the area voted from the places the step works, then its
//     heading and title; then the place model, a logistic regression
//     embedded as lexicon/places.model and trained by internal/train
//     -places on the labelled steps' areas, reads the step again and
//     takes its own area where it finds it likely enough), measureInto
//     (landmarks, directions, pressure, count, time, side, hands) and
//     motionInto.
//  6. Assemble (finish.go, match.go, assemble_roles.go,
//     assemble_mode_model.go, assemble_prep_model.go,
//     assemble_warn_model.go, routine.go, file.go, file_own.go):
//     doc.finish builds the steps and decides the mode (the rules, then
//     the mode model, a logistic regression embedded as lexicon/mode.model
//     and trained by internal/train -mode on the labelled texts' modes);
//     the preparation model (lexicon/prep.model, internal/train -prep)
//     adds a kind of preparation the rules missed from the sentence it
//     finds likeliest to ask for it, and the warning model
//     (lexicon/warnings.model, internal/train -warnings) leaves out a
//     caution that is a product's or a venue's, not the massage's; then
//     the steps are matched to catalog techniques (candidates, bestPath),
//     preparations and cautions; doc.account gives every sentence its
//     role and why; Result.Routine and RoutineFile write the routine, the
//     text's warnings and unknown preparations kept in the author's words.
//
// Evaluate (eval.go, labels.go) scores the importer against labelled
// texts (docs/import.md describes the label files and every batch's
// figures).
package howto
