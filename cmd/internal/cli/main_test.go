package cli

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/rules"
)

func TestExitCode(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{errFindings, ExitFindings},
		{fmt.Errorf("wrapped: %w", errFindings), ExitFindings},
		{&SilentError{Code: ExitError}, ExitError},
		{flagErrorf("bad flag"), ExitError},
		{errors.New("disk on fire"), ExitError},
		{rules.PackErrors{{File: "p.yaml", Line: 1, Col: 1, Msg: "x"}}, ExitError},
		{&ConfigError{Lines: []string{"c.toml:1:1: x"}}, ExitError},
	} {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestPrintError(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"silent", errFindings, ""},
		{"plain", errors.New("disk on fire"), "redact: disk on fire\n"},
		{"usage", flagErrorf("--format must be text"), "redact: --format must be text\n\nUSAGE"},
		{"cobra usage", errors.New(`unknown flag: --bogus`), "redact: unknown flag: --bogus\n\nUSAGE"},
		{"pack errors: located lines, then a count", rules.PackErrors{
			{File: "p.yaml", Line: 4, Col: 5, RuleID: "local.x", Msg: `unknown field "patern"`},
			{File: "p.yaml", Line: 9, Col: 3, Msg: "empty rule pack"},
		}, "p.yaml:4:5: rule local.x: unknown field \"patern\"\np.yaml:9:3: empty rule pack\nredact: 2 errors in the rule packs; nothing was scanned\n"},
		{"config errors: located lines only", &ConfigError{Lines: []string{"c.toml:1:1: a", "c.toml:2:1: b"}}, "c.toml:1:1: a\nc.toml:2:1: b\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, out, errOut := iostreams.Test()
			printError(ios, "USAGE", tt.err)
			if errOut.String() != tt.want {
				t.Errorf("stderr = %q, want %q", errOut, tt.want)
			}
			if out.Len() != 0 {
				t.Errorf("stdout = %q, want nothing", out)
			}
		})
	}
}

// TestMainFreshTreePerCall: flags from one call must not leak into the
// next, which package-level commands would allow.
func TestMainFreshTreePerCall(t *testing.T) {
	ios, _, _, errOut := iostreams.Test()
	if code := Main([]string{"scan", "--format", "xml", "x.md"}, ios); code != ExitError {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(errOut.String(), `not "xml"`) {
		t.Fatalf("stderr %q", errOut)
	}
	ios, _, out, errOut := iostreams.Test()
	if code := Main([]string{"version"}, ios); code != ExitOK || out.Len() == 0 {
		t.Fatalf("second call: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"scan", "--help"}, {"help", "scan"}, {"init", "-h"}, {"version", "--help"}} {
		ios, _, out, _ := iostreams.Test()
		if code := Main(args, ios); code != ExitOK {
			t.Errorf("%v: exit %d", args, code)
		}
		if !strings.Contains(out.String(), "Usage:") {
			t.Errorf("%v: no usage on stdout: %q", args, out)
		}
	}
}
