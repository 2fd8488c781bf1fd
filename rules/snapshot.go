package rules

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// The snapshot holds, for every pattern of the built-in packs, what loading
// and analysing it would find: its group count, whether it matches empty
// text, and its prefilter analysis (literals, alphabet, shortest match).
// Parsing the default packs' patterns (case folding of \p{L} classes) and
// analysing them was about half of a one-story run, and compiling the
// programs of the DFAs of the patterns a story's literals call for (twice,
// forward and reverse) another quarter. The snapshot holds those programs
// too, laid out as the DFAs read them (program.go), so a DFA's first use
// checks its program's jumps and copies nothing: nothing is parsed or
// compiled but Go's regexp, for the patterns that do match. It is keyed by the exact pattern text, so a pattern that is not in
// it (a user's pack, a built-in pattern edited since) is parsed and checked
// as always, and a result cannot depend on whether it was used.
// After the entries come their programs, each entry's forward then
// reverse, in the entries' order (the entries hold their lengths), then
// the automaton of the built-in packs' literals (automaton_snap.go).
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

	// litIDs are the IDs of the clauses' literals in the list of the
	// snapshot's automaton (nil: none), checked against it when decoded.
	litIDs [][]int32

	src      string
	fwd, rev string   // the encoded DFAs; rev "" if none
	classes  [][]rune // the snapshot's rune table
	embedded bool     // from the binary's own snapshot: programs checked by tests
}

// dfa decodes the forward (or the reverse) DFA: what newDFA
// (newReverseDFA) builds from the parsed pattern, with no state yet. A new
// one on each call; nil if there is none.
func (e *snapEntry) dfa(reverse bool) *dfa {
	data := e.fwd
	if reverse {
		data = e.rev
	}
	if data == "" {
		return nil
	}
	r := snapReader{data: data, checked: e.embedded}
	d := r.dfa(e.classes)
	if r.err != nil || len(r.data) != 0 {
		return nil
	}
	return d
}

// snapDFAs are the DFAs newDFA and newReverseDFA build for tree (the
// reverse one only for a pattern that cannot match empty text, as
// prefilter.reverse builds it).
func snapDFAs(tree *syntax.Regexp, minLen int) (fwd, rev *dfa) {
	fwd = newDFA(tree)
	if minLen > 0 {
		rev = newReverseDFA(tree)
	}
	return fwd, rev
}

var snapshot struct {
	once    sync.Once
	entries map[string]*snapEntry
	auto    *autoSnap // the built-in packs' literal automaton (automaton_snap.go)
}

// loadSnapshot decodes the binary's snapshot, once.
func loadSnapshot() {
	snapshot.once.Do(func() {
		m, auto, err := decodeSnapshotAll(snapshotData)
		if err == nil {
			markEmbedded(m)
			snapshot.entries, snapshot.auto = m, auto
		}
	})
}

// snapshotFor returns the snapshot's entry for the pattern src, or nil.
func snapshotFor(src string) *snapEntry {
	loadSnapshot()
	return snapshot.entries[src]
}

// markEmbedded marks the entries of the binary's own snapshot, whose
// programs are not checked again when decoded: checking them was 7 % of a
// one-story run, and these bytes are fixed when the binary is built.
// TestEmbeddedProgramsValid checks every one of them, and
// TestPrefilterSnapshot that they are what compiling the patterns gives. A
// bad jump could still not reach memory outside the program (Go checks
// every index); it would panic rather than be refused.
func markEmbedded(m map[string]*snapEntry) {
	for _, e := range m {
		e.embedded = true
	}
}

// snapshotMagic starts the file; the Unicode version follows it, since
// classes like \p{L} and case folding come from the tables of the Go that
// made the snapshot. Another version ignores the snapshot.
const snapshotMagic = "redact prefilters 8\n"

// makeSnapshot parses and analyses each pattern, which must be valid and
// within the limits, and encodes the results, sorted by pattern.
func makeSnapshot(srcs []string) ([]byte, error) {
	srcs = slices.Clone(srcs)
	slices.Sort(srcs)
	srcs = slices.Compact(srcs)
	var w snapWriter
	w.str(snapshotMagic)
	w.str(unicode.Version)
	w.str(dfaLayout())
	type entry struct {
		src      string
		e        snapEntry
		fwd, rev *dfa
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
		a := analyseTree(tree)
		fwd, rev := snapDFAs(tree, a.minLen)
		entries = append(entries, entry{src, snapEntry{analysis: *a, numSubexp: tree.MaxCap(), matchesEmpty: matchesEmpty(tree)}, fwd, rev})
	}
	// Lists of runes (the alphabets' classes, the programs' instructions),
	// shared by many patterns (\p{L}), stored once each.
	var classes [][]rune
	index := map[string]int{}
	classIndex := func(c []rune) int {
		k := string(c)
		i, ok := index[k]
		if !ok {
			i = len(classes)
			index[k] = i
			classes = append(classes, c)
		}
		return i
	}
	type progs struct{ fwd, rev snapWriter }
	var encoded []progs
	for _, en := range entries {
		for _, h := range en.e.alpha.high {
			classIndex(h)
		}
		var ps progs
		ps.fwd.dfa(en.fwd, classIndex)
		ps.rev.dfa(en.rev, classIndex)
		encoded = append(encoded, ps)
	}
	w.uint(len(classes))
	for _, c := range classes {
		w.uint(len(c))
		prev := rune(0)
		for _, r := range c {
			w.int(int(r - prev)) // mostly ascending: classes are sorted ranges
			prev = r
		}
	}
	// The literal list a run of these patterns alone interns (analyseBatch:
	// in order of their text, as entries are): each literal is written
	// with its ID there, and the list ends the snapshot with its automaton.
	ls := newLitSet()
	for _, en := range entries {
		if len(ls.list) > maxSetLiterals {
			break
		}
		if len(en.e.clauses) > 0 {
			ls.intern(en.e.clauses)
		}
	}
	if len(ls.list) > maxSetLiterals {
		ls.list, ls.ids = nil, map[string]int32{} // more than one set: no automaton
	}
	w.uint(len(entries))
	for i, en := range entries {
		e := &en.e
		w.str(en.src)
		w.uint(e.numSubexp)
		w.bool(e.matchesEmpty)
		w.uint(e.minLen)
		w.bool(e.window)
		w.uint(e.tail)
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
				if id, ok := ls.ids[l]; ok {
					w.uint(int(id) + 1)
				} else {
					w.uint(0)
				}
			}
		}
		w.uint(len(encoded[i].fwd.buf))
		w.uint(len(encoded[i].rev.buf))
	}
	// The programs after every entry, in the entries' order: decoding
	// reads the entries' 360 KB, not the 3.6 MB they and the programs
	// make together (the binary's pages fault as they are read, and the
	// programs of most patterns are never run).
	var all []byte
	for _, ps := range encoded {
		all = append(append(all, ps.fwd.buf...), ps.rev.buf...)
	}
	w.str(string(all))
	w.automaton(ls.list)
	return w.buf, nil
}

// dfa writes a DFA before its first use (nothing for nil): its program,
// every field syntax.Compile sets, and its byte classes.
func (w *snapWriter) dfa(d *dfa, classIndex func([]rune) int) {
	if d == nil {
		return
	}
	w.buf = append(w.buf, d.class[:]...)
	w.uint(int(d.shift))
	// The program as it is read in place, its rune lists renumbered into
	// the snapshot's table.
	w.str(d.prog.renumbered(func(rs []rune) int { return classIndex(rs) + 1 }))
	w.uint(int(d.prog.start))
}

type snapWriter struct{ buf []byte }

func (w *snapWriter) uint(n int) { w.buf = binary.AppendUvarint(w.buf, uint64(n)) }
func (w *snapWriter) int(n int)  { w.buf = binary.AppendVarint(w.buf, int64(n)) }
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
	m, _, err := decodeSnapshotAll(data)
	return m, err
}

// decodeSnapshotAll is decodeSnapshot with the automaton section (nil when
// the snapshot has none).
func decodeSnapshotAll(data string) (map[string]*snapEntry, *autoSnap, error) {
	r := snapReader{data: data}
	if r.str() != snapshotMagic {
		return nil, nil, errSnapshot
	}
	if r.str() != unicode.Version {
		return nil, nil, fmt.Errorf("prefilter snapshot: made with other Unicode tables")
	}
	if r.str() != dfaLayout() {
		return nil, nil, fmt.Errorf("prefilter snapshot: made for another DFA")
	}
	// Every count is read with count, against the bytes left (each item
	// takes at least one), so that a corrupt count cannot ask for a huge
	// slice or loop long after the data ran out.
	classes := make([][]rune, r.count(1))
	for i := range classes {
		c := make([]rune, r.count(1))
		if r.err != nil {
			return nil, nil, errSnapshot
		}
		prev := rune(0)
		for j := range c {
			prev += rune(r.int())
			c[j] = prev
		}
		classes[i] = c
	}
	n := r.count(1)
	if r.err != nil {
		return nil, nil, errSnapshot
	}
	m := make(map[string]*snapEntry, n)
	// The entries in their order, with the lengths of their programs,
	// which follow the entries.
	order := make([]*snapEntry, 0, n)
	lens := make([][2]int, 0, n)
	total := 0
	for range n {
		src := r.str()
		e := &snapEntry{numSubexp: r.uint(), matchesEmpty: r.bool()}
		e.minLen = r.uint()
		e.window = r.bool()
		e.tail = r.uint()
		e.alpha = &alphabet{ascii: [2]uint64{r.uint64(), r.uint64()}}
		for range r.count(1) {
			i := r.uint()
			if r.err != nil || i >= len(classes) {
				return nil, nil, errSnapshot
			}
			e.alpha.high = append(e.alpha.high, classes[i])
		}
		withIDs := true
		for range r.count(1) {
			n := r.count(1)
			c, ids := make([]string, n), make([]int32, n)
			for j := range c {
				c[j] = r.str()
				id := r.uint()
				ids[j] = int32(id) - 1
				withIDs = withIDs && id > 0
			}
			e.clauses = append(e.clauses, c)
			e.litIDs = append(e.litIDs, ids)
			if r.err != nil {
				return nil, nil, errSnapshot
			}
		}
		if !withIDs {
			e.litIDs = nil
		}
		fwd, rev := r.uint(), r.uint()
		e.src, e.classes = src, classes
		total += fwd + rev
		if r.err != nil || total > len(r.data) {
			return nil, nil, errSnapshot
		}
		order, lens = append(order, e), append(lens, [2]int{fwd, rev})
		m[src] = e
	}
	progs := r.str()
	if r.err != nil || len(progs) != total || len(m) != len(order) {
		return nil, nil, errSnapshot
	}
	for i, e := range order {
		e.fwd, progs = progs[:lens[i][0]], progs[lens[i][0]:]
		e.rev, progs = progs[:lens[i][1]], progs[lens[i][1]:]
	}
	auto := r.automaton(len(data))
	if r.err != nil || len(r.data) != 0 || !checkLitIDs(m, auto) {
		return nil, nil, errSnapshot
	}
	if !classesAgree(m) {
		return nil, nil, fmt.Errorf("prefilter snapshot: made for another DFA")
	}
	return m, auto, nil
}

// checkLitIDs reports whether the literal IDs of the entries name their
// literals in the automaton's list; without an automaton, the entries
// keep none.
func checkLitIDs(m map[string]*snapEntry, auto *autoSnap) bool {
	for _, e := range m {
		if auto == nil {
			e.litIDs = nil
			continue
		}
		for i, ids := range e.litIDs {
			for j, id := range ids {
				if id < 0 || int(id) >= len(auto.lits) || auto.lits[id] != e.clauses[i][j] {
					return false
				}
			}
		}
	}
	return true
}

// The snapshot's DFAs are only right for the dfa code that built them; a
// stale snapshot fails TestPrefilterSnapshot, and these two checks keep
// one out of a binary anyway: the dfa struct's fields (dfaLayout, in the
// header), and the byte classes of a few programs, read again.

// dfaLayout lists the fields of the dfa struct with their types.
func dfaLayout() string {
	t := reflect.TypeFor[dfa]()
	var b strings.Builder
	for i := range t.NumField() {
		f := t.Field(i)
		fmt.Fprintf(&b, "%s %s;", f.Name, f.Type)
	}
	return b.String()
}

// classesAgree classifies the programs of the first few small DFAs of the
// snapshot again and compares the classes with the snapshot's.
func classesAgree(m map[string]*snapEntry) bool {
	const probes = 3
	var srcs []string
	for src, e := range m {
		if e.fwd != "" && len(e.fwd) < 2000 {
			srcs = append(srcs, src)
		}
	}
	slices.Sort(srcs)
	for _, src := range srcs[:min(probes, len(srcs))] {
		d := m[src].dfa(false)
		if d == nil {
			return false
		}
		again := &dfa{prog: d.prog}
		again.classify()
		if again.class != d.class || again.shift != d.shift {
			return false
		}
	}
	return true
}

// dfa reads a DFA written by snapWriter.dfa.
func (r *snapReader) dfa(classes [][]rune) *dfa {
	if len(r.data) < 128 {
		r.err = errSnapshot
		return nil
	}
	d := &dfa{}
	copy(d.class[:], r.data)
	r.data = r.data[128:]
	d.shift = uint(r.uint())
	d.prog = r.prog(classes)
	return d
}

// prog reads the program of a DFA: a slice of the snapshot, not a copy.
func (r *snapReader) prog(classes [][]rune) *program {
	code := r.str()
	p := &program{code: code, runes: classes, start: uint32(r.uint())}
	if r.err != nil || len(classes) > progMaxRunes || !r.checked && !p.valid() {
		r.err = errSnapshot
		return nil
	}
	return p
}

type snapReader struct {
	data    string
	err     error
	checked bool // programs known valid (markEmbedded): not checked again
}

func (r *snapReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	// Most numbers fit one or two bytes (lengths, word ids).
	if d := r.data; len(d) >= 2 {
		if d[0] < 0x80 {
			r.data = d[1:]
			return uint64(d[0])
		}
		if d[1] < 0x80 {
			r.data = d[2:]
			return uint64(d[0]&0x7f) | uint64(d[1])<<7
		}
	}
	var v uint64
	for i := 0; i < len(r.data) && i < binary.MaxVarintLen64; i++ {
		b := r.data[i]
		v |= uint64(b&0x7f) << (7 * i)
		if b < 0x80 {
			r.data = r.data[i+1:]
			return v
		}
	}
	r.err = errSnapshot
	return 0
}

// int reads a zig-zag varint.
func (r *snapReader) int() int {
	var u uint64
	if len(r.data) > 0 && r.data[0] < 0x80 {
		u, r.data = uint64(r.data[0]), r.data[1:]
	} else {
		u = r.uvarint()
	}
	return int(int64(u>>1) ^ -int64(u&1))
}

func (r *snapReader) uint() int {
	u := r.uvarint()
	if u > 1<<31 {
		r.err = errSnapshot
		return 0
	}
	return int(u)
}

func (r *snapReader) uint64() uint64 {
	if r.err != nil || len(r.data) < 8 {
		r.err = errSnapshot
		return 0
	}
	v := le64(r.data) // one load
	r.data = r.data[8:]
	return v
}

func (r *snapReader) str() string {
	return r.take(r.uint())
}

// take reads the next n bytes.
func (r *snapReader) take(n int) string {
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
