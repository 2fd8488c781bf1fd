package main

import (
	"bufio"
	"bytes"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// readModel parses a model file into feature -> weight.
func readModel(t *testing.T, data []byte) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, f, _ := strings.Cut(line, "\t")
		x, err := strconv.ParseFloat(w, 64)
		if err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		out[f] = x
	}
	return out
}

// TestModelUpToDate retrains the default pack's model from the drafts it
// names and compares it with the committed file: a draft added to
// fixtures/fresh, or a change to how sentences are cut, must come with a
// retrained model. Weights may differ in the last digit on another CPU.
func TestModelUpToDate(t *testing.T) {
	root := "../../.."
	var dirs []string
	for _, d := range defaultDirs {
		dirs = append(dirs, filepath.Join(root, d))
	}
	data, _, err := corpus(dirs, "operational")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := train(data, defaultOptions).write(&buf, "test"); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join(root, defaultOut))
	if err != nil {
		t.Fatal(err)
	}
	got, want := readModel(t, buf.Bytes()), readModel(t, committed)
	const tol = 2e-3
	bad := 0
	for f, w := range want {
		g, ok := got[f]
		if (!ok && math.Abs(w) > minWeight+tol) || (ok && math.Abs(g-w) > tol) {
			if bad++; bad <= 5 {
				t.Errorf("feature %q: committed %.4f, retrained %.4f (present %v)", f, w, g, ok)
			}
		}
	}
	for f, g := range got {
		if _, ok := want[f]; !ok && math.Abs(g) > minWeight+tol {
			if bad++; bad <= 5 {
				t.Errorf("feature %q: retrained %.4f, not in the committed model", f, g)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d features differ: run go run ./rules/internal/clftrain from the repository's root", bad)
	}
}

// A sentence is positive when it overlaps a span of the category, and the
// model learns its words: the trained model scores an operational sentence
// above a safe one.
func TestTrainLearnsCategory(t *testing.T) {
	dir := t.TempDir()
	writeDrafts(t, dir, strings.Repeat(safeAndOperational, 3), "a1", "a2", "b1")
	data, spans, err := corpus([]string{dir}, "operational")
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != 27 || len(spans) != 9 {
		t.Fatalf("%d sentences and %d spans, want 27 and 9", len(data), len(spans))
	}
	npos := 0
	for _, s := range data {
		if s.pos {
			npos++
			if !strings.HasPrefix(strings.Join(s.feats, " "), "four officers") {
				t.Errorf("positive sentence with features %q", s.feats)
			}
		}
	}
	if npos != 9 {
		t.Errorf("%d positive sentences, want 9", npos)
	}
	m := train(data, defaultOptions)
	ops := m.score([]string{"officers", "unmarked", "van", "unmarked van"})
	safe := m.score([]string{"donors", "support", "school"})
	if !(ops > 0.7 && safe < 0.3) {
		t.Errorf("scores: operational %.2f, safe %.2f", ops, safe)
	}
	var out bytes.Buffer
	crossValidate(&out, data, spans, defaultOptions)
	if !strings.Contains(out.String(), "span recall") || !strings.Contains(out.String(), "\nb ") {
		t.Errorf("cross-validation table:\n%s", out.String())
	}
}

// The written model is the mean of its members' logits: for every
// sentence, train's model scores what the members, fitted one by one,
// score on average (opt.seeds seeds of the plain and the naive-Bayes
// scaled regression).
func TestTrainFoldsMean(t *testing.T) {
	var data []sentence
	words := [][]string{{"officers", "waited", "van"}, {"donors", "support"}, {"officers", "raid", "van"}, {"school", "support"}, {"waited", "raid"}}
	for i := 0; i < 40; i++ {
		w := words[i%len(words)]
		feats := append([]string(nil), w...)
		feats = append(feats, w[0]+" "+w[1])
		data = append(data, sentence{feats: feats, pos: i%len(words) != 1 && i%len(words) != 3,
			group: string(rune('a' + i%4)), file: string(rune('a'+i%4)) + strconv.Itoa(i%8)})
	}
	for _, opt := range []options{
		{epochs: 3, l2: 1e-4, rate: 0.2, minCount: 1, seeds: 1},
		{epochs: 3, l2: 1e-4, rate: 0.2, minCount: 1, seeds: 2, nb: true},
	} {
		m := train(data, opt)
		// The members, over the same feature ids.
		ids := map[string]int32{}
		var names []string
		for _, s := range data {
			for _, f := range s.feats {
				if _, ok := ids[f]; !ok {
					ids[f] = 0
					names = append(names, f)
				}
			}
		}
		sort.Strings(names)
		for i, f := range names {
			ids[f] = int32(i)
		}
		rows := make([][]int32, len(data))
		all := make([]int, len(data))
		for i, s := range data {
			all[i] = i
			for _, f := range s.feats {
				rows[i] = append(rows[i], ids[f])
			}
		}
		scales := [][]float64{nil}
		if opt.nb {
			scales = append(scales, nbRatios(rows, all, data, len(names), 1))
		}
		for i, s := range data {
			var want float64
			n := 0
			for _, sc := range scales {
				for seed := 1; seed <= opt.seeds; seed++ {
					want += trainLR(rows, all, data, len(names), sc, opt, uint64(seed))(rows[i])
					n++
				}
			}
			want /= float64(n)
			if got := m.logit(s.feats); math.Abs(got-want) > 1e-9 {
				t.Fatalf("%+v: sentence %d: model %.6f, mean of members %.6f", opt, i, got, want)
			}
		}
	}
}

// Every experiment's model cross-validates on a small corpus and prints
// its curve; saved logits read back, and their mean is scored.
func TestExperiment(t *testing.T) {
	dir := t.TempDir()
	text := safeAndOperational + "[[operational:Two officers waited behind the market]] all night.\n\n"
	writeDrafts(t, dir, strings.Repeat(text, 3), "a1", "a2", "b1", "b2", "c1")
	data, spans, err := corpus([]string{dir}, "operational")
	if err != nil {
		t.Fatal(err)
	}
	opt := defaultOptions
	opt.epochs = 2
	var saved []string
	for _, ex := range []expOptions{
		{model: "rule"},
		{model: "lr", extra: "tri,skip,char", seed: 1},
		{model: "nblr", alpha: 1, seed: 2},
		{model: "mnb", alpha: 1},
		{model: "mlp", hidden: 4, wide: true, mlpRate: 0.05},
	} {
		ex.save = filepath.Join(dir, ex.model+".z")
		saved = append(saved, ex.save)
		var out bytes.Buffer
		if err := experiment(&out, data, spans, opt, ex); err != nil {
			t.Fatalf("%s: %v", ex.model, err)
		}
		if !strings.Contains(out.String(), "mean 0.55-0.75") || !strings.Contains(out.String(), "\nspan recall ") {
			t.Errorf("%s: curve:\n%s", ex.model, out.String())
		}
		z, err := readLogits(ex.save, len(data))
		if err != nil {
			t.Fatal(err)
		}
		// Operational sentences score above the others, out of fold.
		var pos, neg float64
		var npos, nneg int
		for i, s := range data {
			if s.pos {
				pos += z[i]
				npos++
			} else {
				neg += z[i]
				nneg++
			}
		}
		if pos, neg = pos/float64(npos), neg/float64(nneg); !(pos > neg) {
			t.Errorf("%s: mean logit of operational sentences %.2f, of others %.2f", ex.model, pos, neg)
		}
	}
	var out bytes.Buffer
	if err := experiment(&out, data, spans, opt, expOptions{combine: saved[0] + "," + saved[2] + "*0.5"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "mean 0.55-0.75") {
		t.Errorf("combined curve:\n%s", out.String())
	}
	if err := experiment(&out, data, spans, opt, expOptions{model: "svm"}); err == nil {
		t.Error("unknown model: no error")
	}
}

// safeAndOperational is a small draft's paragraphs: two safe, one
// operational.
const safeAndOperational = "We thank our donors for their support.\n\n" +
	"[[operational:Four officers waited in an unmarked van]] near the market.\n\n" +
	"The children are back at school and doing well.\n\n"

// writeDrafts writes text as the annotated draft NAME.ann.md in dir, for
// each name (a round is a name's first letter).
func writeDrafts(t *testing.T, dir, text string, names ...string) {
	t.Helper()
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name+".ann.md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
