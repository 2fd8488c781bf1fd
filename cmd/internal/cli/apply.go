package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/rules"
)

// ApplyOptions are the options of `redact apply`.
type ApplyOptions struct {
	f           *Factory
	Paths       []string
	Write       bool
	Output      string
	Plan        planFlags
	MaxFileSize int64
	StdinName   string
}

func newCmdApply(f *Factory, runF func(*ApplyOptions) error) *cobra.Command {
	opts := &ApplyOptions{f: f}
	cmd := &cobra.Command{
		Use:   "apply [<path>...] [--write | --output <file>] [flags]",
		Short: "Make the proposed redactions",
		Long: `Make the redactions ` + "`redact diff`" + ` shows. By default the redacted text of one
file goes to standard output; --write replaces the files in place and
--output writes one file's result elsewhere. Only the redacted words
change: every other byte (line endings, a missing final newline, a byte
order mark) is kept.

Files are written safely: to a temporary file in the same directory,
synced, then renamed over the original, keeping its permissions. A file
that changed since it was read is not written, and a symbolic link is
followed only when it points inside the working directory.

Review-severity findings (operational details) are replaced only with
--all or when the review decisions file accepts them. Applying twice
changes nothing more.`,
		Example: `  redact apply story.md > story.redacted.md
  redact apply --write story.md
  redact apply --write --all drafts/
  redact apply --write --only name,location story.md
  redact apply --output public/story.md story.md
  git show main:story.md | redact apply --stdin-name story.md > public/story.md`,
		RunE: func(cmd *cobra.Command, args []string) error {
			paths, err := stdinPaths(cmd, opts.StdinName, args)
			if err != nil {
				return err
			}
			opts.Paths = paths
			if len(opts.Paths) == 0 {
				return flagErrorf("name the files to redact (or - for standard input)")
			}
			if opts.Write && opts.Output != "" {
				return flagErrorf("--write and --output cannot be used together")
			}
			if opts.Output != "" && len(opts.Paths) != 1 {
				return flagErrorf("--output takes one input file")
			}
			for _, p := range opts.Paths {
				if p == "-" && opts.Write {
					return flagErrorf("--write cannot replace standard input; use --output or redirect")
				}
			}
			if err := opts.Plan.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runApply(opts)
		},
	}
	opts.Plan.register(cmd)
	fl := cmd.Flags()
	fl.BoolVarP(&opts.Write, "write", "w", false, "replace the files in place")
	fl.StringVarP(&opts.Output, "output", "o", "", "write the result to this `file`")
	fl.Int64Var(&opts.MaxFileSize, "max-file-size", MaxFileSize, "refuse files larger than this many `bytes`")
	addStdinNameFlag(cmd, &opts.StdinName)
	_ = cmd.RegisterFlagCompletionFunc("only", cobra.FixedCompletions(rules.Categories, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runApply(opts *ApplyOptions) error {
	f := opts.f
	ios := f.IO
	root, err := f.Getwd()
	if err != nil {
		return err
	}
	// --write replaces each file as soon as it is planned, so memory holds
	// a few files, not all. Standard output and --output take one file: it
	// is held until the run shows there is no second.
	var one *planned
	var failed []error
	left := 0
	errs, err := planEach(f, opts.Paths, opts.StdinName, &opts.Plan, opts.MaxFileSize, func(p planned) error {
		if !opts.Write {
			if one != nil {
				return tooManyForOne(opts)
			}
			one = &p
			return nil
		}
		c := p.change
		left += len(c.Plan.Notes)
		if c.Empty() {
			return nil
		}
		if err := replaceFile(p.in.Path, c.Out, c.Result.Src, root); err != nil {
			failed = append(failed, fmt.Errorf("%s: %w", p.in.Path, err))
			return nil
		}
		if ios.IsStdoutTTY() {
			fmt.Fprintf(ios.Out, "%s: %s\n", p.in.Path, plural(len(c.Plan.Edits), "redaction", "redactions"))
		}
		return nil
	})
	if err != nil {
		return err
	}
	errs = append(errs, failed...)
	if one != nil {
		if len(errs) > 0 {
			// One file planned and another that could not be read: still
			// more than one file for one output.
			return tooManyForOne(opts)
		}
		c := one.change
		left += len(c.Plan.Notes)
		if opts.Output != "" {
			err = writeFileAtomic(opts.Output, c.Out, 0o644)
		} else {
			_, err = ios.Out.Write(c.Out)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", one.in.Path, err))
		}
	}
	for _, e := range errs {
		fmt.Fprintf(ios.ErrOut, "redact: %v\n", e)
	}
	if left > 0 && (opts.Write || opts.Output != "") {
		fmt.Fprintf(ios.ErrOut, "%s left unchanged (review severity or not selected); `redact diff` lists them, --all replaces them\n", plural(left, "finding", "findings"))
	}
	if len(errs) > 0 {
		return &SilentError{Code: ExitError}
	}
	return nil
}

// tooManyForOne is the error for more than one file where the output can
// hold one: writing them one after another would keep only the last.
func tooManyForOne(opts *ApplyOptions) error {
	if opts.Output != "" {
		return flagErrorf("--output takes one input file and more than one was given; use --write to redact them in place")
	}
	return flagErrorf("apply prints one file to standard output and more than one was given; use --write to redact them in place")
}

// sidecarDecisions reads a draft's review decisions; standard input has
// none.
func sidecarDecisions(path string) (*redact.Decisions, error) {
	if path == "-" {
		return nil, nil
	}
	return loadDecisions(path)
}
