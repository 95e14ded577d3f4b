// Package tui is Knead's terminal player, behind `knead play`: a full-screen
// bubbletea program that plays a routine step by step, in big calm letters
// that read from a metre away, while the hands are busy.
//
// It keeps no clock of its own. FromRoutine lays a routine out in time with
// guide.Build, and the Model asks a guide.Clock where it is at every tick
// and key press, so pause, skip and back behave exactly as in the web
// player. Time comes from Options.Now, which tests replace with a fake.
//
// The start screen lists the preparations as a checklist and the cautions,
// says once that Knead is not medical advice, and waits for space. While
// playing it shows the move, its cue, pass and side, its cautions, the
// countdown and progress of the move and the routine, and the next move.
// Keys: space pauses and resumes, → or n skips, ← or b goes back, l g f s
// note lighter, good, firmer or a sore spot with the moment, u d give the
// move's technique a thumbs up or down (stored as the web player stores
// them), h is "It
// hurts" (the move stops, the later moves on its area go lighter, the press
// is kept), q or Esc quits. Cues are said through a Speaker (CommandSpeaker runs espeak-ng or
// another program) and may ring the terminal bell. Result and its Summary
// say how far the session got and what was felt.
//
// A Recorder keeps the session as it is played; Keeper writes it to the web
// app's store.Store in the background: created when the first move starts,
// the place after every move, each feedback press with its moment, and the
// rating and note asked for at the end. NewRecord makes the store's record,
// with PlanOf describing a routine that was not planned as the plan.Plan
// the web app's pages read. LastUnfinished and LoadSession find and load a
// session stopped part-way, to go on from where it stopped.
package tui
