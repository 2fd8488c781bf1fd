package rules

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"testing"
	"unicode/utf8"
)

// TestDFAClasses checks the byte classes of every built-in pattern's DFA:
// bytes of one class must be alike for every instruction and assertion,
// or the shared transition column would be wrong for some of them.
func TestDFAClasses(t *testing.T) {
	for _, re := range builtinPatterns(t) {
		tree, err := syntax.Parse(re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		d := newDFA(tree)
		if d == nil {
			continue
		}
		if n := 1 << d.shift; n > utf8.RuneSelf {
			t.Errorf("%s: rows of %d columns", re, n)
		}
		first := map[uint8]rune{} // a representative byte of each class
		for b := range rune(utf8.RuneSelf) {
			k := d.class[b]
			if int(k) >= 1<<d.shift {
				t.Fatalf("%s: class %d of %q outside a row of %d", re, k, b, 1<<d.shift)
			}
			a, ok := first[k]
			if !ok {
				first[k] = b
				continue
			}
			if syntax.IsWordChar(a) != syntax.IsWordChar(b) || (a == '\n') != (b == '\n') {
				t.Fatalf("%s: %q and %q share class %d but not \\b or $", re, a, b, k)
			}
			for i := range uint32(d.prog.len()) {
				switch op, _, _, _ := d.prog.inst(i); op {
				case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
					if d.prog.matchRune(i, a) != d.prog.matchRune(i, b) {
						t.Fatalf("%s: %q and %q share class %d but instruction %d tells them apart", re, a, b, k, i)
					}
				}
			}
		}
	}
}

func TestDFAClassesSplit(t *testing.T) {
	tree, err := syntax.Parse(`\bab\d$`, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	d := newDFA(tree)
	// a, b, digits, other word bytes, newline, other bytes: six classes.
	classes := map[uint8]bool{}
	for b := range utf8.RuneSelf {
		classes[d.class[b]] = true
	}
	if len(classes) != 6 || d.shift != 3 {
		t.Fatalf("got %d classes, shift %d; want 6, 3", len(classes), d.shift)
	}
	if d.class['x'] != d.class['_'] || d.class['x'] == d.class[' '] || d.class[' '] == d.class['\n'] {
		t.Fatalf("classes: x %d _ %d space %d newline %d", d.class['x'], d.class['_'], d.class[' '], d.class['\n'])
	}
}

// TestASCIIMask compares the masks read from instruction ranges with
// MatchRune, for every rune instruction of the built-in patterns and of
// patterns with folding, classes and dots.
func TestASCIIMask(t *testing.T) {
	for _, c := range runeTestPrograms(t) {
		e, prog := c.expr, c.prog
		for i := range prog.Inst {
			inst := &prog.Inst[i]
			switch inst.Op {
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			default:
				continue
			}
			m := asciiMask(inst.Rune, syntax.Flags(inst.Arg)&syntax.FoldCase != 0)
			for b := range rune(utf8.RuneSelf) {
				if got := m[b/64]&(1<<(b%64)) != 0; got != inst.MatchRune(b) {
					t.Fatalf("%s: instruction %d (%v %v) on %q: mask %v, MatchRune %v", e, i, inst.Op, inst.Rune, b, got, !got)
				}
			}
		}
	}
}

// TestDFAStateReset runs a pattern whose DFA has far more states than the
// cache keeps ((a|b)*a(a|b){13}: one per last 14 letters) over random text,
// so the cache starts again many times in one scan, and checks that the
// answers still agree with the regexp's.
func TestDFAStateReset(t *testing.T) {
	checkStateReset(t, `(?:a|b)*a(?:a|b){13}c`, 3, 4000, "", false)
}

// checkStateReset scans 40 random texts of size letters a and b (one in
// 200 replaced by a rune of noise, when given) with expr's forward DFA,
// whose states outgrow its cache, and compares its last match end with the
// regexp's; skip says the DFA must skip idle stretches.
func checkStateReset(t *testing.T, expr string, seed uint64, size int, noise string, skip bool) {
	t.Helper()
	re, fwd := regexpAndDFA(t, expr)
	rng := rand.New(rand.NewPCG(seed, seed+1))
	resets := 0
	for n := range 40 {
		b := make([]byte, size)
		for i := range b {
			b[i] = "ab"[rng.IntN(2)]
			if noise != "" && rng.IntN(200) == 0 {
				b[i] = noise[rng.IntN(len(noise))]
			}
		}
		if n%2 == 0 {
			b[len(b)-1-rng.IntN(100)] = 'c'
		}
		s := string(b)
		checkLastEnd(t, re, fwd, s, n)
		c := fwd.get()
		if skip && !c.skip.on {
			t.Fatal("the DFA does not skip")
		}
		if len(c.states) < dfaMaxStates/2 {
			resets++ // the cache was started again during the scan
		}
		fwd.put(c)
	}
	if resets == 0 {
		t.Errorf("the cache never started again: the test does not reach the reset")
	}
}

// runeTestProgram is a pattern with its parse tree and compiled program.
type runeTestProgram struct {
	expr string
	tree *syntax.Regexp
	prog *syntax.Prog
}

// runeTestPrograms compiles every built-in pattern and patterns whose
// rune instructions fold oddly or hold classes and dots.
func runeTestPrograms(t *testing.T) []runeTestProgram {
	t.Helper()
	exprs := []string{`(?i)k|s|ſ|K`, `[^a-c\n]`, `(?s).`, `.`, `(?i)[x-zA]é`, `\pL\d\W`, `(?i)straße`, `[\p{Thai}\p{Han}]+`}
	for _, re := range builtinPatterns(t) {
		exprs = append(exprs, re.String())
	}
	var out []runeTestProgram
	for _, e := range exprs {
		tree, err := syntax.Parse(e, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		prog, err := syntax.Compile(tree.Simplify())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, runeTestProgram{e, tree, prog})
	}
	return out
}

// regexpAndDFA compiles expr both ways: Go's regexp, the reference, and
// the forward DFA under test.
func regexpAndDFA(t *testing.T, expr string) (*regexp.Regexp, *dfa) {
	t.Helper()
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	fwd := newDFA(tree)
	if fwd == nil {
		t.Fatal("no DFA")
	}
	return regexp.MustCompile(expr), fwd
}

// checkLastEnd compares the DFA's last match end in text n, s, with the
// regexp's.
func checkLastEnd(t *testing.T, re *regexp.Regexp, fwd *dfa, s string, n int) {
	t.Helper()
	want := -1
	if locs := re.FindAllStringIndex(s, -1); len(locs) > 0 {
		want = locs[len(locs)-1][1]
	}
	if got := fwd.lastEnd(s); got != want {
		t.Fatalf("text %d: lastEnd %d, regexp %d", n, got, want)
	}
}

// TestDFAStateHashCollisions: states whose keys hash alike are told apart
// by their instructions. With every key hashing to one value, the DFAs
// still give the regexp's answers.
func TestDFAStateHashCollisions(t *testing.T) {
	defer func(h func([]uint32, uint8) uint64) { stateHash = h }(stateHash)
	stateHash = func([]uint32, uint8) uint64 { return 7 }
	rng := rand.New(rand.NewPCG(11, 12))
	for _, expr := range []string{`(?:a|b)*a(?:a|b){4}c`, `\b[ab]{2}\d{2}\s?[abc]{3}\b`, `(?m)^(?:a|b)*b(?:a|b){3}$|c\d`} {
		re, fwd := regexpAndDFA(t, expr)
		for n := range 300 {
			b := make([]byte, rng.IntN(60))
			for i := range b {
				b[i] = "ab c12\n"[rng.IntN(7)]
			}
			checkLastEnd(t, re, fwd, string(b), n)
		}
		c := fwd.get()
		if len(c.states) < 10 {
			t.Errorf("%s: %d states: the collisions prove little", expr, len(c.states))
		}
		fwd.put(c)
	}
}
