// Package massage is Knead's domain model: the body (areas, landmarks, joints),
// the hands, motions, pressure, techniques and their steps, preparations,
// cautions, conditions, claims, sequencing rules and routines.
//
// The model imports nothing else of the project. Loading files, planning,
// drawing, storing and showing all build on these types; none of them is
// known here.
package massage
