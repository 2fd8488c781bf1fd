package rules

import (
	"regexp"
	"regexp/syntax"
	"sync"
)

// regex is one pattern of a pack. It is parsed once, at load, where the
// syntax, the size limits, the group count and empty matches are checked on
// the parsed tree; the prefilter analysis and the DFAs work from the same
// tree. Go's regexp, which would parse the pattern again, is compiled only
// when a search first needs exact matches: for most patterns, a story never
// gets that far (its literals or the DFA rule it out), and parsing and
// compiling the default packs' patterns twice more was a third of a
// one-story run. The patterns of the built-in packs are not even parsed at
// load: the snapshot (snapshot.go) holds what the checks and the analysis
// found, and the DFAs parse them when first needed.
//
// Its methods are those of *regexp.Regexp that the rules use.
type regex struct {
	src  string
	tree *syntax.Regexp // never changed: Simplify and the analyses copy
	snap *snapEntry     // instead of tree, for a pattern in the snapshot

	once sync.Once
	re   *regexp.Regexp

	pf *prefilter // analysed in a batch by the registry (prefilter.go); guarded by registry.mu
}

// newRegex wraps a pattern and its parse (compilePatterns checks them).
func newRegex(src string, tree *syntax.Regexp) *regex {
	return &regex{src: src, tree: tree}
}

// regexOf wraps an already compiled regexp (FindAllIndex's callers).
func regexOf(re *regexp.Regexp) *regex {
	r := &regex{src: re.String()}
	r.once.Do(func() { r.re = re })
	return r
}

// Regexp returns the compiled regexp, compiling it on first use.
func (r *regex) Regexp() *regexp.Regexp {
	r.once.Do(func() {
		// The same source parsed without error at load, and regexp
		// adds no check of its own, so this cannot fail.
		r.re = regexp.MustCompile(r.src)
	})
	return r.re
}

func (r *regex) String() string { return r.src }

// NumSubexp is regexp.Regexp.NumSubexp, from the tree.
func (r *regex) NumSubexp() int {
	if r.snap != nil {
		return r.snap.numSubexp
	}
	if r.tree == nil {
		return r.Regexp().NumSubexp()
	}
	return r.tree.MaxCap()
}

func (r *regex) MatchString(s string) bool { return r.Regexp().MatchString(s) }

func (r *regex) FindAllStringIndex(s string, n int) [][]int {
	return r.Regexp().FindAllStringIndex(s, n)
}

func (r *regex) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.Regexp().FindAllStringSubmatchIndex(s, n)
}

// matchesEmpty reports whether the pattern matches the empty text, which is
// MatchString("") without compiling the regexp.
func (r *regex) matchesEmpty() bool {
	if r.snap != nil {
		return r.snap.matchesEmpty
	}
	if r.tree == nil {
		return r.Regexp().MatchString("")
	}
	return matchesEmpty(r.tree)
}

// matchesEmpty reports whether re matches "". The empty text has a single
// position, at which every line and text edge assertion holds and no word
// boundary does, so the tree decides it exactly.
func matchesEmpty(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpNoWordBoundary, syntax.OpStar, syntax.OpQuest:
		return true
	case syntax.OpLiteral:
		return len(re.Rune) == 0
	case syntax.OpCapture, syntax.OpPlus:
		return matchesEmpty(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max != -1 && re.Min > re.Max {
			return false // Simplify makes this NoMatch
		}
		return re.Min == 0 || matchesEmpty(re.Sub[0])
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !matchesEmpty(s) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if matchesEmpty(s) {
				return true
			}
		}
		return false
	}
	// OpNoMatch, OpCharClass, OpAnyChar, OpAnyCharNotNL, OpWordBoundary.
	return false
}
