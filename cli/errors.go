package cli

import (
	"errors"
	"fmt"
)

// Exit statuses, the same for every command.
const (
	ExitOK    = 0 // done
	ExitInput = 1 // the user's input was wrong: a bad id, a bad file, an invalid value
	ExitUsage = 2 // bad usage: an unknown command or flag, a missing argument
)

// UsageError says the command line itself was wrong. It exits with status 2
// and points at the command's help.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// InputError says what the user gave was wrong: an id that is not in the
// catalog, a file that does not load, a value that does not parse. It exits
// with status 1.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

// usageErrorf makes a UsageError.
func usageErrorf(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// inputErrorf makes an InputError.
func inputErrorf(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// errReported is returned by a command that has already printed what went
// wrong (as check does) and only needs to exit with status 1.
var errReported = errors.New("reported")

// exitCode maps an error a command returned to the process's exit status.
func exitCode(err error) int {
	var u *UsageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &u):
		return ExitUsage
	}
	return ExitInput
}
