// Package iostreams carries the standard streams and what is known about
// them (terminal or not, colour or not), so commands can be tested with
// buffers in place of a terminal.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are a command's input and outputs.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY, stdoutTTY, stderrTTY bool
	// Getenv reads the environment (tests replace it).
	Getenv func(string) string
}

// System returns the process's streams. REDACT_FORCE_TTY=1 makes stdout and
// stderr count as terminals (for tests and for tools that want the
// terminal output through a pipe).
func System() *IOStreams {
	ios := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Getenv: os.Getenv}
	ios.stdinTTY = isTerminal(os.Stdin)
	ios.stdoutTTY = isTerminal(os.Stdout)
	ios.stderrTTY = isTerminal(os.Stderr)
	if v := os.Getenv("REDACT_FORCE_TTY"); v != "" && v != "0" && v != "false" {
		ios.stdoutTTY, ios.stderrTTY = true, true
	}
	return ios
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// Test returns streams backed by buffers: (ios, stdin, stdout, stderr).
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	env := map[string]string{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, Getenv: func(k string) string { return env[k] }}, in, out, errOut
}

// SetTTY sets whether stdin, stdout and stderr count as terminals (tests).
func (s *IOStreams) SetTTY(in, out, err bool) { s.stdinTTY, s.stdoutTTY, s.stderrTTY = in, out, err }

func (s *IOStreams) IsStdinTTY() bool  { return s.stdinTTY }
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }
func (s *IOStreams) IsStderrTTY() bool { return s.stderrTTY }

// ColorEnabled decides colour once, from --color (auto, always, never), then
// NO_COLOR, CLICOLOR_FORCE, CLICOLOR and whether stdout is a terminal.
func (s *IOStreams) ColorEnabled(mode string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if s.Getenv("NO_COLOR") != "" {
		return false
	}
	if v := s.Getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		return true
	}
	if s.Getenv("CLICOLOR") == "0" || s.Getenv("TERM") == "dumb" {
		return false
	}
	return s.stdoutTTY
}
