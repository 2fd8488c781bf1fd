package rules

import (
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
	srcs = append(srcs, strings.Repeat("Maria SANTOS met Dr. Cruz. ", slabTokens/5))
	var a TextArena
	for round := range 3 {
		texts := make([]*Text, len(srcs))
		for i, s := range srcs {
			texts[i] = a.NewText(s, "paragraph")
		}
		if round == 0 && len(a.slabs) < 2 {
			t.Fatalf("%d slabs: the test should fill more than one", len(a.slabs))
		}
		for i, s := range srcs {
			want := NewText(s, "paragraph")
			if got := texts[i]; !slices.Equal(got.Tokens, want.Tokens) || got.keys != want.keys || got.TitleCase != want.TitleCase {
				t.Fatalf("round %d: text %d differs from NewText's", round, i)
			}
		}
		a.Release()
		if len(a.slabs) != 0 || a.free != nil {
			t.Fatal("Release kept slabs")
		}
		slices.Reverse(srcs) // other texts over the reused tokens
	}
	var none *TextArena
	if got, want := none.NewText("Maria Santos", "heading"), NewText("Maria Santos", "heading"); !slices.Equal(got.Tokens, want.Tokens) {
		t.Fatal("nil arena: text differs from NewText's")
	}
}
