package rules

import (
	"fmt"
	"regexp/syntax"
	"strings"
	"unicode"
)

// asciiBoundary is one \b or \B of a pattern next to a part that can
// start (after it) or end (before it) with an accented letter, or any
// letter beyond ASCII. Go's \b is an ASCII word boundary: to it "Á" is no
// word character, so `\b[\p{Lu}]` fails before "Ángel" after a space, and
// `\p{Lu}{3,}\b` stops short of "COLIBRÍ"'s last letter or fails.
type asciiBoundary struct {
	op     string // `\b` or `\B`
	before bool   // the letter is after the assertion
	letter rune   // one such letter, for the message
}

func (b asciiBoundary) String() string {
	if b.before {
		return fmt.Sprintf("%s before a part that can start with %q", b.op, b.letter)
	}
	return fmt.Sprintf("%s after a part that can end with %q", b.op, b.letter)
}

// asciiBoundaries finds, in a pattern, the word-boundary assertions that
// sit, within a concatenation, next to a part that can start (after the
// assertion) or end (before it) with a letter beyond ASCII; parts that may
// match empty text are looked past. The case-fold extras that (?i) adds to
// s and k (U+017F ſ, U+212A the Kelvin sign) do not count: no pattern
// means them.
func asciiBoundaries(src string) []asciiBoundary {
	tree, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil
	}
	var out []asciiBoundary
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		if re.Op == syntax.OpConcat {
			for i, s := range re.Sub {
				if s.Op != syntax.OpWordBoundary && s.Op != syntax.OpNoWordBoundary {
					continue
				}
				op := `\b`
				if s.Op == syntax.OpNoWordBoundary {
					op = `\B`
				}
				if r := edgeLetter(re.Sub[i+1:], true); r != 0 {
					out = append(out, asciiBoundary{op, true, r})
				}
				if r := edgeLetter(re.Sub[:i], false); r != 0 {
					out = append(out, asciiBoundary{op, false, r})
				}
			}
		}
		for _, s := range re.Sub {
			walk(s)
		}
	}
	walk(tree)
	return out
}

// edgeLetter returns a letter beyond ASCII that the parts subs can start
// with (first) or end with (not first), looking past parts that may match
// empty text; 0 when there is none.
func edgeLetter(subs []*syntax.Regexp, first bool) rune {
	for k := range subs {
		s := subs[k]
		if !first {
			s = subs[len(subs)-1-k]
		}
		if r := wideEdge(s, first); r != 0 {
			return r
		}
		if !matchesEmpty(s) {
			return 0
		}
	}
	return 0
}

// wideEdge returns a letter beyond ASCII that re can match first (first)
// or last (not first); 0 when there is none.
func wideEdge(re *syntax.Regexp, first bool) rune {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return 0
		}
		r := re.Rune[len(re.Rune)-1]
		if first {
			r = re.Rune[0]
		}
		if wideLetter(r) {
			return r
		}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if wideLetter(f) {
					return f
				}
			}
		}
		return 0
	case syntax.OpCharClass:
		return classLetter(re.Rune)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 'Á'
	case syntax.OpCapture, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		return wideEdge(re.Sub[0], first)
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if r := wideEdge(s, first); r != 0 {
				return r
			}
		}
		return 0
	case syntax.OpConcat:
		return edgeLetter(re.Sub, first)
	}
	return 0
}

// classLetter returns a letter beyond ASCII in the class of ranges rs,
// an accented Latin one when it has one; 0 when there is none.
func classLetter(rs []rune) rune {
	in := func(r rune) bool {
		for i := 0; i+1 < len(rs); i += 2 {
			if rs[i] <= r && r <= rs[i+1] {
				return true
			}
		}
		return false
	}
	for _, r := range "ÁÉÍÓÚÑÇÃáéíóúñçã" {
		if in(r) {
			return r
		}
	}
	for i := 0; i+1 < len(rs); i += 2 {
		for r := max(rs[i], 0x80); r <= rs[i+1]; r++ {
			if wideLetter(r) {
				return r
			}
		}
	}
	return 0
}

// wideLetter reports whether r is a letter beyond ASCII, the fold extras
// of s and k excepted.
func wideLetter(r rune) bool {
	return r >= 0x80 && r != 'ſ' && r != '\u212A' && unicode.IsLetter(r)
}

// asciiBoundaryAdvice says what to write instead of the boundaries bs;
// finding says whether the pattern's match is a finding, whose boundary
// characters the matcher leaves out (context and allow patterns' matches
// are none).
func asciiBoundaryAdvice(bs []asciiBoundary, finding bool) string {
	var what []string
	before, after := false, false
	for _, b := range bs {
		what = append(what, b.String())
		if b.before {
			before = true
		} else {
			after = true
		}
	}
	var do []string
	if before {
		do = append(do, "begin the pattern with "+boundaryBefore)
	}
	if after {
		do = append(do, "end it with "+boundaryAfter+" (past any optional parts after the word)")
	}
	kept := ", which the finding leaves out,"
	if !finding {
		kept = ""
	}
	return fmt.Sprintf("%s: Go's \\b is ASCII and takes the letter for a non-word character, so the match fails at the word's edge or starts or stops inside it; %s%s or drop the \\b where a space must be on its other side",
		strings.Join(what, "; "), strings.Join(do, " and "), kept)
}
