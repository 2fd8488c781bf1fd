package rules

import (
	"regexp/syntax"
	"slices"
	"testing"
	"unicode/utf8"
)

// refStep is a DFA step as it was before the start instruction's share
// was kept (startClosure): one walk from the start instruction and the
// state's instructions together, every rune instruction tested against r.
func refStep(d *dfa, s *dfaState, r rune) (out []uint32, matched bool) {
	flags := syntax.EmptyOpContext(prevRune(s.prev), r)
	seen := make([]bool, d.prog.len())
	stack := append([]uint32{d.prog.start}, s.pcs...)
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		op, next, arg, _ := d.prog.inst(pc)
		switch op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, next, arg)
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, next)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(arg)&^flags == 0 {
				stack = append(stack, next)
			}
		case syntax.InstMatch:
			matched = true
		default:
			if r >= 0 && d.prog.matchRune(pc, r) {
				out = append(out, next)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out), matched
}

// TestDFAStepStartShare builds the states the built-in patterns' DFAs
// reach over the drafts, then checks every state's step on runes of each
// kind (letters of both cases, digits, spaces, newlines, punctuation, a
// rune above ASCII, an invalid byte's rune) and its end-of-text answer
// against refStep: keeping the start instruction's share per flags and
// byte class must change no transition.
func TestDFAStepStartShare(t *testing.T) {
	texts := draftTexts(t)[:6]
	runes := []rune{'a', 'A', 'k', 'T', 'z', '0', '7', ' ', '\t', '\n', '.', ',', '-', '\'', '*', 'é', 'K', '\u212a', '’', utf8.RuneError}
	type named struct {
		src      string
		fwd, rev *dfa
	}
	var all []named
	// Patterns that match empty text, whose start instruction reaches a
	// match itself, and assertions at the start.
	for _, expr := range []string{`x*`, `(?m)^$`, "\b", `(?m)^[ \t]*$|\Bk`, `a?\b\d*`} {
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, named{expr, newDFA(tree), newReverseDFA(tree)})
	}
	for i, re := range builtinRegexes(t) {
		if i%3 == 0 { // a third of them: the states of all take long to check
			p := patternOf(re)
			all = append(all, named{re.src, p.dfas(), p.reverse()})
		}
	}
	checked := 0
	for _, re := range all {
		for _, d := range []*dfa{re.fwd, re.rev} {
			if d == nil {
				continue
			}
			for _, s := range texts {
				d.lastEnd(s)
			}
			c := d.get()
			for st := range c.states {
				if st >= 200 {
					break
				}
				s := &c.states[st]
				for _, r := range runes {
					want, wantMatch := refStep(d, s, r)
					next, fresh := c.step(d, int32(st), r)
					if fresh {
						t.Fatalf("%s: the cache started again", re.src)
					}
					got := c.states[next&^(dfaMatchBit|dfaIdleBit)]
					if !slices.Equal(got.pcs, want) || (next&dfaMatchBit != 0) != wantMatch || got.prev != prevClass(r) {
						t.Fatalf("%s: state %d on %q: %v (match %v), want %v (match %v)",
							re.src, st, r, got.pcs, next&dfaMatchBit != 0, want, wantMatch)
					}
					checked++
				}
				if _, want := refStep(d, s, -1); c.matchesAtEnd(d, int32(st)) != want {
					t.Fatalf("%s: state %d: match at the end %v, want %v", re.src, st, !want, want)
				}
			}
			d.put(c)
		}
	}
	if checked < 10000 {
		t.Fatalf("only %d steps checked", checked)
	}
}

// TestProgramAccepts compares accepts, which reads an instruction's fields
// in place, with matchRune and inst, on every rune instruction of the
// built-in patterns' programs.
func TestProgramAccepts(t *testing.T) {
	runes := []rune{'a', 'A', 'k', 'K', '\u212a', 's', 'ſ', '0', ' ', '\n', '-', 'é', 'É', '’', '漢', utf8.RuneError, 0x10FFFF}
	n := 0
	for _, re := range builtinRegexes(t) {
		d := patternOf(re).dfas()
		if d == nil {
			continue
		}
		for pc := range uint32(d.prog.len()) {
			op, out, _, _ := d.prog.inst(pc)
			switch op {
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			default:
				continue
			}
			for _, r := range runes {
				next, ok := d.prog.accepts(pc, r)
				if next != out || ok != d.prog.matchRune(pc, r) {
					t.Fatalf("%s: instruction %d on %q: accepts %d, %v; want %d, %v", re.src, pc, r, next, ok, out, !ok)
				}
				n++
			}
		}
	}
	if n < 10000 {
		t.Fatalf("only %d checks", n)
	}
}
