package rules

import (
	"math"
	"slices"
	"sync"
	"unsafe"
)

// The shared literal automaton of the built-in packs, precomputed at the
// end of prefilters.snap and read in place. Building it (a trie of some
// 3,400 literals, then a table of 9,300 states by 88 byte classes) was a
// tenth of a one-story run's CPU and an eighth of its page faults, on the
// path of the first segment: the 1.6 MB table was written into fresh heap
// pages, where the binary's read-only pages are read 64 KB a fault.
//
// The automaton of a literal set depends on the order of its literals
// (their IDs); analyseBatch interns the patterns of a batch in order of
// their text, so a run of the built-in packs alone makes the list that
// makeSnapshot makes from the snapshot's entries, which are in that
// order. buildAutomaton compares the literals themselves with the
// snapshot's list, not a checksum; any other list (a user's pack, an
// edited built-in pattern) is built as always. The tables are checked
// before use, not trusted (checkTables): every target is a state, every
// state's literals lie in the list of outputs, every output is a
// literal. TestPrefilterSnapshot fails when the section is stale, and
// TestAutomatonSnapshot compares it with a build.
//
// Layout, after the entries, integers as unsigned varints: the number of
// literals (0: no automaton), each literal (length and bytes), the number
// of byte classes, of states and of outputs; then, each table starting at
// a multiple of its element's size from the start of the snapshot (zero
// bytes between), the transitions (int16 per state and class, as next16),
// outLo and outHi (int32 per state) and outs (int32 each), all
// little-endian.
type autoSnap struct {
	lits               []string
	nclass, nstates    int
	next               string
	outLo, outHi, outs string

	// The automaton once its tables are checked (nil: they are not
	// sound), shared: checking reads all 1.6 MB of them, and Preload does
	// it before the first text asks.
	once    sync.Once
	checked *automaton
}

// writeAutomaton appends the automaton section for the literal list lits
// (none when it is empty or too large for next16).
func (w *snapWriter) automaton(lits []string) {
	var a *automaton
	if len(lits) > 0 && len(lits) <= maxSetLiterals {
		a = newAutomaton(lits)
	}
	if a == nil || a.next16 == nil {
		w.uint(0)
		return
	}
	w.uint(len(lits))
	for _, l := range lits {
		w.str(l)
	}
	nstates := len(a.next16) / a.nclass
	w.uint(a.nclass)
	w.uint(nstates)
	w.uint(len(a.outs))
	w.pad(2)
	for _, x := range a.next16 {
		w.buf = append(w.buf, byte(x), byte(uint16(x)>>8))
	}
	w.pad(4)
	for _, t := range [][]int32{a.outLo, a.outHi, a.outs} {
		for _, x := range t {
			w.buf = append(w.buf, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
		}
	}
}

// pad appends zero bytes up to a multiple of n.
func (w *snapWriter) pad(n int) {
	for len(w.buf)%n != 0 {
		w.buf = append(w.buf, 0)
	}
}

// automaton reads the section writeAutomaton wrote; total is the length
// of the whole snapshot, from whose start tables are aligned. It checks
// the sizes; the tables are checked when used (autoSnap.automaton).
func (r *snapReader) automaton(total int) *autoSnap {
	n := r.uint()
	if r.err != nil || n == 0 || n > maxSetLiterals {
		if n > maxSetLiterals {
			r.err = errSnapshot
		}
		return nil
	}
	s := &autoSnap{lits: make([]string, n)}
	for i := range s.lits {
		s.lits[i] = r.str()
	}
	s.nclass, s.nstates = r.uint(), r.uint()
	nouts := r.uint()
	if r.err != nil || s.nclass < 1 || s.nclass > 257 || s.nstates < 1 || s.nstates > math.MaxInt16+1 {
		r.err = errSnapshot
		return nil
	}
	s.next = r.aligned(total, 2, 2*s.nstates*s.nclass)
	s.outLo = r.aligned(total, 4, 4*s.nstates)
	s.outHi = r.aligned(total, 4, 4*s.nstates)
	s.outs = r.aligned(total, 4, 4*nouts)
	if r.err != nil {
		return nil
	}
	return s
}

// aligned skips the zero bytes up to a multiple of align from the start of
// a snapshot of total bytes and reads n bytes.
func (r *snapReader) aligned(total, align, n int) string {
	for r.err == nil && (total-len(r.data))%align != 0 {
		if len(r.data) == 0 || r.data[0] != 0 {
			r.err = errSnapshot
			return ""
		}
		r.data = r.data[1:]
	}
	return r.take(n)
}

// snapshotAutomaton returns the snapshot's automaton when lits is its
// literal list and its tables check, else nil.
func snapshotAutomaton(lits []string) *automaton {
	loadSnapshot()
	s := snapshot.auto
	if s == nil || !slices.Equal(s.lits, lits) {
		return nil
	}
	return s.automaton()
}

// automaton returns the automaton of the snapshot's list, its tables read
// in place where the bytes are aligned for them (copied otherwise), or nil
// when they do not check. The tables are checked once; each call returns
// an automaton of its own (the caller sets its anchors) sharing them.
func (s *autoSnap) automaton() *automaton {
	s.once.Do(func() { s.checked = s.check() })
	if s.checked == nil {
		return nil
	}
	a := *s.checked
	return &a
}

// check builds the automaton of the snapshot's tables and checks them.
func (s *autoSnap) check() *automaton {
	a := automatonClasses(s.lits)
	if a.nclass != s.nclass {
		return nil
	}
	a.next16 = inPlace[int16](s.next)
	a.outLo, a.outHi, a.outs = inPlace[int32](s.outLo), inPlace[int32](s.outHi), inPlace[int32](s.outs)
	if !a.checkTables(s.nstates) {
		return nil
	}
	return a
}

// checkTables reports whether a's tables of nstates states are safe to
// scan with: every transition leads to a state, and every state's outputs
// are literals of a.
func (a *automaton) checkTables(nstates int) bool {
	if len(a.next16) != nstates*a.nclass || len(a.outLo) != nstates || len(a.outHi) != nstates {
		return false
	}
	// The largest target, read branch-free: ^x for a negative x.
	var top int16
	for _, x := range a.next16 {
		top = max(top, x^(x>>15))
	}
	if int(top) >= nstates {
		return false
	}
	for s := range nstates {
		lo, hi := a.outLo[s], a.outHi[s]
		if lo < 0 || lo > hi || int(hi) > len(a.outs) {
			return false
		}
	}
	for _, id := range a.outs {
		if id < 0 || int(id) >= a.n {
			return false
		}
	}
	return true
}

// littleEndian reports whether the processor stores integers as the
// snapshot does, so that its tables can be read in place.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// inPlace returns the little-endian integers of s: s itself, read-only,
// when it is aligned for them, else a copy.
func inPlace[T int16 | int32](s string) []T {
	size := int(unsafe.Sizeof(T(0)))
	n := len(s) / size
	if n == 0 {
		return nil
	}
	if p := unsafe.StringData(s); littleEndian && uintptr(unsafe.Pointer(p))%uintptr(size) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(p)), n)
	}
	out := make([]T, n)
	for i := range out {
		var v uint32
		for b := size - 1; b >= 0; b-- {
			v = v<<8 | uint32(s[i*size+b])
		}
		out[i] = T(v)
	}
	return out
}
