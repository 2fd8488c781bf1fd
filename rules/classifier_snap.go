package rules

import (
	"cmp"
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
// bigrams, and each bigram as its two word ids and weight (8 bytes), in
// the order of the slots where the decoder's pair table probes for them
// first (then of bigramKey): its stores then run through the table in
// order, where in order of keys they missed the cache on nearly every one
// (a quarter of the decoding).
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
	pairs := r.count(10)
	m.bigram = newPairTable(pairs)
	for range pairs {
		a, b, w := r.uvarint(), r.uvarint(), r.float()
		if a >= uint64(len(words)) || b >= uint64(len(words)) {
			return classifierModel{}, errors.New("classifier snapshot: word id out of range")
		}
		m.bigram.set(bigramKey(int32(a), int32(b)), w)
	}
	if r.err != nil || r.data != "" || int(m.numberID) >= len(words) {
		return classifierModel{}, errors.New("classifier snapshot: malformed entry")
	}
	m.ids = idTableOf(words)
	return m, nil
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
	table := newPairTable(len(keys)) // as decodeModel sizes it
	slices.SortFunc(keys, func(a, b uint64) int {
		if c := cmp.Compare(table.slot(a), table.slot(b)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	out = binary.AppendUvarint(out, uint64(len(keys)))
	for _, k := range keys {
		w, _ := m.bigram.get(k)
		out = binary.AppendUvarint(out, k>>31&(1<<32-1))
		out = binary.AppendUvarint(out, k&(1<<31-1))
		out = binary.LittleEndian.AppendUint64(out, math.Float64bits(w))
	}
	return out
}
