//go:build unix

package tui

import (
	"os/exec"
	"syscall"
)

// ownGroup runs cmd in a process group of its own, so that cutting it
// short also stops what it started (a shell's children, say).
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		if cmd.Process == nil {
			return nil
		}
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
