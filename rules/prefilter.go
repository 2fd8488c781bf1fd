package rules

// Regex prefilters. Go's regexp engine has no DFA: a pattern with a leading
// \b and alternations of words runs its backtracker or NFA from every byte
// of a segment, at well under 1 MB/s for the default packs. Most of those
// runs cannot succeed, and two facts derived once from each pattern's syntax
// tree prove it cheaply:
//
//   - required literals: every match contains one string of each clause
//     (case-folded), e.g. `\bteam\s+of\s+\d+` needs "team" and "of". The
//     literals of every pattern are found in one Aho-Corasick pass over the
//     segment (litscan.go), shared by all rules; a segment lacking a clause
//     is skipped without running the pattern.
//   - the alphabet: the runes any match can consume. `[\w-]+\s+officers`
//     cannot cross a full stop, so matches lie inside runs of alphabet runes,
//     and only the runs holding the required literals are searched, with one
//     rune of context on each side so \b sees what it would see in the full
//     text.
//
// Both are necessary conditions, so the matches found are exactly those of
// re.FindAllStringSubmatchIndex over the whole segment (prefilter_test.go
// checks this against the plain regexp on the drafts and on fuzzed input).
// The context rune also keeps ^ and $ honest: a match can neither contain
// it nor reach past it, so the window's own edges are never tested, and at
// a real edge of the text the window's edge is the text's. Windows are not
// used for a pattern that can match the empty string, which FindAll treats
// specially next to the previous match.
//
// A window (or, for patterns that cannot be windowed, a segment) then goes
// to a lazy DFA (dfa.go) that says whether the pattern matches in it at
// all; only when it does does the regexp run, for the exact matches.

import (
	"math"
	"regexp"
	"regexp/syntax"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"weak"
)

// pattern is a regexp (compiled when first needed) with its prefilter.
type pattern struct {
	re *regex
	*prefilter
}

// prefilter is what the analysis of one regexp found. It holds no
// reference to the regexp, so the registry below can be weak.
type prefilter struct {
	why    string     // "pattern <expr>", built once rather than per match
	bounds boundaries // Unicode boundaries the matcher trims (kind_pattern.go)
	// clauses must all be present; clauses[0] is the most selective and
	// anchors the windows. None: no usable literal, always search.
	clauses []clause
	set     *litSet   // where the clauses' literal IDs are
	num     int32     // the pattern's number in set
	window  bool      // search alphabet runs, not the whole text
	alpha   *alphabet // runes a match can contain (but its tail)
	tail    int       // runes past a run of alpha a match can take
	minLen  int       // fewest runes in a match

	dfaOnce  sync.Once
	revOnce  sync.Once
	dfa      *dfa // built when first needed
	rev      *dfa // reverse, for patterns that cannot match empty
	treeOnce sync.Once
	tree     *syntax.Regexp // the parsed pattern (never changed)
	snap     *snapEntry     // for a pattern analysed ahead of time (snapshot.go)

	startOnce sync.Once
	start     int8 // where every match starts (matchStart), worked out on first use
}

// Where every match of a pattern starts, when its syntax says so: at a
// line's start ((?m)^) or at the text's (^, \A).
const (
	startAnywhere int8 = iota
	startLine
	startText
)

// mustStart returns where every match of the pattern starts. Only a
// pattern whose source opens with ^ or \A after its flags is parsed for
// it (matchStart): a snapshot's patterns are not parsed otherwise.
func (p *prefilter) mustStart() int8 {
	p.startOnce.Do(func() {
		if p.snap != nil && !opensWithStart(p.snap.src) {
			return
		}
		if t := p.parsed(); t != nil {
			p.start = matchStart(t)
		}
	})
	return p.start
}

// opensWithStart reports whether src, past its flag groups ("(?i)",
// "(?m)"), opens with ^ or \A: whether matchStart can find a start.
func opensWithStart(src string) bool {
	for strings.HasPrefix(src, "(?") {
		end := strings.IndexByte(src, ')')
		if end < 0 || strings.ContainsAny(src[2:end], ":()") {
			return false
		}
		src = src[end+1:]
	}
	return strings.HasPrefix(src, "^") || strings.HasPrefix(src, `\A`)
}

// matchStart returns where every match of re starts: at a line's start
// when re opens with (?m)^, at the text's when with ^ or \A (through
// concatenations and groups), else anywhere.
func matchStart(re *syntax.Regexp) int8 {
	for {
		switch re.Op {
		case syntax.OpConcat, syntax.OpCapture:
			if len(re.Sub) == 0 {
				return startAnywhere
			}
			re = re.Sub[0]
		case syntax.OpBeginLine:
			return startLine
		case syntax.OpBeginText:
			return startText
		default:
			return startAnywhere
		}
	}
}

// mayStartIn reports whether a match that must start where start says
// can start in the run [a, b) of src: at the text's start, or after a
// newline at a-1 or inside the run.
func mayStartIn(src string, a, b int, start int8) bool {
	switch {
	case start == startAnywhere || a == 0:
		return true
	case start == startLine:
		return strings.IndexByte(src[a-1:b], '\n') >= 0
	}
	return false
}

// parsed returns the pattern's tree. A pattern analysed ahead of time is
// parsed only here, if ever: the snapshot has its DFAs.
func (p *prefilter) parsed() *syntax.Regexp {
	p.treeOnce.Do(func() {
		if p.tree == nil && p.snap != nil {
			if t, err := syntax.Parse(p.snap.src, syntax.Perl); err == nil {
				p.tree = t
			}
		}
	})
	return p.tree
}

// plainSearch turns the prefilters off, for the test that scans the
// fixtures both ways (equivalence_test.go). Never set outside tests.
var plainSearch bool

// dfas builds the pattern's forward DFA (dfa.go) on first use.
func (p *prefilter) dfas() *dfa {
	p.dfaOnce.Do(func() { p.dfa = p.buildDFA(false) })
	return p.dfa
}

// reverse builds the reverse DFA on first use: only windows the forward
// one says match need it, and in a short run most patterns meet none.
// Patterns that can match empty text have none.
func (p *prefilter) reverse() *dfa {
	p.revOnce.Do(func() {
		if p.minLen > 0 {
			p.rev = p.buildDFA(true)
		}
	})
	return p.rev
}

// buildDFA decodes the DFA from the snapshot, or builds it from the
// pattern's tree; nil if neither can.
func (p *prefilter) buildDFA(reverse bool) *dfa {
	if p.snap != nil {
		if d := p.snap.dfa(reverse); d != nil {
			return d
		}
	}
	t := p.parsed()
	switch {
	case t == nil:
		return nil
	case reverse:
		return newReverseDFA(t)
	default:
		return newDFA(t)
	}
}

// search returns re.FindAllStringSubmatchIndex(s, -1). The DFAs answer
// first (bounds): no match at all (the usual case), or where the first
// match starts and the last one ends; the regexp then runs from one rune
// before that start to one rune after that end. Its results there are the
// whole text's unless a match uses the cut edges, which shows as a match
// starting or ending outside the bounds: then the whole text is searched
// after all.
func (p *pattern) search(s string) [][]int { return p.searchBefore(s, -1, -1, true) }

// searchIndex is search for the matches' bounds alone, without their
// groups (FindAllStringIndex): Go's regexp then tracks two positions per
// thread instead of every group's.
func (p *pattern) searchIndex(s string) [][]int { return p.searchBefore(s, -1, -1, false) }

// regexpAll returns the regexp's matches in s: with their groups when subs
// is set, else their bounds alone.
func (p *pattern) regexpAll(s string, subs bool) [][]int {
	if subs {
		return p.re.FindAllStringSubmatchIndex(s, -1)
	}
	return p.re.FindAllStringIndex(s, -1)
}

// searchBefore is search in a window where no match ends before min nor
// starts at or after stop (-1: none known), which lets the DFAs stop early
// (firstStartAfter, lastEndBefore); with the groups of the matches when
// subs is set, else their bounds alone.
func (p *pattern) searchBefore(s string, min, stop int, subs bool) [][]int {
	a, b, first, last, ok := p.boundsBefore(s, min, stop)
	if !ok {
		return nil
	}
	if a == 0 && b == len(s) {
		return p.regexpAll(s, subs)
	}
	locs := p.regexpAll(s[a:b], subs)
	if len(locs) == 0 || locs[0][0]+a < first || locs[len(locs)-1][1]+a > last {
		return p.regexpAll(s, subs)
	}
	shift(locs, a)
	return locs
}

// boundsBefore returns the part of s, [a, b), the regexp must search, and
// the first match start and last match end the DFAs saw there, where no
// match ends before min nor starts at or after stop (-1: none known); ok is
// false when the DFAs prove there is no match. Without DFAs, for patterns
// that can match empty text (FindAll's rule for those looks at the previous
// match) or when the bounds cover the text, it is the whole of s.
func (p *pattern) boundsBefore(s string, min, stop int) (a, b, first, last int, ok bool) {
	fwd := p.dfas()
	if fwd == nil {
		return 0, len(s), 0, len(s), true
	}
	if p.minLen == 0 {
		return 0, len(s), 0, len(s), fwd.matches(s)
	}
	// One forward pass says both whether there is a match and where the
	// last one ends.
	last = fwd.lastEndBefore(s, stop)
	if last < 0 {
		return 0, 0, 0, 0, false
	}
	rev := p.reverse()
	if rev == nil {
		return 0, len(s), 0, len(s), true
	}
	// No match ends after last, so the reverse pass starts there, with one
	// rune of context for the assertions at last. Cutting the text can
	// only add a match ending at the cut, which moves first earlier: the
	// window grows, it never loses a match.
	_, cut := widen(s, last, last)
	first = rev.firstStartAfter(s[:cut], min)
	a, b = widen(s, first, last)
	if last < first {
		return 0, len(s), 0, len(s), true
	}
	return a, b, first, last, true
}

// widen moves a back and b on by one rune of s each, where there is one.
func widen(s string, a, b int) (int, int) {
	if a > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:a])
		a -= size
	}
	if b < len(s) {
		_, size := utf8.DecodeRuneInString(s[b:])
		b += size
	}
	return a, b
}

// shift adds off to every offset of the matches (-1: a group that did not
// take part stays -1).
func shift(locs [][]int, off int) {
	for _, loc := range locs {
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] += off
			}
		}
	}
}

// clause is a disjunction of literal IDs (litscan.go): one must occur.
type clause struct {
	ids   []int32
	set   []uint64 // ids as a bit set
	words []int32  // the indexes of set's words that are not zero
	lits  []string // for tests and debugging
}

func (c *clause) has(id int32) bool {
	w := int(id / 64)
	return w < len(c.set) && c.set[w]&(1<<(id%64)) != 0
}

// add puts id in the clause, once.
func (c *clause) add(id int32) {
	if c.has(id) {
		return
	}
	c.ids = append(c.ids, id)
	if need := int(id/64) + 1; need > len(c.set) {
		// Grown once: a word at a time, most of the cost of analysing a
		// snapshot's patterns was growing these sets.
		c.set = append(c.set, make([]uint64, need-len(c.set))...)
	}
	if c.set[id/64] == 0 {
		c.words = append(c.words, id/64)
	}
	c.set[id/64] |= 1 << (id % 64)
}

const (
	maxExact   = 64   // largest set of exact strings kept during analysis
	maxClauses = 3    // clauses kept per pattern
	maxScore   = 0.05 // expected hits per byte above which a clause costs more than it saves
	// ... and above which a clause is not worth adding to a first one.
	maxExtraScore = 0.005
)

// The registry analyses patterns in batches. compilePatterns notes each
// pattern it parses; the first search with any of them analyses all that
// were noted, so their literals join one literal set and the automaton is
// built once, instead of once more for every rule met on the first
// segment. Pending entries are weak: a pack nobody uses any more is not
// kept for its patterns. A pattern keeps its prefilter; regexps compiled
// outside the packs (FindAllIndex) have theirs in a map keyed weakly by the
// regexp, which takes its entry with it when it goes.
var registry struct {
	mu       sync.Mutex
	pending  []weak.Pointer[regex]
	external map[weak.Pointer[regexp.Regexp]]*prefilter
}

// notePattern queues a parsed pattern for the next batch.
func notePattern(re *regex) {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if len(registry.pending) >= 4096 {
		// A process that compiles packs without scanning: forget the
		// patterns that are gone.
		registry.pending = slices.DeleteFunc(registry.pending, func(w weak.Pointer[regex]) bool { return w.Value() == nil })
	}
	registry.pending = append(registry.pending, weak.Make(re))
}

// patternOf returns re with its prefilter, analysing re and every pattern
// noted before it if that has not been done.
func patternOf(re *regex) *pattern {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	analyseBatch(re)
	return &pattern{re, re.pf}
}

// analyseBatch analyses re and every pending pattern, in order of their
// text, so that the literal set's IDs do not depend on which pattern a run
// needed first or on the order packs loaded in (they are loaded in
// parallel): the built-in packs alone give the list of literals whose
// automaton prefilters.snap holds. registry.mu is held.
func analyseBatch(re *regex) {
	if re.pf != nil {
		return
	}
	batch := batchOf(re, registry.pending)
	seedSharedSet(batch)
	for _, r := range batch {
		if r.pf == nil {
			r.pf = r.analyse()
		}
	}
	registry.pending = nil
}

// batchOf returns re and the pending patterns not analysed yet, in order
// of their text.
func batchOf(re *regex, pending []weak.Pointer[regex]) []*regex {
	batch := []*regex{re}
	for _, w := range pending {
		if r := w.Value(); r != nil && r.pf == nil && r != re {
			batch = append(batch, r)
		}
	}
	slices.SortStableFunc(batch, func(a, b *regex) int { return strings.Compare(a.src, b.src) })
	return batch
}

// newPattern returns a regexp compiled outside the packs with its
// prefilter, analysed once per regexp.
func newPattern(re *regexp.Regexp) *pattern {
	r := regexOf(re)
	key := weak.Make(re)
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if pf, ok := registry.external[key]; ok {
		r.pf = pf
		return &pattern{r, pf}
	}
	if tree, err := syntax.Parse(r.src, syntax.Perl); err == nil {
		r.tree = tree
	}
	// Its literals get a set of their own: such patterns (the pseudonym
	// markers, once per document) would otherwise scan each text with the
	// automaton of every pack literal, over a thousand, for the one or two
	// they need.
	r.pf = analysePatternIn(r.src, r.tree, newLitSet())
	if registry.external == nil {
		registry.external = map[weak.Pointer[regexp.Regexp]]*prefilter{}
	}
	registry.external[key] = r.pf
	runtime.AddCleanup(re, func(k weak.Pointer[regexp.Regexp]) {
		registry.mu.Lock()
		delete(registry.external, k)
		registry.mu.Unlock()
	}, key)
	return &pattern{r, r.pf}
}

// analyse returns the pattern's prefilter: from the snapshot for a pattern
// of the built-in packs, else from its tree.
func (r *regex) analyse() *prefilter {
	if r.snap != nil {
		p := newPrefilter(r.src)
		p.snap = r.snap
		p.fillWith(&r.snap.analysis, nil, r.snap.litIDs)
		return p
	}
	return analysePattern(r.src, r.tree)
}

// newPrefilter returns the part of a pattern's prefilter its source
// alone gives.
func newPrefilter(src string) *prefilter {
	return &prefilter{why: "pattern " + src, bounds: boundariesOf(src)}
}

// analysePattern derives the prefilter of one pattern from its parse (nil
// when there is none: then every text is searched, which is always
// correct), with its literals in the shared literal set.
func analysePattern(src string, tree *syntax.Regexp) *prefilter {
	return analysePatternIn(src, tree, nil)
}

// analysePatternIn is analysePattern with the literals in ls (nil: the
// shared set).
func analysePatternIn(src string, tree *syntax.Regexp, ls *litSet) *prefilter {
	p := newPrefilter(src)
	if tree == nil {
		return p
	}
	p.tree = tree
	p.fill(analyseTree(tree), ls)
	return p
}

// analysis is what a pattern's syntax says about its matches: all of its
// prefilter but the literal IDs, which belong to the process's literal set.
type analysis struct {
	clauses [][]string // literals, the most selective clause first
	minLen  int
	window  bool
	alpha   *alphabet
	// tail: how many runes past a run of alpha a match can reach (its
	// terminator); 0 for most patterns.
	tail int
}

// analyseTree analyses a parsed pattern.
func analyseTree(tree *syntax.Regexp) *analysis {
	// A head that takes one rune or none, such as a written-out word
	// boundary, (?:^|[^\p{L}\p{N}_]) (kind_pattern.go), takes the rune
	// just before the rest's match: a rune of the run the rest lies in, or
	// the rune of context before it that every window holds. So the rest
	// alone sets the windows; in the full alphabet the head's class would
	// leave no rune to break prose at.
	tree = withoutHead(tree)
	a := &analysis{clauses: chooseClauses(tree)}
	a.minLen = minLen(tree)
	a.alpha = newAlphabet(tree)
	breaks := a.alpha.breaks()
	a.window = len(a.clauses) > 0 && a.minLen > 0 && breaks > 0
	if a.minLen > 0 && breaks < len(breakers) {
		// A phrase rule ends its match on a terminator (a full stop, a
		// bracket) its phrase cannot hold; its windows are the runs of the
		// phrase's own alphabet, stretched over the few runes the
		// terminator can take past them (tail.go), when that alphabet
		// breaks prose at more places than the whole pattern's.
		if core, tail, ok := splitTail(tree, breaks); ok {
			if cl := chooseClauses(core); len(cl) > 0 {
				a.clauses, a.alpha, a.tail, a.window = cl, newAlphabet(core), tail, true
			}
		}
	}
	return a
}

// chooseClauses returns the pattern's most selective clauses of required
// literals, the best first; none when no clause is worth its cost.
func chooseClauses(tree *syntax.Regexp) [][]string {
	// Not simplified: Simplify expands x{2,8} into copies of x, which the
	// analysis would only walk again.
	info := analyse(tree)
	cands := candidates(info)
	type scored struct {
		lits  []string
		score float64
	}
	var best []scored
	for _, c := range cands {
		// Minimising only drops strings, so it cannot rescue a clause
		// that scores too high.
		if clauseScore(c) >= maxScore {
			continue
		}
		c = minimise(c)
		best = append(best, scored{c, clauseScore(c)})
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].score < best[j].score })
	var clauses [][]string
	for _, b := range best {
		if len(clauses) == maxClauses {
			break
		}
		// Every hit of a literal costs the shared scan of each segment;
		// past the first clause, only rare literals earn it.
		if len(clauses) > 0 && b.score >= maxExtraScore {
			break
		}
		if slices.ContainsFunc(clauses, func(c []string) bool { return implies(c, b.lits) }) {
			continue
		}
		clauses = append(clauses, b.lits)
	}
	return clauses
}

// fill sets p from an analysis, interning its literals in ls (nil: the
// shared set).
func (p *prefilter) fill(a *analysis, ls *litSet) { p.fillWith(a, ls, nil) }

// fillWith is fill with the literals' IDs in prefilters.snap's list, when
// known (internLiterals).
func (p *prefilter) fillWith(a *analysis, ls *litSet, canon [][]int32) {
	p.minLen, p.alpha, p.window, p.tail = a.minLen, a.alpha, a.window, a.tail
	if len(a.clauses) == 0 {
		return
	}
	var ids [][]int32
	if ls == nil {
		ls, ids, p.num = internLiterals(a.clauses, canon)
	} else {
		ids, p.num = ls.intern(a.clauses)
	}
	p.set = ls
	p.clauses = make([]clause, len(a.clauses))
	for i := range p.clauses {
		c := &p.clauses[i]
		c.lits = a.clauses[i]
		for _, id := range ids[i] {
			c.add(id)
		}
	}
}

// findAll returns what p.re.FindAllStringSubmatchIndex(t.Src, -1) returns.
func (p *pattern) findAll(t *Text) [][]int { return p.findAllWith(t, true) }

// findAllIndex returns what p.re.FindAllStringIndex(t.Src, -1) returns:
// the matches' bounds, for callers that use no group.
func (p *pattern) findAllIndex(t *Text) [][]int { return p.findAllWith(t, false) }

// findAllWith is findAll, or findAllIndex when subs is not set.
func (p *pattern) findAllWith(t *Text, subs bool) [][]int {
	if plainSearch {
		return p.regexpAll(t.Src, subs)
	}
	var out [][]int
	overlap := false
	p.windows(t, func(lo, hi, min, stop int) {
		locs := p.searchBefore(t.Src[lo:hi], min-lo, stop-lo, subs)
		shift(locs, lo)
		// A tail can reach into the next run: a match there starting
		// before the last one ends is one FindAll would not have found.
		if len(out) > 0 && len(locs) > 0 && locs[0][0] < out[len(out)-1][1] {
			overlap = true
		}
		out = append(out, locs...)
	})
	if overlap {
		return p.searchBefore(t.Src, -1, -1, subs)
	}
	return out
}

// spans calls f with the extent of the matches of p in each window of t:
// from the first offset where a match starts to the last where one ends, as
// the forward and reverse DFAs see them. A pattern without both DFAs (one
// that can match empty text, or whose DFA could not be built) and a window
// whose DFAs disagree fall back on the exact matches of the regexp.
func (p *pattern) spans(t *Text, f func(s, e int)) {
	var fwd, rev *dfa
	if !plainSearch && p.minLen > 0 {
		if fwd = p.dfas(); fwd != nil {
			rev = p.reverse()
		}
	}
	if rev == nil {
		for _, loc := range p.findAllIndex(t) {
			f(loc[0], loc[1])
		}
		return
	}
	p.windows(t, func(lo, hi, min, stop int) {
		s := t.Src[lo:hi]
		last := fwd.lastEndBefore(s, stop-lo)
		if last < 0 {
			return
		}
		_, cut := widen(s, last, last)
		first := rev.firstStartAfter(s[:cut], min-lo)
		if first < 0 || first > last {
			for _, loc := range p.searchIndex(s) {
				f(lo+loc[0], lo+loc[1])
			}
			return
		}
		f(lo+first, lo+last)
	})
}

// windows calls each with the parts of t the pattern must be searched in:
// the whole text, or, for a windowed pattern, each run of alphabet runes
// around a literal of its first clause that holds the other clauses, with
// one rune of context either side. It calls nothing when the literals rule
// out a match. min and stop are where the window's first and last
// literals of the first clause end: every match holds one, so none ends
// before min, nor starts at stop or later (-1 for the whole text). The
// literal that starts a run is the run's first: an earlier one ends
// before the run, or its last rune is not in the alphabet and the run
// cannot reach back past it.
func (p *pattern) windows(t *Text, each func(lo, hi, min, stop int)) {
	src := t.Src
	if len(p.clauses) == 0 || !p.window {
		if p.mayMatch(t) {
			each(0, len(src), -1, -1)
		}
		return
	}
	lm := t.literals(p.set)
	ends := lm.anchored(p.num)
	if len(ends) == 0 {
		return
	}
	for i := 1; i < len(p.clauses); i++ {
		if !lm.anyPresent(&p.clauses[i]) {
			return
		}
	}
	start := p.mustStart()
	done := 0 // runs end at or before done have been searched
	for ei, end := range ends {
		end := int(end)
		if end <= done {
			continue
		}
		// The literal's last rune ends at end; a match holding the
		// literal lies in the run of alphabet runes around it.
		r, size := utf8.DecodeLastRuneInString(src[:end])
		if !p.alpha.has(r) {
			done = end
			continue
		}
		a := p.alpha.runBefore(src, end-size)
		b := p.alpha.runAfter(src, end)
		done = b
		for k := 0; k < p.tail && b < len(src); k++ {
			_, size := utf8.DecodeRuneInString(src[b:])
			b += size
		}
		if b-a < p.minLen {
			continue
		}
		// A run that no line starts in, for a pattern that matches from
		// a line's start only ("(?m)^[ \t]*..."): most runs of such a
		// pattern's alphabet start mid-line.
		if !mayStartIn(src, a, b, start) {
			continue
		}
		if !presentInAll(lm, p.clauses[1:], a, b) {
			continue
		}
		// The last literal of the first clause in the run (the later
		// ones are passed over above, as ending before done).
		stop := end
		for _, e := range ends[ei+1:] {
			if int(e) > b {
				break
			}
			stop = int(e)
		}
		// One rune of context either side: it cannot be part of a match,
		// but \b and \B look at it.
		lo, hi := widen(src, a, b)
		each(lo, hi, end, stop)
	}
}

// presentInAll reports whether each clause has a literal ending in (a, b].
func presentInAll(lm *litMemo, clauses []clause, a, b int) bool {
	for i := range clauses {
		if !lm.presentIn(&clauses[i], a, b) {
			return false
		}
	}
	return true
}

// litInfo is what the analysis knows about a sub-expression. Strings are
// case-folded.
type litInfo struct {
	// exact is every string the node can match; nil when unknown or more
	// than maxExact.
	exact []string
	// Every match starts with one of prefix and ends with one of suffix;
	// {""} when nothing is known.
	prefix, suffix []string
	// clauses: every match contains a string of each.
	clauses [][]string
}

var unknown = []string{""}

// exactInfo is the information of a node that matches exactly set.
func exactInfo(set []string) litInfo {
	return litInfo{exact: set, prefix: set, suffix: set}
}

func analyse(re *syntax.Regexp) litInfo {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exactInfo(unknown)
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			b.WriteRune(foldRune(r))
		}
		return exactInfo([]string{b.String()})
	case syntax.OpCharClass:
		if set := classStrings(re.Rune); set != nil {
			return exactInfo(set)
		}
	case syntax.OpCapture:
		return analyse(re.Sub[0])
	case syntax.OpQuest:
		return optional(analyse(re.Sub[0]))
	case syntax.OpPlus:
		return repeated(analyse(re.Sub[0]))
	case syntax.OpRepeat:
		sub := analyse(re.Sub[0])
		switch {
		case re.Min == 1 && re.Max == 1:
			return sub
		case re.Min == 0 && re.Max == 1:
			return optional(sub)
		case re.Min >= 1:
			return repeated(sub)
		}
	case syntax.OpConcat:
		return concat(re.Sub)
	case syntax.OpAlternate:
		return alternate(re.Sub)
	}
	// OpAnyChar, OpAnyCharNotNL, OpStar, OpNoMatch, large classes: nothing
	// known.
	return litInfo{prefix: unknown, suffix: unknown}
}

// optional is x?: x's exact strings or none.
func optional(sub litInfo) litInfo {
	if sub.exact != nil && len(sub.exact) < maxExact {
		return exactInfo(union(sub.exact, unknown))
	}
	return litInfo{prefix: unknown, suffix: unknown}
}

// repeated is x+ or x{n,m} with n >= 1: at least one x.
func repeated(sub litInfo) litInfo {
	return litInfo{prefix: sub.prefix, suffix: sub.suffix, clauses: candidates(sub)}
}

// concat joins the strings known at each boundary: the suffixes of a node,
// the exact strings of the nodes after it, and the prefixes of the next
// node that is not exact ("team" + \s + "of" are "team", "of"; but
// `\bt(?:wo|en)\s` is {"two", "ten"}).
func concat(subs []*syntax.Regexp) litInfo {
	var info litInfo
	infos := make([]litInfo, len(subs))
	all := true
	for i, sub := range subs {
		infos[i] = analyse(sub)
		info.clauses = append(info.clauses, infos[i].clauses...)
		all = all && infos[i].exact != nil
	}
	addClause := func(c []string) {
		if validClause(c) {
			info.clauses = append(info.clauses, c)
		}
	}
	cur := unknown // strings that end where the next node starts
	for _, si := range infos {
		if si.exact != nil {
			if p := product(cur, si.exact); p != nil {
				cur = p
				continue
			}
			addClause(cur)
			cur = si.exact
			continue
		}
		if p := product(cur, si.prefix); p != nil {
			addClause(p)
		} else {
			addClause(cur)
			addClause(si.prefix)
		}
		cur = si.suffix
	}
	addClause(cur)
	if all {
		info.exact = cur
	}
	// The prefix: exact nodes from the left, then the first other node's
	// prefixes; the suffix likewise from the right.
	info.prefix = unknown
	for _, si := range infos {
		set := si.exact
		if set == nil {
			set = si.prefix
		}
		p := product(info.prefix, set)
		if p == nil {
			break
		}
		info.prefix = p
		if si.exact == nil {
			break
		}
	}
	info.suffix = unknown
	for k := len(infos) - 1; k >= 0; k-- {
		si := infos[k]
		set := si.exact
		if set == nil {
			set = si.suffix
		}
		p := product(set, info.suffix)
		if p == nil {
			break
		}
		info.suffix = p
		if si.exact == nil {
			break
		}
	}
	return info
}

// alternate: a match is one alternative's.
func alternate(subs []*syntax.Regexp) litInfo {
	infos := make([]litInfo, len(subs))
	for i, sub := range subs {
		infos[i] = analyse(sub)
	}
	unite := func(get func(litInfo) []string) []string {
		out := []string{}
		for _, si := range infos {
			set := get(si)
			if set == nil {
				return nil
			}
			out = union(out, set)
			if len(out) > maxExact {
				return nil
			}
		}
		return out
	}
	if exact := unite(func(si litInfo) []string { return si.exact }); exact != nil {
		return exactInfo(exact)
	}
	info := litInfo{
		prefix: unite(func(si litInfo) []string { return si.prefix }),
		suffix: unite(func(si litInfo) []string { return si.suffix }),
	}
	if info.prefix == nil {
		info.prefix = unknown
	}
	if info.suffix == nil {
		info.suffix = unknown
	}
	// Each alternative has its own best clause; a match contains one of
	// their strings.
	var any []string
	for _, si := range infos {
		c := bestClause(candidates(si))
		if c == nil {
			return info
		}
		any = union(any, c)
	}
	info.clauses = [][]string{any}
	return info
}

// candidates are the clauses a node offers, its exact, prefix and suffix
// sets included.
func candidates(info litInfo) [][]string {
	out := slices.Clone(info.clauses)
	for _, c := range [][]string{info.exact, info.prefix, info.suffix} {
		if validClause(c) {
			out = append(out, c)
		}
	}
	return out
}

func validClause(c []string) bool {
	return len(c) > 0 && !slices.Contains(c, "")
}

// bestClause picks the most selective clause. Scores are taken before
// minimising, which only drops strings: close enough to choose by.
func bestClause(cs [][]string) []string {
	var best []string
	bs := math.Inf(1)
	for _, c := range cs {
		if s := clauseScore(c); s < bs {
			best, bs = c, s
		}
	}
	if best == nil {
		return nil
	}
	return minimise(best)
}

// implies reports whether clause a holding makes b hold: each string of a
// contains one of b.
func implies(a, b []string) bool {
	for _, s := range a {
		if !slices.ContainsFunc(b, func(t string) bool { return strings.Contains(s, t) }) {
			return false
		}
	}
	return true
}

// minimise sorts and deduplicates a clause and drops strings that contain
// another of its strings: where they occur, so does the shorter one.
func minimise(c []string) []string {
	c = slices.Clone(c)
	slices.Sort(c)
	c = slices.Compact(c)
	out := c[:0:0]
	for _, s := range c {
		redundant := false
		for _, t := range c {
			if t != s && strings.Contains(s, t) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	return out
}

// clauseScore estimates how many times per byte of English prose one of
// the clause's strings starts: lower is more selective.
func clauseScore(c []string) float64 {
	total := 0.0
	for _, s := range c {
		p := 1.0
		letters := 0
		for i := 0; i < len(s); i++ {
			p *= byteFreq(s[i])
			if s[i] >= 'a' && s[i] <= 'z' {
				letters++
			}
		}
		if commonWords[s] {
			p = max(p, 0.004)
		}
		if letters == 2 && len(s) == 2 {
			// Letter pairs are far commoner than their letters suggest:
			// "in", "at", "as", "he" are words or parts of most words.
			p *= 20
		}
		total += p
	}
	return total
}

// commonWords are frequent enough in stories that the letter model badly
// underrates them.
var commonWords = map[string]bool{
	"the": true, "and": true, "of": true, "to": true, "in": true, "a": true, "is": true,
	"was": true, "for": true, "on": true, "that": true, "with": true, "as": true, "at": true,
	"by": true, "her": true, "his": true, "he": true, "she": true, "it": true, "from": true,
	"be": true, "an": true, "or": true, "we": true, "our": true, "they": true, "had": true,
	"has": true, "were": true, "are": true, "not": true, "but": true, "this": true, "out": true,
	"up": true, "one": true, "two": true, "their": true, "who": true, "said": true,
}

// byteFreq is a rough frequency of a folded byte in English stories.
func byteFreq(b byte) float64 {
	switch {
	case b >= 'a' && b <= 'z':
		return letterFreq[b-'a']
	case b == ' ':
		return 0.16
	case b >= '0' && b <= '9':
		return 0.004
	case b == '\n', b == ',', b == '.':
		return 0.015
	case b >= utf8.RuneSelf:
		return 0.02 // one byte of a multi-byte rune
	}
	return 0.003
}

var letterFreq = [26]float64{
	.065, .012, .022, .034, .102, .018, .016, .055, .056, .001, .006, .033, .020,
	.057, .062, .015, .001, .050, .053, .075, .023, .008, .019, .001, .016, .001,
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func product(a, b []string) []string {
	if len(a)*len(b) > maxExact {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			if s := x + y; !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// classStrings lists the folded runes of a character class, or nil when
// there are too many to be useful.
func classStrings(ranges []rune) []string {
	n := 0
	for i := 0; i < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
		if n > 4*maxExact {
			return nil
		}
	}
	var out []string
	for i := 0; i < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if s := string(foldRune(r)); !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	// A class of letters or of spaces occurs at almost every other byte:
	// it would only multiply the strings around it without making them
	// much rarer.
	if len(out) > maxExact || clauseScore(out) > 0.15 {
		return nil
	}
	return out
}

// minLen is the fewest runes a match of re can have.
func minLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpPlus:
		return minLen(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minLen(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			n += minLen(s)
		}
		return n
	case syntax.OpAlternate:
		n := math.MaxInt
		for _, s := range re.Sub {
			n = min(n, minLen(s))
		}
		return n
	}
	return 0
}

// foldRune maps a rune to one representative of its case-folding orbit (the
// runes (?i) treats as equal), lower case for ASCII letters: K, k and the
// Kelvin sign all become k.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	if 'A' <= m && m <= 'Z' {
		m += 'a' - 'A'
	}
	return m
}

// alphabet is the set of runes a pattern's matches can contain.
type alphabet struct {
	ascii [2]uint64
	// high holds the pattern's classes above ASCII, each a sorted list of
	// inclusive ranges as the parser leaves them; looked up one by one
	// rather than merged, which would cost more than the rare non-ASCII
	// rune's lookups.
	high [][]rune
}

func newAlphabet(re *syntax.Regexp) *alphabet {
	a := &alphabet{}
	var lits []rune // non-ASCII runes of literals and their case variants
	addRange := func(lo, hi rune) {
		for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
			a.ascii[r/64] |= 1 << (r % 64)
		}
	}
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpLiteral:
			for _, r := range re.Rune {
				rs := []rune{r}
				if re.Flags&syntax.FoldCase != 0 {
					for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
						rs = append(rs, f)
					}
				}
				for _, r := range rs {
					if r < utf8.RuneSelf {
						addRange(r, r)
					} else {
						lits = append(lits, r, r)
					}
				}
			}
		case syntax.OpCharClass:
			high := false
			for i := 0; i+1 < len(re.Rune); i += 2 {
				addRange(re.Rune[i], re.Rune[i+1])
				high = high || re.Rune[i+1] >= utf8.RuneSelf
			}
			if high && !slices.ContainsFunc(a.high, func(h []rune) bool { return slices.Equal(h, re.Rune) }) {
				a.high = append(a.high, re.Rune)
			}
		case syntax.OpAnyCharNotNL:
			addRange(0, '\n'-1)
			addRange('\n'+1, utf8.RuneSelf)
			a.high = append(a.high, []rune{utf8.RuneSelf, unicode.MaxRune})
		case syntax.OpAnyChar:
			addRange(0, utf8.RuneSelf)
			a.high = append(a.high, []rune{utf8.RuneSelf, unicode.MaxRune})
		}
		for _, s := range re.Sub {
			walk(s)
		}
	}
	walk(re)
	if len(lits) > 0 {
		slices.Sort(lits)
		a.high = append(a.high, lits) // pairs r, r: sorted ranges
	}
	return a
}

// inASCII reports whether ASCII byte c is in a set of the 128 ASCII
// bytes, one bit each (an alphabet's ascii, asciiMask's result).
func inASCII(set [2]uint64, c byte) bool {
	return set[c>>6]&(1<<(c&63)) != 0
}

// runBefore returns where the run of alphabet runes that ends at i in s
// starts. Runs are often whole clauses, walked again for each pattern:
// ASCII bytes are tested against the alphabet's bits, held in registers.
func (a *alphabet) runBefore(s string, i int) int {
	lo, hi := a.ascii[0], a.ascii[1]
	for i > 0 {
		if c := s[i-1]; c < utf8.RuneSelf {
			set := lo
			if c >= 64 {
				set = hi
			}
			if set&(1<<(c&63)) == 0 {
				break
			}
			i--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !a.has(r) {
			break
		}
		i -= size
	}
	return i
}

// runAfter returns where the run of alphabet runes that starts at i in s
// ends.
func (a *alphabet) runAfter(s string, i int) int {
	lo, hi := a.ascii[0], a.ascii[1]
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			set := lo
			if c >= 64 {
				set = hi
			}
			if set&(1<<(c&63)) == 0 {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !a.has(r) {
			break
		}
		i += size
	}
	return i
}

func (a *alphabet) has(r rune) bool {
	if r < utf8.RuneSelf {
		return inASCII(a.ascii, byte(r))
	}
	for _, h := range a.high {
		// The first range ending at or after r.
		i := sort.Search(len(h)/2, func(i int) bool { return h[2*i+1] >= r })
		if i < len(h)/2 && h[2*i] <= r {
			return true
		}
	}
	return false
}

// breakers are the characters that break prose into pieces.
const breakers = ".,;:!?()\"\n"

// breaks counts the breakers the alphabet leaves out: with none left out,
// searching runs of the alphabet saves no work.
func (a *alphabet) breaks() int {
	n := 0
	for _, c := range breakers {
		if !a.has(c) {
			n++
		}
	}
	return n
}

// mayMatch reports whether every clause occurs somewhere in t.
func (p *pattern) mayMatch(t *Text) bool {
	if len(p.clauses) == 0 {
		return true
	}
	lm := t.literals(p.set)
	for i := range p.clauses {
		if !lm.anyPresent(&p.clauses[i]) {
			return false
		}
	}
	return true
}

// FindAllIndex returns re.FindAllStringSubmatchIndex(s, -1), found with the
// prefilters of this file: literals, alphabet windows and the lazy DFA. For
// engine code outside the rule packs that searches whole files with a fixed
// regexp (pseudonym markers, allow comments).
func FindAllIndex(re *regexp.Regexp, s string) [][]int {
	return newPattern(re).findAll(&Text{Src: s})
}

// withoutHead returns tree without its first part when that part takes one
// rune at most or none (so its literals are no clause) and the rest cannot
// match empty text; else tree.
func withoutHead(tree *syntax.Regexp) *syntax.Regexp {
	if tree.Op != syntax.OpConcat || len(tree.Sub) < 2 || maxRunes(tree.Sub[0]) > 1 || minLen(tree.Sub[0]) > 0 {
		return tree
	}
	rest := &syntax.Regexp{Op: syntax.OpConcat, Flags: tree.Flags, Sub: tree.Sub[1:]}
	if len(tree.Sub) == 2 {
		rest = tree.Sub[1]
	}
	if minLen(rest) == 0 {
		return tree
	}
	return rest
}

// maxRunes returns the most runes a match of re can take, 2 standing for
// two or more.
func maxRunes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return 0
	case syntax.OpLiteral:
		return min(len(re.Rune), 2)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return maxRunes(re.Sub[0])
	case syntax.OpAlternate:
		n := 0
		for _, s := range re.Sub {
			n = max(n, maxRunes(s))
		}
		return n
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			n = min(n+maxRunes(s), 2)
		}
		return n
	case syntax.OpRepeat:
		if re.Max == 0 {
			return 0
		}
		if re.Max == 1 {
			return maxRunes(re.Sub[0])
		}
	}
	return 2 // star, plus, longer repeats
}
