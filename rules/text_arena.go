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
	toks  slabs[Token]
	words slabs[uint64]
	ints  slabs[int32]
	hits  slabs[hit]
	// scan is where a text's literal hits are gathered before they are
	// copied to hits at their final size.
	scan []hit
}

// NewText is NewText with the tokens taken from the arena.
func (a *TextArena) NewText(src, scope string) *Text { return newText(src, scope, a) }

// slabs hands out zeroed slices of T from slabs of slabLen it takes from
// pool; texts and memos longer than a quarter of a slab get their own.
type slabs[T any] struct {
	used []*[slabLen]T
	free []T // the rest of the last slab
}

const slabLen = 4096

var (
	tokenSlabs = sync.Pool{New: func() any { return new([slabLen]Token) }}
	wordSlabs  = sync.Pool{New: func() any { return new([slabLen]uint64) }}
	intSlabs   = sync.Pool{New: func() any { return new([slabLen]int32) }}
	hitSlabs   = sync.Pool{New: func() any { return new([slabLen]hit) }}
)

// take returns n zeroed Ts, from a slab of pool unless n is large. A slab
// is zero when new and cleared when released.
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
	return out
}

// release clears what was handed out of the slabs and gives them back to
// pool: a token slab holds the strings of texts that are gone, which must
// not stay reachable from the pool.
func (s *slabs[T]) release(pool *sync.Pool) {
	for i, p := range s.used {
		used := slabLen
		if i == len(s.used)-1 {
			used -= len(s.free)
		}
		clear(p[:used])
		pool.Put(p)
		s.used[i] = nil
	}
	s.used, s.free = s.used[:0], nil
}

// tokens returns n zeroed tokens, from the arena when there is one.
func (a *TextArena) tokens(n int) []Token {
	if a == nil {
		return make([]Token, n)
	}
	return a.toks.take(n, &tokenSlabs)
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
	a.toks.release(&tokenSlabs)
	a.words.release(&wordSlabs)
	a.ints.release(&intSlabs)
	a.hits.release(&hitSlabs)
}
