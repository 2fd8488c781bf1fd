package rules

import (
	"cmp"
	"fmt"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Rule is one compiled rule. It is immutable after Load and safe to share
// between goroutines.
type Rule struct {
	ID          string // "<pack>.<id>"
	Pack        string
	Category    string
	Severity    Severity
	Message     string
	Replace     string
	Kind        string
	Description string
	Scopes      map[string]bool // nil: every scope
	AutoApply   bool
	Generalize  string
	// Widen is WidenSentence when a finding covers the sentence around the
	// match, not only the match (an operational phrase stands for the
	// clause that tells it); "" or WidenMatch otherwise.
	Widen      string
	Likelihood int
	Examples   Examples
	File       string
	Line, Col  int

	matcher matcher
	context []contextRule
	allow   *Allow
}

// Examples are texts a rule must flag and must not flag; `rules test` and the
// built-in pack tests check them.
type Examples struct {
	Flag  []string
	Allow []string
}

// Match is one place a rule matched, in bytes of the segment text.
type Match struct {
	Start, End int
	// Category overrides the rule's category when the kind knows better (the
	// proper-noun kind tells people from places).
	Category string
	// Country is the ISO code of a matched place, for generalisation.
	Country string
	// Why explains the decision, for `redact explain`.
	Why string
	// Likelihood after context words: 1 low, 2 medium, 3 high.
	Likelihood int
	// Names are the folded words that identify a person or place found by
	// the proper-noun kind; the scanner flags their other capitalised
	// mentions in the same document.
	Names []string
}

type matcher interface {
	find(t *Text, emit func(Match))
}

// Likelihood levels; findings below Medium are dropped.
const (
	Low    = 1
	Medium = 2
	High   = 3
)

// Find returns the rule's matches in t, after context words and the rule's
// own allow list, sorted by position.
func (r *Rule) Find(t *Text) []Match {
	if r.Scopes != nil && !r.Scopes[t.Scope] {
		return nil
	}
	// Every rule runs on every segment: a pooled collector saves the
	// closure and the result variable it would capture (find.go).
	f := finders.Get().(*finder)
	out := r.findWith(f, t)
	finders.Put(f)
	return out
}

// findWith is Find with the collector f, left empty for the next call.
func (r *Rule) findWith(f *finder, t *Text) []Match {
	if r.Scopes != nil && !r.Scopes[t.Scope] {
		return nil
	}
	f.r, f.t = r, t
	r.match(t, f.emit)
	out := f.out
	f.r, f.t, f.out = nil, nil, out[:0]
	if len(out) == 0 {
		return nil
	}
	if len(out) > 1 {
		// The same algorithm as sort.Slice, without its reflection and
		// allocations: ties keep the order they always had.
		slices.SortFunc(out, func(a, b Match) int {
			if a.Start != b.Start {
				return cmp.Compare(a.Start, b.Start)
			}
			return cmp.Compare(b.End, a.End)
		})
	}
	return f.keep(out)
}

// match runs the rule's matcher. A pattern rule widened to the sentence
// needs only where its matches lie, not their exact bounds (findSpans).
func (r *Rule) match(t *Text, emit func(Match)) {
	if pm, ok := r.matcher.(*patternMatcher); ok && r.bySpans() {
		pm.findSpans(t, emit)
		return
	}
	r.matcher.find(t, emit)
}

// bySpans reports whether the rule's pattern matches are read off the
// DFAs alone, so its patterns never need a compiled regexp.
func (r *Rule) bySpans() bool { return r.Widen == WidenSentence }

// accept applies the rule's likelihood, context words and allow list to a
// match of its matcher.
func (r *Rule) accept(t *Text, m *Match) bool {
	if m.Start >= m.End {
		return false
	}
	if m.Likelihood == 0 {
		m.Likelihood = r.Likelihood
	}
	if !r.applyContext(t, m) {
		return false
	}
	if m.Likelihood < Medium {
		return false
	}
	if r.allow != nil && r.allow.allows(t, m.Start, m.End) {
		return false
	}
	return true
}

// contextRule is a hotword condition: words within a window before and/or
// after a match that require, exclude, raise or lower it.
type contextRule struct {
	words    *Lexicon
	patterns []*regex
	dfas     *contextDFAs // set by contexts; shared by copies of the rule
	before   int
	after    int
	within   bool // look inside the match itself
	effect   string
}

func (r *Rule) applyContext(t *Text, m *Match) bool {
	if len(r.context) == 0 {
		return true
	}
	first, last := tokenRange(t, m.Start, m.End)
	for _, c := range r.context {
		found := c.present(t, first, last, m)
		switch c.effect {
		case "require":
			if !found {
				return false
			}
		case "exclude":
			if found {
				return false
			}
		case "raise":
			if found {
				m.Likelihood++
			}
		case "lower":
			if found {
				m.Likelihood--
			}
		}
	}
	return true
}

// contextDFAs holds the forward DFAs of a context's patterns, built on
// first use.
type contextDFAs struct {
	once sync.Once
	fwd  []*dfa // nil where a pattern has none
}

// matches reports whether pattern i matches in s: re.MatchString(s), asked
// of the pattern's DFA where it has one (FuzzPrefilter checks that they
// agree). Every match of a rule with context patterns asks, on a few
// words each side, and the backtracker cost more than the answer needs.
func (c *contextRule) matches(i int, s string) bool {
	if c.dfas == nil || plainSearch {
		return c.patterns[i].MatchString(s)
	}
	c.dfas.once.Do(func() {
		c.dfas.fwd = make([]*dfa, len(c.patterns))
		for k, p := range newPatterns(c.patterns) {
			c.dfas.fwd[k] = p.dfas()
		}
	})
	if d := c.dfas.fwd[i]; d != nil {
		return d.matches(s)
	}
	return c.patterns[i].MatchString(s)
}

// present reports whether a hotword occurs within the window. Multi-word
// hotwords are matched as phrases; the window counts words.
func (c *contextRule) present(t *Text, first, last int, m *Match) bool {
	if c.within {
		text := t.Src[m.Start:m.End]
		for i := range c.patterns {
			if c.matches(i, text) {
				return true
			}
		}
		if c.words != nil {
			for i := first; i <= last && i < len(t.Tokens); i++ {
				for n := 1; n <= c.words.MaxWords && i+n <= last+1; n++ {
					if c.words.HasWords(t, i, i+n) {
						return true
					}
				}
			}
		}
		if c.before == 0 && c.after == 0 {
			return false
		}
	}
	if c.words != nil {
		lo := max(first-c.before, 0)
		hi := min(last+1+c.after, len(t.Tokens))
		for i := lo; i < hi; i++ {
			if i >= first && i <= last {
				continue
			}
			for n := 1; n <= c.words.MaxWords && i+n <= hi; n++ {
				if (i < first && i+n > first) || (i <= last && i+n > last+1 && i >= first) {
					break
				}
				if c.words.HasWords(t, i, i+n) {
					return true
				}
			}
		}
	}
	if len(c.patterns) > 0 {
		lo, hi := m.Start, m.End
		if c.before > 0 && first-c.before >= 0 {
			lo = t.Tokens[first-c.before].Start
		} else if c.before > 0 {
			lo = 0
		}
		if c.after > 0 && last+c.after < len(t.Tokens) {
			hi = t.Tokens[last+c.after].End
		} else if c.after > 0 {
			hi = len(t.Src)
		}
		for i := range c.patterns {
			if c.before > 0 && c.matches(i, t.Src[lo:m.Start]) {
				return true
			}
			if c.after > 0 && c.matches(i, t.Src[m.End:hi]) {
				return true
			}
		}
	}
	return false
}

// tokenRange returns the indexes of the first and last tokens inside
// [start, end); for a span between tokens, the neighbours.
func tokenRange(t *Text, start, end int) (int, int) {
	first := sort.Search(len(t.Tokens), func(i int) bool { return t.Tokens[i].End > start })
	last := sort.Search(len(t.Tokens), func(i int) bool { return t.Tokens[i].Start >= end }) - 1
	if last < first {
		last = first
	}
	return first, last
}

// Allow is a list of exceptions: terms and patterns that are never flagged.
type Allow struct {
	terms    []*Lexicon
	patterns []*regex
	// Pseudonyms allows words marked with an asterisk ("Ana*") and their
	// later mentions in the same document.
	Pseudonyms bool

	once sync.Once
	pats []*pattern // patterns with prefilters, built on first use (after merges)
}

// allows reports whether the span [start, end) of t is an exception: its
// words are an allowed term, or an allow pattern's match covers it. Each
// pattern's matches are found once per Text and shared by every candidate
// and every rule.
func (a *Allow) allows(t *Text, start, end int) bool {
	if a.AllowsTerm(t.spanKey(start, end)) { // a slice of the text's keys when aligned
		return true
	}
	return a.allowsPattern(t, start, end)
}

// allowsPattern reports whether an allow pattern's match covers the span
// [start, end) of t.
func (a *Allow) allowsPattern(t *Text, start, end int) bool {
	a.once.Do(func() { a.pats = newPatterns(a.patterns) })
	for _, p := range a.pats {
		for _, loc := range t.allowMatches(p) {
			if loc[0] <= start && loc[1] >= end {
				return true
			}
		}
	}
	return false
}

// allowMatches returns the matches of an allow pattern in t, memoised.
func (t *Text) allowMatches(p *pattern) [][]int {
	if t.memo == nil {
		t.memo = &textMemo{}
	}
	if locs, ok := t.memo.allow[p]; ok {
		return locs
	}
	if t.memo.allow == nil {
		t.memo.allow = map[*pattern][][]int{}
	}
	locs := p.findAll(t)
	t.memo.allow[p] = locs
	return locs
}

// AllowsTerm reports whether a phrase is an allowed term.
func (a *Allow) AllowsTerm(key string) bool {
	if a == nil {
		return false
	}
	for _, l := range a.terms {
		if l.Has(key) {
			return true
		}
	}
	return false
}

// merge adds b's exceptions to a.
func (a *Allow) merge(b *Allow) {
	if b == nil {
		return
	}
	a.terms = append(a.terms, b.terms...)
	a.patterns = append(a.patterns, b.patterns...)
	a.Pseudonyms = a.Pseudonyms || b.Pseudonyms
}

// Allows reports whether the span [start, end) of t is an exception.
func (a *Allow) Allows(t *Text, start, end int) bool {
	return a != nil && a.allows(t, start, end)
}

// AllowsPattern reports whether an allow pattern's match covers the span
// [start, end) of t: Allows without the allowed terms, for a caller that
// tests the span's words with AllowsTerm later, once t is gone.
func (a *Allow) AllowsPattern(t *Text, start, end int) bool {
	return a != nil && a.allowsPattern(t, start, end)
}

// compilePatterns parses a pack's patterns and checks them against the
// limits. Errors are worded as regexp.Compile's, which pack authors know;
// the regexps themselves are compiled when first needed (regex.go).
func compilePatterns(ps []string, ignoreCase bool) ([]*regex, error) {
	var out []*regex
	for _, p := range ps {
		if ignoreCase {
			p = "(?i)" + p
		}
		if e := snapshotFor(p); e != nil {
			// Checked when the snapshot was made.
			re := &regex{src: p, snap: e}
			notePattern(re)
			out = append(out, re)
			continue
		}
		if len(p) > MaxPatternLen {
			return nil, fmt.Errorf("pattern %q: pattern is %d bytes; the limit is %d (put long word lists in a terms rule)", shorten(p), len(p), MaxPatternLen)
		}
		// The parse regexp.Compile would do, with its errors.
		tree, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			return nil, fmt.Errorf("bad pattern %q: %v", shorten(p), shorten(strings.TrimPrefix(err.Error(), "error parsing regexp: ")))
		}
		if err := checkProgram(tree); err != nil {
			return nil, fmt.Errorf("pattern %q: %v", shorten(p), err)
		}
		re := newRegex(p, tree)
		notePattern(re)
		out = append(out, re)
	}
	return out, nil
}
