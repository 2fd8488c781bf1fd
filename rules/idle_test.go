package rules

import (
	"math/rand/v2"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestIdlePatternsSkipNothing: a pattern the rule loops pass over as idle
// in a text has no match there, for every built-in pattern rule over the
// drafts; and some are passed over, or the test would prove nothing.
func TestIdlePatternsSkipNothing(t *testing.T) {
	var texts []*Text
	for _, src := range draftTexts(t) {
		texts = append(texts, NewText(src, "paragraph"))
	}
	skipped, kept := 0, 0
	for _, r := range builtinSet(t).Rules {
		m, ok := r.matcher.(*patternMatcher)
		if !ok {
			continue
		}
		pats := m.patterns()
		for _, text := range texts {
			lm := m.idleMemo(text, pats)
			for i, p := range pats {
				if lm == nil || m.nums[i] < 0 || !lm.quiet(m.nums[i]) {
					kept++
					continue
				}
				skipped++
				if locs := p.re.FindAllStringSubmatchIndex(text.Src, -1); len(locs) > 0 {
					t.Fatalf("rule %s: pattern %q passed over in %q, which it matches at %v", r.ID, p.re, text.Src, locs)
				}
			}
		}
	}
	if skipped == 0 || kept == 0 {
		t.Fatalf("%d patterns passed over, %d kept: want some of each", skipped, kept)
	}
}

// TestQuietNewPattern: a pattern added to a literal set after a text was
// scanned is never taken as idle on the old scan's hits, nor is any before
// the hits are sorted.
func TestQuietNewPattern(t *testing.T) {
	ls := newLitSet()
	_, first := ls.intern([][]string{{"alpha"}})
	text := &Text{Src: "alpha beta"}
	lm := text.literals(ls)
	if lm.quiet(first) {
		t.Fatal("hits not sorted yet: no pattern is idle")
	}
	lm.sortHits()
	if lm.quiet(first) {
		t.Fatal("alpha occurs: the first pattern is not idle")
	}
	_, second := ls.intern([][]string{{"beta"}})
	if lm.quiet(second) {
		t.Fatal("a pattern newer than the scan must not be taken as idle")
	}
	lm = text.literals(ls) // rescans with the new automaton
	lm.sortHits()
	if lm.quiet(second) {
		t.Fatal("beta occurs: the second pattern is not idle")
	}
	_, third := ls.intern([][]string{{"gamma"}})
	lm = text.literals(ls)
	lm.sortHits()
	if !lm.quiet(third) {
		t.Fatal("gamma does not occur: the third pattern is idle")
	}
	if lm := (&Text{Src: "nothing here"}).literals(ls); !lm.quiet(first) || !lm.quiet(third) {
		t.Fatal("a text without hits: every pattern is idle")
	}
}

// TestSharedFirstClause: patterns with the same first clause, in any
// order, share a number and so the hits a text sorts to it; another first
// clause gets another number, and the hits of each are its own literals'.
func TestSharedFirstClause(t *testing.T) {
	ls := newLitSet()
	_, a := ls.intern([][]string{{"1", "2"}, {"x"}})
	_, b := ls.intern([][]string{{"2", "1", "2"}})
	_, c := ls.intern([][]string{{"2"}})
	if a != b {
		t.Fatalf("same first clause: numbers %d and %d", a, b)
	}
	if c == a {
		t.Fatalf("another first clause shares number %d", c)
	}
	lm := (&Text{Src: "12 x 2"}).literals(ls)
	if got := lm.anchored(a); !slices.Equal(got, []int32{1, 2, 6}) {
		t.Fatalf("ends of {1, 2}: %v, want [1 2 6]", got)
	}
	if got := lm.anchored(c); !slices.Equal(got, []int32{2, 6}) {
		t.Fatalf("ends of {2}: %v, want [2 6]", got)
	}
}

// TestAlphabetRuns compares the run walks of windows with a rune-by-rune
// walk over random text with ASCII, non-ASCII and invalid bytes.
func TestAlphabetRuns(t *testing.T) {
	tree, err := syntax.Parse(`(?i)[\p{L}\d_ -]+é`, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	alpha := newAlphabet(tree)
	pieces := []string{"a", "Z", "0", " ", "-", ".", "\n", "é", "ß", "€", "\xff", "_", "ǅ"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for i := 0; i <= len(s); i++ {
			wantBefore := i
			for wantBefore > 0 {
				r, size := utf8.DecodeLastRuneInString(s[:wantBefore])
				if !alpha.has(r) {
					break
				}
				wantBefore -= size
			}
			wantAfter := i
			for wantAfter < len(s) {
				r, size := utf8.DecodeRuneInString(s[wantAfter:])
				if !alpha.has(r) {
					break
				}
				wantAfter += size
			}
			if got := alpha.runBefore(s, i); got != wantBefore {
				t.Fatalf("runBefore(%q, %d) = %d, want %d", s, i, got, wantBefore)
			}
			if got := alpha.runAfter(s, i); got != wantAfter {
				t.Fatalf("runAfter(%q, %d) = %d, want %d", s, i, got, wantAfter)
			}
		}
	}
}

// TestAnyPresentSparse compares anyPresent, which reads only the words of
// a clause's set that hold literals, with a test of each literal.
func TestAnyPresentSparse(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var c clause
		for range rng.IntN(40) {
			c.add(int32(rng.IntN(1 + rng.IntN(3000))))
		}
		m := &litMemo{present: make([]uint64, rng.IntN(50))}
		for range rng.IntN(6) {
			if id := rng.IntN(3000); id/64 < len(m.present) {
				m.present[id/64] |= 1 << (id % 64)
			}
		}
		want := false
		for _, id := range c.ids {
			if w := int(id / 64); w < len(m.present) && m.present[w]&(1<<(id%64)) != 0 {
				want = true
			}
		}
		if got := m.anyPresent(&c); got != want {
			t.Fatalf("clause %v, present %x: anyPresent %v, want %v", c.ids, m.present, got, want)
		}
	}
}

// TestAnchoredRandom compares the compact per-text tables of sortHits with
// a plain filter of the text's hits, for random first clauses over random
// texts: every number's ends, and quiet.
func TestAnchoredRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	words := []string{"a", "b", "ab", "ba", "abc", "c", "ca", "bb", "1", "2", "12", "x"}
	for range 50 {
		ls := newLitSet()
		var firsts [][]string
		for range 1 + rng.IntN(150) {
			var c []string
			for range 1 + rng.IntN(3) {
				c = append(c, words[rng.IntN(len(words))])
			}
			ls.intern([][]string{c})
			firsts = append(firsts, c)
		}
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString(" .,"[rng.IntN(3):][:1])
		}
		lm := (&Text{Src: b.String()}).literals(ls)
		for i, c := range firsts {
			_, k := ls.intern([][]string{c}) // the same clause: its number
			var want []int32
			for _, h := range lm.hits {
				if slices.Contains(c, ls.list[h.id]) {
					want = append(want, h.end)
				}
			}
			got := lm.anchored(k)
			if !slices.Equal(got, want) || lm.quiet(k) != (len(want) == 0) {
				t.Fatalf("clause %d %v in %q: ends %v, want %v", i, c, b.String(), got, want)
			}
		}
	}
}
