package cli

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/rules"
	"github.com/rescue-stories/redact/rules/fold"
)

// RulesHashOptions are the options of `redact rules hash`.
type RulesHashOptions struct {
	f       *Factory
	Salt    string
	Pack    string
	NewSalt bool
	Terms   []string
}

func newCmdRulesHash(f *Factory, runF func(*RulesHashOptions) error) *cobra.Command {
	opts := &RulesHashOptions{f: f}
	cmd := &cobra.Command{
		Use:   "hash {--salt <salt> | --pack <file>} [<term>...] | hash --new-salt",
		Short: "Make entries for a hashed deny list",
		Long: `Print the entry of each term for a rule of kind hashed: the hex
HMAC-SHA256 of the term's folded form (lower case, accents removed, single
spaces), keyed with the pack's salt. Entries are printed one per line, in
the order of the terms, without the terms.

Terms are read one per line from standard input when none are given, which
keeps them out of shell history; blank lines and lines starting with # are
skipped. --new-salt prints a random salt for a new pack.`,
		Example: `  redact rules hash --new-salt
  redact rules hash --pack team.yaml < names.txt >> team-names.sha256
  printf '%s\n' "Maria Santos" | redact rules hash --salt "$SALT"`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Terms = args
			n := 0
			for _, set := range []bool{opts.Salt != "", opts.Pack != "", opts.NewSalt} {
				if set {
					n++
				}
			}
			if n != 1 {
				return flagErrorf("give one of --salt, --pack or --new-salt")
			}
			if opts.NewSalt && len(args) > 0 {
				return flagErrorf("--new-salt takes no terms")
			}
			if runF != nil {
				return runF(opts)
			}
			return runRulesHash(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Salt, "salt", "", "the pack's `salt`")
	fl.StringVar(&opts.Pack, "pack", "", "read the salt from this pack `file`")
	fl.BoolVar(&opts.NewSalt, "new-salt", false, "print a random salt for a new pack")
	return cmd
}

func runRulesHash(opts *RulesHashOptions) error {
	ios := opts.f.IO
	if opts.NewSalt {
		s, err := rules.NewSalt()
		if err != nil {
			return err
		}
		fmt.Fprintln(ios.Out, s)
		return nil
	}
	salt := opts.Salt
	if opts.Pack != "" {
		data, err := os.ReadFile(opts.Pack)
		if err != nil {
			return fmt.Errorf("read pack: %w", err)
		}
		if salt, err = rules.ReadSalt(opts.Pack, data); err != nil {
			return err
		}
	}
	if len(salt) < rules.MinSaltLen {
		fmt.Fprintf(ios.ErrOut, "redact: warning: the salt has %d characters; use at least %d\n", len(salt), rules.MinSaltLen)
	}
	terms := opts.Terms
	if len(terms) == 0 {
		sc := bufio.NewScanner(ios.In)
		for sc.Scan() {
			t := strings.TrimSpace(sc.Text())
			if t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			terms = append(terms, t)
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("read terms: %w", err)
		}
	} else if ios.IsStderrTTY() {
		fmt.Fprintln(ios.ErrOut, "redact: note: terms given as arguments stay in your shell history; pipe them on standard input instead")
	}
	if len(terms) == 0 {
		return flagErrorf("no terms: give them as arguments or one per line on standard input")
	}
	for i, t := range terms {
		// Terms are never echoed: they are what the list protects.
		switch n := len(fold.Words(t)); {
		case n == 0:
			return fmt.Errorf("term %d has no words", i+1)
		case n > rules.DefaultHashedWords:
			fmt.Fprintf(ios.ErrOut, "redact: warning: term %d has %d words; a hashed rule tries up to %d unless its max_words is raised\n", i+1, n, rules.DefaultHashedWords)
		}
	}
	w := bufio.NewWriter(ios.Out)
	for _, t := range terms {
		fmt.Fprintln(w, rules.HashTerm(salt, t))
	}
	return w.Flush()
}

func newCmdRulesSchema(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the rule pack format",
		Long: `Print the JSON Schema of the rule pack format (docs/pack.schema.json), for
editors: with the VS Code YAML extension, a pack that starts with

  # yaml-language-server: $schema=./pack.schema.json

is checked as you type.`,
		Example: `  redact rules schema > pack.schema.json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := f.IO.Out.Write(rules.Schema())
			return err
		},
	}
}
