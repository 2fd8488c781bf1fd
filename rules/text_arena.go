package rules

import "sync"

// TextArena hands out the token arrays of texts that all die together (a
// batch of documents) from slabs it reuses: the tokens were the largest
// thing a scan allocated, about a sixth of its bytes, and each collection
// the collector runs is paid for by the bytes allocated since the last.
// The zero value is ready to use; a nil *TextArena allocates as NewText.
//
// The arena also hands out what rules remember about its texts that holds
// no pointer: the token hashes, the literal hits and their bit sets and
// indexes (litMemo). Those were a fifth of a corpus scan's bytes and a
// quarter of its allocations, most of them hits appended one at a time.
type TextArena struct {
	slabs []*tokenSlab
	free  []Token // the rest of the last slab

	words slabs[uint64]
	ints  slabs[int32]
	hits  slabs[hit]
	// scan is where a text's literal hits are gathered before they are
	// copied to hits at their final size.
	scan []hit
}

// tokenSlab is a slab's tokens; texts longer than a slab get their own.
type tokenSlab [slabTokens]Token

const slabTokens = 4096

var slabPool = sync.Pool{New: func() any { return new(tokenSlab) }}

// NewText is NewText with the tokens taken from the arena.
func (a *TextArena) NewText(src, scope string) *Text { return newText(src, scope, a) }

// tokens returns n zeroed tokens.
func (a *TextArena) tokens(n int) []Token {
	if a == nil || n > slabTokens/4 {
		return make([]Token, n)
	}
	if n > len(a.free) {
		s := slabPool.Get().(*tokenSlab)
		a.slabs = append(a.slabs, s)
		a.free = s[:]
	}
	toks := a.free[:n:n]
	a.free = a.free[n:]
	return toks
}

// slabs hands out zeroed slices of T from slabs of slabLen it takes from
// pool, for data without pointers (nothing to clear when the slabs go
// back).
type slabs[T uint64 | int32 | hit] struct {
	used []*[slabLen]T
	free []T // the rest of the last slab
}

const slabLen = 4096

var (
	wordSlabs = sync.Pool{New: func() any { return new([slabLen]uint64) }}
	intSlabs  = sync.Pool{New: func() any { return new([slabLen]int32) }}
	hitSlabs  = sync.Pool{New: func() any { return new([slabLen]hit) }}
)

// take returns n zeroed Ts, from a slab of pool unless n is large.
func (s *slabs[T]) take(n int, pool *sync.Pool) []T {
	if n > slabLen/4 {
		return make([]T, n)
	}
	if n > len(s.free) {
		p := pool.Get().(*[slabLen]T)
		s.used = append(s.used, p)
		s.free = p[:]
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	clear(out)
	return out
}

// release gives the slabs back to pool.
func (s *slabs[T]) release(pool *sync.Pool) {
	for i, p := range s.used {
		pool.Put(p)
		s.used[i] = nil
	}
	s.used, s.free = s.used[:0], nil
}

// uint64s returns n zeroed words, from the arena when there is one.
func (a *TextArena) uint64s(n int) []uint64 {
	if a == nil {
		return make([]uint64, n)
	}
	return a.words.take(n, &wordSlabs)
}

// int32s returns n zeroed int32s, from the arena when there is one.
func (a *TextArena) int32s(n int) []int32 {
	if a == nil {
		return make([]int32, n)
	}
	return a.ints.take(n, &intSlabs)
}

// Release returns the slabs for reuse. No text from the arena may be used
// after it: their tokens are cleared and handed to other texts.
func (a *TextArena) Release() {
	for i, s := range a.slabs {
		// Cleared here, not when taken: a slab holds the strings of texts
		// that are gone, which must not stay reachable from the pool.
		used := slabTokens
		if i == len(a.slabs)-1 {
			used -= len(a.free)
		}
		clear(s[:used])
		slabPool.Put(s)
		a.slabs[i] = nil
	}
	a.slabs, a.free = a.slabs[:0], nil
	a.words.release(&wordSlabs)
	a.ints.release(&intSlabs)
	a.hits.release(&hitSlabs)
}
