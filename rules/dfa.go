package rules

import (
	"regexp/syntax"
	"slices"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// A lazy DFA that answers one question fast: does a pattern match anywhere
// in a text? Go's regexp simulates its NFA afresh at every byte; most
// windows the prefilter leaves contain no match at all, and for those the
// DFA's answer, read from cached transitions at a few nanoseconds a byte,
// saves running the regexp. Only texts the DFA says match go to the regexp
// for the exact leftmost-first matches and groups.
//
// States are sets of NFA instructions (from regexp/syntax, so the language
// is exactly the regexp's) plus what the assertions need to know about the
// previous rune. The start instruction joins every state, which makes the
// search unanchored. States are built as the texts need them and cached, one
// cache per concurrent user, with a cap: a cache that grows too large starts
// again.
type dfa struct {
	prog *program
	// ASCII bytes that no instruction or assertion tells apart share a
	// class, and the transition tables have a column per class, not per
	// byte: the tables of the long operational patterns then stay in the
	// processor's caches.
	class [128]uint8
	shift uint // log2 of the row width, a power of two >= the classes
	// Caches not in use. Not a sync.Pool: that empties at every garbage
	// collection, and the states are the point. Every window of a scan
	// takes one and gives it back, almost always with no other scan of the
	// pattern running: one cache waits in idle, taken and returned without
	// a lock; the rest, if ever more are needed, wait in free.
	idle atomic.Pointer[dfaCache]
	mu   sync.Mutex
	free []*dfaCache
}

const (
	// Fits the int16 transitions below the match bit. The largest
	// operational patterns build a few thousand states over real drafts;
	// a cap of 2,000 made their caches start again over and over.
	dfaMaxStates = 6000
	dfaUnknown   = -1      // transition not built yet
	dfaMatchBit  = 1 << 14 // in a transition: a match ends just before the rune
	// In a transition of a cache that skips (dfaCache.skip): the next
	// state is idle, no thread pending.
	dfaIdleBit = 1 << 13
)

// Classes of the rune before a position, which decide ^ $ \b \B there.
const (
	prevStart uint8 = iota
	prevNewline
	prevWord
	prevOther
)

// prevClass is the class of rune r as the rune before a position.
func prevClass(r rune) uint8 {
	switch {
	case r == '\n':
		return prevNewline
	case syntax.IsWordChar(r):
		return prevWord
	}
	return prevOther
}

// prevRune stands for a class of previous rune, as syntax.EmptyOpContext
// reads it.
func prevRune(prev uint8) rune {
	switch prev {
	case prevStart:
		return -1
	case prevNewline:
		return '\n'
	case prevWord:
		return 'a'
	}
	return ' '
}

type dfaState struct {
	pcs  []uint32 // instructions waiting to consume the next rune
	prev uint8    // class of the previous rune
}

const (
	eotNo uint8 = iota + 1
	eotYes
)

type dfaCache struct {
	states []dfaState
	ascii  []int16 // transitions on ASCII runes: ascii[state<<shift|class[r]]
	// index finds a state by its instructions: index[h] is the last state
	// built whose key hashes to h (stateHash), chain[st] the one before
	// st with the same hash, or -1. Building states was a third of a
	// one-story run, much of it a map keyed by strings, which cost a
	// string, a copy of the instructions and a state object per state;
	// the states' instructions now share one array (pcs).
	index map[uint64]int32
	chain []int32
	pcs   []uint32
	high  map[uint64]int32 // transitions on non-ASCII runes: state<<32 | rune
	start int32            // the state every scan starts in, or -1
	// eot[st]: whether a match ends at the end of the text in state st, 0
	// not known yet, else eotNo or eotYes. Every scan asks this once, and
	// the closure behind the answer walks the whole program of a long
	// pattern. Beside states rather than in them: the answer is then one
	// load, not a pointer to follow to a state the scan never read.
	eot []uint8
	// bare[st]: state st has no instruction pending (lastEndBefore).
	bare []bool
	// Skipping idle stretches (skip.go), forward scans only: once the
	// first forward scan has set skip up, a transition into an idle state
	// carries dfaIdleBit and idle[prev] caches those states.
	skip    *dfaSkip
	forward int // bytes read forwards before skip was set up
	idle    [4]int32
	// scratch
	stack []uint32
	seen  []uint32 // generation marks per instruction
	gen   uint32
	out   []uint32
	cons  []uint32
	// What the start instruction reaches, by the flags of the position
	// (syntax.EmptyOp), in the order met; kept when the cache starts
	// again. A list, not a table by flags: a scan meets a handful of the
	// 64, and a one-story run has hundreds of caches.
	starts []*startFollowed
}

func newDFA(re *syntax.Regexp) *dfa {
	prog := compileProgram(re)
	if prog == nil {
		return nil
	}
	d := &dfa{prog: prog}
	d.classify()
	return d
}

// classify splits the ASCII bytes into classes: two bytes share one when
// every rune instruction matches both or neither and the assertions (\b,
// ^, $) see them alike.
func (d *dfa) classify() {
	var masks [][2]uint64
	seen := map[[2]uint64]bool{}
	for pc := range uint32(d.prog.len()) {
		switch op, _, _, _ := d.prog.inst(pc); op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		default:
			continue
		}
		if m := asciiMask(d.prog.instRunes(pc)); !seen[m] {
			seen[m] = true
			masks = append(masks, m)
		}
	}
	var word, nl [2]uint64
	for b := range rune(utf8.RuneSelf) {
		if syntax.IsWordChar(b) {
			word[b/64] |= 1 << (b % 64)
		}
	}
	nl[0] = 1 << '\n'
	masks = append(masks, word, nl)
	n := 1
	for _, m := range masks {
		// Refine: each class splits into the bytes in m and those not.
		var split [256]int16
		for i := range split {
			split[i] = -1
		}
		next := 0
		for b := range utf8.RuneSelf {
			k := int(d.class[b]) << 1
			if m[b/64]&(1<<(b%64)) != 0 {
				k |= 1
			}
			if split[k] < 0 {
				split[k] = int16(next)
				next++
			}
			d.class[b] = uint8(split[k])
		}
		n = next
	}
	for 1<<d.shift < n {
		d.shift++
	}
}

// newReverseDFA returns the DFA of re read backwards: run over a text from
// its end, it finds where matches of re start.
func newReverseDFA(re *syntax.Regexp) *dfa {
	return newDFA(reverseRegexp(re))
}

// reverseRegexp returns re for reversed text: concatenations and literals
// in reverse order, beginnings and ends of lines and text swapped (\b and
// \B read the same both ways).
func reverseRegexp(re *syntax.Regexp) *syntax.Regexp {
	r := &syntax.Regexp{Op: re.Op, Flags: re.Flags, Min: re.Min, Max: re.Max, Cap: re.Cap, Name: re.Name}
	switch re.Op {
	case syntax.OpLiteral:
		r.Rune = slices.Clone(re.Rune)
		slices.Reverse(r.Rune)
	case syntax.OpCharClass:
		r.Rune = re.Rune
	case syntax.OpBeginLine:
		r.Op = syntax.OpEndLine
	case syntax.OpEndLine:
		r.Op = syntax.OpBeginLine
	case syntax.OpBeginText:
		r.Op = syntax.OpEndText
	case syntax.OpEndText:
		r.Op = syntax.OpBeginText
	}
	for _, sub := range re.Sub {
		r.Sub = append(r.Sub, reverseRegexp(sub))
	}
	if re.Op == syntax.OpConcat {
		slices.Reverse(r.Sub)
	}
	return r
}

// asciiMask returns the ASCII runes a rune instruction accepts (its rune
// list, folded when fold is set), read from its ranges (a start-up cost:
// asking MatchRune about each byte took longer than compiling the pattern).
func asciiMask(rs []rune, fold bool) (m [2]uint64) {
	set := func(r rune) {
		if 0 <= r && r < utf8.RuneSelf {
			m[r/64] |= 1 << (r % 64)
		}
	}
	if len(rs) == 1 {
		// A literal rune, folded when the flag says so (as MatchRune).
		r0 := rs[0]
		set(r0)
		if fold {
			for r1 := unicode.SimpleFold(r0); r1 != r0; r1 = unicode.SimpleFold(r1) {
				set(r1)
			}
		}
		return m
	}
	for i := 0; i+1 < len(rs); i += 2 {
		for r := max(rs[i], 0); r <= rs[i+1] && r < utf8.RuneSelf; r++ {
			set(r)
		}
	}
	return m
}

func (d *dfa) get() *dfaCache {
	if c := d.idle.Swap(nil); c != nil {
		return c
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if n := len(d.free); n > 0 {
		c := d.free[n-1]
		d.free = d.free[:n-1]
		return c
	}
	return &dfaCache{seen: written[uint32](uint64(d.prog.len())), start: -1, idle: [4]int32{-1, -1, -1, -1}}
}

func (d *dfa) put(c *dfaCache) {
	if d.idle.CompareAndSwap(nil, c) {
		return
	}
	d.mu.Lock()
	d.free = append(d.free, c)
	d.mu.Unlock()
}

// matches reports whether the regexp matches somewhere in s.
func (d *dfa) matches(s string) bool {
	return d.scan(s, false, true, -1) >= 0
}

// lastEnd returns the largest offset in s at which a match ends, or -1.
func (d *dfa) lastEnd(s string) int {
	return d.scan(s, false, false, -1)
}

// lastEndBefore is lastEnd for a pattern that cannot match empty text, in
// an s where no match starts at or after stop: a window whose last literal
// of the pattern's first clause ends at stop, which every match holds.
// Past stop the scan ends at the first state with no thread pending, for
// no later match can start: it need not read the rest of the window (two
// fifths of the windows' bytes over a corpus lie after their last anchor).
func (d *dfa) lastEndBefore(s string, stop int) int {
	return d.scan(s, false, false, stop)
}

// firstStart returns, for a reverse DFA, the smallest offset in s at which
// a match of the forward regexp starts, or -1.
func (d *dfa) firstStart(s string) int {
	return d.scan(s, true, false, -1)
}

// firstStartAfter is firstStart for a pattern that cannot match empty
// text, in an s where no match ends before min: a window whose first
// literal of the pattern's first clause ends at min, which every match
// holds. Reading backwards, a thread starts where its forward match would
// end, so below min none can lead to a match: the scan ends at the first
// state there with no thread pending, and need not read the rest of the
// window (lastEndBefore, the other way round).
func (d *dfa) firstStartAfter(s string, min int) int {
	return d.scan(s, true, false, min)
}

// scan runs the DFA over s, forwards or backwards, and returns the offset
// at which the first match is seen (first) or the last one (else), or -1.
// Offsets are of positions between runes, where a match ends (reading
// forwards) or starts (backwards). A forward scan for the last match with
// stop >= 0 ends early past stop (lastEndBefore); a backward one, below
// stop (firstStartAfter).
func (d *dfa) scan(s string, backward, first bool, stop int) int {
	c := d.get()
	defer d.put(c)
	found := -1
	// Masked: the compiler then knows the shift is below 64 and drops the
	// guard it would put on the hot loops' chain at every byte.
	shift, class := d.shift&63, &d.class
	if c.start < 0 {
		c.start = c.state(d, nil, prevStart)
	}
	// Working out the stop bytes costs tens of microseconds a DFA, more
	// than a short story's scan saves: a cache sets skipping up once its
	// forward scans have read skipAfter bytes, and then marks the idle
	// transitions it has built so far (markIdle).
	if !backward && c.skip == nil {
		if c.forward += len(s); c.forward >= skipAfter {
			c.skip = d.newSkip(c)
			if c.skip.on {
				c.markIdle()
			}
		}
	}
	st := c.start
	i := 0
	if backward {
		i = len(s)
	}
	// The fast loop runs to lim; past it, a scan with a stop looks for a
	// state with no thread pending at every byte.
	lim := len(s)
	if stop >= 0 && stop < len(s) && !backward && !first {
		lim = stop
	}
	// Backwards, the fast loop runs down to blim, below stop.
	blim := 0
	if stop > 0 && stop <= len(s) && backward && !first {
		blim = stop - 1
	}
	for {
		// The common case: ASCII forwards through built transitions. The
		// table in a local: the compiler would load it from c at every
		// byte (only the slow path below can grow it).
		ascii := c.ascii
		if !backward {
			cur := int(st) // one sign extension a byte, not two
			for i < lim && s[i] < utf8.RuneSelf {
				next := ascii[cur<<shift|int(class[s[i]])]
				if uint16(next) >= dfaIdleBit { // unknown (negative), match or idle
					break
				}
				cur = int(next)
				i++
			}
			if i >= lim && lim < len(s) {
				// Past stop: no match starts here or later, and in a state
				// with no thread pending none is under way, nor ends here
				// (the pattern cannot match empty text). The last end
				// seen is the last.
				bare := c.bare
				for !bare[cur] {
					if i >= len(s) || s[i] >= utf8.RuneSelf {
						break
					}
					next := ascii[cur<<shift|int(class[s[i]])]
					if uint16(next) >= dfaIdleBit {
						break
					}
					cur = int(next)
					i++
				}
				if bare[cur] {
					return found
				}
			}
			st = int32(cur)
		} else {
			cur := int(st)
			for i > blim && s[i-1] < utf8.RuneSelf {
				next := ascii[cur<<shift|int(class[s[i-1]])]
				if uint16(next) >= dfaIdleBit {
					break
				}
				cur = int(next)
				i--
			}
			if i <= blim && blim > 0 {
				// Below stop: no match ends here or earlier, and in a
				// state with no thread pending none is under way. The
				// first start seen is the first.
				bare := c.bare
				for !bare[cur] {
					if i <= 0 || s[i-1] >= utf8.RuneSelf {
						break
					}
					next := ascii[cur<<shift|int(class[s[i-1]])]
					if uint16(next) >= dfaIdleBit {
						break
					}
					cur = int(next)
					i--
				}
				if bare[cur] {
					return found
				}
			}
			st = int32(cur)
		}
		var r rune
		var size int
		switch {
		case backward && i > 0:
			r, size = utf8.DecodeLastRuneInString(s[:i])
		case !backward && i < len(s):
			r, size = utf8.DecodeRuneInString(s[i:])
		default:
			if c.matchesAtEnd(d, st) {
				found = i
			}
			return found
		}
		var next int32
		if r < utf8.RuneSelf {
			next = int32(c.ascii[int(st)<<shift|int(class[r])])
			if next == dfaUnknown {
				var fresh bool
				if next, fresh = c.step(d, st, r); !fresh {
					c.ascii[int(st)<<shift|int(class[r])] = int16(next)
				}
			}
		} else {
			k := uint64(st)<<32 | uint64(uint32(r))
			var ok bool
			if next, ok = c.high[k]; !ok {
				var fresh bool
				if next, fresh = c.step(d, st, r); !fresh {
					if c.high == nil {
						c.high = map[uint64]int32{}
					}
					c.high[k] = next
				}
			}
		}
		if next&dfaMatchBit != 0 {
			found = i
			if first {
				return found
			}
		}
		st = next &^ (dfaMatchBit | dfaIdleBit)
		if backward {
			i -= size
		} else {
			i += size
			if next&dfaIdleBit != 0 {
				i, st = c.skipIdle(d, s, i, st)
			}
		}
	}
}

// matchesAtEnd reports whether a match ends at the end of the text when
// the scan is in state st there.
func (c *dfaCache) matchesAtEnd(d *dfa, st int32) bool {
	if c.eot[st] == 0 {
		c.eot[st] = eotNo
		if _, matched := c.closure(d, &c.states[st], -1); matched {
			c.eot[st] = eotYes
		}
	}
	return c.eot[st] == eotYes
}

// markIdle sets dfaIdleBit on the built transitions into idle states (no
// instruction pending), as step sets it on the ones it builds once
// skipping is on. Those built before are the commonest: the first 16 KB
// of scans built the transitions that prose takes, and left unmarked,
// the patterns that wait for a rare byte (a T, a capital, a rune above
// ASCII) went on reading every byte through the tables.
func (c *dfaCache) markIdle() {
	idle := func(next int32) bool {
		return c.bare[next&^(dfaMatchBit|dfaIdleBit)]
	}
	for i, next := range c.ascii {
		if next >= 0 && idle(int32(next)) {
			c.ascii[i] = next | dfaIdleBit
		}
	}
	for k, next := range c.high {
		if idle(next) {
			c.high[k] = next | dfaIdleBit
		}
	}
}

func (c *dfaCache) reset() {
	c.states = c.states[:0]
	c.eot = c.eot[:0]
	c.bare = c.bare[:0]
	c.ascii = c.ascii[:0]
	c.chain = c.chain[:0]
	c.pcs = nil // the caller may still hold a state's instructions
	c.start = -1
	c.idle = [4]int32{-1, -1, -1, -1}
	clear(c.index)
	clear(c.high)
}

// step is the transition from state st on rune r: the state after it, with
// dfaMatchBit set when a match ends before r. fresh reports that the cache was started again,
// so st no longer names the state it did and the transition is not kept.
func (c *dfaCache) step(d *dfa, st int32, r rune) (next int32, fresh bool) {
	s := &c.states[st] // read before state below appends to c.states
	// The state's own instructions, then the start instruction's, whose
	// successors on an ASCII rune are the same for every state and are
	// worked out once per flags and byte class (startFollowed.on). An
	// instruction both reach adds its successor twice; Compact drops it.
	flags := syntax.EmptyOpContext(prevRune(s.prev), r)
	start := c.startClosure(d, flags)
	consumers, matched := c.follow(d, s.pcs, flags, c.cons[:0])
	c.cons = consumers
	var bit int32
	if matched || start.matched {
		bit = dfaMatchBit
	}
	c.out = c.out[:0]
	for _, pc := range consumers {
		if next, ok := d.prog.accepts(pc, r); ok {
			c.out = append(c.out, next)
		}
	}
	c.out = start.on(d, r, c.out)
	slices.Sort(c.out)
	c.out = slices.Compact(c.out)
	if len(c.out) == 0 && c.skip != nil && c.skip.on {
		bit |= dfaIdleBit
	}
	prev := prevClass(r)
	if len(c.states) >= dfaMaxStates {
		// Too many states: start the cache again. The next state is
		// rebuilt from its instructions, so the scan goes on where it was.
		out := slices.Clone(c.out)
		c.reset()
		return c.state(d, out, prev) | bit, true
	}
	return c.state(d, c.out, prev) | bit, false
}

// closure follows the empty transitions from s's instructions and the start
// instruction, at the position between s's previous rune and next (-1 at
// the end of the text). It returns the instructions that consume a rune,
// and whether a match instruction was reached.
func (c *dfaCache) closure(d *dfa, s *dfaState, next rune) ([]uint32, bool) {
	flags := syntax.EmptyOpContext(prevRune(s.prev), next)
	// Following the empty transitions is a union over the instructions
	// it starts from: the start instruction's share, the same for every
	// state at these flags and often most of the work (an unanchored
	// pattern's first instructions), is followed once per cache and
	// flags, then merged with what the state's own instructions reach.
	start := c.startClosure(d, flags)
	consumers, matched := c.follow(d, s.pcs, flags, c.cons[:0])
	for _, pc := range start.cons {
		if c.seen[pc] != c.gen {
			c.seen[pc] = c.gen
			consumers = append(consumers, pc)
		}
	}
	c.cons = consumers
	return consumers, matched || start.matched
}

// startFollowed is what the start instruction reaches at some flags.
type startFollowed struct {
	flags   syntax.EmptyOp
	matched bool
	cons    []uint32
	// The successors of the instructions of cons that accept the ASCII
	// bytes of class k are succ[lo:lo+n], span[k] = lo<<32 | n+1; 0 until
	// first asked. Packed: hundreds of caches hold a few of these each,
	// and a slice per class made a one-story run touch megabytes more.
	span []uint64
	succ []uint32
}

// on appends to out the successors of the instructions of f.cons that
// accept r.
func (f *startFollowed) on(d *dfa, r rune, out []uint32) []uint32 {
	if r < 0 || r >= utf8.RuneSelf {
		for _, pc := range f.cons {
			if next, ok := d.prog.accepts(pc, r); ok {
				out = append(out, next)
			}
		}
		return out
	}
	if f.span == nil {
		f.span = written[uint64](1 << d.shift)
	}
	k := d.class[r]
	if f.span[k] == 0 {
		lo := len(f.succ)
		for _, pc := range f.cons {
			if next, ok := d.prog.accepts(pc, r); ok {
				f.succ = append(f.succ, next)
			}
		}
		f.span[k] = uint64(lo)<<32 | uint64(len(f.succ)-lo+1)
	}
	lo, n := int(f.span[k]>>32), int(uint32(f.span[k]))-1
	return append(out, f.succ[lo:lo+n]...)
}

// startClosure returns the rune instructions and match the start
// instruction reaches at flags, followed on first use.
func (c *dfaCache) startClosure(d *dfa, flags syntax.EmptyOp) *startFollowed {
	for _, f := range c.starts {
		if f.flags == flags {
			return f
		}
	}
	f := &startFollowed{flags: flags}
	f.cons, f.matched = c.follow(d, []uint32{d.prog.start}, flags, nil)
	c.starts = append(c.starts, f)
	return f
}

// follow appends to consumers the rune instructions reached from pcs by
// empty transitions at flags, and reports whether a match instruction is
// reached. The instructions seen stay marked with c.gen until the next
// call.
func (c *dfaCache) follow(d *dfa, pcs []uint32, flags syntax.EmptyOp, consumers []uint32) ([]uint32, bool) {
	c.gen++
	if c.gen == 0 {
		clear(c.seen)
		c.gen = 1
	}
	// Locals, and each instruction's fields read in place (program.inst
	// is too large to inline): this loop runs for every instruction of
	// every new state, most of the work of a one-story run's DFAs.
	stack := append(c.stack[:0], pcs...)
	seen, gen, code := c.seen, c.gen, d.prog.code
	matched := false
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] == gen {
			continue
		}
		seen[pc] = gen
		i := int(pc) * progInstSize
		_ = code[i+progInstSize-1]
		op := syntax.InstOp(code[i])
		out := le32(code[i+4:])
		switch op {
		case syntax.InstAlt, syntax.InstAltMatch:
			arg := le32(code[i+8:])
			stack = append(stack, out, arg)
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, out)
		case syntax.InstEmptyWidth:
			arg := le32(code[i+8:])
			if syntax.EmptyOp(arg)&^flags == 0 {
				stack = append(stack, out)
			}
		case syntax.InstMatch:
			matched = true
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			consumers = append(consumers, pc)
		}
	}
	c.stack = stack
	return consumers, matched
}

// state returns the index of the state with these pending instructions.
func (c *dfaCache) state(d *dfa, pcs []uint32, prev uint8) int32 {
	h := stateHash(pcs, prev)
	first, ok := c.index[h]
	if ok {
		for i := first; i >= 0; i = c.chain[i] {
			if s := &c.states[i]; s.prev == prev && slices.Equal(s.pcs, pcs) {
				return i
			}
		}
	} else {
		first = -1
	}
	// Full slice expression: a later state's instructions never write
	// over these.
	lo := len(c.pcs)
	c.pcs = append(c.pcs, pcs...)
	c.ascii = append(c.ascii, unknownRow[:1<<d.shift]...)
	if c.index == nil {
		c.index = map[uint64]int32{}
	}
	i := int32(len(c.states))
	c.states = append(c.states, dfaState{pcs: c.pcs[lo:len(c.pcs):len(c.pcs)], prev: prev})
	c.eot = append(c.eot, 0)
	c.bare = append(c.bare, len(pcs) == 0)
	c.chain = append(c.chain, first)
	c.index[h] = i
	return i
}

// unknownRow is a row of transitions not built yet, as wide as the widest
// (128 classes at most: the ASCII bytes).
var unknownRow = func() (row [utf8.RuneSelf]int16) {
	for i := range row {
		row[i] = dfaUnknown
	}
	return row
}()

// stateHash hashes a state's key: its previous rune's class and its
// instructions. Equal keys hash alike; the index tells unequal ones apart.
// A variable for the test that makes every key collide.
var stateHash = hashStateKey

func hashStateKey(pcs []uint32, prev uint8) uint64 {
	h := uint64(prev) + 1
	for _, pc := range pcs {
		h = (h ^ uint64(pc)) * 0x9e3779b97f4a7c15
		h ^= h >> 29
	}
	return h ^ uint64(len(pcs))<<56
}
