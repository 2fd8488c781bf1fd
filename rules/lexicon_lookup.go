package rules

import (
	"bytes"
	"hash/maphash"
)

// hashIndex maps a large lexicon's keys to their lines by open addressing,
// so that a lookup, found or not, costs one hash and about one probe
// instead of a binary search of some twenty key comparisons over megabytes
// of data. Each slot holds where the line starts, plus one, in its high 32
// bits and 32 more bits of the key's hash below them: a probe that misses
// reads one slot and compares no key, and a hit reads the slot and the
// line, with no line table between them.
type hashIndex struct {
	slots []uint64
	mask  uint64

	// starts has a bit set for the hash of the first word of every key of
	// two or more words: most n-grams start with a word that starts no
	// phrase of the lexicon ("at Boca", "the Golden") and are turned away
	// by one bit test instead of a probe per length (mayStartPhrase).
	starts     []uint64
	startsMask uint64
}

// newHashIndex indexes every line of l, or returns nil for data too large
// for 32-bit offsets (which keeps its binary search). Keys are unique
// (sorted strictly, or deduplicated by BuildLexicon), so every key is
// inserted without checking for an equal one.
func newHashIndex(l *Lexicon) *hashIndex {
	if len(l.data) >= 1<<32-1 {
		return nil
	}
	n := uint64(16)
	for n < uint64(countLines(l.data))*3/2 {
		n <<= 1
	}
	h := &hashIndex{slots: written[uint64](n), mask: n - 1, starts: written[uint64](2 * n / 64), startsMask: 2*n - 1}
	for off := 0; off < len(l.data); {
		k, _, next := l.line(off)
		hv := maphash.Bytes(l.seed, k)
		pos := hv & h.mask
		for h.slots[pos] != 0 {
			pos = (pos + 1) & h.mask
		}
		h.slots[pos] = uint64(off+1)<<32 | hv>>32
		if sp := bytes.IndexByte(k, ' '); sp >= 0 {
			b := maphash.Bytes(l.seed, k[:sp]) & h.startsMask
			h.starts[b/64] |= 1 << (b % 64)
		}
		off = next
	}
	return h
}

// mayStartPhrase reports whether a key of two or more words may start with
// token i's key: false means that every n-gram from token i is absent, so
// the caller need not look them up. Keys hold no spaces, so such an n-gram
// can only be a key whose first word is the token's. Without an index
// (small lexicons, or a run that has not done enough lookups yet) the
// answer is true.
func (l *Lexicon) mayStartPhrase(t *Text, i int) bool {
	if l == nil {
		return false
	}
	h := l.hashed.Load()
	if h == nil {
		return true
	}
	b := t.tokenHash(i) & h.startsMask
	return h.starts[b/64]&(1<<(b%64)) != 0
}

// hashFind returns where the line of key, whose hash is hv, starts.
func hashFind[K string | []byte](h *hashIndex, l *Lexicon, key K, hv uint64) (int, bool) {
	tag := hv >> 32
	for pos := hv & h.mask; ; pos = (pos + 1) & h.mask {
		s := h.slots[pos]
		if s == 0 {
			return 0, false
		}
		if s&(1<<32-1) == tag {
			if off := int(s>>32) - 1; compareLine(l.data[off:], key) == 0 {
				return off, true
			}
		}
	}
}

// fields is Lookup without copying the fields into a new string: the
// matchers only read them.
func (l *Lexicon) fields(key string) ([]byte, bool) {
	if l == nil {
		return nil, false
	}
	off, ok := l.find(key)
	if !ok {
		return nil, false
	}
	_, rest, _ := l.line(off)
	return rest, true
}

// phraseFields is fields(key) for key, the n-gram of two or more words
// starting at token i, skipping the lookup when no key starts with its word.
func (l *Lexicon) phraseFields(t *Text, i int, key string) ([]byte, bool) {
	if !l.mayStartPhrase(t, i) {
		return nil, false
	}
	return l.fields(key)
}

// hasPhrase is Has(key) for an n-gram of two or more words from token i.
func (l *Lexicon) hasPhrase(t *Text, i int, key string) bool {
	return l.mayStartPhrase(t, i) && l.Has(key)
}

// allowsPhrase is AllowsTerm(key) for an n-gram of two or more words from
// token i.
func (a *Allow) allowsPhrase(t *Text, i int, key string) bool {
	if a == nil {
		return false
	}
	for _, l := range a.terms {
		if l.hasPhrase(t, i, key) {
			return true
		}
	}
	return false
}
