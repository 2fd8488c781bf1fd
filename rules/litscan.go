package rules

import (
	"cmp"
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// The required literals of every pattern prefilter (prefilter.go) are
// interned in a process-wide literal set and found together by one
// Aho-Corasick automaton, so a segment is read once for all rules instead
// of once per rule. The automaton is rebuilt, lazily, when patterns
// compiled later add literals; a Text scanned by an older automaton is
// rescanned when a pattern needs a literal it does not cover. A set that
// has grown large (a process compiling many packs, a fuzzer) is retired:
// later patterns start a new one, and a Text keeps hits per set. Results
// never depend on which automaton found them.
type litSet struct {
	ids  map[string]int32 // guarded by litSetMu
	list []string         // guarded by litSetMu
	// anchors[id] lists the patterns (by their number in the set) whose
	// first clause holds literal id; guarded by litSetMu.
	anchors [][]int32
	// firsts numbers the patterns by their first clause, as a key of its
	// sorted literal IDs: patterns with the same first clause (the ten
	// digits anchor about twenty built-in patterns) share a number, so a
	// text sorts each hit to the clause once, not to each pattern.
	// Guarded by litSetMu.
	firsts map[string]int32
	// seeded: made by seededLitSet, so its first literals are those of
	// prefilters.snap's list, in order; ids is then built on first use.
	seeded bool
	count  atomic.Int32 // literals
	pats   atomic.Int32 // pattern numbers: distinct first clauses
	auto   atomic.Pointer[automaton]
}

const maxSetLiterals = 4096

var (
	litSetMu   sync.Mutex
	currentSet *litSet // guarded by litSetMu
)

// internLiterals gives each literal of a pattern's clauses an ID, all in
// the process's shared literal set, and the pattern its number there.
// canon, when not nil, are the literals' IDs in prefilters.snap's list,
// which a set seeded with that list (seedSharedSet) takes as they are.
func internLiterals(clauses [][]string, canon [][]int32) (*litSet, [][]int32, int32) {
	litSetMu.Lock()
	defer litSetMu.Unlock()
	if canon != nil && currentSet != nil && currentSet.seeded {
		return currentSet, canon, currentSet.number(canon)
	}
	n := 0
	for _, c := range clauses {
		n += len(c)
	}
	if currentSet == nil || len(currentSet.list)+n > maxSetLiterals {
		currentSet = newLitSetSized(sharedSetHint())
	}
	ids, num := currentSet.intern(clauses)
	return currentSet, ids, num
}

func newLitSet() *litSet { return newLitSetSized(0, 0) }

// newLitSetSized returns a set with room for about lits literals and
// pats pattern numbers.
func newLitSetSized(lits, pats int) *litSet {
	return &litSet{ids: make(map[string]int32, lits), firsts: make(map[string]int32, pats),
		list: make([]string, 0, lits), anchors: make([][]int32, 0, lits)}
}

// seedSharedSet makes the shared set the one a run of exactly the
// built-in packs' patterns interns, at once, when batch (in order of
// text, not analysed yet) is those patterns and the shared set is empty:
// its list is prefilters.snap's, and the patterns then take their
// literals' IDs from their snapshot entries (internLiterals) instead of
// looking each of some 9,700 literals up in a map, a twentieth of a
// one-story run's CPU. The IDs are those interning gives
// (TestSeededLitSet). registry.mu is held.
func seedSharedSet(batch []*regex) {
	loadSnapshot()
	auto := snapshot.auto
	if auto == nil {
		return
	}
	distinct := 0
	for i, r := range batch {
		if r.snap == nil || snapshot.entries[r.src] != r.snap || len(r.snap.clauses) > 0 && r.snap.litIDs == nil {
			return
		}
		if i == 0 || r.src != batch[i-1].src {
			distinct++
		}
	}
	if distinct != len(snapshot.entries) {
		return
	}
	litSetMu.Lock()
	defer litSetMu.Unlock()
	if currentSet != nil && (len(currentSet.list) > 0 || currentSet.pats.Load() > 0) {
		return
	}
	currentSet = seededLitSet(auto.lits, len(snapshot.entries))
}

// seededLitSet returns a set holding lits, in order, and no pattern yet;
// pats is about the number of patterns to come.
func seededLitSet(lits []string, pats int) *litSet {
	ls := &litSet{list: slices.Clone(lits), anchors: written[[]int32](uint64(len(lits))),
		firsts: make(map[string]int32, pats), seeded: true}
	ls.count.Store(int32(len(lits)))
	return ls
}

// sharedSetHint is the size of the built-in packs' literal set, from the
// snapshot: the shared set is sized for it once instead of growing its
// maps (rehashing them was a fifth of interning the built-in packs).
func sharedSetHint() (lits, pats int) {
	loadSnapshot()
	if snapshot.auto == nil {
		return 0, 0
	}
	return len(snapshot.auto.lits), len(snapshot.entries)
}

// intern gives each literal of a pattern's clauses an ID in ls, and the
// pattern its number, under which a text keeps the hits of its first
// clause (litMemo.anchored): the number of an earlier pattern with the
// same first clause, else the next. The caller holds litSetMu when ls is
// shared.
func (ls *litSet) intern(clauses [][]string) ([][]int32, int32) {
	if ls.ids == nil {
		// A seeded set (seededLitSet) indexes its literals on first use.
		ls.ids = make(map[string]int32, len(ls.list))
		for id, l := range ls.list {
			ls.ids[l] = int32(id)
		}
	}
	out := make([][]int32, len(clauses))
	for i, c := range clauses {
		out[i] = make([]int32, 0, len(c))
		for _, l := range c {
			id, ok := ls.ids[l]
			if !ok {
				id = int32(len(ls.list))
				ls.ids[l] = id
				ls.list = append(ls.list, l)
				ls.anchors = append(ls.anchors, nil)
			}
			out[i] = append(out[i], id)
		}
	}
	ls.count.Store(int32(len(ls.list)))
	return out, ls.number(out)
}

// number returns the number of a pattern whose clauses have the literal
// IDs ids (intern's second half).
func (ls *litSet) number(ids [][]int32) int32 {
	out := ids
	var first []int32
	if len(out) > 0 {
		first = slices.Clone(out[0])
		slices.Sort(first)
		first = slices.Compact(first)
	}
	key := make([]byte, 0, 4*len(first))
	for _, id := range first {
		key = binary.LittleEndian.AppendUint32(key, uint32(id))
	}
	if num, ok := ls.firsts[string(key)]; ok {
		return num
	}
	num := ls.pats.Load()
	ls.firsts[string(key)] = num
	for _, id := range first {
		ls.anchors[id] = append(ls.anchors[id], num)
	}
	ls.pats.Store(num + 1)
	return num
}

// automaton returns an automaton covering every literal and pattern of the
// set.
func (ls *litSet) automaton() *automaton {
	if a := ls.auto.Load(); a != nil && int32(a.n) == ls.count.Load() && a.npats == ls.pats.Load() {
		return a
	}
	litSetMu.Lock()
	defer litSetMu.Unlock()
	old := ls.auto.Load()
	if old != nil && old.n == len(ls.list) && old.npats == ls.pats.Load() {
		return old
	}
	var a *automaton
	if old != nil && old.n == len(ls.list) {
		// Only patterns were added: the same tables, new anchors.
		c := *old
		a = &c
	} else {
		a = buildAutomaton(ls.list)
	}
	a.npats = ls.pats.Load()
	a.anchorLo = make([]int32, 1, len(ls.anchors)+1)
	a.anchors = nil
	for _, pats := range ls.anchors {
		a.anchors = append(a.anchors, pats...)
		a.anchorLo = append(a.anchorLo, int32(len(a.anchors)))
	}
	ls.auto.Store(a)
	return a
}

// automaton is a dense Aho-Corasick DFA over byte classes of folded text.
type automaton struct {
	n      int // literals covered: IDs 0..n-1
	class  [256]uint16
	ascii  [128]uint16 // class of each ASCII byte, upper case folded
	nclass int
	// next[state*nclass+class]; ^target when literals end there. Small
	// automata (all of the built-in packs') use next16: half the bytes,
	// so more of the table stays in the processor's caches.
	next   []int32
	next16 []int16
	outLo  []int32 // literal IDs ending at state s: outs[outLo[s]:outHi[s]]
	outHi  []int32
	outs   []int32
	// The patterns whose first clause holds literal id are
	// anchors[anchorLo[id]:anchorLo[id+1]], numbered below npats.
	anchorLo []int32
	anchors  []int32
	npats    int32
}

// buildAutomaton returns the automaton of lits: prefilters.snap's when
// lits is the built-in packs' list (automaton_snap.go), else a new one.
func buildAutomaton(lits []string) *automaton {
	if a := snapshotAutomaton(lits); a != nil {
		return a
	}
	return newAutomaton(lits)
}

// automatonClasses returns an automaton of lits with its byte classes set
// and no tables yet.
func automatonClasses(lits []string) *automaton {
	a := &automaton{n: len(lits)}
	// Bytes that occur in literals get their own class; all others share
	// class 0, which always leads back to the root.
	for _, l := range lits {
		for i := 0; i < len(l); i++ {
			if a.class[l[i]] == 0 {
				a.nclass++
				a.class[l[i]] = uint16(a.nclass)
			}
		}
	}
	a.nclass++
	for b := range a.ascii {
		c := byte(b)
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		a.ascii[b] = a.class[c]
	}
	return a
}

// newAutomaton builds the automaton of lits.
func newAutomaton(lits []string) *automaton {
	a := automatonClasses(lits)
	nc := a.nclass
	// The trie: at most one node per literal byte. The root's children
	// by class, every other node's in a list (a few each): a table of a
	// row per node, as the automaton has, was megabytes written once, a
	// fifth of the page faults of a one-story run.
	size := 1
	for _, l := range lits {
		size += len(l)
	}
	own := make([][]int32, size)
	// The trie's edges, by the node they lead to (node 0, the root, has
	// none): where it hangs and on which class; firstKid and sibling
	// chain each node's children (0 ends a chain).
	parent, onClass := make([]int32, size), make([]uint16, size)
	rootKid := make([]int32, nc)
	firstKid, sibling := make([]int32, size), make([]int32, size)
	nstates := 1
	for id, l := range lits {
		s := int32(0)
		for i := 0; i < len(l); i++ {
			c := a.class[l[i]]
			var next int32
			if s == 0 {
				next = rootKid[c]
			} else {
				for k := firstKid[s]; k != 0; k = sibling[k] {
					if onClass[k] == c {
						next = k
						break
					}
				}
			}
			if next == 0 {
				next = int32(nstates)
				parent[next], onClass[next] = s, c
				nstates++
				if s == 0 {
					rootKid[c] = next
				} else {
					firstKid[s], sibling[next] = next, firstKid[s]
				}
			}
			s = next
		}
		own[s] = append(own[s], int32(id))
	}
	// Each node's children, in order of class: kids[kidsLo[s]:kidsLo[s+1]].
	kidsLo := make([]int32, nstates+1)
	for v := 1; v < nstates; v++ {
		kidsLo[parent[v]+1]++
	}
	for s := 1; s <= nstates; s++ {
		kidsLo[s] += kidsLo[s-1]
	}
	kids := make([]int32, nstates-1)
	fill := slices.Clone(kidsLo[:nstates])
	for v := 1; v < nstates; v++ {
		kids[fill[parent[v]]] = int32(v)
		fill[parent[v]]++
	}
	for s := range nstates {
		slices.SortFunc(kids[kidsLo[s]:kidsLo[s+1]], func(x, y int32) int { return cmp.Compare(onClass[x], onClass[y]) })
	}
	tr := trie{own: own, onClass: onClass, kids: kids, kidsLo: kidsLo}
	if nstates <= math.MaxInt16 {
		a.next16 = make([]int16, nstates*nc)
		fillAutomaton(a, a.next16, &tr, nstates)
	} else {
		a.next = make([]int32, nstates*nc)
		fillAutomaton(a, a.next, &tr, nstates)
	}
	return a
}

// trie is the literals' trie: the literals each node ends, and each
// node's children with the class of the edge to each.
type trie struct {
	own          [][]int32
	onClass      []uint16
	kids, kidsLo []int32
}

// fillAutomaton fills the scanning table next from the trie. Breadth
// first: each state's row is its failure state's row (complete, as that
// state is shallower) with the edges to its children written over it, one
// copy a row rather than a test of every entry (three quarters of a
// million for the built-in packs, once a fifth of a one-story run's
// instructions). A target with literals ending there is stored
// complemented, so the scan tests one sign; each state outputs its own
// literals and its failure state's, appended to outs in the order states
// are met.
func fillAutomaton[T int16 | int32](a *automaton, next []T, tr *trie, nstates int) {
	nc := a.nclass
	fail := make([]int32, nstates)
	hasOut := make([]bool, nstates)
	a.outLo = make([]int32, nstates)
	a.outHi = make([]int32, nstates)
	queue := make([]int32, 0, nstates)
	queue = append(queue, 0)
	for head := 0; head < len(queue); head++ {
		u := queue[head]
		f := fail[u]
		a.outLo[u] = int32(len(a.outs))
		a.outs = append(a.outs, tr.own[u]...)
		if u != 0 {
			a.outs = append(a.outs, a.outs[a.outLo[f]:a.outHi[f]]...)
		}
		a.outHi[u] = int32(len(a.outs))
		row := next[int(u)*nc : int(u)*nc+nc]
		if u != 0 {
			copy(row, next[int(f)*nc:int(f)*nc+nc])
		}
		for _, v := range tr.kids[tr.kidsLo[u]:tr.kidsLo[u+1]] {
			c := tr.onClass[v]
			// The failure state of v is where f goes on c; the root's
			// children fail to the root.
			fv := int32(0)
			if u != 0 {
				if fv = int32(row[c]); fv < 0 {
					fv = ^fv
				}
			}
			fail[v] = fv
			hasOut[v] = len(tr.own[v]) > 0 || hasOut[fv]
			if hasOut[v] {
				row[c] = T(^v)
			} else {
				row[c] = T(v)
			}
			queue = append(queue, v)
		}
	}
}

// hit is one occurrence of a literal, by the end offset of its last rune
// in the original text.
type hit struct {
	id  int32
	end int32
}

// litMemo is what a Text remembers about the literals in it.
type litMemo struct {
	arena   *TextArena // the text's (nil: none)
	set     *litSet
	auto    *automaton
	hits    []hit // in order of end
	present []uint64
	// Built on first use (sortHits): bit k of anch is set when pattern
	// number k has hits, rank[w] counts the bits of anch[:w], and the
	// ends of those hits, in order, are ends[endLo[r]:endLo[r+1]] where r
	// is k's rank among the set bits. Compact: a text meets a few of the
	// patterns' first clauses, and a table of all of them for each text
	// was an eighth of a scan's allocations.
	sorted bool
	anch   []uint64
	rank   []int32
	endLo  []int32
	ends   []int32
}

// literals returns the occurrences in t of the literals of ls, scanning t
// on first use. Rules ask it some twenty million times over a corpus of
// 6 MB, almost always for the text's first set, scanned by the set's
// current automaton: that case is small enough to be inlined.
func (t *Text) literals(ls *litSet) *litMemo {
	if m := t.firstLits; m != nil && m.set == ls && m.auto == ls.auto.Load() && m.auto.covers(ls) {
		return m
	}
	return t.scanLiterals(ls)
}

// covers reports whether a, not nil, covers every literal and pattern of
// ls (as automaton checks).
func (a *automaton) covers(ls *litSet) bool {
	return int32(a.n) == ls.count.Load() && a.npats == ls.pats.Load()
}

// scanLiterals is literals' general case.
func (t *Text) scanLiterals(ls *litSet) *litMemo {
	a := ls.automaton()
	if t.memo == nil {
		t.memo = &textMemo{}
	}
	var m *litMemo
	for _, lm := range t.memo.lits {
		if lm.set == ls {
			m = lm
			break
		}
	}
	if m == nil {
		if len(t.memo.lits) == 0 {
			m = &t.memo.first
			t.memo.lits = t.memo.one[:0]
		} else {
			m = &litMemo{}
		}
		m.set, m.arena = ls, t.arena
		t.memo.lits = append(t.memo.lits, m)
		if len(t.memo.lits) == 1 {
			t.firstLits = m
		}
	}
	if m.auto == a {
		return m
	}
	m.auto = a
	m.sorted, m.anch, m.rank, m.endLo, m.ends = false, nil, nil, nil, nil
	m.present = m.arena.uint64s((a.n + 63) / 64)
	if ar := m.arena; ar != nil {
		// Gathered in the arena's buffer, then copied at their size.
		m.hits = ar.scan[:0]
		a.scan(t.Src, m)
		ar.scan = m.hits
		if len(m.hits) == 0 {
			m.hits = nil
		} else {
			m.hits = append(ar.hits.take(len(m.hits), &hitSlabs)[:0], m.hits...)
		}
		return m
	}
	m.hits = m.hits[:0]
	a.scan(t.Src, m)
	return m
}

// scan feeds the case-folded runes of s through the automaton.
func (a *automaton) scan(s string, m *litMemo) {
	if a.next16 != nil {
		scanTable(a, a.next16, s, m)
	} else {
		scanTable(a, a.next, s, m)
	}
}

func scanTable[T int16 | int32](a *automaton, next []T, s string, m *litMemo) {
	// The ASCII loop alone, the rest calls: with a literal's record and
	// the decoding of other runes inlined, the compiler kept the loop's
	// values on the stack and reloaded them at every byte.
	nc, ascii := a.nclass, &a.ascii
	state := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			t := next[state*nc+int(ascii[c])]
			if t >= 0 {
				state = int(t)
				continue
			}
			state = int(^t)
			a.record(m, int32(state), i)
			continue
		}
		i, state = scanRune(a, next, s, i, state, m)
	}
}

// scanRune feeds the rune at s[i], above ASCII, through the automaton in
// state, folded, and returns where the next rune starts and the state.
//
//go:noinline
func scanRune[T int16 | int32](a *automaton, next []T, s string, i, state int, m *litMemo) (int, int) {
	var buf [utf8.UTFMax]byte
	r, size := utf8.DecodeRuneInString(s[i:])
	i += size
	n := utf8.EncodeRune(buf[:], foldRune(r))
	for k := 0; k < n; k++ {
		t := next[state*a.nclass+int(a.class[buf[k]])]
		if t < 0 {
			t = ^t
			a.record(m, int32(t), i)
		}
		state = int(t)
	}
	return i, state
}

// record notes the literals that end at end, where the automaton reached
// state. Not inlined: see scanTable.
//
//go:noinline
func (a *automaton) record(m *litMemo, state int32, end int) {
	for _, id := range a.outs[a.outLo[state]:a.outHi[state]] {
		m.hits = append(m.hits, hit{id, int32(end)})
		m.present[id/64] |= 1 << (id % 64)
	}
}

// anyPresent reports whether one of the clause's literals occurs: its bit
// set against the text's, a word at a time.
func (m *litMemo) anyPresent(c *clause) bool {
	if len(c.ids) <= len(c.words) {
		// No more literals than words of the set: test their bits.
		for _, id := range c.ids {
			if w := int(id / 64); w < len(m.present) && m.present[w]&(1<<(id%64)) != 0 {
				return true
			}
		}
		return false
	}
	// Only the words that hold literals: a rule's gate has literals of
	// many patterns, often in a few of the set's fifty words.
	for _, w := range c.words {
		if int(w) < len(m.present) && c.set[w]&m.present[w] != 0 {
			return true
		}
	}
	return false
}

// presentIn reports whether one of the clause's literals ends in (a, b].
func (m *litMemo) presentIn(c *clause, a, b int) bool {
	i := sort.Search(len(m.hits), func(i int) bool { return int(m.hits[i].end) > a })
	for ; i < len(m.hits) && int(m.hits[i].end) <= b; i++ {
		if c.has(m.hits[i].id) {
			return true
		}
	}
	return false
}

// anchored returns the end offsets of the hits of the first clause of the
// pattern numbered k, in order (an offset twice when two of its literals
// end there).
func (m *litMemo) anchored(k int32) []int32 {
	if len(m.hits) == 0 {
		return nil
	}
	m.sortHits()
	w, bit := k>>6, uint64(1)<<(k&63)
	if m.anch[w]&bit == 0 {
		return nil
	}
	r := m.rank[w] + int32(bits.OnesCount64(m.anch[w]&(bit-1)))
	return m.ends[m.endLo[r]:m.endLo[r+1]]
}

// quiet reports whether the pattern numbered k surely has no hit of its
// first clause: the text has no hits, or they are sorted (sortHits) and
// none anchors k. A pattern newer than the automaton that scanned the
// text, or hits not sorted yet, get false.
func (m *litMemo) quiet(k int32) bool {
	if k >= m.auto.npats {
		return false
	}
	if len(m.hits) == 0 {
		return true
	}
	return m.sorted && m.anch[k>>6]&(1<<(k&63)) == 0
}

// counts is sortHits' scratch: a count per pattern number, all zero
// between uses.
var counts = sync.Pool{New: func() any { return new([]int32) }}

// sortHits sorts every hit to the patterns it anchors, by counting, on
// first use: each text's hits are few, and the patterns without any are
// never looked at.
func (m *litMemo) sortHits() {
	if m.sorted {
		return
	}
	a := m.auto
	cp := counts.Get().(*[]int32)
	if len(*cp) < int(a.npats) {
		*cp = make([]int32, a.npats)
	}
	cnt := *cp
	m.anch = m.arena.uint64s(int(a.npats+63) / 64)
	total := 0
	for _, h := range m.hits {
		for _, k := range a.anchors[a.anchorLo[h.id]:a.anchorLo[h.id+1]] {
			cnt[k]++
			m.anch[k>>6] |= 1 << (k & 63)
			total++
		}
	}
	present := 0
	for _, x := range m.anch {
		present += bits.OnesCount64(x)
	}
	// rank, endLo and ends in one allocation.
	buf := m.arena.int32s(len(m.anch) + present + 1 + total)
	m.rank, buf = buf[:len(m.anch)], buf[len(m.anch):]
	m.endLo, m.ends = buf[:present+1], buf[present+1:]
	present = 0
	for w, x := range m.anch {
		m.rank[w] = int32(present)
		present += bits.OnesCount64(x)
	}
	// In order of number: where each pattern's ends start (endLo), and in
	// cnt where they stop; filled from the back, they are in order, and
	// cnt[k] is left where they start.
	sum, r := int32(0), 0
	for w, x := range m.anch {
		for ; x != 0; x &= x - 1 {
			k := w<<6 | bits.TrailingZeros64(x)
			m.endLo[r] = sum
			sum += cnt[k]
			cnt[k] = sum
			r++
		}
	}
	m.endLo[r] = sum
	for i := len(m.hits) - 1; i >= 0; i-- {
		h := m.hits[i]
		for _, k := range a.anchors[a.anchorLo[h.id]:a.anchorLo[h.id+1]] {
			cnt[k]--
			m.ends[cnt[k]] = h.end
		}
	}
	for w, x := range m.anch {
		for ; x != 0; x &= x - 1 {
			cnt[w<<6|bits.TrailingZeros64(x)] = 0
		}
	}
	counts.Put(cp)
	m.sorted = true
}

// textMemo holds per-segment results shared by every rule that looks at
// the same Text: literal occurrences and allow-pattern matches.
type textMemo struct {
	lits  []*litMemo  // one per literal set, almost always one
	first litMemo     // lits[0], allocated with the memo
	one   [1]*litMemo // lits' array while it holds one
	allow map[*pattern][][]int
}
