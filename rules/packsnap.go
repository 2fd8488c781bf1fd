package rules

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"hash/crc32"
	"math"
	"strings"
	"sync"
)

// The built-in packs' YAML, decoded ahead of time. yaml.v3 reads the
// default packs at about 20 MB/s, and the operational pack alone (170 KB,
// most of it long patterns in quotes) took 8 ms of a one-story run's CPU
// before anything else of that pack could start; gob reads the same
// structures in half a millisecond. The snapshot memoizes decodePack: an
// entry is found by the length and checksum of the YAML bytes, so a pack
// whose text is not exactly a built-in one (a user's pack, a built-in pack
// edited since) is decoded from its YAML as always, and the result cannot
// depend on whether the snapshot was used. It keeps no YAML nodes, only
// each rule's line and column: a pack read from it reports errors without
// positions, so parse reads the YAML again when compiling one fails.
// TestPackSnapshot fails when it is out of date; regenerate it with
//
//	go test ./rules -run TestPackSnapshot -update-packs
//
// Layout, integers as unsigned varints: the magic, the number of entries,
// then per entry the YAML's length and CRC-32 (Castagnoli), the number of
// rules, each rule's line and column, and the rawPack, gob-encoded
// (length and bytes). The index is read in place (decodePackSnap): the
// entries were one gob value, which copied the whole file onto the heap
// twice at every start before a pack could be decoded.
//
//go:embed packs.snap
var packSnapData string

const packSnapMagic = "redact packs 2\n"

// packSnapEntry is one YAML file's decoded pack.
type packSnapEntry struct {
	Len   int
	Sum   uint32   // crc32 (Castagnoli) of the YAML
	Gob   string   // the rawPack, gob-encoded: a slice of the snapshot
	Lines [][2]int // line and column of each rule
}

// castagnoli is the CRC-32C table, made on first use: making it (0.25 ms)
// was a fifth of the package's initialisation, and Preload makes it
// before the first pack asks.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

var packSnap = sync.OnceValue(func() []packSnapEntry {
	entries, err := decodePackSnap(packSnapData)
	if err != nil {
		return nil
	}
	return entries
})

// decodePackSnap reads the index of a pack snapshot; the gob of each entry
// is a slice of data. Malformed data is refused.
func decodePackSnap(data string) ([]packSnapEntry, error) {
	if !strings.HasPrefix(data, packSnapMagic) {
		return nil, errPackSnap
	}
	r := snapReader{data: data[len(packSnapMagic):]}
	entries := make([]packSnapEntry, r.count(3))
	for i := range entries {
		e := &entries[i]
		e.Len = r.uint()
		sum := r.uvarint()
		if sum > math.MaxUint32 {
			return nil, errPackSnap
		}
		e.Sum = uint32(sum)
		e.Lines = make([][2]int, r.count(2))
		for k := range e.Lines {
			e.Lines[k] = [2]int{r.uint(), r.uint()}
		}
		e.Gob = r.str()
		if r.err != nil {
			return nil, errPackSnap
		}
	}
	if r.err != nil || r.data != "" {
		return nil, errPackSnap
	}
	return entries, nil
}

var errPackSnap = errors.New("pack snapshot: bad data")

// snapshotPack returns the decoded pack of data and its rules' positions
// when the snapshot holds them. Each call decodes a fresh rawPack: the
// compiler may keep parts of it.
func snapshotPack(data []byte) (*rawPack, [][2]int, bool) {
	return snapshotPackIn(packSnap(), data)
}

// snapshotPackIn is snapshotPack for the entries of a snapshot.
func snapshotPackIn(entries []packSnapEntry, data []byte) (*rawPack, [][2]int, bool) {
	if len(entries) == 0 {
		return nil, nil, false
	}
	var sum uint32
	for i := range entries {
		e := &entries[i]
		if e.Len != len(data) {
			continue
		}
		if sum == 0 {
			sum = crc32.Checksum(data, castagnoli())
		}
		if e.Sum != sum {
			continue
		}
		var raw rawPack
		if err := gob.NewDecoder(strings.NewReader(e.Gob)).Decode(&raw); err != nil || len(e.Lines) != len(raw.Rules) {
			return nil, nil, false
		}
		return &raw, e.Lines, true
	}
	return nil, nil, false
}

// snapshotable reports whether a decoded pack can be read back without
// its YAML nodes: composition and lint settings keep node positions.
func snapshotable(raw *rawPack) bool {
	if len(raw.Extends) > 0 || len(raw.Disable) > 0 || len(raw.Override) > 0 || raw.Lint != nil {
		return false
	}
	for i := range raw.Rules {
		if raw.Rules[i].Lint != nil {
			return false
		}
	}
	return true
}

// makePackSnapshot decodes each YAML file (name -> bytes) that can be
// snapshotted and encodes the entries, in the order given.
func makePackSnapshot(files [][]byte) ([]byte, error) {
	var entries []packSnapEntry
	for _, data := range files {
		raw, root, errs := decodePack("snapshot", data)
		if errs != nil {
			return nil, errs
		}
		if !snapshotable(raw) {
			continue
		}
		var g bytes.Buffer
		if err := gob.NewEncoder(&g).Encode(raw); err != nil {
			return nil, err
		}
		e := packSnapEntry{Len: len(data), Sum: crc32.Checksum(data, castagnoli()), Gob: g.String()}
		for _, n := range ruleNodes(root) {
			e.Lines = append(e.Lines, [2]int{n.Line, n.Column})
		}
		if len(e.Lines) != len(raw.Rules) {
			continue
		}
		entries = append(entries, e)
	}
	return encodePackSnap(entries), nil
}

// encodePackSnap writes entries in the layout decodePackSnap reads.
func encodePackSnap(entries []packSnapEntry) []byte {
	w := snapWriter{buf: []byte(packSnapMagic)}
	w.uint(len(entries))
	for _, e := range entries {
		w.uint(e.Len)
		w.buf = binary.AppendUvarint(w.buf, uint64(e.Sum))
		w.uint(len(e.Lines))
		for _, l := range e.Lines {
			w.uint(l[0])
			w.uint(l[1])
		}
		w.str(e.Gob)
	}
	return w.buf
}
