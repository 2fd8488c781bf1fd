package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// containsAny is what keywordSet.in must answer.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// TestKeywordSet: one pass answers as strings.Contains of each keyword, on
// keywords of one, two and more bytes, sharing first pairs, multi-byte
// runes, at the text's edges, and on random texts over a small alphabet.
func TestKeywordSet(t *testing.T) {
	sets := [][]string{
		nil,
		{""},
		{"@"},
		{"@", "wxid_", "_", "id", "handle", "user", "u/", "."},
		{"crl", "fir", "w.p", "w. p", "case", "cas", "file", "exp.", "expte."},
		{"é", "ñu", "caso n°", "ab"},
		{"0", "1", "2", "9"},
	}
	texts := []string{"", "c", "ca", "cas", "case", "xcase", "the file no.", "w.p", "w. p.", "exp", "expte", "é", "ñ", "ñu", "caso n°", "caso n", "@x", "x@", "ab", "a", "b", "ba"}
	rng := rand.New(rand.NewPCG(1, 2))
	alpha := []string{"a", "b", "c", "s", "e", ".", " ", "p", "w", "é", "ñ", "u", "_", "@", "1"}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alpha[rng.IntN(len(alpha))])
		}
		texts = append(texts, b.String())
	}
	for _, words := range sets {
		ks := newKeywordSet(words)
		for _, s := range texts {
			if got, want := ks.in(s), containsAny(s, words); got != want {
				t.Errorf("%q in %q: %v, want %v", words, s, got, want)
			}
		}
	}
}

// FuzzKeywordSet: keywordSet.in is strings.Contains of any keyword.
func FuzzKeywordSet(f *testing.F) {
	f.Add("case\x00file\x00w.p", "the case file")
	f.Add("a\x00ab\x00abc", "xxab")
	f.Fuzz(func(t *testing.T, joined, s string) {
		words := strings.Split(joined, "\x00")
		if got, want := newKeywordSet(words).in(s), containsAny(s, words); got != want {
			t.Fatalf("%q in %q: %v, want %v", words, s, got, want)
		}
	})
}
