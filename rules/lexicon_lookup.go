package rules

import "hash/maphash"

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
	h := &hashIndex{slots: make([]uint64, n), mask: n - 1}
	for off := 0; off < len(l.data); {
		k, _, next := l.line(off)
		hv := maphash.Bytes(l.seed, k)
		pos := hv & h.mask
		for h.slots[pos] != 0 {
			pos = (pos + 1) & h.mask
		}
		h.slots[pos] = uint64(off+1)<<32 | hv>>32
		off = next
	}
	return h
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
