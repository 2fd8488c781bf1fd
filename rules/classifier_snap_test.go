package rules

import (
	"bytes"
	"encoding/binary"
	"flag"
	"io/fs"
	"os"
	"slices"
	"testing"
)

var updateClassifier = flag.Bool("update-classifier", false, "rewrite rules/classifier.snap from the built-in classifier models")

// builtinModels returns the path and text of every built-in classifier
// model, sorted by path.
func builtinModels(t *testing.T) (names []string, texts [][]byte) {
	t.Helper()
	files, err := fs.Glob(builtinFS, "packs/*/data/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := fs.ReadFile(builtinFS, f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(b, []byte("# Model of a classifier rule")) {
			names, texts = append(names, f), append(texts, b)
		}
	}
	if len(texts) == 0 {
		t.Fatal("no built-in classifier model")
	}
	return names, texts
}

// TestClassifierSnapshot: the snapshot holds every built-in model, and the
// model it gives back is the one parsing the text gives: same bias, word
// ids, weights and bigrams.
func TestClassifierSnapshot(t *testing.T) {
	names, texts := builtinModels(t)
	if *updateClassifier {
		data, err := makeClassifierSnapshot(texts)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("classifier.snap", data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote classifier.snap: %d models, %d bytes", len(texts), len(data))
		return
	}
	for i, text := range texts {
		got, ok := snapshotModel(text)
		if !ok {
			t.Errorf("%s: not in classifier.snap (out of date): run go test ./rules -run TestClassifierSnapshot$ -update-classifier", names[i])
			continue
		}
		want, err := parseClassifierModel(text)
		if err != nil {
			t.Fatal(err)
		}
		sameModel(t, names[i], &got, &want.classifierModel)
	}
}

// sameModel fails unless got (from a snapshot) scores as want (parsed).
func sameModel(t *testing.T, name string, got, want *classifierModel) {
	t.Helper()
	if got.bias != want.bias || got.numberID != want.numberID || !slices.Equal(got.unigram, want.unigram) {
		t.Fatalf("%s: bias, number id or unigram weights differ", name)
	}
	for w, id := range want.vocab {
		if g := got.ids.get(w, keyHash(w)); g != id {
			t.Fatalf("%s: word %q has id %d in the snapshot, %d parsed", name, w, g, id)
		}
	}
	if g, w := got.ids.get("no-such-word", keyHash("no-such-word")), want.ids.get("no-such-word", keyHash("no-such-word")); g != -1 || w != -1 {
		t.Fatalf("%s: an unknown word has an id", name)
	}
	pairs := func(p *pairTable) map[uint64]float64 {
		out := map[uint64]float64{}
		p.each(func(k uint64, w float64) { out[k] = w })
		return out
	}
	gp, wp := pairs(got.bigram), pairs(want.bigram)
	if len(gp) != len(wp) {
		t.Fatalf("%s: %d bigrams in the snapshot, %d parsed", name, len(gp), len(wp))
	}
	for k, w := range wp {
		if g, ok := got.bigram.get(k); !ok || g != w {
			t.Fatalf("%s: bigram %x weighs %v in the snapshot, %v parsed", name, k, g, w)
		}
	}
}

// TestClassifierSnapshotOther: a model whose text is not a built-in one is
// not found (it is parsed), and a small model read back from a snapshot of
// its own is the parsed one, duplicates and the number feature included.
func TestClassifierSnapshotOther(t *testing.T) {
	model := "# Model of a classifier rule: test\n-1.5\t<bias>\n0.25\tcar\n-0.5\t#\n1.125\tred car\n2\tcar red\n0.75\tred car\n3e-2\tred\n"
	if _, ok := snapshotModel([]byte(model)); ok {
		t.Fatal("a model that is no built-in one was found in the snapshot")
	}
	_, texts := builtinModels(t)
	edited := append(slices.Clone(texts[0]), "\n"...)
	if _, ok := snapshotModel(edited); ok {
		t.Fatal("an edited built-in model was found in the snapshot")
	}
	snap, got := snapshotRoundTrip(t, model)
	want, err := parseClassifierModel([]byte(model))
	if err != nil {
		t.Fatal(err)
	}
	sameModel(t, "small", &got, &want.classifierModel)
	if w, _ := got.bigram.get(bigramKey(got.ids.get("red", keyHash("red")), got.ids.get("car", keyHash("car")))); w != 0.75 {
		t.Fatalf("a repeated bigram weighs %v, want the last weight 0.75", w)
	}
	// Every truncation of the snapshot is refused, never a panic.
	for n := range len(snap) {
		if _, ok := findModel(string(snap[:n]), []byte(model)); ok {
			t.Fatalf("a snapshot cut at %d of %d bytes was read", n, len(snap))
		}
	}
}

// TestClassifierSnapshotUsed: the built-in set reads its classifier from the
// snapshot (a parsed model has a vocabulary map; a snapshot's has none).
func TestClassifierSnapshotUsed(t *testing.T) {
	n := 0
	for _, r := range builtinSet(t).Rules {
		m, ok := r.matcher.(*classifierMatcher)
		if !ok {
			continue
		}
		m.ready()
		if m.vocab != nil || m.ids == nil {
			t.Errorf("%s: model parsed from its text, not read from classifier.snap", r.ID)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no classifier rule in the built-in packs")
	}
}

// FuzzClassifierSnapshot: a model that parses reads back from a snapshot
// of its own as the parsed model, and a snapshot overwritten with any bytes
// is read or refused without a panic.
func FuzzClassifierSnapshot(f *testing.F) {
	f.Add("-3\t<bias>\n1\ta\n2\ta b\n-1\t#\n", []byte{}, 0)
	f.Add("-3\t<bias>\n1\ta\n", []byte("clfsnap2\x01\x10"), 0)
	f.Add("0.5\t<bias>\n1\tx y\n", []byte{0xff, 0xff, 0xff}, 20)
	f.Fuzz(func(t *testing.T, model string, junk []byte, at int) {
		findModel(string(junk), []byte(model))
		m, err := parseClassifierModel([]byte(model))
		if err != nil {
			return
		}
		snap, got := snapshotRoundTrip(t, model)
		sameModel(t, "fuzzed", &got, &m.classifierModel)
		if at < 0 || at >= len(snap) {
			return
		}
		copy(snap[at:], junk)
		findModel(string(snap), []byte(model))
	})
}

// snapshotRoundTrip writes a snapshot of model alone and reads the model
// back from it.
func snapshotRoundTrip(t *testing.T, model string) ([]byte, classifierModel) {
	t.Helper()
	snap, err := makeClassifierSnapshot([][]byte{[]byte(model)})
	if err != nil {
		t.Fatal(err)
	}
	got, ok := findModel(string(snap), []byte(model))
	if !ok {
		t.Fatal("model not found in its own snapshot")
	}
	return snap, got
}

// BenchmarkClassifierSnapshotDecode decodes every model of the built-in
// snapshot: what a run that classifies pays once.
func BenchmarkClassifierSnapshotDecode(b *testing.B) {
	var bodies []string
	r := snapReader{data: classifierSnapData[len(classifierSnapMagic):]}
	for n := r.uvarint(); n > 0 && r.err == nil; n-- {
		r.uvarint() // the text's length
		r.uvarint() // its checksum
		bodies = append(bodies, r.str())
	}
	if r.err != nil || len(bodies) == 0 {
		b.Fatal("no models in the snapshot")
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			if _, err := decodeModel(body); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// pairTableBytes is the table of keys (weights key/1000) as the snapshot
// lays it out.
func pairTableBytes(t testing.TB, keys []uint64) []byte {
	t.Helper()
	out, err := encodePairTable(nil, keys, func(k uint64) float64 { return float64(k&0xffff) / 1000 })
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPairTableInPlace: a table read in place finds every key with its
// weight and no other, and a table that is not laid out as the encoder
// lays it out is refused.
func TestPairTableInPlace(t *testing.T) {
	keys := []uint64{bigramKey(0, 1), bigramKey(1, 0), bigramKey(2, 2), bigramKey(4, 3), bigramKey(0, 4)}
	data := pairTableBytes(t, keys)
	p, err := decodePairTable(string(data), len(keys), 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		if w, ok := p.get(k); !ok || w != float64(k&0xffff)/1000 {
			t.Fatalf("key %x: %v %v", k, w, ok)
		}
	}
	for _, k := range []uint64{bigramKey(1, 1), bigramKey(3, 4), bigramKey(70000, 1), bigramKey(1, 70000)} {
		if _, ok := p.get(k); ok {
			t.Fatalf("key %x found", k)
		}
	}
	n := 0
	p.each(func(k uint64, w float64) {
		n++
		if !slices.Contains(keys, k) {
			t.Fatalf("each gave key %x", k)
		}
	})
	if n != len(keys) {
		t.Fatalf("each gave %d keys, want %d", n, len(keys))
	}
	size := len(data) / 12
	// slotOf is the slot of key in data.
	slotOf := func(key uint64) int {
		pk, _ := packPair(key)
		for i := range size {
			if binary.LittleEndian.Uint32(data[4*i:]) == pk {
				return i
			}
		}
		t.Fatalf("key %x not in the table", key)
		return 0
	}
	edit := func(f func(b []byte)) string {
		b := slices.Clone(data)
		f(b)
		return string(b)
	}
	put := func(b []byte, slot int, k uint32) { binary.LittleEndian.PutUint32(b[4*slot:], k) }
	home := int(p.slot(keys[0]))
	for _, c := range []struct {
		name  string
		data  string
		n, wd int
	}{
		{"one key too few", string(data), len(keys) - 1, 5},
		{"one key too many", string(data), len(keys) + 1, 5},
		{"a word id out of range", string(data), len(keys), 4},
		{"short", string(data[:len(data)-1]), len(keys), 5},
		{"long", string(data) + "\x00", len(keys), 5},
		{"a table of another size", string(pairTableBytes(t, append(slices.Clone(keys), bigramKey(5, 5), bigramKey(6, 6)))), len(keys), 7},
		{"a key with no first word", edit(func(b []byte) { put(b, slotOf(keys[0]), 0x0000_0002) }), len(keys), 5},
		{"a key with no second word", edit(func(b []byte) { put(b, slotOf(keys[0]), 0x0001_0000) }), len(keys), 5},
		{"a key an empty slot hides", edit(func(b []byte) {
			put(b, slotOf(keys[0]), 0)
			pk, _ := packPair(keys[0])
			put(b, (home+size-1)%size, pk) // just before its home slot
		}), len(keys), 5},
		{"no empty slot", edit(func(b []byte) {
			for i := range size {
				put(b, i, 0x0001_0001)
			}
		}), size, 5},
	} {
		if _, err := decodePairTable(c.data, c.n, c.wd); err == nil {
			t.Errorf("%s: read", c.name)
		}
	}
	// A fuller table, where some keys lie past their home slot, is read.
	var many []uint64
	for i := range 60 {
		many = append(many, bigramKey(int32(i%7), int32(i)))
	}
	big := pairTableBytes(t, many)
	q, err := decodePairTable(string(big), len(many), 60)
	if err != nil {
		t.Fatal(err)
	}
	displaced := 0
	for i := range len(big) / 12 {
		if k := binary.LittleEndian.Uint32(big[4*i:]); k != 0 && int(q.slot(unpackPair(k))) != i {
			displaced++
		}
	}
	if displaced == 0 {
		t.Error("no key of the fuller table lies past its home slot: the test proves nothing")
	}
	for _, k := range many {
		if _, ok := q.get(k); !ok {
			t.Fatalf("key %x of the fuller table not found", k)
		}
	}
	// Word ids that a packed key cannot name are refused when encoding.
	if _, err := encodePairTable(nil, []uint64{bigramKey(maxPackedWord+1, 0)}, func(uint64) float64 { return 1 }); err == nil {
		t.Error("a word id above maxPackedWord was encoded")
	}
	if _, err := encodePairTable(nil, []uint64{bigramKey(maxPackedWord, maxPackedWord)}, func(uint64) float64 { return 1 }); err != nil {
		t.Errorf("word ids of maxPackedWord: %v", err)
	}
}

// FuzzPairTable: any bytes are read as a bigram table or refused, never a
// panic or an endless probe; a table that is read finds each of its keys.
func FuzzPairTable(f *testing.F) {
	f.Add(pairTableBytes(f, []uint64{bigramKey(0, 1), bigramKey(1, 0)}), 2, 2)
	f.Add(make([]byte, 96), 0, 1)
	f.Add(make([]byte, 192), 3, 3)
	f.Fuzz(func(t *testing.T, data []byte, n, words int) {
		if n < 0 || n > len(data)/12 || words < 0 {
			return
		}
		p, err := decodePairTable(string(data), n, words)
		if err != nil {
			return
		}
		got := 0
		p.each(func(k uint64, w float64) {
			got++
			if _, ok := p.get(k); !ok {
				t.Fatalf("key %x of the table not found", k)
			}
		})
		if got != n {
			t.Fatalf("%d keys, want %d", got, n)
		}
		p.get(bigramKey(int32(n), int32(words)))
	})
}
