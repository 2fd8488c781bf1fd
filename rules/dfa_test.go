package rules

import (
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
			for i := range d.prog.Inst {
				inst := &d.prog.Inst[i]
				switch inst.Op {
				case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
					if inst.MatchRune(a) != inst.MatchRune(b) {
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
	exprs := []string{`(?i)k|s|ſ|K`, `[^a-c\n]`, `(?s).`, `.`, `(?i)[x-zA]é`, `\pL\d\W`}
	for _, re := range builtinPatterns(t) {
		exprs = append(exprs, re.String())
	}
	for _, e := range exprs {
		tree, err := syntax.Parse(e, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		prog, err := syntax.Compile(tree.Simplify())
		if err != nil {
			t.Fatal(err)
		}
		for i := range prog.Inst {
			inst := &prog.Inst[i]
			switch inst.Op {
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			default:
				continue
			}
			m := asciiMask(inst)
			for b := range rune(utf8.RuneSelf) {
				if got := m[b/64]&(1<<(b%64)) != 0; got != inst.MatchRune(b) {
					t.Fatalf("%s: instruction %d (%v %v) on %q: mask %v, MatchRune %v", e, i, inst.Op, inst.Rune, b, got, !got)
				}
			}
		}
	}
}
