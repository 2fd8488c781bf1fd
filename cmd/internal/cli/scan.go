package cli

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/cmd/internal/build"
	"github.com/rescue-stories/redact/cmd/internal/iostreams"
	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/report"
	"github.com/rescue-stories/redact/rules"
)

// ScanOptions are the options of `redact scan`.
type ScanOptions struct {
	f           *Factory
	Paths       []string
	Format      string
	Color       string
	FailOn      string
	Mask        bool
	MaskSet     bool
	Quiet       bool
	Verbose     bool
	Binary      bool
	Explain     bool
	Suppressed  bool
	MaxFileSize int64
	Include     []string
	Exclude     []string
	StdinName   string
}

var formats = []string{"text", "json", "sarif", "github"}

func newCmdScan(f *Factory, runF func(*ScanOptions) error) *cobra.Command {
	opts := &ScanOptions{f: f}
	cmd := &cobra.Command{
		Use:   "scan [<path>...] [flags]",
		Short: "Report names, places, dates, operational details and identifiers",
		Long: `Scan drafts for details that must not be published. Paths are files,
directories (searched for *.md, *.markdown and *.txt unless the
configuration says otherwise) or - for standard input. Standard input is
plain text unless --stdin-name gives it a name: its extension then picks
Markdown or plain text as for a file, reports show that name, and the
review decisions kept beside that file apply.

Each finding is printed as path:line:column: category rule message "text".
A summary goes to standard error. The exit code is 0 when nothing at or
above --fail-on was found, 1 when something was, and 2 when the tool could
not do its job (bad rule pack, unreadable file, usage error).`,
		Example: `  redact scan story.md
  redact scan drafts/
  cat story.md | redact scan -
  git show main:story.md | redact scan --stdin-name story.md   # read as Markdown
  redact scan --format json drafts/ > findings.json
  redact scan --fail-on block story.md   # only blocking findings fail`,
		RunE: func(cmd *cobra.Command, args []string) error {
			paths, err := stdinPaths(cmd, opts.StdinName, args)
			if err != nil {
				return err
			}
			opts.Paths = paths
			if len(opts.Paths) == 0 {
				opts.Paths = []string{"."}
			}
			if !slices.Contains(formats, opts.Format) {
				return flagErrorf("--format must be one of text, json, sarif, github; not %q", opts.Format)
			}
			if err := checkColor(opts.Color); err != nil {
				return err
			}
			if opts.FailOn != "" && !slices.Contains([]string{"review", "block", "none"}, opts.FailOn) {
				return flagErrorf("--fail-on must be review, block or none; not %q", opts.FailOn)
			}
			if opts.Quiet && opts.Verbose {
				return flagErrorf("--quiet and --verbose cannot be used together")
			}
			opts.MaskSet = cmd.Flags().Changed("mask")
			if runF != nil {
				return runF(opts)
			}
			return runScan(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Format, "format", "f", "text", "report `format`: text, json, sarif or github")
	fl.StringVar(&opts.Color, "color", "auto", "colour `mode`: auto, always or never (NO_COLOR is honoured)")
	fl.StringVar(&opts.FailOn, "fail-on", "", "lowest `severity` that fails: review (any finding), block or none (default: fail_on in .redact.toml, else review)")
	fl.BoolVar(&opts.Mask, "mask", false, "hide the sensitive text in every output (default when CI is set)")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing on standard error but errors")
	fl.BoolVarP(&opts.Verbose, "verbose", "v", false, "also show the configuration and the rule packs used")
	fl.BoolVar(&opts.Binary, "binary", false, "scan files with NUL bytes as text instead of refusing them (named) or skipping them (in directories)")
	fl.BoolVar(&opts.Explain, "explain", false, "say why each finding matched")
	fl.BoolVar(&opts.Suppressed, "show-suppressed", false, "also list findings that allow comments and review decisions suppress, with their reasons")
	fl.Int64Var(&opts.MaxFileSize, "max-file-size", MaxFileSize, "refuse files larger than this many `bytes`")
	fl.StringArrayVar(&opts.Include, "include", nil, "scan files matching this `glob` in directories (repeatable)")
	fl.StringArrayVar(&opts.Exclude, "exclude", nil, "skip files matching this `glob` (repeatable)")
	addStdinNameFlag(cmd, &opts.StdinName)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func checkColor(mode string) error {
	switch mode {
	case "auto", "always", "never":
		return nil
	}
	return flagErrorf("--color must be auto, always or never; not %q", mode)
}

// maskOutput decides whether reports hide sensitive text: always in CI,
// unless --mask=false was given explicitly.
func maskOutput(f *Factory, mask, set bool) bool {
	if set {
		return mask
	}
	return f.IO.Getenv("CI") != ""
}

func runScan(opts *ScanOptions) error {
	f := opts.f
	ios := f.IO
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	set, err := f.Rules()
	if err != nil {
		return err
	}
	failOn := opts.FailOn
	if failOn == "" {
		failOn = cfg.FailOn
	}
	include := cfg.Include
	if len(opts.Include) > 0 {
		include = opts.Include
	}
	exclude := append(slices.Clone(cfg.Exclude), opts.Exclude...)
	ins, errs := collectAll(opts.Paths, include, exclude)
	nameStdin(ins, opts.StdinName)
	sc := redact.New(set, redact.Options{Decisions: sidecarDecisions, Binary: opts.Binary})
	ropts := report.Options{
		Mask:           maskOutput(f, opts.Mask, opts.MaskSet),
		ToolVersion:    build.String(),
		Explain:        opts.Explain,
		ShowSuppressed: opts.Suppressed,
	}
	if ios.ColorEnabled(opts.Color) {
		ropts.Color = report.ANSI
	}
	w, err := report.New(opts.Format, ropts)
	if err != nil {
		return err
	}
	closeSummary, err := attachStepSummary(w, f)
	if err != nil {
		return err
	}
	defer closeSummary()
	closeSpool, err := attachSpool(w)
	if err != nil {
		return err
	}
	defer closeSpool()
	// The report is written as files are scanned, and no result is kept:
	// memory stays that of the few files in flight, whatever the size of
	// the corpus. Only counts are kept for the summary and the exit code.
	var out io.Writer = ios.Out
	bar := newProgress(ios, opts.Quiet)
	var progress func(done, total int)
	if bar != nil {
		progress = bar.update
		if ios.IsStdoutTTY() {
			out = aboveProgress{w: ios.Out, p: bar}
		}
	}
	fw, err := w.Stream(out)
	if err != nil {
		return err
	}
	sum := report.NewSummary()
	fails := false
	err = scanEach(sc, ins, ios.In, opts.MaxFileSize, runtime.GOMAXPROCS(0), progress, func(o scanned) error {
		if o.Note != "" && !opts.Quiet {
			fmt.Fprintf(ios.ErrOut, "%s:%s\n", o.In.Path, o.Note)
		}
		switch {
		case o.Err != nil:
			errs = append(errs, o.Err)
		case o.Skipped != "":
			printSkipped(ios.ErrOut, opts.Quiet, o.In.Path, o.Skipped)
		default:
			sum.Add(o.Result)
			fails = fails || gateFails(o.Result, failOn)
			return fw.Add(o.Result)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	if err := fw.Close(); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	for _, e := range errs {
		fmt.Fprintf(ios.ErrOut, "redact: %v\n", e)
	}
	if opts.Verbose {
		printRulesUsed(ios, cfg, set)
	}
	// After errors with nothing scanned, "nothing sensitive found in 0
	// files" would read as an all-clear; the errors speak for themselves.
	if !opts.Quiet && opts.Format == "text" && (sum.Files > 0 || len(errs) == 0) {
		hint := ""
		if sum.Findings > 0 {
			hint = "; run `redact diff` to review"
		}
		fmt.Fprintf(ios.ErrOut, "%s%s\n", sum.Sentence(), hint)
	}
	if len(errs) > 0 {
		return &SilentError{Code: ExitError}
	}
	if fails {
		return errFindings
	}
	return nil
}

// attachSpool gives a GitHub report that writes a job summary a temporary
// file for the summary's table, which must wait for the last file (its
// sentence comes first); the returned func removes it.
func attachSpool(w report.Writer) (func(), error) {
	gh, ok := w.(*report.GitHub)
	if !ok || gh.Summary == nil {
		return func() {}, nil
	}
	sp, err := os.CreateTemp("", "redact-summary-*")
	if err != nil {
		return nil, fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
	}
	gh.Spool = sp
	return func() {
		sp.Close()
		os.Remove(sp.Name())
	}, nil
}

// printRulesUsed tells a --verbose user which configuration and packs were
// in force, so a surprising result can be traced to its rules.
func printRulesUsed(ios *iostreams.IOStreams, cfg *Config, set *rules.Set) {
	if cfg.Path != "" {
		fmt.Fprintf(ios.ErrOut, "config: %s\n", cfg.Path)
	} else {
		fmt.Fprintf(ios.ErrOut, "config: none found; using the defaults\n")
	}
	for _, p := range set.Packs {
		version := ""
		if p.Version != "" {
			version = " " + p.Version
		}
		fmt.Fprintf(ios.ErrOut, "pack: %s%s (%s, %s)\n", p.Name, version, p.File, plural(len(p.Rules), "rule", "rules"))
	}
	fmt.Fprintf(ios.ErrOut, "rules: %s, digest %s\n", plural(len(set.Rules), "rule", "rules"), set.Digest())
}

// gateFails reports whether any finding of r is at or above the fail-on
// severity.
func gateFails(r *redact.Result, failOn string) bool {
	for _, fd := range r.Findings {
		switch failOn {
		case "none":
			return false
		case "block":
			if fd.Severity == rules.Block {
				return true
			}
		default:
			return true
		}
	}
	return false
}
