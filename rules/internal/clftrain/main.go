// Command clftrain trains the model of a classifier rule from annotated
// drafts and writes its model file; with -cv it reports, round by round,
// how a model trained on the other rounds does on each one.
//
//	go run ./rules/internal/clftrain                 # writes the default pack's model
//	go run ./rules/internal/clftrain -cv             # cross-validation table
//
// A round is the drafts whose file names start with the same letter: one
// round was written by the same writers, so holding a whole round out says
// what a new writer's draft gets. Never train on fixtures/heldout: it is
// what measures the model on drafts it has not seen.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

const defaultOut = "rules/packs/default/data/operational-sentences.tsv"

var defaultDirs = []string{"fixtures/drafts", "fixtures/fresh"}

func main() {
	out := flag.String("out", defaultOut, "model file to write")
	category := flag.String("category", "operational", "category of the spans the model learns")
	cv := flag.Bool("cv", false, "print a cross-validation table by round instead of writing the model")
	opt := defaultOptions
	flag.IntVar(&opt.epochs, "epochs", opt.epochs, "passes over the sentences")
	flag.Float64Var(&opt.l2, "l2", opt.l2, "L2 penalty on the weights")
	flag.IntVar(&opt.minCount, "min-count", opt.minCount, "drop features found in fewer drafts")
	flag.IntVar(&opt.seeds, "seeds", opt.seeds, "models averaged per kind, each with its own shuffle seed")
	flag.BoolVar(&opt.nb, "nb", opt.nb, "average naive-Bayes scaled models too (NBSVM)")
	var ex expOptions
	flag.StringVar(&ex.model, "exp", "", "with -cv: cross-validate this model (rule: the one written; lr, nblr, mnb, mlp) and print its curve")
	flag.StringVar(&ex.extra, "extra", "", "with -exp: extra features, comma-separated (tri, skip, char)")
	flag.IntVar(&ex.hidden, "hidden", 32, "with -exp mlp: hidden units")
	flag.BoolVar(&ex.wide, "wide", false, "with -exp mlp: add a linear term")
	flag.Float64Var(&ex.mlpRate, "mlp-rate", 0.05, "with -exp mlp: AdaGrad rate of the hidden layer")
	flag.Float64Var(&ex.alpha, "alpha", 1, "with -exp nblr or mnb: smoothing of the counts")
	flag.Uint64Var(&ex.seed, "seed", 1, "with -exp lr or nblr: shuffle seed")
	flag.StringVar(&ex.save, "save", "", "with -exp: write the out-of-fold logits to this file")
	flag.StringVar(&ex.combine, "combine", "", "with -cv: print the curve of the weighted mean of saved logits (FILE[*W],FILE[*W]...)")
	flag.Float64Var(&opt.rate, "rate", opt.rate, "AdaGrad rate")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: clftrain [-out FILE] [-category C] [-cv] [DIR...]\n(default dirs: %s)\n", strings.Join(defaultDirs, " "))
		flag.PrintDefaults()
	}
	flag.Parse()
	dirs := flag.Args()
	if len(dirs) == 0 {
		dirs = defaultDirs
	}
	if *cv && (ex.model != "" || ex.combine != "") {
		data, spans, err := corpus(dirs, *category)
		if err == nil {
			err = experiment(os.Stdout, data, spans, opt, ex)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "clftrain:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(os.Stdout, *out, *category, *cv, dirs, opt); err != nil {
		fmt.Fprintln(os.Stderr, "clftrain:", err)
		os.Exit(1)
	}
}

func run(stdout io.Writer, out, category string, cv bool, dirs []string, opt options) error {
	data, spans, err := corpus(dirs, category)
	if err != nil {
		return err
	}
	if cv {
		crossValidate(stdout, data, spans, opt)
		return nil
	}
	m := train(data, opt)
	npos := 0
	for _, s := range data {
		if s.pos {
			npos++
		}
	}
	header := fmt.Sprintf(`Model of a classifier rule: weight<TAB>feature (rules/kind_classifier.go).
Written by: go run ./rules/internal/clftrain -out %s -category %s %s
Trained on %d sentences (%d overlap a marked %s span) of the annotated drafts in %s:
%s.
Do not edit: retrain instead (TestModelUpToDate checks it matches the drafts).`,
		out, category, strings.Join(dirs, " "), len(data), npos, category, strings.Join(dirs, ", "), opt.describe())
	f, err := os.CreateTemp(filepath.Dir(out), ".clftrain-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := m.write(f, header); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := os.Rename(f.Name(), out); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	fmt.Fprintf(stdout, "%s: %d sentences, %d features\n", out, len(data), len(m.weights))
	return nil
}

var cvThresholds = []float64{0.5, 0.7, 0.8, 0.85, 0.9, 0.95}

// crossValidate trains on all rounds but one and scores that one, for each
// round, and prints per threshold: sentences flagged, how many of them hold
// a span (precision), and the spans a flagged sentence overlaps (recall).
func crossValidate(w io.Writer, data []sentence, spans []span, opt options) {
	groups := map[string]bool{}
	for _, s := range data {
		groups[s.group] = true
	}
	var names []string
	for g := range groups {
		names = append(names, g)
	}
	sort.Strings(names)
	type tally struct{ flagged, right, spans, found int }
	total := make([]tally, len(cvThresholds))
	fmt.Fprintf(w, "round  sentences  spans  then per threshold: flagged/with a span/spans found\n")
	for _, g := range names {
		var tr, te []sentence
		for _, s := range data {
			if s.group == g {
				te = append(te, s)
			} else {
				tr = append(tr, s)
			}
		}
		m := train(tr, opt)
		probs := make([]float64, len(te))
		for i, s := range te {
			probs[i] = m.score(s.feats)
		}
		var gs []span
		for _, sp := range spans {
			if sp.group == g {
				gs = append(gs, sp)
			}
		}
		fmt.Fprintf(w, "%-5s  %9d  %5d ", g, len(te), len(gs))
		for k, th := range cvThresholds {
			var t tally
			t.spans = len(gs)
			for i, s := range te {
				if probs[i] >= th {
					t.flagged++
					if s.pos {
						t.right++
					}
				}
			}
			for _, sp := range gs {
				for i, s := range te {
					if probs[i] >= th && s.file == sp.file && s.start < sp.end && s.end > sp.start {
						t.found++
						break
					}
				}
			}
			fmt.Fprintf(w, " %.2f:%d/%d/%d", th, t.flagged, t.right, t.found)
			total[k].flagged += t.flagged
			total[k].right += t.right
			total[k].spans += t.spans
			total[k].found += t.found
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\nthreshold  flagged  precision  span recall\n")
	for k, th := range cvThresholds {
		t := total[k]
		fmt.Fprintf(w, "%9.2f  %7d  %9.3f  %11.3f\n", th, t.flagged, ratio(t.right, t.flagged), ratio(t.found, t.spans))
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
