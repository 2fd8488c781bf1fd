package rules

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// A classifier rule scores each sentence with a linear model over its words
// and flags the sentences whose score reaches the rule's threshold. It is
// for what no list or pattern can enumerate: operational detail is written
// in endless phrasings ("two of us waited in a rented car on the other
// side"), but such sentences share their vocabulary. The model is linear,
// trained on annotated drafts (rules/internal/clftrain: the built-in one is
// the mean of four logistic regressions, written as one); every match names
// the words that weighed most, so a reviewer can see why a sentence was
// flagged.
//
// A model file has one feature per line, "weight<TAB>feature": a feature is
// a folded word, two words separated by one space (adjacent words of the
// sentence), "#" for a number, or "<bias>". Lines starting with # are
// comments.

// ClassifierNumber is the feature of a word that starts with a digit: "12
// officers" and "4 officers" say the same thing.
const ClassifierNumber = "#"

// ClassifierBias names the model's intercept in a model file.
const ClassifierBias = "<bias>"

// DefaultClassifierThreshold is the score (a probability) a sentence needs
// when the rule gives no threshold.
const DefaultClassifierThreshold = 0.9

// maxSentenceTokens bounds the words one sentence contributes: a segment
// without full stops (a table, a long list line) is scored in pieces of this
// many words, so one run-on line cannot become one finding.
const maxSentenceTokens = 80

// partThreshold is the score a part of a flagged sentence needs on its own
// when other findings cut the sentence (ScorePart).
var partThreshold = 0.5

type classifierMatcher struct {
	classifierModel
	threshold float64
	logit     float64 // the threshold as a logit, compared with the sum
	partLogit float64 // what a part of a cut sentence needs (ScorePart)
	// The built-in model is parsed in the background while the other
	// packs load (a tenth of a one-story run); loadFn fills the model, and
	// every use waits for it (ready).
	loadOnce sync.Once
	loadFn   func()
}

// classifierModel is a parsed model file.
type classifierModel struct {
	vocab    map[string]int32 // word -> id
	ids      *idTable         // vocab, looked up by the token's hash
	numberID int32            // id of ClassifierNumber, or -1
	unigram  []float64        // by word id
	bigram   *pairTable
	bias     float64
}

// ready waits until the model is parsed.
func (m *classifierMatcher) ready() {
	if m.loadFn != nil {
		m.loadOnce.Do(m.loadFn)
	}
}

// Sentences returns the token ranges [i, j) of t's sentences: a sentence
// starts at a token marked SentStart and has at most maxSentenceTokens words.
// The classifier and the widened rules both ask: they are cut once. The
// slice is shared; callers must not change it.
func (t *Text) Sentences() [][2]int {
	if t.sents == nil {
		t.sents = t.sentences()
	}
	return t.sents
}

func (t *Text) sentences() [][2]int {
	out := [][2]int{}
	start := 0
	for i := 1; i <= len(t.Tokens); i++ {
		if i == len(t.Tokens) || t.Tokens[i].SentStart || i-start == maxSentenceTokens {
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i
		}
	}
	return out
}

// SentenceFeatures returns the distinct features of tokens [i, j) of t, as
// the trainer and the matcher both see them: each word's folded key (a
// number as "#") and each pair of adjacent words.
func SentenceFeatures(t *Text, i, j int) []string {
	return WordFeatures(SentenceWords(t, i, j))
}

// WordFeatures returns the distinct features of a sentence's feature
// words (SentenceWords): each word and each pair of adjacent words.
func WordFeatures(words []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	prev := ""
	for _, w := range words {
		if w != "" {
			add(w)
			if prev != "" {
				add(prev + " " + w)
			}
		}
		prev = w
	}
	return out
}

// SentenceWords returns the feature word of each of tokens [i, j) of t:
// its folded key, "#" for a number, "" for a token that is no feature (a
// placeholder's words, punctuation without a key). SentenceFeatures lists
// these words and their adjacent pairs.
func SentenceWords(t *Text, i, j int) []string {
	skip := placeholders(t, i, j)
	out := make([]string, j-i)
	for k := i; k < j; k++ {
		if skip == nil || !skip[k-i] {
			out[k-i] = featureWord(t.Tokens[k])
		}
	}
	return out
}

// placeholders marks the tokens of [i, j) inside a placeholder that apply
// wrote ("[team]", "[operational detail]", "[name 6]"): a bracket holding
// at most three words and not followed by "(" (a Markdown link). Their
// words are the rules' labels, not the writer's: an applied draft must not
// be flagged again for them.
func placeholders(t *Text, i, j int) []bool {
	var skip []bool
	for k := i; k < j; k++ {
		if !strings.HasSuffix(t.Tokens[k].GapText, "[") {
			continue
		}
		for n := k + 1; n <= k+3 && n <= j; n++ {
			end := len(t.Src)
			if n < len(t.Tokens) {
				end = t.Tokens[n].Start
			}
			gap := t.Src[t.Tokens[n-1].End:end]
			if !strings.HasPrefix(gap, "]") {
				if n < j && t.Tokens[n].Gap != GapSpace {
					break
				}
				continue
			}
			if strings.HasPrefix(gap, "](") {
				break
			}
			if skip == nil {
				skip = make([]bool, j-i)
			}
			for x := k; x < n; x++ {
				skip[x-i] = true
			}
			break
		}
	}
	return skip // nil when there is none: the common case costs nothing
}

func featureWord(tok Token) string {
	if tok.Digit {
		return ClassifierNumber
	}
	return tok.Key
}

func (m *classifierMatcher) find(t *Text, emit func(Match)) {
	m.ready()
	// A sentence has at most maxSentenceTokens words, so at most twice as
	// many distinct features: the scratch space stays on the stack.
	var buf [2 * maxSentenceTokens]uint64
	seen := buf[:0]
	for _, s := range t.Sentences() {
		var z float64
		z, seen = m.score(t, s[0], s[1], seen, nil)
		if z < m.logit {
			continue
		}
		start, end := t.Tokens[s[0]].Start, t.Tokens[s[1]-1].End
		emit(Match{Start: start, End: end, Why: m.explain(t, s[0], s[1], z, seen)})
	}
}

// score returns the logit of tokens [i, j): the bias plus the weight of
// each distinct feature SentenceFeatures lists, looked up by word id so
// no string is built. seen is scratch space, returned for reuse. note, when
// not nil, hears each feature counted: the token it ends at, whether it is
// a pair, and its weight (explain's list, from the same loop).
func (m *classifierMatcher) score(t *Text, i, j int, seen []uint64, note func(k int, pair bool, w float64)) (float64, []uint64) {
	seen = seen[:0]
	// A Bloom filter of seen: most features are new to the sentence, and
	// its bit says so without reading the list (which had made scoring a
	// sentence quadratic in its length).
	var bloom seenBloom
	z := m.bias
	skip := placeholders(t, i, j)
	prev := int32(-1)
	for k := i; k < j; k++ {
		id := m.tokenID(t, k)
		if skip != nil && skip[k-i] {
			id = -1 // a placeholder's words do not count
		}
		if id >= 0 {
			if !bloom.has(seen, uint64(id)) {
				bloom.add(uint64(id))
				seen = append(seen, uint64(id))
				z += m.unigram[id]
				if note != nil {
					note(k, false, m.unigram[id])
				}
			}
			if prev >= 0 {
				key := bigramKey(prev, id)
				if w, ok := m.bigram.get(key); ok && !bloom.has(seen, key) {
					bloom.add(key)
					seen = append(seen, key)
					z += w
					if note != nil {
						note(k, true, w)
					}
				}
			}
		}
		prev = id
	}
	return z, seen
}

// seenBloom is a Bloom filter of one hash over the features a sentence has
// counted: 1,024 bits for at most 160 features.
type seenBloom [16]uint64

func bloomBit(k uint64) uint64 { return k * 0x9e3779b97f4a7c15 >> 54 }

func (b *seenBloom) add(k uint64) {
	h := bloomBit(k)
	b[h>>6] |= 1 << (h & 63)
}

// has reports whether k is in seen, whose keys are all in b.
func (b *seenBloom) has(seen []uint64, k uint64) bool {
	h := bloomBit(k)
	return b[h>>6]&(1<<(h&63)) != 0 && containsKey(seen, k)
}

// tokenID returns the vocabulary id of token k's feature word, or -1: a
// number is ClassifierNumber; a word is found by the hash the tokeniser
// computed, not by hashing its key again.
func (m *classifierMatcher) tokenID(t *Text, k int) int32 {
	tok := &t.Tokens[k]
	if tok.Digit {
		return m.numberID
	}
	if tok.Key == "" {
		return -1
	}
	if m.ids == nil {
		if id, ok := m.vocab[tok.Key]; ok {
			return id
		}
		return -1
	}
	return m.ids.get(tok.Key, t.tokenHash(k))
}

// bigramKey packs two word ids; bit 63 keeps it apart from a word id in the
// per-sentence seen list.
func bigramKey(a, b int32) uint64 { return 1<<63 | uint64(a)<<31 | uint64(b) }

// pairTable maps bigram keys to weights: open addressing over the keys,
// which are never 0 (bigramKey sets bit 63). Every pair of adjacent words
// of every sentence is looked up and most are not there; a Go map spent
// more on hashing and probing its groups than the scoring around it.
//
// A built-in model's table is read in place from classifier.snap
// (decodePairTable): packed holds each slot's key as packPair makes it (4
// bytes) and weights its weight (8 bytes), little-endian, in the slots
// the table below would use; keys and vals are then nil. Decoding the
// table onto the heap wrote 2 MB at every start, a seventh of a one-story
// run's page faults; the binary's pages are read 64 KB a fault, and only
// those lookups touch, and a miss reads only the 4-byte keys.
type pairTable struct {
	keys  []uint64 // 0: empty
	vals  []float64
	shift uint // 64 - log2(number of slots)

	packed, weights string
}

// newPairTable makes a table for at most n keys, at most half full.
func newPairTable(n int) *pairTable {
	size, shift := pairTableSize(n)
	return &pairTable{keys: make([]uint64, size), vals: make([]float64, size), shift: shift}
}

// pairTableSize is the number of slots of a table for n keys and its shift.
func pairTableSize(n int) (int, uint) {
	size, shift := 8, uint(61)
	for size < 2*n {
		size, shift = size<<1, shift-1
	}
	return size, shift
}

// slot is where the probe for key starts: the high bits of a
// multiplicative hash, which mix every bit of both word ids.
func (p *pairTable) slot(key uint64) uint64 { return key * 0x9e3779b97f4a7c15 >> p.shift }

// set adds key, or replaces its weight as a map assignment would. The
// table must have room: newPairTable sizes it for every key. Only a table
// on the heap can be set.
func (p *pairTable) set(key uint64, w float64) {
	mask := uint64(len(p.keys) - 1)
	for i := p.slot(key); ; i = (i + 1) & mask {
		if p.keys[i] == 0 || p.keys[i] == key {
			p.keys[i], p.vals[i] = key, w
			return
		}
	}
}

func (p *pairTable) get(key uint64) (float64, bool) {
	if p.keys == nil {
		return p.getPacked(key)
	}
	mask := uint64(len(p.keys) - 1)
	for i := p.slot(key); ; i = (i + 1) & mask {
		switch p.keys[i] {
		case key:
			return p.vals[i], true
		case 0:
			return 0, false
		}
	}
}

// getPacked is get for a table read in place.
func (p *pairTable) getPacked(key uint64) (float64, bool) {
	k, ok := packPair(key)
	if !ok {
		return 0, false
	}
	mask := uint64(len(p.packed)/4 - 1)
	for i := p.slot(key); ; i = (i + 1) & mask {
		switch le32(p.packed[i*4:]) {
		case k:
			return math.Float64frombits(le64(p.weights[i*8:])), true
		case 0:
			return 0, false
		}
	}
}

// each calls f with every key of the table and its weight, in slot order.
func (p *pairTable) each(f func(key uint64, w float64)) {
	if p.keys == nil {
		for i := 0; i < len(p.packed)/4; i++ {
			if k := le32(p.packed[i*4:]); k != 0 {
				f(unpackPair(k), math.Float64frombits(le64(p.weights[i*8:])))
			}
		}
		return
	}
	for i, k := range p.keys {
		if k != 0 {
			f(k, p.vals[i])
		}
	}
}

// maxPackedWord bounds the word ids of a packed bigram key.
const maxPackedWord = 1<<16 - 2

// packPair packs a bigram key, both word ids at most maxPackedWord, in 32
// bits, never 0: each id + 1 in 16 bits.
func packPair(key uint64) (uint32, bool) {
	a, b := key>>31&(1<<32-1), key&(1<<31-1)
	if a > maxPackedWord || b > maxPackedWord {
		return 0, false
	}
	return uint32(a+1)<<16 | uint32(b+1), true
}

// unpackPair is the bigram key that packPair packed as k, which is not 0.
func unpackPair(k uint32) uint64 {
	return bigramKey(int32(k>>16)-1, int32(k&0xffff)-1)
}

func containsKey(s []uint64, k uint64) bool {
	for _, x := range s {
		if x == k {
			return true
		}
	}
	return false
}

// explain names the score and the features that raised it most. It runs
// only for flagged sentences, and scores them again with a note of each
// feature: strings are built for the five heaviest only, appended by
// strconv rather than fmt (the same bytes as "%q %+.2f" and "%.2f", without
// fmt's reflection, which showed in profiles).
func (m *classifierMatcher) explain(t *Text, i, j int, z float64, seen []uint64) string {
	type contrib struct {
		k    int
		pair bool
		w    float64
	}
	var buf [2 * maxSentenceTokens]contrib
	cs := buf[:0]
	m.score(t, i, j, seen, func(k int, pair bool, w float64) {
		if w > 0 {
			cs = append(cs, contrib{k, pair, w})
		}
	})
	// Weights are above zero, never NaN: descending order is a strict one.
	slices.SortStableFunc(cs, func(a, b contrib) int { return cmp.Compare(b.w, a.w) })
	if len(cs) > 5 {
		cs = cs[:5]
	}
	out := make([]byte, 0, 160)
	out = append(out, "sentence scored "...)
	out = appendFixed2(out, sigmoid(z), false)
	out = append(out, " (threshold "...)
	out = appendFixed2(out, m.threshold, false)
	out = append(out, "); words that weighed most: "...)
	for n, c := range cs {
		if n > 0 {
			out = append(out, ", "...)
		}
		f := featureWord(t.Tokens[c.k])
		if c.pair {
			f = featureWord(t.Tokens[c.k-1]) + " " + f
		}
		out = strconv.AppendQuote(out, f)
		out = append(out, ' ')
		out = appendFixed2(out, c.w, true)
	}
	return string(out)
}

// appendFixed2 appends x as fmt's "%.2f" does, or "%+.2f" when plus: fmt
// then gives a sign to every value strconv writes without one.
func appendFixed2(dst []byte, x float64, plus bool) []byte {
	n := len(dst)
	dst = strconv.AppendFloat(dst, x, 'f', 2, 64)
	if plus && dst[n] != '+' && dst[n] != '-' {
		dst = append(dst, 0)
		copy(dst[n+1:], dst[n:])
		dst[n] = '+'
	}
	return dst
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// parseClassifierModel reads a model file; errors name the line.
func parseClassifierModel(data []byte) (*classifierMatcher, error) {
	// One string for the whole file: the words are slices of it, and the
	// maps are sized from the line count (the model is read at every start).
	rest := string(data)
	lines := strings.Count(rest, "\n") + 1
	m := &classifierMatcher{classifierModel: classifierModel{vocab: make(map[string]int32, lines/2),
		bigram: newPairTable(lines), unigram: make([]float64, 0, lines/2)}}
	word := func(w string) int32 {
		id, ok := m.vocab[w]
		if !ok {
			id = int32(len(m.unigram))
			m.vocab[w] = id
			m.unigram = append(m.unigram, 0)
		}
		return id
	}
	line, features, bias := 0, 0, false
	for rest != "" {
		var s string
		s, rest, _ = strings.Cut(rest, "\n")
		line++
		s = strings.TrimRight(s, "\r")
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		ws, f, ok := strings.Cut(s, "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: want \"weight<TAB>feature\"", line)
		}
		w, err := parseWeight(ws)
		if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("line %d: weight %q is not a number", line, ws)
		}
		if f == ClassifierBias {
			m.bias, bias = w, true
			continue
		}
		a, b, pair := strings.Cut(f, " ")
		if a == "" || (pair && (b == "" || strings.Contains(b, " "))) || strings.ContainsAny(f, "\t") {
			return nil, fmt.Errorf("line %d: feature %q is not a word or two words separated by one space", line, f)
		}
		if !pair {
			m.unigram[word(a)] = w
		} else {
			m.bigram.set(bigramKey(word(a), word(b)), w)
		}
		features++
	}
	if !bias {
		return nil, fmt.Errorf("no %s line (the model's intercept)", ClassifierBias)
	}
	if features == 0 {
		return nil, fmt.Errorf("no features")
	}
	m.numberID = -1
	if id, ok := m.vocab[ClassifierNumber]; ok {
		m.numberID = id
	}
	m.ids = newIDTable(m.vocab)
	return m, nil
}

func (c *compiler) classifier(rr *rawRule, n *yaml.Node, full string) *classifierMatcher {
	if rr.ModelFile == "" {
		l, cl := fieldPos(n, "kind")
		c.errorf(l, cl, full, "kind classifier needs model_file (a model written by rules/internal/clftrain)")
		return nil
	}
	data, err := c.readData(rr.ModelFile)
	if err != nil {
		l, cl := fieldPos(n, "model_file")
		c.errorf(l, cl, full, "%v", err)
		return nil
	}
	var m *classifierMatcher
	if c.builtinData(rr.ModelFile) {
		// Embedded and parsed by the tests (TestBuiltinData): it
		// cannot fail here, so it is read beside the other packs, from
		// the snapshot when that holds it (classifier_snap.go).
		m = &classifierMatcher{}
		m.loadFn = func() {
			if snap, ok := snapshotModel(data); ok {
				m.classifierModel = snap
				return
			}
			parsed, err := parseClassifierModel(data)
			if err != nil {
				panic(fmt.Sprintf("built-in model %s: %v", rr.ModelFile, err))
			}
			m.classifierModel = parsed.classifierModel
		}
		go m.ready()
	} else {
		if m, err = parseClassifierModel(data); err != nil {
			l, cl := fieldPos(n, "model_file")
			c.errorf(l, cl, full, "model %s: %v", rr.ModelFile, err)
			return nil
		}
	}
	m.threshold = DefaultClassifierThreshold
	if rr.Threshold != nil {
		m.threshold = *rr.Threshold
	}
	if !(m.threshold > 0 && m.threshold < 1) {
		l, cl := fieldPos(n, "threshold")
		c.errorf(l, cl, full, "threshold must be between 0 and 1 (a probability), not %v", m.threshold)
		return nil
	}
	m.logit = math.Log(m.threshold / (1 - m.threshold))
	m.partLogit = math.Log(partThreshold / (1 - partThreshold))
	return m
}

// ScorePart scores text as one sentence with a classifier rule's model and
// reports whether it reaches the part threshold: when other findings cut a
// flagged sentence, a part that says nothing operational by itself ("I
// stayed at" before a place) is dropped. Rules of other kinds keep no part
// by itself: around a widened match only the part holding the match says
// what the rule found.
func (r *Rule) ScorePart(text string) bool {
	m, ok := r.matcher.(*classifierMatcher)
	if !ok {
		return false
	}
	m.ready()
	t := NewText(text, "")
	if len(t.Tokens) == 0 {
		return false
	}
	z, _ := m.score(t, 0, len(t.Tokens), nil, nil)
	return z >= m.partLogit
}

// parseWeight is strconv.ParseFloat for the weights clftrain writes
// ("-0.8042"): the digits as an integer over a power of ten is one
// correctly rounded division, so the value is the one ParseFloat returns.
// Other forms go to ParseFloat.
func parseWeight(s string) (float64, error) {
	neg := strings.HasPrefix(s, "-")
	digits := s
	if neg {
		digits = s[1:]
	}
	ip, fp, ok := strings.Cut(digits, ".")
	if !ok || ip == "" || fp == "" || len(ip)+len(fp) > 15 {
		return strconv.ParseFloat(s, 64)
	}
	var n int64
	for _, part := range [...]string{ip, fp} {
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return strconv.ParseFloat(s, 64)
			}
			n = n*10 + int64(c-'0')
		}
	}
	v := float64(n) / math.Pow10(len(fp))
	if neg {
		v = -v
	}
	return v, nil
}
