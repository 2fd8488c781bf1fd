package rules

import (
	"reflect"
	"runtime"
	"slices"
	"sort"
	"testing"
	"unsafe"
	"weak"
)

// canonicalLiterals is the literal list analyseBatch interns for the
// patterns srcs alone: their clauses, in order of their text.
func canonicalLiterals(t testing.TB, srcs []string) []string {
	t.Helper()
	srcs = slices.Clone(srcs)
	sort.Strings(srcs)
	ls := newLitSet()
	for _, src := range srcs {
		re := compileOne(t, src)
		if a := analyseTree(re.tree); len(a.clauses) > 0 {
			ls.intern(a.clauses)
		}
	}
	return ls.list
}

// sameAutomaton fails unless got and want have the same tables.
func sameAutomaton(t *testing.T, got, want *automaton) {
	t.Helper()
	if got.n != want.n || got.class != want.class || got.ascii != want.ascii || got.nclass != want.nclass ||
		!slices.Equal(got.next16, want.next16) || !slices.Equal(got.next, want.next) ||
		!slices.Equal(got.outLo, want.outLo) || !slices.Equal(got.outHi, want.outHi) || !slices.Equal(got.outs, want.outs) {
		t.Fatal("the snapshot's automaton differs from a build of its literals")
	}
}

// TestAutomatonSnapshot: prefilters.snap holds the automaton of the
// literals a run of the built-in packs interns, and it is the automaton
// a build of that list gives; buildAutomaton takes it for that list only.
func TestAutomatonSnapshot(t *testing.T) {
	srcs, err := builtinPatternSources()
	if err != nil {
		t.Fatal(err)
	}
	lits := canonicalLiterals(t, srcs)
	_, auto, err := decodeSnapshotAll(snapshotData)
	if err != nil {
		t.Fatal(err)
	}
	if auto == nil {
		t.Fatal("prefilters.snap has no automaton")
	}
	if !slices.Equal(auto.lits, lits) {
		t.Fatalf("prefilters.snap's automaton is for %d other literals, not the built-in packs' %d: run go test ./rules -run TestPrefilterSnapshot -update-prefilters", len(auto.lits), len(lits))
	}
	got := auto.automaton()
	if got == nil {
		t.Fatal("the snapshot's automaton does not check")
	}
	sameAutomaton(t, got, newAutomaton(lits))
	a := buildAutomaton(slices.Clone(lits))
	sameAutomaton(t, a, got)
	if p := unsafe.StringData(auto.next); uintptr(unsafe.Pointer(p))%2 == 0 && littleEndian && unsafe.Pointer(&a.next16[0]) != unsafe.Pointer(p) {
		t.Error("buildAutomaton copied the list's automaton instead of reading it in place")
	}
	other := append(slices.Clone(lits[:len(lits)-1]), "zzz-not-a-literal")
	if snapshotAutomaton(other) != nil || snapshotAutomaton(lits[1:]) != nil {
		t.Error("the snapshot's automaton was taken for another list")
	}
}

// TestAutomatonSnapshotOrder: a batch's patterns are analysed, and their
// literals interned, in order of their text, whichever pattern asked
// first, so that a run of the built-in packs meets the snapshot's list.
func TestAutomatonSnapshotOrder(t *testing.T) {
	srcs := []string{`\bzebra\d+`, `(?i)\bapple\s+pie\b`, `\bmango\b|\bkiwi\b`, `\bcarrot(?:s)?\b`, `\bmango\b|\bkiwi\b`}
	var res []*regex
	var pending []weak.Pointer[regex]
	for _, src := range srcs {
		re := compileOne(t, src)
		res = append(res, re)
		pending = append(pending, weak.Make(re))
	}
	want := slices.Sorted(slices.Values(srcs))
	for first := range res {
		var got []string
		for _, re := range batchOf(res[first], pending) {
			got = append(got, re.src)
		}
		if !slices.Equal(got, want) {
			t.Errorf("batch started by %q: %q, want %q", srcs[first], got, want)
		}
	}
	runtime.KeepAlive(res)
}

// TestAutomatonTablesChecked: tables that would lead a scan outside them
// are refused.
func TestAutomatonTablesChecked(t *testing.T) {
	lits := []string{"he", "she", "his", "hers"}
	good := newAutomaton(lits)
	nstates := len(good.next16) / good.nclass
	if !good.checkTables(nstates) {
		t.Fatal("a built automaton does not check")
	}
	for _, c := range []struct {
		name string
		edit func(a *automaton)
	}{
		{"a target past the last state", func(a *automaton) { a.next16[3] = int16(nstates) }},
		{"a complemented target past the last state", func(a *automaton) { a.next16[5] = ^int16(nstates) }},
		{"outputs past their list", func(a *automaton) { a.outHi[nstates-1] = int32(len(a.outs) + 1) }},
		{"outputs ending before they start", func(a *automaton) { a.outLo[1], a.outHi[1] = 2, 1 }},
		{"a negative start of outputs", func(a *automaton) { a.outLo[0] = -1 }},
		{"an output that is no literal", func(a *automaton) { a.outs[0] = int32(len(lits)) }},
		{"a negative output", func(a *automaton) { a.outs[0] = -1 }},
		{"a short table", func(a *automaton) { a.next16 = a.next16[:len(a.next16)-1] }},
		{"a short outLo", func(a *automaton) { a.outLo = a.outLo[:nstates-1] }},
	} {
		a := *good
		a.next16, a.outLo, a.outHi, a.outs = slices.Clone(good.next16), slices.Clone(good.outLo), slices.Clone(good.outHi), slices.Clone(good.outs)
		c.edit(&a)
		if a.checkTables(nstates) {
			t.Errorf("%s: checked", c.name)
		}
	}
}

// TestInPlaceInts: tables are read in place when aligned and copied when
// not, with the same values.
func TestInPlaceInts(t *testing.T) {
	b := []byte{1, 0, 0xff, 0xff, 2, 1, 0, 0x80, 7}
	s := string(b)
	for off := range 2 {
		got16 := inPlace[int16](s[off : off+8])
		var want16 []int16
		for i := off; i+1 < off+8; i += 2 {
			want16 = append(want16, int16(uint16(b[i])|uint16(b[i+1])<<8))
		}
		if !slices.Equal(got16, want16) {
			t.Errorf("int16s at offset %d: %v, want %v", off, got16, want16)
		}
		got32 := inPlace[int32](s[off : off+8])
		want32 := []int32{int32(le32(s[off:])), int32(le32(s[off+4:]))}
		if !slices.Equal(got32, want32) {
			t.Errorf("int32s at offset %d: %v, want %v", off, got32, want32)
		}
	}
	if inPlace[int16]("") != nil || inPlace[int32]("abc") != nil {
		t.Error("a table of no whole element is not empty")
	}
}

// FuzzAutomatonSnapshot: a snapshot with an automaton, overwritten with
// any bytes, is refused or read, and an automaton read from it scans any
// text without a panic.
func FuzzAutomatonSnapshot(f *testing.F) {
	srcs := []string{`\bhello\b`, `(?i)\bworld\s+\d+`, `\bsh(?:e|ip)s?\b`}
	data, err := makeSnapshot(srcs)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(0, []byte{}, "she said hello to the world 42")
	f.Add(len(data)-40, []byte{0xff, 0x7f, 0x00, 0x80}, "ships")
	f.Add(len(data)/2, []byte("x"), "hello")
	f.Fuzz(func(t *testing.T, at int, junk []byte, text string) {
		if at < 0 || at >= len(data) {
			return
		}
		bad := slices.Clone(data)
		copy(bad[at:], junk)
		_, auto, err := decodeSnapshotAll(string(bad))
		if err != nil || auto == nil {
			return
		}
		a := auto.automaton()
		if a == nil {
			return
		}
		m := &litMemo{present: make([]uint64, (a.n+63)/64)}
		a.scan(text, m)
	})
}

// TestSeededLitSet: a set seeded with the snapshot's list, its patterns
// taking their literals' IDs from their entries, is the set interning the
// entries' literals one by one makes: the same IDs, pattern numbers,
// anchors and list. Literals interned later (a user's pack) are found or
// added as in any set.
func TestSeededLitSet(t *testing.T) {
	m, auto, err := decodeSnapshotAll(snapshotData)
	if err != nil || auto == nil {
		t.Fatalf("no automaton in the snapshot: %v", err)
	}
	srcs := make([]string, 0, len(m))
	for src := range m {
		srcs = append(srcs, src)
	}
	sort.Strings(srcs)
	plain, seeded := newLitSet(), seededLitSet(auto.lits, len(m))
	with := 0
	for _, src := range srcs {
		e := m[src]
		if len(e.clauses) == 0 {
			continue
		}
		if e.litIDs == nil {
			t.Fatalf("%.60q: no literal IDs", src)
		}
		with++
		wantIDs, wantNum := plain.intern(e.clauses)
		if num := seeded.number(e.litIDs); num != wantNum || !reflect.DeepEqual(e.litIDs, wantIDs) {
			t.Fatalf("%.60q: IDs %v number %d, interning gives %v %d", src, e.litIDs, num, wantIDs, wantNum)
		}
	}
	if with == 0 {
		t.Fatal("no entry has literals")
	}
	if !slices.Equal(seeded.list, plain.list) || !reflect.DeepEqual(seeded.anchors, plain.anchors) ||
		!reflect.DeepEqual(seeded.firsts, plain.firsts) || seeded.pats.Load() != plain.pats.Load() || seeded.count.Load() != plain.count.Load() {
		t.Fatal("the seeded set differs from the interned one")
	}
	ids, _ := seeded.intern([][]string{{"zzz-not-a-literal", auto.lits[0]}})
	if want := []int32{int32(len(auto.lits)), 0}; !slices.Equal(ids[0], want) {
		t.Fatalf("a later pattern's literals have IDs %v, want %v", ids[0], want)
	}
}

// TestLitIDsChecked: a snapshot whose literal IDs do not name their
// literals in its list is refused.
func TestLitIDsChecked(t *testing.T) {
	m, auto, err := decodeSnapshotAll(snapshotData)
	if err != nil || auto == nil {
		t.Fatalf("no automaton in the snapshot: %v", err)
	}
	var e *snapEntry
	for _, x := range m {
		if len(x.litIDs) > 0 && len(x.litIDs[0]) > 0 {
			e = x
			break
		}
	}
	if e == nil {
		t.Fatal("no entry with literal IDs")
	}
	if !checkLitIDs(m, auto) {
		t.Fatal("the embedded snapshot's IDs do not check")
	}
	id := e.litIDs[0][0]
	for _, bad := range []int32{-1, int32(len(auto.lits)), (id + 1) % int32(len(auto.lits))} {
		e.litIDs[0][0] = bad
		if auto.lits[(bad+int32(len(auto.lits)))%int32(len(auto.lits))] == e.clauses[0][0] {
			continue // the same literal twice in the list: not a bad ID
		}
		if checkLitIDs(m, auto) {
			t.Errorf("ID %d for %q checked", bad, e.clauses[0][0])
		}
	}
	e.litIDs[0][0] = id
	if !checkLitIDs(m, nil) || e.litIDs != nil {
		t.Error("without an automaton, entries keep their IDs")
	}
}
