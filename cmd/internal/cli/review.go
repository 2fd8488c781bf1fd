package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/report"
	"github.com/rescue-stories/redact/rules"
)

// ReviewOptions are the options of `redact review`.
type ReviewOptions struct {
	f           *Factory
	Path        string
	Color       string
	Plan        planFlags
	MaxFileSize int64
}

func newCmdReview(f *Factory, runF func(*ReviewOptions) error) *cobra.Command {
	opts := &ReviewOptions{f: f}
	cmd := &cobra.Command{
		Use:   "review <file> [flags]",
		Short: "Walk through each proposed redaction and decide",
		Long: `Walk through the proposed redactions of one draft on a terminal. For each
one you see the sentence around it and the proposed replacement, and
choose:

  a  accept: redact it as proposed (the default)
  r  reject: keep the text; you give the reason
  e  edit: redact it with your own replacement
  s  skip: decide later
  q  quit: stop here; what you decided so far is kept

Decisions are saved next to the draft in <file>.redact.json, bound to the
text (not the line), so they survive edits and later scans honour them:
a rejected finding is reported as suppressed, with your reason. At the
end the accepted and edited redactions are written to the draft.

review needs a terminal; in scripts use ` + "`redact diff`" + ` and ` + "`redact apply`" + `.`,
		Example: `  redact review story.md
  redact review --only name story.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if opts.Path == "-" {
				return flagErrorf("review needs a file: decisions are saved next to it")
			}
			if err := checkColor(opts.Color); err != nil {
				return err
			}
			if err := opts.Plan.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runReview(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&opts.Plan.Only, "only", nil, "review only these `categories`")
	fl.StringArrayVar(&opts.Plan.RuleIDs, "rule", nil, "review only what this rule `id` found (repeatable)")
	fl.BoolVar(&opts.Plan.Literal, "literal", false, "propose each rule's plain replacement")
	fl.StringVar(&opts.Color, "color", "auto", "colour: auto, always or never (NO_COLOR is honoured)")
	fl.Int64Var(&opts.MaxFileSize, "max-file-size", MaxFileSize, "refuse files larger than this many `bytes`")
	_ = cmd.RegisterFlagCompletionFunc("only", cobra.FixedCompletions(rules.Categories, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// errNoTerminal explains what to use instead of review in a script.
func errNoTerminal(path string) error {
	return fmt.Errorf("review needs a terminal on standard input and output; use `redact diff %s` to see the proposed redactions and `redact apply --write %s` to make them", path, path)
}

func runReview(opts *ReviewOptions) error {
	f := opts.f
	ios := f.IO
	if !ios.IsStdinTTY() || !ios.IsStdoutTTY() {
		return errNoTerminal(opts.Path)
	}
	set, err := f.Rules()
	if err != nil {
		return err
	}
	if err := opts.Plan.checkRules(set); err != nil {
		return err
	}
	src, err := readInput(input{Path: opts.Path}, nil, opts.MaxFileSize)
	if err != nil {
		return err
	}
	res, err := redact.New(set, redact.Options{Decisions: sidecarDecisions}).Scan(opts.Path, src)
	if err != nil {
		return fmt.Errorf("%s: %w", opts.Path, err)
	}
	ds, err := sidecarDecisions(opts.Path)
	if err != nil {
		return err
	}
	if ds == nil {
		ds = &redact.Decisions{Version: 1}
	}
	// Propose a replacement for every finding, review severity included.
	all := opts.Plan
	all.All = true
	proposal, err := res.Plan(all.options(set, ds))
	if err != nil {
		return err
	}
	r := &reviewer{in: bufio.NewReader(ios.In), out: ios.Out, res: res, plan: proposal, ds: ds, now: f.Now, literal: opts.Plan.Literal}
	if ios.ColorEnabled(opts.Color) {
		r.col = report.ANSI
	}
	if err := r.walk(); err != nil {
		return err
	}
	return r.finish(f, opts.Path, set)
}

// reviewer walks the findings of one file.
type reviewer struct {
	in   *bufio.Reader
	out  io.Writer
	col  *report.Colors
	res  *redact.Result
	plan *redact.Plan
	ds   *redact.Decisions
	now  func() time.Time

	literal bool
	chosen  []int // findings to redact at the end (accepted or edited)
	changed bool  // decisions to save
	counts  map[string]int
}

func (r *reviewer) walk() error {
	r.counts = map[string]int{}
	total := 0
	for _, e := range r.plan.Edits {
		total += len(e.Findings)
	}
	if total == 0 {
		fmt.Fprintf(r.out, "%s: nothing to review\n", report.Sanitize(r.res.Path))
		return nil
	}
	n := 0
	for _, e := range r.plan.Edits {
		for _, i := range e.Findings {
			n++
			f := r.res.Findings[i]
			r.show(n, total, f, e)
			quit, err := r.decide(i, f, e)
			if err != nil {
				return err
			}
			if quit {
				return nil
			}
		}
	}
	return nil
}

func (r *reviewer) show(n, total int, f redact.Finding, e redact.Edit) {
	c := r.col
	var faint, red, green string
	if c != nil {
		faint, red, green = c.Faint, c.Text, c.Added
	}
	// The edit may take in a word around the finding ("on" before a
	// date): show what is replaced.
	before, text, after := sentenceAround(r.res.Src, e.Span, f.Scope)
	head := fmt.Sprintf("[%d/%d] %s:%d:%d  %s  %s", n, total, report.Sanitize(r.res.Path), f.Pos.Line, f.Pos.Col, f.Category, f.Rule)
	if f.Severity == rules.Review {
		head += "  (review)"
	}
	fmt.Fprintf(r.out, "\n%s\n", wrapc(c, faint, head))
	if c == nil {
		text = "[[" + text + "]]"
	}
	fmt.Fprintf(r.out, "  %s%s%s\n", before, wrapc(c, red, text), after)
	rep := e.Replacement
	if d, ok := r.ds.Lookup(f.Fingerprint()); ok && d.Action == redact.ActionReplace {
		rep = d.Replacement
	}
	fmt.Fprintf(r.out, "  → %s\n", wrapc(c, green, report.Sanitize(strings.TrimSpace(rep))))
}

// decide asks about one finding and records the answer.
func (r *reviewer) decide(i int, f redact.Finding, e redact.Edit) (quit bool, err error) {
	for {
		ans, err := r.ask("accept (a), reject (r), edit (e), skip (s), quit (q) [a]: ")
		if errors.Is(err, io.EOF) {
			return true, nil
		}
		if err != nil {
			return false, err
		}
		switch strings.ToLower(ans) {
		case "", "a", "accept", "y", "yes":
			if f.Severity == rules.Review {
				r.set(redact.DecisionFor(f, redact.ActionRedact, "", "", r.now()))
			} else if _, ok := r.ds.Lookup(f.Fingerprint()); ok {
				r.set(redact.DecisionFor(f, redact.ActionRedact, "", "", r.now()))
			}
			r.chosen = append(r.chosen, i)
			r.counts["accepted"]++
			return false, nil
		case "r", "reject", "k", "keep":
			reason, err := r.askRequired("why keep it? (saved with the decision): ")
			if err != nil {
				return errors.Is(err, io.EOF), ignoreEOF(err)
			}
			r.set(redact.DecisionFor(f, redact.ActionKeep, "", reason, r.now()))
			r.counts["kept"]++
			return false, nil
		case "e", "edit":
			rep, err := r.ask("replacement: ")
			if err != nil {
				return errors.Is(err, io.EOF), ignoreEOF(err)
			}
			if rep == "" {
				continue
			}
			r.set(redact.DecisionFor(f, redact.ActionReplace, rep, "", r.now()))
			r.chosen = append(r.chosen, i)
			r.counts["edited"]++
			return false, nil
		case "s", "skip":
			r.counts["skipped"]++
			return false, nil
		case "q", "quit":
			return true, nil
		default:
			fmt.Fprintln(r.out, "  please answer a, r, e, s or q")
		}
	}
}

func ignoreEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

func (r *reviewer) set(d redact.Decision) {
	r.ds.Set(d)
	r.changed = true
}

// ask prompts and reads one line. At the end of input it returns io.EOF.
func (r *reviewer) ask(prompt string) (string, error) {
	fmt.Fprint(r.out, prompt)
	line, err := r.in.ReadString('\n')
	if err != nil && (line == "" || !errors.Is(err, io.EOF)) {
		if errors.Is(err, io.EOF) {
			fmt.Fprintln(r.out)
		}
		return "", err
	}
	return strings.TrimSpace(line), nil
}

func (r *reviewer) askRequired(prompt string) (string, error) {
	for {
		s, err := r.ask(prompt)
		if err != nil || s != "" {
			return s, err
		}
	}
}

// finish saves the decisions and writes the accepted redactions.
func (r *reviewer) finish(f *Factory, path string, set *rules.Set) error {
	if r.changed {
		data, err := r.ds.Marshal()
		if err != nil {
			return err
		}
		if err := writeFileAtomic(redact.SidecarPath(path), data, 0o644); err != nil {
			return fmt.Errorf("save decisions: %w", err)
		}
	}
	applied := 0
	if len(r.chosen) > 0 {
		plan, err := r.res.Plan(redact.PlanOptions{Rules: set, Decisions: r.ds, Select: r.chosen, Literal: r.literal})
		if err != nil {
			return err
		}
		out, err := plan.Apply(r.res.Src)
		if err != nil {
			return err
		}
		root, err := f.Getwd()
		if err != nil {
			return err
		}
		if err := replaceFile(path, out, r.res.Src, root); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		applied = len(plan.Edits)
	}
	var parts []string
	for _, k := range []string{"accepted", "edited", "kept", "skipped"} {
		if r.counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", r.counts[k], k))
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(r.out, "\n%s: %s; %s written", report.Sanitize(path), strings.Join(parts, ", "), plural(applied, "redaction", "redactions"))
		if r.changed {
			fmt.Fprintf(r.out, "; decisions saved in %s", report.Sanitize(redact.SidecarPath(path)))
		}
		fmt.Fprintln(r.out)
	}
	return nil
}

// sentenceAround returns the sentence holding span, split around it, on
// one line and safe for a terminal.
func sentenceAround(src []byte, s redact.Span, scope string) (before, text, after string) {
	const reach = 160
	lo := max(0, s.Start-reach)
	for lo > 0 && !utf8.RuneStart(src[lo]) {
		lo++
	}
	hi := min(len(src), s.End+reach)
	for hi < len(src) && !utf8.RuneStart(src[hi]) {
		hi++
	}
	oneLine := false
	switch scope {
	case "frontmatter", "heading", "table":
		oneLine = true
		// One line is the whole context.
		if i := strings.LastIndexByte(string(src[lo:s.Start]), '\n'); i >= 0 {
			lo += i + 1
		}
		if i := strings.IndexByte(string(src[s.End:hi]), '\n'); i >= 0 {
			hi = s.End + i
		}
	}
	pre := string(src[lo:s.Start])
	if i := lastSentenceEnd(pre); i >= 0 {
		pre = pre[i:]
	} else if lo > 0 && !oneLine {
		pre = "…" + pre
	}
	post := string(src[s.End:hi])
	if i := nextSentenceEnd(post); i >= 0 {
		post = post[:i]
	} else if hi < len(src) && !oneLine {
		post += "…"
	}
	flat := func(x string) string {
		return report.Sanitize(strings.Join(strings.Fields(x), " "))
	}
	pre, post = flat(pre), flat(post)
	if pre != "" && unicode32(src, s.Start-1) {
		pre += " "
	}
	if post != "" && unicode32(src, s.End) {
		post = " " + post
	}
	return pre, flat(string(src[s.Start:s.End])), post
}

// unicode32 reports whether the byte at i is white space.
func unicode32(src []byte, i int) bool {
	return i >= 0 && i < len(src) && (src[i] == ' ' || src[i] == '\n' || src[i] == '\t' || src[i] == '\r')
}

func lastSentenceEnd(s string) int {
	best := -1
	for _, sep := range []string{". ", "? ", "! ", ".\n", "\n\n", "\n#", "\n- "} {
		if i := strings.LastIndex(s, sep); i >= 0 && i+len(sep) > best {
			best = i + len(sep)
		}
	}
	return best
}

func nextSentenceEnd(s string) int {
	best := -1
	for _, sep := range []string{". ", "? ", "! ", ".\n", "\n\n"} {
		if i := strings.Index(s, sep); i >= 0 && (best < 0 || i+1 < best) {
			best = i + 1
		}
	}
	return best
}

// colour helpers that tolerate a nil scheme.
func wrapc(c *report.Colors, code, s string) string {
	if c == nil || code == "" {
		return s
	}
	return code + s + c.Reset
}
