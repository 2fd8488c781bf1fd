package rules

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"slices"
	"strings"
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
// bigrams n, then the bigram table as a model's pairTable lays out n keys,
// read in place (decodePairTable): each slot's packed key (4 bytes,
// packPair; 0 for an empty slot), then each slot's weight (8 bytes).
//
//go:embed classifier.snap
var classifierSnapData string

const classifierSnapMagic = "clfsnap2"

// snapshotModel returns the model of the text data when the snapshot holds
// it.
func snapshotModel(data []byte) (classifierModel, bool) {
	return findModel(classifierSnapData, data)
}

// findModel looks data up in the snapshot snap.
func findModel(snap string, data []byte) (classifierModel, bool) {
	if !strings.HasPrefix(snap, classifierSnapMagic) {
		return classifierModel{}, false
	}
	r := snapReader{data: snap[len(classifierSnapMagic):]}
	var sum uint32
	for n := r.uvarint(); n > 0 && r.err == nil; n-- {
		size, crc, body := r.uvarint(), r.uvarint(), r.str()
		if r.err != nil || size != uint64(len(data)) {
			continue
		}
		if sum == 0 {
			sum = crc32.Checksum(data, castagnoli())
		}
		if crc != uint64(sum) {
			continue
		}
		m, err := decodeModel(body)
		return m, err == nil
	}
	return classifierModel{}, false
}

// decodeModel reads one entry's body. The words and the bigram table are
// slices of it.
func decodeModel(body string) (classifierModel, error) {
	r := snapReader{data: body}
	m := classifierModel{bias: r.float()}
	m.numberID = int32(r.uvarint()) - 1
	words := make([]string, r.count(1))
	for i := range words {
		words[i] = r.str()
	}
	m.unigram = make([]float64, len(words))
	for i := range m.unigram {
		m.unigram[i] = r.float()
	}
	pairs := r.count(12)
	if r.err != nil || int(m.numberID) >= len(words) {
		return classifierModel{}, errors.New("classifier snapshot: malformed entry")
	}
	t, err := decodePairTable(r.data, pairs, len(words))
	if err != nil {
		return classifierModel{}, err
	}
	m.bigram = t
	m.ids = idTableOf(words)
	return m, nil
}

// decodePairTable reads in place, from data, a table of n bigrams of word
// ids below words, as encodePairTable wrote it. It is checked, not trusted:
// the number of slots is the one newPairTable gives n keys; exactly n
// slots are full, so a probe always meets an empty one; every packed key
// names two words of the model; and every key is found by probing, from
// where its hash lands, before an empty slot. Duplicate keys are not
// looked for (a lookup finds the first). The check reads the 4-byte keys
// once, not the weights.
func decodePairTable(data string, n, words int) (*pairTable, error) {
	bad := errors.New("classifier snapshot: malformed bigram table")
	size, shift := pairTableSize(n)
	if len(data) != size*12 {
		return nil, bad
	}
	p := &pairTable{shift: shift, packed: data[:size*4], weights: data[size*4:]}
	mask := size - 1
	// Start after an empty slot, so that no probe run wraps past the start.
	first := -1
	for i := range size {
		if le32(p.packed[i*4:]) == 0 {
			first = i
			break
		}
	}
	if first < 0 {
		return nil, bad
	}
	full := 0
	run := first + 1 // where the current run of full slots starts, unwrapped
	for u := first + 1; u <= first+size; u++ {
		k := le32(p.packed[(u&mask)*4:])
		if k == 0 {
			run = u + 1
			continue
		}
		a, b := int(k>>16)-1, int(k&0xffff)-1
		if a < 0 || b < 0 || a >= words || b >= words {
			return nil, bad
		}
		if d := (u - int(p.slot(unpackPair(k)))) & mask; d > u-run {
			return nil, bad // an empty slot stops its probe first
		}
		full++
	}
	if full != n {
		return nil, bad
	}
	return p, nil
}

// encodePairTable appends the table of the given bigram keys and their
// weights as decodePairTable reads it: in the slots newPairTable's table
// would give them, inserted in order of key. Word ids must be at most
// maxPackedWord.
func encodePairTable(out []byte, keys []uint64, weight func(uint64) float64) ([]byte, error) {
	keys = slices.Sorted(slices.Values(keys))
	t := newPairTable(len(keys))
	for _, k := range keys {
		t.set(k, weight(k))
	}
	packed := make([]byte, 4*len(t.keys))
	weights := make([]byte, 8*len(t.keys))
	for i, k := range t.keys {
		if k == 0 {
			continue
		}
		pk, ok := packPair(k)
		if !ok {
			return nil, errors.New("classifier snapshot: more words than a packed bigram can name")
		}
		binary.LittleEndian.PutUint32(packed[4*i:], pk)
		binary.LittleEndian.PutUint64(weights[8*i:], math.Float64bits(t.vals[i]))
	}
	out = append(out, packed...)
	return append(out, weights...), nil
}

// count reads a number of items of at least min bytes each, checked
// against what is left so that a bad count cannot allocate much.
func (r *snapReader) count(min int) int {
	n := r.uvarint()
	if n > uint64(len(r.data)/min) {
		r.err = errSnapshot
		return 0
	}
	return int(n)
}

func (r *snapReader) float() float64 { return math.Float64frombits(r.uint64()) }

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
		body, err := encodeModel(&m.classifierModel)
		if err != nil {
			return nil, err
		}
		out = binary.AppendUvarint(out, uint64(len(data)))
		out = binary.AppendUvarint(out, uint64(crc32.Checksum(data, castagnoli())))
		out = binary.AppendUvarint(out, uint64(len(body)))
		out = append(out, body...)
	}
	return out, nil
}

// encodeModel writes a parsed model in the layout decodeModel reads.
func encodeModel(m *classifierModel) ([]byte, error) {
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
	m.bigram.each(func(k uint64, _ float64) { keys = append(keys, k) })
	out = binary.AppendUvarint(out, uint64(len(keys)))
	return encodePairTable(out, keys, func(k uint64) float64 {
		w, _ := m.bigram.get(k)
		return w
	})
}
