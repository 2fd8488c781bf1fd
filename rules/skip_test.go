package rules

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

// skipCases are patterns whose forward DFAs skip (or must not), each
// kind of skip represented: one stop byte, bytes above ASCII only, a line
// start skipping inside words, folding that reaches above ASCII.
var skipCases = []struct {
	expr    string
	on      bool
	inWords bool
	one     int
	high    bool
}{
	{`\bT[1-9A-HJ-NP-Za-km-z]{33}\b`, true, false, 'T', false},
	{`\bT[a-z]{2}\b`, true, false, 'T', false},
	{`[\p{Han}\p{Hiragana}]{2,8}|\p{Hangul}{2,5}`, true, false, -1, true},
	{`(?m)^[ \t]*(?:[-*•+]\s+)?(?i:team|vehicles?)\s*:`, true, true, '\n', false},
	{`(?m)^ab$`, true, false, 'a', false},
	{`\Bb\B`, true, false, 'b', false},
	{`(?i)k\d`, true, false, -1, true}, // the Kelvin sign folds to k
	{`\bx(?:a|b)*a(?:a|b){13}c`, true, false, 'x', false},
	{`x*`, false, false, -1, false},         // matches empty text
	{`(?:\b|^)y?`, false, false, -1, false}, // likewise
	{`(?i)[a-z]+ing`, false, false, -1, false},
}

// TestDFASkip checks which DFAs skip and how, then compares their first
// starts and last ends (checkBounds) and their prefiltered matches
// (checkSame) with the regexp's on random texts of the pieces that stop a
// skip or end one in a tricky place: newlines, word characters next to
// stop bytes, runes above ASCII whole and cut, folding variants.
func TestDFASkip(t *testing.T) {
	withSkipAfter(t, 0)
	pieces := []string{"T", "t", "a", "b", "x", "y", "k", "\u212a", "ſ", "1", " ", "\n", "\n\n", "_", "-", ":",
		"漢字", "ひら", "한국", "é", "\xff", "\xe6\xbc", "Tab", "team:", "vehicle :", "  - ", "•", "ab", "Tbcdefghijkmnopqrstuvwxyzabcdefghijk"}
	rng := rand.New(rand.NewPCG(5, 6))
	for _, tc := range skipCases {
		tree, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		d := newDFA(tree)
		c := d.get()
		k := d.newSkip(c)
		d.put(c)
		if k.on != tc.on || k.on && (k.inWords != tc.inWords || k.one != tc.one || k.high != tc.high) {
			t.Errorf("%s: skip on %v, in words %v, one %q, high %v; want %v, %v, %q, %v",
				tc.expr, k.on, k.inWords, rune(k.one), k.high, tc.on, tc.inWords, rune(tc.one), tc.high)
		}
		re := regexp.MustCompile(tc.expr)
		p := newPattern(re)
		for range 300 {
			var b strings.Builder
			for n := rng.IntN(40); n > 0; n-- {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			src := b.String()
			checkBounds(t, tc.expr, src)
			checkSame(t, p, NewText(src, "paragraph"))
		}
	}
}

// TestDFASkipReset runs a skipping DFA whose states outgrow the cache, so
// that the cache starts again (and forgets its idle states) between skips.
func TestDFASkipReset(t *testing.T) {
	withSkipAfter(t, 0)
	checkStateReset(t, `\bx(?:a|b)*a(?:a|b){13}c`, 7, 6000, "x .\n", true)
}

// TestDFASkipAfter: a cache sets skipping up only after skipAfter bytes,
// and then marks the idle transitions it built before (the start state's
// on a letter, the commonest); the answers stay the regexp's before,
// across and after the switch.
func TestDFASkipAfter(t *testing.T) {
	withSkipAfter(t, 2500)
	expr := `\bT[a-z]{2}\b`
	re, fwd := regexpAndDFA(t, expr)
	rng := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"T", "Tab", "Tabc", "a", " ", "\n", "x", "é"}
	for n := range 12 {
		var b strings.Builder
		for b.Len() < 1000 {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		checkLastEnd(t, re, fwd, s, n)
		c := fwd.get()
		if on := c.skip != nil && c.skip.on; on != (n >= 2) {
			t.Fatalf("text %d: skipping %v after %d bytes", n, on, c.forward)
		}
		next := c.ascii[int(c.start)<<fwd.shift|int(fwd.class['a'])]
		if idle := next >= 0 && next&dfaIdleBit != 0; idle != (n >= 2) {
			t.Fatalf("text %d: start state's transition on a is %#x, idle bit %v", n, next, idle)
		}
		fwd.put(c)
	}
}

// withSkipAfter sets skipAfter for one test.
func withSkipAfter(t *testing.T, n int) {
	old := skipAfter
	skipAfter = n
	t.Cleanup(func() { skipAfter = old })
}

// TestDFASkipBuiltin: the patterns that made skipping worth it, the
// whole-text scans of the default pack, do skip.
func TestDFASkipBuiltin(t *testing.T) {
	want := map[string]bool{
		`\bT[1-9A-HJ-NP-Za-km-z]{33}\b`: true,
	}
	found := 0
	for _, re := range builtinRegexes(t) {
		p := patternOf(re)
		d := p.dfas()
		if d == nil || !want[re.src] && !strings.HasPrefix(re.src, `(?i)(?m)^[ \t]*`) && !strings.HasPrefix(re.src, `[\p{Han}`) {
			continue
		}
		found++
		c := d.get()
		on := d.newSkip(c).on
		d.put(c)
		if !on {
			t.Errorf("%s: no skipping", re.src)
		}
	}
	if found < 3 {
		t.Errorf("only %d of the patterns looked for", found)
	}
}
