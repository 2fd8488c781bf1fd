package rules

import (
	"regexp/syntax"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Phrase rules take a phrase lazily up to a terminator they consume but do
// not report: `\b(posed\s+as\s+...)(?:[,.;:!?](?:\s|$)|\s+and\b|...)`. The
// terminator's full stop puts every splitting rune into the pattern's
// alphabet, so without more the pattern could not be windowed and its DFA
// and regexp would run over whole segments (the two slowest rules of the
// default pack were such patterns).
//
// splitTail cuts such a pattern into a core (all but its last few parts)
// and a tail, and bounds how far the tail can reach past a run of the
// core's alphabet: a match is the core's match, which lies in one run of
// the core's alphabet (it holds the run's literal), and then the tail,
// whose runes outside that alphabet come only near its end: from the
// first such rune to the end of the match there are at most `tail` runes.
// So every match lies in the run around its literal stretched by `tail`
// runes, and no match in such a window can reach further; windows()
// searches exactly that. The core's literals anchor the windows.

const maxTail = 8 // runes past a run; more and the windows stop paying

const inf = 1 << 40 // an unbounded length; sums of a few stay finite

// splitTail returns the core of tree and how many runes its tail can reach
// past a run of the core's alphabet; ok is false when no split of tree's
// top-level sequence gives a core that breaks prose at more than breaks
// places and a bounded tail.
func splitTail(tree *syntax.Regexp, breaks int) (core *syntax.Regexp, tail int, ok bool) {
	if tree.Op != syntax.OpConcat || len(tree.Sub) < 2 {
		return nil, 0, false
	}
	subs := tree.Sub
	for k := len(subs) - 1; k >= 1; k-- {
		core := &syntax.Regexp{Op: syntax.OpConcat, Flags: tree.Flags, Sub: subs[:k]}
		if k == 1 {
			core = subs[0]
		}
		if minLen(core) == 0 {
			return nil, 0, false // shorter cores are no longer
		}
		alpha := newAlphabet(core)
		if alpha.breaks() <= breaks {
			continue
		}
		rest := &syntax.Regexp{Op: syntax.OpConcat, Flags: tree.Flags, Sub: subs[k:]}
		t := reach(rest, alpha)
		if t.pure || t.after > maxTail {
			continue
		}
		return core, t.after, true
	}
	return nil, 0, false
}

// reachInfo is what reach knows about the matches of a node.
type reachInfo struct {
	pure  bool // every match holds only runes of the alphabet
	max   int  // the most runes in a match (inf: unbounded)
	after int  // of a match holding other runes: the most runes from the first of them to its end
}

// reach computes the reachInfo of re against alpha.
func reach(re *syntax.Regexp, alpha *alphabet) reachInfo {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return reachInfo{pure: true}
	case syntax.OpLiteral:
		info := reachInfo{pure: true, max: len(re.Rune)}
		for i, r := range re.Rune {
			if !alpha.coversRune(r, re.Flags&syntax.FoldCase != 0) {
				info.pure = false
				info.after = len(re.Rune) - i
				break
			}
		}
		return info
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if !alpha.covers(re.Rune[i], re.Rune[i+1]) {
				return reachInfo{max: 1, after: 1}
			}
		}
		return reachInfo{pure: true, max: 1}
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return reachInfo{max: 1, after: 1}
	case syntax.OpCapture:
		return reach(re.Sub[0], alpha)
	case syntax.OpStar, syntax.OpPlus:
		return repeatReach(reach(re.Sub[0], alpha), -1)
	case syntax.OpQuest:
		return repeatReach(reach(re.Sub[0], alpha), 1)
	case syntax.OpRepeat:
		return repeatReach(reach(re.Sub[0], alpha), re.Max)
	case syntax.OpConcat:
		info := reachInfo{pure: true}
		// From the last part back: the runes after a part's first
		// outside rune are its own and every later part's.
		for i := len(re.Sub) - 1; i >= 0; i-- {
			s := reach(re.Sub[i], alpha)
			if !s.pure {
				if info.pure {
					info.after = add(s.after, info.max)
				} else {
					info.after = max(info.after, add(s.after, info.max))
				}
				info.pure = false
			}
			info.max = add(info.max, s.max)
		}
		return info
	case syntax.OpAlternate:
		info := reachInfo{pure: true}
		for _, sub := range re.Sub {
			s := reach(sub, alpha)
			info.max = max(info.max, s.max)
			if !s.pure {
				info.pure = false
				info.after = max(info.after, s.after)
			}
		}
		return info
	}
	// Unknown operators: assume the worst.
	return reachInfo{max: inf, after: inf}
}

// repeatReach is the reachInfo of up to n (-1: any number of) copies of
// a node with info s.
func repeatReach(s reachInfo, n int) reachInfo {
	if n < 0 {
		if s.max > 0 {
			s.max = inf
		}
		if !s.pure {
			s.after = inf
		}
		return s
	}
	info := reachInfo{pure: s.pure, max: min(inf, s.max*n)}
	if !s.pure {
		// The first outside rune in one copy, then the later copies.
		info.after = add(s.after, min(inf, s.max*(n-1)))
	}
	return info
}

func add(a, b int) int { return min(inf, a+b) }

// covers reports whether every rune of [lo, hi] is in the alphabet; false
// when it cannot tell cheaply (a range above ASCII spread over several of
// its classes).
func (a *alphabet) covers(lo, hi rune) bool {
	for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
		if !a.has(r) {
			return false
		}
	}
	if hi < utf8.RuneSelf {
		return true
	}
	lo = max(lo, utf8.RuneSelf)
	for _, h := range a.high {
		i := sort.Search(len(h)/2, func(i int) bool { return h[2*i+1] >= lo })
		if i < len(h)/2 && h[2*i] <= lo && h[2*i+1] >= hi {
			return true
		}
	}
	return false
}

// coversRune reports whether r, and with fold its case variants, are in
// the alphabet.
func (a *alphabet) coversRune(r rune, fold bool) bool {
	if !a.has(r) {
		return false
	}
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if !a.has(f) {
				return false
			}
		}
	}
	return true
}
