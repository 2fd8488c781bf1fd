package rules

import "hash/maphash"

// keySeed hashes every key the same way, so that the hash the tokeniser
// computes once for each token serves every lookup of that token: in each
// rule's word tables and in the hash index of every lexicon.
var keySeed = maphash.MakeSeed()

func keyHash[K string | []byte](k K) uint64 {
	switch k := any(k).(type) {
	case string:
		return maphash.String(keySeed, k)
	case []byte:
		return maphash.Bytes(keySeed, k)
	}
	panic("unreachable")
}

// hashTable maps words to values, looked up by a key's hash: open
// addressing over 32-bit tags of the hashes, so a word that is not there
// usually costs one read of a small, cached array and no comparison, and
// the hash the tokeniser computed once for a token serves every lookup.
type hashTable[V any] struct {
	tags []uint32 // 0: empty
	keys []string
	vals []V
	mask uint64
	miss V // what get returns for a word that is not there
}

// wordTable is a small set of words, each with a byte of data (0: absent).
type wordTable = hashTable[uint8]

// idTable maps words to ids (-1: absent): the classifier's vocabulary,
// whose every token of every sentence is looked up. As hashTable, but a
// slot holds the word's id, not the word: the id names it in words. A
// quarter-full table of string headers was 2 MB of pointers for the
// operational model, written at every start (a tenth of a one-story run's
// page faults) and read by every garbage collection of a long scan.
type idTable struct {
	tags  []uint32 // 0: empty
	ids   []int32
	words []string // by id
	mask  uint64
}

func newWordTable(m map[string]uint8) *wordTable { return newHashTable(m, 0) }

// newIDTable builds the table of m, whose ids must be 0 and up.
func newIDTable(m map[string]int32) *idTable {
	n := 0
	for _, id := range m {
		n = max(n, int(id)+1)
	}
	words := make([]string, n)
	for w, id := range m {
		words[id] = w
	}
	return idTableOf(words)
}

// idTableOf builds the table of words, each word's id its index.
func idTableOf(words []string) *idTable {
	size := tableSize(len(words))
	t := &idTable{tags: written[uint32](size), ids: make([]int32, size), words: words, mask: size - 1}
	for id, w := range words {
		t.put(w, int32(id))
	}
	return t
}

// put adds word id, which the table does not hold yet.
func (w *idTable) put(key string, id int32) {
	h := keyHash(key)
	pos := freeSlot(w.tags, w.mask, h)
	w.tags[pos], w.ids[pos] = wordTag(h), id
}

// get returns the id of key, whose keyHash is h, or -1.
func (w *idTable) get(key string, h uint64) int32 {
	tag := wordTag(h)
	for pos := h & w.mask; ; pos = (pos + 1) & w.mask {
		switch w.tags[pos] {
		case 0:
			return -1
		case tag:
			if id := w.ids[pos]; w.words[id] == key {
				return id
			}
		}
	}
}

// newHashTable builds the table of m.
func newHashTable[V any](m map[string]V, miss V) *hashTable[V] {
	w := sizedHashTable(len(m), miss)
	for k, v := range m {
		w.put(k, v)
	}
	return w
}

// sizedHashTable returns an empty table with room for n distinct keys.
func sizedHashTable[V any](n int, miss V) *hashTable[V] {
	size := tableSize(n)
	return &hashTable[V]{tags: written[uint32](size), keys: make([]string, size), vals: make([]V, size), mask: size - 1, miss: miss}
}

// written returns n zeroed elements whose memory has been written. A
// large slice is taken from fresh pages, which Go leaves unwritten (the
// system zeroes them); a table filled by probing reads a page before it
// writes it, and the kernel then maps the shared zero page at the read
// and copies it at the write: two faults instead of one, the second
// flushing the page's address from every core's TLB. Writing the zeroes
// first faults each page once (the classifier's word index: 256 faults of
// a one-story run).
func written[E any](n uint64) []E {
	s := make([]E, n)
	clear(s)
	return s
}

// put adds key, which the table does not hold yet; the table must have
// room for it (sizedHashTable).
func (w *hashTable[V]) put(key string, v V) {
	h := keyHash(key)
	pos := freeSlot(w.tags, w.mask, h)
	w.tags[pos], w.keys[pos], w.vals[pos] = wordTag(h), key, v
}

// tableSize is the number of slots for n keys: a power of two, the table
// a quarter full, so a miss mostly reads one slot.
func tableSize(n int) uint64 {
	size := uint64(8)
	for size < uint64(n)*4 {
		size <<= 1
	}
	return size
}

// freeSlot returns the first empty slot from where hash h lands.
func freeSlot(tags []uint32, mask, h uint64) uint64 {
	pos := h & mask
	for tags[pos] != 0 {
		pos = (pos + 1) & mask
	}
	return pos
}

// wordTag is the slot tag of a hash: its high half, never 0.
func wordTag(h uint64) uint32 { return max(uint32(h>>32), 1) }

// get returns the value of key, whose keyHash is h, or the table's miss.
func (w *hashTable[V]) get(key string, h uint64) V {
	tag := wordTag(h)
	for pos := h & w.mask; ; pos = (pos + 1) & w.mask {
		switch w.tags[pos] {
		case 0:
			return w.miss
		case tag:
			if w.keys[pos] == key {
				return w.vals[pos]
			}
		}
	}
}

// tokenHash returns keyHash(t.Tokens[i].Key), computed once by NewText.
func (t *Text) tokenHash(i int) uint64 {
	if t.hashes != nil {
		return t.hashes[i]
	}
	return keyHash(t.Tokens[i].Key)
}

// findToken is find(t.Tokens[i].Key) with the token's hash at hand.
func (l *Lexicon) findToken(t *Text, i int) (int, bool) {
	if h := l.hashed.Load(); h != nil {
		return hashFind(h, l, t.Tokens[i].Key, t.tokenHash(i))
	}
	return l.find(t.Tokens[i].Key)
}

// hasToken is Has(t.Tokens[i].Key).
func (l *Lexicon) hasToken(t *Text, i int) bool {
	if l == nil {
		return false
	}
	_, ok := l.findToken(t, i)
	return ok
}

// fieldsToken is fields(t.Tokens[i].Key).
func (l *Lexicon) fieldsToken(t *Text, i int) ([]byte, bool) {
	if l == nil {
		return nil, false
	}
	off, ok := l.findToken(t, i)
	if !ok {
		return nil, false
	}
	_, rest, _ := l.line(off)
	return rest, true
}

// allowsToken is AllowsTerm(t.Tokens[i].Key).
func (a *Allow) allowsToken(t *Text, i int) bool {
	if a == nil {
		return false
	}
	for _, l := range a.terms {
		if l.hasToken(t, i) {
			return true
		}
	}
	return false
}
