package cli

import (
	"fmt"
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/report"
	"github.com/rescue-stories/redact/rules"
)

// planFlags choose what diff, apply and review replace.
type planFlags struct {
	All     bool
	Only    []string
	RuleIDs []string
	Literal bool
}

func (p *planFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.BoolVar(&p.All, "all", false, "also replace review-severity findings (operational details)")
	fl.StringSliceVar(&p.Only, "only", nil, "replace only these `categories` (name, location, date, operational, identifier)")
	fl.StringArrayVar(&p.RuleIDs, "rule", nil, "replace only what this rule `id` found (repeatable)")
	fl.BoolVar(&p.Literal, "literal", false, "use each rule's plain replacement: no numbering, no \"a town in ...\"")
}

func (p *planFlags) check() error {
	for _, c := range p.Only {
		if !slices.Contains(rules.Categories, c) {
			return flagErrorf("--only: unknown category %q (one of %s)", c, strings.Join(rules.Categories, ", "))
		}
	}
	return nil
}

// checkRules refuses a --rule that names no rule in force: a typo would
// otherwise silently replace nothing.
func (p *planFlags) checkRules(set *rules.Set) error {
	for _, id := range p.RuleIDs {
		found := false
		for _, r := range set.Rules {
			if r.ID == id || r.ID == r.Pack+"."+id {
				found = true
				break
			}
		}
		if !found {
			return flagErrorf("--rule: no rule %q is loaded (see `redact rules list`)", id)
		}
	}
	return nil
}

func (p *planFlags) options(set *rules.Set, ds *redact.Decisions) redact.PlanOptions {
	return redact.PlanOptions{Rules: set, All: p.All, Only: p.Only, RuleIDs: p.RuleIDs, Literal: p.Literal, Decisions: ds}
}

// DiffOptions are the options of `redact diff`.
type DiffOptions struct {
	f           *Factory
	Paths       []string
	Color       string
	Mask        bool
	MaskSet     bool
	Plan        planFlags
	MaxFileSize int64
	StdinName   string
}

func newCmdDiff(f *Factory, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{f: f}
	cmd := &cobra.Command{
		Use:   "diff [<path>...] [flags]",
		Short: "Show the redactions apply would make, as a unified diff",
		Long: `Show what ` + "`redact apply`" + ` would change, as a unified diff with the
changed words highlighted. Names are numbered consistently ("[name 1]"),
places and dates are generalised so the story still reads ("a town in
Ghana", "in 2023"). Review-severity findings (operational details) are
listed as "# " notes and changed only with --all.

With colour off, the output is a patch: ` + "`patch -p1 < out`" + ` or ` + "`git apply out`" + `
gives exactly the bytes ` + "`redact apply`" + ` writes. In CI (CI set) or with --mask,
the sensitive text is masked and the output is for reading only.

The exit code is 1 when changes are proposed and 0 when there are none,
like diff(1) and gofmt -d; 2 when the tool failed.`,
		Example: `  redact diff story.md
  redact diff --all drafts/
  redact diff --only name,location story.md
  git show main:story.md | redact diff --stdin-name story.md   # read as Markdown
  redact diff --color=never story.md > story.patch && patch -p1 < story.patch`,
		RunE: func(cmd *cobra.Command, args []string) error {
			paths, err := stdinPaths(cmd, opts.StdinName, args)
			if err != nil {
				return err
			}
			opts.Paths = paths
			if len(opts.Paths) == 0 {
				opts.Paths = []string{"."}
			}
			if err := checkColor(opts.Color); err != nil {
				return err
			}
			if err := opts.Plan.check(); err != nil {
				return err
			}
			opts.MaskSet = cmd.Flags().Changed("mask")
			if runF != nil {
				return runF(opts)
			}
			return runDiff(opts)
		},
	}
	opts.Plan.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&opts.Color, "color", "auto", "colour: auto, always or never (NO_COLOR is honoured)")
	fl.BoolVar(&opts.Mask, "mask", false, "hide the sensitive text (default when CI is set)")
	fl.Int64Var(&opts.MaxFileSize, "max-file-size", MaxFileSize, "refuse files larger than this many `bytes`")
	addStdinNameFlag(cmd, &opts.StdinName)
	_ = cmd.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("only", cobra.FixedCompletions(rules.Categories, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// planned is one file scanned and planned.
type planned struct {
	in     input
	change *report.Change
}

// planEach scans the paths (standard input under stdinName, if given) and
// hands each file to each as soon as it is planned, in input order, so
// that a caller that does not keep them needs the memory of a few files,
// not of all. Errors are per file; the rest are still planned. An error
// from each stops the run and is returned.
func planEach(f *Factory, paths []string, stdinName string, pf *planFlags, maxSize int64, each func(planned) error) ([]error, error) {
	cfg, err := f.Config()
	if err != nil {
		return nil, err
	}
	set, err := f.Rules()
	if err != nil {
		return nil, err
	}
	if err := pf.checkRules(set); err != nil {
		return nil, err
	}
	ins, errs := collectAll(paths, cfg.Include, cfg.Exclude)
	ins = distinct(ins)
	nameStdin(ins, stdinName)
	sc := redact.New(set, redact.Options{Decisions: sidecarDecisions})
	err = scanEach(sc, ins, f.IO.In, maxSize, runtime.GOMAXPROCS(0), nil, func(o scanned) error {
		// Notes and skips are said, as scan says them: a silently skipped
		// file would look redacted when it was never read.
		if o.Note != "" {
			fmt.Fprintf(f.IO.ErrOut, "%s:%s\n", o.In.Path, o.Note)
		}
		switch {
		case o.Err != nil:
			errs = append(errs, o.Err)
			return nil
		case o.Skipped != "":
			printSkipped(f.IO.ErrOut, false, o.In.Path, o.Skipped)
			return nil
		}
		ds, err := sidecarDecisions(o.In.Path)
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		plan, err := o.Result.Plan(pf.options(set, ds))
		if err == nil {
			var c *report.Change
			if c, err = report.NewChange(o.Result, plan); err == nil {
				return each(planned{in: o.In, change: c})
			}
		}
		errs = append(errs, fmt.Errorf("%s: %w", o.In.Path, err))
		return nil
	})
	return errs, err
}

func runDiff(opts *DiffOptions) error {
	f := opts.f
	ios := f.IO
	ropts := report.Options{Mask: maskOutput(f, opts.Mask, opts.MaskSet)}
	if ios.ColorEnabled(opts.Color) {
		ropts.Color = report.ANSI
	}
	// Each file's diff is written as soon as it is planned; none is kept.
	d := &report.Diff{Opts: ropts}
	files, changed := 0, 0
	errs, err := planEach(f, opts.Paths, opts.StdinName, &opts.Plan, opts.MaxFileSize, func(p planned) error {
		files++
		if !p.change.Empty() {
			changed++
		}
		return d.Write(ios.Out, []*report.Change{p.change})
	})
	if err != nil {
		return err
	}
	for _, e := range errs {
		fmt.Fprintf(ios.ErrOut, "redact: %v\n", e)
	}
	if ios.IsStderrTTY() && changed > 0 {
		fmt.Fprintf(ios.ErrOut, "redactions proposed in %d of %d files; `redact apply --write` applies them, `redact review` walks through them\n", changed, files)
	}
	if len(errs) > 0 {
		return &SilentError{Code: ExitError}
	}
	if changed > 0 {
		return errFindings
	}
	return nil
}
