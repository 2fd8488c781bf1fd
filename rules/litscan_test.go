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
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abcdefghijklmnopqrstuvwxyz"[rng.IntN(26)]
		}
		return string(b)
	}
	seen := map[string]bool{}
	var lits []string
	for len(lits) < 4000 {
		if w := word(12); !seen[w] {
			seen[w] = true
			lits = append(lits, w)
		}
	}
	a := buildAutomaton(lits)
	if a.next16 != nil || a.next == nil {
		t.Fatalf("%d literals of 12 bytes: want the int32 table", len(lits))
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
	lower := strings.ToLower(src)
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
