package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/rules"
)

// RulesLintOptions are the options of `redact rules lint`.
type RulesLintOptions struct {
	f     *Factory
	Packs []string
}

func newCmdRulesLint(f *Factory, runF func(*RulesLintOptions) error) *cobra.Command {
	opts := &RulesLintOptions{f: f}
	cmd := &cobra.Command{
		Use:     "lint [<pack>...]",
		Aliases: []string{"check"},
		Short:   "Find mistakes and weak rules in rule packs",
		Long: `Check rule packs for mistakes (unknown fields, bad patterns, duplicate IDs,
broken extends, disable or override) and for weak rules:

  no-examples     a rule without examples.flag or examples.allow
  allowed-term    a term that an allow list removes, so it never matches
  shadowed        a rule whose terms or pattern earlier rules of its category already match
  broad-term      a term that is an ordinary English word
  broad-pattern   a pattern that matches ordinary English words
  duplicate-hash  a hashed entry listed twice
  weak-salt       a salt shorter than 16 characters
  ascii-boundary  a \b next to an accented letter, which Go's ASCII \b does not know

Each problem is printed as file:line:col: rule ID: message [check]. A rule
that trips a check on purpose says so with lint: {ignore: [check]}.

Packs are files, directories of packs or built-in pack names; with none,
the packs in force are checked (built-in packs, .redact.toml, --rules).
Built-in packs that a named pack extends are used but not reported on.

Exit status: 0 no problems, 1 problems, 2 a pack could not be read.`,
		Example: `  redact rules lint
  redact rules lint team.yaml
  redact rules lint default`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Packs = args
			if runF != nil {
				return runF(opts)
			}
			return runRulesLint(opts)
		},
	}
	return cmd
}

func runRulesLint(opts *RulesLintOptions) error {
	ios := opts.f.IO
	set, named, err := loadNamedPacks(opts.f, opts.Packs)
	var pe rules.PackErrors
	if errors.As(err, &pe) {
		writePackErrors(ios.Out, pe)
		fmt.Fprintf(ios.ErrOut, "redact: %s in the rule packs\n", plural(len(pe), "problem", "problems"))
		return errFindings
	}
	if err != nil {
		return err
	}
	problems := rules.Lint(set, named)
	for _, p := range problems {
		fmt.Fprintln(ios.Out, p.String())
	}
	n := 0
	for _, r := range set.Rules {
		if p := set.PackOf(r); p != nil && (named == nil || named(p)) {
			n++
		}
	}
	if len(problems) > 0 {
		fmt.Fprintf(ios.ErrOut, "redact: %s in %s\n", plural(len(problems), "problem", "problems"), plural(n, "rule", "rules"))
		return errFindings
	}
	if ios.IsStdoutTTY() {
		fmt.Fprintf(ios.ErrOut, "no problems in %s\n", plural(n, "rule", "rules"))
	}
	return nil
}
