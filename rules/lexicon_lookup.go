package rules

import "hash/maphash"

// hashIndex maps a large lexicon's keys to their lines by open addressing,
// so that a lookup, found or not, costs one hash and about one probe
// instead of a binary search of some twenty key comparisons over megabytes
// of data. Each slot holds the line number plus one in its low 24 bits and
// eight more bits of the key's hash above them: most probes that miss
// compare no key at all.
type hashIndex struct {
	slots []uint32
	mask  uint64
}

const (
	hashLineBits = 24
	hashLineMask = 1<<hashLineBits - 1
)

// newHashIndex indexes every line of l, or returns nil for a lexicon too
// large for 24-bit line numbers (which keeps its binary search). Keys are
// unique (sorted strictly, or deduplicated by BuildLexicon), so every key
// is inserted without checking for an equal one.
func newHashIndex(l *Lexicon) *hashIndex {
	lines := l.lineStarts()
	if len(lines) >= hashLineMask {
		return nil
	}
	n := uint64(16)
	for n < uint64(len(lines))*3/2 {
		n <<= 1
	}
	h := &hashIndex{slots: make([]uint32, n), mask: n - 1}
	for i, off := range lines {
		k, _, _ := l.line(int(off))
		hv := maphash.Bytes(l.seed, k)
		pos := hv & h.mask
		for h.slots[pos] != 0 {
			pos = (pos + 1) & h.mask
		}
		h.slots[pos] = hashTag(hv) | uint32(i+1)
	}
	return h
}

func hashTag(hv uint64) uint32 { return uint32(hv>>56) << hashLineBits }

// hashFind returns where the line of key, whose hash is hv, starts.
func hashFind[K string | []byte](h *hashIndex, l *Lexicon, key K, hv uint64) (int, bool) {
	tag := hashTag(hv)
	for pos := hv & h.mask; ; pos = (pos + 1) & h.mask {
		s := h.slots[pos]
		if s == 0 {
			return 0, false
		}
		if s&^hashLineMask == tag {
			i := int(s&hashLineMask) - 1
			if off := int(l.lines[i]); compareLine(l.data[off:], key) == 0 {
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
