package rules

import (
	"regexp/syntax"
	"testing"
	"unicode/utf8"
)

// TestRunesMatch: the flat program's rune test is syntax.Inst.MatchRune,
// for every rune instruction of the built-in patterns and of patterns with
// folding, classes and dots, on ASCII and on runes that fold oddly.
func TestRunesMatch(t *testing.T) {
	probes := []rune{'é', 'É', 'ß', 'ẞ', 'İ', 'ı', 'K', 'ſ', 'ก', '林', '\u00a0', 0x10FFFF, utf8.RuneError}
	for b := range rune(utf8.RuneSelf) {
		probes = append(probes, b)
	}
	for _, c := range runeTestPrograms(t) {
		e, sp := c.expr, c.prog
		p := compileProgram(c.tree)
		if p == nil || p.len() != len(sp.Inst) || int(p.start) != sp.Start {
			t.Fatalf("%s: flat program does not match the compiled one", e)
		}
		for pc := range sp.Inst {
			in := &sp.Inst[pc]
			op, out, arg, _ := p.inst(uint32(pc))
			if op != in.Op || out != in.Out || arg != in.Arg {
				t.Fatalf("%s: instruction %d: %v %d %d, want %v %d %d", e, pc, op, out, arg, in.Op, in.Out, in.Arg)
			}
			switch in.Op {
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			default:
				continue
			}
			for _, r := range probes {
				if got, want := p.matchRune(uint32(pc), r), in.MatchRune(r); got != want {
					t.Fatalf("%s: instruction %d on %q: %v, MatchRune %v", e, pc, r, got, want)
				}
			}
		}
	}
}

// TestProgramValid: a program whose jump or rune list points outside it is
// refused, as a snapshot with bad bytes must be.
func TestProgramValid(t *testing.T) {
	tree, err := syntax.Parse(`a(b|c)*d`, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	p := compileProgram(tree)
	if !p.valid() {
		t.Fatal("a compiled program is not valid")
	}
	for i := 0; i < len(p.code); i++ {
		bad := []byte(p.code)
		bad[i] = 0xff
		q := &program{code: string(bad), runes: p.runes, start: p.start}
		// Every field byte set to 0xff points past the program, names a
		// missing rune list or an unknown op; a few bytes of arg are only
		// flags and stay valid.
		if q.valid() && i%progInstSize < 4 {
			t.Errorf("byte %d set to 0xff: still valid", i)
		}
	}
	if (&program{code: p.code[:len(p.code)-1], runes: p.runes}).valid() {
		t.Error("a truncated program is valid")
	}
}

// TestRunesMatchFoldedRune: a single folded rune matches as
// syntax.Inst.MatchRune says, for every pair of runes below U+0300 and the
// runes that fold into ASCII from above it (the ASCII pairs take a short
// cut).
func TestRunesMatchFoldedRune(t *testing.T) {
	var rs []rune
	for r := range rune(0x300) {
		rs = append(rs, r)
	}
	rs = append(rs, 'K', 'ſ', 'İ', 'ı', 0x10FFFF, utf8.RuneError, -1)
	for _, r0 := range rs {
		if r0 < 0 {
			continue
		}
		in := &syntax.Inst{Op: syntax.InstRune, Rune: []rune{r0}, Arg: uint32(syntax.FoldCase)}
		for _, r := range rs {
			if got, want := runesMatch(in.Rune, true, r), in.MatchRune(r); got != want {
				t.Fatalf("%q folded on %q: %v, MatchRune %v", r0, r, got, want)
			}
		}
	}
}
