package rules

import "sync"

// TextArena hands out the token arrays of texts that all die together (a
// batch of documents) from slabs it reuses: the tokens were the largest
// thing a scan allocated, about a sixth of its bytes, and each collection
// the collector runs is paid for by the bytes allocated since the last.
// The zero value is ready to use; a nil *TextArena allocates as NewText.
type TextArena struct {
	slabs []*tokenSlab
	free  []Token // the rest of the last slab
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
}
