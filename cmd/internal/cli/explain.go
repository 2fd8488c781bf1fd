package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/report"
)

// ExplainOptions are the options of `redact explain`.
type ExplainOptions struct {
	f       *Factory
	Paths   []string
	Format  string
	Mask    bool
	MaskSet bool
	Dropped bool
	// StdinName is what standard input is read as (--stdin-name).
	StdinName   string
	MaxFileSize int64
}

func newCmdExplain(f *Factory, runF func(*ExplainOptions) error) *cobra.Command {
	opts := &ExplainOptions{f: f}
	cmd := &cobra.Command{
		Use:   "explain <path>... [--format {text | json}]",
		Short: "Say why each finding was made, and why other matches were dropped",
		Long: `Explain the decisions behind a scan. For each finding: the pack and rule
that matched, where the rule is defined, the term, pattern or evidence it
matched on, and the context words that changed the outcome. Then every
candidate that produced no finding, with what removed it: a required
context word that was missing, an excluding one that was present, an
allow list (naming the pack and the term or pattern), an asterisked
pseudonym or an inline suppression.

The findings are exactly those of redact scan: inline suppressions and
the review decisions kept beside a draft (story.md.redact.json) apply.
When CI is set, texts are masked unless --mask=false. The exit status is
that of scan: 1 when there are findings at or above fail_on in the
configuration (any finding by default), 2 when the tool could not do its
job (bad rule pack, a file that cannot be read or is larger than
--max-file-size); as in scan, the other files are still explained and the
errors are reported at the end.`,
		Example: `  redact explain story.md
  redact explain --rules team.yaml story.md
  redact explain --dropped=false story.md
  git show main:story.md | redact explain --stdin-name story.md   # read as Markdown`,
		RunE: func(cmd *cobra.Command, args []string) error {
			paths, err := stdinPaths(cmd, opts.StdinName, args)
			if err != nil {
				return err
			}
			if len(paths) == 0 {
				return flagErrorf("name the files to explain (or - for standard input)")
			}
			opts.Paths = paths
			if opts.Format != "text" && opts.Format != "json" {
				return flagErrorf("--format must be text or json; not %q", opts.Format)
			}
			opts.MaskSet = cmd.Flags().Changed("mask")
			if runF != nil {
				return runF(opts)
			}
			return runExplain(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Format, "format", "f", "text", "output `format`: text or json")
	fl.BoolVar(&opts.Mask, "mask", false, "hide the sensitive text (default when CI is set)")
	fl.BoolVar(&opts.Dropped, "dropped", true, "also list the matches that were dropped, and why")
	fl.Int64Var(&opts.MaxFileSize, "max-file-size", MaxFileSize, "refuse files larger than this many `bytes`")
	addStdinNameFlag(cmd, &opts.StdinName)
	return cmd
}

func runExplain(opts *ExplainOptions) error {
	ios := opts.f.IO
	cfg, err := opts.f.Config()
	if err != nil {
		return err
	}
	set, err := opts.f.Rules()
	if err != nil {
		return err
	}
	// Scan's options, so that the findings are scan's: the review
	// decisions kept beside a draft suppress here as they do there.
	sc := redact.New(set, redact.Options{Decisions: sidecarDecisions})
	mask := maskOutput(opts.f, opts.Mask, opts.MaskSet)
	var docs []explainDoc
	var errs []error
	// The exit status is scan's: fail_on in the configuration decides
	// which findings fail.
	fails := false
	ins := make([]input, len(opts.Paths))
	for i, p := range opts.Paths {
		ins[i] = input{Path: p, Stdin: p == "-"}
	}
	nameStdin(ins, opts.StdinName)
	for _, in := range ins {
		// Read as every command reads a draft: refused from its size
		// before a byte is read, with the same message. A file that
		// cannot be read or scanned is reported at the end, as scan
		// reports it, and the others are still explained.
		src, err := readInput(in, ios.In, opts.MaxFileSize)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ex, err := sc.Explain(in.Path, src)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", in.Path, err))
			continue
		}
		if h := ex.Result.Hazard; h != nil {
			fmt.Fprintf(ios.ErrOut, "%s:%d: %s; scanned as plain text\n", in.Path, h.Line, h.Reason)
		}
		fails = fails || gateFails(ex.Result, cfg.FailOn)
		docs = append(docs, toExplainDoc(in.Path, ex, mask, opts.Dropped))
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(ios.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Files []explainDoc `json:"files"`
		}{docs}); err != nil {
			return err
		}
	} else {
		for _, d := range docs {
			writeExplainText(ios.Out, d)
		}
	}
	for _, e := range errs {
		fmt.Fprintf(ios.ErrOut, "redact: %v\n", e)
	}
	if len(errs) > 0 {
		return &SilentError{Code: ExitError}
	}
	if fails {
		return errFindings
	}
	return nil
}

// explainDoc is one file's explanation as it is printed.
type explainDoc struct {
	Path     string        `json:"path"`
	Findings []explainItem `json:"findings"`
	Dropped  []explainStep `json:"dropped,omitempty"`
}

type explainItem struct {
	Line     int           `json:"line"`
	Col      int           `json:"col"`
	Category string        `json:"category"`
	Rule     string        `json:"rule"`
	Severity string        `json:"severity"`
	Text     string        `json:"text"`
	Why      string        `json:"why,omitempty"`
	Steps    []explainStep `json:"matches"`
}

type explainStep struct {
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Rule     string   `json:"rule"`
	Pack     string   `json:"pack"`
	Source   string   `json:"source"`
	Kind     string   `json:"kind"`
	Category string   `json:"category"`
	Text     string   `json:"text"`
	Why      string   `json:"why"`
	Context  []string `json:"context,omitempty"`
	Dropped  string   `json:"dropped,omitempty"`
}

func toExplainDoc(path string, ex *redact.Explanation, mask, dropped bool) explainDoc {
	show := func(s string) string {
		if mask {
			return report.Mask(s)
		}
		return report.Sanitize(s)
	}
	step := func(st redact.Step) explainStep {
		out := explainStep{Line: st.Pos.Line, Col: st.Pos.Col, Rule: st.Rule.ID, Pack: st.Rule.Pack,
			Source: fmt.Sprintf("%s:%d", st.Rule.File, st.Rule.Line), Kind: st.Rule.Kind,
			Category: st.Category, Text: show(st.Text), Why: st.Why, Dropped: st.Dropped}
		if mask {
			// A term rule's reason quotes the term, which is the text.
			out.Why = maskWhy(st.Why)
		}
		for _, c := range st.Context {
			out.Context = append(out.Context, c.String())
		}
		return out
	}
	d := explainDoc{Path: path, Findings: []explainItem{}}
	for _, e := range ex.Findings {
		f := e.Finding
		it := explainItem{Line: f.Pos.Line, Col: f.Pos.Col, Category: f.Category, Rule: f.Rule, Severity: string(f.Severity),
			Text: show(f.Text), Why: f.Why}
		if mask {
			it.Why = maskWhy(f.Why)
		}
		for _, st := range e.Steps {
			it.Steps = append(it.Steps, step(st))
		}
		d.Findings = append(d.Findings, it)
	}
	if dropped {
		for _, st := range ex.Dropped {
			d.Dropped = append(d.Dropped, step(st))
		}
	}
	return d
}

// maskWhy hides the quoted or matched term in a reason ("term maria santos").
func maskWhy(why string) string {
	for _, p := range []string{"term ", "after cue ", "before cue "} {
		if rest, ok := strings.CutPrefix(why, p); ok {
			return p + report.Mask(rest)
		}
	}
	return why
}

func writeExplainText(w io.Writer, d explainDoc) {
	if len(d.Findings) == 0 {
		fmt.Fprintf(w, "%s: no findings\n", d.Path)
	}
	for _, it := range d.Findings {
		fmt.Fprintf(w, "%s:%d:%d: %s %s %q\n", d.Path, it.Line, it.Col, it.Category, it.Rule, it.Text)
		for _, st := range it.Steps {
			fmt.Fprintf(w, "    matched by %s (%s, %s) on %q: %s\n", st.Rule, st.Kind, st.Source, st.Text, shortWhy(st.Why))
			for _, c := range st.Context {
				fmt.Fprintf(w, "        context %s\n", c)
			}
		}
		if len(it.Steps) == 0 && it.Why != "" {
			fmt.Fprintf(w, "    %s\n", it.Why)
		}
	}
	for _, st := range d.Dropped {
		fmt.Fprintf(w, "%s:%d:%d: dropped %s %s %q: %s\n", d.Path, st.Line, st.Col, st.Category, st.Rule, st.Text, st.Dropped)
		if st.Why != "" {
			fmt.Fprintf(w, "    it matched on: %s (%s, %s)\n", shortWhy(st.Why), st.Kind, st.Source)
		}
		for _, c := range st.Context {
			fmt.Fprintf(w, "        context %s\n", c)
		}
	}
}

// shortWhy keeps long patterns readable in text output; JSON has them whole
// and `redact rules show` prints the rule's definition.
func shortWhy(why string) string {
	const max = 100
	if len(why) <= max {
		return why
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(why[cut]) {
		cut--
	}
	return why[:cut] + "…"
}
