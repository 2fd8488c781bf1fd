package rules

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"slices"
)

// The built-in classifier models, parsed ahead of time. Parsing the 540 KB
// text of the operational model (30,000 lines, a Go map of its words) was
// about a quarter of a one-story run's CPU, on the second core; reading the
// same model from this binary form is well under a millisecond. Like
// packs.snap, an entry is found by the length and checksum of the model's
// text, so a model that is not exactly a built-in one (a user's, or a
// built-in one edited since) is parsed from its text as always, and the
// model cannot depend on whether the snapshot was used.
// TestClassifierSnapshot fails when it is out of date; regenerate it with
//
//	go test ./rules -run TestClassifierSnapshot$ -update-classifier
//
// Layout, integers as unsigned varints unless said: the magic, the number
// of entries, then per entry the text's length, its CRC-32 (Castagnoli),
// the body's length and the body: the bias (8 bytes, little-endian IEEE
// bits), the number word's id + 1 (0: none), the words in id order (length
// and bytes each), each word's unigram weight (8 bytes), the number of
// bigrams, and each bigram as its two word ids and weight (8 bytes), in
// ascending order of bigramKey.
//
//go:embed classifier.snap
var classifierSnapData string

const classifierSnapMagic = "clfsnap1"

// snapshotModel returns the model of the text data when the snapshot holds
// it.
func snapshotModel(data []byte) (classifierModel, bool) {
	return findModel(classifierSnapData, data)
}

// findModel looks data up in the snapshot snap.
func findModel(snap string, data []byte) (classifierModel, bool) {
	r := modelReader{s: snap}
	if !r.magic(classifierSnapMagic) {
		return classifierModel{}, false
	}
	var sum uint32
	for n := r.uvarint(); n > 0 && r.err == nil; n-- {
		size, crc, body := r.uvarint(), r.uvarint(), r.bytes()
		if r.err != nil || size != uint64(len(data)) {
			continue
		}
		if sum == 0 {
			sum = crc32.Checksum(data, castagnoli)
		}
		if crc != uint64(sum) {
			continue
		}
		m, err := decodeModel(body)
		return m, err == nil
	}
	return classifierModel{}, false
}

// decodeModel reads one entry's body. The words are slices of it.
func decodeModel(body string) (classifierModel, error) {
	r := modelReader{s: body}
	m := classifierModel{bias: r.float()}
	m.numberID = int32(r.uvarint()) - 1
	words := make([]string, r.count(1))
	for i := range words {
		words[i] = r.bytes()
	}
	m.unigram = make([]float64, len(words))
	for i := range m.unigram {
		m.unigram[i] = r.float()
	}
	pairs := r.count(10)
	m.bigram = newPairTable(pairs)
	for range pairs {
		a, b, w := r.uvarint(), r.uvarint(), r.float()
		if a >= uint64(len(words)) || b >= uint64(len(words)) {
			return classifierModel{}, errors.New("classifier snapshot: word id out of range")
		}
		m.bigram.set(bigramKey(int32(a), int32(b)), w)
	}
	if r.err != nil || r.s != "" || int(m.numberID) >= len(words) {
		return classifierModel{}, errors.New("classifier snapshot: malformed entry")
	}
	m.ids = newIDTableOf(words)
	return m, nil
}

// newIDTableOf is newIDTable of the map from each word to its index.
func newIDTableOf(words []string) *idTable {
	n := uint64(8)
	for n < uint64(len(words))*4 {
		n <<= 1
	}
	w := &idTable{tags: make([]uint32, n), keys: make([]string, n), vals: make([]int32, n), mask: n - 1, miss: -1}
	for id, k := range words {
		h := keyHash(k)
		pos := h & w.mask
		for w.tags[pos] != 0 {
			pos = (pos + 1) & w.mask
		}
		w.tags[pos], w.keys[pos], w.vals[pos] = wordTag(h), k, int32(id)
	}
	return w
}

// modelReader reads the snapshot's fields from a string; the first error
// sticks and every later read returns zero.
type modelReader struct {
	s   string
	err error
}

var errModelShort = errors.New("classifier snapshot: truncated")

func (r *modelReader) magic(m string) bool {
	if len(r.s) < len(m) || r.s[:len(m)] != m {
		return false
	}
	r.s = r.s[len(m):]
	return true
}

func (r *modelReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	var x uint64
	for i, shift := 0, uint(0); i < len(r.s) && i < binary.MaxVarintLen64; i, shift = i+1, shift+7 {
		b := r.s[i]
		if b < 0x80 {
			r.s = r.s[i+1:]
			return x | uint64(b)<<shift
		}
		x |= uint64(b&0x7f) << shift
	}
	r.err = errModelShort
	return 0
}

// count reads a number of items of at least min bytes each, checked
// against what is left so that a bad count cannot allocate much.
func (r *modelReader) count(min int) int {
	n := r.uvarint()
	if n > uint64(len(r.s)/min) {
		r.err = errModelShort
		return 0
	}
	return int(n)
}

func (r *modelReader) bytes() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.s)) {
		r.err = errModelShort
		return ""
	}
	b := r.s[:n]
	r.s = r.s[n:]
	return b
}

func (r *modelReader) float() float64 {
	if r.err != nil || len(r.s) < 8 {
		r.err = errModelShort
		return 0
	}
	var bits uint64
	for i := 7; i >= 0; i-- {
		bits = bits<<8 | uint64(r.s[i])
	}
	v := math.Float64frombits(bits)
	r.s = r.s[8:]
	return v
}

// makeClassifierSnapshot encodes the models of the given texts, in order;
// each must parse.
func makeClassifierSnapshot(texts [][]byte) ([]byte, error) {
	out := []byte(classifierSnapMagic)
	out = binary.AppendUvarint(out, uint64(len(texts)))
	for _, data := range texts {
		m, err := parseClassifierModel(data)
		if err != nil {
			return nil, err
		}
		body := encodeModel(&m.classifierModel)
		out = binary.AppendUvarint(out, uint64(len(data)))
		out = binary.AppendUvarint(out, uint64(crc32.Checksum(data, castagnoli)))
		out = binary.AppendUvarint(out, uint64(len(body)))
		out = append(out, body...)
	}
	return out, nil
}

// encodeModel writes a parsed model in the layout decodeModel reads.
func encodeModel(m *classifierModel) []byte {
	words := make([]string, len(m.unigram))
	for w, id := range m.vocab {
		words[id] = w
	}
	var out []byte
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(m.bias))
	out = binary.AppendUvarint(out, uint64(m.numberID+1))
	out = binary.AppendUvarint(out, uint64(len(words)))
	for _, w := range words {
		out = binary.AppendUvarint(out, uint64(len(w)))
		out = append(out, w...)
	}
	for _, w := range m.unigram {
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(w))
	}
	var keys []uint64
	for _, k := range m.bigram.keys {
		if k != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out = binary.AppendUvarint(out, uint64(len(keys)))
	for _, k := range keys {
		w, _ := m.bigram.get(k)
		out = binary.AppendUvarint(out, k>>31&(1<<32-1))
		out = binary.AppendUvarint(out, k&(1<<31-1))
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(w))
	}
	return out
}
