package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestTextArena checks that texts made in an arena are NewText's, over
// several slabs, a text longer than an arena hands out, and slabs reused
// after Release (cleared: a reused token must not keep its old fields).
func TestTextArena(t *testing.T) {
	srcs := append(draftParagraphs(t), strings.Repeat("Maria SANTOS met Dr. Cruz. ", slabLen/5))
	var a TextArena
	for round := range 3 {
		texts := make([]*Text, len(srcs))
		for i, s := range srcs {
			texts[i] = a.NewText(s, "paragraph")
		}
		if round == 0 && len(a.toks.used) < 2 {
			t.Fatalf("%d slabs: the test should fill more than one", len(a.toks.used))
		}
		for i, s := range srcs {
			want := NewText(s, "paragraph")
			if got := texts[i]; !slices.Equal(got.Tokens, want.Tokens) || got.keys != want.keys || got.TitleCase != want.TitleCase {
				t.Fatalf("round %d: text %d differs from NewText's", round, i)
			}
		}
		a.Release()
		if len(a.toks.used) != 0 || a.toks.free != nil {
			t.Fatal("Release kept slabs")
		}
		slices.Reverse(srcs) // other texts over the reused tokens
	}
	var none *TextArena
	if got, want := none.NewText("Maria Santos", "heading"), NewText("Maria Santos", "heading"); !slices.Equal(got.Tokens, want.Tokens) {
		t.Fatal("nil arena: text differs from NewText's")
	}
}

// TestTextArenaMemos checks that the literal memos of texts made in an
// arena (hits, bit sets and the hits sorted to patterns, taken from its
// slabs) and their token hashes are those of NewText's texts, over slabs
// reused after Release.
func TestTextArenaMemos(t *testing.T) {
	var ls *litSet
	for _, r := range builtinSet(t).Rules {
		if pm, ok := r.matcher.(*patternMatcher); ok {
			for _, p := range pm.patterns() {
				if p.set != nil && ls == nil {
					ls = p.set
				}
			}
		}
	}
	if ls == nil {
		t.Fatal("no literal set")
	}
	srcs := append(draftParagraphs(t), strings.Repeat("Maria SANTOS met officers of the police in Manila on 3 May. ", 200))
	var a TextArena
	sorted := func(m *litMemo) string {
		m.sortHits()
		return fmt.Sprint(m.anch, m.rank, m.endLo, m.ends)
	}
	for round := range 3 {
		texts := make([]*Text, len(srcs))
		for i, s := range srcs {
			texts[i] = a.NewText(s, "paragraph")
			texts[i].literals(ls)
		}
		hits := 0
		for i, s := range srcs {
			want := NewText(s, "paragraph")
			got := texts[i]
			gm, wm := got.literals(ls), want.literals(ls)
			if gm.arena != &a || wm.arena != nil {
				t.Fatal("memo not in the text's arena")
			}
			hits += len(gm.hits)
			if !slices.Equal(got.hashes, want.hashes) || !slices.Equal(gm.hits, wm.hits) || !slices.Equal(gm.present, wm.present) {
				t.Fatalf("round %d: text %d: hashes, hits or bits differ from NewText's", round, i)
			}
			if i%2 == round%2 { // sorted in both orders of use
				if g, w := sorted(gm), sorted(wm); g != w {
					t.Fatalf("round %d: text %d: sorted hits %s, want %s", round, i, g, w)
				}
			}
		}
		if round == 0 && (hits < 1000 || len(a.words.used) < 2 || len(a.ints.used) < 2 || len(a.hits.used) < 2) {
			t.Fatalf("%d hits, %d, %d and %d slabs: the test should fill more than one of each", hits, len(a.words.used), len(a.ints.used), len(a.hits.used))
		}
		a.Release()
		if len(a.words.used)+len(a.ints.used)+len(a.hits.used) != 0 {
			t.Fatal("Release kept slabs")
		}
		slices.Reverse(srcs)
	}
}

// draftParagraphs returns the paragraphs of the development drafts.
func draftParagraphs(t *testing.T) []string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "fixtures", "drafts", "*.ann.md"))
	if len(paths) == 0 {
		t.Fatal("no fixtures/drafts")
	}
	var srcs []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, strings.Split(string(b), "\n\n")...)
	}
	return srcs
}
