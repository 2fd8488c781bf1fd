package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/eval"
	"github.com/rescue-stories/redact/redact/report"
	"github.com/rescue-stories/redact/rules"
)

// RulesTestOptions are the options of `redact rules test`.
type RulesTestOptions struct {
	f       *Factory
	Packs   []string
	Verbose bool
}

func newCmdRulesTest(f *Factory, runF func(*RulesTestOptions) error) *cobra.Command {
	opts := &RulesTestOptions{f: f}
	cmd := &cobra.Command{
		Use:   "test [<pack>...] [-v]",
		Short: "Run each rule's examples and the annotated drafts a pack ships",
		Long: `Run the tests of rule packs:

- every examples.flag text must be matched by its rule, and no
  examples.allow text may be, with the allow lists of every pack in force;
- every annotated draft of a pack (its tests: globs, or tests/*.ann.md
  beside it; [[category:text]] markers as in fixtures/FORMAT.md) is scanned
  with all the packs in force: each marked span must be covered and nothing
  else flagged. A failure prints a diff of the expected markers against
  the ones the scan would place.

Packs are files, directories of packs or built-in pack names; with none,
the packs in force are tested. When CI is set, the texts in the diffs are
masked. Exit status: 0 all pass, 1 a test failed, 2 a pack could not be
read or has errors.`,
		Example: `  redact rules test
  redact rules test team.yaml -v`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Packs = args
			if runF != nil {
				return runF(opts)
			}
			return runRulesTest(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "also list the rules and drafts that pass")
	return cmd
}

func runRulesTest(opts *RulesTestOptions) error {
	ios := opts.f.IO
	set, named, err := loadNamedPacks(opts.f, opts.Packs)
	if err != nil {
		return err
	}
	mask := maskOutput(opts.f, false, false)
	out := ios.Out
	failed, ruleCount, exampleCount := 0, 0, 0
	for _, r := range set.Rules {
		if p := set.PackOf(r); p == nil || (named != nil && !named(p)) {
			continue
		}
		ruleCount++
		ok := true
		for _, res := range rules.TestExamples(set, r) {
			exampleCount++
			if res.Pass() {
				continue
			}
			ok = false
			writeExampleFailure(out, r, res, mask)
		}
		if !ok {
			failed++
		} else if opts.Verbose {
			fmt.Fprintf(out, "ok   %s (%d/%d examples)\n", r.ID, len(r.Examples.Flag), len(r.Examples.Allow))
		}
	}
	// Annotated drafts, once each even when several pack files share a directory.
	var files []rules.TestFile
	seen := map[string]bool{}
	for _, p := range set.Packs {
		if named != nil && !named(p) {
			continue
		}
		tfs, err := p.TestFiles()
		if err != nil {
			return err
		}
		for _, tf := range tfs {
			if !seen[tf.Name] {
				seen[tf.Name] = true
				files = append(files, tf)
			}
		}
	}
	sc := redact.New(set, redact.Options{})
	failedFiles := 0
	for _, tf := range files {
		ok, err := runDraftTest(out, sc, tf, mask, opts.Verbose)
		if err != nil {
			return err
		}
		if !ok {
			failedFiles++
		}
	}
	summary := fmt.Sprintf("%s, %s, %s", plural(ruleCount, "rule", "rules"), plural(exampleCount, "example", "examples"), plural(len(files), "annotated draft", "annotated drafts"))
	if failed > 0 || failedFiles > 0 {
		fmt.Fprintf(out, "FAIL: %d of %s and %d of %s failed\n", failed, plural(ruleCount, "rule", "rules"), failedFiles, plural(len(files), "draft", "drafts"))
		return errFindings
	}
	fmt.Fprintf(out, "PASS: %s\n", summary)
	return nil
}

func writeExampleFailure(w io.Writer, r *rules.Rule, res rules.ExampleResult, mask bool) {
	show := func(s string) string {
		if mask {
			return report.Mask(s)
		}
		return report.Sanitize(s)
	}
	if res.Flag {
		fmt.Fprintf(w, "FAIL %s (%s:%d): flag example not flagged\n", r.ID, r.File, r.Line)
		fmt.Fprintf(w, "    want: a match in %q\n    got:  no match\n", show(res.Text))
		return
	}
	var marks []mark
	for _, m := range res.Found {
		cat := r.Category
		if m.Category != "" {
			cat = m.Category
		}
		marks = append(marks, mark{m.Start, m.End, cat})
	}
	var maskSpans []mark
	if mask {
		maskSpans = marks
	}
	fmt.Fprintf(w, "FAIL %s (%s:%d): allow example flagged\n", r.ID, r.File, r.Line)
	fmt.Fprintf(w, "    want: no match in %q\n    got:  %q\n", show(res.Text), annotate(res.Text, marks, maskSpans))
}

// runDraftTest scans an annotated draft's clean text and compares the
// findings with its markers: every span covered, nothing else flagged.
func runDraftTest(w io.Writer, sc *redact.Scanner, tf rules.TestFile, mask, verbose bool) (bool, error) {
	clean, spans, err := eval.Strip(tf.Data)
	if err != nil {
		return false, fmt.Errorf("%s: %w", tf.Name, err)
	}
	res, err := sc.Scan(tf.Name, clean)
	if err != nil {
		return false, fmt.Errorf("%s: %w", tf.Name, err)
	}
	var found []eval.Found
	var got []mark
	for _, f := range res.Findings {
		found = append(found, eval.Found{Start: f.Span.Start, End: f.Span.End, Category: f.Category, Rule: f.Rule})
		got = append(got, mark{f.Span.Start, f.Span.End, f.Category})
	}
	score := eval.NewScore()
	score.Add(tf.Name, clean, spans, found)
	rows := score.Rows()
	all := rows[len(rows)-1]
	if all.Covered == all.Spans && all.TruePos == all.Findings {
		if verbose {
			fmt.Fprintf(w, "ok   %s (%s)\n", tf.Name, plural(all.Spans, "span", "spans"))
		}
		return true, nil
	}
	var want []mark
	for _, s := range spans {
		want = append(want, mark{s.Start, s.End, s.Category})
	}
	var maskSpans []mark
	if mask {
		maskSpans = append(append(maskSpans, want...), got...)
	}
	fmt.Fprintf(w, "FAIL %s: %d of %s missed or partly covered, %s not expected\n",
		tf.Name, all.Spans-all.Covered, plural(all.Spans, "span", "spans"), plural(all.Findings-all.TruePos, "finding", "findings"))
	d := diff.Diff("want "+filepath.ToSlash(tf.Name), []byte(annotate(string(clean), want, maskSpans)),
		"got "+filepath.ToSlash(tf.Name), []byte(annotate(string(clean), got, maskSpans)))
	for _, ln := range strings.SplitAfter(string(d), "\n") {
		if ln != "" {
			fmt.Fprintf(w, "    %s", report.Sanitize(strings.TrimSuffix(ln, "\n"))+"\n")
		}
	}
	return false, nil
}

// mark is a marked span of a text: [[category:text]].
type mark struct {
	Start, End int
	Category   string
}

// annotate writes text with [[category:...]] markers around marks (which
// must not overlap), masking the bytes inside maskSpans.
func annotate(text string, marks, maskSpans []mark) string {
	marks = slices.Clone(marks)
	sort.Slice(marks, func(i, j int) bool { return marks[i].Start < marks[j].Start })
	cuts := map[int]bool{0: true, len(text): true}
	for _, m := range append(append([]mark{}, marks...), maskSpans...) {
		cuts[m.Start], cuts[m.End] = true, true
	}
	var points []int
	for p := range cuts {
		if p >= 0 && p <= len(text) {
			points = append(points, p)
		}
	}
	sort.Ints(points)
	masked := func(a, b int) bool {
		for _, m := range maskSpans {
			if a >= m.Start && b <= m.End {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	for i := 0; i+1 < len(points); i++ {
		a, e := points[i], points[i+1]
		for _, m := range marks {
			if m.Start == a {
				b.WriteString("[[" + m.Category + ":")
			}
		}
		piece := text[a:e]
		if masked(a, e) {
			piece = report.Mask(piece)
		}
		b.WriteString(piece)
		for _, m := range marks {
			if m.End == e {
				b.WriteString("]]")
			}
		}
	}
	return b.String()
}
