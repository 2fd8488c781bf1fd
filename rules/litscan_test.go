package rules

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestAutomatonWide checks the int32 table that automata too large for
// int16 states use against the literals found by strings.Index.
func TestAutomatonWide(t *testing.T) {
	checkAutomaton(t, 4000, 12, 12, "abcdefghijklmnopqrstuvwxyz", true)
}

// TestAutomatonOverlaps checks the int16 table of an automaton whose
// literals are short words of a small alphabet, prefixes and suffixes of
// one another, so that most hits come through failure links.
func TestAutomatonOverlaps(t *testing.T) {
	checkAutomaton(t, 300, 1, 6, "abcж", false)
}

// checkAutomaton builds an automaton of n distinct random literals of lo
// to hi runes of alphabet and compares its hits on a random text, a third
// of it literals in upper case, with strings.Index's.
func checkAutomaton(t *testing.T, n, lo, hi int, alphabet string, wide bool) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	runes := []rune(alphabet)
	word := func(n int) string {
		b := make([]rune, n)
		for i := range b {
			b[i] = runes[rng.IntN(len(runes))]
		}
		return string(b)
	}
	seen := map[string]bool{}
	var lits []string
	for len(lits) < n {
		// Literals are case-folded, as the prefilters intern them.
		if w := strings.Map(foldRune, word(lo+rng.IntN(hi-lo+1))); !seen[w] {
			seen[w] = true
			lits = append(lits, w)
		}
	}
	a := buildAutomaton(lits)
	if got := a.next16 == nil; got != wide {
		t.Fatalf("%d literals of %d to %d runes: int32 table %v, want %v", len(lits), lo, hi, got, wide)
	}
	var text strings.Builder
	for i := 0; i < 300; i++ {
		if i%3 == 0 {
			text.WriteString(strings.ToUpper(lits[rng.IntN(len(lits))]))
		} else {
			text.WriteString(word(7))
		}
		text.WriteString(" ")
	}
	src := text.String()
	m := &litMemo{auto: a, present: make([]uint64, (len(lits)+63)/64)}
	a.scan(src, m)
	var got, want []string
	for _, h := range m.hits {
		got = append(got, fmt.Sprintf("%d@%d", h.id, h.end))
	}
	lower := strings.Map(foldRune, src)
	if len(lower) != len(src) {
		t.Fatal("folding changed the text's length")
	}
	for id, l := range lits {
		for from := 0; ; {
			i := strings.Index(lower[from:], l)
			if i < 0 {
				break
			}
			want = append(want, fmt.Sprintf("%d@%d", id, from+i+len(l)))
			from += i + 1
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if len(want) < 100 || !slices.Equal(got, want) {
		t.Fatalf("got %d hits, want %d", len(got), len(want))
	}
}

// TestNewPatternOwnSet: a pattern searched outside the packs scans texts
// with an automaton of its own literals only.
func TestNewPatternOwnSet(t *testing.T) {
	if _, err := LoadBuiltin("default"); err != nil { // fills the shared set
		t.Fatal(err)
	}
	p := newPattern(regexp.MustCompile(`\bzq\w*\*`))
	if p.set == nil || len(p.set.list) == 0 {
		t.Fatal("no literal set")
	}
	var own []string
	for _, c := range p.clauses {
		own = append(own, c.lits...)
	}
	slices.Sort(own)
	got := slices.Sorted(slices.Values(p.set.list))
	if !slices.Equal(got, own) {
		t.Fatalf("literal set %q, want the pattern's own %q", got, own)
	}
	src := "Ana zqa* and zqb * zqc*"
	if got := fmt.Sprint(FindAllIndex(regexp.MustCompile(`\bzq\w*\*`), src)); got != "[[4 8] [19 23]]" {
		t.Fatalf("FindAllIndex: %s", got)
	}
}
