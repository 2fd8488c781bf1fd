package cli

import (
	"errors"
	"fmt"
)

// Exit codes, as diff(1) and gofmt -d use them; docs/exit-codes.md lists them.
const (
	ExitOK       = 0 // clean, approved, nothing to change
	ExitFindings = 1 // findings, a non-empty diff, unapproved content: the gate failed
	ExitError    = 2 // usage, configuration, rule pack, input or internal error: the tool failed
)

// FlagError is a usage mistake: the message is followed by the command's usage.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

func flagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// SilentError means the command already reported what went wrong; only the
// exit code remains to be returned.
type SilentError struct{ Code int }

func (e *SilentError) Error() string { return fmt.Sprintf("exit %d", e.Code) }

// errFindings ends a command whose gate failed (exit 1), after it printed
// its results.
var errFindings = &SilentError{Code: ExitFindings}

// exitCode maps an error from a command to the process's exit code.
func exitCode(err error) int {
	var se *SilentError
	if errors.As(err, &se) {
		return se.Code
	}
	if err != nil {
		return ExitError
	}
	return ExitOK
}
