//go:build !unix

package tui

import "os/exec"

// ownGroup leaves cmd as it is where process groups are not to be had.
func ownGroup(cmd *exec.Cmd) {}
