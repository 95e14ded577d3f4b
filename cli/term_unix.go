//go:build linux || darwin

package cli

import (
	"os"
	"syscall"
	"unsafe"
)

// stdoutWidth asks the terminal on stdout for its width; 0 when stdout is
// not a terminal.
func stdoutWidth() int {
	var ws struct{ Row, Col, X, Y uint16 }
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, os.Stdout.Fd(), uintptr(syscall.TIOCGWINSZ), uintptr(unsafe.Pointer(&ws)))
	if errno != 0 {
		return 0
	}
	return int(ws.Col)
}
