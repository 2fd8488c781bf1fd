package rules

import (
	"encoding/binary"
	"regexp/syntax"
	"slices"
	"sync"
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
	prog *syntax.Prog
	// Caches not in use. Not a sync.Pool: that empties at every garbage
	// collection, and the states are the point.
	mu   sync.Mutex
	free []*dfaCache
}

const (
	dfaMaxStates = 2000
	dfaUnknown   = -1 // transition not built yet
	dfaMatch     = -2 // a match ends at or before this point
)

// Classes of the rune before a position, which decide ^ $ \b \B there.
const (
	prevStart uint8 = iota
	prevNewline
	prevWord
	prevOther
)

type dfaState struct {
	pcs  []uint32   // instructions waiting to consume the next rune
	prev uint8      // class of the previous rune
	next [128]int32 // transitions on ASCII runes
}

type dfaCache struct {
	states []*dfaState
	index  map[string]int32
	high   map[uint64]int32 // transitions on non-ASCII runes: state<<32 | rune
	// scratch
	key   []byte
	stack []uint32
	seen  []uint32 // generation marks per instruction
	gen   uint32
	out   []uint32
	cons  []uint32
}

func newDFA(re *syntax.Regexp) *dfa {
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	return &dfa{prog: prog}
}

// matches reports whether the regexp matches somewhere in s.
func (d *dfa) matches(s string) bool {
	d.mu.Lock()
	var c *dfaCache
	if n := len(d.free); n > 0 {
		c, d.free = d.free[n-1], d.free[:n-1]
	}
	d.mu.Unlock()
	if c == nil {
		c = &dfaCache{seen: make([]uint32, len(d.prog.Inst))}
	}
	defer func() {
		d.mu.Lock()
		d.free = append(d.free, c)
		d.mu.Unlock()
	}()
	st := c.state(d, nil, prevStart)
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			next := c.states[st].next[b]
			if next == dfaUnknown {
				var fresh bool
				if next, fresh = c.step(d, st, rune(b)); !fresh {
					c.states[st].next[b] = next
				}
			}
			if next == dfaMatch {
				return true
			}
			st = next
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		k := uint64(st)<<32 | uint64(uint32(r))
		next, ok := c.high[k]
		if !ok {
			var fresh bool
			if next, fresh = c.step(d, st, r); !fresh {
				if c.high == nil {
					c.high = map[uint64]int32{}
				}
				c.high[k] = next
			}
		}
		if next == dfaMatch {
			return true
		}
		st = next
		i += size
	}
	_, matched := c.closure(d, c.states[st], -1)
	return matched
}

func (c *dfaCache) reset() {
	c.states = c.states[:0]
	clear(c.index)
	clear(c.high)
}

// step is the transition from state st on rune r: a match found before r,
// or the state after it. fresh reports that the cache was started again,
// so st no longer names the state it did and the transition is not kept.
func (c *dfaCache) step(d *dfa, st int32, r rune) (next int32, fresh bool) {
	s := c.states[st]
	consumers, matched := c.closure(d, s, r)
	if matched {
		return dfaMatch, false
	}
	c.out = c.out[:0]
	for _, pc := range consumers {
		inst := &d.prog.Inst[pc]
		if inst.MatchRune(r) {
			c.out = append(c.out, inst.Out)
		}
	}
	slices.Sort(c.out)
	c.out = slices.Compact(c.out)
	prev := prevOther
	switch {
	case r == '\n':
		prev = prevNewline
	case syntax.IsWordChar(r):
		prev = prevWord
	}
	if len(c.states) >= dfaMaxStates {
		// Too many states: start the cache again. The next state is
		// rebuilt from its instructions, so the scan goes on where it was.
		out := slices.Clone(c.out)
		c.reset()
		return c.state(d, out, prev), true
	}
	return c.state(d, c.out, prev), false
}

// closure follows the empty transitions from s's instructions and the start
// instruction, at the position between s's previous rune and next (-1 at
// the end of the text). It returns the instructions that consume a rune,
// and whether a match instruction was reached.
func (c *dfaCache) closure(d *dfa, s *dfaState, next rune) ([]uint32, bool) {
	var before rune
	switch s.prev {
	case prevStart:
		before = -1
	case prevNewline:
		before = '\n'
	case prevWord:
		before = 'a'
	default:
		before = ' '
	}
	flags := syntax.EmptyOpContext(before, next)
	c.gen++
	if c.gen == 0 {
		clear(c.seen)
		c.gen = 1
	}
	c.stack = append(c.stack[:0], uint32(d.prog.Start))
	c.stack = append(c.stack, s.pcs...)
	consumers := c.cons[:0]
	matched := false
	for len(c.stack) > 0 {
		pc := c.stack[len(c.stack)-1]
		c.stack = c.stack[:len(c.stack)-1]
		if c.seen[pc] == c.gen {
			continue
		}
		c.seen[pc] = c.gen
		inst := &d.prog.Inst[pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			c.stack = append(c.stack, inst.Out, inst.Arg)
		case syntax.InstCapture, syntax.InstNop:
			c.stack = append(c.stack, inst.Out)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(inst.Arg)&^flags == 0 {
				c.stack = append(c.stack, inst.Out)
			}
		case syntax.InstMatch:
			matched = true
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			consumers = append(consumers, pc)
		}
	}
	c.cons = consumers
	return consumers, matched
}

// state returns the index of the state with these pending instructions.
func (c *dfaCache) state(d *dfa, pcs []uint32, prev uint8) int32 {
	c.key = append(c.key[:0], prev)
	for _, pc := range pcs {
		c.key = binary.LittleEndian.AppendUint32(c.key, pc)
	}
	if i, ok := c.index[string(c.key)]; ok {
		return i
	}
	s := &dfaState{pcs: slices.Clone(pcs), prev: prev}
	for i := range s.next {
		s.next[i] = dfaUnknown
	}
	if c.index == nil {
		c.index = map[string]int32{}
	}
	i := int32(len(c.states))
	c.states = append(c.states, s)
	c.index[string(c.key)] = i
	return i
}
