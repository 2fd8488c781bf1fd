package cli

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/redact"
	"github.com/rescue-stories/redact/redact/eval"
	"github.com/rescue-stories/redact/redact/report"
)

// EvalOptions are the options of `redact eval`.
type EvalOptions struct {
	f              *Factory
	Paths          []string
	Format         string
	Misses         bool
	FalsePositives bool
	ByRule         bool
	Mask           bool
	MaskSet        bool
	MinRecall      []string
	MinCover       []string
	MinPrecision   []string

	floors []floor
}

// floor is one --min-* threshold: a measure of a category (or "all").
type floor struct {
	Measure  string // recall, cover, precision
	Category string
	Min      float64
}

func newCmdEval(f *Factory, runF func(*EvalOptions) error) *cobra.Command {
	opts := &EvalOptions{f: f}
	cmd := &cobra.Command{
		Use:   "eval <dir>... [--misses] [--false-positives] [--min-recall [<category>=]<x>]...",
		Short: "Measure the rules against annotated drafts: recall, cover, precision",
		Long: `Measure how well the rules in force find what annotated drafts mark.
Each *.ann.md file (searched for in the directories given, or named
directly) marks every sensitive span as [[category:text]] (see
fixtures/FORMAT.md). The markers are stripped, the clean text is scanned,
and the findings are scored per category, with the definitions of the
corpus scorer (score.py):

  recall     spans a finding overlaps / all spans
  cover      spans whose letters and digits findings cover entirely
             (titles and labels such as "Officer" or "FIR No." may stay) / all spans
  precision  findings that overlap a span / all findings

--misses lists spans missed or partly covered, --false-positives the
findings that overlap no span. When CI is set their texts are masked
unless --mask=false. --by-rule adds a table of every rule's findings, their
precision, the spans they overlap and the spans only they overlap (what
the drafts would lose without the rule).

--min-recall, --min-cover and --min-precision set floors, as X for the
"all" row or CATEGORY=X for one category (repeatable, or comma-separated);
the exit status is 1 when a measure is below its floor, 2 when a draft
cannot be read.`,
		Example: `  redact eval fixtures/drafts
  redact eval --misses --false-positives fixtures/drafts
  redact eval --min-recall name=0.95,location=0.95,operational=0.85 --min-precision 0.85 fixtures/drafts
  redact eval --by-rule fixtures/drafts
  redact eval --format json fixtures/drafts > eval.json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.Format != "text" && opts.Format != "json" {
				return flagErrorf("--format must be text or json; not %q", opts.Format)
			}
			for _, m := range []struct {
				name string
				vals []string
			}{{"recall", opts.MinRecall}, {"cover", opts.MinCover}, {"precision", opts.MinPrecision}} {
				fs, err := parseFloors(m.name, m.vals)
				if err != nil {
					return err
				}
				opts.floors = append(opts.floors, fs...)
			}
			opts.MaskSet = cmd.Flags().Changed("mask")
			if runF != nil {
				return runF(opts)
			}
			return runEval(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Format, "format", "f", "text", "output `format`: text or json")
	fl.BoolVar(&opts.Misses, "misses", false, "list the spans missed or partly covered")
	fl.BoolVar(&opts.FalsePositives, "false-positives", false, "list the findings that overlap no span")
	fl.BoolVar(&opts.ByRule, "by-rule", false, "add a table of each rule's findings, precision and spans")
	fl.BoolVar(&opts.Mask, "mask", false, "hide the texts in the lists (default when CI is set)")
	fl.StringSliceVar(&opts.MinRecall, "min-recall", nil, "fail below this recall: `[category=]x`")
	fl.StringSliceVar(&opts.MinCover, "min-cover", nil, "fail below this cover: `[category=]x`")
	fl.StringSliceVar(&opts.MinPrecision, "min-precision", nil, "fail below this precision: `[category=]x`")
	return cmd
}

func parseFloors(measure string, vals []string) ([]floor, error) {
	var out []floor
	for _, v := range vals {
		cat, num, ok := strings.Cut(v, "=")
		if !ok {
			cat, num = "all", v
		}
		if cat != "all" && !slices.Contains(eval.Categories, cat) {
			return nil, flagErrorf("--min-%s: unknown category %q (one of %s, all)", measure, cat, strings.Join(eval.Categories, ", "))
		}
		x, err := strconv.ParseFloat(num, 64)
		if err != nil || x < 0 || x > 1 {
			return nil, flagErrorf("--min-%s: %q is not a number between 0 and 1", measure, num)
		}
		out = append(out, floor{Measure: measure, Category: cat, Min: x})
	}
	return out, nil
}

// evalFiles lists the annotated drafts under the paths, sorted.
func evalFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, unwrapPathError(err))
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(d.Name(), ".ann.md") {
				found = append(found, q)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no *.ann.md files", p)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// evalResult is one draft's clean text, marked spans and findings.
type evalResult struct {
	clean []byte
	spans []eval.Span
	found []eval.Found
	err   error
}

// evalFile strips one annotated draft and scans the clean text.
func evalFile(sc *redact.Scanner, name string) (r evalResult) {
	data, err := os.ReadFile(name)
	if err != nil {
		r.err = fmt.Errorf("%s: %w", name, unwrapPathError(err))
		return r
	}
	if r.clean, r.spans, err = eval.Strip(data); err != nil {
		r.err = fmt.Errorf("%s: %w", name, err)
		return r
	}
	res, err := sc.Scan(name, r.clean)
	if err != nil {
		r.err = fmt.Errorf("%s: %w", name, err)
		return r
	}
	for _, f := range res.Findings {
		r.found = append(r.found, eval.Found{Start: f.Span.Start, End: f.Span.End, Category: f.Category, Rule: f.Rule})
	}
	return r
}

type evalMiss struct {
	File     string `json:"file"`
	Category string `json:"category"`
	Text     string `json:"text"`
	Partial  bool   `json:"partial"`
}

type evalFP struct {
	File     string `json:"file"`
	Category string `json:"category"`
	Text     string `json:"text"`
	Rule     string `json:"rule"`
}

func runEval(opts *EvalOptions) error {
	ios := opts.f.IO
	set, err := opts.f.Rules()
	if err != nil {
		return err
	}
	files, err := evalFiles(opts.Paths)
	if err != nil {
		return err
	}
	sc := redact.New(set, redact.Options{})
	// Drafts are scanned on every core and scored in file order, so the
	// table and lists are those of a sequential run.
	results := mapParallel(files, runtime.GOMAXPROCS(0), func(name string) evalResult { return evalFile(sc, name) })
	score := eval.NewScore()
	for i, name := range files {
		r := results[i]
		if r.err != nil {
			return r.err
		}
		score.Add(name, r.clean, r.spans, r.found)
	}
	rows := score.Rows()
	mask := maskOutput(opts.f, opts.Mask, opts.MaskSet)
	show := func(s string) string {
		if mask {
			return report.Mask(s)
		}
		return report.Sanitize(s)
	}
	misses := []evalMiss{}
	for _, m := range score.Misses {
		misses = append(misses, evalMiss{m.File, m.Category, show(m.Text), m.Partial})
	}
	fps := []evalFP{}
	for _, fp := range score.FPs {
		fps = append(fps, evalFP{fp.File, fp.Category, show(fp.Text), fp.Rule})
	}
	out := ios.Out
	if opts.Format == "json" {
		doc := struct {
			Files          int            `json:"files"`
			Digest         string         `json:"digest"`
			Rows           []eval.Row     `json:"rows"`
			Rules          []eval.RuleRow `json:"rules,omitempty"`
			Misses         []evalMiss     `json:"misses,omitempty"`
			FalsePositives []evalFP       `json:"false_positives,omitempty"`
		}{Files: len(files), Digest: set.Digest(), Rows: rows}
		if opts.ByRule {
			doc.Rules = score.RuleRows()
		}
		if opts.Misses {
			doc.Misses = misses
		}
		if opts.FalsePositives {
			doc.FalsePositives = fps
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return err
		}
	} else {
		fmt.Fprint(out, eval.Table(rows))
		if opts.ByRule {
			fmt.Fprint(out, "\n"+eval.RuleTable(score.RuleRows()))
		}
		if opts.Misses {
			fmt.Fprintf(out, "\nmissed or partly covered (%d):\n", len(misses))
			for _, m := range misses {
				how := "missed"
				if m.Partial {
					how = "partial"
				}
				fmt.Fprintf(out, "  %s [%s] %q (%s)\n", m.File, m.Category, m.Text, how)
			}
		}
		if opts.FalsePositives {
			fmt.Fprintf(out, "\nfalse positives (%d):\n", len(fps))
			for _, fp := range fps {
				fmt.Fprintf(out, "  %s [%s] %q %s\n", fp.File, fp.Category, fp.Text, fp.Rule)
			}
		}
	}
	failed := false
	for _, fl := range opts.floors {
		i := slices.IndexFunc(rows, func(r eval.Row) bool { return r.Category == fl.Category })
		if i < 0 {
			continue
		}
		r := rows[i]
		var got float64
		var defined bool
		switch fl.Measure {
		case "recall":
			got, defined = r.Recall, r.Spans > 0
		case "cover":
			got, defined = r.Cover, r.Spans > 0
		case "precision":
			got, defined = r.Precision, r.Findings > 0
		}
		if !defined {
			fmt.Fprintf(ios.ErrOut, "redact: note: %s of %s is undefined (nothing to measure); floor not checked\n", fl.Measure, fl.Category)
			continue
		}
		if got < fl.Min {
			fmt.Fprintf(ios.ErrOut, "redact: %s of %s is %.3f, below %.3f\n", fl.Measure, fl.Category, got, fl.Min)
			failed = true
		}
	}
	if failed {
		return errFindings
	}
	return nil
}
