// Package cli is the redact command tree. Commands are thin: they parse
// flags into an options struct, call the engine and hand results to a
// renderer. This package alone decides exit codes, colour and file writes.
package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/rules"
)

// Main runs the command line and returns the exit code. A fresh command tree
// is built per call, so tests can run many invocations in one process.
func Main(args []string, ios *iostreams.IOStreams) int {
	f := NewFactory(ios)
	root := NewCmdRoot(f)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return ExitOK
	}
	printError(ios, cmd.UsageString(), err)
	return exitCode(err)
}

func printError(ios *iostreams.IOStreams, usage string, err error) {
	var se *SilentError
	if errors.As(err, &se) {
		return
	}
	var pe rules.PackErrors
	if errors.As(err, &pe) {
		for _, e := range pe {
			fmt.Fprintln(ios.ErrOut, e.Error())
		}
		fmt.Fprintf(ios.ErrOut, "redact: %s in the rule packs; nothing was scanned\n", plural(len(pe), "error", "errors"))
		return
	}
	var ce *ConfigError
	if errors.As(err, &ce) {
		for _, l := range ce.Lines {
			fmt.Fprintln(ios.ErrOut, l)
		}
		return
	}
	var fe *FlagError
	msg := err.Error()
	if errors.As(err, &fe) || isCobraUsageError(msg) {
		fmt.Fprintf(ios.ErrOut, "redact: %s\n\n%s", msg, usage)
		return
	}
	fmt.Fprintf(ios.ErrOut, "redact: %s\n", msg)
}

// isCobraUsageError recognises the flag and argument errors cobra returns
// before our code runs.
func isCobraUsageError(msg string) bool {
	for _, p := range []string{"unknown flag", "unknown shorthand flag", "unknown command", "invalid argument", "flag needs an argument", "accepts ", "requires at least", "bad flag syntax", "required flag"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// plural formats a count with the singular or plural noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
