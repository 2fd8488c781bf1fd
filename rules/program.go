package rules

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// program is a regexp's NFA program, as regexp/syntax compiles it, laid out
// flat: progInstSize bytes an instruction, read in place. The snapshot's
// bytes are the programs themselves, so the first use of a built-in
// pattern's DFA decodes and allocates nothing (decoding them into
// syntax.Inst values was a quarter of a one-story run and 10 MB of garbage).
type program struct {
	code  string   // the instructions (inst)
	runes [][]rune // the rune lists instructions name, by index + 1
	start uint32
}

// An instruction: op (1 byte), the index + 1 of its rune list (3 bytes, 0
// for none), out and arg (4 bytes each), little-endian.
const (
	progInstSize = 12
	progMaxRunes = 1<<24 - 1
)

func (p *program) len() int { return len(p.code) / progInstSize }

// inst returns instruction pc's fields; k is the index + 1 of its runes.
func (p *program) inst(pc uint32) (op syntax.InstOp, out, arg, k uint32) {
	// One bounds check, then three little-endian words the compiler reads
	// whole (the DFAs call this for every instruction of every new state).
	c := p.code
	i := int(pc) * progInstSize
	_ = c[i+progInstSize-1]
	w := le32(c[i:])
	out = le32(c[i+4:])
	arg = le32(c[i+8:])
	return syntax.InstOp(w & 0xff), out, arg, w >> 8
}

// le32 reads four bytes of s, little-endian (the compiler makes it one
// load): the words of an instruction.
func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// le64 reads eight bytes of s, little-endian (the compiler makes it one
// load).
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// instRunes returns the rune list of a rune instruction and whether its
// single rune matches folded (syntax.Inst's Rune and FoldCase flag).
func (p *program) instRunes(pc uint32) ([]rune, bool) {
	_, _, arg, k := p.inst(pc)
	if k == 0 {
		return nil, false
	}
	return p.runes[k-1], syntax.Flags(arg)&syntax.FoldCase != 0
}

// matchRune is syntax.Inst.MatchRune for instruction pc.
func (p *program) matchRune(pc uint32, r rune) bool {
	rs, fold := p.instRunes(pc)
	return runesMatch(rs, fold, r)
}

// accepts returns the instruction after rune instruction pc and whether
// pc accepts r: matchRune and inst in one, fields read in place (the DFAs
// ask it of every rune instruction a new state holds).
func (p *program) accepts(pc uint32, r rune) (next uint32, ok bool) {
	c := p.code
	i := int(pc) * progInstSize
	_ = c[i+progInstSize-1]
	k := le32(c[i:]) >> 8
	next = le32(c[i+4:])
	if k == 0 {
		return next, false
	}
	arg := le32(c[i+8:])
	return next, runesMatch(p.runes[k-1], syntax.Flags(arg)&syntax.FoldCase != 0, r)
}

// runesMatch reports whether r is in the rune list of an instruction, as
// syntax.Inst.MatchRunePos decides it: one rune (folded when fold is set),
// or sorted ranges.
func runesMatch(rs []rune, fold bool, r rune) bool {
	switch len(rs) {
	case 0:
		return false
	case 1:
		r0 := rs[0]
		if r == r0 {
			return true
		}
		if fold {
			if r|r0 < utf8.RuneSelf {
				// Both ASCII: only a letter folds, and to its other
				// case alone among ASCII runes (SimpleFold's loop was
				// a tenth of building a (?i) pattern's DFA states).
				l := r0 | 0x20
				return 'a' <= l && l <= 'z' && r|0x20 == l
			}
			for r1 := unicode.SimpleFold(r0); r1 != r0; r1 = unicode.SimpleFold(r1) {
				if r == r1 {
					return true
				}
			}
		}
		return false
	case 2:
		return r >= rs[0] && r <= rs[1]
	case 4, 6, 8:
		for j := 0; j < len(rs); j += 2 {
			if r < rs[j] {
				return false
			}
			if r <= rs[j+1] {
				return true
			}
		}
		return false
	}
	lo, hi := 0, len(rs)/2
	for lo < hi {
		m := lo + (hi-lo)/2
		if c := rs[2*m]; c <= r {
			if r <= rs[2*m+1] {
				return true
			}
			lo = m + 1
		} else {
			hi = m
		}
	}
	return false
}

// flatProgram lays out a compiled program, its rune lists numbered by
// runeIndex (which returns an index + 1); nil when they do not fit. The
// caller sets the rune table.
func flatProgram(sp *syntax.Prog, runeIndex func([]rune) int) *program {
	b := make([]byte, 0, len(sp.Inst)*progInstSize)
	for _, in := range sp.Inst {
		k := 0
		if in.Rune != nil {
			if k = runeIndex(in.Rune); k <= 0 || k > progMaxRunes {
				return nil
			}
		}
		b = append(b, byte(in.Op), 0, 0, 0,
			byte(in.Out), byte(in.Out>>8), byte(in.Out>>16), byte(in.Out>>24),
			byte(in.Arg), byte(in.Arg>>8), byte(in.Arg>>16), byte(in.Arg>>24))
		putRunes(b[len(b)-progInstSize:], k)
	}
	return &program{code: string(b), start: uint32(sp.Start)}
}

// putRunes writes the index + 1 of an instruction's rune list (0: none).
func putRunes(inst []byte, k int) {
	inst[1], inst[2], inst[3] = byte(k), byte(k>>8), byte(k>>16)
}

// renumbered returns p's code with its rune lists numbered by index
// (which returns an index + 1), as the snapshot's table numbers them.
func (p *program) renumbered(index func([]rune) int) string {
	code := []byte(p.code)
	for pc := range p.len() {
		if _, _, _, k := p.inst(uint32(pc)); k != 0 {
			putRunes(code[pc*progInstSize:], index(p.runes[k-1]))
		}
	}
	return string(code)
}

// compileProgram compiles re into a program with its own rune lists.
func compileProgram(re *syntax.Regexp) *program {
	sp, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	var runes [][]rune
	index := map[string]int{}
	p := flatProgram(sp, func(rs []rune) int {
		key := runesKey(rs)
		if k, ok := index[key]; ok {
			return k
		}
		runes = append(runes, rs)
		index[key] = len(runes)
		return len(runes)
	})
	if p != nil {
		p.runes = runes
	}
	return p
}

// runesKey is a map key for a rune list (every rune, even one that is no
// valid UTF-8 code point, kept apart).
func runesKey(rs []rune) string {
	b := make([]byte, 0, 4*len(rs))
	for _, r := range rs {
		b = append(b, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
	}
	return string(b)
}

// valid reports whether every jump of p lands on an instruction and every
// rune list it names exists: the snapshot is read in place, so a bad one
// must be refused before a DFA runs it.
func (p *program) valid() bool {
	n := p.len()
	if len(p.code)%progInstSize != 0 || n == 0 || int(p.start) >= n {
		return false
	}
	// Fields read in place, as in dfaCache.follow: every program a run
	// decodes passes here once, and inst is too large to inline.
	c := p.code
	for i := 0; i+progInstSize <= len(c); i += progInstSize {
		op := syntax.InstOp(c[i])
		k := int(le32(c[i:]) >> 8)
		out := int(le32(c[i+4:]))
		if op > syntax.InstRuneAnyNotNL || out >= n || k > len(p.runes) {
			return false
		}
		arg := int(le32(c[i+8:]))
		if (op == syntax.InstAlt || op == syntax.InstAltMatch) && arg >= n {
			return false
		}
	}
	return true
}
