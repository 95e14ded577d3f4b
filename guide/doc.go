// Package guide is Knead's session clock: it lays a routine out in time as
// moves and spoken cues (Build), and plays that script with pause, resume,
// skip and back (Clock). The web player and the terminal player both follow
// it; neither keeps time of its own beyond asking the clock where it is.
//
// A Script is plain data that travels as JSON: every move with its start and
// length, and every cue with the moment it is due, in seconds from the start
// of the routine. The page's small clock module reads the same script and
// applies the same rules for skip and back (see Clock.Skip and Clock.Back),
// so a position saved by one player is resumed by the other.
package guide
