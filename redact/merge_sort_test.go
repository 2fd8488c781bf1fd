package redact

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/rescue-stories/redact/rules"
)

// TestSortStable compares the permutation sort with sort.SliceStable on
// random findings with many ties, the order union and resolve relied on.
func TestSortStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		fs := make([]Finding, n%90)
		for i := range fs {
			s := r.IntN(12)
			fs[i] = Finding{Span: Span{s, s + r.IntN(4)}, Rule: string(rune('a' + i%26)), Why: string(rune('A' + i/26))}
		}
		want := append([]Finding(nil), fs...)
		sort.SliceStable(want, func(i, j int) bool {
			a, b := want[i], want[j]
			if a.Span.Start != b.Span.Start {
				return a.Span.Start < b.Span.Start
			}
			return a.Span.End > b.Span.End
		})
		got := append([]Finding(nil), fs...)
		sortStable(got, func(a, b *Finding) int {
			if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
				return c
			}
			return cmp.Compare(b.Span.End, a.Span.End)
		})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("n=%d: sortStable differs from sort.SliceStable:\n got %v\nwant %v", len(fs), got, want)
		}
	}
}

// TestCutAroundReadsOnlyOverlaps compares cutAround, which reads only the
// blocking findings that can overlap, with cutting around every one of
// them, on random sorted, disjoint blocking spans.
func TestCutAroundReadsOnlyOverlaps(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	src := []byte(strings.Repeat("ab cd, ef. ", 60))
	for range 2000 {
		var block []Finding
		for at := rng.IntN(5); at < len(src)-1; {
			n := 1 + rng.IntN(6)
			if at+n > len(src) {
				break
			}
			block = append(block, Finding{Span: Span{at, at + n}})
			at += n + rng.IntN(15)
		}
		s := rng.IntN(len(src) - 1)
		r := Finding{Span: Span{s, s + 1 + rng.IntN(min(80, len(src)-s-1))}}
		got := cutAround(r, block, src)
		// The reference: the same cut with every blocking finding read.
		parts := []Span{r.Span}
		for _, b := range block {
			var next []Span
			for _, p := range parts {
				if !p.Overlaps(b.Span) {
					next = append(next, p)
					continue
				}
				if p.Start < b.Span.Start {
					next = append(next, Span{p.Start, b.Span.Start})
				}
				if b.Span.End < p.End {
					next = append(next, Span{b.Span.End, p.End})
				}
			}
			parts = next
		}
		var want []Span
		for _, p := range parts {
			if p = trimSpan(src, p); p.Len() > 0 {
				want = append(want, p)
			}
		}
		var gotSpans []Span
		for _, f := range got {
			gotSpans = append(gotSpans, f.Span)
		}
		if !slices.Equal(gotSpans, want) {
			t.Fatalf("cut %v around %v: got %v, want %v", r.Span, block, gotSpans, want)
		}
	}
}

// TestResolveGroups checks that resolve takes its groups of candidates
// (the rules' findings, then their echoes) as the one list they make
// together, on random overlapping blocking and review findings.
func TestResolveGroups(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	src := []byte(strings.Repeat("Ab cd, Ef gh. ", 30))
	for range 500 {
		cands := make([]Finding, rng.IntN(40))
		for i := range cands {
			s := rng.IntN(len(src) - 8)
			sev := rules.Block
			if rng.IntN(3) == 0 {
				sev = rules.Review
			}
			cands[i] = Finding{Span: Span{s, s + 1 + rng.IntN(8)}, Severity: sev, Rule: string(rune('a' + i%26))}
			cands[i].Text = string(src[cands[i].Span.Start:cands[i].Span.End])
		}
		var cuts []Finding
		if rng.IntN(2) == 0 {
			s := rng.IntN(len(src) - 4)
			cuts = []Finding{{Span: Span{s, s + 3}}}
		}
		want := resolve(src, cuts, slices.Clone(cands))
		k := rng.IntN(len(cands) + 1)
		got := resolve(src, cuts, slices.Clone(cands[:k]), slices.Clone(cands[k:]))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("split at %d of %d: got %v\nwant %v", k, len(cands), got, want)
		}
		// The first group with room for every blocking candidate: they
		// are moved within its array, then the other group's follow.
		first := append(make([]Finding, 0, len(cands)+rng.IntN(3)), cands[:k]...)
		got = resolve(src, cuts, first, slices.Clone(cands[k:]))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("split at %d of %d, in the first group's array: got %v\nwant %v", k, len(cands), got, want)
		}
	}
}
