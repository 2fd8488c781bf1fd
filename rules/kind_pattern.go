package rules

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// patternMatcher runs RE2 patterns. Keywords, when given, are a prefilter (as
// gitleaks does): a segment that contains none of them, case-insensitively, is
// never handed to the regexp engine. Each pattern also carries a prefilter
// derived from its syntax (prefilter.go), so a rule without keywords is as
// cheap on a segment it cannot match.
type patternMatcher struct {
	res      []*regex
	group    int
	keywords *keywordSet // the lower-cased keywords, searched together; nil: none

	once sync.Once
	pats []*pattern
	// gate holds the first-clause literals of every pattern that has
	// clauses, all in one literal set: a text with none of them is
	// searched only by the patterns in open. Most texts meet few of a
	// rule's literals, and one test then stands for a call per pattern.
	gate    *clause
	gateSet *litSet
	open    []*pattern
	// gateNums holds the numbers of the patterns the gate covers, in
	// gateSet: the gate passes when a text anchors one of them.
	gateNums numBits
	// nums[i] is pats[i]'s number in numSet when the pattern is searched
	// only around the hits of its first clause, else -1 (openNums: the
	// same for open). The rule loops pass over the patterns whose first
	// clause has no hit in a text (idleMemo).
	numSet         *litSet
	nums, openNums []int32
	// live finds the same patterns as the loop of each over a rule with
	// many patterns, without visiting the idle ones (liveIndex).
	live *liveIndex
}

func (m *patternMatcher) patterns() []*pattern {
	m.once.Do(func() {
		m.pats = newPatterns(m.res)
		m.gate, m.gateSet, m.open = gateOf(m.pats)
		if m.gate != nil {
			var covered []int32
			for _, p := range m.pats {
				if len(p.clauses) > 0 && p.set == m.gateSet {
					covered = append(covered, p.num)
				}
			}
			m.gateNums = newNumBits(covered)
		}
		for _, p := range m.pats {
			if len(p.clauses) > 0 {
				m.numSet = p.set
				break
			}
		}
		m.nums, m.openNums = m.windowNums(m.pats), m.windowNums(m.open)
		m.live = newLiveIndex(m.nums)
	})
	return m.pats
}

// windowNums returns the numbers nums holds for pats.
func (m *patternMatcher) windowNums(pats []*pattern) []int32 {
	nums := make([]int32, len(pats))
	for i, p := range pats {
		nums[i] = -1
		if len(p.clauses) > 0 && p.window && p.set == m.numSet {
			nums[i] = p.num
		}
	}
	return nums
}

// gateOf returns the union of the patterns' first clauses and the patterns
// it does not cover (no clauses, or literals in another set); no gate when
// it would cover fewer than two patterns.
func gateOf(pats []*pattern) (*clause, *litSet, []*pattern) {
	var set *litSet
	for _, p := range pats {
		if len(p.clauses) > 0 {
			set = p.set
			break
		}
	}
	g := &clause{}
	var open []*pattern
	covered := 0
	for _, p := range pats {
		if len(p.clauses) == 0 || p.set != set {
			open = append(open, p)
			continue
		}
		covered++
		for _, id := range p.clauses[0].ids {
			g.add(id)
		}
	}
	if covered < 2 {
		return nil, nil, nil
	}
	return g, set, open
}

func newPatterns(res []*regex) []*pattern {
	out := make([]*pattern, len(res))
	for i, re := range res {
		out[i] = patternOf(re)
	}
	return out
}

// candidates returns the patterns that may match in t: all, or only those
// the gate does not cover when t holds none of its literals; none when the
// keywords rule t out.
func (m *patternMatcher) candidates(t *Text) ([]*pattern, []int32) {
	pats, nums := m.patterns(), m.nums
	if m.gate != nil && !plainSearch && !m.gatePasses(t.literals(m.gateSet)) {
		pats, nums = m.open, m.openNums
	}
	if !m.mayMatch(t, pats) {
		return nil, nil
	}
	return pats, nums
}

// gatePasses reports whether the text of lm holds a literal of the gate:
// whether it anchors one of the covered patterns' numbers, read a word of
// bits at a time. That is the gate's own test (a pattern's number is
// anchored when a literal of its first clause occurs), which ran over the
// words of a clause of hundreds of literals for every rule and text, 1.7 %
// of a corpus scan; it still answers when the automaton is older than a
// pattern.
func (m *patternMatcher) gatePasses(lm *litMemo) bool {
	if len(lm.hits) == 0 {
		return false
	}
	if m.gateNums.max >= lm.auto.npats {
		return lm.anyPresent(m.gate)
	}
	lm.sortHits()
	return m.gateNums.any(lm.anch)
}

// numBits is a set of pattern numbers as the words of bits it touches.
type numBits struct {
	words []int32
	masks []uint64
	max   int32
}

func newNumBits(nums []int32) numBits {
	b := numBits{max: -1}
	for _, k := range nums {
		if k < 0 {
			continue
		}
		b.max = max(b.max, k)
		w := k >> 6
		j := slices.Index(b.words, w)
		if j < 0 {
			j = len(b.words)
			b.words = append(b.words, w)
			b.masks = append(b.masks, 0)
		}
		b.masks[j] |= 1 << (k & 63)
	}
	return b
}

// any reports whether bits (a set of numbers above b's max) holds one of
// b's numbers.
func (b *numBits) any(bits []uint64) bool {
	for j, w := range b.words {
		if bits[w]&b.masks[j] != 0 {
			return true
		}
	}
	return false
}

// each calls f for every candidate pattern of t but those whose first
// clause has no hit in t (idleMemo).
func (m *patternMatcher) each(t *Text, f func(p *pattern)) {
	pats, nums := m.candidates(t)
	lm := m.idleMemo(t, pats)
	if m.live != nil && lm != nil && len(pats) == len(m.pats) {
		var buf [64]int32
		if live, ok := m.live.patterns(lm, buf[:0]); ok {
			for _, i := range live {
				f(pats[i])
			}
			return
		}
	}
	for i, p := range pats {
		if lm != nil && nums[i] >= 0 && lm.quiet(nums[i]) {
			continue
		}
		f(p)
	}
}

func (m *patternMatcher) find(t *Text, emit func(Match)) {
	m.each(t, func(p *pattern) {
		// Go's regexp tracks the groups only when the rule takes one.
		for _, loc := range p.findAllWith(t, m.group > 0) {
			s, e := loc[0], loc[1]
			if m.group > 0 && 2*m.group+1 < len(loc) {
				s, e = loc[2*m.group], loc[2*m.group+1]
			} else {
				s, e = p.bounds.trim(t.Src, s, e)
			}
			if s < 0 || s >= e {
				continue
			}
			emit(Match{Start: s, End: e, Why: p.why})
		}
	})
}

// findSpans is find for a rule whose findings widen to their sentence
// (WidenSentence): where a match starts and ends inside its sentence changes
// nothing but the firm part of the finding, so a match is the span from the
// first start to the last end that the DFAs see in a window, and the regexp
// engine never runs (nor is compiled) unless the DFAs cannot tell. Groups
// are not used: the span is where the pattern matches as a whole.
func (m *patternMatcher) findSpans(t *Text, emit func(Match)) {
	m.each(t, func(p *pattern) {
		p.spans(t, func(s, e int) {
			s, e = p.bounds.trim(t.Src, s, e)
			if s < e {
				emit(Match{Start: s, End: e, Why: p.why})
			}
		})
	})
}

// idleMemo returns t's literals of the set the rule's windowed patterns
// are numbered in, their hits sorted, for the rule loops to pass over the
// patterns whose first clause has no hit in t (litMemo.quiet): most of a
// rule's patterns meet none of their anchors in most texts, and a bit test
// then stands for a call that would look the text's literals up again and
// find nothing (millions of calls over a corpus). Nil when nothing is
// passed over.
func (m *patternMatcher) idleMemo(t *Text, pats []*pattern) *litMemo {
	if m.numSet == nil || plainSearch || len(pats) == 0 {
		return nil
	}
	lm := t.literals(m.numSet)
	if len(lm.hits) > 0 {
		lm.sortHits()
	}
	return lm
}

// mayMatch applies the keywords. The derived literals are checked first:
// they are bit tests on the segment's shared literal scan, while keywords
// are a pass over the text.
func (m *patternMatcher) mayMatch(t *Text, pats []*pattern) bool {
	if m.keywords == nil {
		return true
	}
	some := false
	for _, p := range pats {
		if p.mayMatch(t) {
			some = true
			break
		}
	}
	if !some {
		return false
	}
	return m.keywords.in(t.lower())
}

// liveIndex lists, for a rule with many patterns, which of them each
// calls: those searched whole texts (numbered -1), and those whose first
// clause has a hit in the text. Most texts anchor a handful of a large
// rule's hundred patterns, and a loop testing each one's bit was 2 % of
// a corpus scan's instructions; here the text's bits are read a word at
// a time, against the rule's.
type liveIndex struct {
	always []int32   // the patterns numbered -1, in order
	nums   numBits   // the numbers of the others
	byNum  [][]int32 // byNum[k]: the patterns numbered k, in order
}

// minLivePatterns is the rule size from which the index pays.
const minLivePatterns = 16

// newLiveIndex indexes the patterns numbered nums; nil for a small rule.
func newLiveIndex(nums []int32) *liveIndex {
	if len(nums) < minLivePatterns {
		return nil
	}
	x := &liveIndex{nums: newNumBits(nums)}
	x.byNum = written[[]int32](uint64(x.nums.max + 1))
	for i, k := range nums {
		if k < 0 {
			x.always = append(x.always, int32(i))
			continue
		}
		x.byNum[k] = append(x.byNum[k], int32(i))
	}
	return x
}

// patterns appends to out, in order, the indexes of the patterns that
// each's loop would call on the text of lm: those numbered -1 and those
// lm.quiet does not pass over. ok is false when lm cannot answer for
// every pattern (hits not sorted, or patterns newer than its automaton):
// the loop must run.
func (x *liveIndex) patterns(lm *litMemo, out []int32) (_ []int32, ok bool) {
	if x.nums.max >= lm.auto.npats {
		return nil, false
	}
	out = append(out, x.always...)
	if len(lm.hits) == 0 {
		return out, true // every numbered pattern is quiet
	}
	if !lm.sorted {
		return nil, false
	}
	n := len(out)
	for j, w := range x.nums.words {
		for b := lm.anch[w] & x.nums.masks[j]; b != 0; b &= b - 1 {
			out = append(out, x.byNum[int(w)<<6|bits.TrailingZeros64(b)]...)
		}
	}
	if n > 0 && len(out) > n || len(out)-n > 1 {
		slices.Sort(out)
	}
	return out, true
}

// Go's \b is an ASCII word boundary: to it "Á" is no word character, so
// `\b[\p{Lu}]` fails before "Ángel" after a space and `\p{Lu}{3,}\b` stops
// short of "COLIBRÍ"'s last letter. A pattern writes a Unicode boundary as
// the character beside it: boundaryBefore as its first part, boundaryAfter
// as its last (lint's ascii-boundary check asks for them, docs/rule-packs.md).
// The character they take is no part of the finding: the matcher leaves it
// out (boundaries.trim), as it leaves out what a group excludes.
const (
	boundaryBefore = `(?:^|[^\p{L}\p{N}_])`
	boundaryAfter  = `(?:[^\p{L}\p{N}_]|$)`
)

// boundaries says which of boundaryBefore (1) and boundaryAfter (2) a
// pattern opens or ends with: derived once from its source, with the
// pattern's prefilter, not per match.
type boundaries uint8

// boundariesOf reads the boundaries of the pattern src.
func boundariesOf(src string) boundaries {
	src = strings.TrimPrefix(src, "(?i)")
	var b boundaries
	if strings.HasPrefix(src, boundaryBefore) {
		b |= 1
	}
	if strings.HasSuffix(src, boundaryAfter) {
		b |= 2
	}
	return b
}

// trim returns the match [s, e) in text without the character that a
// leading boundaryBefore or a trailing boundaryAfter took (none at the
// edge of the text). The pattern's own first and last characters are
// letters or digits (the check's advice), so a non-word character there
// is the boundary's.
func (b boundaries) trim(text string, s, e int) (int, int) {
	if b&1 != 0 && s < e {
		if r, n := utf8.DecodeRuneInString(text[s:e]); !isWordRune(r) && s+n < e {
			s += n
		}
	}
	if b&2 != 0 && s < e {
		if r, n := utf8.DecodeLastRuneInString(text[s:e]); !isWordRune(r) && s < e-n {
			e -= n
		}
	}
	return s, e
}

// trimBoundaries is trim for the pattern src.
func trimBoundaries(src, text string, s, e int) (int, int) {
	return boundariesOf(src).trim(text, s, e)
}

// isWordRune reports whether r is a word character of the boundaries:
// \p{L}, \p{N} or _.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}
