package main

// Cross-validation experiments with other models than the rule's logistic
// regression: extra features (word trigrams, skip-bigrams, character
// n-grams of words), naive-Bayes scaled features, a small hidden layer, and
// ensembles of saved out-of-fold scores. The experiments compare models by
// their whole precision-recall curve (curve), not at one threshold.

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
)

// expOptions says which model an experiment cross-validates.
type expOptions struct {
	model   string  // rule (train's model), lr, nblr, mnb, mlp
	extra   string  // comma-separated extra features: tri, skip, char
	hidden  int     // units of mlp's hidden layer
	wide    bool    // mlp: add a linear term over the same features
	mlpRate float64 // mlp: AdaGrad rate of the hidden layer
	alpha   float64 // nblr, mnb: smoothing of the counts
	seed    uint64  // lr, nblr: shuffle seed (the rule's model uses 1)
	save    string  // write the out-of-fold logits here, one a sentence
	combine string  // comma-separated saved logit files (FILE or FILE*weight): score their weighted mean instead of training
}

// dataset is the corpus with features interned as ids.
type dataset struct {
	rows  [][]int32 // distinct feature ids of each sentence, ascending
	nfeat int
	file  []int32 // draft of each sentence
}

// extraFeatures returns the features the experiment adds to a sentence's
// words and pairs.
func extraFeatures(words []string, extra map[string]bool) []string {
	var out []string
	if extra["tri"] {
		for k := 2; k < len(words); k++ {
			if words[k-2] != "" && words[k-1] != "" && words[k] != "" {
				out = append(out, words[k-2]+" "+words[k-1]+" "+words[k])
			}
		}
	}
	if extra["skip"] {
		for k := 2; k < len(words); k++ {
			if words[k-2] != "" && words[k] != "" {
				out = append(out, words[k-2]+" _ "+words[k])
			}
		}
	}
	if extra["char"] {
		for _, w := range words {
			if w == "" || w == "#" {
				continue
			}
			r := []rune("<" + w + ">")
			for n := 3; n <= 5; n++ {
				for a := 0; a+n <= len(r); a++ {
					if n == len(r) {
						continue // the whole word is already a feature
					}
					out = append(out, "~"+string(r[a:a+n]))
				}
			}
		}
	}
	return out
}

func featurize(data []sentence, extra string) dataset {
	ex := map[string]bool{}
	for _, e := range strings.Split(extra, ",") {
		if e != "" {
			ex[e] = true
		}
	}
	ids := map[string]int32{}
	files := map[string]int32{}
	d := dataset{rows: make([][]int32, len(data)), file: make([]int32, len(data))}
	for i, s := range data {
		fid, ok := files[s.file]
		if !ok {
			fid = int32(len(files))
			files[s.file] = fid
		}
		d.file[i] = fid
		seen := map[int32]bool{}
		for _, f := range append(append([]string(nil), s.feats...), extraFeatures(s.words, ex)...) {
			id, ok := ids[f]
			if !ok {
				id = int32(len(ids))
				ids[f] = id
			}
			if !seen[id] {
				seen[id] = true
				d.rows[i] = append(d.rows[i], id)
			}
		}
		sort.Slice(d.rows[i], func(a, b int) bool { return d.rows[i][a] < d.rows[i][b] })
	}
	d.nfeat = len(ids)
	return d
}

// keep returns, for the training sentences tr, which features occur in at
// least minCount drafts, and the rows cut to them.
func keep(d dataset, tr []int, minCount int) [][]int32 {
	count := make([]int32, d.nfeat)
	last := make([]int32, d.nfeat)
	for i := range last {
		last[i] = -1
	}
	for _, i := range tr {
		for _, f := range d.rows[i] {
			if last[f] != d.file[i] {
				last[f] = d.file[i]
				count[f]++
			}
		}
	}
	rows := make([][]int32, len(d.rows))
	for i, r := range d.rows {
		for _, f := range r {
			if int(count[f]) >= minCount {
				rows[i] = append(rows[i], f)
			}
		}
	}
	return rows
}

// fitted scores a sentence's kept features as a logit.
type fitted func(row []int32) float64

// classWeights balance the classes, as train does.
func classWeights(tr []int, data []sentence) (wpos, wneg float64, ok bool) {
	npos := 0
	for _, i := range tr {
		if data[i].pos {
			npos++
		}
	}
	if npos == 0 || npos == len(tr) {
		return 0, 0, false
	}
	return float64(len(tr)) / float64(2*npos), float64(len(tr)) / float64(2*(len(tr)-npos)), true
}

// nbRatios returns each feature's log-count ratio over the training
// sentences (binary counts, smoothed by alpha).
func nbRatios(rows [][]int32, tr []int, data []sentence, nfeat int, alpha float64) []float64 {
	p := make([]float64, nfeat)
	q := make([]float64, nfeat)
	for _, i := range tr {
		c := q
		if data[i].pos {
			c = p
		}
		for _, f := range rows[i] {
			c[f]++
		}
	}
	var sp, sq float64
	for f := range p {
		p[f] += alpha
		q[f] += alpha
		sp += p[f]
		sq += q[f]
	}
	r := make([]float64, nfeat)
	for f := range r {
		r[f] = math.Log(p[f]/sp) - math.Log(q[f]/sq)
	}
	return r
}

// trainLR is fitLR as a scorer.
func trainLR(rows [][]int32, tr []int, data []sentence, nfeat int, scale []float64, opt options, seed uint64) fitted {
	bias, w := fitLR(rows, tr, data, nfeat, scale, opt, seed)
	return func(row []int32) float64 {
		z := bias
		for _, k := range row {
			z += w[k]
		}
		return z
	}
}

// trainMLP fits one hidden layer of ReLU units over the sum of the
// features' embeddings (and, when wide, a linear term), with AdaGrad.
func trainMLP(rows [][]int32, tr []int, data []sentence, nfeat int, opt options, ex expOptions) fitted {
	h := ex.hidden
	wpos, wneg, ok := classWeights(tr, data)
	if !ok {
		return func([]int32) float64 { return 0 }
	}
	rng := rand.New(rand.NewPCG(3, 4))
	emb := make([]float64, nfeat*h)
	for i := range emb {
		emb[i] = (rng.Float64()*2 - 1) * 0.05
	}
	gemb := make([]float64, nfeat*h)
	b1 := make([]float64, h)
	gb1 := make([]float64, h)
	v := make([]float64, h)
	gv := make([]float64, h)
	for i := range v {
		v[i] = (rng.Float64()*2 - 1) * 0.3
	}
	var w, gw []float64
	if ex.wide {
		w = make([]float64, nfeat)
		gw = make([]float64, nfeat)
	}
	b2, gb2 := 0.0, 0.0
	a := make([]float64, h)
	da := make([]float64, h)
	forward := func(row []int32) float64 {
		copy(a, b1)
		for _, k := range row {
			e := emb[int(k)*h : int(k)*h+h]
			for j := range a {
				a[j] += e[j]
			}
		}
		z := b2
		for j := range a {
			if a[j] > 0 {
				z += v[j] * a[j]
			}
		}
		if w != nil {
			for _, k := range row {
				z += w[k]
			}
		}
		return z
	}
	order := append([]int(nil), tr...)
	const eps = 1e-8
	for e := 0; e < opt.epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			row := rows[i]
			z := forward(row)
			p := 1 / (1 + math.Exp(-math.Max(-30, math.Min(30, z))))
			var g float64
			if data[i].pos {
				g = (p - 1) * wpos
			} else {
				g = p * wneg
			}
			gb2 += g * g
			b2 -= opt.rate * 0.1 * g / math.Sqrt(gb2+eps)
			for j := range a {
				if a[j] > 0 {
					da[j] = g * v[j]
					gj := g * a[j]
					gv[j] += gj * gj
					v[j] -= ex.mlpRate * gj / math.Sqrt(gv[j]+eps)
				} else {
					da[j] = 0
				}
			}
			for j := range da {
				gb1[j] += da[j] * da[j]
				b1[j] -= ex.mlpRate * da[j] / math.Sqrt(gb1[j]+eps)
			}
			for _, k := range row {
				off := int(k) * h
				for j := 0; j < h; j++ {
					gk := da[j] + opt.l2*emb[off+j]
					if gk == 0 {
						continue
					}
					gemb[off+j] += gk * gk
					emb[off+j] -= ex.mlpRate * gk / math.Sqrt(gemb[off+j]+eps)
				}
				if w != nil {
					gk := g + opt.l2*w[k]
					gw[k] += gk * gk
					w[k] -= opt.rate * gk / math.Sqrt(gw[k]+eps)
				}
			}
		}
	}
	return forward
}

// experiment cross-validates the model ex names by round and prints its
// curve (or scores the mean of saved logits, with combine).
func experiment(w io.Writer, data []sentence, spans []span, opt options, ex expOptions) error {
	var z []float64
	if ex.combine != "" {
		var total float64
		for _, part := range strings.Split(ex.combine, ",") {
			name, ws, ok := strings.Cut(part, "*")
			weight := 1.0
			if ok {
				var err error
				if weight, err = strconv.ParseFloat(ws, 64); err != nil {
					return err
				}
			}
			zs, err := readLogits(name, len(data))
			if err != nil {
				return err
			}
			if z == nil {
				z = make([]float64, len(data))
			}
			for i := range z {
				z[i] += weight * zs[i]
			}
			total += weight
		}
		for i := range z {
			z[i] /= total
		}
	} else {
		var d dataset
		if ex.model != "rule" { // train interns its own features
			d = featurize(data, ex.extra)
		}
		groups := map[string][]int{}
		var names []string
		for i, s := range data {
			if groups[s.group] == nil {
				names = append(names, s.group)
			}
			groups[s.group] = append(groups[s.group], i)
		}
		sort.Strings(names)
		z = make([]float64, len(data))
		for _, g := range names {
			var tr []int
			for i, s := range data {
				if s.group != g {
					tr = append(tr, i)
				}
			}
			var rows [][]int32
			if ex.model != "rule" {
				rows = keep(d, tr, opt.minCount)
			}
			var f fitted
			switch ex.model {
			case "rule":
				// The rule's model as train fits it (its own feature
				// cut-off from the training rounds' drafts).
				var trs []sentence
				for _, i := range tr {
					trs = append(trs, data[i])
				}
				m := train(trs, opt)
				for _, i := range groups[g] {
					z[i] = m.logit(data[i].feats)
				}
				continue
			case "lr":
				f = trainLR(rows, tr, data, d.nfeat, nil, opt, ex.seed)
			case "nblr":
				f = trainLR(rows, tr, data, d.nfeat, nbRatios(rows, tr, data, d.nfeat, ex.alpha), opt, ex.seed)
			case "mnb":
				r := nbRatios(rows, tr, data, d.nfeat, ex.alpha)
				f = func(row []int32) float64 {
					z := 0.0
					for _, k := range row {
						z += r[k]
					}
					return z
				}
			case "mlp":
				f = trainMLP(rows, tr, data, d.nfeat, opt, ex)
			default:
				return fmt.Errorf("unknown model %q", ex.model)
			}
			for _, i := range groups[g] {
				z[i] = f(rows[i])
			}
		}
	}
	if ex.save != "" {
		if err := writeLogits(ex.save, z); err != nil {
			return err
		}
	}
	curve(w, data, spans, z)
	return nil
}

func writeLogits(name string, z []float64) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(f)
	for _, x := range z {
		fmt.Fprintf(b, "%.6g\n", x)
	}
	if err := b.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func readLogits(name string, n int) ([]float64, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	lines := strings.Fields(string(data))
	if len(lines) != n {
		return nil, fmt.Errorf("%s: %d scores for %d sentences", name, len(lines), n)
	}
	z := make([]float64, n)
	for i, l := range lines {
		if z[i], err = strconv.ParseFloat(l, 64); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
	}
	return z, nil
}

// curve prints the precision of the flagged sentences at given span
// recalls and the span recall at given precisions, each at the best
// threshold for it, so that two models compare over the range of
// thresholds a rule could use.
func curve(w io.Writer, data []sentence, spans []span, z []float64) {
	byFile := map[string][]int{}
	for i, s := range data {
		byFile[s.file] = append(byFile[s.file], i)
	}
	spanMax := make([]float64, 0, len(spans))
	for _, sp := range spans {
		m := math.Inf(-1)
		for _, i := range byFile[sp.file] {
			if s := data[i]; s.start < sp.end && s.end > sp.start && z[i] > m {
				m = z[i]
			}
		}
		spanMax = append(spanMax, m)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(spanMax)))
	order := make([]int, len(z))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return z[order[a]] > z[order[b]] })
	// at threshold th: flagged sentences, right ones, spans found.
	at := func(th float64) (int, int, int) {
		n := sort.Search(len(order), func(k int) bool { return z[order[k]] < th })
		right := 0
		for _, i := range order[:n] {
			if data[i].pos {
				right++
			}
		}
		found := sort.Search(len(spanMax), func(k int) bool { return spanMax[k] < th })
		return n, right, found
	}
	recalls := []float64{0.55, 0.575, 0.60, 0.625, 0.65, 0.675, 0.70, 0.725, 0.75, 0.80}
	fmt.Fprintf(w, "span recall ")
	for _, r := range recalls {
		fmt.Fprintf(w, " %6.3f", r)
	}
	fmt.Fprintf(w, "\nprecision   ")
	sum := 0.0
	for k, r := range recalls {
		need := int(math.Ceil(r * float64(len(spanMax))))
		th := spanMax[need-1]
		n, right, _ := at(th)
		fmt.Fprintf(w, " %6.3f", ratio(right, n))
		if k < len(recalls)-1 {
			sum += ratio(right, n)
		}
	}
	fmt.Fprintf(w, "   mean 0.55-0.75: %.4f\nthreshold   ", sum/float64(len(recalls)-1))
	for _, r := range recalls {
		need := int(math.Ceil(r * float64(len(spanMax))))
		fmt.Fprintf(w, " %6.3f", sigmoid(spanMax[need-1]))
	}
	// Recall at a precision: the most spans found at any threshold whose
	// precision reaches it.
	precs := []float64{0.76, 0.78, 0.80, 0.82, 0.84, 0.86, 0.88, 0.90, 0.92}
	best := make([]float64, len(precs))
	right, found := 0, 0
	for k, i := range order {
		if data[i].pos {
			right++
		}
		if k+1 < len(order) && z[order[k+1]] == z[i] {
			continue
		}
		for found < len(spanMax) && spanMax[found] >= z[i] {
			found++
		}
		p := ratio(right, k+1)
		for j, pr := range precs {
			if p >= pr && ratio(found, len(spanMax)) > best[j] {
				best[j] = ratio(found, len(spanMax))
			}
		}
	}
	fmt.Fprintf(w, "\nprecision   ")
	for _, p := range precs {
		fmt.Fprintf(w, " %6.3f", p)
	}
	fmt.Fprintf(w, "\nspan recall ")
	for _, r := range best {
		fmt.Fprintf(w, " %6.3f", r)
	}
	fmt.Fprintln(w)
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
