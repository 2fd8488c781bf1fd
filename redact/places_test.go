package redact

import (
	"math/rand/v2"
	"testing"
)

// TestPlaceSpansContain compares the binary searches of placeSpans with a
// pass over every location finding.
func TestPlaceSpansContain(t *testing.T) {
	slow := func(cands []Finding, s Span) bool {
		for _, c := range cands {
			if c.Category == "location" && c.Span.Start <= s.Start && c.Span.End >= s.End && c.Span.Len() > s.Len() {
				return true
			}
		}
		return false
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		var cands []Finding
		for range rng.IntN(12) {
			a := rng.IntN(60)
			cat := "location"
			if rng.IntN(3) == 0 {
				cat = "name"
			}
			cands = append(cands, Finding{Category: cat, Span: Span{a, a + 1 + rng.IntN(15)}})
		}
		p := newPlaceSpans(chunkList[Finding]{cands})
		for a := 0; a < 70; a++ {
			for n := 1; n < 10; n++ {
				s := Span{a, a + n}
				if got, want := p.contain(s), slow(cands, s); got != want {
					t.Fatalf("spans %v, %v: contain %v, want %v", cands, s, got, want)
				}
			}
		}
	}
}
