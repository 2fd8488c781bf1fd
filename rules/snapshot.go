package rules

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"regexp/syntax"
	"slices"
	"sync"
	"unicode"
)

// The snapshot holds, for every pattern of the built-in packs, what loading
// and analysing it would find: its group count, whether it matches empty
// text, and its prefilter analysis (literals, alphabet, shortest match).
// Parsing the default packs' patterns (case folding of \p{L} classes) and
// analysing them was about half of a one-story run. The snapshot also holds
// each pattern's parsed tree, decoded only when a text has the pattern's
// literals and its DFA is needed: nothing is parsed but for Go's regexp,
// compiled for the patterns that do match. It is keyed by the exact pattern text, so a pattern that is not in
// it (a user's pack, a built-in pattern edited since) is parsed and checked
// as always, and a result cannot depend on whether it was used.
// TestPrefilterSnapshot fails when it is out of date; regenerate it with
//
//	go test ./rules -run TestPrefilterSnapshot -update-prefilters
//
// (also run by go generate ./rules).
//
//go:embed prefilters.snap
var snapshotData string

// snapEntry is one pattern's entry.
type snapEntry struct {
	analysis
	numSubexp    int
	matchesEmpty bool

	treeData string   // the encoded tree, decoded by tree()
	classes  [][]rune // the snapshot's class table
}

// tree decodes the pattern's parsed tree: a new one on each call, as
// syntax.Parse would give.
func (e *snapEntry) tree() *syntax.Regexp {
	r := snapReader{data: e.treeData}
	t := r.tree(e.classes, 0)
	if r.err != nil || len(r.data) != 0 {
		return nil
	}
	return t
}

var snapshot struct {
	once    sync.Once
	entries map[string]*snapEntry
}

// snapshotFor returns the snapshot's entry for the pattern src, or nil.
func snapshotFor(src string) *snapEntry {
	snapshot.once.Do(func() {
		m, err := decodeSnapshot(snapshotData)
		if err == nil {
			snapshot.entries = m
		}
	})
	return snapshot.entries[src]
}

// snapshotMagic starts the file; the Unicode version follows it, since
// classes like \p{L} and case folding come from the tables of the Go that
// made the snapshot. Another version ignores the snapshot.
const snapshotMagic = "redact prefilters 2\n"

// makeSnapshot parses and analyses each pattern, which must be valid and
// within the limits, and encodes the results, sorted by pattern.
func makeSnapshot(srcs []string) ([]byte, error) {
	srcs = slices.Clone(srcs)
	slices.Sort(srcs)
	srcs = slices.Compact(srcs)
	var w snapWriter
	w.str(snapshotMagic)
	w.str(unicode.Version)
	type entry struct {
		src  string
		e    snapEntry
		tree *syntax.Regexp
	}
	var entries []entry
	for _, src := range srcs {
		if len(src) > MaxPatternLen {
			return nil, fmt.Errorf("pattern %q is over the length limit", shorten(src))
		}
		tree, err := syntax.Parse(src, syntax.Perl)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: %v", shorten(src), err)
		}
		if err := checkProgram(tree); err != nil {
			return nil, fmt.Errorf("pattern %q: %v", shorten(src), err)
		}
		entries = append(entries, entry{src, snapEntry{analysis: *analyseTree(tree), numSubexp: tree.MaxCap(), matchesEmpty: matchesEmpty(tree)}, tree})
	}
	// Classes of runes (of alphabets and of the trees' character
	// classes), shared by many patterns (\p{L}), stored once each.
	var classes [][]rune
	classIndex := func(c []rune) int {
		i := slices.IndexFunc(classes, func(d []rune) bool { return slices.Equal(c, d) })
		if i < 0 {
			i = len(classes)
			classes = append(classes, c)
		}
		return i
	}
	var trees []snapWriter
	for _, en := range entries {
		for _, h := range en.e.alpha.high {
			classIndex(h)
		}
		var tw snapWriter
		tw.tree(en.tree, classIndex)
		trees = append(trees, tw)
	}
	w.uint(len(classes))
	for _, c := range classes {
		w.uint(len(c))
		prev := rune(0)
		for _, r := range c {
			if r < prev {
				return nil, fmt.Errorf("class %v is not sorted", c)
			}
			w.uint(int(r - prev))
			prev = r
		}
	}
	w.uint(len(entries))
	for i, en := range entries {
		e := &en.e
		w.str(en.src)
		w.uint(e.numSubexp)
		w.bool(e.matchesEmpty)
		w.uint(e.minLen)
		w.bool(e.window)
		w.buf = binary.LittleEndian.AppendUint64(w.buf, e.alpha.ascii[0])
		w.buf = binary.LittleEndian.AppendUint64(w.buf, e.alpha.ascii[1])
		w.uint(len(e.alpha.high))
		for _, h := range e.alpha.high {
			w.uint(classIndex(h))
		}
		w.uint(len(e.clauses))
		for _, c := range e.clauses {
			w.uint(len(c))
			for _, l := range c {
				w.str(l)
			}
		}
		w.str(string(trees[i].buf))
	}
	return w.buf, nil
}

// tree writes a parsed tree: every field syntax.Parse sets, so that the
// decoded tree compiles to the same program.
func (w *snapWriter) tree(re *syntax.Regexp, classIndex func([]rune) int) {
	w.uint(int(re.Op))
	w.uint(int(re.Flags))
	switch re.Op {
	case syntax.OpCharClass:
		w.uint(classIndex(re.Rune))
	default:
		w.uint(len(re.Rune))
		for _, r := range re.Rune {
			w.uint(int(r))
		}
	}
	w.uint(re.Min + 1) // -1 for no limit
	w.uint(re.Max + 1)
	w.uint(re.Cap)
	w.str(re.Name)
	w.uint(len(re.Sub))
	for _, sub := range re.Sub {
		w.tree(sub, classIndex)
	}
}

type snapWriter struct{ buf []byte }

func (w *snapWriter) uint(n int) { w.buf = binary.AppendUvarint(w.buf, uint64(n)) }
func (w *snapWriter) str(s string) {
	w.uint(len(s))
	w.buf = append(w.buf, s...)
}
func (w *snapWriter) bool(b bool) {
	if b {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

var errSnapshot = errors.New("prefilter snapshot: bad data")

// decodeSnapshot reads a snapshot. Its strings are slices of data (the
// binary's read-only data), not copies.
func decodeSnapshot(data string) (map[string]*snapEntry, error) {
	r := snapReader{data: data}
	if r.str() != snapshotMagic {
		return nil, errSnapshot
	}
	if r.str() != unicode.Version {
		return nil, fmt.Errorf("prefilter snapshot: made with other Unicode tables")
	}
	classes := make([][]rune, r.uint())
	for i := range classes {
		n := r.uint()
		if r.err != nil || n > len(data) {
			return nil, errSnapshot
		}
		c := make([]rune, n)
		prev := rune(0)
		for j := range c {
			prev += rune(r.uint())
			c[j] = prev
		}
		classes[i] = c
	}
	n := r.uint()
	if r.err != nil || n > len(data) {
		return nil, errSnapshot
	}
	m := make(map[string]*snapEntry, n)
	for range n {
		src := r.str()
		e := &snapEntry{numSubexp: r.uint(), matchesEmpty: r.bool()}
		e.minLen = r.uint()
		e.window = r.bool()
		e.alpha = &alphabet{ascii: [2]uint64{r.uint64(), r.uint64()}}
		for range r.uint() {
			i := r.uint()
			if i >= len(classes) {
				return nil, errSnapshot
			}
			e.alpha.high = append(e.alpha.high, classes[i])
		}
		for range r.uint() {
			c := make([]string, r.uint())
			for j := range c {
				c[j] = r.str()
			}
			e.clauses = append(e.clauses, c)
			if r.err != nil {
				return nil, errSnapshot
			}
		}
		e.treeData = r.str()
		e.classes = classes
		if r.err != nil {
			return nil, errSnapshot
		}
		m[src] = e
	}
	if r.err != nil || len(r.data) != 0 {
		return nil, errSnapshot
	}
	return m, nil
}

// maxTreeDepth bounds the nesting of a decoded tree, as syntax.Parse
// bounds it (1000).
const maxTreeDepth = 1000

// tree reads a tree written by snapWriter.tree.
func (r *snapReader) tree(classes [][]rune, depth int) *syntax.Regexp {
	if depth > maxTreeDepth {
		r.err = errSnapshot
		return nil
	}
	re := &syntax.Regexp{Op: syntax.Op(r.uint()), Flags: syntax.Flags(r.uint())}
	if re.Op == syntax.OpCharClass {
		i := r.uint()
		if i >= len(classes) {
			r.err = errSnapshot
			return nil
		}
		re.Rune = classes[i]
	} else if n := r.uint(); n > 0 {
		if n > len(r.data) {
			r.err = errSnapshot
			return nil
		}
		re.Rune = make([]rune, n)
		for i := range re.Rune {
			re.Rune[i] = rune(r.uint())
		}
	}
	re.Min = r.uint() - 1
	re.Max = r.uint() - 1
	re.Cap = r.uint()
	re.Name = r.str()
	n := r.uint()
	if r.err != nil || n > len(r.data) {
		r.err = errSnapshot
		return nil
	}
	if n > 0 {
		re.Sub = make([]*syntax.Regexp, n)
		for i := range re.Sub {
			if re.Sub[i] = r.tree(classes, depth+1); r.err != nil {
				return nil
			}
		}
	}
	return re
}

type snapReader struct {
	data string
	err  error
}

func (r *snapReader) uint() int {
	if r.err != nil {
		return 0
	}
	var v uint64
	for i := 0; i < len(r.data) && i < binary.MaxVarintLen64; i++ {
		b := r.data[i]
		v |= uint64(b&0x7f) << (7 * i)
		if b < 0x80 {
			if v > 1<<31 {
				break
			}
			r.data = r.data[i+1:]
			return int(v)
		}
	}
	r.err = errSnapshot
	return 0
}

func (r *snapReader) uint64() uint64 {
	if r.err != nil || len(r.data) < 8 {
		r.err = errSnapshot
		return 0
	}
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(r.data[i])
	}
	r.data = r.data[8:]
	return v
}

func (r *snapReader) str() string {
	n := r.uint()
	if r.err != nil || n > len(r.data) {
		r.err = errSnapshot
		return ""
	}
	s := r.data[:n]
	r.data = r.data[n:]
	return s
}

func (r *snapReader) bool() bool {
	if r.err != nil || len(r.data) == 0 || r.data[0] > 1 {
		r.err = errSnapshot
		return false
	}
	b := r.data[0] == 1
	r.data = r.data[1:]
	return b
}
