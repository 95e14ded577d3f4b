// Package catalog reads Knead's YAML files (techniques, preparations,
// cautions, rules, sources and routines) into the massage model.
//
// The built-in catalog is embedded in the binary; user folders add to it.
// Decoding is strict and reports every problem in a file with its position,
// as file:line:col: message.
package catalog
