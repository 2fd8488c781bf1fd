package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rescue-stories/redact/redact/eval"
	"github.com/rescue-stories/redact/redact/markdown"
	"github.com/rescue-stories/redact/rules"
)

// sentence is one training example: its features, whether it overlaps a
// marked span of the category, and the round of drafts it comes from (the
// first letter of the file name: drafts of one round share writers).
type sentence struct {
	feats []string
	pos   bool
	group string
	file  string
	start int // byte offsets in the clean draft
	end   int
}

// span is a marked span of the category, for the cross-validation's span
// recall.
type span struct {
	file       string
	group      string
	start, end int
}

// corpus reads every *.ann.md in dirs and cuts the clean drafts into
// sentences exactly as the scanner does: Markdown segments, then
// rules.Text sentences.
func corpus(dirs []string, category string) ([]sentence, []span, error) {
	var out []sentence
	var spans []span
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.ann.md"))
		if err != nil {
			return nil, nil, err
		}
		if len(files) == 0 {
			return nil, nil, fmt.Errorf("%s: no *.ann.md drafts", dir)
		}
		sort.Strings(files)
		for _, f := range files {
			ann, err := os.ReadFile(f)
			if err != nil {
				return nil, nil, fmt.Errorf("read %s: %w", f, err)
			}
			clean, marked, err := eval.Strip(ann)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", f, err)
			}
			clean, marked = masked(clean, marked, category)
			base := filepath.Base(f)
			group := base[:1]
			var cat []eval.Span
			for _, s := range marked {
				if s.Category == category {
					cat = append(cat, s)
					spans = append(spans, span{base, group, s.Start, s.End})
				}
			}
			for _, seg := range markdown.Parse(clean).Segments {
				t := rules.NewText(string(clean[seg.Start:seg.End]), string(seg.Scope))
				for _, s := range t.Sentences() {
					a := seg.Start + t.Tokens[s[0]].Start
					b := seg.Start + t.Tokens[s[1]-1].End
					pos := false
					for _, m := range cat {
						if m.Start < b && m.End > a {
							pos = true
							break
						}
					}
					out = append(out, sentence{feats: rules.SentenceFeatures(t, s[0], s[1]), pos: pos,
						group: group, file: base, start: a, end: b})
				}
			}
		}
	}
	return out, spans, nil
}

// maskedCategories are learnt as placeholders, as apply writes them: a
// sentence scores the same before and after its names are replaced, and
// the model learns no person's or place's name (dates stay: "at 0400" is
// how an operation's timing reads).
var maskedCategories = map[string]string{"name": "[name]", "location": "[location]", "identifier": "[identifier]"}

// masked replaces the marked spans of maskedCategories (other than
// category) in clean with their placeholders and moves the other spans to
// match.
func masked(clean []byte, marked []eval.Span, category string) ([]byte, []eval.Span) {
	var out []byte
	var spans []eval.Span
	last, shift := 0, 0
	for _, s := range marked { // in text order, never overlapping
		ph, ok := maskedCategories[s.Category]
		if !ok || s.Category == category || s.Start < last {
			s.Start += shift
			s.End += shift
			spans = append(spans, s)
			continue
		}
		out = append(out, clean[last:s.Start]...)
		out = append(out, ph...)
		shift += len(ph) - (s.End - s.Start)
		last = s.End
	}
	return append(out, clean[last:]...), spans
}

// options of a training run.
type options struct {
	epochs   int
	l2       float64
	rate     float64
	minCount int // features seen in fewer drafts are dropped
}

var defaultOptions = options{epochs: 10, l2: 1e-4, rate: 0.2, minCount: 3}

// model is a trained logistic regression.
type model struct {
	bias    float64
	weights map[string]float64
}

// train fits a logistic regression with AdaGrad. Classes are weighted to
// balance (few sentences are operational). Features seen in fewer than
// minCount drafts are left out, so no single draft is learnt by heart. Every step is deterministic: sentences in a fixed order, shuffled
// with a fixed seed, and products rounded before they are added (an
// explicit float64 conversion stops fused multiply-adds).
func train(data []sentence, opt options) model {
	// Count the drafts each feature occurs in: a code name or a place of
	// one draft, however often repeated there, says nothing of the next.
	count := map[string]int{}
	last := map[string]string{}
	for _, s := range data {
		for _, f := range s.feats {
			if last[f] != s.file {
				last[f] = s.file
				count[f]++
			}
		}
	}
	names := make([]string, 0, len(count))
	for f, n := range count {
		if n >= opt.minCount {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	index := make(map[string]int32, len(names))
	for i, f := range names {
		index[f] = int32(i)
	}
	rows := make([][]int32, len(data))
	npos := 0
	for i, s := range data {
		for _, f := range s.feats {
			if k, ok := index[f]; ok {
				rows[i] = append(rows[i], k)
			}
		}
		if s.pos {
			npos++
		}
	}
	w := make([]float64, len(names))
	g2 := make([]float64, len(names))
	bias := 0.0
	if npos == 0 || npos == len(data) {
		return model{bias: bias, weights: map[string]float64{}}
	}
	wpos := float64(len(data)) / float64(2*npos)
	wneg := float64(len(data)) / float64(2*(len(data)-npos))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for e := 0; e < opt.epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			z := bias
			for _, k := range rows[i] {
				z += w[k]
			}
			p := 1 / (1 + math.Exp(-math.Max(-30, math.Min(30, z))))
			var g float64
			if data[i].pos {
				g = float64((p - 1) * wpos)
			} else {
				g = float64(p * wneg)
			}
			bias -= float64(opt.rate * g * 0.1)
			for _, k := range rows[i] {
				gk := g + float64(opt.l2*w[k])
				g2[k] += float64(gk * gk)
				w[k] -= float64(opt.rate*gk) / math.Sqrt(g2[k]+1e-8)
			}
		}
	}
	m := model{bias: bias, weights: make(map[string]float64, len(names))}
	for i, f := range names {
		m.weights[f] = w[i]
	}
	return m
}

// score is the model's probability for a sentence.
func (m model) score(feats []string) float64 {
	z := m.bias
	for _, f := range feats {
		z += m.weights[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// minWeight is the smallest weight written: smaller ones change no
// decision and would only make the file longer.
const minWeight = 0.005

// write writes the model file: a header, the bias, then the features in
// byte order (so a retrained model diffs line by line).
func (m model) write(w io.Writer, header string) error {
	var b bytes.Buffer
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		fmt.Fprintf(&b, "# %s\n", l)
	}
	fmt.Fprintf(&b, "%.4f\t%s\n", m.bias, rules.ClassifierBias)
	names := make([]string, 0, len(m.weights))
	for f, x := range m.weights {
		if math.Abs(x) >= minWeight {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	for _, f := range names {
		fmt.Fprintf(&b, "%.4f\t%s\n", m.weights[f], f)
	}
	_, err := w.Write(b.Bytes())
	return err
}
