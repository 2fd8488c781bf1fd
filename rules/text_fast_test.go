package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rescue-stories/redact/rules/fold"
)

// newTextRef is NewText as it was before keys became slices of one folded
// buffer and ASCII was classified by byte: the reference for the fast one.
func newTextRef(src, scope string) *Text {
	t := &Text{Src: src, Scope: scope}
	words := fold.Words(src)
	t.Tokens = make([]Token, len(words))
	prev := 0
	caps, lowers := 0, 0
	for i, w := range words {
		tok := Token{Start: w.Start, End: w.End}
		word := src[w.Start:w.End]
		tok.Key = fold.Fold(word)
		r, _ := utf8.DecodeRuneInString(word)
		tok.Cap = unicode.IsUpper(r)
		tok.Digit = unicode.IsDigit(r)
		if tok.Cap {
			tok.Upper = isUpperWordRunes(word)
			caps++
		} else if unicode.IsLower(r) {
			lowers++
		}
		gap := src[prev:w.Start]
		tok.GapText = gap
		if i == 0 {
			tok.Gap = GapStart
			tok.SentStart = true
		} else {
			tok.Gap = classifyGap(gap)
			tok.SentStart = endsSentence(gap)
			if tok.SentStart && strings.HasPrefix(gap, ".") && !strings.Contains(gap, ":") && abbreviation(t.Tokens[i-1], src, []byte(t.Tokens[i-1].Key)) {
				tok.SentStart = false
			}
			if tok.SentStart && innerDot(src, &t.Tokens[i-1], gap, word) {
				tok.SentStart = false
			}
		}
		t.Tokens[i] = tok
		prev = w.End
	}
	if scope == "heading" || (caps >= 3 && caps > 2*lowers) {
		t.TitleCase = caps > 1
	}
	return t
}

// sameText compares a fast Text with the reference, n-gram keys included.
func sameText(t *testing.T, src, scope string) {
	t.Helper()
	got, want := NewText(src, scope), newTextRef(src, scope)
	if got.TitleCase != want.TitleCase || len(got.Tokens) != len(want.Tokens) {
		t.Fatalf("%q: TitleCase %v/%v, %d/%d tokens", src, got.TitleCase, want.TitleCase, len(got.Tokens), len(want.Tokens))
	}
	for i, g := range got.Tokens {
		w := want.Tokens[i]
		g.koff = 0
		if g != w {
			t.Fatalf("%q: token %d = %+v, want %+v", src, i, g, w)
		}
	}
	for i := range got.Tokens {
		for j := i + 1; j <= min(len(got.Tokens), i+5); j++ {
			if g, w := got.Key(i, j), want.Key(i, j); g != w {
				t.Fatalf("%q: Key(%d, %d) = %q, want %q", src, i, j, g, w)
			}
			if g, w := got.spanKey(got.Tokens[i].Start, got.Tokens[j-1].End), fold.Key(src[got.Tokens[i].Start:got.Tokens[j-1].End]); g != w {
				t.Fatalf("%q: spanKey(%d, %d) = %q, want %q", src, i, j, g, w)
			}
		}
	}
}

var textSeeds = []string{
	"", "a", " x ", "Maria Santos met Ramón in Boca Chica on March 14.",
	"Mr. Santos and S. Rajendran. Q. How? A. We left.\n\n- Dr. Cruz",
	"MARIA SANTOS IN BOCA CHICA", "Straße ŁÓDŹ Ñandú ÉCOLE École",
	"Maria's O'Brien's D’Souza’s boda-boda img/ramon-peralta_boca.jpg",
	"12 March 1990 Pallati 112… • x", "Tmt.\u00a0Lakshmi\u2011Devi — e\u0301 \u0301x",
	"Kisenyi\nPreheader: Your gift", "ǅemal ǈubica Ⅻ ١٢٣ ΣΑΣ",
}

func TestNewTextFast(t *testing.T) {
	for _, s := range textSeeds {
		sameText(t, s, "paragraph")
		sameText(t, s, "heading")
	}
	paths, _ := filepath.Glob(filepath.Join("..", "fixtures", "drafts", "*.ann.md"))
	if len(paths) == 0 {
		t.Fatal("no fixtures/drafts")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, para := range strings.Split(string(b), "\n\n") {
			sameText(t, para, "paragraph")
		}
	}
}

// FuzzNewText checks the fast tokeniser against the reference on any input.
func FuzzNewText(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameText(t, s, "paragraph")
	})
}

// FuzzSpanKey checks spanKey on arbitrary spans, aligned or not.
func FuzzSpanKey(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s, uint16(0), uint16(len(s)))
		f.Add(s, uint16(1), uint16(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, s string, a, b uint16) {
		start, end := int(a)%(len(s)+1), int(b)%(len(s)+1)
		if start > end {
			start, end = end, start
		}
		if got, want := NewText(s, "paragraph").spanKey(start, end), fold.Key(s[start:end]); got != want {
			t.Fatalf("spanKey(%q, %d, %d) = %q, want %q", s, start, end, got, want)
		}
	})
}

// TestPseudonymsHasAllocs checks that looking a finding up among the
// marked pseudonyms folds its text without allocating.
func TestPseudonymsHasAllocs(t *testing.T) {
	ps := FindPseudonyms("Ana* met Srey Leak* in Boca Chica.")
	for text, want := range map[string]bool{"Ana": true, "ANA": true, "Srey Leak": true, "Srey": true, "Leak": true, "Srey Cruz": false, "Boca Chica": false} {
		if got := ps.Has(text); got != want {
			t.Errorf("Has(%q) = %v, want %v", text, got, want)
		}
	}
	if allocs := testing.AllocsPerRun(100, func() { ps.Has("Srey Leak") }); allocs > 0 {
		t.Errorf("Has allocates %v times", allocs)
	}
}
