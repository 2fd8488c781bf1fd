package rules

import (
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"reflect"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var updatePrefilters = flag.Bool("update-prefilters", false, "rewrite rules/prefilters.snap from the built-in packs")

// TestPrefilterSnapshot: the snapshot holds every pattern of the built-in
// packs, with what parsing and analysing it gives now.
func TestPrefilterSnapshot(t *testing.T) {
	srcs, err := builtinPatternSources()
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) < 50 {
		t.Fatalf("only %d built-in patterns", len(srcs))
	}
	data, err := makeSnapshot(srcs)
	if err != nil {
		t.Fatal(err)
	}
	if *updatePrefilters {
		if err := os.WriteFile("prefilters.snap", data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote prefilters.snap: %d patterns, %d bytes", len(srcs), len(data))
		return
	}
	if string(data) != snapshotData {
		t.Errorf("prefilters.snap is out of date (the built-in patterns or their analysis changed): run go test ./rules -run TestPrefilterSnapshot -update-prefilters")
	}
	// The snapshot says what parsing and analysing says now.
	m, err := decodeSnapshot(snapshotData)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range srcs {
		if m[src] == nil {
			t.Errorf("%.60q: not in the snapshot", src)
			continue
		}
		checkEntry(t, src, m[src])
	}
}

// checkEntry compares a decoded entry with a fresh parse and analysis of
// src, and its programs with those newDFA and newReverseDFA compile.
func checkEntry(t *testing.T, src string, e *snapEntry) {
	t.Helper()
	re := compileOne(t, src)
	want := &snapEntry{analysis: *analyseTree(re.tree), numSubexp: re.tree.MaxCap(), matchesEmpty: matchesEmpty(re.tree)}
	got := *e
	got.src, got.fwd, got.rev, got.classes = "", "", "", nil
	got.litIDs = nil // TestSeededLitSet and TestLitIDsChecked check them
	if diff := cmp.Diff(want, &got, cmp.AllowUnexported(snapEntry{}, analysis{}, alphabet{})); diff != "" {
		t.Errorf("%.60q: (-parsed +snapshot)\n%s", src, diff)
	}
	if e.src != src {
		t.Errorf("%.60q: entry for %.60q", src, e.src)
	}
	fwd, rev := snapDFAs(re.tree, want.minLen)
	for _, c := range []struct {
		name string
		want *dfa
		got  *dfa
	}{{"forward", fwd, e.dfa(false)}, {"reverse", rev, e.dfa(true)}} {
		if d := sameDFA(c.want, c.got); d != "" {
			t.Errorf("%.60q: %s DFA: %s", src, c.name, d)
		}
	}
	if a, b := e.dfa(false), e.dfa(false); fwd != nil && a == b {
		t.Errorf("%.60q: the same DFA twice", src)
	}
}

// sameDFA compares two DFAs before their first use: every field (so that a
// field newDFA comes to set is compared too) but the caches, and their
// programs field by field.
func sameDFA(a, b *dfa) string {
	if a == nil || b == nil {
		if a != b {
			return fmt.Sprintf("%v vs %v", a, b)
		}
		return ""
	}
	if d := sameProg(a.prog, b.prog); d != "" {
		return "program: " + d
	}
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := 0; i < va.NumField(); i++ {
		switch f := va.Type().Field(i).Name; f {
		case "prog", "mu", "free":
		default:
			x, y := va.Field(i), vb.Field(i)
			if !reflect.DeepEqual(reflect.NewAt(x.Type(), x.Addr().UnsafePointer()).Elem().Interface(),
				reflect.NewAt(y.Type(), y.Addr().UnsafePointer()).Elem().Interface()) {
				return "field " + f + " differs"
			}
		}
	}
	return ""
}

// sameProg compares two programs instruction by instruction, rune lists
// by their runes (a snapshot numbers them in its own table).
func sameProg(a, b *program) string {
	if a == nil || b == nil {
		if a != b {
			return fmt.Sprintf("%v vs %v", a, b)
		}
		return ""
	}
	if a.start != b.start || a.len() != b.len() {
		return fmt.Sprintf("start %d, %d instructions vs %d, %d", a.start, a.len(), b.start, b.len())
	}
	for pc := range uint32(a.len()) {
		opA, outA, argA, _ := a.inst(pc)
		opB, outB, argB, _ := b.inst(pc)
		rA, _ := a.instRunes(pc)
		rB, _ := b.instRunes(pc)
		if opA != opB || outA != outB || argA != argB || !slices.Equal(rA, rB) {
			return fmt.Sprintf("instruction %d: %v %d %d %v vs %v %d %d %v", pc, opA, outA, argA, rA, opB, outB, argB, rB)
		}
	}
	return ""
}

// TestSnapshotRoundTrip: decoding gives back what makeSnapshot analysed,
// and damaged data is refused, not half read.
func TestSnapshotRoundTrip(t *testing.T) {
	srcs := append(slices.Clone(trickyPatterns), `(?i)\bcalle\s+[\p{L}-]+`, `\bteam\s+of\s+\d+`, `(?:^|\s)(@\w+)$`, `x(a)(b)?`, `é+|ſ`,
		`(?P<name>a+?)(?U)b*c{2,}?`, `(?m)^x$\z`, `(?s).\z`, `[^a-z]\B`, `(?i)Kelvin|\x{212A}`, `\pN{0,3}`)
	data, m := makeAndDecode(t, srcs)
	for _, src := range srcs {
		checkEntry(t, src, m[src])
	}
	for _, cut := range []int{0, 1, len(snapshotMagic), len(data) / 2, len(data) - 1} {
		if _, err := decodeSnapshot(string(data[:cut])); err == nil {
			t.Errorf("snapshot cut at %d of %d bytes: decoded", cut, len(data))
		}
	}
	if _, err := decodeSnapshot(string(data) + "x"); err == nil {
		t.Error("snapshot with a byte added: decoded")
	}
}

// TestSnapshotUsed: the built-in packs load from the snapshot, unparsed,
// and their checks and matches are those of parsed patterns.
func TestSnapshotUsed(t *testing.T) {
	for _, re := range builtinRegexes(t) {
		if re.snap == nil || re.tree != nil {
			t.Fatalf("%.60q: parsed at load", re.src)
		}
		parsed := compileOne(t, re.src)
		if re.NumSubexp() != parsed.NumSubexp() || re.matchesEmpty() != parsed.matchesEmpty() {
			t.Errorf("%.60q: snapshot says %d groups, empty %v; parse says %d, %v", re.src,
				re.NumSubexp(), re.matchesEmpty(), parsed.NumSubexp(), parsed.matchesEmpty())
		}
	}
}

// compileOne parses one pattern as a pack would without the snapshot.
func compileOne(t testing.TB, src string) *regex {
	t.Helper()
	tree, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return newRegex(src, tree)
}

// builtinPatternSources lists the text of every pattern of the built-in
// packs as compilePatterns sees it ((?i) added).
func builtinPatternSources() ([]string, error) {
	var out []string
	for _, name := range BuiltinNames() {
		packs, err := LoadBuiltin(name)
		if err != nil {
			return nil, err
		}
		for _, p := range packs {
			out = append(out, p.patternSources()...)
		}
	}
	sort.Strings(out)
	return slices.Compact(out), nil
}

// patternSources lists the patterns of a pack's rules, contexts, overrides
// and allow lists.
func (p *Pack) patternSources() []string {
	var out []string
	add := func(a *Allow, cs []contextRule, res ...*regex) {
		if a != nil {
			res = append(res, a.patterns...)
		}
		for _, c := range cs {
			res = append(res, c.patterns...)
		}
		for _, re := range res {
			out = append(out, re.src)
		}
	}
	add(p.Allow, nil)
	for _, r := range p.Rules {
		var res []*regex
		if m, ok := r.matcher.(*patternMatcher); ok {
			res = m.res
		}
		add(r.allow, r.context, res...)
	}
	for _, o := range p.Overrides {
		add(o.allow, o.context)
	}
	return out
}

// BenchmarkSnapshotDFAs decodes the DFAs of every built-in pattern: what a
// run pays for each pattern whose literals its texts hold.
func BenchmarkSnapshotDFAs(b *testing.B) {
	m, err := decodeSnapshot(snapshotData)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range m {
			e.dfa(false)
			e.dfa(true)
		}
	}
}

// TestSnapshotStaleDFA: a snapshot whose byte classes are not what the dfa
// code computes (a snapshot older than a change to it) is not used.
func TestSnapshotStaleDFA(t *testing.T) {
	srcs := []string{`\bteam\s+of\s+\d+`, `[a-f]x`, `(?i)calle\s+\w+`} // as many as classesAgree checks
	data, m := makeAndDecode(t, srcs)
	for _, src := range srcs {
		off := strings.Index(string(data), m[src].fwd)
		if off < 0 {
			t.Fatal("DFA not found in the data")
		}
		stale := slices.Clone(data)
		stale[off+'a'] ^= 0x7f // the byte class of 'a'
		if _, err := decodeSnapshot(string(stale)); err == nil {
			t.Errorf("%q: snapshot with other byte classes decoded", src)
		}
	}
}

// makeAndDecode makes a snapshot of srcs and decodes it again.
func makeAndDecode(t *testing.T, srcs []string) ([]byte, map[string]*snapEntry) {
	t.Helper()
	data, err := makeSnapshot(srcs)
	if err != nil {
		t.Fatal(err)
	}
	m, err := decodeSnapshot(string(data))
	if err != nil {
		t.Fatal(err)
	}
	return data, m
}

// TestEmbeddedProgramsValid: every program of the binary's own snapshot
// passes the check that decoding skips for it (markEmbedded), and only its
// entries skip it.
func TestEmbeddedProgramsValid(t *testing.T) {
	m, err := decodeSnapshot(snapshotData)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for src, e := range m {
		if e.embedded {
			t.Fatalf("%.60q: a decoded snapshot is marked embedded", src)
		}
		for _, reverse := range []bool{false, true} {
			data := e.fwd
			if reverse {
				data = e.rev
			}
			if data == "" {
				continue
			}
			if e.dfa(reverse) == nil {
				t.Errorf("%.60q (reverse %v): program refused", src, reverse)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no programs in the snapshot")
	}
	for src := range m {
		if e := snapshotFor(src); e == nil || !e.embedded {
			t.Fatalf("%.60q: the binary's snapshot entry is not marked embedded", src)
		}
	}
}

// TestSnapshotBadJump: a snapshot that is not the binary's own has its
// programs checked: a jump past the end is refused.
func TestSnapshotBadJump(t *testing.T) {
	src := `\bteam\s+of\s+\d+`
	// Three patterns that sort first, for classesAgree to probe.
	data, m := makeAndDecode(t, []string{src, `Aa+`, `Bb+`, `Cc+`})
	d := m[src].dfa(false)
	if d == nil {
		t.Fatal("no forward DFA")
	}
	off := strings.Index(string(data), d.prog.code)
	if off < 0 {
		t.Fatal("program not found in the data")
	}
	bad := slices.Clone(data)
	bad[off+4], bad[off+5], bad[off+6], bad[off+7] = 0xff, 0xff, 0xff, 0x7f // instruction 0's out
	m2, err := decodeSnapshot(string(bad))
	if err != nil {
		t.Fatal(err)
	}
	if m2[src].dfa(false) != nil {
		t.Error("a program with a jump past its end was decoded")
	}
	m2[src].embedded = true // as markEmbedded would: not checked
	if m2[src].dfa(false) == nil {
		t.Error("an embedded entry's program was checked")
	}
}

// TestSnapReaderUvarint: uvarint reads what binary.AppendUvarint wrote, at
// every length, followed by more data or not, and refuses a cut one.
func TestSnapReaderUvarint(t *testing.T) {
	var vals []uint64
	for shift := range 64 {
		v := uint64(1) << shift
		vals = append(vals, v-1, v, v+1, v|0x55)
	}
	for _, v := range vals {
		enc := binary.AppendUvarint(nil, v)
		for _, tail := range []string{"", "\x00", "\xff\x01"} {
			r := snapReader{data: string(enc) + tail}
			if got := r.uvarint(); got != v || r.err != nil || r.data != tail {
				t.Fatalf("%d then %q: %d, %v, rest %q", v, tail, got, r.err, r.data)
			}
		}
		if len(enc) > 1 {
			r := snapReader{data: string(enc[:len(enc)-1])}
			if r.uvarint(); r.err == nil {
				t.Fatalf("%d cut to %d bytes: no error", v, len(enc)-1)
			}
		}
	}
}
